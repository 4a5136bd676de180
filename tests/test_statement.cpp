// Statements of account (对账单) and the dormant-account check.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "huikuan/allocation.hpp"
#include "huikuan/error.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/load.hpp"
#include "huikuan/statement.hpp"
#include "ledger_generator.hpp"

using namespace huikuan;
using huikuan_test::make_credit_note;
using huikuan_test::make_customer;
using huikuan_test::make_invoice;
using huikuan_test::make_payment;
using huikuan_test::minor;
using huikuan_test::on;

namespace {

// "2026-02-10 invoice INV-2 [] +500 -0 =1500 (due 2026-03-12)"
std::string describe(const statement_line& line) {
  return format_date(line.date) + " " + std::string(to_string(line.kind)) + " " + line.reference + " [" +
         line.invoice_id + "] +" + std::to_string(line.debit.minor_units()) + " -" +
         std::to_string(line.credit.minor_units()) + " =" + std::to_string(line.balance.minor_units()) + " (" +
         line.note + ")";
}

std::vector<std::string> describe(const std::vector<statement_line>& lines) {
  std::vector<std::string> result;
  for (const statement_line& line : lines) result.push_back(describe(line));
  return result;
}

std::vector<std::int64_t> minor_units(const std::vector<money>& amounts) {
  std::vector<std::int64_t> result;
  for (money m : amounts) result.push_back(m.minor_units());
  return result;
}

// S1 on NET 30; on 2026-02-10 an invoice, a payment, a credit note and a
// bounced cheque; a large payment on 2026-03-20 leaves 900 on account.
ledger statement_ledger() {
  ledger book;
  book.add_customer(make_customer("S1", "王伟"));
  book.add_customer(make_customer("S2", "李娜"));
  book.add_invoice(make_invoice("INV-1", "S1", "2026-01-05", "2026-02-04", 1000));
  book.add_invoice(make_invoice("INV-2", "S1", "2026-02-10", "2026-03-12", 500));
  book.add_invoice(make_invoice("INV-3", "S1", "2026-04-15", "2026-05-15", 800));  // after as_of
  book.add_invoice(make_invoice("INV-X", "S2", "2026-02-10", "2026-03-12", 70));
  book.add_payment(make_payment("P-0", "S1", "2026-02-10", 50, "", payment_status::bounced, payment_method::cheque));
  book.add_credit_note(make_credit_note("CN-1", "S1", "2026-02-10", 100, "INV-2", "退货"));
  book.add_payment(make_payment("P-1", "S1", "2026-02-10", 300));
  book.add_payment(make_payment("P-9", "S1", "2026-03-20", 2000, "", payment_status::cleared, payment_method::draft));
  book.add_payment(make_payment("P-X", "S2", "2026-02-11", 70, "INV-X"));
  return book;
}

}  // namespace

TEST_CASE("movement kinds have readable names", "[statement]") {
  CHECK(to_string(movement_kind::invoice) == "invoice");
  CHECK(to_string(movement_kind::payment) == "payment");
  CHECK(to_string(movement_kind::credit_note) == "credit note");
  CHECK(to_string(movement_kind::bounced_payment) == "bounced payment");
}

TEST_CASE("a statement opens with the balance before the period and runs it through every movement",
          "[statement]") {
  const ledger book = statement_ledger();
  const statement_of_account s =
      make_statement(book, book.customer_index_of("S1"), on("2026-02-01"), on("2026-03-31"));
  CHECK(s.customer_id == "S1");
  CHECK(s.name == "Customer S1");
  CHECK(s.sales_rep == "王伟");
  CHECK(s.terms == payment_terms::net(30));
  CHECK(s.credit_limit == minor(100'000'000));
  CHECK(s.from == on("2026-02-01"));
  CHECK(s.as_of == on("2026-03-31"));
  CHECK(s.opening_balance == minor(1000));
  // Same day: invoices, payments, credit notes, bounced payments.
  CHECK(describe(s.lines) == std::vector<std::string>{
                                 "2026-02-10 invoice INV-2 [] +500 -0 =1500 (due 2026-03-12)",
                                 "2026-02-10 payment P-1 [] +0 -300 =1200 (transfer)",
                                 "2026-02-10 credit note CN-1 [INV-2] +0 -100 =1100 (退货)",
                                 "2026-02-10 bounced payment P-0 [] +0 -0 =1100 (cheque 0.50 bounced: settles nothing)",
                                 "2026-03-20 payment P-9 [] +0 -2000 =-900 (draft)",
                             });
  CHECK(s.closing_balance == minor(-900));
  CHECK(s.open_total == money{});
  CHECK(s.unapplied == minor(900));
  CHECK(s.closing_balance == s.open_total - s.unapplied);
  CHECK(s.open_items.empty());
  CHECK(s.bucket_labels == std::vector<std::string>{"current", "1-30", "31-60", "61-90", "91-120", "over 120"});
  CHECK(minor_units(s.buckets) == std::vector<std::int64_t>(6, 0));
  REQUIRE(s.bounced.size() == 1);
  CHECK(s.bounced[0].reference == "P-0");
  CHECK(s.bounced[0].kind == movement_kind::bounced_payment);
  CHECK(s.bounced[0].note == "cheque 0.50 bounced: settles nothing");
}

