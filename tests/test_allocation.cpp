// Cash allocation: every rule of allocation.hpp on a small hand-built
// ledger, the hand-computed fixture in tests/data/good, and the sample
// portfolio against figures from an independent implementation.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "huikuan/aging.hpp"
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

std::int64_t open_of(const ledger& book, const receivables_position& position, std::string_view invoice_id) {
  const auto index = book.find_invoice(invoice_id);
  REQUIRE(index.has_value());
  return position.open_amount.at(static_cast<std::size_t>(*index));
}

std::int32_t settled_of(const ledger& book, const receivables_position& position, std::string_view invoice_id) {
  const auto index = book.find_invoice(invoice_id);
  REQUIRE(index.has_value());
  return position.settled_day.at(static_cast<std::size_t>(*index));
}

std::uint32_t invoice_number(const ledger& book, std::string_view invoice_id) {
  const auto index = book.find_invoice(invoice_id);
  REQUIRE(index.has_value());
  return static_cast<std::uint32_t>(*index);
}

std::int64_t unapplied_of(const ledger& book, const receivables_position& position, std::string_view customer_id) {
  return position.unapplied.at(static_cast<std::size_t>(book.customer_index_of(customer_id)));
}

// "payment P-1 -> INV-2 300" for each settlement, in processing order.
std::vector<std::string> settlement_trace(const ledger& book, const receivables_position& position) {
  std::vector<std::string> trace;
  for (const settlement& s : position.settlements) {
    const std::string source = s.source == settlement_source::payment ? "payment " + book.payment_id(s.source_index)
                                                                      : "credit note " + book.credit_note_id(s.source_index);
    trace.push_back(source + " -> " + book.invoice_id(s.invoice) + " " + std::to_string(s.amount.minor_units()) + " on " +
                    format_date(s.date));
  }
  return trace;
}

std::vector<std::string> short_paid_ids(const ledger& book, const receivables_position& position) {
  std::vector<std::string> ids;
  for (std::uint32_t i : position.short_paid_invoices) ids.push_back(book.invoice_id(i));
  return ids;
}

std::vector<std::string> bounced_ids(const ledger& book, const receivables_position& position) {
  std::vector<std::string> ids;
  for (std::uint32_t i : position.bounced_payments) ids.push_back(book.payment_id(i));
  return ids;
}

// One customer C1 on NET 30 with two invoices: INV-1 1000 due 2026-01-31
// and INV-2 500 due 2026-02-09.
ledger two_invoice_ledger() {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_invoice(make_invoice("INV-1", "C1", "2026-01-01", "2026-01-31", 1000));
  book.add_invoice(make_invoice("INV-2", "C1", "2026-01-10", "2026-02-09", 500));
  return book;
}

}  // namespace

TEST_CASE("a payment naming an invoice settles that invoice even when an older one is open", "[allocation]") {
  ledger book = two_invoice_ledger();
  book.add_payment(make_payment("P-1", "C1", "2026-02-01", 300, "INV-2"));
  const receivables_position position = allocate(book, on("2026-02-28"));
  CHECK(open_of(book, position, "INV-1") == 1000);
  CHECK(open_of(book, position, "INV-2") == 200);
  CHECK(settlement_trace(book, position) == std::vector<std::string>{"payment P-1 -> INV-2 300 on 2026-02-01"});
  CHECK(unapplied_of(book, position, "C1") == 0);
}

TEST_CASE("the excess of a payment naming an invoice goes to the oldest due invoice", "[allocation]") {
  ledger book = two_invoice_ledger();
  book.add_payment(make_payment("P-1", "C1", "2026-02-01", 700, "INV-2"));
  const receivables_position position = allocate(book, on("2026-02-28"));
  CHECK(open_of(book, position, "INV-2") == 0);
  CHECK(open_of(book, position, "INV-1") == 800);
  CHECK(settlement_trace(book, position) ==
        std::vector<std::string>{"payment P-1 -> INV-2 500 on 2026-02-01", "payment P-1 -> INV-1 200 on 2026-02-01"});
  CHECK(position.short_paid_invoices.empty());
  CHECK(position.total_open() == minor(800));
}

TEST_CASE("an overpayment beyond every open invoice stays on account as unapplied credit", "[allocation]") {
  ledger book = two_invoice_ledger();
  book.add_payment(make_payment("P-1", "C1", "2026-02-01", 1800, "INV-2"));
  const receivables_position position = allocate(book, on("2026-02-28"));
  CHECK(open_of(book, position, "INV-1") == 0);
  CHECK(open_of(book, position, "INV-2") == 0);
  CHECK(unapplied_of(book, position, "C1") == 300);
  CHECK(position.total_unapplied() == minor(300));
}

