// The collections worklist: additive priority and its contributions, the
// top-k ranking, the worklist rows (action, next contact, buckets,
// reasons), disputes and contacts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "huikuan/allocation.hpp"
#include "huikuan/collections.hpp"
#include "huikuan/error.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/promises.hpp"
#include "ledger_generator.hpp"

using huikuan::business_calendar;
using huikuan::collection_action;
using huikuan::day;
using huikuan::format_date;
using huikuan::input_error;
using huikuan::invoice_dispute;
using huikuan::ledger;
using huikuan::priority_contributions;
using huikuan::priority_weights;
using huikuan::rank_top_k;
using huikuan::worklist;
using huikuan::worklist_context;
using huikuan::worklist_policy;
using huikuan::worklist_row;
using huikuan_test::make_customer;
using huikuan_test::make_invoice;
using huikuan_test::make_payment;
using huikuan_test::minor;
using huikuan_test::on;
using Catch::Message;

namespace {

double total(const std::array<double, huikuan::priority_factor_count>& terms) {
  return terms[0] + terms[1] + terms[2] + terms[3] + terms[4];
}

// The priority of one debtor with default weights.
double priority_of(std::int32_t days_past_due, std::int64_t at_risk, std::int32_t broken = 0,
                   std::int64_t falling_due = 0, std::int64_t over_limit = 0) {
  return total(priority_contributions({}, days_past_due, at_risk, broken, falling_due, over_limit));
}

// rank_top_k's contract written plainly: sort every index by score, highest
// first, lower index first among equals, and keep k.
std::vector<std::uint32_t> reference_top_k(const std::vector<double>& scores, std::size_t k) {
  std::vector<std::uint32_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
  });
  order.resize(std::min(k, order.size()));
  return order;
}

std::vector<std::uint32_t> top_k(const std::vector<double>& scores, std::size_t k) {
  std::vector<std::uint32_t> out(k, 0xFFFF'FFFFu);
  out.resize(rank_top_k(scores, out));
  return out;
}

}  // namespace

// ---------------------------------------------------------------- priority