TEST_CASE("a statement lists the open items with their aging and stage", "[statement]") {
  const ledger book = statement_ledger();
  const statement_of_account s =
      make_statement(book, book.customer_index_of("S1"), on("2026-03-01"), on("2026-03-15"));
  CHECK(s.opening_balance == minor(1100));
  CHECK(s.lines.empty());
  CHECK(s.bounced.empty());
  CHECK(s.closing_balance == minor(1100));
  CHECK(s.open_total == minor(1100));
  CHECK(s.unapplied == money{});
  CHECK(minor_units(s.buckets) == std::vector<std::int64_t>{0, 400, 700, 0, 0, 0});
  REQUIRE(s.open_items.size() == 2);
  const open_item& first = s.open_items[0];
  CHECK(first.invoice_id == "INV-1");
  CHECK(first.issue_date == on("2026-01-05"));
  CHECK(first.due_date == on("2026-02-04"));
  CHECK(first.amount == minor(1000));
  CHECK(first.open == minor(700));
  CHECK(first.days_past_due == 39);
  CHECK_FALSE(first.short_paid);
  CHECK(first.stage == "blue");
  const open_item& second = s.open_items[1];
  CHECK(second.invoice_id == "INV-2");
  CHECK(second.open == minor(400));
  CHECK(second.days_past_due == 3);
  CHECK(second.stage == "green");
}

// Known problem: make_statement copies a bounced line into `bounced` before
// the running balances are filled in, so the copy's balance is 0 while the
// same line in `lines` carries the balance. Remove  once fixed.
TEST_CASE("a bounced payment in the bounced list carries the same balance as in the lines",
          "[statement]") {
  const ledger book = statement_ledger();
  const statement_of_account s =
      make_statement(book, book.customer_index_of("S1"), on("2026-02-01"), on("2026-03-31"));
  REQUIRE(s.bounced.size() == 1);
  REQUIRE(s.lines.size() == 5);
  CHECK(describe(s.bounced[0]) == describe(s.lines[3]));
}

TEST_CASE("a statement leaves out movements of other customers and after as_of", "[statement]") {
  const ledger book = statement_ledger();
  const statement_of_account s =
      make_statement(book, book.customer_index_of("S1"), on("2026-01-01"), on("2026-12-31"));
  for (const statement_line& line : s.lines) CHECK(line.reference != "INV-X");
  CHECK(s.opening_balance == money{});
  CHECK(s.lines.size() == 7);  // INV-3 is in now
  CHECK(s.closing_balance == minor(800 - 900));

  const statement_of_account before =
      make_statement(book, book.customer_index_of("S1"), on("2026-01-01"), on("2026-02-09"));
  CHECK(describe(before.lines) ==
        std::vector<std::string>{"2026-01-05 invoice INV-1 [] +1000 -0 =1000 (due 2026-02-04)"});
}

TEST_CASE("a statement for a single day opens with everything before it", "[statement]") {
  const ledger book = statement_ledger();
  const statement_of_account s =
      make_statement(book, book.customer_index_of("S1"), on("2026-02-10"), on("2026-02-10"));
  CHECK(s.opening_balance == minor(1000));
  CHECK(s.lines.size() == 4);
  CHECK(s.closing_balance == minor(1100));
  CHECK(s.closing_balance == s.open_total - s.unapplied);
}

