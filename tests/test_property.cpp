// Property tests on generated ledgers (tests/ledger_generator.hpp): bucket
// totals, conservation of money, as-of reproducibility, the bulk kernel
// against a naive reference, statements against allocation, and the whole
// allocation against a naive re-implementation of its rules. The aging (1)
// and conservation (2) checks live in ledger_checks.hpp, shared with the
// hostile-input tests and the fuzzers.
//
// Each property collects its failures (with the seed and as_of that
// produced them) instead of asserting row by row, which keeps thousands of
// generated ledgers within a few seconds in a Debug build. To replay a
// failure, build ledger_generator(seed), call random_config() and
// generate() as run_ledger() does.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "huikuan/aging.hpp"
#include "huikuan/allocation.hpp"
#include "huikuan/error.hpp"
#include "huikuan/escalation.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/statement.hpp"
#include "ledger_checks.hpp"
#include "ledger_generator.hpp"

using namespace huikuan;
using huikuan_test::check_aging;
using huikuan_test::check_conservation;
using huikuan_test::failure_log;
using huikuan_test::ledger_generator;

namespace {

constexpr std::size_t generated_ledgers = 1000;
constexpr std::uint64_t first_seed = 0x6875'696B'7561'6E00ULL;  // "huikuan\0"

std::string context_of(std::uint64_t seed, day as_of) {
  return "seed " + std::to_string(seed) + " as_of " + format_date(as_of);
}

// ---------------------------------------------------------------- reference allocation

bool bytes_before(const std::string& a, const std::string& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return static_cast<unsigned char>(x) < static_cast<unsigned char>(y);
  });
}

// One settlement, comparable with ==.
struct settlement_step {
  bool by_payment = true;
  std::size_t source = 0, invoice = 0;
  std::int64_t amount = 0;
  friend bool operator==(const settlement_step&, const settlement_step&) = default;
};

struct reference_position {
  std::vector<std::int64_t> open;
  std::vector<std::int32_t> settled_day;
  std::vector<std::int64_t> unapplied;
  std::vector<std::uint32_t> bounced;
  std::vector<std::uint32_t> short_paid;
  std::vector<settlement_step> settlements;  ///< in processing order
};

