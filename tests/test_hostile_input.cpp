// Conservation under hostile input: generated CSV exports with amounts at
// and one minor unit beyond the int64 limit, dates at the ends of the
// calendar and one day outside, thousands of partial payments on one
// invoice, payments before their invoices, duplicate ids, a BOM, CJK text,
// invalid UTF-8, embedded NUL bytes, CR-only line ends, quotes inside
// fields and broken quoting, loaded with load_ledger.
//
// The generator knows what it wrote: the line each record starts on, which
// rows it broke on purpose, and the money of every amount that is a valid
// decimal within the int64 range, summed here in 128 bits from the values
// it formatted (not by parsing the text back). The properties:
//  - no crash, and every row is loaded or left out; a row broken on
//    purpose is reported with its file and line;
//  - per file, accepted money + rejected money = the readable money in the
//    input, to the minor unit, and the rows without a readable amount are
//    counted;
//  - on what loaded, allocate() and age_receivables() conserve money
//    (tests/ledger_checks.hpp) or throw overflow_error, and only when a
//    true sum really leaves the int64 range: never a wrap.
// Every case comes from a fixed seed; a failure names it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "huikuan/aging.hpp"
#include "huikuan/allocation.hpp"
#include "huikuan/load.hpp"
#include "ledger_checks.hpp"
#include "ledger_generator.hpp"

using namespace huikuan;
using huikuan_test::failure_log;
using huikuan_test::int128;
using huikuan_test::ledger_generator;

