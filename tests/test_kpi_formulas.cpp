// The receivables KPI formulas against published worked examples (each
// cites the page it comes from and is compared to its printed digits),
// their edge cases, and the exact text of every error they throw.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "huikuan/kpi.hpp"

using huikuan::days;
using huikuan::money;

namespace {

// Published examples are in whole currency units; huikuan takes minor units.
money units(std::int64_t whole) { return money::from_minor_units(whole * 100); }
money minor(std::int64_t count) { return money::from_minor_units(count); }

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

template <class F>
huikuan::input_error thrown_input_error(F&& call) {
  try {
    call();
  } catch (const huikuan::input_error& e) {
    return e;
  }
  FAIL("no huikuan::input_error was thrown");
  return huikuan::input_error("", "");
}

}  // namespace

// ---------------------------------------------------------------- simple DSO

// https://trymesha.com/blog/the-2-dso-calculation-formulas-simple-vs-countback-method-explained/
// $150,000 receivables, $1,800,000 annual credit sales, 365 days -> "30.4 days".
TEST_CASE("simple DSO of 150,000 owed on 1,800,000 of annual credit sales is 30.4 days") {
  const double dso = huikuan::days_sales_outstanding_simple(units(150'000), units(1'800'000), days{365});
  CHECK(dso == Approx(30.4).margin(0.05));
  CHECK(dso == Approx(365.0 / 12.0));
}

// https://equisettle.co.uk/the-complete-guide-to-dso-calculation-simple-vs-countback-method
// $200,000 / $2,000,000 x 365 = 36.5 days.
TEST_CASE("simple DSO of 200,000 owed on 2,000,000 of yearly sales is 36.5 days") {
  CHECK(huikuan::days_sales_outstanding_simple(units(200'000), units(2'000'000), days{365}) == 36.5);
}

// http://www.creditguru.com/index.php/collection-management/collection-metrics/average-days-delinquent-add
// Regular DSO = (15,000 / 10,000) x 30 = 45 days.
TEST_CASE("simple DSO of 15,000 owed on 10,000 of sales in a 30-day period is 45 days") {
  CHECK(huikuan::days_sales_outstanding_simple(units(15'000), units(10'000), days{30}) == 45.0);
}

TEST_CASE("simple DSO is zero when nothing is owed") {
  CHECK(huikuan::days_sales_outstanding_simple(units(0), units(10'000), days{30}) == 0.0);
}

TEST_CASE("simple DSO forms receivables x days exactly even beyond the int64 range") {
  // int64_max x 366 does not fit an int64; the 128-bit numerator holds it.
  CHECK(huikuan::days_sales_outstanding_simple(minor(int64_max), minor(int64_max), days{366}) == 366.0);
  CHECK(huikuan::days_sales_outstanding_simple(minor(1), minor(3), days{1}) == 1.0 / 3.0);
}

TEST_CASE("simple DSO rejects a period that is not positive, sales that are not positive and negative receivables") {
  CHECK_THROWS_WITH(huikuan::days_sales_outstanding_simple(units(1), units(1), days{0}),
                    "[huikuan.kpi.1] days_in_period is 0 days; it must be positive");
  CHECK_THROWS_WITH(huikuan::days_sales_outstanding_simple(units(1), units(1), days{-30}),
                    "[huikuan.kpi.1] days_in_period is -30 days; it must be positive");
  CHECK_THROWS_WITH(huikuan::days_sales_outstanding_simple(units(1), units(0), days{30}),
                    "[huikuan.kpi.2] credit_sales is 0 minor units; it must be positive because it divides");
  CHECK_THROWS_WITH(huikuan::days_sales_outstanding_simple(units(1), minor(-250), days{30}),
                    "[huikuan.kpi.2] credit_sales is -250 minor units; it must be positive because it divides");
  CHECK_THROWS_WITH(huikuan::days_sales_outstanding_simple(minor(-1), units(1), days{30}),
                    "[huikuan.kpi.3] ending_receivables is -1 minor units; it must not be negative");

  const auto e = thrown_input_error([] { (void)huikuan::days_sales_outstanding_simple(units(1), units(0), days{30}); });
  CHECK(e.id() == "huikuan.kpi.2");
  CHECK(e.field() == "credit_sales");
  CHECK(e.reason() == "credit_sales is 0 minor units; it must be positive because it divides");
}

// ------------------------------------------------------------- countback DSO

// https://support.benjipays.com/support/solutions/articles/150000179580-mastering-dso-calculation-the-count-back-method-explained
// Month 1..3 credit sales $70,000 / $80,000 / $100,000 (30 days each),
// ending receivables $212,000: month 3 and month 2 whole (60 days), then
// $32,000 of month 1's $70,000. The same data on
// https://trymesha.com/blog/the-2-dso-calculation-formulas-simple-vs-countback-method-explained/
// is printed as "DSO = 73.7 days".
TEST_CASE("countback DSO stops inside the month whose sales exceed the remainder") {
  const std::vector<money> sales{units(70'000), units(80'000), units(100'000)};
  const std::vector<std::int32_t> lengths{30, 30, 30};
  const double dso = huikuan::days_sales_outstanding_countback(units(212'000), sales, lengths);
  CHECK(dso == Approx(73.7).margin(0.05));
  CHECK(dso == Approx(60.0 + 32'000.0 / 70'000.0 * 30.0));
}

// https://community.anaplan.com/discussion/55580/count-back-for-turnover
// AR at end of January $2,000; sales Jan 200, Dec 400, Nov 600, Oct 700,
// Sep 500: 31 + 31 + 30 + 31 + 6 (= 30 x 100 / 500) = 129 days.
TEST_CASE("countback DSO adds each calendar month's own length, 129 days in Anaplan's example") {
  const std::vector<money> sales{units(500), units(700), units(600), units(400), units(200)};  // Sep..Jan
  const std::vector<std::int32_t> lengths{30, 31, 30, 31, 31};
  CHECK(huikuan::days_sales_outstanding_countback(units(2'000), sales, lengths) == 129.0);
}

// https://techcommunity.microsoft.com/t5/excel/dso-count-back-method/td-p/4157003
// 28-day periods: outstanding 12,000,000; P5 sales 5,000,000, P4 6,000,000,
// P3 6,000,000 -> 28 + 28 + "4,66..." days, printed rounded as 61 days.
TEST_CASE("countback DSO works on 28-day fiscal periods as in the Microsoft community example") {
  const std::vector<money> sales{units(6'000'000), units(6'000'000), units(5'000'000)};  // P3, P4, P5
  const std::vector<std::int32_t> lengths{28, 28, 28};
  const double dso = huikuan::days_sales_outstanding_countback(units(12'000'000), sales, lengths);
  CHECK(dso - 56.0 == Approx(4.66).margin(0.01));
  CHECK(dso == Approx(61).margin(0.5));
}

// https://docs.oracle.com/en/applications/enterprise-performance-management/11.2/hfmam/dso_-_days_sales_outstanding.html
// "DSO Function Example": Sep..Apr sales 2,500 / 1,750 / 2,250 / 2,500 /
// 2,000 / 2,250 with 30/31/31/30/31/30 days; Sep..May counted whole, April
// as 2000/2250 -> 26.7, total 179.7. The table prints debtors of 12,000,
// but a 2,000 remainder in April needs 13,000 (the five whole months hold
// 11,000), so the printed total is reproduced from 13,000 and 12,000 gives
// 153 + 1000/2250 x 30 = 166.3.
TEST_CASE("countback DSO reproduces Oracle HFM's 179.7 days from the debtors its own April step implies") {
  const std::vector<money> sales{units(2'250), units(2'000), units(2'500), units(2'250), units(1'750), units(2'500)};
  const std::vector<std::int32_t> lengths{30, 31, 30, 31, 31, 30};  // Apr..Sep
  CHECK(huikuan::days_sales_outstanding_countback(units(13'000), sales, lengths) == Approx(179.7).margin(0.05));
  CHECK(huikuan::days_sales_outstanding_countback(units(2'000), std::span(sales).first(1),
                                                  std::span(lengths).first(1)) == Approx(26.7).margin(0.05));
  CHECK(huikuan::days_sales_outstanding_countback(units(12'000), sales, lengths) ==
        Approx(153.0 + 1'000.0 / 2'250.0 * 30.0));
}

TEST_CASE("countback DSO of a balance smaller than the latest month's sales is a fraction of that month") {
  const std::vector<money> sales{units(100), units(100)};
  const std::vector<std::int32_t> lengths{30, 31};
  CHECK(huikuan::days_sales_outstanding_countback(units(50), sales, lengths) == 15.5);
}

TEST_CASE("countback DSO is zero when nothing is owed, even after a month without sales") {
  const std::vector<money> sales{units(100), units(0)};
  const std::vector<std::int32_t> lengths{30, 31};
  CHECK(huikuan::days_sales_outstanding_countback(units(0), sales, lengths) == 0.0);
}

TEST_CASE("a remainder equal to a month's sales counts that month whole and stops there") {
  const std::vector<money> sales{units(70), units(80), units(100)};
  const std::vector<std::int32_t> lengths{31, 28, 31};
  CHECK(huikuan::days_sales_outstanding_countback(units(180), sales, lengths) == 59.0);
}

TEST_CASE("receivables equal to all the months' sales give all their days and are not beyond history") {
  const std::vector<money> sales{units(70), units(80), units(100)};
  const std::vector<std::int32_t> lengths{31, 28, 31};
  CHECK(huikuan::days_sales_outstanding_countback(units(250), sales, lengths) == 90.0);
}

TEST_CASE("countback DSO walks whole through a month without sales because the remainder must be older") {
  const std::vector<money> sales{units(100), units(0), units(50)};
  const std::vector<std::int32_t> lengths{30, 31, 30};
  // 50 of the latest month (30 days), nothing from the empty month (31
  // days), then 50 of 100 in the oldest month (15 days).
  CHECK(huikuan::days_sales_outstanding_countback(units(100), sales, lengths) == 76.0);
}

TEST_CASE("countback DSO rejects receivables beyond the months supplied unless told otherwise") {
  const std::vector<money> sales{units(70'000), units(80'000), units(100'000)};
  const std::vector<std::int32_t> lengths{31, 28, 31};
  CHECK_THROWS_WITH(huikuan::days_sales_outstanding_countback(units(300'000), sales, lengths),
                    "[huikuan.kpi.6] ending_receivables 30000000 minor units exceed the 25000000 minor units of "
                    "credit sales in the 3 months supplied; supply more months, or choose "
                    "countback_beyond_history::cap or ::extrapolate");
  const auto e = thrown_input_error([&] {
    (void)huikuan::days_sales_outstanding_countback(units(300'000), sales, lengths,
                                                    huikuan::countback_beyond_history::reject);
  });
  CHECK(e.id() == "huikuan.kpi.6");
  CHECK(e.field() == "credit_sales_by_month");
}

TEST_CASE("countback DSO capped at the history returns the days of every month supplied") {
  const std::vector<money> sales{units(70'000), units(80'000), units(100'000)};
  const std::vector<std::int32_t> lengths{31, 28, 31};
  CHECK(huikuan::days_sales_outstanding_countback(units(300'000), sales, lengths,
                                                  huikuan::countback_beyond_history::cap) == 90.0);
}

TEST_CASE("countback DSO extrapolated beyond the history equals simple DSO over the whole history") {
  const std::vector<money> sales{units(70'000), units(80'000), units(100'000)};
  const std::vector<std::int32_t> lengths{31, 28, 31};
  const double extrapolated = huikuan::days_sales_outstanding_countback(
      units(300'000), sales, lengths, huikuan::countback_beyond_history::extrapolate);
  CHECK(extrapolated == huikuan::days_sales_outstanding_simple(units(300'000), units(250'000), days{90}));
  CHECK(extrapolated == 108.0);
  // Within the history the policy changes nothing.
  CHECK(huikuan::days_sales_outstanding_countback(units(212'000), sales, lengths,
                                                  huikuan::countback_beyond_history::extrapolate) ==
        huikuan::days_sales_outstanding_countback(units(212'000), sales, lengths));
}

TEST_CASE("countback DSO cannot extrapolate from months without any sales") {
  const std::vector<money> sales{units(0), units(0)};
  const std::vector<std::int32_t> lengths{30, 31};
  CHECK_THROWS_WITH(huikuan::days_sales_outstanding_countback(units(5), sales, lengths,
                                                              huikuan::countback_beyond_history::extrapolate),
                    "[huikuan.kpi.2] total of credit_sales_by_month is 0 minor units; it must be positive because "
                    "it divides");
  CHECK(huikuan::days_sales_outstanding_countback(units(5), sales, lengths,
                                                  huikuan::countback_beyond_history::cap) == 61.0);
}

TEST_CASE("countback DSO handles amounts near the int64 limit without overflow") {
  const std::vector<money> sales{minor(int64_max), minor(int64_max)};
  const std::vector<std::int32_t> lengths{31, 30};
  CHECK(huikuan::days_sales_outstanding_countback(minor(int64_max), sales, lengths) == 30.0);
  CHECK(huikuan::days_sales_outstanding_countback(minor(int64_max - 1), sales, lengths) ==
        Approx(30.0).epsilon(1e-15));
}

TEST_CASE("countback DSO rejects missing months, mismatched spans and bad months wherever they are") {
  const std::vector<money> sales{units(70), units(80), units(100)};
  const std::vector<std::int32_t> lengths{31, 28, 31};
  const std::vector<money> no_sales;
  const std::vector<std::int32_t> no_lengths;
  CHECK_THROWS_WITH(huikuan::days_sales_outstanding_countback(units(10), no_sales, no_lengths),
                    "[huikuan.kpi.4] credit_sales_by_month is empty; countback DSO needs at least one month");
  CHECK_THROWS_WITH(huikuan::days_sales_outstanding_countback(units(10), sales, std::span(lengths).first(2)),
                    "[huikuan.kpi.5] credit_sales_by_month has 3 elements but days_by_month has 2; they must be "
                    "the same length");
  CHECK_THROWS_WITH(huikuan::days_sales_outstanding_countback(minor(-5), sales, lengths),
                    "[huikuan.kpi.3] ending_receivables is -5 minor units; it must not be negative");

  // The oldest month is never reached by a balance of 10, and is still checked.
  const std::vector<std::int32_t> zero_length{0, 28, 31};
  CHECK_THROWS_WITH(huikuan::days_sales_outstanding_countback(units(10), sales, zero_length),
                    "[huikuan.kpi.1] days_by_month[0] is 0 days; it must be positive");
  const std::vector<money> credit_month{minor(-700), units(80), units(100)};
  const auto e = thrown_input_error(
      [&] { (void)huikuan::days_sales_outstanding_countback(units(10), credit_month, lengths); });
  CHECK(std::string(e.what()) ==
        "[huikuan.kpi.3] credit_sales_by_month[0] is -700 minor units; it must not be negative");
  CHECK(e.field() == "credit_sales_by_month[0]");
}

// ---------------------------------------------------------- best possible DSO

// http://www.creditguru.com/index.php/collection-management/collection-metrics/average-days-delinquent-add
// Best Possible DSO = (4,000 / 10,000) x 30 = 12 days.
TEST_CASE("best possible DSO of 4,000 current on 10,000 of sales in 30 days is 12 days") {
  CHECK(huikuan::best_possible_days_sales_outstanding(units(4'000), units(10'000), days{30}) == 12.0);
}

TEST_CASE("best possible DSO rejects the same bad input as simple DSO, naming current receivables") {
  CHECK_THROWS_WITH(huikuan::best_possible_days_sales_outstanding(minor(-3), units(10), days{30}),
                    "[huikuan.kpi.3] current_receivables is -3 minor units; it must not be negative");
  CHECK_THROWS_WITH(huikuan::best_possible_days_sales_outstanding(units(1), units(0), days{30}),
                    "[huikuan.kpi.2] credit_sales is 0 minor units; it must be positive because it divides");
  CHECK_THROWS_WITH(huikuan::best_possible_days_sales_outstanding(units(1), units(1), days{-1}),
                    "[huikuan.kpi.1] days_in_period is -1 days; it must be positive");
}

// ------------------------------------------------------ average days delinquent

// http://www.creditguru.com/index.php/collection-management/collection-metrics/average-days-delinquent-add
// ADD = 45 - 12 = 33 days, from total AR 15,000, current AR 4,000 and
// 10,000 of credit sales in 30 days.
TEST_CASE("average days delinquent is DSO less best possible DSO, 33 days in Credit Guru's example") {
  const double dso = huikuan::days_sales_outstanding_simple(units(15'000), units(10'000), days{30});
  const double best = huikuan::best_possible_days_sales_outstanding(units(4'000), units(10'000), days{30});
  CHECK(huikuan::average_days_delinquent(dso, best) == 33.0);
}

// https://mail-stage.quadient-swarm.sh/en/node/3350/revisions/38607/view (Quadient, "What Is Average Days Delinquent?")
// Total AR $25,000, current AR $6,000, $15,000 of credit sales in 30 days:
// DSO 50, best DSO 12, ADD 38.
TEST_CASE("average days delinquent is 38 days in Quadient's example") {
  const double dso = huikuan::days_sales_outstanding_simple(units(25'000), units(15'000), days{30});
  const double best = huikuan::best_possible_days_sales_outstanding(units(6'000), units(15'000), days{30});
  CHECK(dso == 50.0);
  CHECK(best == 12.0);
  CHECK(huikuan::average_days_delinquent(dso, best) == 38.0);
}

TEST_CASE("average days delinquent is zero when nothing is past due") {
  CHECK(huikuan::average_days_delinquent(12.5, 12.5) == 0.0);
  CHECK(huikuan::average_days_delinquent(0.0, 0.0) == 0.0);
}

TEST_CASE("average days delinquent rejects DSO figures that are not finite non-negative or out of order") {
  CHECK_THROWS_WITH(huikuan::average_days_delinquent(std::nan(""), 1.0),
                    "[huikuan.kpi.7] dso is nan; it must be a finite number of days >= 0");
  CHECK_THROWS_WITH(huikuan::average_days_delinquent(45.0, std::numeric_limits<double>::infinity()),
                    "[huikuan.kpi.7] best_possible_dso is inf; it must be a finite number of days >= 0");
  CHECK_THROWS_WITH(huikuan::average_days_delinquent(-0.5, 0.0),
                    "[huikuan.kpi.7] dso is -0.5; it must be a finite number of days >= 0");
  CHECK_THROWS_WITH(huikuan::average_days_delinquent(45.0, 50.25),
                    "[huikuan.kpi.8] best_possible_dso 50.25 exceeds dso 45; current receivables cannot exceed "
                    "total receivables");
}

// https://calculator7.snowdaycalculatornow.com/?p=14417 ("How Do You Calculate Weighted Average Days?")
// Invoices of $2,000 / $5,000 / $3,000 at 15 / 40 / 25 days: 305,000 /
// 10,000 = 30.5. Every item is past due, so the overdue-only weighting
// changes nothing.
TEST_CASE("amount-weighted days delinquent of invoices all past due is 30.5 days in the worked example") {
  const std::vector<std::int64_t> amounts{200'000, 500'000, 300'000};
  const std::vector<std::int32_t> past_due{15, 40, 25};
  CHECK(huikuan::average_days_delinquent_amount_weighted(amounts, past_due) == 30.5);
}

// https://calculator7.snowdaycalculatornow.com/how-to-calculate-average-overdue-days/
// $1,000 at 10 days, $2,500 at 5 days, $500 at 0 days: the page weights by
// all open invoices, 22,500 / 4,000 = 5.625. The ADD variant weights only
// the overdue items: 22,500 / 3,500.
TEST_CASE("amount-weighted days delinquent leaves items not yet past due out of the weights") {
  const std::vector<std::int64_t> amounts{100'000, 250'000, 50'000};
  const std::vector<std::int32_t> past_due{10, 5, 0};
  CHECK(huikuan::average_days_delinquent_amount_weighted(amounts, past_due) == Approx(22'500.0 / 3'500.0));
  CHECK(huikuan::average_days_delinquent_amount_weighted(amounts, past_due) != Approx(5.625));
}

TEST_CASE("amount-weighted days delinquent is zero without overdue items") {
  const std::vector<std::int64_t> none;
  const std::vector<std::int32_t> no_days;
  CHECK(huikuan::average_days_delinquent_amount_weighted(none, no_days) == 0.0);
  const std::vector<std::int64_t> amounts{500, 0, 700};
  const std::vector<std::int32_t> not_yet_due{0, 12, -3};  // the 12-day item is settled (0 open)
  CHECK(huikuan::average_days_delinquent_amount_weighted(amounts, not_yet_due) == 0.0);
}

TEST_CASE("amount-weighted days delinquent sums exactly beyond the int64 range") {
  const std::vector<std::int64_t> amounts{int64_max, int64_max};
  const std::vector<std::int32_t> past_due{1, 3};
  CHECK(huikuan::average_days_delinquent_amount_weighted(amounts, past_due) == 2.0);
}

TEST_CASE("amount-weighted days delinquent rejects mismatched columns and negative open amounts") {
  const std::vector<std::int64_t> amounts{100, -40, 60};
  const std::vector<std::int32_t> past_due{5, 6, 7};
  CHECK_THROWS_WITH(huikuan::average_days_delinquent_amount_weighted(amounts, std::span(past_due).first(1)),
                    "[huikuan.kpi.5] open_amounts has 3 elements but days_past_due has 1; they must be the same "
                    "length");
  const auto e = thrown_input_error([&] { (void)huikuan::average_days_delinquent_amount_weighted(amounts, past_due); });
  CHECK(std::string(e.what()) == "[huikuan.kpi.3] open_amounts[1] is -40 minor units; it must not be negative");
  CHECK(e.field() == "open_amounts[1]");
}

// ------------------------------------------------ collection effectiveness index

// http://www.creditguru.com/index.php/collection-management/collection-metrics/collection-effectiveness-index-cei
// Jan-Mar, N = 3 months, credit sales 10,890 (monthly credit sales =
// credit sales / N), beginning receivables 6,200, ending total 6,340,
// ending current 3,590: "CEI = 55.9%".
TEST_CASE("CEI with monthly-average sales is 55.9 on Credit Guru's January to March aging") {
  CHECK(huikuan::collection_effectiveness_index_monthly_average(units(6'200), units(10'890), units(6'340),
                                                                units(3'590), 3) == Approx(55.9).margin(0.05));
}

// https://wizedu.com/questions/116374/sales-on-credit-terms-ar-balance-current-31-60-61
// The same aging with the quarter's whole credit sales: (6200 + 10890 -
// 6340) / (6200 + 10890 - 3590) = 10750 / 13500 = 79.63%.
TEST_CASE("CEI with the period's total sales is 79.63 on the same aging, far from the monthly-average 55.9") {
  const double period = huikuan::collection_effectiveness_index_period(units(6'200), units(10'890), units(6'340),
                                                                        units(3'590));
  CHECK(period == Approx(79.63).margin(0.005));
  CHECK(period == Approx(10'750.0 / 13'500.0 * 100.0));
  const double monthly = huikuan::collection_effectiveness_index_monthly_average(units(6'200), units(10'890),
                                                                                 units(6'340), units(3'590), 3);
  CHECK(period - monthly > 23.0);
}

// https://gaviti.com/glossary/collection-effectiveness-index-cei/ (also https://gaviti.com/?p=3708)
// $100,000 beginning receivables, $1 million of credit sales over 12
// months, $120,000 closing, $100,000 of it current: printed as
// "($100,000 + $1 million - $120,000) / ($100,000 + $1 million - $100,000)
// x 100 = (980,000 / 1,[000,000])", i.e. 98.
TEST_CASE("CEI over a year with the year's sales is 98 in Gaviti's example") {
  CHECK(huikuan::collection_effectiveness_index_period(units(100'000), units(1'000'000), units(120'000),
                                                       units(100'000)) == 98.0);
}

TEST_CASE("CEI with monthly-average sales over one month equals the period convention") {
  const double period = huikuan::collection_effectiveness_index_period(units(6'200), units(3'390), units(6'000),
                                                                        units(3'560));
  CHECK(huikuan::collection_effectiveness_index_monthly_average(units(6'200), units(3'390), units(6'000),
                                                                units(3'560), 1) == period);
}

TEST_CASE("CEI is 100 when everything still open is current, and negative when receivables outgrew the sales") {
  CHECK(huikuan::collection_effectiveness_index_period(units(500), units(1'000), units(400), units(400)) == 100.0);
  CHECK(huikuan::collection_effectiveness_index_period(units(0), units(100), units(150), units(0)) == -50.0);
}

TEST_CASE("CEI with monthly-average sales is exact where sales do not divide by the months") {
  // (3 x 0 + 1 - 3 x 0) / (3 x 0 + 1 - 3 x 0) with 1 minor unit over 3
  // months: a rounded monthly figure of 0 would make it undefined.
  CHECK(huikuan::collection_effectiveness_index_monthly_average(minor(0), minor(1), minor(0), minor(0), 3) == 100.0);
  // (2 + 1/3 - 2) / (2 + 1/3 - 0) = 1/7.
  CHECK(huikuan::collection_effectiveness_index_monthly_average(minor(2), minor(1), minor(2), minor(0), 3) ==
        Approx(100.0 / 7.0));
}

TEST_CASE("CEI rejects negative amounts, a current part above the total, nothing to collect and no months") {
  CHECK_THROWS_WITH(huikuan::collection_effectiveness_index_period(minor(-1), units(1), units(1), units(0)),
                    "[huikuan.kpi.3] opening_receivables is -1 minor units; it must not be negative");
  CHECK_THROWS_WITH(huikuan::collection_effectiveness_index_period(units(1), minor(-2), units(1), units(0)),
                    "[huikuan.kpi.3] credit_sales is -2 minor units; it must not be negative");
  CHECK_THROWS_WITH(huikuan::collection_effectiveness_index_period(units(1), units(1), minor(-3), units(0)),
                    "[huikuan.kpi.3] closing_total_receivables is -3 minor units; it must not be negative");
  CHECK_THROWS_WITH(huikuan::collection_effectiveness_index_period(units(1), units(1), units(1), minor(-4)),
                    "[huikuan.kpi.3] closing_current_receivables is -4 minor units; it must not be negative");
  CHECK_THROWS_WITH(huikuan::collection_effectiveness_index_period(units(1), units(1), minor(400), minor(500)),
                    "[huikuan.kpi.9] closing_current_receivables 500 minor units exceed closing_total_receivables "
                    "400 minor units; the current part cannot exceed the total");
  CHECK_THROWS_WITH(huikuan::collection_effectiveness_index_period(units(0), units(0), units(0), units(0)),
                    "[huikuan.kpi.10] opening_receivables + credit_sales - closing_current_receivables is 0 minor "
                    "units; nothing was available to collect, so CEI is undefined");
  CHECK_THROWS_WITH(huikuan::collection_effectiveness_index_period(minor(100), minor(50), minor(900), minor(800)),
                    "[huikuan.kpi.10] opening_receivables + credit_sales - closing_current_receivables is -650 "
                    "minor units; nothing was available to collect, so CEI is undefined");
  CHECK_THROWS_WITH(huikuan::collection_effectiveness_index_monthly_average(minor(100), minor(60), minor(900),
                                                                            minor(800), 3),
                    "[huikuan.kpi.10] months x opening_receivables + credit_sales - months x "
                    "closing_current_receivables (months = 3) is -2040 minor units; nothing was available to "
                    "collect, so CEI is undefined");
  CHECK_THROWS_WITH(huikuan::collection_effectiveness_index_monthly_average(units(1), units(1), units(1), units(0),
                                                                            0),
                    "[huikuan.kpi.11] months is 0; it must be positive");
  CHECK_THROWS_WITH(huikuan::collection_effectiveness_index_monthly_average(units(1), units(1), units(1), units(0),
                                                                            -12),
                    "[huikuan.kpi.11] months is -12; it must be positive");
}

TEST_CASE("CEI quotes a scaled denominator beyond the int64 range exactly") {
  // 3 x (0 - int64_max) + 0 = -27670116110564327421.
  CHECK_THROWS_WITH(huikuan::collection_effectiveness_index_monthly_average(minor(0), minor(0), minor(int64_max),
                                                                            minor(int64_max), 3),
                    "[huikuan.kpi.10] months x opening_receivables + credit_sales - months x "
                    "closing_current_receivables (months = 3) is -27670116110564327421 minor units; nothing was "
                    "available to collect, so CEI is undefined");
}

// ------------------------------------------------------------- AR turnover

// https://toolslick.com/finance/company/receivables-turnover-ratio
// Beginning AR $316,000, ending $384,000, net credit sales $3,500,000:
// average AR $350,000, turnover 10.0.
TEST_CASE("accounts receivable turnover is 10.0 on 3,500,000 of sales over AR of 316,000 and 384,000") {
  CHECK(huikuan::average_accounts_receivable(units(316'000), units(384'000)) == units(350'000));
  CHECK(huikuan::accounts_receivable_turnover(units(3'500'000), units(350'000)) == 10.0);
  CHECK(huikuan::accounts_receivable_turnover(units(3'500'000), units(316'000), units(384'000)) == 10.0);
}

// https://www.gaodun.com/q/f06hd9
// Total sales $1,700,000, 6% cash, so net credit sales $1,598,000; AR
// ($168,000 + $147,000) / 2 = $157,500; turnover "10.15".
TEST_CASE("accounts receivable turnover is 10.15 on 1,598,000 of credit sales over AR of 168,000 and 147,000") {
  CHECK(huikuan::average_accounts_receivable(units(168'000), units(147'000)) == units(157'500));
  const double turnover = huikuan::accounts_receivable_turnover(units(1'598'000), units(168'000), units(147'000));
  CHECK(turnover == Approx(10.15).margin(0.005));
  CHECK(turnover == huikuan::accounts_receivable_turnover(units(1'598'000), units(157'500)));
}

// https://www.deferred.com/accounting-terms/receivable-turnover
// Net credit sales $600,000, average AR $150,000: turnover 4.
TEST_CASE("accounts receivable turnover is 4 on 600,000 of sales over an average AR of 150,000") {
  CHECK(huikuan::accounts_receivable_turnover(units(600'000), units(150'000)) == 4.0);
}

TEST_CASE("average accounts receivable rounds a half minor unit away from zero and never overflows") {
  CHECK(huikuan::average_accounts_receivable(minor(1), minor(2)) == minor(2));
  CHECK(huikuan::average_accounts_receivable(minor(-1), minor(-2)) == minor(-2));
  CHECK(huikuan::average_accounts_receivable(minor(3), minor(5)) == minor(4));
  CHECK(huikuan::average_accounts_receivable(minor(int64_max), minor(int64_max)) == minor(int64_max));
  CHECK(huikuan::average_accounts_receivable(minor(int64_min), minor(int64_min)) == minor(int64_min));
  CHECK(huikuan::average_accounts_receivable(minor(int64_max), minor(int64_min)) == minor(-1));
}

TEST_CASE("turnover from opening and closing receivables does not round the average") {
  // Average of 1 and 2 minor units is 1.5: 3 / 1.5 = 2, where the rounded
  // average of 2 would give 1.5.
  CHECK(huikuan::accounts_receivable_turnover(minor(3), minor(1), minor(2)) == 2.0);
  CHECK(huikuan::accounts_receivable_turnover(minor(3), huikuan::average_accounts_receivable(minor(1), minor(2))) ==
        1.5);
  CHECK(huikuan::accounts_receivable_turnover(minor(int64_max), minor(int64_max), minor(int64_max)) == 1.0);
}

TEST_CASE("accounts receivable turnover rejects negative sales or balances and an average that is not positive") {
  CHECK_THROWS_WITH(huikuan::accounts_receivable_turnover(minor(-10), units(5)),
                    "[huikuan.kpi.3] net_credit_sales is -10 minor units; it must not be negative");
  CHECK_THROWS_WITH(huikuan::accounts_receivable_turnover(units(10), units(0)),
                    "[huikuan.kpi.2] average_receivables is 0 minor units; it must be positive because it divides");
  CHECK_THROWS_WITH(huikuan::accounts_receivable_turnover(units(10), minor(-7)),
                    "[huikuan.kpi.2] average_receivables is -7 minor units; it must be positive because it divides");
  CHECK_THROWS_WITH(huikuan::accounts_receivable_turnover(units(10), minor(-1), units(5)),
                    "[huikuan.kpi.3] opening_receivables is -1 minor units; it must not be negative");
  CHECK_THROWS_WITH(huikuan::accounts_receivable_turnover(units(10), units(5), minor(-2)),
                    "[huikuan.kpi.3] closing_receivables is -2 minor units; it must not be negative");
  CHECK_THROWS_WITH(huikuan::accounts_receivable_turnover(units(10), units(0), units(0)),
                    "[huikuan.kpi.2] opening_receivables + closing_receivables is 0 minor units; it must be positive "
                    "because it divides");
  CHECK(huikuan::accounts_receivable_turnover(units(0), units(5), units(5)) == 0.0);
}