TEST_CASE("a statement whose period starts after it ends is rejected", "[statement]") {
  const ledger book = statement_ledger();
  CHECK_THROWS_MATCHES(make_statement(book, customer_index{0}, on("2026-04-01"), on("2026-03-31")), input_error,
                       Catch::Message("[huikuan.statement.1] the period starts 2026-04-01, after its end 2026-03-31"));
  try {
    (void)make_statement(book, customer_index{0}, on("2026-04-01"), on("2026-03-31"));
  } catch (const input_error& error) {
    CHECK(error.field() == "from");
  }
}

TEST_CASE("a statement rejects an invalid bucket policy or ladder", "[statement]") {
  const ledger book = statement_ledger();
  bucket_policy policy;
  policy.upper_edges = {};
  CHECK_THROWS_MATCHES(make_statement(book, customer_index{0}, on("2026-01-01"), on("2026-03-31"), policy),
                       input_error, Catch::Message("[huikuan.aging.1] bucket edges {} must number 1 to 31"));
  CHECK_THROWS_MATCHES(
      make_statement(book, customer_index{0}, on("2026-01-01"), on("2026-03-31"), {}, escalation_ladder{}),
      input_error, Catch::Message("[huikuan.escalation.1] the ladder has no stages"));
}

TEST_CASE("a statement ages its open items with the policy it is given", "[statement]") {
  const ledger book = statement_ledger();
  bucket_policy policy;
  policy.upper_edges = {30, 60};
  policy.basis = aging_basis::days_since_invoice;
  const statement_of_account s =
      make_statement(book, book.customer_index_of("S1"), on("2026-03-01"), on("2026-03-15"), policy);
  // Days since invoice: INV-1 69, INV-2 33.
  CHECK(s.bucket_labels == std::vector<std::string>{"<= 30", "31-60", "over 60"});
  CHECK(minor_units(s.buckets) == std::vector<std::int64_t>{0, 400, 700});
}

TEST_CASE("statements of the good fixture reconcile with the hand-computed balances", "[statement][data]") {
  const load_result loaded = load_ledger_directory(HUIKUAN_TEST_DATA "/good");
  REQUIRE(loaded.clean());
  const ledger& book = loaded.book;

  SECTION("G001 in the first quarter of 2026") {
    const statement_of_account s = make_statement(book, book.customer_index_of("G001"), on("2026-01-01"), on("2026-03-31"));
    CHECK(s.opening_balance == minor(850050));
    CHECK(describe(s.lines) ==
          std::vector<std::string>{
              "2026-01-10 invoice GI-102 [] +620000 -0 =1470050 (due 2026-02-09)",
              "2026-01-20 bounced payment GP-03 [GI-101] +0 -0 =1470050 (cheque 8,500.50 bounced: settles nothing)",
              "2026-02-05 payment GP-04 [GI-101] +0 -850050 =620000 (transfer)",
              "2026-02-10 invoice GI-103 [] +432100 -0 =1052100 (due 2026-03-31)",
              "2026-03-01 payment GP-05 [GI-102] +0 -200000 =852100 (transfer)",
          });
    CHECK(s.closing_balance == minor(852100));
    CHECK(s.open_total == minor(852100));
    CHECK(s.unapplied == money{});
    CHECK(minor_units(s.buckets) == std::vector<std::int64_t>{432100, 0, 420000, 0, 0, 0});
    REQUIRE(s.open_items.size() == 2);
    CHECK(s.open_items[0].invoice_id == "GI-102");
    CHECK(s.open_items[0].open == minor(420000));
    CHECK(s.open_items[0].days_past_due == 50);
    CHECK(s.open_items[0].short_paid);
    CHECK(s.open_items[0].stage == "yellow");
    CHECK(s.open_items[1].invoice_id == "GI-103");
    CHECK(s.open_items[1].days_past_due == 0);
    CHECK_FALSE(s.open_items[1].short_paid);
    CHECK(s.open_items[1].stage == "green");
    REQUIRE(s.bounced.size() == 1);
    CHECK(s.bounced[0].reference == "GP-03");
    CHECK(s.terms == payment_terms::net(30));
    CHECK(s.credit_limit == minor(10'000'000));
  }
  SECTION("G002 from the start ends in credit on account") {
    const statement_of_account s = make_statement(book, book.customer_index_of("G002"), on("2025-01-01"), on("2026-03-31"));
    CHECK(s.opening_balance == money{});
    CHECK(describe(s.lines) == std::vector<std::string>{
                                   "2025-11-20 invoice GI-201 [] +1523456 -0 =1523456 (due 2025-12-30)",
                                   "2026-01-10 payment GP-02 [GI-201] +0 -1520000 =3456 (transfer)",
                                   "2026-01-15 invoice GI-202 [] +250000 -0 =253456 (due 2026-03-02)",
                                   "2026-03-20 payment GP-06 [GI-202] +0 -300000 =-46544 (transfer)",
                                   "2026-03-25 invoice GI-203 [] +180000 -0 =133456 (due 2026-04-30)",
                               });
    CHECK(s.closing_balance == minor(133456));
    CHECK(s.open_total == minor(180000));
    CHECK(s.unapplied == minor(46544));
    CHECK(s.name == "Smith, Jones & Co");
  }
  SECTION("G003 from the start") {
    const statement_of_account s = make_statement(book, book.customer_index_of("G003"), on("2025-09-01"), on("2026-03-31"));
    CHECK(s.closing_balance == minor(1775000));
    CHECK(s.open_total == minor(1775000));
    CHECK(minor_units(s.buckets) == std::vector<std::int64_t>{0, 125000, 0, 700000, 450000, 500000});
    std::vector<std::string> open_ids;
    for (const open_item& item : s.open_items) open_ids.push_back(item.invoice_id);
    CHECK(open_ids == std::vector<std::string>{"GI-301", "GI-302", "GI-303", "GI-304"});
    CHECK(s.open_items[0].stage == "stop after-sales service");  // 157 days
    CHECK(s.open_items[0].contract_no == "HT-2025-0031");
  }
}

