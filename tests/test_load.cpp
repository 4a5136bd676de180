// Loading a ledger from CSV: the broken fixtures in tests/data/broken (see
// its README), the clean fixture, the sample portfolio, fatal file and
// header problems, and the conservation of money between loaded and left out.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "huikuan/csv.hpp"
#include "huikuan/load.hpp"

using huikuan::file_summary;
using huikuan::format_date;
using huikuan::input_error;
using huikuan::load_ledger;
using huikuan::load_ledger_directory;
using huikuan::load_result;
using huikuan::money;
using Catch::Message;

namespace {
using strings = std::vector<std::string>;

std::string broken(const char* folder) { return std::string(HUIKUAN_TEST_DATA) + "/broken/" + folder; }

strings messages(const load_result& result) {
  strings texts;
  for (const auto& problem : result.problems) texts.push_back(problem.message());
  return texts;
}

struct expected_summary {
  std::size_t rows_read;
  std::size_t rows_loaded;
  std::size_t rows_left_out;
  std::int64_t amount_left_out;
  std::size_t rows_left_out_without_amount;
  std::int64_t amount_loaded;
};

void check_summary(const file_summary& summary, const expected_summary& expected) {
  INFO(summary.file);
  CHECK(summary.present);
  CHECK(summary.rows_read == expected.rows_read);
  CHECK(summary.rows_loaded == expected.rows_loaded);
  CHECK(summary.rows_left_out == expected.rows_left_out);
  CHECK(summary.amount_left_out.minor_units() == expected.amount_left_out);
  CHECK(summary.rows_left_out_without_amount == expected.rows_left_out_without_amount);
  CHECK(summary.amount_loaded.minor_units() == expected.amount_loaded);
}

// What the file holds, read independently of the loader: data rows, and the
// sum of every amount that parses in a row of the header's width.
struct amount_census {
  std::size_t rows = 0;
  money parseable_total;
  std::size_t rows_without_readable_amount = 0;
};

amount_census census(const std::string& path, bool has_amount) {
  const std::string text = huikuan::read_text_file(path);
  huikuan::csv_reader reader(text);
  huikuan::csv_record record;
  amount_census result;
  REQUIRE(reader.next(record));
  const std::size_t width = record.fields.size();
  std::size_t amount_column = width;
  for (std::size_t i = 0; i < width; ++i)
    if (record.fields[i] == "amount") amount_column = i;
  REQUIRE((amount_column < width) == has_amount);
  while (reader.next(record)) {
    ++result.rows;
    if (!has_amount) continue;
    if (!record.problem.empty() || record.fields.size() != width) {
      ++result.rows_without_readable_amount;
      continue;
    }
    try {
      result.parseable_total += huikuan::parse_money(record.fields[amount_column]);
    } catch (const input_error&) {
      ++result.rows_without_readable_amount;
    }
  }
  return result;
}

// Every row is either loaded or left out; the ledger holds exactly the
// loaded rows; loaded + left-out money equals all the readable money.
void check_conservation(const load_result& result, const std::string& directory) {
  const char* names[] = {"customers.csv", "invoices.csv", "payments.csv", "credit_notes.csv"};
  const std::size_t in_ledger[] = {result.book.customer_count(), result.book.invoice_count(),
                                   result.book.payment_count(), result.book.credit_note_count()};
  for (std::size_t f = 0; f < 4; ++f) {
    const file_summary& summary = result.files[f];
    INFO(names[f]);
    CHECK(summary.file == names[f]);
    CHECK(summary.rows_read == summary.rows_loaded + summary.rows_left_out);
    CHECK(summary.rows_loaded == in_ledger[f]);
    if (!summary.present) {
      CHECK(summary.rows_read == 0u);
      continue;
    }
    const amount_census file = census(directory + "/" + names[f], f != 0);
    CHECK(summary.rows_read == file.rows);
    CHECK((summary.amount_loaded + summary.amount_left_out) == file.parseable_total);
    CHECK(summary.rows_left_out_without_amount == file.rows_without_readable_amount);
  }
  std::size_t left_out = 0;
  for (const auto& summary : result.files) left_out += summary.rows_left_out;
  // The fixtures have one problem per bad row.
  CHECK(result.problems.size() == left_out);
  CHECK(result.clean() == result.problems.empty());
}

strings messages_of(const load_result& result, const std::string& file) {
  strings texts;
  for (const auto& problem : result.problems)
    if (problem.file == file) texts.push_back(problem.message());
  return texts;
}

std::string due_of(const load_result& result, const char* invoice_id) {
  const auto index = result.book.find_invoice(invoice_id);
  REQUIRE(index);
  return format_date(*result.book.invoice_at(*index).due_date);
}

const char* const customers_header = "customer_id,name,sales_rep,terms,credit_limit\n";
const char* const invoices_header = "invoice_id,customer_id,issue_date,amount\n";
const char* const payments_header = "payment_id,customer_id,date,amount\n";
}  // namespace