TEST_CASE("priority contributions follow the documented default weights", "[collections][priority]") {
  // 45 days; 99,900 fen at risk is 999 yuan: 20 x log10(1 + 999) = 60.
  const auto terms = priority_contributions({}, 45, 99'900, 0, 0, 0);
  CHECK(terms[0] == 45.0);
  CHECK(terms[1] == Approx(60.0).margin(1e-9));
  CHECK(terms[2] == 0.0);
  CHECK(terms[3] == 0.0);
  CHECK(terms[4] == 0.0);
  // 9,999,900 fen: log10(100,000) = 5 tenfolds.
  CHECK(priority_contributions({}, 0, 9'999'900, 0, 0, 0)[1] == Approx(100.0).margin(1e-9));
  // 1 fen: 20 x log10(1.01).
  CHECK(priority_contributions({}, 0, 1, 0, 0, 0)[1] == Approx(20.0 * std::log10(1.01)).margin(1e-12));
  // Two broken promises, a promise falling due and an amount over the limit.
  const auto more = priority_contributions({}, 10, 0, 2, 1, 1);
  CHECK(more[0] == 10.0);
  CHECK(more[1] == 0.0);
  CHECK(more[2] == 80.0);
  CHECK(more[3] == 60.0);
  CHECK(more[4] == 30.0);
}

TEST_CASE("days past due and broken promises are capped and negative inputs add nothing", "[collections][priority]") {
  const auto capped = priority_contributions({}, 400, 0, 5, 0, 0);
  CHECK(capped[0] == 360.0);
  CHECK(capped[2] == 120.0);
  CHECK(priority_contributions({}, 360, 0, 3, 0, 0)[0] == 360.0);
  const auto nothing = priority_contributions({}, -10, -5, -2, -7, -1);
  for (double term : nothing) CHECK(term == 0.0);
  CHECK(total(priority_contributions({}, 0, 0, 0, 0, 0)) == 0.0);
}

TEST_CASE("custom weights change each contribution", "[collections][priority]") {
  priority_weights weights;
  weights.points_per_day_past_due = 2.0;
  weights.days_past_due_cap = 30;
  weights.points_per_tenfold_at_risk = 10.0;
  weights.amount_unit = 1;
  weights.points_per_broken_promise = 5.0;
  weights.broken_promises_cap = 1;
  weights.points_for_promise_falling_due = 7.0;
  weights.points_for_over_limit = 0.0;
  const auto terms = priority_contributions(weights, 45, 999, 4, 1, 1);
  CHECK(terms[0] == 60.0);
  CHECK(terms[1] == Approx(30.0).margin(1e-9));
  CHECK(terms[2] == 5.0);
  CHECK(terms[3] == 7.0);
  CHECK(terms[4] == 0.0);
}

TEST_CASE("age dominates amount: a debt ten times larger ranks like one 20 days older", "[collections][priority]") {
  // 99,900 fen at risk is 1,000 - 1 yuan; 999,900 fen is 10,000 - 1.
  CHECK(priority_of(30, 999'900) == Approx(priority_of(50, 99'900)).margin(1e-9));
  CHECK(priority_of(10, 99'999'900) == Approx(priority_of(50, 999'900)).margin(1e-9));
  CHECK(priority_of(51, 99'900) > priority_of(30, 999'900));
  CHECK(priority_of(49, 99'900) < priority_of(30, 999'900));
  // A hundredfold debt needs only 40 days of age to be outranked.
  CHECK(priority_of(71, 99'900) > priority_of(30, 9'999'900));
}

TEST_CASE("a factor that grows never lowers the priority", "[collections][priority]") {
  std::mt19937_64 random(7);
  for (int trial = 0; trial < 2'000; ++trial) {
    const auto days = static_cast<std::int32_t>(random() % 500) - 50;
    const auto risk = static_cast<std::int64_t>(random() % 1'000'000'000);
    const auto broken = static_cast<std::int32_t>(random() % 6);
    const double base = priority_of(days, risk, broken);
    CHECK(priority_of(days + 1, risk, broken) >= base);
    CHECK(priority_of(days, risk + 1 + static_cast<std::int64_t>(random() % 1'000'000), broken) >= base);
    CHECK(priority_of(days, risk, broken + 1) >= base);
    CHECK(priority_of(days, risk, broken, 1) > base);
    CHECK(priority_of(days, risk, broken, 0, 1) > base);
  }
}

TEST_CASE("the bulk priority_scores equals the sum of priority_contributions exactly", "[collections][priority]") {
  std::mt19937_64 random(2024);
  priority_weights custom;
  custom.points_per_day_past_due = 1.25;
  custom.points_per_tenfold_at_risk = 17.5;
  custom.amount_unit = 1'000;
  for (const priority_weights& weights : {priority_weights{}, custom}) {
    const std::size_t n = 20'011;
    std::vector<std::int32_t> days(n), broken(n);
    std::vector<std::int64_t> risk(n), due(n), over(n);
    for (std::size_t i = 0; i < n; ++i) {
      days[i] = static_cast<std::int32_t>(random() % 800) - 200;
      broken[i] = static_cast<std::int32_t>(random() % 8) - 2;
      const int shape = static_cast<int>(random() % 4);
      risk[i] = shape == 0   ? 0
                : shape == 1 ? static_cast<std::int64_t>(random() % 1'000)
                : shape == 2 ? static_cast<std::int64_t>(random() % 10'000'000'000)
                             : static_cast<std::int64_t>(random() >> 1) - (std::int64_t{1} << 40);
      due[i] = static_cast<std::int64_t>(random() % 3) - 1;
      over[i] = static_cast<std::int64_t>(random() % 3) - 1;
    }
    std::vector<double> scores(n);
    huikuan::priority_scores({days, risk, broken, due, over}, weights, scores);
    std::size_t mismatches = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (scores[i] != total(priority_contributions(weights, days[i], risk[i], broken[i], due[i], over[i])))
        ++mismatches;
    CHECK(mismatches == 0);
    CHECK(std::all_of(scores.begin(), scores.end(), [](double s) { return std::isfinite(s) && s >= 0; }));
  }
}

TEST_CASE("invalid priority weights are rejected with the value quoted", "[collections][priority][errors]") {
  priority_weights weights;
  weights.points_per_day_past_due = -1;
  CHECK_THROWS_MATCHES(weights.validate(), input_error,
                       Message("[huikuan.priority.1] priority weight points_per_day_past_due -1.000000 must be "
                               "finite and >= 0"));
  weights = {};
  weights.points_for_over_limit = std::numeric_limits<double>::infinity();
  CHECK_THROWS_MATCHES(weights.validate(), input_error,
                       Message("[huikuan.priority.1] priority weight points_for_over_limit inf must be finite and >= 0"));
  weights = {};
  weights.points_per_tenfold_at_risk = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(weights.validate(), input_error);
  weights = {};
  weights.days_past_due_cap = -1;
  CHECK_THROWS_MATCHES(weights.validate(), input_error,
                       Message("[huikuan.priority.1] days_past_due_cap -1 and broken_promises_cap 3 must be >= 0, "
                               "amount_unit 100 must be >= 1"));
  weights = {};
  weights.amount_unit = 0;
  CHECK_THROWS_MATCHES(weights.validate(), input_error,
                       Message("[huikuan.priority.1] days_past_due_cap 360 and broken_promises_cap 3 must be >= 0, "
                               "amount_unit 0 must be >= 1"));
  CHECK_NOTHROW(priority_weights{}.validate());
}

TEST_CASE("priority_scores rejects columns of different lengths and bad weights", "[collections][priority][errors]") {
  const std::vector<std::int32_t> days{1, 2, 3}, broken{0, 0, 0};
  const std::vector<std::int64_t> risk{1, 2, 3}, due{0, 0, 0}, short_over{0, 0};
  std::vector<double> scores(3);
  CHECK_THROWS_MATCHES(huikuan::priority_scores({days, risk, broken, due, short_over}, {}, scores), input_error,
                       Message("[huikuan.priority.2] priority columns have lengths 3, 3, 3, 3, 2 and scores 3: they "
                               "must all be equal"));
  const std::vector<std::int64_t> over{0, 0, 0};
  std::vector<double> too_many(4);
  CHECK_THROWS_MATCHES(huikuan::priority_scores({days, risk, broken, due, over}, {}, too_many), input_error,
                       Message("[huikuan.priority.2] priority columns have lengths 3, 3, 3, 3, 3 and scores 4: they "
                               "must all be equal"));
  priority_weights bad;
  bad.broken_promises_cap = -1;
  CHECK_THROWS_WITH(huikuan::priority_scores({days, risk, broken, due, over}, bad, scores),
                    Catch::StartsWith("[huikuan.priority.1] "));
  CHECK_NOTHROW(huikuan::priority_scores({days, risk, broken, due, over}, {}, scores));
  CHECK(scores[2] == priority_of(3, 3));
}

// ---------------------------------------------------------------- rank_top_k

TEST_CASE("rank_top_k returns the k highest scores highest first", "[collections][rank]") {
  const std::vector<double> scores{3.5, 9.0, -1.0, 7.25, 0.0, 12.0};
  CHECK(top_k(scores, 3) == std::vector<std::uint32_t>{5, 1, 3});
  CHECK(top_k(scores, 1) == std::vector<std::uint32_t>{5});
  CHECK(top_k(scores, 6) == std::vector<std::uint32_t>{5, 1, 3, 0, 4, 2});
}

TEST_CASE("rank_top_k breaks ties by the lower index", "[collections][rank]") {
  const std::vector<double> scores{5, 7, 5, 7, 5, 7};
  CHECK(top_k(scores, 2) == std::vector<std::uint32_t>{1, 3});
  CHECK(top_k(scores, 4) == std::vector<std::uint32_t>{1, 3, 5, 0});
  CHECK(top_k(std::vector<double>(10, 1.0), 3) == std::vector<std::uint32_t>{0, 1, 2});
  // Negative and positive zero are equal scores.
  CHECK(top_k({-0.0, 0.0, -0.0}, 2) == std::vector<std::uint32_t>{0, 1});
}

TEST_CASE("rank_top_k gives the same order for the same input", "[collections][rank]") {
  std::mt19937_64 random(99);
  std::vector<double> scores(5'000);
  for (double& s : scores) s = static_cast<double>(random() % 50);
  const auto first = top_k(scores, 200);
  CHECK(top_k(scores, 200) == first);
  CHECK(first.size() == 200);
}

TEST_CASE("rank_top_k with k above n ranks all and with k of zero ranks none", "[collections][rank]") {
  const std::vector<double> scores{1, 3, 2};
  std::vector<std::uint32_t> out(10, 0xFFFF'FFFFu);
  CHECK(rank_top_k(scores, out) == 3);
  CHECK(std::vector<std::uint32_t>(out.begin(), out.begin() + 3) == std::vector<std::uint32_t>{1, 2, 0});
  CHECK(out[3] == 0xFFFF'FFFFu);
  std::vector<std::uint32_t> none;
  CHECK(rank_top_k(scores, none) == 0);
  CHECK(rank_top_k(std::vector<double>{}, out) == 0);
}

TEST_CASE("rank_top_k rejects a NaN score and names its index", "[collections][rank][errors]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_MATCHES(top_k({1, 2, nan, 4}, 4), input_error,
                       Message("[huikuan.priority.3] score 2 is NaN: it cannot be ranked"));
  CHECK_THROWS_MATCHES(top_k({1, 2, 3, 4, 5, 6, 7, nan, 9}, 2), input_error,
                       Message("[huikuan.priority.3] score 7 is NaN: it cannot be ranked"));
  CHECK_THROWS_MATCHES(top_k({nan, 2}, 1), input_error,
                       Message("[huikuan.priority.3] score 0 is NaN: it cannot be ranked"));
  CHECK_THROWS_MATCHES(top_k({1, nan}, 0), input_error,
                       Message("[huikuan.priority.3] score 1 is NaN: it cannot be ranked"));
}

TEST_CASE("rank_top_k matches a full sort on thousands of random inputs with many ties", "[collections][rank]") {
  std::mt19937_64 random(0x5EED);
  std::size_t failures = 0;
  std::string first_failure;
  for (int trial = 0; trial < 3'000; ++trial) {
    const std::size_t n = static_cast<std::size_t>(random() % (trial < 2'500 ? 300 : 5'000));
    const std::size_t k = static_cast<std::size_t>(random() % (n + 6));
    const int shape = static_cast<int>(random() % 4);
    std::vector<double> scores(n);
    for (double& s : scores) {
      const std::uint64_t r = random();
      if (shape == 0) s = static_cast<double>(r % 4);                   // almost all ties
      else if (shape == 1) s = static_cast<double>(r % 100) * 0.5 - 10;  // some ties
      else if (shape == 2) s = static_cast<double>(r >> 11) * 0x1.0p-53 * 1e6;
      else {
        const double pick[] = {-std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
                               -0.0, 0.0, 1e308, -1e308, 5.0};
        s = pick[r % 7];
      }
    }
    if (top_k(scores, k) != reference_top_k(scores, k) && failures++ == 0)
      first_failure = "trial " + std::to_string(trial) + " n " + std::to_string(n) + " k " + std::to_string(k);
  }
  INFO(first_failure);
  CHECK(failures == 0);
}

// ---------------------------------------------------------------- the worklist

namespace {

constexpr std::int32_t never = std::numeric_limits<std::int32_t>::min();

// Defaults passed by name: GCC 12 can report a `{}` temporary of these
// structs as "may be used uninitialized" (a false positive).
const worklist_policy default_policy;
const worklist_context no_context;

// As of Friday 20 November 2026, with Tuesday 24 November a holiday:
//   C1  100,000.00 50 days past due and 20,000.00 not yet due, PD unknown,
//       last contacted Thursday 19 November
//   C2  50,000.00 50 days past due, under dispute, nothing else
//   C3  30,000.00 not yet due and a promise to pay it on Wednesday 25 November
//   C4  like C1's overdue invoice with PD 20% (poor), paid before, last
//       contacted 19 November
//   C5  like C1's overdue invoice with PD 1% (good), never contacted
//   C6  50,000.00 20 days past due on a credit limit of 10,000.00, last
//       contacted in January
//   C7  a current invoice only: not a debtor
//   C8  1,000.00 20 days past due and a promise broken on 5 November
ledger portfolio() {
  ledger book;
  for (const char* id : {"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"}) {
    huikuan::customer c = make_customer(id, std::string("Rep ") + id);
    if (std::string(id) == "C6") c.credit_limit = minor(1'000'000);
    book.add_customer(c);
  }
  book.add_invoice(make_invoice("I1", "C1", "2026-09-01", "2026-10-01", 10'000'000));
  book.add_invoice(make_invoice("I1b", "C1", "2026-11-10", "2026-12-10", 2'000'000));
  book.add_invoice(make_invoice("I2", "C2", "2026-09-01", "2026-10-01", 5'000'000));
  book.add_invoice(make_invoice("I3", "C3", "2026-11-01", "2026-12-01", 3'000'000));
  book.add_invoice(make_invoice("I4a", "C4", "2026-08-01", "2026-08-31", 100'000));
  book.add_invoice(make_invoice("I4", "C4", "2026-09-01", "2026-10-01", 10'000'000));
  book.add_invoice(make_invoice("I5", "C5", "2026-09-01", "2026-10-01", 10'000'000));
  book.add_invoice(make_invoice("I6", "C6", "2026-10-01", "2026-10-31", 5'000'000));
  book.add_invoice(make_invoice("I7", "C7", "2026-11-01", "2026-12-01", 1'000'000));
  book.add_invoice(make_invoice("I8", "C8", "2026-10-01", "2026-10-31", 100'000));
  book.add_payment(make_payment("T4", "C4", "2026-09-10", 100'000, "I4a"));
  return book;
}

const day as_of_friday = on("2026-11-20");

std::vector<std::uint8_t> disputes_of(const ledger& book, day as_of) {
  return huikuan::disputed_invoices(book, std::vector<invoice_dispute>{{"I2", on("2026-10-15")}}, as_of);
}

// The worklist of portfolio() with everything known about its customers.
worklist worklist_of(const ledger& book, const worklist_policy& policy = default_policy, std::size_t top = 0) {
  huikuan::promise_list promises(book);
  promises.add({"P3", "C3", on("2026-11-15"), {{on("2026-11-25"), minor(3'000'000)}}, 0});
  promises.add({"P8", "C8", on("2026-11-01"), {{on("2026-11-05"), minor(100'000)}}, 0});
  const huikuan::promise_report report = huikuan::evaluate_promises(book, promises, as_of_friday, {365, 5});
  const std::vector<std::uint8_t> disputed = disputes_of(book, as_of_friday);
  std::vector<double> pd(book.customer_count(), std::numeric_limits<double>::quiet_NaN());
  pd[3] = 0.20;
  pd[4] = 0.01;
  std::vector<std::string> grade(book.customer_count());
  grade[3] = "D";
  grade[4] = "A";
  std::vector<std::int32_t> last_contact(book.customer_count(), never);
  last_contact[0] = on("2026-11-19").serial();
  last_contact[3] = on("2026-11-19").serial();
  last_contact[5] = on("2026-01-05").serial();
  worklist_context context;
  context.pd = pd;
  context.grade = grade;
  context.last_contact = last_contact;
  context.disputed = disputed;
  context.promises = &report;
  context.calendar = business_calendar({on("2026-11-24")});
  return huikuan::build_worklist(book, huikuan::allocate(book, as_of_friday), policy, context, top);
}

const worklist_row& row_of(const worklist& list, const ledger& book, const char* customer_id) {
  for (const worklist_row& row : list.rows)
    if (book.customer_at(row.customer).id == customer_id) return row;
  FAIL("no worklist row for " << customer_id);
  throw std::logic_error("unreachable");
}

std::string action_of(const worklist& list, const ledger& book, const char* customer_id) {
  return std::string(to_string(row_of(list, book, customer_id).action));
}

std::string next_contact_of(const worklist& list, const ledger& book, const char* customer_id) {
  return format_date(row_of(list, book, customer_id).next_contact);
}

}  // namespace

TEST_CASE("every customer with something to chase is a debtor, ranked by priority", "[collections][worklist]") {
  const ledger book = portfolio();
  const worklist list = worklist_of(book);
  CHECK(format_date(list.as_of) == "2026-11-20");
  CHECK(list.debtors == 7);
  std::vector<std::string> order;
  for (const worklist_row& row : list.rows) order.push_back(book.customer_at(row.customer).id);
  CHECK(order == std::vector<std::string>{"C4", "C5", "C1", "C6", "C8", "C3", "C2"});
  for (std::size_t r = 0; r < list.rows.size(); ++r) {
    const worklist_row& row = list.rows[r];
    INFO("row " << r);
    CHECK(row.priority == total(row.contributions));
    if (r > 0) CHECK(list.rows[r - 1].priority >= row.priority);
  }
  CHECK(list.overdue_total.minor_units() == 35'100'000);
  CHECK(list.disputed_total.minor_units() == 5'000'000);
}

TEST_CASE("a row's figures and priority are computed by hand", "[collections][worklist]") {
  const ledger book = portfolio();
  const worklist list = worklist_of(book);
  // C1: 50 days past due, so 5% of 100,000.00 is at risk: 5,000.00.
  const worklist_row& c1 = row_of(list, book, "C1");
  CHECK(c1.days_past_due == 50);
  CHECK(c1.overdue.minor_units() == 10'000'000);
  CHECK(c1.at_risk.minor_units() == 500'000);
  CHECK(c1.disputed.minor_units() == 0);
  CHECK(c1.over_limit.minor_units() == 0);
  CHECK(c1.contributions[0] == 50.0);
  CHECK(c1.contributions[1] == Approx(20.0 * std::log10(5'001.0)).margin(1e-9));
  CHECK(c1.priority == Approx(50.0 + 20.0 * std::log10(5'001.0)).margin(1e-9));
  CHECK(std::isnan(c1.pd));
  CHECK(c1.grade.empty());
  CHECK_FALSE(c1.repeat_customer);
  CHECK(list.ladder.stages[c1.stage].name == "yellow");
  // C4's PD of 20% combines with the 5% of its age: 1 - 0.95 x 0.80 = 24%.
  const worklist_row& c4 = row_of(list, book, "C4");
  CHECK(c4.at_risk.minor_units() == 2'400'000);
  CHECK(c4.pd == 0.20);
  CHECK(c4.grade == "D");
  CHECK(c4.repeat_customer);
  // C6 is 40,000.00 over its limit of 10,000.00.
  const worklist_row& c6 = row_of(list, book, "C6");
  CHECK(c6.over_limit.minor_units() == 4'000'000);
  CHECK(c6.contributions[4] == 30.0);
  CHECK(c6.days_past_due == 20);
  // C8 broke a promise in the window.
  const worklist_row& c8 = row_of(list, book, "C8");
  CHECK(c8.broken_promises == 1);
  CHECK(c8.contributions[2] == 40.0);
}

TEST_CASE("a disputed invoice is left out of the overdue and routes to resolve dispute when nothing else is overdue",
          "[collections][worklist]") {
  const ledger book = portfolio();
  const worklist list = worklist_of(book);
  const worklist_row& c2 = row_of(list, book, "C2");
  CHECK(c2.overdue.minor_units() == 0);
  CHECK(c2.disputed.minor_units() == 5'000'000);
  CHECK(c2.days_past_due == 0);
  CHECK(c2.priority == 0.0);
  CHECK(c2.action == collection_action::resolve_dispute);
  CHECK(action_of(list, book, "C2") == "resolve dispute");
  CHECK(c2.reasons == std::vector<std::string>{"disputed invoices 50,000.00 left out of the priority: resolve the dispute"});
  CHECK(next_contact_of(list, book, "C2") == "2026-11-20");

  SECTION("without the dispute the same invoice is overdue and chased up the ladder") {
    const worklist undisputed =
        huikuan::build_worklist(book, huikuan::allocate(book, as_of_friday), default_policy, no_context);
    const worklist_row& row = row_of(undisputed, book, "C2");
    CHECK(row.overdue.minor_units() == 5'000'000);
    CHECK(row.disputed.minor_units() == 0);
    CHECK(row.action == collection_action::scheduled_visit);
  }
}

TEST_CASE("a promise falling due gives confirm promise with the next contact the business day before",
          "[collections][worklist]") {
  const ledger book = portfolio();
  const worklist list = worklist_of(book);
  const worklist_row& c3 = row_of(list, book, "C3");
  CHECK(c3.action == collection_action::confirm_promise);
  CHECK(c3.promise_falling_due.minor_units() == 3'000'000);
  CHECK(c3.contributions[3] == 60.0);
  CHECK(c3.priority == 60.0);
  // Due Wednesday 25 November; Tuesday is a holiday, so Monday 23.
  CHECK(next_contact_of(list, book, "C3") == "2026-11-23");
  CHECK(c3.reasons == std::vector<std::string>{"promise to pay 30,000.00 due 2026-11-25"});
}

TEST_CASE("poor credit moves the action one rung up the ladder and tightens the cadence", "[collections][worklist]") {
  const ledger book = portfolio();
  const worklist list = worklist_of(book);
  // C1, C4 and C5 are all 50 days past due: the yellow stage, a scheduled visit.
  CHECK(action_of(list, book, "C1") == "scheduled visit");
  CHECK(action_of(list, book, "C5") == "scheduled visit");
  CHECK(action_of(list, book, "C4") == "supervisor visit");
  // Poor credit: every 2 business days from Thursday 19 November is Monday 23.
  CHECK(next_contact_of(list, book, "C4") == "2026-11-23");
  // Unknown credit counts as fair: 5 business days, skipping the weekend and
  // the holiday on Tuesday 24 November.
  CHECK(next_contact_of(list, book, "C1") == "2026-11-27");
  CHECK(row_of(list, book, "C4").reasons.back() == "poor credit (PD 20.0%): one rung up, contact every 2 business days");

  SECTION("a poor customer in the green stage gets a dunning letter instead of a phone call") {
    const std::vector<double> poor(book.customer_count(), 0.5);
    worklist_context context;
    context.pd = poor;
    const worklist all_poor = huikuan::build_worklist(book, huikuan::allocate(book, as_of_friday), default_policy, context);
    CHECK(action_of(all_poor, book, "C6") == "dunning letter");
    CHECK(action_of(all_poor, book, "C1") == "supervisor visit");
    CHECK(action_of(worklist_of(book), book, "C6") == "phone");
  }

  SECTION("poor credit goes no higher than a supervisor visit: stop supply and legal stay tied to age") {
    const std::vector<double> poor(book.customer_count(), 0.5);
    worklist_context context;
    context.pd = poor;
    // As of 25 February 2027, I4a (due 31 August 2026) is 178 days past due: stop supply.
    const huikuan::day later = on("2027-02-25");
    const worklist red = huikuan::build_worklist(book, huikuan::allocate(book, later), default_policy, context);
    CHECK(action_of(red, book, "C4") == "stop supply and service");
    // C1's oldest invoice (due 1 October 2026) is 147 days past due: stop supply too, not legal.
    CHECK(action_of(red, book, "C1") == "stop supply and service");
  }
}

TEST_CASE("the next contact follows the last contact and the cadence and is never before the first business day",
          "[collections][worklist]") {
  const ledger book = portfolio();
  const worklist list = worklist_of(book);
  CHECK(next_contact_of(list, book, "C5") == "2026-11-20");  // never contacted
  CHECK(next_contact_of(list, book, "C6") == "2026-11-20");  // last contacted in January
  CHECK(next_contact_of(list, book, "C8") == "2026-11-20");

  SECTION("good credit waits 10 business days") {
    worklist_policy policy;
    policy.cadence_good = 10;
    std::vector<std::int32_t> last_contact(book.customer_count(), never);
    last_contact[4] = on("2026-11-19").serial();
    std::vector<double> pd(book.customer_count(), 0.01);
    worklist_context context;
    context.pd = pd;
    context.last_contact = last_contact;
    context.calendar = business_calendar({on("2026-11-24")});
    const worklist good = huikuan::build_worklist(book, huikuan::allocate(book, as_of_friday), policy, context);
    // 20, 23, 25, 26, 27, 30 November, 1, 2, 3, 4 December.
    CHECK(next_contact_of(good, book, "C5") == "2026-12-04");
  }

  SECTION("as of a Saturday the first business day is the Monday") {
    const worklist weekend =
        huikuan::build_worklist(book, huikuan::allocate(book, on("2026-11-21")), default_policy, no_context);
    for (const worklist_row& row : weekend.rows) CHECK(format_date(row.next_contact) == "2026-11-23");
  }
}

TEST_CASE("bucket amounts of each row sum to its overdue plus current undisputed open amount",
          "[collections][worklist]") {
  const ledger book = portfolio();
  const worklist list = worklist_of(book);
  const std::size_t buckets = list.bucket_labels.size();
  REQUIRE(buckets == 6);
  REQUIRE(list.buckets.size() == list.rows.size() * buckets);
  const auto position = huikuan::allocate(book, as_of_friday);
  const auto disputed = disputes_of(book, as_of_friday);
  for (std::size_t r = 0; r < list.rows.size(); ++r) {
    std::int64_t row_sum = 0;
    for (std::size_t b = 0; b < buckets; ++b) row_sum += list.bucket(r, b).minor_units();
    std::int64_t undisputed_open = 0;
    for (std::size_t i = 0; i < book.invoice_count(); ++i)
      if (book.invoices().customer[i] == static_cast<std::uint32_t>(list.rows[r].customer) && !disputed[i])
        undisputed_open += position.open_amount[i];
    INFO(book.customer_at(list.rows[r].customer).id);
    CHECK(row_sum == undisputed_open);
  }
  // C1: 20,000.00 current and 100,000.00 in 31-60.
  std::size_t c1 = 0;
  while (book.customer_at(list.rows[c1].customer).id != "C1") ++c1;
  CHECK(list.bucket_labels[0] == "current");
  CHECK(list.bucket(c1, 0).minor_units() == 2'000'000);
  CHECK(list.bucket_labels[2] == "31-60");
  CHECK(list.bucket(c1, 2).minor_units() == 10'000'000);
  CHECK(list.bucket(c1, 0).minor_units() + list.bucket(c1, 2).minor_units() ==
        list.rows[c1].overdue.minor_units() + 2'000'000);
}

TEST_CASE("the reasons of a row are ordered by the points behind them", "[collections][worklist]") {
  const ledger book = portfolio();
  const worklist list = worklist_of(book);
  CHECK(row_of(list, book, "C1").reasons ==
        std::vector<std::string>{"5,000.00 at risk of 100,000.00 overdue",
                                 "oldest overdue invoice 50 days past due (yellow)"});
  CHECK(row_of(list, book, "C6").reasons ==
        std::vector<std::string>{"1,000.00 at risk of 50,000.00 overdue",
                                 "open receivables 40,000.00 over the credit limit",
                                 "oldest overdue invoice 20 days past due (green)"});
  CHECK(row_of(list, book, "C8").reasons ==
        std::vector<std::string>{"1 promise broken in the window", "20.00 at risk of 1,000.00 overdue",
                                 "oldest overdue invoice 20 days past due (green)"});
  for (const worklist_row& row : list.rows) CHECK_FALSE(row.reasons.empty());
}

TEST_CASE("the top k rows equal the first k rows of the full list", "[collections][worklist]") {
  const ledger book = portfolio();
  const worklist full = worklist_of(book);
  for (std::size_t k : {1u, 3u, 7u, 20u}) {
    const worklist top = worklist_of(book, default_policy, k);
    INFO("k " << k);
    REQUIRE(top.rows.size() == std::min<std::size_t>(k, full.rows.size()));
    CHECK(top.debtors == full.debtors);
    CHECK(top.overdue_total == full.overdue_total);
    for (std::size_t r = 0; r < top.rows.size(); ++r) {
      CHECK(top.rows[r].customer == full.rows[r].customer);
      CHECK(top.rows[r].priority == full.rows[r].priority);
      CHECK(top.rows[r].action == full.rows[r].action);
      CHECK(top.rows[r].next_contact == full.rows[r].next_contact);
      CHECK(top.rows[r].reasons == full.rows[r].reasons);
    }
    CHECK(std::equal(top.buckets.begin(), top.buckets.end(), full.buckets.begin()));
  }
}

TEST_CASE("on generated ledgers the top k is a prefix of the full list and the buckets add up",
          "[collections][worklist][property]") {
  std::size_t rows_checked = 0, failures = 0;
  std::string first_failure;
  const auto check = [&](bool ok, const std::string& what) {
    if (!ok && failures++ == 0) first_failure = what;
  };
  for (std::uint64_t seed = 1; seed <= 150; ++seed) {
    huikuan_test::ledger_generator random(seed * 0x2545'F491'4F6C'DD1DULL);
    const ledger book = random.generate(random.random_config());
    for (const day as_of : random.as_of_dates(1)) {
      const auto position = huikuan::allocate(book, as_of);
      const worklist full = huikuan::build_worklist(book, position, default_policy, no_context);
      const std::size_t k = static_cast<std::size_t>(random.between(1, 6));
      const worklist top = huikuan::build_worklist(book, position, default_policy, no_context, k);
      const std::string context = "seed " + std::to_string(seed) + " as_of " + format_date(as_of);
      check(top.rows.size() == std::min(k, full.rows.size()), context + ": top-k size");
      for (std::size_t r = 0; r < top.rows.size() && r < full.rows.size(); ++r)
        check(top.rows[r].customer == full.rows[r].customer && top.rows[r].priority == full.rows[r].priority,
              context + ": row " + std::to_string(r));
      const std::size_t buckets = full.bucket_labels.size();
      for (std::size_t r = 0; r < full.rows.size(); ++r) {
        std::int64_t sum = 0, open = 0;
        for (std::size_t b = 0; b < buckets; ++b) sum += full.bucket(r, b).minor_units();
        for (std::size_t i = 0; i < book.invoice_count(); ++i)
          if (book.invoices().customer[i] == static_cast<std::uint32_t>(full.rows[r].customer) && position.issued[i])
            open += position.open_amount[i];
        check(sum == open, context + ": buckets of row " + std::to_string(r));
        check(r == 0 || full.rows[r - 1].priority >= full.rows[r].priority, context + ": order");
        ++rows_checked;
      }
    }
  }
  INFO(first_failure);
  CHECK(failures == 0);
  CHECK(rows_checked >= 500);
}

TEST_CASE("an invalid worklist policy is rejected naming what is wrong", "[collections][worklist][errors]") {
  CHECK_NOTHROW(default_policy.validate());
  const auto rejects = [](const auto& change, const char* message) {
    worklist_policy policy;
    change(policy);
    CHECK_THROWS_MATCHES(policy.validate(), input_error, Message(message));
  };
  rejects([](worklist_policy& p) { p.weights.points_for_over_limit = -1; },
          "[huikuan.worklist.1] priority weight points_for_over_limit -1.000000 must be finite and >= 0");
  rejects([](worklist_policy& p) { p.stage_actions.pop_back(); },
          "[huikuan.worklist.1] stage_actions has 5 actions for 6 ladder stages");
  rejects([](worklist_policy& p) { p.pd_by_age.pop_back(); },
          "[huikuan.worklist.1] pd_by_age has 4 rates for 4 edges: it needs one more rate than edges");
  rejects([](worklist_policy& p) { p.pd_age_edges = {30, 60, 60, 180}; },
          "[huikuan.worklist.1] pd_age_edges must increase: 60 follows 60");
  rejects([](worklist_policy& p) { p.pd_by_age = {0.02, 0.05, 1.5, 0.25, 0.50}; },
          "[huikuan.worklist.1] PD by age 1.500000 is outside [0, 1]");
  rejects([](worklist_policy& p) { p.pd_by_age = {0.02, -0.05, 0.1, 0.25, 0.50}; },
          "[huikuan.worklist.1] PD by age -0.050000 is outside [0, 1]");
  rejects([](worklist_policy& p) { p.fair_pd = 0.2; },
          "[huikuan.worklist.1] fair_pd 0.200000 and poor_pd 0.100000 must satisfy 0 <= fair_pd <= poor_pd <= 1");
  rejects([](worklist_policy& p) { p.poor_pd = 1.5; },
          "[huikuan.worklist.1] fair_pd 0.030000 and poor_pd 1.500000 must satisfy 0 <= fair_pd <= poor_pd <= 1");
  rejects([](worklist_policy& p) { p.cadence_poor = 0; },
          "[huikuan.worklist.1] cadences 0, 5, 10 business days must each be >= 1");
  rejects([](worklist_policy& p) { p.cadence_good = -3; },
          "[huikuan.worklist.1] cadences 2, 5, -3 business days must each be >= 1");
  rejects(
      [](worklist_policy& p) {
        p.ladder.stages.clear();
        p.stage_actions.clear();
      },
      "[huikuan.escalation.1] the ladder has no stages");
  // build_worklist validates its policy first.
  const ledger book = portfolio();
  worklist_policy policy;
  policy.cadence_fair = 0;
  CHECK_THROWS_WITH(huikuan::build_worklist(book, huikuan::allocate(book, as_of_friday), policy, no_context),
                    Catch::StartsWith("[huikuan.worklist.1] cadences 2, 0, 10"));
}

TEST_CASE("build_worklist rejects context of the wrong length and a position or report of another ledger or date",
          "[collections][worklist][errors]") {
  const ledger book = portfolio();
  const auto position = huikuan::allocate(book, as_of_friday);
  const auto rejects = [&](const auto& change, const char* message) {
    worklist_context context;
    change(context);
    CHECK_THROWS_MATCHES(huikuan::build_worklist(book, position, default_policy, context), input_error,
                         Message(message));
  };
  const std::vector<double> one_pd{0.1};
  rejects([&](worklist_context& c) { c.pd = one_pd; }, "[huikuan.worklist.2] context pd has 1 entries for 8");
  const std::vector<std::string> grades(9);
  rejects([&](worklist_context& c) { c.grade = grades; }, "[huikuan.worklist.2] context grade has 9 entries for 8");
  const std::vector<std::int32_t> contacts(2, never);
  rejects([&](worklist_context& c) { c.last_contact = contacts; },
          "[huikuan.worklist.2] context last_contact has 2 entries for 8");
  const std::vector<std::uint8_t> flags(3, 0);
  rejects([&](worklist_context& c) { c.disputed = flags; },
          "[huikuan.worklist.2] context disputed has 3 entries for 10");
  const huikuan::promise_list promises(book);
  const huikuan::promise_report yesterday = huikuan::evaluate_promises(book, promises, on("2026-11-19"));
  rejects([&](worklist_context& c) { c.promises = &yesterday; },
          "[huikuan.worklist.2] the promise report is as of 2026-11-19 for another date or ledger than the position "
          "as of 2026-11-20");
  ledger other;
  other.add_customer(make_customer("X1"));
  CHECK_THROWS_MATCHES(huikuan::build_worklist(book, huikuan::allocate(other, as_of_friday), default_policy, no_context),
                       input_error, Message("[huikuan.worklist.3] the receivables position belongs to another ledger"));
}

TEST_CASE("actions and factors have names", "[collections]") {
  CHECK(to_string(collection_action::confirm_promise) == "confirm promise");
  CHECK(to_string(collection_action::phone) == "phone");
  CHECK(to_string(collection_action::dunning_letter) == "dunning letter");
  CHECK(to_string(collection_action::scheduled_visit) == "scheduled visit");
  CHECK(to_string(collection_action::supervisor_visit) == "supervisor visit");
  CHECK(to_string(collection_action::stop_supply) == "stop supply and service");
  CHECK(to_string(collection_action::legal) == "legal");
  CHECK(to_string(collection_action::resolve_dispute) == "resolve dispute");
  CHECK(to_string(huikuan::priority_factor::days_past_due) == "days past due");
  CHECK(to_string(huikuan::priority_factor::amount_at_risk) == "amount at risk");
  CHECK(to_string(huikuan::priority_factor::broken_promises) == "broken promises");
  CHECK(to_string(huikuan::priority_factor::promise_falling_due) == "promise falling due");
  CHECK(to_string(huikuan::priority_factor::over_credit_limit) == "over credit limit");
}

// ---------------------------------------------------------------- disputes and contacts

namespace {
std::vector<std::string> messages_of(const std::vector<huikuan::load_problem>& problems) {
  std::vector<std::string> all;
  for (const auto& problem : problems) all.push_back(problem.message());
  return all;
}
}  // namespace

TEST_CASE("a dispute is open from its opening day until the day it is resolved", "[collections][disputes]") {
  const ledger book = portfolio();
  const std::vector<invoice_dispute> disputes{{"I1", on("2026-10-15"), on("2026-11-20")}, {"I3", on("2026-11-21")}};
  const auto flags_on = [&](const char* date) { return huikuan::disputed_invoices(book, disputes, on(date)); };
  CHECK(flags_on("2026-10-14")[0] == 0);
  CHECK(flags_on("2026-10-15")[0] == 1);
  CHECK(flags_on("2026-11-19")[0] == 1);
  CHECK(flags_on("2026-11-20")[0] == 0);
  CHECK(flags_on("2026-11-20")[3] == 0);
  CHECK(flags_on("2026-11-21")[3] == 1);
  CHECK(flags_on("2026-11-21").size() == book.invoice_count());
  CHECK_THROWS_MATCHES(huikuan::disputed_invoices(book, std::vector<invoice_dispute>{{"I99", on("2026-10-15")}},
                                                  as_of_friday),
                       input_error, Message("[huikuan.dispute.1] unknown invoice I99"));
}

TEST_CASE("load_disputes reports unknown invoices, bad dates and resolutions before the opening",
          "[collections][disputes][load]") {
  const ledger book = portfolio();
  const auto result = huikuan::load_disputes(
      "invoice_id,opened_on,resolved_on,reason\n"
      "I1,2026-10-15,,quality\n"
      "I99,2026-10-15,,price\n"
      "I2,2026-10-15,2026-10-01,quantity\n"
      "I3,2026-02-30,,quality\n"
      "I4,2026-10-01,2026-10-20,price\n",
      book);
  REQUIRE(result.disputes.size() == 2);
  CHECK(result.disputes[0].invoice_id == "I1");
  CHECK(result.disputes[0].reason == "quality");
  CHECK_FALSE(result.disputes[0].resolved_on.has_value());
  CHECK(format_date(*result.disputes[1].resolved_on) == "2026-10-20");
  CHECK(messages_of(result.problems) == std::vector<std::string>{
                        "disputes.csv:3: invoice_id: [huikuan.dispute.1] unknown invoice I99",
                        "disputes.csv:4: resolved_on: [huikuan.dispute.2] dispute resolved on 2026-10-01 before it "
                        "was opened on 2026-10-15",
                        "disputes.csv:5: opened_on: [huikuan.date.2] date 2026-02-30 is not a valid date"});
  CHECK(result.summary.rows_read == 5);
  CHECK(result.summary.rows_loaded == 2);
  CHECK(result.summary.rows_left_out == 3);
  CHECK_THROWS_MATCHES(huikuan::load_disputes("invoice_id\nI1\n", book), input_error,
                       Message("[huikuan.load.2] disputes.csv has no opened_on column"));
}

TEST_CASE("load_contacts keeps each customer's last contact on or before as_of", "[collections][contacts][load]") {
  const ledger book = portfolio();
  const auto result = huikuan::load_contacts(
      "customer_id,date,action,outcome\n"
      "C1,2026-11-02,phone,promised\n"
      "C1,2026-11-19,visit,\n"
      "C1,2026-11-25,phone,\n"
      "C99,2026-11-02,phone,\n"
      "C3,not a date,phone,\n"
      "C4,2026-11-21,phone,\n",
      book, as_of_friday);
  REQUIRE(result.last_contact.size() == book.customer_count());
  CHECK(result.last_contact[0] == on("2026-11-19").serial());
  CHECK(result.last_contact[1] == never);
  CHECK(result.last_contact[2] == never);
  CHECK(result.last_contact[3] == never);  // only a contact after as_of
  CHECK(messages_of(result.problems) == std::vector<std::string>{
                        "contacts.csv:5: customer_id: [huikuan.ledger.4] unknown customer C99",
                        "contacts.csv:6: date: [huikuan.date.1] date \"not a date\" is not in YYYY-MM-DD form"});
  CHECK(result.summary.rows_read == 6);
  CHECK(result.summary.rows_loaded == 4);
  CHECK(result.summary.rows_left_out == 2);
  CHECK_THROWS_MATCHES(huikuan::load_contacts("customer_id\nC1\n", book, as_of_friday), input_error,
                       Message("[huikuan.load.2] contacts.csv has no date column"));
}