TEST_CASE("a payment naming no invoice settles open invoices oldest due date first", "[allocation]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  // Due-date order: D (02-10), then B, C and A all due 02-20: B and C were
  // issued 01-01, before A (01-05); B was added before C. Ids are chosen so
  // that their byte order (INV-A < INV-B < INV-C < INV-D) disagrees.
  book.add_invoice(make_invoice("INV-A", "C1", "2026-01-05", "2026-02-20", 400));
  book.add_invoice(make_invoice("INV-D", "C1", "2026-01-20", "2026-02-10", 100));
  book.add_invoice(make_invoice("INV-C", "C1", "2026-01-01", "2026-02-20", 200));
  book.add_invoice(make_invoice("INV-B", "C1", "2026-01-01", "2026-02-20", 300));
  book.add_payment(make_payment("P-1", "C1", "2026-03-01", 450));
  const receivables_position position = allocate(book, on("2026-03-31"));
  CHECK(settlement_trace(book, position) == std::vector<std::string>{
                                                "payment P-1 -> INV-D 100 on 2026-03-01",
                                                "payment P-1 -> INV-C 200 on 2026-03-01",
                                                "payment P-1 -> INV-B 150 on 2026-03-01",
                                            });
  CHECK(open_of(book, position, "INV-D") == 0);
  CHECK(open_of(book, position, "INV-C") == 0);
  CHECK(open_of(book, position, "INV-B") == 150);
  CHECK(open_of(book, position, "INV-A") == 400);
  CHECK(position.short_paid_invoices.empty());
}

TEST_CASE("a payment does not settle invoices issued after its date", "[allocation]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_invoice(make_invoice("INV-1", "C1", "2026-01-01", "2026-01-31", 100));
  book.add_invoice(make_invoice("INV-2", "C1", "2026-02-15", "2026-03-17", 500));
  book.add_payment(make_payment("P-1", "C1", "2026-02-01", 250));
  const receivables_position position = allocate(book, on("2026-03-31"));
  CHECK(open_of(book, position, "INV-1") == 0);
  CHECK(open_of(book, position, "INV-2") == 500);
  CHECK(unapplied_of(book, position, "C1") == 150);
}

TEST_CASE("an invoice issued on the payment's date is settled by it", "[allocation]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_invoice(make_invoice("INV-1", "C1", "2026-02-01", "2026-03-03", 100));
  book.add_payment(make_payment("P-1", "C1", "2026-02-01", 100));
  const receivables_position position = allocate(book, on("2026-02-01"));
  CHECK(open_of(book, position, "INV-1") == 0);
  CHECK(settled_of(book, position, "INV-1") == on("2026-02-01").serial());
}

TEST_CASE("unapplied credit is kept and not applied to invoices issued later", "[allocation]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_payment(make_payment("P-0", "C1", "2026-01-01", 500));  // before any invoice
  book.add_invoice(make_invoice("INV-1", "C1", "2026-01-10", "2026-02-09", 300));
  book.add_payment(make_payment("P-2", "C1", "2026-03-01", 100));
  const receivables_position position = allocate(book, on("2026-03-31"));
  // The 500 paid before INV-1 existed stays on account; the later payment
  // still goes to INV-1.
  CHECK(unapplied_of(book, position, "C1") == 500);
  CHECK(open_of(book, position, "INV-1") == 200);
  CHECK(settlement_trace(book, position) == std::vector<std::string>{"payment P-2 -> INV-1 100 on 2026-03-01"});
}

TEST_CASE("a bounced payment settles nothing and is listed", "[allocation]") {
  ledger book = two_invoice_ledger();
  book.add_payment(make_payment("P-B", "C1", "2026-02-01", 1000, "INV-1", payment_status::bounced, payment_method::cheque));
  book.add_payment(make_payment("P-U", "C1", "2026-02-02", 70, "", payment_status::bounced, payment_method::cheque));
  book.add_payment(make_payment("P-LATE", "C1", "2026-04-01", 5, "", payment_status::bounced));
  const receivables_position position = allocate(book, on("2026-02-28"));
  CHECK(open_of(book, position, "INV-1") == 1000);
  CHECK(open_of(book, position, "INV-2") == 500);
  CHECK(unapplied_of(book, position, "C1") == 0);
  CHECK(position.settlements.empty());
  // Bounced payments after as_of are not listed; a bounced payment naming
  // an invoice does not make it short-paid.
  CHECK(bounced_ids(book, position) == std::vector<std::string>{"P-B", "P-U"});
  CHECK(position.short_paid_invoices.empty());
}