TEST_CASE("broken/dates: impossible and malformed dates are left out with line and column", "[load]") {
  const auto result = load_ledger_directory(broken("dates"));
  CHECK(messages(result) == strings{
      "invoices.csv:3: issue_date: [huikuan.date.2] date 2024-02-30 is not a valid date",
      "invoices.csv:4: due_date: [huikuan.ledger.6] due date 2024-03-01 is before issue date 2024-03-10",
      "invoices.csv:5: due_date: [huikuan.date.2] date 2024-04-31 is not a valid date",
      "invoices.csv:6: issue_date: [huikuan.date.1] date \"2024/03/15\" is not in YYYY-MM-DD form",
      "invoices.csv:8: issue_date: [huikuan.date.2] date 2023-02-29 is not a valid date",
      "payments.csv:3: date: [huikuan.date.2] date 2024-13-01 is not a valid date",
      "payments.csv:4: date: [huikuan.date.1] date \"20240315\" is not in YYYY-MM-DD form",
  });
  REQUIRE_FALSE(result.problems.empty());
  const auto& first = result.problems.front();
  CHECK(first.file == "invoices.csv");
  CHECK(first.line == 3u);
  CHECK(first.column == "issue_date");
  CHECK(first.id == "huikuan.date.2");
  CHECK(first.reason == "date 2024-02-30 is not a valid date");

  check_summary(result.files[0], {2, 2, 0, 0, 0, 0});
  check_summary(result.files[1], {8, 3, 5, 960000, 0, 187550});
  check_summary(result.files[2], {4, 2, 2, 70000, 0, 175000});
  CHECK_FALSE(result.files[3].present);
  CHECK(result.book.invoice_count() == 3u);
  CHECK(result.book.find_invoice("DI-001"));
  CHECK(due_of(result, "DI-006") == "2024-04-01");
  CHECK(due_of(result, "DI-008") == "2024-03-30");
  check_conservation(result, broken("dates"));
}

TEST_CASE("broken/amounts: unreadable, over-precise and non-positive amounts are left out", "[load]") {
  const auto result = load_ledger_directory(broken("amounts"));
  // The fixture README lists invoices.csv:8 ("1,000.00") as malformed, but
  // parse_money accepts thousands grouped by three, so AI-007 loads.
  CHECK(messages(result) == strings{
      "customers.csv:4: credit_limit: [huikuan.ledger.3] credit limit -100.00 is negative",
      "invoices.csv:2: amount: [huikuan.money.2] amount \"12,34.5x\" is not a decimal number",
      "invoices.csv:3: amount: [huikuan.ledger.7] amount -500.00 is not positive",
      "invoices.csv:4: amount: [huikuan.ledger.7] amount 0.00 is not positive",
      "invoices.csv:5: amount: [huikuan.money.3] amount \"10.123\" has 3 decimal places; at most 2 are allowed",
      "invoices.csv:9: amount: [huikuan.money.2] amount \"$250.00\" is not a decimal number",
      "payments.csv:3: amount: [huikuan.ledger.7] amount -20.00 is not positive",
      "payments.csv:4: amount: [huikuan.ledger.7] amount 0.00 is not positive",
      "payments.csv:5: amount: [huikuan.money.3] amount \"10.123\" has 3 decimal places; at most 2 are allowed",
      "payments.csv:6: amount: [huikuan.money.2] amount \"1e3\" is not a decimal number",
  });
  check_summary(result.files[0], {4, 3, 1, 0, 0, 0});
  // Loaded: AI-005 980.50 + AI-006 12500.00 + AI-007 1000.00 + AI-009 0.01.
  check_summary(result.files[1], {9, 4, 5, -50000, 3, 1448051});
  check_summary(result.files[2], {6, 2, 4, -2000, 2, 1348050});
  CHECK(result.book.find_customer("A004"));
  CHECK(result.book.customer_at(*result.book.find_customer("A004")).credit_limit.is_zero());
  CHECK_FALSE(result.book.find_customer("A003"));
  const auto ai_007 = result.book.find_invoice("AI-007");
  REQUIRE(ai_007);
  CHECK(result.book.invoice_at(*ai_007).amount.minor_units() == 100000);
  check_conservation(result, broken("amounts"));
}

