// Promises to pay (承诺付款): recording, evaluation against the ledger's
// cash (kept, partially kept, broken, pending), the per-customer figures,
// promises.csv, and a property over generated ledgers and promises.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "huikuan/error.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/promises.hpp"
#include "ledger_generator.hpp"

using huikuan::evaluate_promises;
using huikuan::input_error;
using huikuan::ledger;
using huikuan::load_promises;
using huikuan::payment_status;
using huikuan::promise_instalment;
using huikuan::promise_list;
using huikuan::promise_policy;
using huikuan::promise_report;
using huikuan::promise_status;
using huikuan::promise_to_pay;
using huikuan_test::make_customer;
using huikuan_test::make_payment;
using huikuan_test::minor;
using huikuan_test::on;
using Catch::Message;

namespace {

// Customers C1, C2 and C3 and the given payments.
ledger book_with(const std::vector<huikuan::payment>& payments) {
  ledger book;
  book.add_customer(make_customer("C1"));
  book.add_customer(make_customer("C2"));
  book.add_customer(make_customer("C3"));
  for (const huikuan::payment& p : payments) book.add_payment(p);
  return book;
}

promise_instalment due(const char* date, std::int64_t amount) { return {on(date), minor(amount)}; }

promise_to_pay promise(std::string id, std::string customer_id, const char* made, std::vector<promise_instalment> parts,
                       std::int32_t tolerance = 0) {
  return {std::move(id), std::move(customer_id), on(made), std::move(parts), tolerance};
}

// The promise "P1": C1 promises on 2 November to pay 50,000.00 on 10
// November with 3 tolerance days (deadline 13 November).
promise_to_pay fifty_thousand_on_the_tenth() { return promise("P1", "C1", "2026-11-02", {due("2026-11-10", 5'000'000)}, 3); }

// evaluate_promises for `book` with the given promises.
promise_report evaluate(const ledger& book, const std::vector<promise_to_pay>& list, const char* as_of,
                        const promise_policy& policy = {}) {
  promise_list promises(book);
  for (const promise_to_pay& p : list) promises.add(p);
  return evaluate_promises(book, promises, on(as_of), policy);
}

std::string status_of(const promise_report& report, std::size_t p) { return std::string(to_string(report.promises.at(p).status)); }

}  // namespace

TEST_CASE("a promise paid in full on its due date is kept", "[promises]") {
  const ledger book = book_with({make_payment("T1", "C1", "2026-11-10", 5'000'000)});
  const promise_report report = evaluate(book, {fifty_thousand_on_the_tenth()}, "2026-11-20");
  REQUIRE(report.promises.size() == 1);
  REQUIRE(report.instalments.size() == 1);
  CHECK(status_of(report, 0) == "kept");
  const auto& part = report.instalments[0];
  CHECK(part.status == promise_status::kept);
  CHECK(huikuan::format_date(part.deadline) == "2026-11-13");
  CHECK(part.paid_by_deadline.minor_units() == 5'000'000);
  CHECK(part.paid_late.minor_units() == 0);
  const auto& result = report.promises[0];
  CHECK(result.promised.minor_units() == 5'000'000);
  CHECK(result.paid_by_deadline.minor_units() == 5'000'000);
  CHECK(result.next_amount.minor_units() == 0);
  CHECK(huikuan::format_date(result.next_due_date) == "2026-11-10");
  CHECK(result.first_instalment == 0);
  CHECK(result.instalment_count == 1);
  CHECK(report.customers[0].kept_ratio == 1.0);
  CHECK(report.customers[0].cash_beyond_promises.minor_units() == 0);
  CHECK(report.customers[0].promises == 1);
  CHECK(report.customers[0].broken_in_window == 0);
}

TEST_CASE("a promise paid before its due date is kept even before the deadline has passed", "[promises]") {
  const ledger book = book_with({make_payment("T1", "C1", "2026-11-05", 5'000'000)});
  CHECK(status_of(evaluate(book, {fifty_thousand_on_the_tenth()}, "2026-11-20"), 0) == "kept");
  CHECK(status_of(evaluate(book, {fifty_thousand_on_the_tenth()}, "2026-11-06"), 0) == "kept");
}

TEST_CASE("a payment on the last tolerance day keeps the promise", "[promises]") {
  const ledger book = book_with({make_payment("T1", "C1", "2026-11-13", 5'000'000)});
  const promise_report report = evaluate(book, {fifty_thousand_on_the_tenth()}, "2026-11-20");
  CHECK(status_of(report, 0) == "kept");
  CHECK(report.instalments[0].paid_by_deadline.minor_units() == 5'000'000);
  CHECK(report.instalments[0].paid_late.minor_units() == 0);
}

