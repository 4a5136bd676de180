// Exposure controls: the ceiling on its exact boundaries, the bulk check,
// concentration against hand-computed figures, the book built from a
// ledger, every rule of the order release check with its headroom, every
// error pinned, and properties on generated ledgers and books (exposures
// add up, the bulk check agrees with the book, the O(1) order check agrees
// with concentration measured from scratch, headrooms are exact, and a book
// as of a date does not change when later rows arrive).
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "huikuan/aging.hpp"
#include "huikuan/allocation.hpp"
#include "huikuan/error.hpp"
#include "huikuan/exposure.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/orders.hpp"
#include "ledger_generator.hpp"

using namespace huikuan;
using huikuan_test::make_customer;
using huikuan_test::make_invoice;
using huikuan_test::make_payment;
using huikuan_test::minor;
using huikuan_test::on;

namespace {

ceiling_policy ceiling_at(std::int32_t ceiling_bp, std::optional<std::int32_t> warning_bp = std::nullopt) {
  ceiling_policy p;
  p.ceiling = basis_points(ceiling_bp);
  if (warning_bp) p.warning_line = basis_points(*warning_bp);
  return p;
}

// The worked portfolio, as of 2026-03-31:
//   C1 retail, limit 100,000.00: invoice 70,000.00 due 2026-03-31 (not yet
//      overdue) and an open order of 10,000.00: exposure 80,000.00
//   C2 wholesale, limit 50,000.00: 30,000.00 due 2026-01-30 (60 days past
//      due) and 5,000.00 due 2026-03-30 (1 day), an order invoiced only on
//      2026-04-05 of 2,000.00: exposure 37,000.00, overdue 35,000.00
//   C3 no segment, limit 0: nothing
// Receivables 105,000.00, committed 117,000.00.
struct worked_portfolio {
  ledger book;
  order_table orders;