TEST_CASE("broken/references: duplicates, unknown and foreign references are left out", "[load]") {
  const auto result = load_ledger_directory(broken("references"));
  CHECK(messages(result) == strings{
      "customers.csv:4: customer_id: [huikuan.ledger.1] duplicate customer id R001",
      "invoices.csv:4: customer_id: [huikuan.ledger.4] unknown customer R999",
      "invoices.csv:5: invoice_id: [huikuan.ledger.1] duplicate invoice id RI-002",
      "payments.csv:3: invoice_id: [huikuan.ledger.10] invoice RI-004 belongs to customer R002, not R001",
      "payments.csv:4: invoice_id: [huikuan.ledger.9] unknown invoice RI-404",
      "payments.csv:5: customer_id: [huikuan.ledger.4] unknown customer R777",
      "payments.csv:6: payment_id: [huikuan.ledger.1] duplicate payment id RP-001",
  });
  check_summary(result.files[0], {3, 2, 1, 0, 0, 0});
  check_summary(result.files[1], {5, 3, 2, 700000, 0, 800000});
  check_summary(result.files[2], {6, 2, 4, 260000, 0, 300000});
  // The first occurrence of a duplicated id is the one kept.
  CHECK(result.book.customer_at(result.book.customer_index_of("R001")).name == "Epsilon Ltd");
  const auto ri_002 = result.book.invoice_at(*result.book.find_invoice("RI-002"));
  CHECK(ri_002.customer_id == "R002");
  CHECK(ri_002.amount.minor_units() == 200000);
  REQUIRE(result.book.payment_count() == 2u);
  CHECK(result.book.payment_at(1).id == "RP-005");
  CHECK(result.book.payment_at(1).invoice_id == "RI-002");
  CHECK(result.book.payment_at(0).amount.minor_units() == 100000);
  check_conservation(result, broken("references"));
}

TEST_CASE("broken/enums: unknown terms, methods and statuses are left out", "[load]") {
  const auto result = load_ledger_directory(broken("enums"));
  CHECK(messages(result) == strings{
      "customers.csv:3: terms: [huikuan.terms.1] terms \"COD\" are not NET n, EOM n or DAY d",
      "customers.csv:4: terms: [huikuan.terms.3] DAY 32: the day of the month must be in 1..31",
      "payments.csv:2: method: [huikuan.ledger.12] method \"bitcoin\" is not cash, transfer, cheque or draft",
      "payments.csv:3: status: [huikuan.ledger.13] status \"pending\" is not cleared or bounced",
      "payments.csv:6: method: [huikuan.ledger.12] method \"card\" is not cash, transfer, cheque or draft",
      "payments.csv:7: status: [huikuan.ledger.13] status \"reversed\" is not cleared or bounced",
  });
  check_summary(result.files[0], {4, 2, 2, 0, 0, 0});
  check_summary(result.files[1], {2, 2, 0, 0, 0, 1100000});
  check_summary(result.files[2], {6, 2, 4, 85000, 0, 60000});
  CHECK(result.book.customer_at(result.book.customer_index_of("E004")).terms == huikuan::payment_terms::net(30));
  REQUIRE(result.book.payment_count() == 2u);
  CHECK(result.book.payment_at(0).method == huikuan::payment_method::cheque);
  CHECK(result.book.payment_at(0).status == huikuan::payment_status::bounced);
  CHECK(result.book.payment_at(1).method == huikuan::payment_method::draft);
  CHECK(result.book.payment_at(1).status == huikuan::payment_status::cleared);
  check_conservation(result, broken("enums"));
}