TEST_CASE("the replacement of a bounced cheque settles the invoice", "[allocation]") {
  ledger book = two_invoice_ledger();
  book.add_payment(make_payment("P-1", "C1", "2026-02-01", 1000, "INV-1", payment_status::bounced, payment_method::cheque));
  book.add_payment(make_payment("P-1-R", "C1", "2026-02-05", 1000, "INV-1"));
  const receivables_position position = allocate(book, on("2026-02-28"));
  CHECK(open_of(book, position, "INV-1") == 0);
  CHECK(settled_of(book, position, "INV-1") == on("2026-02-05").serial());
  CHECK(bounced_ids(book, position) == std::vector<std::string>{"P-1"});
}

TEST_CASE("a short payment leaves the remainder open and lists the invoice as short-paid", "[allocation]") {
  ledger book = two_invoice_ledger();
  book.add_payment(make_payment("P-1", "C1", "2026-02-01", 990, "INV-1"));  // 尾数被砍: 10 rounded off
  SECTION("until the remainder is paid") {
    const receivables_position position = allocate(book, on("2026-02-28"));
    CHECK(open_of(book, position, "INV-1") == 10);
    CHECK(short_paid_ids(book, position) == std::vector<std::string>{"INV-1"});
    CHECK(settled_of(book, position, "INV-1") == receivables_position::not_settled);
  }
  SECTION("and no longer once a later payment settles it") {
    book.add_payment(make_payment("P-2", "C1", "2026-03-05", 10));
    const receivables_position position = allocate(book, on("2026-03-31"));
    CHECK(open_of(book, position, "INV-1") == 0);
    CHECK(position.short_paid_invoices.empty());
    CHECK(settled_of(book, position, "INV-1") == on("2026-03-05").serial());
  }
}

TEST_CASE("a credit note naming an invoice for part of it reduces it without making it short-paid", "[allocation]") {
  ledger book = two_invoice_ledger();
  book.add_credit_note(make_credit_note("CN-1", "C1", "2026-01-15", 200, "INV-2"));
  const receivables_position position = allocate(book, on("2026-02-28"));
  CHECK(open_of(book, position, "INV-2") == 300);
  CHECK(open_of(book, position, "INV-1") == 1000);
  CHECK(position.short_paid_invoices.empty());
  CHECK(settlement_trace(book, position) == std::vector<std::string>{"credit note CN-1 -> INV-2 200 on 2026-01-15"});
}

TEST_CASE("a credit note on account settles the oldest due invoice and its excess stays unapplied", "[allocation]") {
  ledger book = two_invoice_ledger();
  book.add_credit_note(make_credit_note("CN-1", "C1", "2026-02-01", 1600));
  const receivables_position position = allocate(book, on("2026-02-28"));
  CHECK(settlement_trace(book, position) == std::vector<std::string>{"credit note CN-1 -> INV-1 1000 on 2026-02-01",
                                                                     "credit note CN-1 -> INV-2 500 on 2026-02-01"});
  CHECK(unapplied_of(book, position, "C1") == 100);
}

TEST_CASE("on the same day payments are applied before credit notes", "[allocation]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_invoice(make_invoice("INV-1", "C1", "2026-01-01", "2026-01-31", 100));
  book.add_invoice(make_invoice("INV-2", "C1", "2026-01-02", "2026-02-01", 100));
  // The credit note is added first and its id sorts first, yet the payment
  // takes the oldest invoice.
  book.add_credit_note(make_credit_note("A-CN", "C1", "2026-02-10", 100));
  book.add_payment(make_payment("Z-PAY", "C1", "2026-02-10", 100));
  const receivables_position position = allocate(book, on("2026-02-28"));
  CHECK(settlement_trace(book, position) == std::vector<std::string>{"payment Z-PAY -> INV-1 100 on 2026-02-10",
                                                                     "credit note A-CN -> INV-2 100 on 2026-02-10"});
}