namespace {

using uint128 = huikuan::detail::uint128;

constexpr std::uint64_t first_seed = 0x686F'7374'696C'6500ULL;  // "hostile\0"
constexpr int128 int64_max = std::numeric_limits<std::int64_t>::max();
constexpr int128 int64_min = std::numeric_limits<std::int64_t>::min();

std::string to_text(int128 value) {
  uint128 magnitude = value < 0 ? uint128(0) - static_cast<uint128>(value) : static_cast<uint128>(value);
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  return value < 0 ? "-" + digits : digits;
}

// Minor units as a decimal amount with two places ("-1234.05"), the whole
// part grouped by thousands when asked ("1,234.05").
std::string amount_text(int128 minor, bool grouped) {
  const std::string sign = minor < 0 ? "-" : "";
  const std::string digits = to_text(minor < 0 ? -minor : minor);
  const std::string padded = digits.size() < 3 ? std::string(3 - digits.size(), '0') + digits : digits;
  std::string whole = padded.substr(0, padded.size() - 2);
  if (grouped)
    for (auto i = static_cast<std::ptrdiff_t>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<std::size_t>(i), 1, ',');
  return sign + whole + "." + padded.substr(padded.size() - 2);
}

// An amount field: its text and, when the text is a valid decimal within
// the int64 range, its minor units.
struct amount_field {
  std::string text;
  std::optional<int128> minor;
};

amount_field random_amount(ledger_generator& gen) {
  const std::int64_t shape = gen.between(0, 99);
  const auto valid = [](int128 minor, bool grouped = false) { return amount_field{amount_text(minor, grouped), minor}; };
  if (shape < 65) return valid(gen.between(1, 50'000'000), gen.chance(20));
  if (shape < 72) return valid(int64_max);  // 92233720368547758.07
  if (shape < 75) return valid(int64_max - gen.between(0, 5));
  if (shape < 78) return {amount_text(int64_max + 1, false), std::nullopt};  // one minor unit more
  if (shape < 79) return {amount_text(int64_max + gen.between(2, 1'000'000'000), gen.chance(50)), std::nullopt};
  if (shape < 81) return valid(int64_min);  // readable, and not positive
  if (shape < 82) return {amount_text(int64_min - 1, false), std::nullopt};
  if (shape < 84) return valid(0);
  if (shape < 86) return valid(-gen.between(1, 100'000));
  if (shape < 90) {
    const int128 minor = gen.between(1, 9'999);
    return {"  " + amount_text(minor, false) + " ", minor};  // spaces around an amount are trimmed
  }
  if (shape < 93) {
    const int128 whole = gen.between(1, 99'999);
    return {to_text(whole), whole * 100};  // whole units without decimals
  }
  static const std::vector<std::string> malformed{
      "12,34", "1.234", "", "abc", std::string("1\0" "2", 3), "\xEF\xBC\x91\xEF\xBC\x92", "+5", "1e5", "--1", ".5", "5.",
      "1,2345.00", "9223372036854775807999999999999999999", "0x10", "\xff\xfe"};
  return {gen.pick(malformed), std::nullopt};
}

// A date field and whether it is a valid date inside the calendar.
std::pair<std::string, bool> random_date(ledger_generator& gen, std::int32_t around) {
  const std::int64_t shape = gen.between(0, 99);
  if (shape < 80) return {format_date(day(static_cast<std::int32_t>(around + gen.between(-400, 400)))), true};
  if (shape < 85) return {"1400-01-01", true};
  if (shape < 90) return {"9999-12-31", true};
  if (shape < 92) return {" 2024-02-29 ", true};
  static const std::vector<std::string> invalid{"1399-12-31", "10000-01-01", "2024-02-30", "2023-02-29",
                                                "0000-00-00", "2025/01/01",  "",           "9999-12-32",
                                                "1400-00-01", "二〇二五-01-01"};
  return {gen.pick(invalid), false};
}

// What the generator wrote into one file.
struct written_file {
  std::string text;
  std::vector<std::size_t> lines;   ///< the line each data record starts on
  std::vector<bool> broken;         ///< rows broken on purpose (surely left out)
  int128 readable_money = 0;        ///< money of the readable amounts
  std::size_t without_amount = 0;   ///< rows whose amount cannot be read
};

// Writes CSV the way exports come: a BOM or not, LF, CRLF or CR-only line
// ends, blank lines, quoted fields, and rows spoiled on purpose.
class csv_writer {
public:
  csv_writer(ledger_generator& gen, std::string header) : gen_(gen) {
    line_end_ = gen.pick(std::vector<std::string>{"\n", "\r\n", "\r"});
    if (gen.chance(30)) file_.text = "\xEF\xBB\xBF";
    if (gen.chance(10)) blank_line();
    file_.text += header + line_end_;
    ++line_;
    width_ = 1 + static_cast<std::size_t>(std::count(header.begin(), header.end(), ','));
  }

  // One data row; `amount` for files with an amount column. Unless told
  // `clean`, one row in twenty-five gets a field too many or broken quoting.
  void row(std::vector<std::string> fields, bool broken, const std::optional<amount_field>& amount, bool clean = false) {
    bool readable = !amount || amount->minor.has_value();
    std::string record;
    const std::int64_t spoil = clean ? 99 : gen_.between(0, 99);
    if (spoil < 3) {
      fields.emplace_back("extra");  // a field more than the header
      broken = true;
      readable = false;
    }
    for (std::size_t f = 0; f < fields.size(); ++f) {
      if (f > 0) record += ',';
      record += quoted(fields[f]);
    }
    if (spoil >= 3 && spoil < 5) {
      record += ",\"closed\"then text";  // text after a closing quote, and a field too many
      broken = true;
      readable = false;
    }
    file_.lines.push_back(line_);
    file_.broken.push_back(broken);
    if (amount && readable) file_.readable_money += *amount->minor;
    if (amount && !readable) ++file_.without_amount;
    file_.text += record + line_end_;
    line_ += 1 + line_breaks(record);
    if (gen_.chance(5)) blank_line();
  }

  // An unterminated quote at the very end: one record that swallows the rest.
  void unterminated_last_row() {
    file_.lines.push_back(line_);
    file_.broken.push_back(true);
    ++file_.without_amount;
    file_.text += "\"never closed," + line_end_ + "more,rows";
  }

  [[nodiscard]] std::size_t width() const { return width_; }
  written_file finish() { return std::move(file_); }

private:
  static std::string quoted(const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string text = "\"";
    for (char c : field) text += c == '"' ? std::string("\"\"") : std::string(1, c);
    return text + "\"";
  }
  static std::size_t line_breaks(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++count;
    return count;
  }
  void blank_line() {
    file_.text += line_end_;
    ++line_;
  }

  ledger_generator& gen_;
  written_file file_;
  std::string line_end_;
  std::size_t line_ = 1;
  std::size_t width_ = 0;
};

// Ids and texts that exercise the reader: CJK, quotes, commas, line
// breaks, invalid UTF-8 and NUL bytes inside fields.
std::string hostile_text(ledger_generator& gen, const std::string& plain) {
  switch (gen.between(0, 9)) {
    case 0: return "客户 " + plain;
    case 1: return plain + " \"quoted\", and more";
    case 2: return plain + "\nsecond line";
    case 3: return plain + "\xff\xfe\xc3";
    case 4: return plain + std::string(1, '\0') + "nul";
    case 5: return "\xEF\xBB\xBF" + plain;  // a BOM inside a field is text
    case 6: return plain + "\rcr";
    default: return plain;
  }
}

struct hostile_case {
  std::array<written_file, 4> files;
  std::vector<day> as_of_dates;
};

// One generated export. `many_payments` > 0 puts that many partial
// payments on one invoice.
hostile_case generate(std::uint64_t seed, std::size_t many_payments) {
  ledger_generator gen(seed);
  hostile_case result;
  // Rows cluster around one day: usually today's years, sometimes anywhere
  // in the calendar (random_date stays 400 days around it).
  const auto around = static_cast<std::int32_t>(gen.chance(20) ? gen.between(min_supported_day.serial() + 400,
                                                                             max_supported_day.serial() - 400)
                                                               : gen.between(19'000, 21'000));
  // Customers: some duplicated, some with bad terms or limits.
  std::vector<std::string> customer_ids;
  {
    csv_writer out(gen, "customer_id,name,sales_rep,terms,credit_limit");
    const auto count = static_cast<std::size_t>(gen.between(1, 6));
    for (std::size_t c = 0; c < count; ++c) {
      std::string id = gen.chance(8) && !customer_ids.empty() ? gen.pick(customer_ids) : hostile_text(gen, "C" + std::to_string(c));
      bool broken = false;
      std::string terms = gen.pick(std::vector<std::string>{"NET 30", "EOM 30", "DAY 31", "NET 3650", "net0", "EOM 3650"});
      if (gen.chance(5)) {
        terms = gen.pick(std::vector<std::string>{"NET 3651", "DAY 0", "2/10 NET 30", ""});
        broken = true;
      }
      const amount_field limit = gen.chance(80) ? amount_field{"100000.00", 10'000'000} : random_amount(gen);
      if (!limit.minor || *limit.minor < 0) broken = true;
      std::string name = hostile_text(gen, "公司 " + std::to_string(c));
      if (gen.chance(3)) {
        name = "";
        broken = true;
      }
      if (many_payments > 0 && c == 0) {
        id = "C0";
        out.row({id, "Big Co", "", "NET 30", "0"}, false, std::nullopt, true);
      } else {
        out.row({id, name, gen.chance(50) ? "王伟" : "", terms, limit.text}, broken, std::nullopt);
      }
      customer_ids.push_back(id);
    }
    result.files[0] = out.finish();
  }
  const auto customer_ref = [&](bool& broken) {
    if (gen.chance(4)) {
      broken = true;
      return std::string("NOBODY");
    }
    return gen.pick(customer_ids);
  };

  // Invoices: amounts at the int64 limit, dates at the calendar's ends.
  std::vector<std::pair<std::string, std::string>> invoices;  // id, customer
  {
    csv_writer out(gen, "invoice_id,customer_id,issue_date,due_date,amount");
    const auto count = static_cast<std::size_t>(gen.between(0, 12)) + (many_payments > 0 ? 1 : 0);
    for (std::size_t i = 0; i < count; ++i) {
      bool broken = false;
      std::string id = gen.chance(8) && !invoices.empty() ? gen.pick(invoices).first : "I" + std::to_string(i);
      const std::string who = customer_ref(broken);
      auto [issued, issued_ok] = random_date(gen, around);
      std::string due;
      if (issued_ok && gen.chance(25)) {
        const std::int64_t after = std::int64_t{parse_date(issued).serial()} + gen.between(0, 120);
        due = format_date(day(static_cast<std::int32_t>(std::min<std::int64_t>(after, max_supported_day.serial()))));
      } else if (gen.chance(10)) {
        bool due_ok = false;
        std::tie(due, due_ok) = random_date(gen, around);  // anything, even before the issue date
        if (!due_ok && !due.empty()) broken = true;
      }
      amount_field amount = random_amount(gen);
      if (!issued_ok || !amount.minor || *amount.minor <= 0) broken = true;
      if (many_payments > 0 && i == 0) {
        // The invoice the partial payments settle, at the int64 limit.
        amount = {amount_text(int64_max, false), int64_max};
        out.row({"I0", "C0", format_date(day(around - 400)), "", amount.text}, false, amount, true);
        invoices.emplace_back("I0", "C0");
        continue;
      }
      out.row({id, who, issued, due, amount.text}, broken, amount);
      invoices.emplace_back(id, who);
    }
    if (gen.chance(3)) out.unterminated_last_row();
    result.files[1] = out.finish();
  }

  // Payments and credit notes: before their invoices, naming unknown
  // invoices or another customer's, at the int64 limit; and, in some
  // cases, thousands of small payments on one invoice.
  for (std::size_t f = 2; f < 4; ++f) {
    const bool payments = f == 2;
    csv_writer out(gen, payments ? "payment_id,customer_id,date,amount,status,invoice_id"
                                 : "credit_note_id,customer_id,date,amount,invoice_id");
    const std::size_t count = static_cast<std::size_t>(gen.between(0, 12)) + (payments ? many_payments : 0);
    for (std::size_t k = 0; k < count; ++k) {
      bool broken = false;
      const bool partial = payments && k < many_payments;
      std::string id = (payments ? "P" : "N") + std::to_string(k);
      if (gen.chance(5) && k > 0) id = (payments ? "P" : "N") + std::to_string(k - 1);  // a duplicate id
      std::string who = partial ? invoices.front().second : customer_ref(broken);
      std::string invoice_id;
      if (partial) {
        invoice_id = invoices.front().first;
      } else if (!invoices.empty() && gen.chance(50)) {
        const auto& [named, owner] = gen.pick(invoices);
        invoice_id = named;
        if (!broken && gen.chance(85)) who = owner;  // usually the invoice's own customer
      } else if (gen.chance(5)) {
        invoice_id = "NO-SUCH-INVOICE";
        broken = true;
      }
      auto [date, date_ok] = random_date(gen, around);
      amount_field amount = random_amount(gen);
      if (partial) {
        const int128 minor = gen.between(1, 10'000);
        amount = {amount_text(minor, false), minor};
      }
      if (!date_ok || !amount.minor || *amount.minor <= 0) broken = true;
      std::vector<std::string> fields{id, who, date, amount.text};
      if (payments) {
        std::string status = gen.pick(std::vector<std::string>{"cleared", "cleared", "Bounced", "cleared"});
        if (gen.chance(3)) {
          status = gen.chance(50) ? "" : "pending";  // a present status column must be filled and known
          broken = true;
        }
        fields.push_back(status);
      }
      fields.push_back(invoice_id);
      out.row(std::move(fields), broken, amount);
    }
    result.files[f] = out.finish();
  }
  result.as_of_dates = {min_supported_day, max_supported_day, day(around), day(static_cast<std::int32_t>(around + gen.between(-30, 30)))};
  return result;
}

// Customers whose cleared cash and credits up to as_of exceed int64, and
// the open total if nothing were paid: what may make allocation or aging
// throw overflow_error.
struct true_sums {
  int128 largest_customer_received = 0;
};

true_sums sums_of(const ledger& book, day as_of) {
  const settlement_columns pay = book.payments(), cred = book.credit_notes();
  std::vector<int128> received(book.customer_count(), 0);
  for (std::size_t p = 0; p < pay.amount.size(); ++p)
    if (pay.date_day[p] <= as_of.serial() && pay.status[p] == payment_status::cleared) received[pay.customer[p]] += pay.amount[p];
  for (std::size_t k = 0; k < cred.amount.size(); ++k)
    if (cred.date_day[k] <= as_of.serial()) received[cred.customer[k]] += cred.amount[k];
  true_sums sums;
  for (const int128 r : received) sums.largest_customer_received = std::max(sums.largest_customer_received, r);
  return sums;
}

struct run_totals {
  std::size_t cases = 0, rows = 0, left_out = 0, broken = 0, loaded_invoices = 0, positions = 0, reports = 0,
              allocation_overflows = 0, aging_overflows = 0, at_int64_limit = 0;
};

const char* const file_names[] = {"customers.csv", "invoices.csv", "payments.csv", "credit_notes.csv"};

void check_load(failure_log& log, const hostile_case& input, const load_result& loaded, run_totals& totals) {
  std::set<std::pair<std::string, std::size_t>> reported;
  for (const load_problem& problem : loaded.problems) {
    log.check(problem.line > 0, "every problem names a line");
    log.check(problem.id.starts_with("huikuan.") && !problem.reason.empty(), "every problem has an id and a reason");
    reported.emplace(problem.file, problem.line);
  }
  std::size_t left_out = 0;
  for (std::size_t f = 0; f < 4; ++f) {
    const written_file& file = input.files[f];
    const file_summary& summary = loaded.files[f];
    log.check(summary.rows_read == file.lines.size(), std::string(file_names[f]) + ": every record is read");
    log.check(summary.rows_read == summary.rows_loaded + summary.rows_left_out,
              std::string(file_names[f]) + ": rows read = loaded + left out");
    std::size_t reported_rows = 0;
    for (std::size_t r = 0; r < file.lines.size(); ++r) {
      const bool has_problem = reported.contains({file_names[f], file.lines[r]});
      reported_rows += has_problem ? 1u : 0u;
      if (file.broken[r]) log.check(has_problem, std::string(file_names[f]) + ": a row broken on purpose is reported at its line");
      totals.broken += file.broken[r] ? 1u : 0u;
    }
    log.check(reported_rows == summary.rows_left_out, std::string(file_names[f]) + ": exactly the left-out rows are reported");
    if (f > 0) {
      log.check((summary.amount_loaded + summary.amount_left_out).minor_units() == file.readable_money,
                std::string(file_names[f]) + ": accepted + rejected money = the readable money in the input");
      log.check(summary.rows_left_out_without_amount == file.without_amount,
                std::string(file_names[f]) + ": rows without a readable amount are counted");
    }
    left_out += summary.rows_left_out;
    totals.rows += summary.rows_read;
  }
  std::size_t problem_lines = reported.size();
  log.check(problem_lines == left_out, "one reported line per left-out row");
  totals.left_out += left_out;
  totals.loaded_invoices += loaded.book.invoice_count();
  for (const std::int64_t amount : loaded.book.invoices().amount)
    totals.at_int64_limit += amount == std::numeric_limits<std::int64_t>::max() ? 1u : 0u;
}

void check_position(failure_log& log, const ledger& book, day as_of, run_totals& totals) {
  receivables_position position;
  try {
    position = allocate(book, as_of);
  } catch (const overflow_error&) {
    ++totals.allocation_overflows;
    log.check(sums_of(book, as_of).largest_customer_received > int64_max,
              "allocation throws overflow_error only when a customer's cash and credits exceed int64");
    return;
  }
  ++totals.positions;
  huikuan_test::check_conservation(log, book, position);
  int128 open = 0, unapplied = 0;
  for (const std::int64_t o : position.open_amount) open += o;
  for (const std::int64_t u : position.unapplied) unapplied += u;
  for (const aging_grouping grouping : {aging_grouping::customer, aging_grouping::portfolio}) {
    try {
      huikuan_test::check_aging(log, book, position, age_receivables(book, position, {}, grouping));
      ++totals.reports;
    } catch (const overflow_error&) {
      ++totals.aging_overflows;
      log.check(open > int64_max || unapplied > int64_max,
                "aging throws overflow_error only when the open or unapplied total exceeds int64");
    }
  }
}

void run_case(std::uint64_t seed, std::size_t many_payments, failure_log& log, run_totals& totals) {
  log.set_context("seed " + std::to_string(seed));
  const hostile_case input = generate(seed, many_payments);
  ledger_texts texts{input.files[0].text, input.files[1].text, input.files[2].text, input.files[3].text};
  load_result loaded;
  try {
    loaded = load_ledger(texts);
  } catch (const std::exception& error) {
    log.check(false, std::string("load_ledger threw: ") + error.what());
    return;
  }
  ++totals.cases;
  check_load(log, input, loaded, totals);
  for (const day as_of : input.as_of_dates) check_position(log, loaded.book, as_of, totals);
}

std::string summary_text(const run_totals& t, const failure_log& log) {
  return std::to_string(t.cases) + " cases, " + std::to_string(t.rows) + " rows, " + std::to_string(t.left_out) +
         " left out (" + std::to_string(t.broken) + " broken on purpose), " + std::to_string(t.loaded_invoices) +
         " invoices loaded (" + std::to_string(t.at_int64_limit) + " at the int64 limit), " + std::to_string(t.positions) +
         " positions, " + std::to_string(t.reports) + " aging reports, overflow_error " +
         std::to_string(t.allocation_overflows) + " in allocation and " + std::to_string(t.aging_overflows) +
         " in aging; " + std::to_string(log.count()) + " failures, the first:\n" + log.text();
}

}  // namespace

TEST_CASE("hostile ledgers load without a crash and conserve money from the files to the aging report", "[hostile]") {
  failure_log log;
  run_totals totals;
  constexpr std::size_t cases = 5000;
  for (std::size_t k = 0; k < cases; ++k) run_case(first_seed + k, 0, log, totals);
  INFO(summary_text(totals, log));
  CHECK(log.count() == 0);
  CHECK(totals.cases == cases);
  // The generator must keep reaching the cases the properties are about.
  CHECK(totals.left_out > cases);
  CHECK(totals.at_int64_limit > 100);
  CHECK(totals.allocation_overflows > 20);
  CHECK(totals.aging_overflows > 20);
  CHECK(totals.reports > cases);
}

TEST_CASE("thousands of partial payments on one invoice at the int64 limit are each applied and conserve money", "[hostile]") {
  failure_log log;
  run_totals totals;
  for (std::uint64_t k = 0; k < 4; ++k) run_case(first_seed ^ 0xFA17ULL ^ k, 2500 + 500 * k, log, totals);
  INFO(summary_text(totals, log));
  CHECK(log.count() == 0);
  CHECK(totals.positions > 0);
}

TEST_CASE("an amount one minor unit beyond the int64 limit is left out and counted without an amount", "[hostile]") {
  const load_result loaded = load_ledger({"customer_id,name,sales_rep,terms,credit_limit\nC1,Big,,NET 30,0\n",
                                          "invoice_id,customer_id,issue_date,amount\n"
                                          "I1,C1,2026-01-01,92233720368547758.07\n"
                                          "I2,C1,2026-01-01,92233720368547758.08\n"
                                          "I3,C1,2026-01-01,-92233720368547758.08\n",
                                          "payment_id,customer_id,date,amount\n",
                                          std::nullopt});
  REQUIRE(loaded.problems.size() == 2u);
  CHECK(loaded.problems[0].message() ==
        "invoices.csv:3: amount: [huikuan.money.4] amount \"92233720368547758.08\" is beyond the int64 range of minor units");
  CHECK(loaded.problems[1].message() == "invoices.csv:4: amount: [huikuan.ledger.7] amount -92233720368547758.08 is not positive");
  const file_summary& invoices = loaded.files[1];
  CHECK(invoices.rows_loaded == 1u);
  CHECK(invoices.amount_loaded == money::from_minor_units(std::numeric_limits<std::int64_t>::max()));
  CHECK(invoices.amount_left_out == money::from_minor_units(std::numeric_limits<std::int64_t>::min()));
  CHECK(invoices.rows_left_out_without_amount == 1u);
}

TEST_CASE("dates one day outside the calendar and due dates beyond it are left out with their line", "[hostile]") {
  const load_result loaded = load_ledger({"customer_id,name,sales_rep,terms,credit_limit\nC1,Long,,NET 3650,0\n",
                                          "invoice_id,customer_id,issue_date,amount\n"
                                          "I1,C1,1400-01-01,1.00\n"
                                          "I2,C1,1399-12-31,1.00\n"
                                          "I3,C1,9999-12-31,1.00\n"
                                          "I4,C1,10000-01-01,1.00\n",
                                          "payment_id,customer_id,date,amount\nP1,C1,9999-12-31,1.00\n",
                                          std::nullopt});
  CHECK(loaded.book.invoice_count() == 1u);
  std::vector<std::string> messages;
  for (const load_problem& problem : loaded.problems) messages.push_back(problem.message());
  CHECK(messages == std::vector<std::string>{
                        "invoices.csv:3: issue_date: [huikuan.date.2] date 1399-12-31 is not a valid date",
                        "invoices.csv:4: due_date: [huikuan.date.3] the due date NET 3650 after 9999-12-31 is beyond "
                        "9999-12-31",
                        "invoices.csv:5: issue_date: [huikuan.date.1] date \"10000-01-01\" is not in YYYY-MM-DD form"});
  const receivables_position position = allocate(loaded.book, max_supported_day);
  // The payment on the calendar's last day settles the invoice of its first.
  REQUIRE(position.settlements.size() == 1u);
  CHECK(position.settlements[0].date == max_supported_day);
  CHECK(position.open_amount[0] == 0);
  CHECK(position.unapplied[0] == 0);
}