TEST_CASE("broken/quoting: multi-line quoted records are reported at the line they start on", "[load]") {
  const auto result = load_ledger_directory(broken("quoting"));
  // The fixture README lists customers.csv:5 ("50,000.00") as malformed, but
  // parse_money accepts thousands grouped by three, so Q003 loads.
  CHECK(messages(result) == strings{
      "invoices.csv:5: issue_date: [huikuan.date.2] date 2024-09-31 is not a valid date",
      "invoices.csv:8: amount: [huikuan.ledger.7] amount -1.00 is not positive",
      "payments.csv:3: amount: [huikuan.money.2] amount \"1,5\" is not a decimal number",
      "payments.csv:4: method: [huikuan.ledger.12] method \"trans\nfer\" is not cash, transfer, cheque or draft",
  });
  check_summary(result.files[0], {3, 3, 0, 0, 0, 0});
  check_summary(result.files[1], {4, 2, 2, 299900, 0, 300000});
  check_summary(result.files[2], {4, 2, 2, 200000, 1, 300000});
  const auto& book = result.book;
  CHECK(book.customer_at(book.customer_index_of("Q001")).name == "Lee, Wong\nTrading Ltd");
  CHECK(book.customer_at(book.customer_index_of("Q002")).name == "The \"Quoted\" Company");
  CHECK(book.customer_at(book.customer_index_of("Q003")).credit_limit.minor_units() == 5000000);
  CHECK(book.invoice_at(*book.find_invoice("QI-001")).contract_no == "HT-1, rev.\n2");
  CHECK(book.invoice_at(*book.find_invoice("QI-002")).amount.minor_units() == 200000);
  check_conservation(result, broken("quoting"));
}

TEST_CASE("broken/structure: a BOM is skipped, empty required fields and wrong widths are left out", "[load]") {
  const auto result = load_ledger_directory(broken("structure"));
  CHECK(messages_of(result, "customers.csv") == strings{
      "customers.csv:4: name: [huikuan.load.4] name is empty",
      "customers.csv:5: [huikuan.csv.2] the row has 3 fields; the header has 6",
  });
  CHECK(messages_of(result, "invoices.csv") == strings{
      "invoices.csv:3: [huikuan.csv.2] the row has 9 fields; the header has 8",
      "invoices.csv:4: issue_date: [huikuan.load.4] issue_date is empty",
      "invoices.csv:5: customer_id: [huikuan.load.4] customer_id is empty",
      "invoices.csv:6: amount: [huikuan.load.4] amount is empty",
      "invoices.csv:7: invoice_id: [huikuan.load.4] invoice_id is empty",
      "invoices.csv:8: [huikuan.csv.2] the row has 3 fields; the header has 8",
  });
  const strings payment_problems = messages_of(result, "payments.csv");
  CHECK(std::find(payment_problems.begin(), payment_problems.end(),
                  "payments.csv:5: [huikuan.csv.2] the row has 8 fields; the header has 7") != payment_problems.end());
  REQUIRE(result.problems.size() >= 2u);
  CHECK(result.problems[1].column.empty());
  CHECK(result.problems[1].line == 5u);
  check_summary(result.files[0], {4, 2, 2, 0, 0, 0});
  check_summary(result.files[1], {8, 2, 6, 1300000, 3, 180000});
  const auto& book = result.book;
  // The BOM before "customer_id" did not hide the column.
  CHECK(book.customers()[0].id == "S001");
  CHECK(book.customer_at(book.customer_index_of("S002")).name == "苏州博远纺织有限公司");
  CHECK(book.find_invoice("SI-001"));
  CHECK(book.find_invoice("SI-008"));
  // SP-005's quoted empty invoice_id is a payment on account.
  const auto sp_005 = book.payment_at(book.payment_count() - 1);
  CHECK(sp_005.id == "SP-005");
  CHECK(sp_005.invoice_id.empty());
  CHECK(book.payments().invoice.back() == huikuan::no_index);
  check_conservation(result, broken("structure"));
}