// The rules of allocation.hpp, written out naively from the records (not
// the columns): per customer, events sorted by (date, payments first, id
// bytes); a named invoice first, then open invoices issued on or before
// the event's date by (due, issue, ledger order); the rest on account.
reference_position reference_allocate(const ledger& book, day as_of) {
  struct event {
    day date;
    int source;  // 0 payment, 1 credit note
    std::string id;
    std::size_t index;
    money amount;
    std::string invoice_id;
    bool bounced;
  };
  const std::size_t invoice_count = book.invoice_count();
  std::vector<invoice> invoices;
  for (std::size_t i = 0; i < invoice_count; ++i) invoices.push_back(book.invoice_at(invoice_index{static_cast<std::uint32_t>(i)}));

  reference_position result;
  result.open.assign(invoice_count, 0);
  result.settled_day.assign(invoice_count, receivables_position::not_settled);
  result.unapplied.assign(book.customer_count(), 0);
  std::vector<bool> flagged(invoice_count, false);
  for (std::size_t i = 0; i < invoice_count; ++i)
    if (invoices[i].issue_date <= as_of) result.open[i] = invoices[i].amount.minor_units();

  // Every record once, grouped by customer.
  std::vector<std::vector<event>> events_of(book.customer_count());
  for (std::size_t p = 0; p < book.payment_count(); ++p) {
    const payment record = book.payment_at(p);
    if (record.date <= as_of)
      events_of[static_cast<std::size_t>(book.customer_index_of(record.customer_id))].push_back(
          {record.date, 0, record.id, p, record.amount, record.invoice_id, record.status == payment_status::bounced});
  }
  for (std::size_t k = 0; k < book.credit_note_count(); ++k) {
    const credit_note record = book.credit_note_at(k);
    if (record.date <= as_of)
      events_of[static_cast<std::size_t>(book.customer_index_of(record.customer_id))].push_back(
          {record.date, 1, record.id, k, record.amount, record.invoice_id, false});
  }

  for (std::size_t c = 0; c < book.customer_count(); ++c) {
    const std::string& customer_id = book.customers()[c].id;
    std::vector<event>& events = events_of[c];
    std::sort(events.begin(), events.end(), [](const event& a, const event& b) {
      if (a.date != b.date) return a.date < b.date;
      if (a.source != b.source) return a.source < b.source;
      return bytes_before(a.id, b.id);
    });
    std::vector<std::size_t> due_order;
    for (std::size_t i = 0; i < invoice_count; ++i)
      if (invoices[i].customer_id == customer_id && invoices[i].issue_date <= as_of) due_order.push_back(i);
    std::sort(due_order.begin(), due_order.end(), [&](std::size_t a, std::size_t b) {
      if (*invoices[a].due_date != *invoices[b].due_date) return *invoices[a].due_date < *invoices[b].due_date;
      if (invoices[a].issue_date != invoices[b].issue_date) return invoices[a].issue_date < invoices[b].issue_date;
      return a < b;
    });

    for (const event& e : events) {
      if (e.bounced) {
        result.bounced.push_back(static_cast<std::uint32_t>(e.index));
        continue;
      }
      std::int64_t remaining = e.amount.minor_units();
      const auto take = [&](std::size_t i) {
        const std::int64_t part = std::min(remaining, result.open[i]);
        if (part <= 0) return;
        result.open[i] -= part;
        remaining -= part;
        result.settlements.push_back({e.source == 0, e.index, i, part});
        if (result.open[i] == 0) result.settled_day[i] = e.date.serial();
      };
      if (!e.invoice_id.empty()) {
        const std::size_t named = static_cast<std::size_t>(*book.find_invoice(e.invoice_id));
        if (invoices[named].issue_date <= as_of && invoices[named].issue_date <= e.date) {
          take(named);
          if (e.source == 0 && result.open[named] > 0) flagged[named] = true;
        }
      }
      for (std::size_t i : due_order)
        if (remaining > 0 && invoices[i].issue_date <= e.date) take(i);
      result.unapplied[c] += remaining;
    }
  }
  for (std::size_t i = 0; i < invoice_count; ++i)
    if (flagged[i] && result.open[i] > 0) result.short_paid.push_back(static_cast<std::uint32_t>(i));
  return result;
}

// ---------------------------------------------------------------- reference aging

std::size_t naive_bucket(const std::vector<std::int32_t>& upper_edges, std::int64_t age) {
  std::size_t b = 0;
  while (b < upper_edges.size() && age > upper_edges[b]) ++b;
  return b;
}

// The aging kernel, one invoice at a time.
std::vector<std::int64_t> naive_aging(const aging_columns& rows, day as_of, const bucket_policy& policy,
                                      std::size_t groups) {
  const std::size_t width = policy.upper_edges.size() + 1;
  std::vector<std::int64_t> out(groups * width, 0);
  for (std::size_t i = 0; i < rows.open_amount.size(); ++i) {
    if (rows.issue_day[i] > as_of.serial()) continue;
    const std::int64_t reference = policy.basis == aging_basis::days_past_due ? rows.due_day[i] : rows.issue_day[i];
    const std::int64_t age = std::int64_t{as_of.serial()} - reference;
    out[rows.group[i] * width + naive_bucket(policy.upper_edges, age)] += rows.open_amount[i];
  }
  return out;
}

bucket_policy random_policy(ledger_generator& gen) {
  bucket_policy policy;
  if (gen.chance(30)) return policy;  // the default
  const auto count = static_cast<std::size_t>(gen.chance(10) ? gen.between(1, 31) : gen.between(1, 7));
  policy.upper_edges.clear();
  std::int64_t edge = gen.between(-90, 60);
  for (std::size_t k = 0; k < count; ++k) {
    policy.upper_edges.push_back(static_cast<std::int32_t>(edge));
    edge += gen.chance(10) ? gen.between(100, 400) : gen.between(1, 45);
  }
  policy.basis = gen.chance(30) ? aging_basis::days_since_invoice : aging_basis::days_past_due;
  return policy;
}

// ---------------------------------------------------------------- comparisons

