// Recommended credit limits and payment terms by grade, from published
// rules of thumb (DOMAIN.md "Credit-limit practice"):
//
//   unsecured base = the smallest of the components the customer has data for
//       net worth share       x tangible net worth          (default 10%)
//       working capital share x working capital             (default 10%)
//       purchases months      x expected monthly purchases  (default 1 month)
//   unsecured      = base x the grade's multiplier          (A 150% .. D 50%, E 0%)
//   limit          = unsecured + collateral after haircut + guarantees + credit insurance,
//                    capped by the seller's concentration cap, rounded down to a unit
//
// The result names the binding component. A grade without terms (E by
// default) trades cash in advance: limit 0. No component known means no
// unsecured credit ("no financials"), though security still counts.
// All arithmetic is exact on minor units (shares in basis points, 128-bit
// intermediates, results rounded down).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "huikuan/config.hpp"
#include "huikuan/money.hpp"
#include "huikuan/terms.hpp"

namespace huikuan {

/// The credit policy: limit components, grade multipliers and terms.
struct credit_policy {
  std::uint32_t net_worth_share_bp = 1000;        ///< of tangible net worth, basis points
  std::uint32_t working_capital_share_bp = 1000;  ///< of working capital, basis points
  std::uint32_t purchases_months_bp = 10000;      ///< months of expected purchases, basis points of a month
  /// Unsecured multiplier per grade (basis points), in the scorecard's grade
  /// order: A 150%, B 120%, C 100%, D 50%, E 0%.
  std::vector<std::uint32_t> grade_multiplier_bp{15000, 12000, 10000, 5000, 0};
  /// Terms per grade; nullopt = cash in advance. NET 60/45/30/15, E cash.
  std::vector<std::optional<payment_terms>> grade_terms{payment_terms{terms_kind::net, 60}, payment_terms{terms_kind::net, 45},
                                                        payment_terms{terms_kind::net, 30}, payment_terms{terms_kind::net, 15},
                                                        std::nullopt};
  /// The seller's own cap on any one customer (concentration), if any.
  std::optional<money> concentration_cap{};
  /// Limits are rounded down to a multiple of this (default 100.00).
  money rounding_unit = money::from_minor_units(10000);

  /// Checks sizes against `grades` labels, terms ranges and a positive
  /// rounding unit. Throws input_error [huikuan.limit.1].
  HUIKUAN_FUNC void validate(std::size_t grades) const;
};

/// What is known of a customer for its limit; nullopt = unknown.
struct credit_limit_inputs {
  std::optional<money> tangible_net_worth{};
  std::optional<money> working_capital{};
  std::optional<money> expected_monthly_purchases{};
  money collateral_after_haircut{};
  money guarantees{};
  money credit_insurance{};
};

/// Which rule set the limit.
enum class limit_binding : std::uint8_t {
  tangible_net_worth,
  working_capital,
  monthly_purchases,
  concentration_cap,
  cash_in_advance,  ///< the grade has no terms
  no_financials     ///< no component known: security only
};

/// "tangible net worth", "working capital", "monthly purchases",
/// "concentration cap", "cash in advance", "no financials".
HUIKUAN_FUNC std::string_view to_string(limit_binding binding) noexcept;

/// A recommendation with its workings.
struct credit_limit_recommendation {
  money limit;
  limit_binding binding = limit_binding::no_financials;
  std::optional<payment_terms> terms;  ///< nullopt: cash in advance
  money unsecured_base;   ///< the binding component's amount (0 if none)
  money unsecured;        ///< after the grade multiplier
  money security;         ///< collateral after haircut + guarantees + insurance
  std::optional<money> net_worth_component, working_capital_component, purchases_component;
};

/// Recommends a limit and terms for a customer of grade `grade` (an index
/// into the scorecard's grade labels). Negative net worth or working
/// capital make that component 0 (and binding). Throws input_error
/// [huikuan.limit.1] for a policy that does not fit `grades` grades,
/// [huikuan.limit.2] for a grade out of range or negative security,
/// overflow_error if the limit leaves the int64 range.
HUIKUAN_FUNC credit_limit_recommendation recommend_credit_limit(const credit_limit_inputs& inputs, std::size_t grade,
                                                                const credit_policy& policy, std::size_t grades);

/// (collateral after haircut + guarantees + credit insurance) / exposure,
/// the collateral indicator. Exposure is what is at stake (e.g. the larger
/// of the open balance and the credit limit). Returns NaN (missing) when
/// the exposure is zero: with nothing at stake coverage is undefined, and
/// the indicator's missing treatment applies. Throws input_error
/// [huikuan.limit.3] for a negative amount.
HUIKUAN_FUNC double collateral_coverage(money security, money exposure);

/// Collateral value after a haircut (share 0..1), rounded down to the
/// minor unit. Throws input_error [huikuan.limit.3] for a negative value
/// or a haircut outside 0..1.
HUIKUAN_FUNC money collateral_after_haircut(money value, double haircut);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/credit_limit-inl.hpp"
#endif