// Known bug (or a README/loader disagreement to settle): the fixture README
// says an empty method or status in a present column leaves the payment out;
// the loader silently takes the defaults (transfer, cleared), so SP-002 and
// SP-003 load. A blank status counted as cleared cash is the risky part.
TEST_CASE("broken/structure: a payment with an empty method or status is left out", "[load]") {
  const auto result = load_ledger_directory(broken("structure"));
  const strings payment_problems = messages_of(result, "payments.csv");
  REQUIRE(payment_problems.size() == 3u);
  CHECK(payment_problems[0].starts_with("payments.csv:3: method: "));
  CHECK(payment_problems[1].starts_with("payments.csv:4: status: "));
  CHECK(payment_problems[2] == "payments.csv:5: [huikuan.csv.2] the row has 8 fields; the header has 7");
  check_summary(result.files[2], {5, 2, 3, 110000, 1, 180000});
  CHECK_FALSE(result.book.payment_count() == 4u);
}

TEST_CASE("broken/columns: columns are found by name in any order and unknown ones are ignored", "[load]") {
  const auto result = load_ledger_directory(broken("columns"));
  CHECK(messages(result) == strings{
      "invoices.csv:4: amount: [huikuan.ledger.7] amount 0.00 is not positive",
  });
  check_summary(result.files[0], {2, 2, 0, 0, 0, 0});
  check_summary(result.files[1], {3, 2, 1, 0, 0, 400050});
  check_summary(result.files[2], {3, 3, 0, 0, 0, 410050});
  const auto& book = result.book;
  const auto& k002 = book.customer_at(book.customer_index_of("K002"));
  CHECK(k002.name == "厦门海纳光电有限公司");
  CHECK(k002.sales_rep == "陈志强");
  CHECK(k002.segment == "project");
  CHECK(k002.terms == huikuan::payment_terms::day_of_following_month(10));
  CHECK(k002.credit_limit.minor_units() == 25000000);
  const auto ki_001 = book.invoice_at(*book.find_invoice("KI-001"));
  CHECK(ki_001.customer_id == "K001");
  CHECK(ki_001.amount.minor_units() == 150000);
  CHECK(format_date(ki_001.issue_date) == "2024-11-01");
  CHECK(format_date(*ki_001.due_date) == "2024-12-01");
  CHECK(due_of(result, "KI-002") == "2024-12-31");
  CHECK(ki_001.contract_no.empty());
  CHECK(book.invoice_sales_rep(0) == "John Carter");
  REQUIRE(book.payment_count() == 3u);
  CHECK(book.payment_at(1).method == huikuan::payment_method::draft);
  CHECK(book.payment_at(2).id == "KP-003");
  CHECK(book.payment_at(2).invoice_id.empty());
  check_conservation(result, broken("columns"));
}

TEST_CASE("broken/missing_file: a missing required file is fatal and named", "[load]") {
  const std::string directory = broken("missing_file");
  CHECK_THROWS_MATCHES(load_ledger_directory(directory), input_error,
                       Message("[huikuan.load.1] cannot read " + directory +
                               "/payments.csv: the file is missing or unreadable"));
  try {
    (void)load_ledger_directory(directory);
  } catch (const input_error& error) {
    CHECK(error.id() == "huikuan.load.1");
    CHECK(error.field() == "payments.csv");
  }
}

TEST_CASE("broken/missing_column: a missing required column is fatal and named", "[load]") {
  CHECK_THROWS_MATCHES(load_ledger_directory(broken("missing_column")), input_error,
                       Message("[huikuan.load.2] invoices.csv has no amount column"));
  try {
    (void)load_ledger_directory(broken("missing_column"));
  } catch (const input_error& error) {
    CHECK(error.field() == "amount");
  }
}

TEST_CASE("a data directory that does not exist is fatal and named", "[load]") {
  const std::string directory = broken("no_such_folder");
  CHECK_THROWS_MATCHES(load_ledger_directory(directory), input_error,
                       Message("[huikuan.load.1] data directory " + directory + " does not exist"));
}