bool same_row(const aging_row& a, const aging_row& b) {
  return a.key == b.key && a.name == b.name && a.sales_rep == b.sales_rep && a.open == b.open &&
         a.unapplied == b.unapplied && a.net == b.net && a.overdue == b.overdue && a.open_invoices == b.open_invoices &&
         a.oldest_days_past_due == b.oldest_days_past_due && a.weighted_days_past_due == b.weighted_days_past_due &&
         a.stage == b.stage;
}

bool same_report(const aging_report& a, const aging_report& b) {
  if (a.rows.size() != b.rows.size() || a.buckets != b.buckets || a.total_buckets != b.total_buckets) return false;
  if (!same_row(a.total, b.total)) return false;
  for (std::size_t r = 0; r < a.rows.size(); ++r)
    if (!same_row(a.rows[r], b.rows[r])) return false;
  return true;
}

bool same_line(const statement_line& a, const statement_line& b) {
  return a.date == b.date && a.kind == b.kind && a.reference == b.reference && a.invoice_id == b.invoice_id &&
         a.debit == b.debit && a.credit == b.credit && a.balance == b.balance && a.note == b.note;
}

bool same_statement(const statement_of_account& a, const statement_of_account& b) {
  if (a.opening_balance != b.opening_balance || a.closing_balance != b.closing_balance || a.open_total != b.open_total ||
      a.unapplied != b.unapplied || a.buckets != b.buckets || a.lines.size() != b.lines.size() ||
      a.open_items.size() != b.open_items.size() || a.bounced.size() != b.bounced.size())
    return false;
  for (std::size_t k = 0; k < a.lines.size(); ++k)
    if (!same_line(a.lines[k], b.lines[k])) return false;
  for (std::size_t k = 0; k < a.open_items.size(); ++k) {
    const open_item &x = a.open_items[k], &y = b.open_items[k];
    if (x.invoice_id != y.invoice_id || x.open != y.open || x.days_past_due != y.days_past_due ||
        x.short_paid != y.short_paid || x.stage != y.stage)
      return false;
  }
  return true;
}

// ---------------------------------------------------------------- the properties

// (5b) A batch of statements equals the statements made one at a time
// (every customer, in reverse order, the last one twice).
void check_statement_batch(failure_log& log, const ledger& book, const receivables_position& position,
                           const aging_report& report, day from) {
  std::vector<customer_index> customers;
  for (std::size_t c = book.customer_count(); c-- > 0;) customers.push_back(customer_index{static_cast<std::uint32_t>(c)});
  if (!customers.empty()) customers.push_back(customers.front());
  const std::vector<statement_of_account> batch =
      make_statements(book, position, customers, from, report.policy, report.ladder);
  bool same = batch.size() == customers.size();
  for (std::size_t k = 0; same && k < customers.size(); ++k)
    same = batch[k].customer_id == book.customer_at(customers[k]).id &&
           same_statement(batch[k], make_statement(book, position, customers[k], from, report.policy, report.ladder));
  log.check(same, "a batch of statements equals the statements made one at a time");
}

// (6) The allocation equals the naive reference.
void check_against_reference(failure_log& log, const ledger& book, const receivables_position& position) {
  const reference_position expected = reference_allocate(book, position.as_of);
  log.check(position.open_amount == expected.open, "open amounts equal the reference allocation's");
  log.check(position.settled_day == expected.settled_day, "settled days equal the reference allocation's");
  log.check(position.unapplied == expected.unapplied, "unapplied credit equals the reference allocation's");
  log.check(position.bounced_payments == expected.bounced, "the bounced list equals the reference allocation's");
  log.check(position.short_paid_invoices == expected.short_paid, "the short-paid list equals the reference allocation's");
  std::vector<settlement_step> settlements;
  for (const settlement& s : position.settlements)
    settlements.push_back({s.source == settlement_source::payment, s.source_index, s.invoice, s.amount.minor_units()});
  log.check(settlements == expected.settlements, "the settlements equal the reference allocation's, in order");
}

// (4) The kernel equals the naive per-invoice aging, on the ledger's columns.
void check_kernel_on_ledger(failure_log& log, const ledger& book, const receivables_position& position,
                            const bucket_policy& policy) {
  const invoice_columns inv = book.invoices();
  const aging_columns rows{inv.customer, inv.issue_day, inv.due_day, position.open_amount};
  std::vector<std::int64_t> out(book.customer_count() * policy.bucket_count(), 0);
  age_into_buckets(rows, position.as_of, policy, book.customer_count(), out);
  log.check(out == naive_aging(rows, position.as_of, policy, book.customer_count()),
            "the kernel equals the naive aging on the ledger");
}