// ---------------------------------------------------------------- dormant

namespace {

// As of 2026-12-31:
//   D1 open since 2026-01-01, nothing since          364 days quiet
//   D2 open, a bounced cheque on 2026-07-04           180 days: not dormant
//   D3 open, a bounced cheque on 2026-07-03           181 days
//   D4 only a payment on 2026-02-01 (credit on account) 333 days
//   D5 paid in full on 2026-01-10                     nothing open
//   D6 no rows at all
//   D7 open since 2026-01-01, paid in 2027            364 days (as of 2026)
ledger dormant_ledger() {
  ledger book;
  for (const char* id : {"D1", "D2", "D3", "D4", "D5", "D6", "D7"}) book.add_customer(make_customer(id));
  book.add_invoice(make_invoice("I-1", "D1", "2026-01-01", "2026-01-31", 100));
  book.add_invoice(make_invoice("I-2", "D2", "2026-01-01", "2026-01-31", 200));
  book.add_payment(make_payment("P-2", "D2", "2026-07-04", 200, "I-2", payment_status::bounced));
  book.add_invoice(make_invoice("I-3", "D3", "2026-01-01", "2026-01-31", 300));
  book.add_payment(make_payment("P-3", "D3", "2026-07-03", 300, "I-3", payment_status::bounced));
  book.add_payment(make_payment("P-4", "D4", "2026-02-01", 400));
  book.add_invoice(make_invoice("I-5", "D5", "2026-01-01", "2026-01-31", 500));
  book.add_payment(make_payment("P-5", "D5", "2026-01-10", 500));
  book.add_invoice(make_invoice("I-7", "D7", "2026-01-01", "2026-01-31", 700));
  book.add_payment(make_payment("P-7", "D7", "2027-01-05", 700));
  book.add_invoice(make_invoice("I-7b", "D7", "2027-01-02", "2027-02-01", 1));
  return book;
}

std::vector<std::string> dormant_summary(const ledger& book, const std::vector<dormant_account>& accounts) {
  std::vector<std::string> result;
  for (const dormant_account& a : accounts)
    result.push_back(book.customer_at(a.customer).id + " open " + std::to_string(a.open.minor_units()) + " credit " +
                     std::to_string(a.unapplied.minor_units()) + " last " + format_date(a.last_movement) + " quiet " +
                     std::to_string(a.days_quiet));
  return result;
}

}  // namespace

