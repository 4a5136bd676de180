// Sales orders: which orders are open as of a date, the record checks, and
// orders.csv with every row problem reported and counted.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "huikuan/error.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/orders.hpp"
#include "ledger_generator.hpp"

using namespace huikuan;
using huikuan_test::make_customer;
using huikuan_test::minor;
using huikuan_test::on;

namespace {

ledger two_customers() {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_customer(make_customer("C2"));
  return book;
}

sales_order order(std::string id, std::string customer, std::string_view date, std::int64_t amount,
                  order_status status = order_status::open, std::optional<std::string_view> closed = std::nullopt) {
  sales_order o{std::move(id), std::move(customer), on(date), minor(amount), status, std::nullopt};
  if (closed) o.closed_date = on(*closed);
  return o;
}

std::vector<std::int64_t> open_as_of(const order_table& orders, std::string_view as_of, std::size_t customers) {
  std::vector<std::int64_t> cells(customers, 0);
  add_open_orders(orders.columns(), on(as_of), cells);
  return cells;
}

}  // namespace

TEST_CASE("an order is open from its date until the day it is invoiced or cancelled", "[orders]") {
  const ledger book = two_customers();
  order_table orders;
  orders.add_order(book, order("SO-1", "C1", "2026-03-10", 1'000'000));
  orders.add_order(book, order("SO-2", "C1", "2026-03-01", 200'000, order_status::invoiced, "2026-03-20"));
  orders.add_order(book, order("SO-3", "C2", "2026-03-05", 30'000, order_status::cancelled, "2026-03-05"));
  orders.add_order(book, order("SO-4", "C2", "2026-04-02", 4'000));
  REQUIRE(orders.size() == 4);
  CHECK(orders.order_id(1) == "SO-2");
  CHECK(orders.status(2) == order_status::cancelled);

  CHECK(open_as_of(orders, "2026-02-28", 2) == std::vector<std::int64_t>{0, 0});
  CHECK(open_as_of(orders, "2026-03-04", 2) == std::vector<std::int64_t>{200'000, 0});
  // Cancelled on the day it was placed: never open at the end of any day.
  CHECK(open_as_of(orders, "2026-03-05", 2) == std::vector<std::int64_t>{200'000, 0});
  CHECK(open_as_of(orders, "2026-03-19", 2) == std::vector<std::int64_t>{1'200'000, 0});
  // Invoiced on 2026-03-20: the invoice carries the amount from that day.
  CHECK(open_as_of(orders, "2026-03-20", 2) == std::vector<std::int64_t>{1'000'000, 0});
  CHECK(open_as_of(orders, "2026-04-02", 2) == std::vector<std::int64_t>{1'000'000, 4'000});
}

TEST_CASE("open orders accumulate into the caller's cells and a cell too few is an error", "[orders]") {
  const ledger book = two_customers();
  order_table orders;
  orders.add_order(book, order("SO-1", "C2", "2026-03-10", 500));
  std::vector<std::int64_t> cells{7, 11};
  add_open_orders(orders.columns(), on("2026-03-31"), cells);
  CHECK(cells == std::vector<std::int64_t>{7, 511});
  std::vector<std::int64_t> one(1, 0);
  CHECK_THROWS_MATCHES(add_open_orders(orders.columns(), on("2026-03-31"), one), input_error,
                       Catch::Message("[huikuan.orders.3] order 0: customer 1 is out of range (customers: 1)"));
  std::vector<std::int64_t> full{0, INT64_MAX};
  CHECK_THROWS_AS(add_open_orders(orders.columns(), on("2026-03-31"), full), overflow_error);
}

TEST_CASE("an order record is checked and a rejected one leaves the table unchanged", "[orders]") {
  const ledger book = two_customers();
  order_table orders;
  orders.add_order(book, order("SO-1", "C1", "2026-03-10", 100));
  CHECK_THROWS_MATCHES(orders.add_order(book, order("", "C1", "2026-03-10", 100)), input_error,
                       Catch::Message("[huikuan.orders.2] order id is empty"));
  CHECK_THROWS_MATCHES(orders.add_order(book, order("SO-1", "C1", "2026-03-10", 100)), input_error,
                       Catch::Message("[huikuan.orders.2] duplicate order id SO-1"));
  CHECK_THROWS_MATCHES(orders.add_order(book, order("SO-2", "C9", "2026-03-10", 100)), input_error,
                       Catch::Message("[huikuan.orders.3] unknown customer C9"));
  CHECK_THROWS_MATCHES(orders.add_order(book, order("SO-2", "C1", "2026-03-10", 0)), input_error,
                       Catch::Message("[huikuan.orders.4] order amount 0.00 is not positive"));
  CHECK_THROWS_MATCHES(orders.add_order(book, order("SO-2", "C1", "2026-03-10", 100, order_status::invoiced)),
                       input_error, Catch::Message("[huikuan.orders.5] an invoiced order needs the date it was closed"));
  CHECK_THROWS_MATCHES(
      orders.add_order(book, order("SO-2", "C1", "2026-03-10", 100, order_status::open, "2026-03-12")), input_error,
      Catch::Message("[huikuan.orders.5] an open order has no closed date (got 2026-03-12)"));
  CHECK_THROWS_MATCHES(
      orders.add_order(book, order("SO-2", "C1", "2026-03-10", 100, order_status::cancelled, "2026-03-09")),
      input_error, Catch::Message("[huikuan.orders.6] closed date 2026-03-09 is before order date 2026-03-10"));
  try {
    orders.add_order(book, order("SO-2", "C9", "2026-03-10", 100));
  } catch (const input_error& error) {
    CHECK(error.field() == "customer_id");
  }
  CHECK(orders.size() == 1);
}

TEST_CASE("order statuses parse case-insensitively and anything else is named in the error", "[orders]") {
  CHECK(parse_order_status(" Open ") == order_status::open);
  CHECK(parse_order_status("INVOICED") == order_status::invoiced);
  CHECK(parse_order_status("canceled") == order_status::cancelled);
  CHECK(to_string(order_status::cancelled) == "cancelled");
  CHECK_THROWS_MATCHES(parse_order_status("shipped"), input_error,
                       Catch::Message("[huikuan.orders.1] status \"shipped\" is not open, invoiced or cancelled"));
}

TEST_CASE("orders.csv loads its good rows and reports every bad one with line, column and reason", "[orders]") {
  const ledger book = two_customers();
  const std::string text =
      "order_id,customer_id,date,amount,status,closed_date\n"
      "SO-1,C1,2026-03-10,1000.00,open,\n"                   // line 2: good
      "SO-2,C2,2026-03-11,250.50,invoiced,2026-03-20\n"      // line 3: good
      "SO-3,C9,2026-03-12,99.00,open,\n"                     // line 4: unknown customer
      "SO-4,C1,2026-02-30,10.00,open,\n"                     // line 5: bad date
      "SO-5,C1,2026-03-12,-5.00,open,\n"                     // line 6: negative amount
      "SO-6,C1,2026-03-12,12.00,shipped,\n"                  // line 7: bad status
      "SO-7,C1,2026-03-12,13.00,,\n"                         // line 8: empty status
      "SO-8,C1,2026-03-12,14.00,cancelled,\n"                // line 9: no closed date
      "SO-1,C2,2026-03-12,15.00,open,\n"                     // line 10: duplicate id
      "SO-9,C1,2026-03-12,abc,open,\n"                       // line 11: unreadable amount
      "SO-10,C1,2026-03-12,16.00,open\n";                    // line 12: one field short
  const orders_load_result result = load_orders(text, book);
  CHECK(result.orders.size() == 2);
  std::vector<std::string> messages;
  for (const load_problem& p : result.problems) messages.push_back(p.message());
  CHECK(messages == std::vector<std::string>{
                        "orders.csv:4: customer_id: [huikuan.orders.3] unknown customer C9",
                        "orders.csv:5: date: [huikuan.date.2] date 2026-02-30 is not a valid date",
                        "orders.csv:6: amount: [huikuan.orders.4] order amount -5.00 is not positive",
                        "orders.csv:7: status: [huikuan.orders.1] status \"shipped\" is not open, invoiced or cancelled",
                        "orders.csv:8: status: [huikuan.load.4] status is empty",
                        "orders.csv:9: closed_date: [huikuan.orders.5] a cancelled order needs the date it was closed",
                        "orders.csv:10: order_id: [huikuan.orders.2] duplicate order id SO-1",
                        "orders.csv:11: amount: [huikuan.money.2] amount \"abc\" is not a decimal number",
                        "orders.csv:12: [huikuan.csv.2] the row has 5 fields; the header has 6"});
  const file_summary& s = result.summary;
  CHECK(s.file == "orders.csv");
  CHECK(s.rows_read == 11);
  CHECK(s.rows_loaded == 2);
  CHECK(s.rows_left_out == 9);
  CHECK(s.rows_left_out_without_amount == 2);
  CHECK(s.amount_loaded == minor(125'050));
  // 99.00 + 10.00 - 5.00 + 12.00 + 13.00 + 14.00 + 15.00
  CHECK(s.amount_left_out == minor(15'800));
}

TEST_CASE("orders.csv without a status column treats every order as open", "[orders]") {
  const ledger book = two_customers();
  const orders_load_result result = load_orders("customer_id,order_id,amount,date\nC2,SO-1,5,2026-01-01\n", book);
  REQUIRE(result.problems.empty());
  CHECK(open_as_of(result.orders, "2026-01-01", 2) == std::vector<std::int64_t>{0, 500});
}

TEST_CASE("orders.csv without a required column is a fatal error that names it", "[orders]") {
  const ledger book = two_customers();
  CHECK_THROWS_MATCHES(load_orders("order_id,customer_id,date\nSO-1,C1,2026-01-01\n", book), input_error,
                       Catch::Message("[huikuan.load.2] orders.csv has no amount column"));
  CHECK_THROWS_MATCHES(load_orders("", book), input_error,
                       Catch::Message("[huikuan.load.2] orders.csv is empty: it has no header row"));
}