TEST_CASE("read_text_file names a file it cannot read", "[load]") {
  const std::string path = broken("dates") + "/credit_notes.csv";
  CHECK_THROWS_MATCHES(huikuan::read_text_file(path), input_error,
                       Message("[huikuan.load.1] cannot read " + path + ": the file is missing or unreadable"));
}

TEST_CASE("the clean fixture loads with no problems and its hand-computed due dates", "[load]") {
  const std::string directory = std::string(HUIKUAN_TEST_DATA) + "/good";
  const auto result = load_ledger_directory(directory);
  CHECK(result.clean());
  CHECK(messages(result).empty());
  check_summary(result.files[0], {3, 3, 0, 0, 0, 0});
  check_summary(result.files[1], {10, 10, 0, 0, 0, 8130606});
  check_summary(result.files[2], {6, 6, 0, 0, 0, 6220100});
  CHECK_FALSE(result.files[3].present);
  CHECK(due_of(result, "GI-301") == "2025-10-25");
  CHECK(due_of(result, "GI-201") == "2025-12-30");
  CHECK(due_of(result, "GI-302") == "2025-12-25");
  CHECK(due_of(result, "GI-101") == "2025-12-31");
  CHECK(due_of(result, "GI-303") == "2026-01-25");
  CHECK(due_of(result, "GI-102") == "2026-02-09");
  CHECK(due_of(result, "GI-202") == "2026-03-02");
  CHECK(due_of(result, "GI-304") == "2026-03-25");
  CHECK(due_of(result, "GI-103") == "2026-03-31");
  CHECK(due_of(result, "GI-203") == "2026-04-30");
  const auto& book = result.book;
  CHECK(book.customer_at(book.customer_index_of("G001")).name == "上海华联贸易有限公司");
  CHECK(book.customer_at(book.customer_index_of("G002")).name == "Smith, Jones & Co");
  const auto gi_103 = static_cast<std::size_t>(*book.find_invoice("GI-103"));
  CHECK(book.invoice_sales_rep(gi_103) == "李娜");
  CHECK(book.invoice_sales_rep(static_cast<std::size_t>(*book.find_invoice("GI-101"))) == "王伟");
  CHECK(book.payment_at(2).status == huikuan::payment_status::bounced);
  check_conservation(result, directory);
}

TEST_CASE("the sample portfolio loads with no problems and its known row counts", "[load]") {
  const std::string directory = HUIKUAN_SAMPLE_DATA;
  const auto result = load_ledger_directory(directory);
  CHECK(messages(result).empty());
  CHECK(result.book.customer_count() == 300u);
  CHECK(result.book.invoice_count() == 4008u);
  CHECK(result.book.payment_count() == 3724u);
  CHECK(result.book.credit_note_count() == 40u);
  CHECK(result.files[3].present);
  check_conservation(result, directory);
}

TEST_CASE("texts load like files, and credit notes are optional", "[load]") {
  const std::string customers = std::string(customers_header) + "C1,Alpha,Rep,NET 30,1000\n";
  const std::string invoices = std::string(invoices_header) + "I1,C1,2024-01-10,100.00\n";
  const std::string payments = std::string(payments_header) + "P1,C1,2024-02-01,40.00\n";
  const auto without = load_ledger({customers, invoices, payments, std::nullopt});
  CHECK(without.clean());
  CHECK_FALSE(without.files[3].present);
  CHECK(without.book.payment_at(0).method == huikuan::payment_method::transfer);
  CHECK(without.book.payment_at(0).status == huikuan::payment_status::cleared);
  CHECK(format_date(*without.book.invoice_at(huikuan::invoice_index{0}).due_date) == "2024-02-09");

  const std::string credits = "credit_note_id,customer_id,date,amount,invoice_id,reason\nCN1,C1,2024-02-02,10.00,I1,退货\n";
  const auto with = load_ledger({customers, invoices, payments, credits});
  CHECK(with.clean());
  CHECK(with.files[3].present);
  check_summary(with.files[3], {1, 1, 0, 0, 0, 1000});
  CHECK(with.book.credit_note_at(0).reason == "退货");
  CHECK(with.book.credit_note_at(0).invoice_id == "I1");
}