TEST_CASE("a payment one day after the tolerance breaks the promise and is recorded as paid late", "[promises]") {
  const ledger book = book_with({make_payment("T1", "C1", "2026-11-14", 5'000'000)});
  const promise_report report = evaluate(book, {fifty_thousand_on_the_tenth()}, "2026-11-20");
  CHECK(status_of(report, 0) == "broken");
  CHECK(report.instalments[0].status == promise_status::broken);
  CHECK(report.instalments[0].paid_by_deadline.minor_units() == 0);
  CHECK(report.instalments[0].paid_late.minor_units() == 5'000'000);
  CHECK(report.promises[0].paid_late.minor_units() == 5'000'000);
  CHECK(report.customers[0].kept_ratio == 0.0);
  CHECK(report.customers[0].broken_in_window == 1);
  CHECK(report.customers[0].cash_beyond_promises.minor_units() == 0);
}

TEST_CASE("a promise paid in part by its deadline is partially kept", "[promises]") {
  const ledger book = book_with({make_payment("T1", "C1", "2026-11-10", 3'000'000),
                                 make_payment("T2", "C1", "2026-11-15", 2'000'000)});
  const promise_report report = evaluate(book, {fifty_thousand_on_the_tenth()}, "2026-11-20");
  CHECK(status_of(report, 0) == "partially kept");
  CHECK(report.promises[0].paid_by_deadline.minor_units() == 3'000'000);
  CHECK(report.promises[0].paid_late.minor_units() == 2'000'000);
  CHECK(report.customers[0].kept_ratio == Approx(0.6).epsilon(1e-15));
  CHECK(report.customers[0].broken_in_window == 1);
}

TEST_CASE("a promise is pending until its deadline has passed, then broken", "[promises]") {
  const ledger book = book_with({});
  const promise_report before_due = evaluate(book, {fifty_thousand_on_the_tenth()}, "2026-11-08");
  CHECK(status_of(before_due, 0) == "pending");
  CHECK(before_due.promises[0].next_amount.minor_units() == 5'000'000);
  CHECK(huikuan::format_date(before_due.promises[0].next_due_date) == "2026-11-10");
  CHECK(std::isnan(before_due.customers[0].kept_ratio));
  CHECK(status_of(evaluate(book, {fifty_thousand_on_the_tenth()}, "2026-11-13"), 0) == "pending");
  CHECK(status_of(evaluate(book, {fifty_thousand_on_the_tenth()}, "2026-11-14"), 0) == "broken");
}

TEST_CASE("a promise paid in part before its deadline is pending with the rest as its next amount", "[promises]") {
  const ledger book = book_with({make_payment("T1", "C1", "2026-11-09", 1'000'000)});
  const promise_report report = evaluate(book, {fifty_thousand_on_the_tenth()}, "2026-11-12");
  CHECK(status_of(report, 0) == "pending");
  CHECK(report.promises[0].paid_by_deadline.minor_units() == 1'000'000);
  CHECK(report.promises[0].next_amount.minor_units() == 4'000'000);
}

TEST_CASE("instalments with the first kept and the second broken make the promise partially kept", "[promises]") {
  const ledger book = book_with({make_payment("T1", "C1", "2026-11-09", 2'000'000)});
  const promise_to_pay two_parts =
      promise("P1", "C1", "2026-11-02", {due("2026-11-10", 2'000'000), due("2026-12-10", 3'000'000)});
  const promise_report report = evaluate(book, {two_parts}, "2026-12-20");
  REQUIRE(report.instalments.size() == 2);
  CHECK(report.instalments[0].status == promise_status::kept);
  CHECK(report.instalments[0].instalment == 0);
  CHECK(report.instalments[1].status == promise_status::broken);
  CHECK(report.instalments[1].instalment == 1);
  CHECK(status_of(report, 0) == "partially kept");
  CHECK(report.promises[0].promised.minor_units() == 5'000'000);
  CHECK(report.promises[0].paid_by_deadline.minor_units() == 2'000'000);
  CHECK(report.customers[0].kept_ratio == Approx(0.4).epsilon(1e-15));

  const promise_report midway = evaluate(book, {two_parts}, "2026-11-20");
  CHECK(status_of(midway, 0) == "pending");
  CHECK(midway.instalments[0].status == promise_status::kept);
  CHECK(midway.instalments[1].status == promise_status::pending);
  CHECK(midway.promises[0].next_amount.minor_units() == 3'000'000);
  CHECK(huikuan::format_date(midway.promises[0].next_due_date) == "2026-12-10");
}

TEST_CASE("cash beyond the first instalment counts toward the next one before its deadline", "[promises]") {
  const ledger book = book_with({make_payment("T1", "C1", "2026-11-09", 4'000'000)});
  const promise_report report = evaluate(
      book, {promise("P1", "C1", "2026-11-02", {due("2026-11-10", 2'000'000), due("2026-12-10", 3'000'000)})},
      "2026-12-20");
  CHECK(report.instalments[0].status == promise_status::kept);
  CHECK(report.instalments[1].status == promise_status::partially_kept);
  CHECK(report.instalments[1].paid_by_deadline.minor_units() == 2'000'000);
  CHECK(status_of(report, 0) == "partially kept");
  CHECK(report.customers[0].cash_beyond_promises.minor_units() == 0);
}