// (5) Statements reconcile with the allocation and the aging report.
void check_statement(failure_log& log, const ledger& book, const receivables_position& position,
                     const aging_report& report, std::size_t c, day from) {
  const statement_of_account s = make_statement(book, customer_index{static_cast<std::uint32_t>(c)}, from, position.as_of,
                                                report.policy, report.ladder);
  log.check(s.closing_balance == s.open_total - s.unapplied, "closing balance = open - unapplied");
  log.check(s.unapplied.minor_units() == position.unapplied[c], "the statement's credit equals the position's");
  money running = s.opening_balance;
  bool balances_run = true;
  money bucket_sum;
  for (const statement_line& line : s.lines) {
    running += line.debit;
    running -= line.credit;
    balances_run = balances_run && line.balance == running && line.date >= from && line.date <= position.as_of;
  }
  for (money b : s.buckets) bucket_sum += b;
  log.check(balances_run, "each line's balance runs from the opening balance, within the period");
  log.check(running == s.closing_balance, "opening balance + movements = closing balance");
  log.check(bucket_sum == s.open_total, "the statement's buckets sum to its open total");
  money open_items;
  for (const open_item& item : s.open_items) open_items += item.open;
  log.check(open_items == s.open_total, "the open items sum to the open total");

  std::int64_t open = 0;
  const invoice_columns inv = book.invoices();
  for (std::size_t i = 0; i < inv.amount.size(); ++i)
    if (inv.customer[i] == c) open += position.open_amount[i];
  log.check(s.open_total.minor_units() == open, "the statement's open total equals the position's");
  const std::size_t width = report.policy.bucket_count();
  for (std::size_t r = 0; r < report.rows.size(); ++r) {
    if (report.rows[r].key != book.customers()[c].id) continue;
    bool same = true;
    for (std::size_t b = 0; b < width; ++b) same = same && s.buckets[b].minor_units() == report.buckets[r * width + b];
    log.check(same, "the statement's buckets equal the customer's aging row");
  }
}

struct run_totals {
  std::size_t ledgers = 0, as_of_dates = 0, invoices = 0, payments = 0, credit_notes = 0, statements = 0;
  // How often the edge cases the generator aims at actually occur.
  std::size_t with_bounced = 0, with_short_paid = 0, with_unapplied = 0, paid_before_issue = 0, same_day_mixed = 0,
              due_ties = 0;
};

// Counts the edge cases present in a position (see run_totals).
void count_edge_cases(run_totals& totals, const ledger& book, const receivables_position& position) {
  const invoice_columns inv = book.invoices();
  const settlement_columns pay = book.payments();
  const settlement_columns cred = book.credit_notes();
  if (!position.bounced_payments.empty()) ++totals.with_bounced;
  if (!position.short_paid_invoices.empty()) ++totals.with_short_paid;
  if (position.total_unapplied().is_positive()) ++totals.with_unapplied;
  // Deposits: cleared payments dated on or before as_of that name an
  // invoice issued after them (on account under rule 2).
  for (std::size_t p = 0; p < pay.amount.size(); ++p)
    if (pay.date_day[p] <= position.as_of.serial() && pay.invoice[p] != no_index &&
        inv.issue_day[pay.invoice[p]] > pay.date_day[p]) {
      ++totals.paid_before_issue;
      break;
    }
  for (std::size_t p = 0; p < pay.amount.size(); ++p) {
    bool found = false;
    for (std::size_t k = 0; k < cred.amount.size() && !found; ++k)
      found = cred.customer[k] == pay.customer[p] && cred.date_day[k] == pay.date_day[p] &&
              pay.date_day[p] <= position.as_of.serial();
    if (found) {
      ++totals.same_day_mixed;
      break;
    }
  }
  for (std::size_t i = 0; i < inv.amount.size(); ++i) {
    bool found = false;
    for (std::size_t j = i + 1; j < inv.amount.size() && !found; ++j)
      found = inv.customer[i] == inv.customer[j] && inv.due_day[i] == inv.due_day[j] && position.open_amount[i] > 0 &&
              position.open_amount[j] > 0;
    if (found) {
      ++totals.due_ties;
      break;
    }
  }
}