TEST_CASE("payments on the same day are applied in byte order of their ids, not the order added", "[allocation]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_invoice(make_invoice("INV-1", "C1", "2026-01-01", "2026-01-31", 100));
  book.add_invoice(make_invoice("INV-2", "C1", "2026-01-02", "2026-02-01", 100));
  book.add_invoice(make_invoice("INV-3", "C1", "2026-01-03", "2026-02-02", 100));
  // Byte order: "P-10" < "P-9" < "\xC3\xA9" (é as UTF-8, compared as unsigned bytes).
  book.add_payment(make_payment("\xC3\xA9", "C1", "2026-02-10", 100));
  book.add_payment(make_payment("P-9", "C1", "2026-02-10", 100));
  book.add_payment(make_payment("P-10", "C1", "2026-02-10", 100));
  const receivables_position position = allocate(book, on("2026-02-28"));
  CHECK(settlement_trace(book, position) == std::vector<std::string>{"payment P-10 -> INV-1 100 on 2026-02-10",
                                                                     "payment P-9 -> INV-2 100 on 2026-02-10",
                                                                     "payment \xC3\xA9 -> INV-3 100 on 2026-02-10"});
}

TEST_CASE("an earlier payment is applied before a later one whatever their ids", "[allocation]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_invoice(make_invoice("INV-1", "C1", "2026-01-01", "2026-01-31", 100));
  book.add_invoice(make_invoice("INV-2", "C1", "2026-01-02", "2026-02-01", 100));
  book.add_payment(make_payment("A", "C1", "2026-02-11", 100));
  book.add_payment(make_payment("B", "C1", "2026-02-10", 100));
  const receivables_position position = allocate(book, on("2026-02-28"));
  CHECK(settlement_trace(book, position) == std::vector<std::string>{"payment B -> INV-1 100 on 2026-02-10",
                                                                     "payment A -> INV-2 100 on 2026-02-11"});
}

TEST_CASE("allocation as of a date ignores every row dated after it", "[allocation]") {
  ledger book = two_invoice_ledger();
  book.add_payment(make_payment("P-1", "C1", "2026-01-20", 400, "INV-1"));
  book.add_payment(make_payment("P-2", "C1", "2026-03-01", 600, "INV-1"));
  book.add_credit_note(make_credit_note("CN-1", "C1", "2026-03-02", 500));
  book.add_invoice(make_invoice("INV-3", "C1", "2026-03-05", "2026-04-04", 900));

  SECTION("as of the day before the later rows") {
    const receivables_position position = allocate(book, on("2026-02-28"));
    CHECK(position.as_of == on("2026-02-28"));
    CHECK(open_of(book, position, "INV-1") == 600);
    CHECK(open_of(book, position, "INV-2") == 500);
    CHECK(open_of(book, position, "INV-3") == 0);
    CHECK(position.issued == std::vector<std::uint8_t>{1, 1, 0});
    CHECK(short_paid_ids(book, position) == std::vector<std::string>{"INV-1"});
    CHECK(position.settlements.size() == 1);
  }
  SECTION("as of a date that includes them") {
    const receivables_position position = allocate(book, on("2026-03-31"));
    CHECK(open_of(book, position, "INV-1") == 0);
    CHECK(open_of(book, position, "INV-2") == 0);
    CHECK(open_of(book, position, "INV-3") == 900);
    CHECK(position.issued == std::vector<std::uint8_t>{1, 1, 1});
    CHECK(position.short_paid_invoices.empty());
  }
  SECTION("as of a date before every row") {
    const receivables_position position = allocate(book, on("2025-12-31"));
    CHECK(position.open_amount == std::vector<std::int64_t>{0, 0, 0});
    CHECK(position.issued == std::vector<std::uint8_t>{0, 0, 0});
    CHECK(position.settlements.empty());
    CHECK(position.total_open() == money{});
  }
}

TEST_CASE("a payment naming an invoice not yet issued on as_of goes to the oldest due invoice", "[allocation]") {
  ledger book = two_invoice_ledger();
  book.add_invoice(make_invoice("INV-3", "C1", "2026-03-05", "2026-04-04", 900));
  book.add_payment(make_payment("P-1", "C1", "2026-02-01", 300, "INV-3"));  // paid in advance
  const receivables_position position = allocate(book, on("2026-02-28"));
  CHECK(open_of(book, position, "INV-1") == 700);
  CHECK(open_of(book, position, "INV-3") == 0);
  CHECK(position.issued[invoice_number(book, "INV-3")] == 0);
}