  worked_portfolio() {
    customer c1 = make_customer("C1");
    c1.credit_limit = minor(10'000'000);
    c1.segment = "retail";
    customer c2 = make_customer("C2");
    c2.credit_limit = minor(5'000'000);
    c2.segment = "wholesale";
    customer c3 = make_customer("C3");
    c3.credit_limit = minor(0);
    book.add_customer(c1);
    book.add_customer(c2);
    book.add_customer(c3);
    book.add_invoice(make_invoice("I1", "C1", "2026-03-01", "2026-03-31", 7'000'000));
    book.add_invoice(make_invoice("I2", "C2", "2026-01-01", "2026-01-30", 3'000'000));
    book.add_invoice(make_invoice("I3", "C2", "2026-03-01", "2026-03-30", 500'000));
    book.add_invoice(make_invoice("I4", "C3", "2026-01-01", "2026-01-31", 100'000));
    book.add_payment(make_payment("P1", "C3", "2026-02-15", 100'000, "I4"));
    orders.add_order(book, {"SO-1", "C1", on("2026-03-20"), minor(1'000'000), order_status::open, std::nullopt});
    orders.add_order(book, {"SO-2", "C1", on("2026-03-02"), minor(500'000), order_status::invoiced, on("2026-03-25")});
    orders.add_order(book, {"SO-3", "C2", on("2026-03-15"), minor(200'000), order_status::invoiced, on("2026-04-05")});
    orders.add_order(book, {"SO-4", "C1", on("2026-04-02"), minor(100'000), order_status::open, std::nullopt});
  }

  [[nodiscard]] exposure_book at(std::string_view as_of, const exposure_policy& policy = {},
                                 std::int64_t assets = 60'000'000) const {
    return build_exposure_book(book, allocate(book, on(as_of)), orders, minor(assets), policy);
  }
};

constexpr customer_index c1{0}, c2{1}, c3{2};

// A book straight from per-customer exposures (as receivables, nothing
// overdue, limits high), for the concentration rules.
exposure_book book_of(const std::vector<std::int64_t>& exposures, const exposure_policy& policy,
                      std::int64_t assets = 1'000'000'000'000) {
  std::vector<std::uint32_t> customer(exposures.size());
  std::iota(customer.begin(), customer.end(), 0u);
  const std::vector<std::int32_t> due(exposures.size(), on("2026-03-31").serial());
  const std::vector<std::int64_t> orders(exposures.size(), 0), limits(exposures.size(), INT64_MAX / 4);
  const std::vector<std::uint32_t> rules(exposures.size(), 0);
  return build_exposure_book({{customer, exposures}, due, orders, limits, rules}, on("2026-03-31"), minor(assets),
                             policy);
}

}  // namespace

// ------------------------------------------------------------------ ceiling

TEST_CASE("receivables exactly at the ceiling are at ceiling and one minor unit more is a breach", "[exposure]") {
  // 20% of 1,000,000.00 is 200,000.00; the warning line is 16%, 160,000.00.
  const money assets = minor(100'000'000);
  const ceiling_check at = check_ceiling(minor(20'000'000), assets);
  CHECK(at.status == ceiling_status::at_ceiling);
  CHECK(at.ceiling_amount == minor(20'000'000));
  CHECK(at.warning_amount == minor(16'000'000));
  CHECK(at.headroom == minor(0));
  CHECK(at.to_restore == minor(0));
  CHECK(at.ceiling == basis_points(2000));
  CHECK(at.warning_line == basis_points(1600));

  const ceiling_check over = check_ceiling(minor(20'000'001), assets);
  CHECK(over.status == ceiling_status::breach);
  CHECK(over.headroom == minor(-1));
  CHECK(over.to_restore == minor(1));

  CHECK(check_ceiling(minor(19'999'999), assets).status == ceiling_status::warning);
  CHECK(check_ceiling(minor(19'999'999), assets).headroom == minor(1));
  CHECK(check_ceiling(minor(16'000'000), assets).status == ceiling_status::warning);
  CHECK(check_ceiling(minor(15'999'999), assets).status == ceiling_status::ok);
  CHECK(check_ceiling(minor(0), assets).status == ceiling_status::ok);
  CHECK(check_ceiling(minor(15'999'999), assets).ratio == Approx(0.15999999));
}

TEST_CASE("when the ceiling is not a whole amount the largest compliant balance is rounded down", "[exposure]") {
  // 20% of 0.07 is 0.014: 0.01 complies (and is below 16% = 0.0112 rounded
  // up to 0.02), 0.02 is a breach; "at ceiling" cannot happen.
  const ceiling_check one = check_ceiling(minor(1), minor(7));
  CHECK(one.status == ceiling_status::ok);
  CHECK(one.ceiling_amount == minor(1));
  CHECK(one.warning_amount == minor(2));
  const ceiling_check two = check_ceiling(minor(2), minor(7));
  CHECK(two.status == ceiling_status::breach);
  CHECK(two.to_restore == minor(1));
  // Large figures stay exact in 128 bits: 20% of the largest assets.
  const money huge = money::from_minor_units(INT64_MAX);
  const ceiling_check big = check_ceiling(money::from_minor_units(INT64_MAX / 5), huge);
  CHECK(big.status == ceiling_status::warning);
  CHECK(big.ceiling_amount == money::from_minor_units(INT64_MAX / 5));
  CHECK(check_ceiling(money::from_minor_units(INT64_MAX / 5 + 1), huge).status == ceiling_status::breach);
}

TEST_CASE("the default warning line is 80% of the ceiling rounded up to a basis point", "[exposure]") {
  CHECK(ceiling_at(2000).effective_warning_line() == basis_points(1600));
  CHECK(ceiling_at(1750).effective_warning_line() == basis_points(1400));
  CHECK(ceiling_at(3).effective_warning_line() == basis_points(3));
  CHECK(ceiling_at(1).effective_warning_line() == basis_points(1));
  CHECK(ceiling_at(10000).effective_warning_line() == basis_points(8000));
  CHECK(ceiling_at(2000, 1000).effective_warning_line() == basis_points(1000));
  CHECK(check_ceiling(minor(10'000'000), minor(100'000'000), ceiling_at(2000, 1000)).status == ceiling_status::warning);
  // A warning line on the ceiling leaves no warning band.
  CHECK(check_ceiling(minor(19'999'999), minor(100'000'000), ceiling_at(2000, 2000)).status == ceiling_status::ok);
}

TEST_CASE("a ceiling outside 0 to 100% or a warning line above it is rejected with its value", "[exposure]") {
  const money assets = minor(100'000'000);
  CHECK_THROWS_MATCHES(check_ceiling(minor(1), assets, ceiling_at(12000)), input_error,
                       Catch::Message("[huikuan.exposure.1] ceiling 120.00% is outside (0, 100%]"));
  CHECK_THROWS_MATCHES(check_ceiling(minor(1), assets, ceiling_at(0)), input_error,
                       Catch::Message("[huikuan.exposure.1] ceiling 0.00% is outside (0, 100%]"));
  CHECK_THROWS_MATCHES(check_ceiling(minor(1), assets, ceiling_at(-500)), input_error,
                       Catch::Message("[huikuan.exposure.1] ceiling -5.00% is outside (0, 100%]"));
  CHECK_THROWS_MATCHES(check_ceiling(minor(1), assets, ceiling_at(2000, 2500)), input_error,
                       Catch::Message("[huikuan.exposure.2] warning line 25.00% is outside (0, 20.00%], the ceiling"));
  CHECK_THROWS_MATCHES(check_ceiling(minor(1), assets, ceiling_at(2000, 0)), input_error,
                       Catch::Message("[huikuan.exposure.2] warning line 0.00% is outside (0, 20.00%], the ceiling"));
  CHECK(check_ceiling(minor(1), assets, ceiling_at(10000)).status == ceiling_status::ok);
}

TEST_CASE("zero or negative total assets and negative receivables are rejected", "[exposure]") {
  CHECK_THROWS_MATCHES(check_ceiling(minor(1), minor(0)), input_error,
                       Catch::Message("[huikuan.exposure.3] total assets 0.00 are not positive"));
  CHECK_THROWS_MATCHES(check_ceiling(minor(1), minor(-100)), input_error,
                       Catch::Message("[huikuan.exposure.3] total assets -1.00 are not positive"));
  CHECK_THROWS_MATCHES(check_ceiling(minor(-1), minor(100)), input_error,
                       Catch::Message("[huikuan.exposure.4] receivables -0.01 are negative"));
  CHECK(to_string(ceiling_status::at_ceiling) == "at ceiling");
  CHECK(to_string(ceiling_status::breach) == "breach");
}

// ------------------------------------------------------------------ policy

TEST_CASE("a policy with a bad limit warning line, overdue rule or cap names the value", "[exposure]") {
  exposure_policy p;
  p.limit_warning_line = basis_points(0);
  CHECK_THROWS_MATCHES(p.validate(), input_error,
                       Catch::Message("[huikuan.exposure.5] limit warning line 0.00% is outside (0, 100%]"));
  p = {};
  p.limit_warning_line = basis_points(10001);
  CHECK_THROWS_MATCHES(p.validate(), input_error,
                       Catch::Message("[huikuan.exposure.5] limit warning line 100.01% is outside (0, 100%]"));
  p = {};
  p.overdue.max_days_past_due = -1;
  CHECK_THROWS_MATCHES(p.validate(), input_error,
                       Catch::Message("[huikuan.exposure.6] overdue rule (default): max days past due -1 is negative"));
  p = {};
  p.group_overdue.push_back({"retail", {std::nullopt, minor(-5)}});
  CHECK_THROWS_MATCHES(p.validate(), input_error,
                       Catch::Message("[huikuan.exposure.6] overdue rule of group \"retail\": max overdue amount -0.05 "
                                      "is negative"));
  p = {};
  p.group_overdue.push_back({"retail", {}});
  p.group_overdue.push_back({"project", {}});
  p.group_overdue.push_back({"retail", {}});
  CHECK_THROWS_MATCHES(p.validate(), input_error,
                       Catch::Message("[huikuan.exposure.6] customer group \"retail\" has two overdue rules"));
  p = {};
  p.max_customer_share = basis_points(0);
  CHECK_THROWS_MATCHES(p.validate(), input_error,
                       Catch::Message("[huikuan.exposure.7] max customer share 0.00% is outside (0, 100%]"));
  p = {};
  p.max_top10_share = basis_points(10001);
  CHECK_THROWS_MATCHES(p.validate(), input_error,
                       Catch::Message("[huikuan.exposure.7] max top-10 share 100.01% is outside (0, 100%]"));
  p = {};
  p.max_herfindahl = basis_points(10001);
  CHECK_THROWS_MATCHES(p.validate(), input_error,
                       Catch::Message("[huikuan.exposure.7] max herfindahl 10001 points is outside (0, 10000]"));
  p = {};
  p.ceiling.ceiling = basis_points(10001);
  CHECK_THROWS_MATCHES(p.validate(), input_error,
                       Catch::Message("[huikuan.exposure.1] ceiling 100.01% is outside (0, 100%]"));
}

TEST_CASE("customer groups map to their own overdue rule and others to the default", "[exposure]") {
  exposure_policy p;
  p.group_overdue.push_back({"retail", {30, std::nullopt}});
  p.group_overdue.push_back({"project", {std::nullopt, minor(100)}});
  CHECK(p.overdue_rule_index("retail") == 1);
  CHECK(p.overdue_rule_index("project") == 2);
  CHECK(p.overdue_rule_index("") == 0);
  CHECK(p.overdue_rule_index("Retail") == 0);
  CHECK(p.overdue_rule_at(1).max_days_past_due == 30);
  CHECK(p.overdue_rule_at(0).max_days_past_due == 60);
  CHECK_THROWS_MATCHES(p.overdue_rule_at(3), input_error,
                       Catch::Message("[huikuan.exposure.8] overdue rule index 3 is out of range (3 rules)"));
}

// ------------------------------------------------------------------ bulk check

TEST_CASE("the bulk check adds open items to open orders and flags limit warnings and breaches", "[exposure]") {
  // customer 0: 60 + 30 = 90 of limit 100 (at the 90% warning line)
  // customer 1: 101 of 100 (breach); customer 2: 89.99 of 100 (within)
  // customer 3: nothing at a zero limit (within)
  const std::vector<std::uint32_t> customer{0, 1, 2, 0, 1};
  const std::vector<std::int64_t> amount{6000, 10000, 8999, 3000, 100};
  const std::vector<std::int64_t> orders{0, 0, 0, 0};
  const std::vector<std::int64_t> limits{10000, 10000, 10000, 0};
  std::vector<std::int64_t> exposure(4, -1);
  std::vector<limit_status> status(4);
  const exposure_scan scan =
      scan_exposure({customer, amount}, orders, limits, minor(100'000), exposure_policy{}, exposure, status);
  CHECK(exposure == std::vector<std::int64_t>{9000, 10100, 8999, 0});
  CHECK(status == std::vector<limit_status>{limit_status::warning, limit_status::breach, limit_status::within,
                                            limit_status::within});
  CHECK(scan.limit_breaches == 1);
  CHECK(scan.limit_warnings == 1);
  CHECK(scan.receivables == minor(28'099));
  CHECK(scan.open_orders == minor(0));
  // 280.99 of 1,000.00 is 28.099%: above the 20% ceiling by 80.99.
  CHECK(scan.ceiling.status == ceiling_status::breach);
  CHECK(scan.ceiling.to_restore == minor(8'099));

  const std::vector<std::int64_t> with_orders{1000, 0, 1001, 1};
  const exposure_scan second =
      scan_exposure({customer, amount}, with_orders, limits, minor(1'000'000), exposure_policy{}, exposure);
  CHECK(exposure == std::vector<std::int64_t>{10000, 10100, 10000, 1});
  CHECK(second.limit_breaches == 2);
  CHECK(second.limit_warnings == 2);
  CHECK(second.open_orders == minor(2002));
  CHECK(second.ceiling.status == ceiling_status::ok);
  CHECK(to_string(limit_status::warning) == "warning");
}

TEST_CASE("the bulk check rejects mismatched spans, unknown customers and negative figures", "[exposure]") {
  const std::vector<std::uint32_t> customer{0, 3};
  const std::vector<std::int64_t> amount{1, 2};
  const std::vector<std::int64_t> two{0, 0};
  std::vector<std::int64_t> exposure(2);
  const exposure_policy policy;
  CHECK_THROWS_MATCHES(scan_exposure({customer, std::span(amount).first(1)}, two, two, minor(1), policy, exposure),
                       input_error,
                       Catch::Message("[huikuan.exposure.8] exposure columns differ in length: customer 2, open_amount 1"));
  CHECK_THROWS_MATCHES(scan_exposure({customer, amount}, std::span(two).first(1), two, minor(1), policy, exposure),
                       input_error,
                       Catch::Message("[huikuan.exposure.8] per-customer spans differ in length: exposure 2, "
                                      "open_orders 1, credit_limits 2, status 0"));
  CHECK_THROWS_MATCHES(scan_exposure({customer, amount}, two, two, minor(1), policy, exposure), input_error,
                       Catch::Message("[huikuan.exposure.8] row 1: customer 3 is out of range (customers: 2)"));
  const std::vector<std::uint32_t> fine{0, 1};
  const std::vector<std::int64_t> negative{1, -2};
  CHECK_THROWS_MATCHES(scan_exposure({fine, negative}, two, two, minor(1), policy, exposure), input_error,
                       Catch::Message("[huikuan.exposure.4] open amount of row 1 is negative (-0.02)"));
  CHECK_THROWS_MATCHES(scan_exposure({fine, amount}, negative, two, minor(1), policy, exposure), input_error,
                       Catch::Message("[huikuan.exposure.4] open order of customer 1 is negative (-0.02)"));
  CHECK_THROWS_MATCHES(scan_exposure({fine, amount}, two, negative, minor(1), policy, exposure), input_error,
                       Catch::Message("[huikuan.exposure.4] credit limit of customer 1 is negative (-0.02)"));
  CHECK_THROWS_MATCHES(scan_exposure({fine, amount}, two, two, minor(0), policy, exposure), input_error,
                       Catch::Message("[huikuan.exposure.3] total assets 0.00 are not positive"));
  const std::vector<std::uint32_t> same{1, 1};
  const std::vector<std::int64_t> huge{INT64_MAX, 1};
  CHECK_THROWS_MATCHES(scan_exposure({same, huge}, two, two, minor(1), policy, exposure), overflow_error,
                       Catch::Message("[huikuan.money.5] a customer's exposure leaves the int64 range of minor units"));
  const std::vector<std::int64_t> halves{INT64_MAX / 2 + 1, INT64_MAX / 2 + 1};
  CHECK_THROWS_MATCHES(scan_exposure({fine, halves}, two, two, minor(1), policy, exposure), overflow_error,
                       Catch::Message("[huikuan.money.5] the receivables' sum leaves the int64 range of minor units"));
}

// ------------------------------------------------------------------ concentration

TEST_CASE("concentration of 50, 30 and 20 is a largest share of 50%, all in the top ten and an HHI of 3800",
          "[exposure]") {
  exposure_policy policy;
  const std::vector<std::int64_t> amounts{3000, 0, 5000, 2000};
  concentration c = measure_concentration(amounts, policy);
  CHECK(c.total == minor(10'000));
  CHECK(c.largest == std::vector<customer_index>{customer_index{2}, customer_index{0}, customer_index{3}});
  CHECK(c.largest_amounts == std::vector<money>{minor(5000), minor(3000), minor(2000)});
  CHECK(c.top10_amount == minor(10'000));
  CHECK(c.largest_share_ppm == 500'000);
  CHECK(c.top10_share_ppm == 1'000'000);
  // 0.5^2 + 0.3^2 + 0.2^2 = 0.38
  CHECK(c.herfindahl_ppm == 380'000);
  CHECK(c.largest_share_verdict == rule_verdict::off);

  policy.max_customer_share = basis_points(5000);
  policy.max_top10_share = basis_points(10000);
  policy.max_herfindahl = basis_points(3800);
  c = measure_concentration(amounts, policy);
  CHECK(c.largest_share_verdict == rule_verdict::pass);
  CHECK(c.top10_share_verdict == rule_verdict::pass);
  CHECK(c.herfindahl_verdict == rule_verdict::pass);
  policy.max_customer_share = basis_points(4999);
  policy.max_top10_share = basis_points(9999);
  policy.max_herfindahl = basis_points(3799);
  c = measure_concentration(amounts, policy);
  CHECK(c.largest_share_verdict == rule_verdict::block);
  CHECK(c.top10_share_verdict == rule_verdict::block);
  CHECK(c.herfindahl_verdict == rule_verdict::block);
}

TEST_CASE("the top ten of twelve customers leave out the two smallest and ties keep the lower index first",
          "[exposure]") {
  // 1..12: the top ten sum to 75 of 78 (96.1538...%), HHI 650 / 78^2 = 0.1068376...
  std::vector<std::int64_t> amounts(12);
  std::iota(amounts.begin(), amounts.end(), 1);
  concentration c = measure_concentration(amounts, exposure_policy{});
  CHECK(c.largest.size() == 10);
  CHECK(c.largest.front() == customer_index{11});
  CHECK(c.largest.back() == customer_index{2});
  CHECK(c.top10_amount == minor(75));
  CHECK(c.top10_share_ppm == 961'539);
  CHECK(c.largest_share_ppm == 153'847);
  CHECK(c.herfindahl_ppm == 106'838);

  const std::vector<std::int64_t> ties{5, 7, 5, 7, 5};
  c = measure_concentration(ties, exposure_policy{});
  CHECK(c.largest == std::vector<customer_index>{customer_index{1}, customer_index{3}, customer_index{0},
                                                 customer_index{2}, customer_index{4}});
  const std::vector<std::int64_t> nothing{0, 0};
  c = measure_concentration(nothing, exposure_policy{});
  CHECK(c.largest.empty());
  CHECK(c.herfindahl_ppm == 0);
  CHECK(c.largest_share_ppm == 0);
}

TEST_CASE("one customer holding everything has a share and an HHI of exactly one", "[exposure]") {
  const std::vector<std::int64_t> amounts{0, INT64_MAX, 0};
  const concentration c = measure_concentration(amounts, exposure_policy{});
  CHECK(c.largest_share_ppm == 1'000'000);
  CHECK(c.herfindahl_ppm == 1'000'000);
  const std::vector<std::int64_t> negative{1, -1};
  CHECK_THROWS_MATCHES(measure_concentration(negative, exposure_policy{}), input_error,
                       Catch::Message("[huikuan.exposure.4] amount of customer 1 is negative (-0.01)"));
  const std::vector<std::int64_t> too_much{INT64_MAX, 1};
  CHECK_THROWS_MATCHES(measure_concentration(too_much, exposure_policy{}), overflow_error,
                       Catch::Message("[huikuan.money.5] the portfolio total leaves the int64 range of minor units"));
}

// ------------------------------------------------------------------ the book

TEST_CASE("a book counts open invoices, overdue amounts, the oldest item and orders open as of its date",
          "[exposure]") {
  const worked_portfolio w;
  const exposure_book book = w.at("2026-03-31");
  CHECK(book.as_of() == on("2026-03-31"));
  CHECK(book.customer_count() == 3);
  CHECK(std::vector<std::int64_t>(book.receivables().begin(), book.receivables().end()) ==
        std::vector<std::int64_t>{7'000'000, 3'500'000, 0});
  CHECK(std::vector<std::int64_t>(book.open_orders().begin(), book.open_orders().end()) ==
        std::vector<std::int64_t>{1'000'000, 200'000, 0});
  CHECK(std::vector<std::int64_t>(book.overdue().begin(), book.overdue().end()) ==
        std::vector<std::int64_t>{0, 3'500'000, 0});
  CHECK(std::vector<std::int32_t>(book.oldest_days_past_due().begin(), book.oldest_days_past_due().end()) ==
        std::vector<std::int32_t>{0, 60, exposure_book::no_open_items});
  CHECK(std::vector<std::int64_t>(book.credit_limits().begin(), book.credit_limits().end()) ==
        std::vector<std::int64_t>{10'000'000, 5'000'000, 0});
  CHECK(book.exposure(c1) == minor(8'000'000));
  CHECK(book.exposure(c2) == minor(3'700'000));
  CHECK(book.total_receivables() == minor(10'500'000));
  CHECK(book.total_open_orders() == minor(1'200'000));
  CHECK(book.committed() == minor(11'700'000));
  CHECK_THROWS_MATCHES(book.exposure(customer_index{3}), not_found_error,
                       Catch::Message("[huikuan.exposure.11] customer index 3 is not in the book (3 customers)"));

  // A week later the order SO-3 is invoiced (not yet in this ledger) and
  // SO-4 is open; I1 is 7 days past due.
  const exposure_book later = w.at("2026-04-07");
  CHECK(later.open_orders()[0] == 1'100'000);
  CHECK(later.open_orders()[1] == 0);
  CHECK(later.oldest_days_past_due()[0] == 7);
  CHECK(later.overdue()[0] == 7'000'000);
}

TEST_CASE("a book takes credit limits from the caller when given and groups from the segment", "[exposure]") {
  const worked_portfolio w;
  exposure_policy policy;
  policy.group_overdue.push_back({"wholesale", {10, std::nullopt}});
  const std::vector<money> limits{minor(1), minor(2), minor(3)};
  const receivables_position position = allocate(w.book, on("2026-03-31"));
  const exposure_book book = build_exposure_book(w.book, position, w.orders, minor(60'000'000), policy, limits);
  CHECK(std::vector<std::int64_t>(book.credit_limits().begin(), book.credit_limits().end()) ==
        std::vector<std::int64_t>{1, 2, 3});
  CHECK(std::vector<std::uint32_t>(book.overdue_rule().begin(), book.overdue_rule().end()) ==
        std::vector<std::uint32_t>{0, 1, 0});
  CHECK_THROWS_MATCHES(build_exposure_book(w.book, position, w.orders, minor(1), policy, std::span(limits).first(2)),
                       input_error, Catch::Message("[huikuan.exposure.8] 2 credit limits for 3 customers"));
  const std::vector<money> negative{minor(1), minor(-2), minor(3)};
  CHECK_THROWS_MATCHES(build_exposure_book(w.book, position, w.orders, minor(1), policy, negative), input_error,
                       Catch::Message("[huikuan.exposure.4] credit limit of customer 1 is negative (-0.02)"));
  ledger other;
  CHECK_THROWS_MATCHES(build_exposure_book(other, position, order_table{}, minor(1)), input_error,
                       Catch::Message("[huikuan.exposure.8] the position does not belong to this ledger (4 invoices, "
                                      "3 customers; the ledger has 0 and 0)"));
}

TEST_CASE("a book from columns rejects mismatched columns and out-of-range customers or rules", "[exposure]") {
  const std::vector<std::uint32_t> customer{0, 2};
  const std::vector<std::int64_t> amount{1, 2};
  const std::vector<std::int32_t> due{0, 0};
  const std::vector<std::int64_t> two{0, 0};
  const std::vector<std::uint32_t> rules{0, 0};
  const day d = on("2026-03-31");
  CHECK_THROWS_MATCHES(build_exposure_book({{customer, amount}, std::span(due).first(1), two, two, rules}, d, minor(1)),
                       input_error,
                       Catch::Message("[huikuan.exposure.8] open item columns differ in length: customer 2, "
                                      "open_amount 2, due_day 1"));
  CHECK_THROWS_MATCHES(build_exposure_book({{customer, amount}, due, two, two, std::span(rules).first(1)}, d, minor(1)),
                       input_error,
                       Catch::Message("[huikuan.exposure.8] per-customer columns differ in length: open_orders 2, "
                                      "credit_limits 2, overdue_rule 1"));
  CHECK_THROWS_MATCHES(build_exposure_book({{customer, amount}, due, two, two, rules}, d, minor(1)), input_error,
                       Catch::Message("[huikuan.exposure.8] open item 1: customer 2 is out of range (customers: 2)"));
  const std::vector<std::uint32_t> fine{0, 1};
  const std::vector<std::uint32_t> bad_rule{0, 1};
  CHECK_THROWS_MATCHES(build_exposure_book({{fine, amount}, due, two, two, bad_rule}, d, minor(1)), input_error,
                       Catch::Message("[huikuan.exposure.8] overdue rule index 1 is out of range (1 rules)"));
  const std::vector<std::int64_t> halves{INT64_MAX / 2 + 1, INT64_MAX / 2 + 1};
  CHECK_THROWS_MATCHES(build_exposure_book({{fine, halves}, due, two, two, rules}, d, minor(1)), overflow_error,
                       Catch::Message("[huikuan.money.5] the receivables' sum leaves the int64 range of minor units"));
  const std::vector<std::int64_t> order_halves{0, INT64_MAX / 2 + 1};
  const std::vector<std::int64_t> first_half{INT64_MAX / 2 + 1, 0};
  CHECK_THROWS_MATCHES(build_exposure_book({{fine, first_half}, due, order_halves, two, rules}, d, minor(1)),
                       overflow_error,
                       Catch::Message("[huikuan.money.5] the committed exposure (receivables + open orders) leaves "
                                      "the int64 range of minor units"));
}

// ------------------------------------------------------------------ order release

TEST_CASE("an order that takes the customer to its limit warns and one minor unit more blocks", "[exposure]") {
  const worked_portfolio w;
  const exposure_book book = w.at("2026-03-31", exposure_policy{}, 1'000'000'000);
  // C1: exposure 80,000.00 of 100,000.00; the warning line is 90,000.00.
  const order_release below = check_order(book, c1, minor(999'999), on("2026-03-31"));
  CHECK(below.rule(exposure_rule::credit_limit).verdict == rule_verdict::pass);
  CHECK(below.verdict == release_verdict::allow);
  const order_release line = check_order(book, c1, minor(1'000'000), on("2026-03-31"));
  CHECK(line.rule(exposure_rule::credit_limit).verdict == rule_verdict::warn);
  CHECK(line.verdict == release_verdict::warn);
  const order_release at = check_order(book, c1, minor(2'000'000), on("2026-03-31"));
  const rule_check& limit = at.rule(exposure_rule::credit_limit);
  CHECK(limit.verdict == rule_verdict::warn);
  CHECK(limit.unit == rule_unit::money);
  CHECK(limit.current == 8'000'000);
  CHECK(limit.projected == 10'000'000);
  CHECK(limit.limit == 10'000'000);
  CHECK(limit.headroom == 0);
  CHECK(limit.order_headroom == minor(2'000'000));
  const order_release over = check_order(book, c1, minor(2'000'001), on("2026-03-31"));
  CHECK(over.rule(exposure_rule::credit_limit).verdict == rule_verdict::block);
  CHECK(over.rule(exposure_rule::credit_limit).headroom == -1);
  CHECK(over.verdict == release_verdict::block);
  CHECK(over.largest_order == minor(2'000'000));
  CHECK(over.customer == c1);
  CHECK(over.amount == minor(2'000'001));
  CHECK(over.date == on("2026-03-31"));
  // A zero limit: any order blocks, and the largest order is nothing.
  const order_release zero = check_order(book, c3, minor(1), on("2026-03-31"));
  CHECK(zero.rule(exposure_rule::credit_limit).verdict == rule_verdict::block);
  CHECK(zero.largest_order == minor(0));
}

TEST_CASE("an item more than the allowed days past due blocks and exactly the allowed days passes", "[exposure]") {
  const worked_portfolio w;
  // C2's oldest item is 60 days past due on 2026-03-31, 61 a day later.
  const order_release on_the_day = check_order(w.at("2026-03-31"), c2, minor(100), on("2026-03-31"));
  const rule_check& days60 = on_the_day.rule(exposure_rule::overdue_days);
  CHECK(days60.verdict == rule_verdict::pass);
  CHECK(days60.unit == rule_unit::days);
  CHECK(days60.current == 60);
  CHECK(days60.limit == 60);
  CHECK(days60.headroom == 0);
  CHECK_FALSE(days60.order_headroom.has_value());
  CHECK(on_the_day.rule(exposure_rule::overdue_amount).verdict == rule_verdict::off);
  const order_release next_day = check_order(w.at("2026-04-01"), c2, minor(100), on("2026-04-01"));
  CHECK(next_day.rule(exposure_rule::overdue_days).verdict == rule_verdict::block);
  CHECK(next_day.rule(exposure_rule::overdue_days).headroom == -1);
  CHECK(next_day.verdict == release_verdict::block);
  // A customer with nothing overdue counts 0 days.
  CHECK(check_order(w.at("2026-03-31"), c1, minor(100), on("2026-03-31")).rule(exposure_rule::overdue_days).current == 0);
}

TEST_CASE("a customer group has its own overdue days and amount", "[exposure]") {
  const worked_portfolio w;
  exposure_policy policy;
  policy.group_overdue.push_back({"wholesale", {std::nullopt, minor(3'500'000)}});
  const order_release exact = check_order(w.at("2026-03-31", policy), c2, minor(100), on("2026-03-31"));
  CHECK(exact.rule(exposure_rule::overdue_days).verdict == rule_verdict::off);
  const rule_check& amount = exact.rule(exposure_rule::overdue_amount);
  CHECK(amount.verdict == rule_verdict::pass);
  CHECK(amount.current == 3'500'000);
  CHECK(amount.headroom == 0);
  policy.group_overdue.back().rule.max_overdue_amount = minor(3'499'999);
  const order_release over = check_order(w.at("2026-03-31", policy), c2, minor(100), on("2026-03-31"));
  CHECK(over.rule(exposure_rule::overdue_amount).verdict == rule_verdict::block);
  // The retail customer keeps the default rule.
  CHECK(check_order(w.at("2026-03-31", policy), c1, minor(100), on("2026-03-31")).rule(exposure_rule::overdue_days).limit ==
        60);
}

TEST_CASE("the ceiling rule counts open orders and warns at the ceiling and blocks one minor unit over", "[exposure]") {
  const worked_portfolio w;
  // Assets 600,000.00: the ceiling is 120,000.00 and committed is 117,000.00
  // (receivables 105,000.00 + open orders 12,000.00), above the 96,000.00 line.
  const exposure_book book = w.at("2026-03-31");
  const order_release at = check_order(book, c1, minor(300'000), on("2026-03-31"));
  const rule_check& ceiling = at.rule(exposure_rule::portfolio_ceiling);
  CHECK(ceiling.verdict == rule_verdict::warn);
  CHECK(ceiling.current == 11'700'000);
  CHECK(ceiling.projected == 12'000'000);
  CHECK(ceiling.limit == 12'000'000);
  CHECK(ceiling.headroom == 0);
  CHECK(ceiling.order_headroom == minor(300'000));
  const order_release over = check_order(book, c1, minor(300'001), on("2026-03-31"));
  CHECK(over.rule(exposure_rule::portfolio_ceiling).verdict == rule_verdict::block);
  CHECK(over.verdict == release_verdict::block);
  CHECK(over.largest_order == minor(300'000));
  // With more assets the ceiling passes below the warning line.
  const exposure_book rich = w.at("2026-03-31", exposure_policy{}, 100'000'000);
  CHECK(check_order(rich, c1, minor(100), on("2026-03-31")).rule(exposure_rule::portfolio_ceiling).verdict ==
        rule_verdict::pass);
}

TEST_CASE("the customer share cap blocks the order that takes one customer over it", "[exposure]") {
  const worked_portfolio w;
  exposure_policy policy;
  policy.max_customer_share = basis_points(7000);
  const exposure_book book = w.at("2026-03-31", policy, 1'000'000'000);
  // C1 holds 80,000 of 117,000 (68.376%). (80,000 + x) / (117,000 + x) <= 70%
  // for x <= (81,900 - 80,000) / 0.3 = 6,333.33.
  const order_release fits = check_order(book, c1, minor(633'333), on("2026-03-31"));
  const rule_check& share = fits.rule(exposure_rule::customer_share);
  CHECK(share.verdict == rule_verdict::pass);
  CHECK(share.unit == rule_unit::ppm);
  CHECK(share.current == 683'761);
  CHECK(share.limit == 700'000);
  CHECK(share.order_headroom == minor(633'333));
  CHECK(share.projected <= share.limit);
  CHECK(fits.largest_order == minor(633'333));
  const order_release over = check_order(book, c1, minor(633'334), on("2026-03-31"));
  CHECK(over.rule(exposure_rule::customer_share).verdict == rule_verdict::block);
  CHECK(over.rule(exposure_rule::customer_share).projected > 700'000);
  // An order for the small customer dilutes C1 and passes its own share.
  CHECK(check_order(book, c2, minor(100), on("2026-03-31")).rule(exposure_rule::customer_share).verdict ==
        rule_verdict::pass);
  // Without a cap the figures are shown and the rule is off.
  const order_release off = check_order(w.at("2026-03-31", {}, 1'000'000'000), c1, minor(1), on("2026-03-31"));
  CHECK(off.rule(exposure_rule::customer_share).verdict == rule_verdict::off);
  CHECK(off.rule(exposure_rule::customer_share).current == 683'761);
  CHECK_FALSE(off.rule(exposure_rule::customer_share).order_headroom.has_value());
}

TEST_CASE("the HHI cap blocks an order that raises concentration and only warns for one that lowers it",
          "[exposure]") {
  const worked_portfolio w;
  exposure_policy policy;
  policy.max_herfindahl = basis_points(4000);
  const exposure_book book = w.at("2026-03-31", policy, 1'000'000'000);
  // HHI = (80,000^2 + 37,000^2) / 117,000^2 = 7,769 / 13,689 = 0.567536...
  const order_release raise = check_order(book, c1, minor(1'000'000), on("2026-03-31"));
  const rule_check& hhi = raise.rule(exposure_rule::herfindahl);
  CHECK(hhi.current == 567'536);
  // (90,000^2 + 37,000^2) / 127,000^2 = 9,469 / 16,129 = 0.587079...
  CHECK(hhi.projected == 587'080);
  CHECK(hhi.limit == 400'000);
  CHECK(hhi.verdict == rule_verdict::block);
  // An order for C3 spreads the exposure: (6,400 + 1,369 + 100) / 16,129 = 0.487878...
  const order_release spread = check_order(book, c3, minor(1'000'000), on("2026-03-31"));
  CHECK(spread.rule(exposure_rule::herfindahl).projected == 487'879);
  CHECK(spread.rule(exposure_rule::herfindahl).verdict == rule_verdict::warn);
  policy.max_herfindahl = basis_points(6000);
  CHECK(check_order(w.at("2026-03-31", policy, 1'000'000'000), c1, minor(1'000'000), on("2026-03-31"))
            .rule(exposure_rule::herfindahl)
            .verdict == rule_verdict::pass);
}

TEST_CASE("the top-10 share follows a customer into and out of the ten largest", "[exposure]") {
  // Exposures 100, 90, ..., 10 and 5 (eleven customers): the top ten hold
  // 550 of 555.
  std::vector<std::int64_t> exposures;
  for (std::int64_t e = 100; e >= 10; e -= 10) exposures.push_back(e);
  exposures.push_back(5);
  exposure_policy policy;
  policy.max_top10_share = basis_points(9500);
  const exposure_book book = book_of(exposures, policy);
  // The eleventh grows to 25 and replaces the tenth: 565 of 575 (98.26%),
  // less concentrated than before (99.10%): over the cap but not raised.
  const order_release newcomer = check_order(book, customer_index{10}, minor(20), on("2026-03-31"));
  const rule_check& top = newcomer.rule(exposure_rule::top10_share);
  CHECK(top.current == 990'991);
  CHECK(top.projected == 982'609);
  CHECK(top.verdict == rule_verdict::warn);
  // The largest grows by 100: 650 of 655, more concentrated: block.
  const order_release leader = check_order(book, customer_index{0}, minor(100), on("2026-03-31"));
  CHECK(leader.rule(exposure_rule::top10_share).projected == 992'367);
  CHECK(leader.rule(exposure_rule::top10_share).verdict == rule_verdict::block);
  // Within the cap: a wide portfolio of equal customers.
  const exposure_book wide = book_of(std::vector<std::int64_t>(40, 100), policy);
  const order_release small = check_order(wide, customer_index{39}, minor(1), on("2026-03-31"));
  CHECK(small.rule(exposure_rule::top10_share).verdict == rule_verdict::pass);
  // 1,001 of 4,001
  CHECK(small.rule(exposure_rule::top10_share).projected == 250'188);
}

TEST_CASE("an order for a customer without exposure in an empty portfolio is fully concentrated", "[exposure]") {
  exposure_policy policy;
  policy.max_top10_share = basis_points(9000);
  policy.max_herfindahl = basis_points(9000);
  policy.max_customer_share = basis_points(9000);
  const exposure_book book = book_of({0, 0}, policy);
  const order_release r = check_order(book, customer_index{1}, minor(5), on("2026-03-31"));
  CHECK(r.rule(exposure_rule::customer_share).current == 0);
  CHECK(r.rule(exposure_rule::customer_share).projected == 1'000'000);
  CHECK(r.rule(exposure_rule::customer_share).verdict == rule_verdict::block);
  CHECK(r.rule(exposure_rule::top10_share).verdict == rule_verdict::block);
  CHECK(r.rule(exposure_rule::herfindahl).verdict == rule_verdict::block);
  CHECK(r.rule(exposure_rule::customer_share).order_headroom == minor(0));
}

TEST_CASE("assessing a customer without an order reports its limit breach and overdue block", "[exposure]") {
  const worked_portfolio w;
  exposure_policy policy;
  policy.overdue.max_days_past_due = 30;
  const exposure_book book = w.at("2026-03-31", policy, 1'000'000'000);
  const order_release c2_now = assess_customer(book, c2);
  CHECK(c2_now.amount == minor(0));
  CHECK(c2_now.rule(exposure_rule::credit_limit).verdict == rule_verdict::pass);
  CHECK(c2_now.rule(exposure_rule::credit_limit).projected == 3'700'000);
  CHECK(c2_now.rule(exposure_rule::overdue_days).verdict == rule_verdict::block);
  CHECK(c2_now.verdict == release_verdict::block);
  const order_release c3_now = assess_customer(book, c3);
  CHECK(c3_now.rule(exposure_rule::credit_limit).verdict == rule_verdict::pass);
  CHECK(c3_now.verdict == release_verdict::allow);
  CHECK_THROWS_MATCHES(assess_customer(book, customer_index{9}), not_found_error,
                       Catch::Message("[huikuan.exposure.11] customer index 9 is not in the book (3 customers)"));
}

TEST_CASE("an order of nothing, on another day or for an unknown customer is rejected", "[exposure]") {
  const worked_portfolio w;
  const exposure_book book = w.at("2026-03-31");
  CHECK_THROWS_MATCHES(check_order(book, c1, minor(0), on("2026-03-31")), input_error,
                       Catch::Message("[huikuan.exposure.9] order amount 0.00 is not positive"));
  CHECK_THROWS_MATCHES(check_order(book, c1, minor(-100), on("2026-03-31")), input_error,
                       Catch::Message("[huikuan.exposure.9] order amount -1.00 is not positive"));
  CHECK_THROWS_MATCHES(check_order(book, c1, minor(100), on("2026-04-01")), input_error,
                       Catch::Message("[huikuan.exposure.10] order dated 2026-04-01 against a book as of 2026-03-31; "
                                      "build the book as of the order date"));
  CHECK_THROWS_MATCHES(check_order(book, customer_index{3}, minor(100), on("2026-03-31")), not_found_error,
                       Catch::Message("[huikuan.exposure.11] customer index 3 is not in the book (3 customers)"));
  CHECK_THROWS_AS(check_order(book, c1, money::from_minor_units(INT64_MAX), on("2026-03-31")), overflow_error);
}

TEST_CASE("rule and verdict names read as words", "[exposure]") {
  CHECK(to_string(exposure_rule::credit_limit) == "credit limit");
  CHECK(to_string(exposure_rule::overdue_days) == "overdue days");
  CHECK(to_string(exposure_rule::overdue_amount) == "overdue amount");
  CHECK(to_string(exposure_rule::portfolio_ceiling) == "portfolio ceiling");
  CHECK(to_string(exposure_rule::customer_share) == "customer share");
  CHECK(to_string(exposure_rule::top10_share) == "top-10 share");
  CHECK(to_string(exposure_rule::herfindahl) == "herfindahl");
  CHECK(to_string(release_verdict::allow) == "allow");
  CHECK(to_string(release_verdict::warn) == "warn");
  CHECK(to_string(release_verdict::block) == "block");
  CHECK(to_string(rule_verdict::off) == "off");
  CHECK(to_string(rule_verdict::pass) == "pass");
}

// ------------------------------------------------------------------ properties

namespace {

constexpr std::uint64_t first_seed = 0x6578'706F'7375'7265ULL;  // "exposure"

class failures {
public:
  void check(bool ok, const std::string& what) {
    if (ok) return;
    ++count_;
    if (text_.size() < 4000) text_ += what + "\n";
  }
  [[nodiscard]] std::size_t count() const { return count_; }
  [[nodiscard]] const std::string& text() const { return text_; }

private:
  std::size_t count_ = 0;
  std::string text_;
};

// Random orders for a generated ledger: some open, some invoiced or
// cancelled before or after `around`.
order_table random_orders(huikuan_test::ledger_generator& random, const ledger& book, day around, std::size_t count,
                          const std::string& prefix) {
  order_table orders;
  if (book.customer_count() == 0) return orders;
  for (std::size_t k = 0; k < count; ++k) {
    sales_order o;
    o.id = prefix + std::to_string(k);
    o.customer_id = book.customers()[static_cast<std::size_t>(
                                         random.between(0, static_cast<std::int64_t>(book.customer_count()) - 1))]
                        .id;
    o.date = around + days(static_cast<std::int32_t>(random.between(-90, 20)));
    o.amount = minor(random.between(1, 5'000'000));
    const std::int64_t fate = random.between(0, 2);
    if (fate > 0) {
      o.status = fate == 1 ? order_status::invoiced : order_status::cancelled;
      o.closed_date = o.date + days(static_cast<std::int32_t>(random.between(0, 60)));
    }
    orders.add_order(book, std::move(o));
  }
  return orders;
}

exposure_policy random_policy(huikuan_test::ledger_generator& random) {
  exposure_policy p;
  p.ceiling.ceiling = basis_points(static_cast<std::int32_t>(random.between(1, 10000)));
  p.limit_warning_line = basis_points(static_cast<std::int32_t>(random.between(1, 10000)));
  p.overdue.max_days_past_due = random.chance(80) ? std::optional<std::int32_t>(static_cast<std::int32_t>(random.between(0, 120)))
                                                  : std::nullopt;
  p.group_overdue.push_back({"wholesale", {static_cast<std::int32_t>(random.between(0, 90)), minor(random.between(0, 9'000'000))}});
  if (random.chance(70)) p.max_customer_share = basis_points(static_cast<std::int32_t>(random.between(1, 10000)));
  if (random.chance(70)) p.max_top10_share = basis_points(static_cast<std::int32_t>(random.between(1, 10000)));
  if (random.chance(70)) p.max_herfindahl = basis_points(static_cast<std::int32_t>(random.between(1, 10000)));
  return p;
}

}  // namespace

TEST_CASE("on generated ledgers exposures add up, agree with aging and the bulk check, and the HHI is bounded",
          "[exposure][property]") {
  failures f;
  std::size_t customers_checked = 0;
  for (std::uint64_t n = 0; n < 1000; ++n) {
    const std::uint64_t seed = first_seed + n;
    huikuan_test::ledger_generator random(seed);
    const ledger book = random.generate(random.random_config());
    const std::vector<day> dates = random.as_of_dates(1);
    const day as_of = dates.front();
    const order_table orders = random_orders(random, book, as_of, static_cast<std::size_t>(random.between(0, 12)), "SO");
    const exposure_policy policy = random_policy(random);
    const money assets = minor(random.between(1, 2'000'000'000'000));
    const receivables_position position = allocate(book, as_of);
    const exposure_book b = build_exposure_book(book, position, orders, assets, policy);
    const std::string where = "seed " + std::to_string(seed) + " as_of " + format_date(as_of);
    const std::size_t customers = book.customer_count();

    money_total receivables, orders_total, exposure_total;
    for (std::size_t c = 0; c < customers; ++c) {
      receivables += money::from_minor_units(b.receivables()[c]);
      orders_total += money::from_minor_units(b.open_orders()[c]);
      exposure_total += b.exposure(customer_index{static_cast<std::uint32_t>(c)});
    }
    f.check(receivables == b.total_receivables() && b.total_receivables() == position.total_open(), where + ": receivables");
    f.check(orders_total == b.total_open_orders(), where + ": open orders");
    f.check(exposure_total == b.committed() && b.committed() == b.total_receivables() + b.total_open_orders(),
            where + ": sum of exposures is the committed total");

    // Per customer against the aging report of the same position.
    const aging_report aging = age_receivables(book, position);
    for (const aging_row& row : aging.rows) {
      const std::size_t c = static_cast<std::size_t>(book.customer_index_of(row.key));
      f.check(b.receivables()[c] == row.open.minor_units(), where + ": receivables of " + row.key);
      f.check(b.overdue()[c] == row.overdue.minor_units(), where + ": overdue of " + row.key);
      const std::int32_t oldest = b.oldest_days_past_due()[c];
      f.check(row.oldest_days_past_due ? oldest == *row.oldest_days_past_due : oldest == exposure_book::no_open_items,
              where + ": oldest of " + row.key);
    }

    // The bulk check on the same columns agrees with the book's limit rule.
    std::vector<std::int64_t> exposure(customers);
    std::vector<limit_status> status(customers);
    const exposure_scan scan = scan_exposure({book.invoices().customer, position.open_amount}, b.open_orders(),
                                             b.credit_limits(), assets, policy, exposure, status);
    f.check(scan.receivables == b.total_receivables(), where + ": scan receivables");
    f.check(scan.ceiling.status == check_ceiling(b.total_receivables(), assets, policy.ceiling).status, where + ": scan ceiling");
    for (std::size_t c = 0; c < customers; ++c) {
      ++customers_checked;
      const order_release now = assess_customer(b, customer_index{static_cast<std::uint32_t>(c)});
      const rule_verdict v = now.rule(exposure_rule::credit_limit).verdict;
      f.check(exposure[c] == b.exposure(customer_index{static_cast<std::uint32_t>(c)}).minor_units(), where + ": scan exposure");
      f.check((status[c] == limit_status::breach) == (v == rule_verdict::block) &&
                  (status[c] == limit_status::warning) == (v == rule_verdict::warn),
              where + ": scan status of customer " + std::to_string(c));
    }

    // HHI bounds: largest share^2 <= HHI <= largest share, 1/N <= HHI <= 1.
    const concentration conc = measure_concentration(b.receivables(), policy);
    if (!conc.total.is_zero()) {
      const auto positive = static_cast<std::int64_t>(std::count_if(b.receivables().begin(), b.receivables().end(),
                                                                    [](std::int64_t v) { return v > 0; }));
      const double largest = static_cast<double>(conc.largest_amounts.front().minor_units()) /
                             static_cast<double>(conc.total.minor_units());
      f.check(conc.herfindahl_ppm <= conc.largest_share_ppm && conc.largest_share_ppm <= conc.top10_share_ppm &&
                  conc.top10_share_ppm <= 1'000'000,
              where + ": HHI <= largest share <= top-10 share <= 1");
      f.check(conc.herfindahl_ppm >= 1'000'000 / positive, where + ": HHI >= 1/N");
      f.check(static_cast<double>(conc.herfindahl_ppm) >= largest * largest * 1e6 - 1e-3, where + ": HHI >= share^2");
      f.check((positive <= 10) == (conc.top10_amount == conc.total), where + ": ten or fewer customers hold all");
    }
  }
  INFO(f.text());
  CHECK(f.count() == 0);
  CHECK(customers_checked > 5000);
}

TEST_CASE("on generated books the order check agrees with concentration measured from scratch after the order",
          "[exposure][property]") {
  failures f;
  std::array<std::size_t, 4> top_verdicts{}, hhi_verdicts{};
  std::size_t share_headrooms = 0;
  for (std::uint64_t n = 0; n < 5000; ++n) {
    const std::uint64_t seed = first_seed + 10'000 + n;
    huikuan_test::ledger_generator random(seed);
    const auto customers = static_cast<std::size_t>(random.between(1, 40));
    std::vector<std::int64_t> exposures(customers);
    for (std::int64_t& e : exposures) {
      const std::int64_t shape = random.between(0, 9);
      e = shape < 3   ? 0
          : shape < 5 ? random.between(1, 1000)
          : shape < 8 ? random.between(1, 1'000'000)
                      : random.between(1, 200'000'000'000'000'000);
    }
    if (random.chance(20)) std::fill(exposures.begin(), exposures.end(), random.between(0, 3));
    exposure_policy policy = random_policy(random);
    policy.max_customer_share = basis_points(static_cast<std::int32_t>(random.between(1, 10000)));
    policy.max_top10_share = basis_points(static_cast<std::int32_t>(random.between(3000, 10000)));
    policy.max_herfindahl = basis_points(static_cast<std::int32_t>(random.between(1, 10000)));
    const exposure_book b = book_of(exposures, policy, INT64_MAX);
    const auto who = static_cast<std::size_t>(random.between(0, static_cast<std::int64_t>(customers) - 1));
    const std::int64_t x = random.chance(50) ? random.between(1, 100) : random.between(1, 1'000'000'000'000'000'000);
    const order_release r = check_order(b, customer_index{static_cast<std::uint32_t>(who)}, minor(x), on("2026-03-31"));
    const std::string where = "seed " + std::to_string(seed);

    std::vector<std::int64_t> after = exposures;
    after[who] += x;
    const concentration before_c = measure_concentration(exposures, policy);
    const concentration after_c = measure_concentration(after, policy);
    const rule_check& top = r.rule(exposure_rule::top10_share);
    const rule_check& hhi = r.rule(exposure_rule::herfindahl);
    const rule_check& share = r.rule(exposure_rule::customer_share);
    ++top_verdicts[static_cast<std::size_t>(top.verdict)];
    ++hhi_verdicts[static_cast<std::size_t>(hhi.verdict)];
    f.check(top.current == before_c.top10_share_ppm && top.projected == after_c.top10_share_ppm, where + ": top-10 ppm");
    f.check(hhi.current == before_c.herfindahl_ppm && hhi.projected == after_c.herfindahl_ppm, where + ": HHI ppm");
    f.check((top.verdict != rule_verdict::pass) == (after_c.top10_share_verdict == rule_verdict::block), where + ": top-10 over");
    f.check((hhi.verdict != rule_verdict::pass) == (after_c.herfindahl_verdict == rule_verdict::block), where + ": HHI over");
    // Raised or not, where the rounded figures show it clearly.
    if (top.verdict != rule_verdict::pass && std::abs(top.projected - top.current) > 1)
      f.check((top.verdict == rule_verdict::block) == (top.projected > top.current), where + ": top-10 raise");
    if (hhi.verdict != rule_verdict::pass && std::abs(hhi.projected - hhi.current) > 1)
      f.check((hhi.verdict == rule_verdict::block) == (hhi.projected > hhi.current), where + ": HHI raise");
    // The customer's own share against a single-customer reference.
    std::vector<std::int64_t> alone(after.size(), 0);
    alone[who] = after[who];
    const std::int64_t rest = std::accumulate(after.begin(), after.end(), std::int64_t{0}) - after[who];
    const double reference = static_cast<double>(after[who]) / (static_cast<double>(after[who]) + static_cast<double>(rest));
    f.check(std::abs(static_cast<double>(share.projected) - reference * 1e6) <= 1.0, where + ": share ppm");
    // The share headroom is exact: the headroom passes, one more blocks.
    if (share.order_headroom && share.order_headroom->is_positive() &&
        share.order_headroom->minor_units() < INT64_MAX - b.committed().minor_units()) {
      const money h = *share.order_headroom;
      ++share_headrooms;
      f.check(check_order(b, r.customer, h, on("2026-03-31")).rule(exposure_rule::customer_share).verdict == rule_verdict::pass,
              where + ": share headroom passes");
      f.check(check_order(b, r.customer, h + minor(1), on("2026-03-31")).rule(exposure_rule::customer_share).verdict ==
                  rule_verdict::block,
              where + ": share headroom + 0.01 blocks");
    }
  }
  INFO(f.text());
  CHECK(f.count() == 0);
  // Every verdict of the portfolio measures occurs many times.
  for (const std::size_t v : {std::size_t{0}, std::size_t{1}, std::size_t{2}}) {
    INFO("verdict " << v);
    CHECK(top_verdicts[v] > 100);
    CHECK(hhi_verdicts[v] > 100);
  }
  CHECK(share_headrooms > 500);
}

TEST_CASE("on generated ledgers the limit and ceiling headrooms are exact and larger orders never do better",
          "[exposure][property]") {
  failures f;
  std::size_t positive_headrooms = 0;
  for (std::uint64_t n = 0; n < 1000; ++n) {
    const std::uint64_t seed = first_seed + 50'000 + n;
    huikuan_test::ledger_generator random(seed);
    const ledger book = random.generate(random.random_config());
    if (book.customer_count() == 0) continue;
    const day as_of = random.as_of_dates(1).front();
    const order_table orders = random_orders(random, book, as_of, 6, "SO");
    const exposure_policy policy = random_policy(random);
    const exposure_book b =
        build_exposure_book(book, allocate(book, as_of), orders, minor(random.between(1, 50'000'000'000)), policy);
    const customer_index who{static_cast<std::uint32_t>(random.between(0, static_cast<std::int64_t>(book.customer_count()) - 1))};
    const std::string where = "seed " + std::to_string(seed);
    const order_release probe = check_order(b, who, minor(1), as_of);
    const auto verdict_at = [&](exposure_rule rule, money amount) {
      return check_order(b, who, amount, as_of).rule(rule).verdict;
    };
    for (const exposure_rule rule : {exposure_rule::credit_limit, exposure_rule::portfolio_ceiling}) {
      const money h = *probe.rule(rule).order_headroom;
      if (h.is_positive()) {
        ++positive_headrooms;
        f.check(verdict_at(rule, h) != rule_verdict::block, where + ": headroom passes");
      }
      f.check(verdict_at(rule, h + minor(1)) == rule_verdict::block, where + ": headroom + 0.01 blocks");
    }
    if (probe.largest_order && probe.largest_order->is_positive()) {
      const order_release at = check_order(b, who, *probe.largest_order, as_of);
      for (const exposure_rule rule : {exposure_rule::credit_limit, exposure_rule::portfolio_ceiling, exposure_rule::customer_share})
        f.check(at.rule(rule).verdict != rule_verdict::block, where + ": the largest order passes the amount rules");
    }
    // The amount rules are monotone: a larger order is never judged better.
    // (Top-10 and HHI are not: a large order for a small customer dilutes.)
    const std::int64_t small = random.between(1, 10'000'000), large = small + random.between(0, 10'000'000);
    const order_release a = check_order(b, who, minor(small), as_of), z = check_order(b, who, minor(large), as_of);
    for (const exposure_rule rule : {exposure_rule::credit_limit, exposure_rule::portfolio_ceiling, exposure_rule::customer_share})
      f.check(static_cast<int>(a.rule(rule).verdict) <= static_cast<int>(z.rule(rule).verdict) ||
                  a.rule(rule).verdict == rule_verdict::off,
              where + ": " + std::string(to_string(rule)) + " is monotone");
  }
  INFO(f.text());
  CHECK(f.count() == 0);
  CHECK(positive_headrooms > 500);
}

TEST_CASE("a book as of a date does not change when rows and orders dated later arrive", "[exposure][property]") {
  failures f;
  std::size_t compared = 0;
  for (std::uint64_t n = 0; n < 1000; ++n) {
    const std::uint64_t seed = first_seed + 90'000 + n;
    huikuan_test::ledger_generator random(seed);
    ledger book = random.generate(random.random_config());
    const day as_of = random.as_of_dates(1).front();
    const exposure_policy policy = random_policy(random);
    const money assets = minor(random.between(1, 50'000'000'000));
    const order_table orders = random_orders(random, book, as_of, 5, "SO");
    const exposure_book before = build_exposure_book(book, allocate(book, as_of), orders, assets, policy);
    std::vector<order_release> checks;
    for (std::size_t c = 0; c < book.customer_count(); ++c)
      checks.push_back(check_order(before, customer_index{static_cast<std::uint32_t>(c)}, minor(12'345), as_of));

    random.add_rows_after(book, as_of, 12);
    order_table more = orders;
    for (std::size_t k = 0; k < 4 && book.customer_count() > 0; ++k)
      more.add_order(book, {"LATE" + std::to_string(k), book.customers()[0].id, as_of + days(1 + static_cast<std::int32_t>(k)),
                            minor(99'999), order_status::open, std::nullopt});
    const exposure_book after = build_exposure_book(book, allocate(book, as_of), more, assets, policy);
    const std::string where = "seed " + std::to_string(seed);
    const std::size_t kept = before.customer_count();
    const auto same = [&](std::span<const std::int64_t> x, std::span<const std::int64_t> y) {
      return std::equal(x.begin(), x.end(), y.begin(), y.begin() + static_cast<std::ptrdiff_t>(kept)) &&
             std::all_of(y.begin() + static_cast<std::ptrdiff_t>(kept), y.end(), [](std::int64_t v) { return v == 0; });
    };
    f.check(same(before.receivables(), after.receivables()) && same(before.open_orders(), after.open_orders()) &&
                same(before.overdue(), after.overdue()),
            where + ": per-customer columns");
    f.check(before.committed() == after.committed(), where + ": committed");
    for (std::size_t c = 0; c < kept; ++c) {
      const order_release again = check_order(after, customer_index{static_cast<std::uint32_t>(c)}, minor(12'345), as_of);
      bool equal = again.verdict == checks[c].verdict;
      for (std::size_t k = 0; k < exposure_rule_count; ++k) {
        const rule_check &x = checks[c].rules[k], &y = again.rules[k];
        equal = equal && x.verdict == y.verdict && x.current == y.current && x.projected == y.projected &&
                x.limit == y.limit && x.headroom == y.headroom && x.order_headroom == y.order_headroom;
      }
      f.check(equal, where + ": check of customer " + std::to_string(c));
      ++compared;
    }
  }
  INFO(f.text());
  CHECK(f.count() == 0);
  CHECK(compared > 3000);
}