// (3) Rows dated after as_of change nothing as of as_of.
void check_as_of_reproducible(failure_log& log, ledger_generator& gen, const ledger& book,
                              const receivables_position& position, const std::vector<aging_report>& reports) {
  ledger later = book;
  gen.add_rows_after(later, position.as_of, static_cast<std::size_t>(gen.between(1, 25)));
  const receivables_position again = allocate(later, position.as_of);
  const std::size_t invoices = book.invoice_count(), customers = book.customer_count();
  const auto prefix_equal = [](const auto& longer, const auto& shorter) {
    return longer.size() >= shorter.size() && std::equal(shorter.begin(), shorter.end(), longer.begin());
  };
  const auto all_of_tail = [](const auto& values, std::size_t from, auto value) {
    return std::all_of(values.begin() + static_cast<std::ptrdiff_t>(from), values.end(),
                       [&](const auto& v) { return v == value; });
  };
  log.check(prefix_equal(again.open_amount, position.open_amount) && all_of_tail(again.open_amount, invoices, std::int64_t{0}),
            "later rows leave open amounts unchanged");
  log.check(prefix_equal(again.issued, position.issued) && all_of_tail(again.issued, invoices, std::uint8_t{0}),
            "later invoices are not issued");
  log.check(prefix_equal(again.settled_day, position.settled_day) &&
                all_of_tail(again.settled_day, invoices, receivables_position::not_settled),
            "later rows leave settled days unchanged");
  log.check(prefix_equal(again.unapplied, position.unapplied) && all_of_tail(again.unapplied, customers, std::int64_t{0}),
            "later rows leave unapplied credit unchanged");
  log.check(again.bounced_payments == position.bounced_payments, "later rows leave the bounced list unchanged");
  log.check(again.short_paid_invoices == position.short_paid_invoices, "later rows leave the short-paid list unchanged");
  bool same_settlements = again.settlements.size() == position.settlements.size();
  for (std::size_t k = 0; same_settlements && k < again.settlements.size(); ++k) {
    const settlement &a = again.settlements[k], &b = position.settlements[k];
    same_settlements = a.source == b.source && a.source_index == b.source_index && a.invoice == b.invoice &&
                       a.date == b.date && a.amount == b.amount;
  }
  log.check(same_settlements, "later rows leave the settlements unchanged");

  for (const aging_report& report : reports) {
    const aging_report redone = age_receivables(later, again, report.policy, report.grouping, report.ladder);
    log.check(same_report(redone, report), "later rows leave the aging report unchanged");
  }
  if (customers > 0) {
    const day from = position.as_of - days(static_cast<std::int32_t>(gen.between(0, 200)));
    const customer_index who{static_cast<std::uint32_t>(gen.between(0, static_cast<std::int64_t>(customers) - 1))};
    log.check(same_statement(make_statement(later, who, from, position.as_of), make_statement(book, who, from, position.as_of)),
              "later rows leave a statement unchanged");
  }
  const auto dormant = [](const std::vector<dormant_account>& accounts) {
    std::vector<std::string> text;
    for (const dormant_account& a : accounts)
      text.push_back(std::to_string(static_cast<std::uint32_t>(a.customer)) + " " + std::to_string(a.open.minor_units()) +
                     " " + std::to_string(a.unapplied.minor_units()) + " " + std::to_string(a.days_quiet));
    return text;
  };
  log.check(dormant(find_dormant_accounts(later, again, days(60))) == dormant(find_dormant_accounts(book, position, days(60))),
            "later rows leave the dormant accounts unchanged");
}