TEST_CASE("late cash fills the overdue instalment first and does not mend it", "[promises]") {
  const ledger book = book_with({make_payment("T1", "C1", "2026-11-20", 3'000'000)});
  const promise_report report = evaluate(
      book, {promise("P1", "C1", "2026-11-02", {due("2026-11-10", 2'000'000), due("2026-12-10", 3'000'000)})},
      "2026-11-25");
  CHECK(report.instalments[0].status == promise_status::broken);
  CHECK(report.instalments[0].paid_late.minor_units() == 2'000'000);
  CHECK(report.instalments[1].status == promise_status::pending);
  CHECK(report.instalments[1].paid_by_deadline.minor_units() == 1'000'000);
  // Failed once, with some cash in time (for the second instalment).
  CHECK(status_of(report, 0) == "partially kept");
}

TEST_CASE("an overpayment does not spill into a promise made later", "[promises]") {
  const ledger book = book_with({make_payment("T1", "C1", "2026-11-05", 5'000'000)});
  const promise_to_pay first = promise("A", "C1", "2026-11-02", {due("2026-11-10", 2'000'000)});
  const promise_to_pay later = promise("B", "C1", "2026-11-06", {due("2026-11-20", 3'000'000)});
  const promise_report report = evaluate(book, {first, later}, "2026-11-25");
  CHECK(status_of(report, 0) == "kept");
  CHECK(status_of(report, 1) == "broken");
  CHECK(report.promises[1].paid_by_deadline.minor_units() == 0);
  CHECK(report.promises[1].paid_late.minor_units() == 0);
  CHECK(report.customers[0].cash_beyond_promises.minor_units() == 3'000'000);
  CHECK(report.customers[0].promises == 2);
}

TEST_CASE("bounced payments count for nothing", "[promises]") {
  const ledger book = book_with({make_payment("T1", "C1", "2026-11-09", 5'000'000, "", payment_status::bounced)});
  const promise_report report = evaluate(book, {fifty_thousand_on_the_tenth()}, "2026-11-20");
  CHECK(status_of(report, 0) == "broken");
  CHECK(report.promises[0].paid_by_deadline.minor_units() == 0);
  CHECK(report.promises[0].paid_late.minor_units() == 0);
  CHECK(report.customers[0].cash_beyond_promises.minor_units() == 0);
}

TEST_CASE("a payment dated before the promise was made does not count toward it", "[promises]") {
  const ledger before = book_with({make_payment("T1", "C1", "2026-11-01", 5'000'000)});
  const promise_report report = evaluate(before, {fifty_thousand_on_the_tenth()}, "2026-11-20");
  CHECK(status_of(report, 0) == "broken");
  CHECK(report.customers[0].cash_beyond_promises.minor_units() == 5'000'000);

  const ledger same_day = book_with({make_payment("T1", "C1", "2026-11-02", 5'000'000)});
  CHECK(status_of(evaluate(same_day, {fifty_thousand_on_the_tenth()}, "2026-11-20"), 0) == "kept");
}

TEST_CASE("payments of another customer do not count toward a promise", "[promises]") {
  const ledger book = book_with({make_payment("T1", "C2", "2026-11-09", 5'000'000)});
  const promise_report report = evaluate(book, {fifty_thousand_on_the_tenth()}, "2026-11-20");
  CHECK(status_of(report, 0) == "broken");
  CHECK(report.customers[1].cash_beyond_promises.minor_units() == 5'000'000);
}

TEST_CASE("payments dated after as_of are not counted", "[promises]") {
  const ledger book = book_with({make_payment("T1", "C1", "2026-11-12", 5'000'000)});
  const promise_report report = evaluate(book, {fifty_thousand_on_the_tenth()}, "2026-11-11");
  CHECK(status_of(report, 0) == "pending");
  CHECK(report.promises[0].paid_by_deadline.minor_units() == 0);
  CHECK(report.customers[0].cash_beyond_promises.minor_units() == 0);
}

TEST_CASE("a promise made after as_of is pending with nothing paid and does not count", "[promises]") {
  const ledger book = book_with({make_payment("T1", "C1", "2026-11-18", 5'000'000)});
  const promise_report report =
      evaluate(book, {promise("P9", "C1", "2026-11-25", {due("2026-11-26", 5'000'000)})}, "2026-11-20");
  CHECK(status_of(report, 0) == "pending");
  CHECK(report.promises[0].paid_by_deadline.minor_units() == 0);
  CHECK(report.customers[0].promises == 0);
  CHECK(report.customers[0].falling_due.minor_units() == 0);
  CHECK(report.customers[0].cash_beyond_promises.minor_units() == 5'000'000);
  CHECK(std::isnan(report.customers[0].kept_ratio));
}