TEST_CASE("CRLF line ends, a BOM and spaces around header names and values are accepted", "[load]") {
  const std::string customers = "\xEF\xBB\xBF customer_id ,name,sales_rep,terms,credit_limit\r\nC1, Alpha ,Rep,NET 30,1000\r\n";
  const std::string invoices = "invoice_id,customer_id,issue_date,amount\r\n\r\nI1,C1, 2024-01-10 , 100.00 \r\n";
  const std::string payments = std::string(payments_header);
  const auto result = load_ledger({customers, invoices, payments, std::nullopt});
  CHECK(messages(result).empty());
  CHECK(result.book.customer_at(result.book.customer_index_of("C1")).name == "Alpha");
  REQUIRE(result.book.invoice_count() == 1u);
  CHECK(result.book.invoice_at(huikuan::invoice_index{0}).amount.minor_units() == 10000);
  CHECK(result.files[2].rows_read == 0u);
}

TEST_CASE("an empty file has no header and is fatal", "[load]") {
  CHECK_THROWS_MATCHES(load_ledger({customers_header, invoices_header, "", std::nullopt}), input_error,
                       Message("[huikuan.load.2] payments.csv is empty: it has no header row"));
  CHECK_THROWS_WITH(load_ledger({customers_header, invoices_header, payments_header, "\n"}),
                    "[huikuan.load.2] credit_notes.csv is empty: it has no header row");
}

TEST_CASE("a header naming a column twice is fatal", "[load]") {
  try {
    (void)load_ledger({customers_header, "invoice_id,customer_id,issue_date,amount,amount\n", payments_header,
                       std::nullopt});
    FAIL("a duplicate column was accepted");
  } catch (const input_error& error) {
    CHECK(std::string(error.what()) == "[huikuan.load.3] invoices.csv names column amount twice");
    CHECK(error.field() == "amount");
  }
}

TEST_CASE("a missing required column is fatal even when no row follows", "[load]") {
  CHECK_THROWS_WITH(load_ledger({"customer_id,name,sales_rep,credit_limit\n", invoices_header, payments_header,
                                 std::nullopt}),
                    "[huikuan.load.2] customers.csv has no terms column");
  CHECK_THROWS_WITH(load_ledger({customers_header, invoices_header, "payment_id,customer_id,amount\n", std::nullopt}),
                    "[huikuan.load.2] payments.csv has no date column");
}

TEST_CASE("a row depending on a left-out row says which row it was", "[load]") {
  const std::string customers = std::string(customers_header) + "C1,Alpha,Rep,NET 30,1000\nC9,Bad,Rep,NET 30,-1\n";
  const std::string invoices = std::string(invoices_header) + "I1,C1,2024-01-10,100.00\nI9,C1,2024-13-10,50.00\n"
                                                              "I8,C9,2024-01-10,70.00\n";
  const std::string payments = "payment_id,customer_id,date,amount,invoice_id\nP1,C1,2024-02-01,30.00,I9\n"
                               "P2,C9,2024-02-01,20.00,\n";
  const std::string credits = "credit_note_id,customer_id,date,amount,invoice_id\nN1,C1,2024-02-01,5.00,I9\n";
  const auto result = load_ledger({customers, invoices, payments, credits});
  CHECK(messages(result) == strings{
      "customers.csv:3: credit_limit: [huikuan.ledger.3] credit limit -1.00 is negative",
      "invoices.csv:3: issue_date: [huikuan.date.2] date 2024-13-10 is not a valid date",
      "invoices.csv:4: customer_id: [huikuan.load.5] customer C9 was left out (customers.csv:3)",
      "payments.csv:2: invoice_id: [huikuan.load.5] invoice I9 was left out (invoices.csv:3)",
      "payments.csv:3: customer_id: [huikuan.load.5] customer C9 was left out (customers.csv:3)",
      "credit_notes.csv:2: invoice_id: [huikuan.load.5] invoice I9 was left out (invoices.csv:3)",
  });
  check_summary(result.files[1], {3, 1, 2, 12000, 0, 10000});
  check_summary(result.files[2], {2, 0, 2, 5000, 0, 0});
  check_summary(result.files[3], {1, 0, 1, 500, 0, 0});
}