void run_ledger(std::uint64_t seed, failure_log& log, run_totals& totals) {
  ledger_generator gen(seed);
  const huikuan_test::generator_config config = gen.random_config();
  const ledger book = gen.generate(config);
  ++totals.ledgers;
  totals.invoices += book.invoice_count();
  totals.payments += book.payment_count();
  totals.credit_notes += book.credit_note_count();

  const std::vector<day> dates = gen.as_of_dates(2);
  for (const day as_of : dates) {
    ++totals.as_of_dates;
    log.set_context(context_of(seed, as_of));
    const receivables_position position = allocate(book, as_of);
    count_edge_cases(totals, book, position);
    check_conservation(log, book, position);
    check_against_reference(log, book, position);

    const bucket_policy policy = random_policy(gen);
    check_kernel_on_ledger(log, book, position, policy);
    std::vector<aging_report> reports;
    reports.push_back(age_receivables(book, position));
    reports.push_back(age_receivables(book, position, policy));
    reports.push_back(age_receivables(book, position, policy, aging_grouping::sales_rep));
    reports.push_back(age_receivables(book, position, {}, aging_grouping::portfolio));
    for (const aging_report& report : reports) check_aging(log, book, position, report);

    // Statements of up to four customers, from a random day (sometimes
    // before every row, sometimes as_of itself).
    for (std::size_t k = 0; k < book.customer_count() && k < 4; ++k) {
      const std::size_t c = book.customer_count() <= 4 ? k : static_cast<std::size_t>(gen.between(0, static_cast<std::int64_t>(book.customer_count()) - 1));
      const day from = gen.chance(20) ? as_of : as_of - days(static_cast<std::int32_t>(gen.between(0, 500)));
      check_statement(log, book, position, reports[1], c, from);
      ++totals.statements;
    }
    check_statement_batch(log, book, position, reports[1],
                          gen.chance(20) ? as_of : as_of - days(static_cast<std::int32_t>(gen.between(0, 500))));
    // As of a day before every row the ledger is all "later rows" already.
    const day before_every_row = dates[dates.size() - 2];
    if (as_of != before_every_row) check_as_of_reproducible(log, gen, book, position, reports);
  }
}

}  // namespace

TEST_CASE("on a thousand generated ledgers allocation, aging and statements keep every invariant", "[property][ledgers]") {
  failure_log log;
  run_totals totals;
  for (std::size_t k = 0; k < generated_ledgers; ++k) run_ledger(first_seed + k, log, totals);
  INFO(totals.ledgers << " ledgers, " << totals.as_of_dates << " as-of dates, " << totals.invoices << " invoices, "
                      << totals.payments << " payments, " << totals.credit_notes << " credit notes, "
                      << totals.statements << " statements; " << log.count() << " failures, the first:\n"
                      << log.text());
  CHECK(totals.ledgers == generated_ledgers);
  CHECK(log.count() == 0);
  // The generator must keep producing the edge cases the properties are about.
  INFO("as-of dates with bounced payments " << totals.with_bounced << ", short-paid invoices " << totals.with_short_paid
                                            << ", unapplied credit " << totals.with_unapplied
                                            << ", payments naming an invoice issued after them "
                                            << totals.paid_before_issue << ", same-day payments and credit notes "
                                            << totals.same_day_mixed << ", open invoices due the same day "
                                            << totals.due_ties);
  CHECK(totals.with_bounced > 100);
  CHECK(totals.with_short_paid > 100);
  CHECK(totals.with_unapplied > 100);
  CHECK(totals.paid_before_issue > 20);
  CHECK(totals.same_day_mixed > 20);
  CHECK(totals.due_ties > 20);
}

// Random input for the aging kernel: a policy, a group count, as_of and
// the columns, with row counts on both sides of the kernel's blocks of 128
// rows, and in one case in ten day numbers at the ends of int32.
struct kernel_case {
  bucket_policy policy;
  std::size_t groups = 0;
  day as_of;
  std::vector<std::uint32_t> group;
  std::vector<std::int32_t> issue, due;
  std::vector<std::int64_t> amount;

  [[nodiscard]] aging_columns rows() const { return {group, issue, due, amount}; }
  [[nodiscard]] std::size_t cells() const { return groups * policy.bucket_count(); }
};