// Rule 2 honours a named invoice only once it exists on the cash's date:
// cash naming a later invoice is a deposit on account, so a report whose
// date has passed never changes when later rows arrive.
TEST_CASE("a payment naming an invoice issued after it is on account and history does not change", "[allocation]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_invoice(make_invoice("INV-1", "C1", "2026-01-01", "2026-01-31", 100));
  book.add_invoice(make_invoice("INV-2", "C1", "2026-03-01", "2026-03-31", 100));
  book.add_payment(make_payment("P-1", "C1", "2026-02-01", 100, "INV-2"));
  const receivables_position february = allocate(book, on("2026-02-15"));
  CHECK(open_of(book, february, "INV-1") == 0);
  CHECK(settled_of(book, february, "INV-1") == on("2026-02-01").serial());
  const receivables_position march = allocate(book, on("2026-03-31"));
  CHECK(open_of(book, march, "INV-1") == 0);
  CHECK(settled_of(book, march, "INV-1") == on("2026-02-01").serial());
  CHECK(open_of(book, march, "INV-2") == 100);
  CHECK(march.unapplied[0] == 0);
}

TEST_CASE("a deposit naming a later invoice with nothing else open stays unapplied", "[allocation]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_invoice(make_invoice("INV-2", "C1", "2026-03-01", "2026-03-31", 100));
  book.add_payment(make_payment("P-1", "C1", "2026-02-01", 40, "INV-2"));
  const receivables_position march = allocate(book, on("2026-03-31"));
  CHECK(open_of(book, march, "INV-2") == 100);
  CHECK(march.unapplied[0] == 40);
  CHECK(march.short_paid_invoices.empty());
}

TEST_CASE("settled_day is the date of the payment that brought the invoice to zero", "[allocation]") {
  ledger book = two_invoice_ledger();
  book.add_invoice(make_invoice("INV-3", "C1", "2026-03-05", "2026-04-04", 900));
  book.add_payment(make_payment("P-1", "C1", "2026-02-01", 600));
  book.add_credit_note(make_credit_note("CN-1", "C1", "2026-02-03", 450));
  const receivables_position position = allocate(book, on("2026-02-28"));
  CHECK(settled_of(book, position, "INV-1") == on("2026-02-03").serial());  // 600 then 400 of the credit note
  CHECK(open_of(book, position, "INV-2") == 450);
  CHECK(settled_of(book, position, "INV-2") == receivables_position::not_settled);
  CHECK(settled_of(book, position, "INV-3") == receivables_position::not_settled);  // not issued
}

TEST_CASE("allocation keeps customers apart", "[allocation]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_customer(make_customer("C2"));
  book.add_invoice(make_invoice("INV-1", "C1", "2026-01-01", "2026-01-31", 100));
  book.add_invoice(make_invoice("INV-2", "C2", "2026-01-01", "2026-01-31", 100));
  book.add_payment(make_payment("P-1", "C2", "2026-02-01", 250));
  const receivables_position position = allocate(book, on("2026-02-28"));
  CHECK(open_of(book, position, "INV-1") == 100);
  CHECK(open_of(book, position, "INV-2") == 0);
  CHECK(position.unapplied == std::vector<std::int64_t>{0, 150});
}

TEST_CASE("unapplied credit beyond the int64 range throws overflow_error", "[allocation]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_payment(make_payment("P-1", "C1", "2026-02-01", std::numeric_limits<std::int64_t>::max()));
  book.add_payment(make_payment("P-2", "C1", "2026-02-02", 1));
  REQUIRE_THROWS_MATCHES(allocate(book, on("2026-02-28")), overflow_error,
                         Catch::Message("[huikuan.money.5] 9223372036854775807 + 1 minor units leaves the int64 range"));
  CHECK_NOTHROW(allocate(book, on("2026-02-01")));
}

TEST_CASE("the total open balance beyond the int64 range throws overflow_error", "[allocation]") {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_invoice(make_invoice("INV-1", "C1", "2026-01-01", "2026-01-31", std::numeric_limits<std::int64_t>::max()));
  book.add_invoice(make_invoice("INV-2", "C1", "2026-01-01", "2026-01-31", 1));
  const receivables_position position = allocate(book, on("2026-02-28"));
  REQUIRE_THROWS_MATCHES(position.total_open(), overflow_error,
                         Catch::Message("[huikuan.money.5] sum of 2 amounts leaves the int64 range of minor units"));
}

