// Recommended credit limits: the binding component (smallest wins, ties in
// the documented order), grade multipliers on exact minor units, security,
// the concentration cap, cash in advance, no financials, rounding down to
// the unit; collateral coverage and haircuts; every error pinned.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "huikuan/credit_limit.hpp"
#include "huikuan/error.hpp"
#include "huikuan/money.hpp"
#include "huikuan/terms.hpp"
#include "ledger_generator.hpp"

using namespace huikuan;
using huikuan_test::minor;

namespace {

constexpr std::size_t grade_a = 0, grade_b = 1, grade_c = 2, grade_d = 3, grade_e = 4, grades = 5;

credit_limit_inputs all_components(std::int64_t net_worth, std::int64_t working_capital, std::int64_t purchases) {
  credit_limit_inputs in;
  in.tangible_net_worth = minor(net_worth);
  in.working_capital = minor(working_capital);
  in.expected_monthly_purchases = minor(purchases);
  return in;
}

credit_limit_inputs purchases_only(std::int64_t purchases) {
  credit_limit_inputs in;
  in.expected_monthly_purchases = minor(purchases);
  return in;
}

}  // namespace

TEST_CASE("a worked example: purchases bind, grade B takes 120%, security is added and the limit rounds down",
          "[credit_limit]") {
  // net worth 5,000,000.00 x 10% = 500,000.00; working capital 3,000,000.00
  // x 10% = 300,000.00; one month of purchases = 250,000.00 (smallest: binds).
  // Unsecured 250,000.00 x 120% = 300,000.00. Security 20,000.00 + 10,000.00
  // + 5,050.50 = 35,050.50. Limit 335,050.50 rounded down to 100.00: 335,000.00.
  credit_limit_inputs in = all_components(500'000'000, 300'000'000, 25'000'000);
  in.collateral_after_haircut = minor(2'000'000);
  in.guarantees = minor(1'000'000);
  in.credit_insurance = minor(505'050);
  const credit_limit_recommendation r = recommend_credit_limit(in, grade_b, credit_policy{}, grades);
  CHECK(r.net_worth_component == minor(50'000'000));
  CHECK(r.working_capital_component == minor(30'000'000));
  CHECK(r.purchases_component == minor(25'000'000));
  CHECK(r.binding == limit_binding::monthly_purchases);
  CHECK(r.unsecured_base == minor(25'000'000));
  CHECK(r.unsecured == minor(30'000'000));
  CHECK(r.security == minor(3'505'050));
  CHECK(r.limit == minor(33'500'000));
  REQUIRE(r.terms.has_value());
  CHECK(r.terms->to_string() == "NET 45");
}

TEST_CASE("the smallest component binds", "[credit_limit]") {
  const credit_policy policy;
  SECTION("tangible net worth") {
    const auto r = recommend_credit_limit(all_components(100'000'000, 300'000'000, 50'000'000), grade_c, policy, grades);
    CHECK(r.binding == limit_binding::tangible_net_worth);
    CHECK(r.unsecured_base == minor(10'000'000));
    CHECK(r.limit == minor(10'000'000));
  }
  SECTION("working capital") {
    const auto r = recommend_credit_limit(all_components(300'000'000, 100'000'000, 50'000'000), grade_c, policy, grades);
    CHECK(r.binding == limit_binding::working_capital);
    CHECK(r.unsecured_base == minor(10'000'000));
  }
  SECTION("monthly purchases") {
    const auto r = recommend_credit_limit(all_components(300'000'000, 300'000'000, 5'000'000), grade_c, policy, grades);
    CHECK(r.binding == limit_binding::monthly_purchases);
    CHECK(r.unsecured_base == minor(5'000'000));
  }
  SECTION("only the known components take part") {
    credit_limit_inputs in;
    in.working_capital = minor(900'000'000);
    const auto r = recommend_credit_limit(in, grade_c, policy, grades);
    CHECK(r.binding == limit_binding::working_capital);
    CHECK_FALSE(r.net_worth_component.has_value());
    CHECK_FALSE(r.purchases_component.has_value());
    CHECK(r.unsecured_base == minor(90'000'000));
  }
}

TEST_CASE("ties bind in the documented order: net worth, then working capital, then purchases", "[credit_limit]") {
  const credit_policy policy;
  // All three are 100,000.00.
  CHECK(recommend_credit_limit(all_components(100'000'000, 100'000'000, 10'000'000), grade_c, policy, grades).binding ==
        limit_binding::tangible_net_worth);
  credit_limit_inputs in;
  in.working_capital = minor(100'000'000);
  in.expected_monthly_purchases = minor(10'000'000);
  CHECK(recommend_credit_limit(in, grade_c, policy, grades).binding == limit_binding::working_capital);
}

TEST_CASE("negative net worth or working capital count as 0 and bind", "[credit_limit]") {
  const credit_policy policy;
  credit_limit_inputs in = all_components(-500, 300'000'000, 5'000'000);
  in.guarantees = minor(1'234'567);
  auto r = recommend_credit_limit(in, grade_a, policy, grades);
  CHECK(r.net_worth_component == minor(0));
  CHECK(r.binding == limit_binding::tangible_net_worth);
  CHECK(r.unsecured_base == minor(0));
  CHECK(r.unsecured == minor(0));
  CHECK(r.limit == minor(1'230'000));  // security 12,345.67 only, rounded down

  r = recommend_credit_limit(all_components(300'000'000, -74'212'538, 5'000'000), grade_a, policy, grades);
  CHECK(r.working_capital_component == minor(0));
  CHECK(r.binding == limit_binding::working_capital);
  CHECK(r.limit == minor(0));
}

TEST_CASE("grade multipliers apply to exact minor units and the limit rounds down to 100.00", "[credit_limit]") {
  const credit_policy policy;
  const credit_limit_inputs in = purchases_only(12'345'678);  // 123,456.78
  const auto a = recommend_credit_limit(in, grade_a, policy, grades);
  CHECK(a.unsecured == minor(18'518'517));  // x 150% = 185,185.17
  CHECK(a.limit == minor(18'510'000));
  const auto b = recommend_credit_limit(in, grade_b, policy, grades);
  CHECK(b.unsecured == minor(14'814'813));  // x 120% = 148,148.136, rounded down
  CHECK(b.limit == minor(14'810'000));
  const auto c = recommend_credit_limit(in, grade_c, policy, grades);
  CHECK(c.unsecured == minor(12'345'678));
  CHECK(c.limit == minor(12'340'000));
  const auto d = recommend_credit_limit(in, grade_d, policy, grades);
  CHECK(d.unsecured == minor(6'172'839));  // x 50%
  CHECK(d.limit == minor(6'170'000));
  CHECK(a.terms->to_string() == "NET 60");
  CHECK(b.terms->to_string() == "NET 45");
  CHECK(c.terms->to_string() == "NET 30");
  CHECK(d.terms->to_string() == "NET 15");
}

TEST_CASE("a limit already on a multiple of the rounding unit is kept", "[credit_limit]") {
  const auto r = recommend_credit_limit(purchases_only(10'000'000), grade_c, credit_policy{}, grades);
  CHECK(r.limit == minor(10'000'000));
  credit_policy per_unit;
  per_unit.rounding_unit = minor(1);
  CHECK(recommend_credit_limit(purchases_only(12'345'678), grade_b, per_unit, grades).limit == minor(14'814'813));
}

TEST_CASE("the concentration cap binds when the limit would exceed it", "[credit_limit]") {
  credit_policy policy;
  policy.concentration_cap = minor(5'000'055);  // 50,000.55
  credit_limit_inputs in = purchases_only(10'000'000);
  in.collateral_after_haircut = minor(100);
  const auto capped = recommend_credit_limit(in, grade_c, policy, grades);
  CHECK(capped.binding == limit_binding::concentration_cap);
  CHECK(capped.unsecured == minor(10'000'000));  // the workings stay visible
  CHECK(capped.limit == minor(5'000'000));       // the cap, rounded down to 100.00

  const auto under = recommend_credit_limit(purchases_only(4'000'000), grade_c, policy, grades);
  CHECK(under.binding == limit_binding::monthly_purchases);
  CHECK(under.limit == minor(4'000'000));
}

TEST_CASE("grade E trades cash in advance with a limit of 0", "[credit_limit]") {
  credit_limit_inputs in = all_components(900'000'000, 900'000'000, 90'000'000);
  in.collateral_after_haircut = minor(50'000'000);
  const auto r = recommend_credit_limit(in, grade_e, credit_policy{}, grades);
  CHECK(r.binding == limit_binding::cash_in_advance);
  CHECK(r.limit == minor(0));
  CHECK_FALSE(r.terms.has_value());
  CHECK(r.security == minor(50'000'000));
}

TEST_CASE("without financials only security counts and the binding is no financials", "[credit_limit]") {
  credit_limit_inputs in;
  in.collateral_after_haircut = minor(1'000'000);
  in.credit_insurance = minor(234'567);
  const auto r = recommend_credit_limit(in, grade_a, credit_policy{}, grades);
  CHECK(r.binding == limit_binding::no_financials);
  CHECK(r.unsecured_base == minor(0));
  CHECK(r.unsecured == minor(0));
  CHECK(r.security == minor(1'234'567));
  CHECK(r.limit == minor(1'230'000));
  CHECK(recommend_credit_limit(credit_limit_inputs{}, grade_a, credit_policy{}, grades).limit == minor(0));
}

TEST_CASE("a policy that does not fit the grades is rejected with huikuan.limit.1", "[credit_limit]") {
  const credit_limit_inputs in = purchases_only(100);
  credit_policy policy;
  SECTION("multipliers") {
    policy.grade_multiplier_bp.pop_back();
    CHECK_THROWS_WITH(recommend_credit_limit(in, grade_a, policy, grades),
                      "[huikuan.limit.1] 4 grade multipliers for 5 grades");
  }
  SECTION("terms") {
    policy.grade_terms.push_back(std::nullopt);
    CHECK_THROWS_WITH(recommend_credit_limit(in, grade_a, policy, grades), "[huikuan.limit.1] 6 grade terms for 5 grades");
  }
  SECTION("terms out of range") {
    policy.grade_terms[1] = payment_terms{terms_kind::net, 4000};
    CHECK_THROWS_WITH(policy.validate(grades), "[huikuan.terms.2] NET 4000: days must be in 0..3650");
  }
  SECTION("rounding unit") {
    policy.rounding_unit = minor(0);
    CHECK_THROWS_WITH(recommend_credit_limit(in, grade_a, policy, grades),
                      "[huikuan.limit.1] the rounding unit 0.00 is not positive");
    policy.rounding_unit = minor(-100);
    CHECK_THROWS_WITH(policy.validate(grades), "[huikuan.limit.1] the rounding unit -1.00 is not positive");
  }
  SECTION("concentration cap") {
    policy.concentration_cap = minor(-1);
    CHECK_THROWS_WITH(recommend_credit_limit(in, grade_a, policy, grades),
                      "[huikuan.limit.1] the concentration cap -0.01 is negative");
  }
  SECTION("the error is an input_error naming the policy") {
    policy.grade_multiplier_bp.clear();
    try {
      policy.validate(grades);
      FAIL("no exception");
    } catch (const input_error& error) {
      CHECK(error.id() == "huikuan.limit.1");
      CHECK(error.field() == "credit_policy");
    }
  }
}

TEST_CASE("a grade out of range or negative security is rejected with huikuan.limit.2", "[credit_limit]") {
  const credit_policy policy;
  CHECK_THROWS_WITH(recommend_credit_limit(purchases_only(100), 5, policy, grades),
                    "[huikuan.limit.2] grade 5 is out of range (5 grades)");
  credit_limit_inputs in = purchases_only(100);
  in.guarantees = minor(-1);
  CHECK_THROWS_WITH(recommend_credit_limit(in, grade_a, policy, grades), "[huikuan.limit.2] security -0.01 is negative");
  in.guarantees = minor(0);
  in.collateral_after_haircut = minor(-250);
  CHECK_THROWS_AS(recommend_credit_limit(in, grade_a, policy, grades), input_error);
  in.collateral_after_haircut = minor(0);
  in.credit_insurance = minor(-100'000);
  CHECK_THROWS_WITH(recommend_credit_limit(in, grade_a, policy, grades), "[huikuan.limit.2] security -1000.00 is negative");
}

TEST_CASE("a limit beyond the int64 range of minor units throws overflow_error", "[credit_limit]") {
  credit_limit_inputs in = purchases_only(INT64_MAX);
  credit_policy policy;
  CHECK_THROWS_AS(recommend_credit_limit(in, grade_a, policy, grades), overflow_error);  // x 150%
  in = purchases_only(INT64_MAX / 2);
  in.guarantees = minor(INT64_MAX / 2 + 10);
  CHECK_THROWS_AS(recommend_credit_limit(in, grade_c, policy, grades), overflow_error);
}

TEST_CASE("collateral coverage is security over exposure, NaN when nothing is at stake", "[credit_limit]") {
  CHECK(collateral_coverage(minor(10'000), minor(40'000)) == 0.25);
  CHECK(collateral_coverage(minor(0), minor(40'000)) == 0.0);
  CHECK(collateral_coverage(minor(80'000), minor(40'000)) == 2.0);
  CHECK(std::isnan(collateral_coverage(minor(10'000), minor(0))));
  CHECK(std::isnan(collateral_coverage(minor(0), minor(0))));
  CHECK_THROWS_WITH(collateral_coverage(minor(-100), minor(500)),
                    "[huikuan.limit.3] collateral coverage needs non-negative amounts (security -1.00, exposure 5.00)");
  CHECK_THROWS_WITH(collateral_coverage(minor(100), minor(-500)),
                    "[huikuan.limit.3] collateral coverage needs non-negative amounts (security 1.00, exposure -5.00)");
}

TEST_CASE("collateral after a haircut is exact on minor units", "[credit_limit]") {
  CHECK(collateral_after_haircut(minor(100'000'000), 0.35) == minor(65'000'000));  // 1,000,000.00 -> 650,000.00
  CHECK(collateral_after_haircut(minor(28'500'000), 0.35) == minor(18'525'000));   // 285,000.00 -> 185,250.00
  CHECK(collateral_after_haircut(minor(100'000'000), 0.0) == minor(100'000'000));
  CHECK(collateral_after_haircut(minor(100'000'000), 1.0) == minor(0));
  CHECK(collateral_after_haircut(minor(1), 0.5) == minor(0));      // 0.005 rounds down
  CHECK(collateral_after_haircut(minor(333), 0.1) == minor(299));  // 2.997 rounds down
  CHECK(collateral_after_haircut(minor(INT64_MAX), 0.0) == minor(INT64_MAX));
  CHECK_THROWS_WITH(collateral_after_haircut(minor(10'000), 1.5),
                    "[huikuan.limit.3] collateral 100.00 with haircut 1.500000: the value must be >= 0 and the haircut "
                    "in 0..1");
  CHECK_THROWS_WITH(collateral_after_haircut(minor(10'000), -0.1),
                    "[huikuan.limit.3] collateral 100.00 with haircut -0.100000: the value must be >= 0 and the haircut "
                    "in 0..1");
  CHECK_THROWS_WITH(collateral_after_haircut(minor(-1), 0.2),
                    "[huikuan.limit.3] collateral -0.01 with haircut 0.200000: the value must be >= 0 and the haircut "
                    "in 0..1");
  CHECK_THROWS_AS(collateral_after_haircut(minor(10'000), std::nan("")), input_error);
}

TEST_CASE("every binding has its documented name", "[credit_limit]") {
  CHECK(to_string(limit_binding::tangible_net_worth) == "tangible net worth");
  CHECK(to_string(limit_binding::working_capital) == "working capital");
  CHECK(to_string(limit_binding::monthly_purchases) == "monthly purchases");
  CHECK(to_string(limit_binding::concentration_cap) == "concentration cap");
  CHECK(to_string(limit_binding::cash_in_advance) == "cash in advance");
  CHECK(to_string(limit_binding::no_financials) == "no financials");
}

TEST_CASE("a custom policy changes shares, months and multipliers", "[credit_limit]") {
  credit_policy policy;
  policy.net_worth_share_bp = 2500;      // 25%
  policy.working_capital_share_bp = 0;   // working capital gives nothing
  policy.purchases_months_bp = 20000;    // two months
  policy.grade_multiplier_bp = {10000, 10000, 10000, 10000, 10000};
  const auto r = recommend_credit_limit(all_components(40'000'000, 40'000'000, 6'000'000), grade_c, policy, grades);
  CHECK(r.net_worth_component == minor(10'000'000));
  CHECK(r.working_capital_component == minor(0));
  CHECK(r.purchases_component == minor(12'000'000));
  CHECK(r.binding == limit_binding::working_capital);
  CHECK(r.limit == minor(0));
}