kernel_case random_kernel_case(ledger_generator& gen) {
  constexpr std::int32_t int32_min = std::numeric_limits<std::int32_t>::min();
  constexpr std::int32_t int32_max = std::numeric_limits<std::int32_t>::max();
  kernel_case c;
  c.policy = random_policy(gen);
  c.groups = static_cast<std::size_t>(gen.between(1, 12));
  const auto n = static_cast<std::size_t>(gen.chance(5) ? 0 : gen.chance(40) ? gen.between(100, 700) : gen.between(1, 130));
  c.group.resize(n);
  c.issue.resize(n);
  c.due.resize(n);
  c.amount.resize(n);
  c.as_of = day(static_cast<std::int32_t>(gen.between(19'000, 21'000)));
  const bool extreme = gen.chance(10);
  if (extreme) {
    // Day numbers at the ends of int32, where as_of - edge leaves its range.
    c.as_of = day(static_cast<std::int32_t>(gen.chance(50) ? gen.between(int32_max - 40'000, int32_max)
                                                          : gen.between(int32_min, int32_min + 40'000)));
    c.policy.upper_edges = {-36'500, -1, 0, 1, 36'500};
  }
  for (std::size_t i = 0; i < n; ++i) {
    c.group[i] = static_cast<std::uint32_t>(gen.between(0, static_cast<std::int64_t>(c.groups) - 1));
    if (extreme) {
      c.issue[i] = static_cast<std::int32_t>(gen.chance(50) ? gen.between(int32_min, int32_min + 80'000)
                                                            : gen.between(int32_max - 80'000, int32_max));
      c.due[i] = static_cast<std::int32_t>(std::min<std::int64_t>(int32_max, std::int64_t{c.issue[i]} + gen.between(0, 150)));
    } else {
      c.issue[i] = c.as_of.serial() +
                   static_cast<std::int32_t>(gen.chance(5) ? gen.between(-40'000, 40'000) : gen.between(-400, 30));
      c.due[i] = c.issue[i] + static_cast<std::int32_t>(gen.between(0, 150));
    }
    c.amount[i] = gen.chance(10) ? 0 : gen.between(1, 1'000'000'000'000);
  }
  return c;
}

std::string group_error(std::size_t row, std::uint32_t group, std::size_t groups) {
  return "[huikuan.aging.3] row " + std::to_string(row) + ": group " + std::to_string(group) +
         " is out of range (groups: " + std::to_string(groups) + ")";
}

TEST_CASE("the aging kernel equals a naive per-invoice aging on random columns", "[property][kernel]") {
  failure_log log;
  ledger_generator gen(first_seed ^ 0xA61A6ULL);
  for (int round = 0; round < 1000; ++round) {
    log.set_context("round " + std::to_string(round));
    kernel_case c = random_kernel_case(gen);
    const std::size_t n = c.group.size();
    std::vector<std::int64_t> out(c.cells(), 0);
    age_into_buckets(c.rows(), c.as_of, c.policy, c.groups, out);
    log.check(out == naive_aging(c.rows(), c.as_of, c.policy, c.groups), "the kernel equals the naive aging");
    for (std::int32_t age = -500; age <= 500; age += 7)
      log.check(c.policy.bucket_of(age) == naive_bucket(c.policy.upper_edges, age), "bucket_of equals the naive search");

    if (n > 0 && gen.chance(20)) {
      // A group out of range: the error names the first such row.
      const auto bad = static_cast<std::size_t>(gen.between(0, static_cast<std::int64_t>(n) - 1));
      c.group[bad] = static_cast<std::uint32_t>(c.groups + static_cast<std::size_t>(gen.between(0, 3)));
      std::fill(out.begin(), out.end(), 0);
      std::string message;
      try {
        age_into_buckets(c.rows(), c.as_of, c.policy, c.groups, out);
      } catch (const input_error& error) {
        message = error.what();
      }
      log.check(message == group_error(bad, c.group[bad], c.groups), "a group out of range names its row");
    }
  }
  INFO(log.count() << " failures, the first:\n" << log.text());
  CHECK(log.count() == 0);
}

TEST_CASE("the aging kernel on several threads equals it on one, errors included", "[property][kernel][threads]") {
  failure_log log;
  ledger_generator gen(first_seed ^ 0x7A2EADULL);
  aging_workspace workspace;  // shared by every round: it grows and is reused
  std::size_t split_rounds = 0;
  for (int round = 0; round < 2000; ++round) {
    log.set_context("round " + std::to_string(round));
    kernel_case c = random_kernel_case(gen);
    const std::size_t n = c.group.size();
    if (gen.chance(30)) {
      // Rows in customer order, as ERP exports often are: each thread then
      // touches a slice of the groups, and only that slice is merged.
      std::vector<std::size_t> order(n);
      for (std::size_t i = 0; i < n; ++i) order[i] = i;
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return c.group[a] < c.group[b]; });
      const kernel_case unsorted = c;
      for (std::size_t i = 0; i < n; ++i) {
        c.group[i] = unsorted.group[order[i]];
        c.issue[i] = unsorted.issue[order[i]];
        c.due[i] = unsorted.due[order[i]];
        c.amount[i] = unsorted.amount[order[i]];
      }
    }
    const auto threads = static_cast<unsigned>(gen.between(0, 5));
    // Few rows per thread, so that small inputs are split too.
    const auto min_rows = static_cast<std::size_t>(gen.between(1, 64));
    if (threads > 1 && n >= 2 * min_rows && 2 * n >= c.cells()) ++split_rounds;
    // The kernel adds into what `out` holds.
    std::vector<std::int64_t> start(c.cells());
    for (std::int64_t& cell : start) cell = gen.chance(50) ? 0 : gen.between(-1'000'000, 1'000'000);
    std::vector<std::int64_t> one = start, many = start;
    age_into_buckets(c.rows(), c.as_of, c.policy, c.groups, one);
    age_into_buckets(c.rows(), c.as_of, c.policy, c.groups, many, threads, workspace, min_rows);
    log.check(many == one, "several threads give what one gives");

    if (n > 0 && gen.chance(25)) {
      // Groups out of range, perhaps in several threads' rows: the error
      // names the first bad row, as with one thread.
      const auto bad_rows = gen.between(1, 3);
      std::size_t first_bad = n;
      for (std::int64_t k = 0; k < bad_rows; ++k) {
        const auto bad = static_cast<std::size_t>(gen.between(0, static_cast<std::int64_t>(n) - 1));
        c.group[bad] = static_cast<std::uint32_t>(c.groups + static_cast<std::size_t>(gen.between(0, 3)));
        first_bad = std::min(first_bad, bad);
      }
      std::string message;
      try {
        age_into_buckets(c.rows(), c.as_of, c.policy, c.groups, many, threads, workspace, min_rows);
      } catch (const input_error& error) {
        message = error.what();
      }
      log.check(message == group_error(first_bad, c.group[first_bad], c.groups), "a group out of range names the first bad row");
    } else if (n > 1 && gen.chance(10)) {
      // Rows of one sign whose sum leaves int64 throw, wherever they fall.
      for (std::size_t i = 0; i < n; ++i) {
        c.group[i] = 0;
        c.issue[i] = c.due[i] = c.as_of.serial();
        c.amount[i] = std::numeric_limits<std::int64_t>::max() / static_cast<std::int64_t>(n) + 1;
      }
      std::fill(many.begin(), many.end(), 0);
      bool threw = false;
      try {
        age_into_buckets(c.rows(), c.as_of, c.policy, c.groups, many, threads, workspace, min_rows);
      } catch (const overflow_error&) {
        threw = true;
      }
      log.check(threw, "a bucket sum beyond INT64_MAX throws");
    }
  }
  INFO(log.count() << " failures, the first:\n" << log.text());
  CHECK(log.count() == 0);
  CHECK(split_rounds > 500);  // the rounds did exercise the split
  CHECK(workspace.bytes() > 0);
}

TEST_CASE("the ledger generator is deterministic for a seed", "[property][generator]") {
  const auto fingerprint = [](std::uint64_t seed) {
    ledger_generator gen(seed);
    const ledger book = gen.generate(gen.random_config());
    std::string text;
    for (std::size_t i = 0; i < book.invoice_count(); ++i) {
      const invoice record = book.invoice_at(invoice_index{static_cast<std::uint32_t>(i)});
      text += record.id + format_date(record.issue_date) + format_money(record.amount) + ";";
    }
    for (std::size_t p = 0; p < book.payment_count(); ++p) text += book.payment_id(p) + ";";
    return text;
  };
  CHECK(fingerprint(first_seed + 17) == fingerprint(first_seed + 17));
  CHECK(fingerprint(first_seed + 17) != fingerprint(first_seed + 18));
}