TEST_CASE("an account is dormant when its last movement is more than the quiet period ago", "[statement][dormant]") {
  const ledger book = dormant_ledger();
  const receivables_position position = allocate(book, on("2026-12-31"));
  CHECK(dormant_summary(book, find_dormant_accounts(book, position)) ==
        std::vector<std::string>{
            "D1 open 100 credit 0 last 2026-01-01 quiet 364",
            "D7 open 700 credit 0 last 2026-01-01 quiet 364",
            "D4 open 0 credit 400 last 2026-02-01 quiet 333",
            "D3 open 300 credit 0 last 2026-07-03 quiet 181",
        });
}

TEST_CASE("a quiet period of zero days makes every account without a movement on as_of dormant",
          "[statement][dormant]") {
  const ledger book = dormant_ledger();
  const receivables_position position = allocate(book, on("2026-07-04"));
  const auto accounts = find_dormant_accounts(book, position, days(0));
  CHECK(dormant_summary(book, accounts) == std::vector<std::string>{
                                               "D1 open 100 credit 0 last 2026-01-01 quiet 184",
                                               "D7 open 700 credit 0 last 2026-01-01 quiet 184",
                                               "D4 open 0 credit 400 last 2026-02-01 quiet 153",
                                               "D3 open 300 credit 0 last 2026-07-03 quiet 1",
                                           });
}

TEST_CASE("a negative quiet period is rejected", "[statement][dormant]") {
  const ledger book = dormant_ledger();
  const receivables_position position = allocate(book, on("2026-12-31"));
  CHECK_THROWS_MATCHES(find_dormant_accounts(book, position, days(-1)), input_error,
                       Catch::Message("[huikuan.statement.2] quiet period -1 days is negative"));
}

TEST_CASE("the good fixture has no dormant account over 180 days and one over 30", "[statement][dormant][data]") {
  const load_result loaded = load_ledger_directory(HUIKUAN_TEST_DATA "/good");
  const receivables_position position = allocate(loaded.book, on("2026-03-31"));
  CHECK(find_dormant_accounts(loaded.book, position).empty());
  CHECK(dormant_summary(loaded.book, find_dormant_accounts(loaded.book, position, days(30))) ==
        std::vector<std::string>{"G003 open 1775000 credit 0 last 2026-02-05 quiet 54"});
  CHECK(dormant_summary(loaded.book, find_dormant_accounts(loaded.book, position, days(29))) ==
        std::vector<std::string>{"G003 open 1775000 credit 0 last 2026-02-05 quiet 54",
                                 "G001 open 852100 credit 0 last 2026-03-01 quiet 30"});
}

TEST_CASE("statements in a batch equal the statements made one at a time, in the order asked", "[statement]") {
  const ledger book = statement_ledger();
  const receivables_position position = allocate(book, on("2026-03-31"));
  const std::vector<customer_index> customers{customer_index{1}, customer_index{0}, customer_index{1}};
  const std::vector<statement_of_account> batch = make_statements(book, position, customers, on("2026-02-01"));
  REQUIRE(batch.size() == 3);
  for (std::size_t k = 0; k < customers.size(); ++k) {
    const statement_of_account one = make_statement(book, position, customers[k], on("2026-02-01"));
    CHECK(batch[k].customer_id == one.customer_id);
    CHECK(batch[k].opening_balance == one.opening_balance);
    CHECK(batch[k].closing_balance == one.closing_balance);
    CHECK(batch[k].lines.size() == one.lines.size());
    CHECK(batch[k].open_items.size() == one.open_items.size());
    CHECK(batch[k].buckets == one.buckets);
  }
  CHECK(make_statements(book, position, {}, on("2026-02-01")).empty());
}

TEST_CASE("a batch of statements checks every customer and the period before building any", "[statement]") {
  const ledger book = statement_ledger();
  const receivables_position position = allocate(book, on("2026-03-31"));
  const std::vector<customer_index> unknown{customer_index{0}, customer_index{7}};
  CHECK_THROWS_MATCHES(make_statements(book, position, unknown, on("2026-02-01")), not_found_error,
                       Catch::Message("[huikuan.statement.3] customer index 7 is not in the ledger (2 customers)"));
  const std::vector<customer_index> first{customer_index{0}};
  CHECK_THROWS_MATCHES(make_statements(book, position, first, on("2026-04-01")), input_error,
                       Catch::Message("[huikuan.statement.1] the period starts 2026-04-01, after its end 2026-03-31"));
}