TEST_CASE("the good fixture allocates to the hand-computed open balances", "[allocation][data]") {
  const load_result loaded = load_ledger_directory(HUIKUAN_TEST_DATA "/good");
  REQUIRE(loaded.clean());
  const ledger& book = loaded.book;
  const receivables_position position = allocate(book, on("2026-03-31"));

  CHECK(open_of(book, position, "GI-301") == 500000);
  CHECK(open_of(book, position, "GI-302") == 450000);
  CHECK(open_of(book, position, "GI-303") == 700000);
  CHECK(open_of(book, position, "GI-304") == 125000);
  CHECK(open_of(book, position, "GI-101") == 0);
  CHECK(open_of(book, position, "GI-102") == 420000);
  CHECK(open_of(book, position, "GI-103") == 432100);
  CHECK(open_of(book, position, "GI-201") == 0);
  CHECK(open_of(book, position, "GI-202") == 0);
  CHECK(open_of(book, position, "GI-203") == 180000);
  CHECK(settled_of(book, position, "GI-101") == on("2026-02-05").serial());
  CHECK(settled_of(book, position, "GI-201") == on("2026-03-20").serial());
  CHECK(settled_of(book, position, "GI-202") == on("2026-03-20").serial());

  CHECK(unapplied_of(book, position, "G001") == 0);
  CHECK(unapplied_of(book, position, "G002") == 46544);
  CHECK(unapplied_of(book, position, "G003") == 0);
  CHECK(position.total_open() == minor(2807100));
  CHECK(position.total_unapplied() == minor(46544));
  CHECK(bounced_ids(book, position) == std::vector<std::string>{"GP-03"});
  // GP-05 paid 2000.00 of GI-102's 6200.00 (an instalment): still open, so
  // listed. GI-201's short payment was made good by GP-06's excess.
  CHECK(short_paid_ids(book, position) == std::vector<std::string>{"GI-102"});

  CHECK(settlement_trace(book, position) == std::vector<std::string>{
                                                "payment GP-04 -> GI-101 850050 on 2026-02-05",
                                                "payment GP-05 -> GI-102 200000 on 2026-03-01",
                                                "payment GP-02 -> GI-201 1520000 on 2026-01-10",
                                                "payment GP-06 -> GI-202 250000 on 2026-03-20",
                                                "payment GP-06 -> GI-201 3456 on 2026-03-20",
                                                "payment GP-01 -> GI-301 2500000 on 2025-12-15",
                                            });
}

TEST_CASE("the sample portfolio as of 2026-10-31 matches the independent implementation", "[allocation][sample]") {
  const load_result loaded = load_ledger_directory(HUIKUAN_SAMPLE_DATA);
  const ledger& book = loaded.book;
  const receivables_position position = allocate(book, on("2026-10-31"));
  CHECK(position.total_open() == minor(1598844205));
  CHECK(position.total_unapplied() == minor(7210717));

  std::vector<std::string> with_credit;
  for (std::size_t c = 0; c < book.customer_count(); ++c)
    if (position.unapplied[c] > 0) with_credit.push_back(book.customers()[c].id);
  CHECK(with_credit == std::vector<std::string>{"C0025", "C0030", "C0067", "C0161", "C0221", "C0249"});

  const aging_report report = age_receivables(book, position);
  CHECK(report.total.open == minor(1598844205));
  CHECK(report.total_buckets ==
        std::vector<std::int64_t>{688047384, 213876677, 133646149, 105628806, 34998203, 422646986});
  CHECK(report.total.unapplied == minor(7210717));

  std::vector<std::string> dormant;
  for (const dormant_account& account : find_dormant_accounts(book, position, days(180)))
    dormant.push_back(book.customer_at(account.customer).id);
  std::sort(dormant.begin(), dormant.end());
  CHECK(dormant == std::vector<std::string>{"C0111", "C0168", "C0282"});
}

TEST_CASE("an as_of outside the calendar is a date error rather than day arithmetic that could wrap", "[allocation]") {
  // Aging subtracts due days from as_of in int32: as of day 2^31 - 1 an
  // invoice due before 1970 overflowed (undefined behaviour) before
  // allocate() refused such a date.
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_invoice(make_invoice("I1", "C1", "1900-01-01", "1900-01-31", 100));
  CHECK_THROWS_MATCHES(allocate(book, day(std::numeric_limits<std::int32_t>::max())), input_error,
                       Catch::Message("[huikuan.date.3] as_of day number 2147483647 is outside 1400-01-01 .. 9999-12-31"));
  CHECK_THROWS_AS(allocate(book, min_supported_day - days(1)), input_error);
  const receivables_position position = allocate(book, max_supported_day);
  const aging_report report = age_receivables(book, position);
  CHECK(report.total.oldest_days_past_due == max_supported_day.serial() - on("1900-01-31").serial());
  CHECK(report.total_buckets.back() == 100);
}
