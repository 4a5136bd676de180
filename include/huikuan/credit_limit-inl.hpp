// Definitions for credit_limit.hpp.
#pragma once

#include <cmath>
#include <limits>

#include "huikuan/credit_limit.hpp"
#include "huikuan/error.hpp"

namespace huikuan {

HUIKUAN_FUNC std::string_view to_string(limit_binding binding) noexcept {
  switch (binding) {
    case limit_binding::tangible_net_worth: return "tangible net worth";
    case limit_binding::working_capital: return "working capital";
    case limit_binding::monthly_purchases: return "monthly purchases";
    case limit_binding::concentration_cap: return "concentration cap";
    case limit_binding::cash_in_advance: return "cash in advance";
    case limit_binding::no_financials: return "no financials";
  }
  return "no financials";
}

HUIKUAN_FUNC void credit_policy::validate(std::size_t grades) const {
  const auto bad = [](const std::string& why) { return input_error("huikuan.limit.1", why, "credit_policy"); };
  if (grade_multiplier_bp.size() != grades)
    throw bad(std::to_string(grade_multiplier_bp.size()) + " grade multipliers for " + std::to_string(grades) + " grades");
  if (grade_terms.size() != grades)
    throw bad(std::to_string(grade_terms.size()) + " grade terms for " + std::to_string(grades) + " grades");
  for (const auto& terms : grade_terms)
    if (terms) terms->validate();
  if (!rounding_unit.is_positive()) throw bad("the rounding unit " + format_money(rounding_unit) + " is not positive");
  if (concentration_cap && concentration_cap->is_negative())
    throw bad("the concentration cap " + format_money(*concentration_cap) + " is negative");
}

namespace detail {
// amount x basis points / 10000, rounded down (toward zero for negatives is
// not needed: negative components are clamped to 0 first).
inline money share_of(money amount, std::uint32_t basis_points) {
  const int128 scaled = static_cast<int128>(amount.minor_units()) * basis_points / 10000;
  if (scaled > std::numeric_limits<std::int64_t>::max())
    throw overflow_error("huikuan.money.5", format_money(amount) + " x " + std::to_string(basis_points) +
                                                " bp leaves the int64 range of minor units");
  return money::from_minor_units(static_cast<std::int64_t>(scaled));
}
}  // namespace detail

HUIKUAN_FUNC credit_limit_recommendation recommend_credit_limit(const credit_limit_inputs& inputs, std::size_t grade,
                                                                const credit_policy& policy, std::size_t grades) {
  policy.validate(grades);
  if (grade >= grades)
    throw input_error("huikuan.limit.2", "grade " + std::to_string(grade) + " is out of range (" +
                                             std::to_string(grades) + " grades)", "grade");
  for (const money m : {inputs.collateral_after_haircut, inputs.guarantees, inputs.credit_insurance})
    if (m.is_negative())
      throw input_error("huikuan.limit.2", "security " + format_money(m) + " is negative", "security");

  credit_limit_recommendation r;
  r.terms = policy.grade_terms[grade];
  r.security = inputs.collateral_after_haircut + inputs.guarantees + inputs.credit_insurance;
  const auto clamp = [](money m) { return m.is_negative() ? money{} : m; };
  if (inputs.tangible_net_worth) r.net_worth_component = detail::share_of(clamp(*inputs.tangible_net_worth), policy.net_worth_share_bp);
  if (inputs.working_capital) r.working_capital_component = detail::share_of(clamp(*inputs.working_capital), policy.working_capital_share_bp);
  if (inputs.expected_monthly_purchases)
    r.purchases_component = detail::share_of(clamp(*inputs.expected_monthly_purchases), policy.purchases_months_bp);

  // The binding component is the smallest known one (first in this order on ties).
  r.binding = limit_binding::no_financials;
  const std::pair<const std::optional<money>*, limit_binding> components[] = {
      {&r.net_worth_component, limit_binding::tangible_net_worth},
      {&r.working_capital_component, limit_binding::working_capital},
      {&r.purchases_component, limit_binding::monthly_purchases}};
  bool any = false;
  for (const auto& [component, binding] : components) {
    if (!*component) continue;
    if (!any || **component < r.unsecured_base) {
      r.unsecured_base = **component;
      r.binding = binding;
      any = true;
    }
  }
  if (!r.terms) {
    r.binding = limit_binding::cash_in_advance;
    r.limit = money{};
    return r;
  }
  r.unsecured = detail::share_of(r.unsecured_base, policy.grade_multiplier_bp[grade]);
  money limit = r.unsecured + r.security;
  if (policy.concentration_cap && limit > *policy.concentration_cap) {
    limit = *policy.concentration_cap;
    r.binding = limit_binding::concentration_cap;
  }
  const std::int64_t unit = policy.rounding_unit.minor_units();
  r.limit = money::from_minor_units(limit.minor_units() / unit * unit);
  return r;
}

HUIKUAN_FUNC double collateral_coverage(money security, money exposure) {
  if (security.is_negative() || exposure.is_negative())
    throw input_error("huikuan.limit.3", "collateral coverage needs non-negative amounts (security " +
                                             format_money(security) + ", exposure " + format_money(exposure) + ")");
  if (exposure.is_zero()) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(security.minor_units()) / static_cast<double>(exposure.minor_units());
}

HUIKUAN_FUNC money collateral_after_haircut(money value, double haircut) {
  if (value.is_negative() || !(haircut >= 0 && haircut <= 1))
    throw input_error("huikuan.limit.3", "collateral " + format_money(value) + " with haircut " +
                                             std::to_string(haircut) + ": the value must be >= 0 and the haircut in 0..1");
  // Exact for haircuts given to 1e-6: work in millionths.
  const auto kept_millionths = static_cast<std::int64_t>(std::llround((1.0 - haircut) * 1'000'000.0));
  const detail::int128 kept = static_cast<detail::int128>(value.minor_units()) * kept_millionths / 1'000'000;
  return money::from_minor_units(static_cast<std::int64_t>(kept));
}

}  // namespace huikuan