TEST_CASE("the kept ratio weights each resolved instalment by its amount", "[promises]") {
  // C1: X (1,000.00) kept, Y (3,000.00) with 1,000.00 by its deadline and
  // 500.00 late, Z pending. C2 has only a pending promise, C3 none.
  const ledger book = book_with({make_payment("T1", "C1", "2026-11-04", 100'000),
                                 make_payment("T2", "C1", "2026-11-09", 100'000),
                                 make_payment("T3", "C1", "2026-11-15", 50'000)});
  const std::vector<promise_to_pay> list{promise("X", "C1", "2026-11-01", {due("2026-11-05", 100'000)}),
                                         promise("Y", "C1", "2026-11-01", {due("2026-11-10", 300'000)}),
                                         promise("Z", "C1", "2026-11-01", {due("2026-12-01", 900'000)}),
                                         promise("W", "C2", "2026-11-01", {due("2026-12-01", 100'000)})};
  const promise_report report = evaluate(book, list, "2026-11-20");
  CHECK(report.customers[0].kept_ratio == Approx(0.5).epsilon(1e-15));
  CHECK(std::isnan(report.customers[1].kept_ratio));
  CHECK(std::isnan(report.customers[2].kept_ratio));
  const std::vector<double> ratios = huikuan::promises_kept_ratios(report);
  REQUIRE(ratios.size() == 3);
  CHECK(ratios[0] == report.customers[0].kept_ratio);
  CHECK(std::isnan(ratios[1]));
  CHECK(std::isnan(ratios[2]));

  SECTION("only instalments due within the window count") {
    // A window of 11 days as of 20 November starts on 10 November: Y only.
    CHECK(evaluate(book, list, "2026-11-20", {11, 3}).customers[0].kept_ratio == Approx(1.0 / 3).epsilon(1e-15));
    CHECK(std::isnan(evaluate(book, list, "2026-11-20", {10, 3}).customers[0].kept_ratio));
    CHECK(evaluate(book, list, "2026-11-20", {16, 3}).customers[0].kept_ratio == Approx(0.5).epsilon(1e-15));
  }
}

TEST_CASE("broken_in_window counts promises whose first failed deadline falls in the window", "[promises]") {
  // One payment on 11 November: A, E and B take their share late (their
  // deadlines have passed), D is paid in full and C in part by theirs.
  const ledger book = book_with({make_payment("T1", "C1", "2026-11-11", 40'002)});
  const std::vector<promise_to_pay> list{
      promise("A", "C1", "2026-09-20", {due("2026-10-01", 10'000)}),
      // First failure on 1 October, a second in the window: counted by the first.
      promise("E", "C1", "2026-09-20", {due("2026-10-01", 1), due("2026-11-05", 1)}),
      promise("B", "C1", "2026-11-01", {due("2026-11-10", 10'000)}),
      promise("D", "C1", "2026-11-01", {due("2026-11-11", 10'000)}),
      promise("C", "C1", "2026-11-01", {due("2026-11-12", 20'000)})};
  const promise_report all_year = evaluate(book, list, "2026-11-20");
  CHECK(status_of(all_year, 0) == "broken");
  CHECK(all_year.promises[0].paid_late.minor_units() == 10'000);
  CHECK(status_of(all_year, 1) == "broken");
  CHECK(status_of(all_year, 2) == "broken");
  CHECK(status_of(all_year, 3) == "kept");
  CHECK(status_of(all_year, 4) == "partially kept");
  CHECK(all_year.promises[4].paid_by_deadline.minor_units() == 10'000);
  CHECK(all_year.customers[0].broken_in_window == 4);
  CHECK(all_year.customers[0].cash_beyond_promises.minor_units() == 0);
  // 30 days as of 20 November start on 22 October: B and C.
  CHECK(evaluate(book, list, "2026-11-20", {30, 3}).customers[0].broken_in_window == 2);
}

TEST_CASE("falling_due sums the unpaid part of pending instalments due within the horizon", "[promises]") {
  const ledger book = book_with({make_payment("T1", "C1", "2026-11-07", 1'000'000)});
  const std::vector<promise_to_pay> list{
      promise("P1", "C1", "2026-11-02", {due("2026-11-10", 5'000'000)}),
      promise("P2", "C2", "2026-11-02", {due("2026-11-06", 2'000'000)}, 3),  // in its grace days
      promise("P3", "C2", "2026-11-02", {due("2026-11-12", 7'000'000)})};    // beyond the horizon
  const promise_report report = evaluate(book, list, "2026-11-08");
  CHECK(report.customers[0].falling_due.minor_units() == 4'000'000);
  CHECK(huikuan::format_date(report.customers[0].falling_due_date) == "2026-11-10");
  CHECK(report.customers[1].falling_due.minor_units() == 2'000'000);
  CHECK(huikuan::format_date(report.customers[1].falling_due_date) == "2026-11-06");
  CHECK(report.customers[2].falling_due.minor_units() == 0);

  const promise_report today_only = evaluate(book, list, "2026-11-08", {365, 0});
  CHECK(today_only.customers[0].falling_due.minor_units() == 0);
  CHECK(today_only.customers[1].falling_due.minor_units() == 2'000'000);

  const promise_report four_days = evaluate(book, list, "2026-11-08", {365, 4});
  CHECK(four_days.customers[1].falling_due.minor_units() == 9'000'000);
  CHECK(huikuan::format_date(four_days.customers[1].falling_due_date) == "2026-11-06");
}

TEST_CASE("to_string names every promise status", "[promises]") {
  CHECK(to_string(promise_status::pending) == "pending");
  CHECK(to_string(promise_status::kept) == "kept");
  CHECK(to_string(promise_status::partially_kept) == "partially kept");
  CHECK(to_string(promise_status::broken) == "broken");
}

TEST_CASE("adding a bad promise names the field and quotes the values", "[promises][errors]") {
  const ledger book = book_with({});
  promise_list promises(book);
  promises.add(fifty_thousand_on_the_tenth());
  const auto rejects = [&](promise_to_pay p, const std::string& message, const std::string& field) {
    try {
      promises.add(std::move(p));
      FAIL("no error for: " << message);
    } catch (const input_error& error) {
      CHECK(std::string(error.what()) == message);
      CHECK(error.field() == field);
    }
  };
  promise_to_pay p = fifty_thousand_on_the_tenth();
  p.id = "";
  rejects(p, "[huikuan.promise.1] promise id is empty", "promise_id");
  rejects(fifty_thousand_on_the_tenth(), "[huikuan.promise.1] duplicate promise id P1", "promise_id");
  p = promise("P2", "C9", "2026-11-02", {due("2026-11-10", 1)});
  rejects(p, "[huikuan.promise.2] unknown customer C9", "customer_id");
  p = promise("P2", "C1", "2026-11-02", {});
  rejects(p, "[huikuan.promise.3] promise P2 has no instalment", "due_date");
  p = promise("P2", "C1", "2026-11-02", {due("2026-11-10", 1), due("2026-11-10", 1)});
  rejects(p, "[huikuan.promise.4] instalment due 2026-11-10 is not after the previous instalment due 2026-11-10",
          "due_date");
  p = promise("P2", "C1", "2026-11-02", {due("2026-11-10", 1), due("2026-11-09", 1)});
  rejects(p, "[huikuan.promise.4] instalment due 2026-11-09 is not after the previous instalment due 2026-11-10",
          "due_date");
  p = promise("P2", "C1", "2026-11-02", {due("2026-11-10", 0)});
  rejects(p, "[huikuan.promise.5] promised amount 0.00 is not positive", "amount");
  p = promise("P2", "C1", "2026-11-02", {due("2026-11-10", 5), due("2026-11-20", -150)});
  rejects(p, "[huikuan.promise.5] promised amount -1.50 is not positive", "amount");
  p = promise("P2", "C1", "2026-11-02", {due("2026-11-10", 1)}, -1);
  rejects(p, "[huikuan.promise.6] tolerance of -1 days is negative", "tolerance_days");
  p = promise("P2", "C1", "2026-11-02", {due("2026-11-01", 1)});
  rejects(p, "[huikuan.promise.7] instalment due 2026-11-01 is before the promise was made on 2026-11-02",
          "due_date");
  CHECK(promises.size() == 1);
  // A promise due on the day it is made is fine.
  promises.add(promise("P2", "C1", "2026-11-02", {due("2026-11-02", 1)}));
  CHECK(promises.size() == 2);
  CHECK(promises.at(1).id == "P2");
  CHECK(static_cast<std::size_t>(promises.customer_of(1)) == 0);
}

TEST_CASE("evaluating promises of another ledger or with a bad window is an error", "[promises][errors]") {
  const ledger book = book_with({});
  const ledger other = book_with({});
  promise_list promises(other);
  CHECK_THROWS_MATCHES(evaluate_promises(book, promises, on("2026-11-20")), input_error,
                       Message("[huikuan.promise.8] the promise list belongs to another ledger"));
  promise_list mine(book);
  CHECK_THROWS_MATCHES(evaluate_promises(book, mine, on("2026-11-20"), {0, 3}), input_error,
                       Message("[huikuan.promise.9] promise window of 0 days and horizon of 3 days: the window must "
                               "be >= 1 and the horizon >= 0"));
  CHECK_THROWS_MATCHES(evaluate_promises(book, mine, on("2026-11-20"), {365, -1}), input_error,
                       Message("[huikuan.promise.9] promise window of 365 days and horizon of -1 days: the window "
                               "must be >= 1 and the horizon >= 0"));
  CHECK_NOTHROW(evaluate_promises(book, mine, on("2026-11-20"), {1, 0}));
}

// ---------------------------------------------------------------- promises.csv

namespace {
const char* const promises_header = "promise_id,customer_id,promised_on,due_date,amount,tolerance_days,note\n";

std::vector<std::string> messages(const huikuan::promises_load_result& result) {
  std::vector<std::string> all;
  for (const auto& problem : result.problems) all.push_back(problem.message());
  return all;
}
}  // namespace

TEST_CASE("load_promises groups the rows of one promise_id into its instalments", "[promises][load]") {
  const ledger book = book_with({});
  const auto result = load_promises(std::string(promises_header) +
                                        "P1,C1,2026-11-02,2026-11-10,20000,3,first half\n"
                                        "P2,C2,2026-11-03,2026-11-15,1000,,\n"
                                        "P1,C1,2026-11-02,2026-12-10,30000.50,3,\n",
                                    book);
  CHECK(result.problems.empty());
  REQUIRE(result.promises.size() == 2);
  const promise_to_pay& p1 = result.promises.at(0);
  CHECK(p1.id == "P1");
  CHECK(p1.customer_id == "C1");
  CHECK(huikuan::format_date(p1.promised_on) == "2026-11-02");
  CHECK(p1.tolerance_days == 3);
  CHECK(p1.note == "first half");
  REQUIRE(p1.instalments.size() == 2);
  CHECK(p1.instalments[0].amount.minor_units() == 2'000'000);
  CHECK(huikuan::format_date(p1.instalments[1].due_date) == "2026-12-10");
  CHECK(p1.instalments[1].amount.minor_units() == 3'000'050);
  CHECK(result.promises.at(1).tolerance_days == 0);
  CHECK(result.summary.file == "promises.csv");
  CHECK(result.summary.rows_read == 3);
  CHECK(result.summary.rows_loaded == 3);
  CHECK(result.summary.rows_left_out == 0);
  CHECK(result.summary.amount_loaded == minor(5'100'050));
}

TEST_CASE("load_promises leaves out a promise whose instalments are out of order and names the row", "[promises][load]") {
  const ledger book = book_with({});
  const auto result = load_promises(std::string(promises_header) +
                                        "P1,C1,2026-11-02,2026-12-10,30000,,\n"
                                        "P1,C1,2026-11-02,2026-11-10,20000,,\n"
                                        "P2,C2,2026-11-03,2026-11-15,1000,,\n",
                                    book);
  REQUIRE(result.promises.size() == 1);
  CHECK(result.promises.at(0).id == "P2");
  CHECK(messages(result) ==
        std::vector<std::string>{
            "promises.csv:2: [huikuan.promise.11] left out with its promise P1 (promises.csv:3)",
            "promises.csv:3: due_date: [huikuan.promise.4] instalment due 2026-11-10 is not after the previous "
            "instalment due 2026-12-10"});
  CHECK(result.summary.rows_loaded == 1);
  CHECK(result.summary.rows_left_out == 2);
  CHECK(result.summary.amount_left_out == minor(5'000'000));
}

TEST_CASE("load_promises leaves out every row of a promise for an unknown customer", "[promises][load]") {
  const ledger book = book_with({});
  const auto result = load_promises(std::string(promises_header) +
                                        "P3,C9,2026-11-02,2026-11-10,100,,\n"
                                        "P3,C9,2026-11-02,2026-11-20,100,,\n",
                                    book);
  CHECK(result.promises.size() == 0);
  CHECK(messages(result) ==
        std::vector<std::string>{"promises.csv:2: customer_id: [huikuan.promise.2] unknown customer C9",
                                 "promises.csv:3: [huikuan.promise.11] left out with its promise P3 (promises.csv:2)"});
}

TEST_CASE("a bad row leaves its whole promise out and the other rows say so", "[promises][load]") {
  const ledger book = book_with({});
  const auto result = load_promises(std::string(promises_header) +
                                        "P4,C1,2026-11-02,2026-11-10,100,,\n"
                                        "P4,C1,2026-11-02,2026-11-20,12x,,\n"
                                        "P4,C1,2026-11-02,2026-11-30,300,,\n"
                                        "P5,C2,2026-11-02,2026-11-30,-5,,\n"
                                        "P6,C2,2026-11-02,2026-11-30,7,1.5,\n"
                                        "P7,C2,2026-11-02,2026-11-30,8,-2,\n"
                                        "P8,C1,2026-11-02,2026-11-10,1,,\n"
                                        "P8,C2,2026-11-02,2026-11-20,1,,\n"
                                        ",C1,2026-11-02,2026-11-10,9,,\n"
                                        "P9,C1,2026-11-02,2026-11-10,10,,\n",
                                    book);
  REQUIRE(result.promises.size() == 1);
  CHECK(result.promises.at(0).id == "P9");
  CHECK(messages(result) ==
        std::vector<std::string>{
            "promises.csv:2: [huikuan.promise.11] left out with its promise P4 (promises.csv:3)",
            "promises.csv:3: amount: [huikuan.money.2] amount \"12x\" is not a decimal number",
            "promises.csv:4: [huikuan.promise.11] left out with its promise P4 (promises.csv:3)",
            "promises.csv:5: amount: [huikuan.promise.5] promised amount -5.00 is not positive",
            "promises.csv:6: tolerance_days: [huikuan.promise.6] tolerance_days 1.5 is not a whole number of days",
            "promises.csv:7: tolerance_days: [huikuan.promise.6] tolerance of -2 days is negative",
            "promises.csv:8: [huikuan.promise.11] left out with its promise P8 (promises.csv:9)",
            "promises.csv:9: customer_id: [huikuan.promise.10] promise P8 names customer C2 here and C1 on an "
            "earlier row",
            "promises.csv:10: promise_id: [huikuan.load.4] promise_id is empty"});
  CHECK(result.summary.rows_read == 10);
  CHECK(result.summary.rows_loaded == 1);
  CHECK(result.summary.rows_left_out == 9);
  CHECK(result.summary.rows_left_out + result.summary.rows_loaded == result.summary.rows_read);
  CHECK(result.summary.rows_left_out_without_amount == 1);
  // Readable amounts left out: 100 + 300 - 5 + 7 + 8 + 1 + 1 + 9.
  CHECK(result.summary.amount_left_out == minor(42'100));
  CHECK(result.summary.amount_loaded == minor(1'000));
}

TEST_CASE("rows of one promise must agree on when it was made and its tolerance", "[promises][load]") {
  const ledger book = book_with({});
  const auto result = load_promises(std::string(promises_header) +
                                        "P1,C1,2026-11-02,2026-11-10,100,,\n"
                                        "P1,C1,2026-11-03,2026-11-20,100,,\n"
                                        "P2,C1,2026-11-02,2026-11-10,100,2,\n"
                                        "P2,C1,2026-11-02,2026-11-20,100,3,\n",
                                    book);
  CHECK(result.promises.size() == 0);
  CHECK(messages(result) ==
        std::vector<std::string>{
            "promises.csv:2: [huikuan.promise.11] left out with its promise P1 (promises.csv:3)",
            "promises.csv:3: promised_on: [huikuan.promise.10] promise P1 was made on 2026-11-03 here and on "
            "2026-11-02 on an earlier row",
            "promises.csv:4: [huikuan.promise.11] left out with its promise P2 (promises.csv:5)",
            "promises.csv:5: tolerance_days: [huikuan.promise.10] promise P2 has 3 tolerance days here and 2 on an "
            "earlier row"});
}

TEST_CASE("the promises file summary accounts for every row and every amount", "[promises][load]") {
  const ledger book = book_with({});
  const auto result = load_promises(std::string(promises_header) +
                                        "A,C1,2026-11-02,2026-11-10,100.25,,\n"
                                        "A,C1,2026-11-02,2026-11-20,200,,\n"
                                        "B,C2,2026-11-02,2026-11-10,300,,\n"
                                        "B,C2,2026-11-02,2026-11-05,400,,\n"
                                        "C,C3,2026-11-02,2026-11-10,500,,\n"
                                        "D,C3,2026-11-02,2026-11-10,600,x,\n"
                                        "D,C3,2026-11-02,2026-11-11,700,x,\n",
                                    book);
  const std::int64_t in_the_file = 10'025 + 20'000 + 30'000 + 40'000 + 50'000 + 60'000 + 70'000;
  CHECK(result.promises.size() == 2);
  CHECK(result.summary.rows_read == 7);
  CHECK(result.summary.rows_loaded + result.summary.rows_left_out == result.summary.rows_read);
  CHECK(result.summary.rows_loaded == 3);
  CHECK(result.summary.rows_left_out_without_amount == 0);
  CHECK(result.summary.amount_loaded == minor(10'025 + 20'000 + 50'000));
  CHECK(result.summary.amount_loaded + result.summary.amount_left_out == minor(in_the_file));
}

TEST_CASE("load_promises needs every required column", "[promises][load]") {
  const ledger book = book_with({});
  CHECK_THROWS_MATCHES(load_promises("promise_id,customer_id,promised_on,due_date\n", book), input_error,
                       Message("[huikuan.load.2] promises.csv has no amount column"));
}

// ---------------------------------------------------------------- property

namespace {

// Random promises for the customers of a generated ledger: 0..4 each, 1..3
// instalments, made and due around the ledger's span.
std::vector<promise_to_pay> random_promises(huikuan_test::ledger_generator& random, const ledger& book,
                                            const huikuan_test::generator_config& config) {
  std::vector<promise_to_pay> list;
  for (const huikuan::customer& c : book.customers()) {
    const auto count = random.between(0, 4);
    for (std::int64_t k = 0; k < count; ++k) {
      promise_to_pay p;
      p.id = c.id + "/" + std::to_string(k);
      p.customer_id = c.id;
      p.promised_on = config.first_day + huikuan::days(static_cast<std::int32_t>(random.between(-30, config.span_days)));
      p.tolerance_days = static_cast<std::int32_t>(random.between(0, 5));
      huikuan::day next = p.promised_on + huikuan::days(static_cast<std::int32_t>(random.between(0, 20)));
      const auto parts = random.between(1, 3);
      for (std::int64_t i = 0; i < parts; ++i) {
        const std::int64_t amount = random.chance(20) ? random.between(1, 1'000) : random.between(1'000, 5'000'000);
        p.instalments.push_back({next, minor(amount)});
        next = next + huikuan::days(static_cast<std::int32_t>(random.between(1, 45)));
      }
      list.push_back(std::move(p));
    }
  }
  return list;
}

}  // namespace

TEST_CASE("every cleared payment up to as_of is split exactly into instalment cash and cash beyond promises",
          "[promises][property]") {
  std::size_t customers = 0, promises_made = 0, payments = 0, failures = 0;
  std::int64_t instalment_cash = 0, cash_beyond = 0;
  std::string first_failure;
  const auto check = [&](bool ok, const std::string& what) {
    if (ok) return;
    if (failures++ == 0) first_failure = what;
  };
  for (std::uint64_t seed = 1; seed <= 400; ++seed) {
    huikuan_test::ledger_generator random(seed * 0x9E37'79B9'7F4A'7C15ULL);
    const huikuan_test::generator_config config = random.random_config();
    const ledger book = random.generate(config);
    promise_list promises(book);
    for (promise_to_pay& p : random_promises(random, book, config)) promises.add(std::move(p));
    customers += book.customer_count();
    promises_made += promises.size();
    payments += book.payment_count();
    for (const huikuan::day as_of : random.as_of_dates(3)) {
      const std::string context = "seed " + std::to_string(seed) + " as_of " + huikuan::format_date(as_of);
      const promise_report report = evaluate_promises(book, promises, as_of);
      // Cleared cash of each customer dated on or before as_of.
      std::vector<std::int64_t> cash(book.customer_count(), 0), applied(book.customer_count(), 0);
      const auto pay = book.payments();
      for (std::size_t p = 0; p < pay.amount.size(); ++p)
        if (pay.status[p] == payment_status::cleared && pay.date_day[p] <= as_of.serial())
          cash[pay.customer[p]] += pay.amount[p];
      for (const auto& part : report.instalments) {
        const std::size_t c = static_cast<std::size_t>(promises.customer_of(part.promise));
        applied[c] += part.paid_by_deadline.minor_units() + part.paid_late.minor_units();
        const std::string where = context + " promise " + promises.at(part.promise).id;
        check(!part.paid_by_deadline.is_negative() && !part.paid_late.is_negative(), where + ": negative cash");
        check(part.paid_by_deadline <= part.amount, where + ": paid by the deadline beyond the amount");
        check(part.paid_by_deadline + part.paid_late <= part.amount, where + ": paid beyond the amount");
        check((part.status == promise_status::kept) == (part.paid_by_deadline == part.amount),
              where + ": kept exactly when paid in full by the deadline");
        const bool made = promises.at(part.promise).promised_on <= as_of;
        if (!made)
          check(part.paid_by_deadline.is_zero() && part.paid_late.is_zero() && part.status == promise_status::pending,
                where + ": a promise made after as_of took cash or was judged");
        if (made && as_of > part.deadline)
          check(part.status != promise_status::pending, where + ": pending after its deadline");
      }
      for (std::size_t c = 0; c < book.customer_count(); ++c) {
        const auto& summary = report.customers[c];
        instalment_cash += applied[c];
        cash_beyond += summary.cash_beyond_promises.minor_units();
        check(applied[c] + summary.cash_beyond_promises.minor_units() == cash[c],
              context + " customer " + book.customers()[c].id + ": instalment cash " + std::to_string(applied[c]) +
                  " + cash beyond promises " + std::to_string(summary.cash_beyond_promises.minor_units()) +
                  " != cleared cash " + std::to_string(cash[c]));
        check(std::isnan(summary.kept_ratio) || (summary.kept_ratio >= 0 && summary.kept_ratio <= 1),
              context + ": kept ratio outside [0, 1]");
        check(summary.broken_in_window <= summary.promises, context + ": more broken promises than promises");
      }
    }
  }
  INFO(first_failure);
  CHECK(failures == 0);
  // The property ran over enough material to mean something.
  CHECK(customers >= 1'000);
  CHECK(promises_made >= 2'000);
  CHECK(payments >= 5'000);
  CHECK(instalment_cash > 0);
  CHECK(cash_beyond > 0);
}