TEST_CASE("a row with several bad fields reports every one of them and counts once", "[load]") {
  const std::string invoices = std::string(invoices_header) + "I1,C1,2024-02-30,12.345\nI2,C1,2024-02-01,7.00\n";
  const auto result = load_ledger({std::string(customers_header) + "C1,A,R,NET 30,0\n", invoices, payments_header,
                                   std::nullopt});
  CHECK(messages(result) == strings{
      "invoices.csv:2: issue_date: [huikuan.date.2] date 2024-02-30 is not a valid date",
      "invoices.csv:2: amount: [huikuan.money.3] amount \"12.345\" has 3 decimal places; at most 2 are allowed",
  });
  check_summary(result.files[1], {2, 1, 1, 0, 1, 700});
}

TEST_CASE("a problem without a line is printed without one", "[load]") {
  const huikuan::load_problem whole_file{"payments.csv", 0, "", "huikuan.load.1", "the file is missing"};
  CHECK(whole_file.message() == "payments.csv: [huikuan.load.1] the file is missing");
  const huikuan::load_problem row{"invoices.csv", 17, "due_date", "huikuan.date.2", "date 2024-02-30 is not a valid date"};
  CHECK(row.message() == "invoices.csv:17: due_date: [huikuan.date.2] date 2024-02-30 is not a valid date");
}

TEST_CASE("a record with a quoting problem is left out as a whole", "[load]") {
  const std::string invoices = std::string(invoices_header) + "I1,C1,2024-01-10,\"100.00\"x\nI2,C1,\"2024-01-11\n";
  const auto result = load_ledger({std::string(customers_header) + "C1,A,R,NET 30,0\n", invoices, payments_header,
                                   std::nullopt});
  CHECK(messages(result) == strings{
      "invoices.csv:2: [huikuan.csv.1] text after a closing quote",
      "invoices.csv:3: [huikuan.csv.1] a quoted field is not closed before the end of the file",
  });
  check_summary(result.files[1], {2, 0, 2, 0, 2, 0});
}

TEST_CASE("method and status are read regardless of case, and check means cheque", "[load]") {
  const std::string payments = "payment_id,customer_id,date,amount,method,status\nP1,C1,2024-02-01,1.00,CHECK,Bounced\n";
  const auto result = load_ledger({std::string(customers_header) + "C1,A,R,NET 30,0\n", invoices_header, payments,
                                   std::nullopt});
  CHECK(result.clean());
  CHECK(result.book.payment_at(0).method == huikuan::payment_method::cheque);
  CHECK(result.book.payment_at(0).status == huikuan::payment_status::bounced);
}

// Known bug: in load-inl.hpp the running totals (amount_loaded,
// amount_left_out) use checked money arithmetic. An invoice whose amount
// overflows amount_loaded is caught as an input_error after add_invoice has
// put it in the book, so it counts as loaded AND left out and is reported as
// a problem; an overflow of amount_left_out escapes load_ledger, although
// row problems are collected, never thrown.
TEST_CASE("a loaded row whose amount overflows the file total is not also reported as left out",
          "[load]") {
  const std::string max = "92233720368547758.07";
  const std::string customers = std::string(customers_header) + "C1,A,R,NET 30,0\n";
  const std::string invoices =
      std::string(invoices_header) + "I1,C1,2024-01-01," + max + "\nI2,C1,2024-01-01," + max + "\n";
  const auto result = load_ledger({customers, invoices, payments_header, std::nullopt});
  CHECK(result.files[1].rows_read == result.files[1].rows_loaded + result.files[1].rows_left_out);
  CHECK(result.files[1].rows_loaded == result.book.invoice_count());
  CHECK(messages(result).empty());
}

TEST_CASE("rows left out whose amounts overflow the left-out total do not make load_ledger throw",
          "[load]") {
  const std::string max = "92233720368547758.07";
  const std::string customers = std::string(customers_header) + "C1,A,R,NET 30,0\n";
  const std::string payments =
      std::string(payments_header) + "X1,C9,2024-01-01," + max + "\nX2,C9,2024-01-01," + max + "\n";
  CHECK_NOTHROW(load_ledger({customers, invoices_header, payments, std::nullopt}));
}
