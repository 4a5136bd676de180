// Definitions for scorecard.hpp.
#pragma once

#include <cmath>
#include <limits>
#include <set>

#include "huikuan/error.hpp"
#include "huikuan/scorecard.hpp"

HUIKUAN_EXACT_FLOAT_BEGIN  // config.hpp: no fused multiply-add in this file

namespace huikuan {

HUIKUAN_FUNC std::string_view to_string(c_dimension c) noexcept {
  switch (c) {
    case c_dimension::character: return "character";
    case c_dimension::capacity: return "capacity";
    case c_dimension::capital: return "capital";
    case c_dimension::collateral: return "collateral";
    case c_dimension::conditions: return "conditions";
  }
  return "character";
}

HUIKUAN_FUNC c_dimension parse_c_dimension(std::string_view text) {
  for (std::size_t c = 0; c < c_dimension_count; ++c)
    if (to_string(static_cast<c_dimension>(c)) == text) return static_cast<c_dimension>(c);
  throw input_error("huikuan.scorecard.1",
                    "\"" + std::string(text) + "\" is not one of character, capacity, capital, collateral, conditions",
                    "dimension");
}

namespace detail {
inline indicator make_indicator(std::string code, std::string name, c_dimension c, direction better, curve_kind kind,
                                std::vector<double> x, std::vector<double> points, double weight, std::string unit,
                                std::string reason_en, std::string reason_zh) {
  indicator i;
  i.code = std::move(code);
  i.name = std::move(name);
  i.dimension = c;
  i.better = better;
  i.curve = {kind, std::move(x), std::move(points), false};
  i.weight = weight;
  i.unit = std::move(unit);
  i.reason_en = std::move(reason_en);
  i.reason_zh = std::move(reason_zh);
  return i;
}
}  // namespace detail

HUIKUAN_FUNC scorecard scorecard::standard() {
  using enum c_dimension;
  constexpr auto better = direction::higher_is_better;
  constexpr auto worse = direction::higher_is_worse;
  constexpr auto linear = curve_kind::piecewise_linear;
  constexpr auto bins = curve_kind::bins;
  scorecard s;
  auto& v = s.indicators;
  // Character (30%): the payment record in our own ledger, the best
  // evidence of willingness to pay.
  v.push_back(detail::make_indicator("days_beyond_terms", "amount-weighted days beyond terms", character, worse, linear,
                                     {0, 5, 15, 30, 60, 90}, {100, 90, 70, 45, 20, 0}, 0.30, "days",
                                     "pays late: many days beyond terms", "付款拖延：超期天数多"));
  v.push_back(detail::make_indicator("share_paid_on_time", "share of the paid amount paid on time", character, better,
                                     linear, {0, 0.5, 0.8, 0.95}, {0, 40, 75, 100}, 0.20, "share",
                                     "little of what it pays arrives on time", "按时付款比例低"));
  v.push_back(detail::make_indicator("promises_kept_ratio", "promises to pay kept", character, better, linear,
                                     {0, 0.5, 0.8, 1}, {0, 40, 75, 100}, 0.15, "share", "breaks promises to pay",
                                     "不守付款承诺"));
  v.push_back(detail::make_indicator("bounced_cheques_12m", "bounced cheques in the last 12 months", character, worse,
                                     bins, {1, 2, 3}, {100, 50, 20, 0}, 0.15, "count", "bounced cheques",
                                     "有跳票记录"));
  v.push_back(detail::make_indicator("relationship_years", "years of trading relationship", character, better, linear,
                                     {0, 1, 3, 5}, {20, 50, 80, 100}, 0.10, "years", "short trading relationship",
                                     "合作时间短"));
  v.push_back(detail::make_indicator("legal_events", "legal events (suits, judgments, enforcement)", character, worse,
                                     bins, {1, 2}, {100, 30, 0}, 0.10, "count", "legal events on record",
                                     "有诉讼或执行记录"));
  // Capacity (25%): the ability to pay out of current resources.
  v.push_back(detail::make_indicator("current_ratio", "current ratio", capacity, better, linear, {0.5, 1.0, 1.5, 2.0},
                                     {0, 40, 75, 100}, 0.30, "ratio", "weak current ratio", "流动比率低"));
  v.push_back(detail::make_indicator("quick_ratio", "quick ratio", capacity, better, linear, {0.3, 0.7, 1.0, 1.5},
                                     {0, 40, 75, 100}, 0.25, "ratio", "weak quick ratio", "速动比率低"));
  v.push_back(detail::make_indicator("interest_coverage", "interest coverage (EBIT / interest)", capacity, better,
                                     linear, {0, 1.5, 3, 6}, {0, 40, 75, 100}, 0.25, "ratio",
                                     "earnings barely cover interest", "利息保障倍数低"));
  v.push_back(detail::make_indicator("operating_cash_flow_ratio", "operating cash flow / current liabilities",
                                     capacity, better, linear, {-0.2, 0, 0.2, 0.4}, {0, 30, 70, 100}, 0.20, "ratio",
                                     "operating cash flow is weak against short-term debts", "经营现金流不足以覆盖流动负债"));
  // Capital (20%): the cushion of equity behind the debts.
  v.push_back(detail::make_indicator("equity_ratio", "equity / total assets", capital, better, linear,
                                     {0, 0.2, 0.4, 0.6}, {0, 40, 80, 100}, 0.40, "ratio", "thin equity",
                                     "权益比率低"));
  v.push_back(detail::make_indicator("debt_to_equity", "total debt / equity", capital, worse, linear,
                                     {0.5, 1, 2, 4}, {100, 80, 45, 0}, 0.35, "ratio", "highly leveraged",
                                     "负债权益比高"));
  v.back().min_value = 0.0;  // negative equity: give equity_ratio <= 0 and leave this missing
  v.push_back(detail::make_indicator("tangible_net_worth", "tangible net worth", capital, better, linear,
                                     {0, 1e6, 1e7, 5e7}, {0, 40, 80, 100}, 0.25, "currency units",
                                     "small tangible net worth", "有形净资产少"));
  // Collateral (10%): security against the exposure.
  v.push_back(detail::make_indicator("collateral_coverage",
                                     "(collateral after haircut + guarantees + credit insurance) / exposure",
                                     collateral, better, linear, {0, 0.25, 0.5, 1.0}, {0, 40, 70, 100}, 1.0, "ratio",
                                     "little security against the exposure", "担保覆盖不足"));
  v.back().when_missing = missing_treatment::worst;  // no collateral data: assume none
  v.back().min_value = 0.0;
  // Conditions (15%): the environment the customer pays in.
  v.push_back(detail::make_indicator("industry_risk_grade", "industry risk grade (1 best .. 5 worst)", conditions, worse,
                                     bins, {2, 3, 4, 5}, {100, 75, 50, 25, 0}, 0.40, "grade", "risky industry",
                                     "行业风险高"));
  v.back().min_value = 1.0;
  v.back().max_value = 5.0;
  v.push_back(detail::make_indicator("country_risk_grade", "country / region risk grade (1 best .. 7 worst)",
                                     conditions, worse, bins, {2, 3, 4, 5, 6, 7}, {100, 85, 70, 50, 30, 15, 0}, 0.30,
                                     "grade", "risky country or region", "国家或地区风险高"));
  v.back().min_value = 1.0;
  v.back().max_value = 7.0;
  v.push_back(detail::make_indicator("sales_trend", "year-on-year change of its purchases from us", conditions, better,
                                     linear, {-0.5, -0.1, 0, 0.2}, {0, 40, 60, 100}, 0.30, "share",
                                     "buys less and less from us (slow sell-through)", "采购量下降（销售不畅）"));
  return s;
}

namespace detail {
inline std::string number_text(double value) {
  char buffer[32];
  const int n = std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return std::string(buffer, static_cast<std::size_t>(n > 0 ? n : 0));
}

inline void validate_curve(const indicator& i) {
  const auto bad = [&](const std::string& why) {
    return input_error("huikuan.scorecard.3", "indicator " + i.code + ": " + why, i.code);
  };
  const points_curve& c = i.curve;
  const std::size_t expected_points = c.kind == curve_kind::bins ? c.x.size() + 1 : c.x.size();
  if (c.x.empty()) throw bad("the curve has no " + std::string(c.kind == curve_kind::bins ? "edges" : "points"));
  if (c.points.size() != expected_points)
    throw bad("the curve has " + std::to_string(c.x.size()) + (c.kind == curve_kind::bins ? " edges and " : " x values and ") +
              std::to_string(c.points.size()) + " points; " + std::to_string(expected_points) + " points are needed");
  for (std::size_t k = 0; k < c.x.size(); ++k) {
    if (!std::isfinite(c.x[k])) throw bad("curve x[" + std::to_string(k) + "] is not finite");
    if (k > 0 && !(c.x[k] > c.x[k - 1]))
      throw bad("curve x values must be strictly increasing: x[" + std::to_string(k - 1) + "] = " +
                number_text(c.x[k - 1]) + ", x[" + std::to_string(k) + "] = " + number_text(c.x[k]));
  }
  for (std::size_t k = 0; k < c.points.size(); ++k)
    if (!(c.points[k] >= 0 && c.points[k] <= 100))
      throw bad("curve points[" + std::to_string(k) + "] = " + number_text(c.points[k]) + " is outside 0..100");
  if (!c.allow_non_monotone) {
    for (std::size_t k = 1; k < c.points.size(); ++k) {
      const bool wrong_way = i.better == direction::higher_is_better ? c.points[k] < c.points[k - 1]
                                                                      : c.points[k] > c.points[k - 1];
      if (wrong_way)
        throw bad(std::string("the curve is not monotone for ") +
                  (i.better == direction::higher_is_better ? "higher is better" : "higher is worse") + ": points[" +
                  std::to_string(k - 1) + "] = " + number_text(c.points[k - 1]) + ", points[" + std::to_string(k) +
                  "] = " + number_text(c.points[k]) + " (set allow_non_monotone to accept it)");
    }
  }
  for (std::size_t k = 0; k < i.specials.size(); ++k) {
    const special_value& s = i.specials[k];
    if (!std::isfinite(s.value))
      throw bad("special value " + (s.label.empty() ? std::to_string(k) : s.label) + " is not finite");
    if (!(s.points >= 0 && s.points <= 100))
      throw bad("special value " + number_text(s.value) + " has points " + number_text(s.points) + " outside 0..100");
    for (std::size_t e = 0; e < k; ++e)
      if (i.specials[e].value == s.value) throw bad("special value " + number_text(s.value) + " is listed twice");
    if ((i.min_value && s.value < *i.min_value) || (i.max_value && s.value > *i.max_value))
      throw bad("special value " + number_text(s.value) + " is outside the indicator's domain");
  }
  if (!(i.neutral_points >= 0 && i.neutral_points <= 100))
    throw bad("neutral points " + number_text(i.neutral_points) + " are outside 0..100");
  if ((i.min_value && !std::isfinite(*i.min_value)) || (i.max_value && !std::isfinite(*i.max_value)))
    throw bad("domain bounds must be finite");
  if (i.min_value && i.max_value && !(*i.min_value <= *i.max_value))
    throw bad("min_value " + number_text(*i.min_value) + " is above max_value " + number_text(*i.max_value));
}
}  // namespace detail

HUIKUAN_FUNC void scorecard::validate() const {
  if (indicators.empty()) throw input_error("huikuan.scorecard.2", "the scorecard has no indicators");
  if (indicators.size() > 64)
    throw input_error("huikuan.scorecard.2",
                      "the scorecard has " + std::to_string(indicators.size()) + " indicators; at most 64 are supported");
  std::set<std::string_view> codes;
  std::array<double, c_dimension_count> sums{};
  std::array<std::size_t, c_dimension_count> counts{};
  for (const indicator& i : indicators) {
    if (i.code.empty()) throw input_error("huikuan.scorecard.2", "an indicator has an empty code");
    if (!codes.insert(i.code).second)
      throw input_error("huikuan.scorecard.2", "indicator code " + i.code + " appears twice", i.code);
    if (static_cast<std::size_t>(i.dimension) >= c_dimension_count)
      throw input_error("huikuan.scorecard.1", "indicator " + i.code + " has no valid C", i.code);
    if (!(i.weight >= 0) || !std::isfinite(i.weight))
      throw input_error("huikuan.scorecard.4", "indicator " + i.code + " has weight " + detail::number_text(i.weight) +
                                                   "; weights must be finite and >= 0", i.code);
    detail::validate_curve(i);
    sums[static_cast<std::size_t>(i.dimension)] += i.weight;
    ++counts[static_cast<std::size_t>(i.dimension)];
  }
  double c_sum = 0;
  for (std::size_t c = 0; c < c_dimension_count; ++c) {
    const std::string name(to_string(static_cast<c_dimension>(c)));
    if (!(c_weights[c] >= 0) || !std::isfinite(c_weights[c]))
      throw input_error("huikuan.scorecard.4", "the weight of " + name + " is " + detail::number_text(c_weights[c]) +
                                                   "; weights must be finite and >= 0", name);
    c_sum += c_weights[c];
    if (counts[c] == 0 && c_weights[c] > 0)
      throw input_error("huikuan.scorecard.5", name + " has weight " + detail::number_text(c_weights[c]) +
                                                   " but no indicators", name);
    if (counts[c] > 0 && std::fabs(sums[c] - 1.0) > 1e-9)
      throw input_error("huikuan.scorecard.5", "the indicator weights of " + name + " sum to " +
                                                   detail::number_text(sums[c]) + ", not 1", name);
  }
  if (std::fabs(c_sum - 1.0) > 1e-9)
    throw input_error("huikuan.scorecard.5", "the C weights sum to " + detail::number_text(c_sum) + ", not 1", "c_weights");
  if (grades.labels.empty() || grades.labels.size() > 256)
    throw input_error("huikuan.scorecard.6", std::to_string(grades.labels.size()) +
                                                 " grade labels: 1 to 256 are needed", "grades");
  if (grades.labels.size() != grades.min_scores.size() + 1)
    throw input_error("huikuan.scorecard.6", std::to_string(grades.labels.size()) + " grade labels need " +
                                                 std::to_string(grades.labels.size() - 1) + " cut-offs, not " +
                                                 std::to_string(grades.min_scores.size()), "grades");
  for (std::size_t k = 0; k < grades.min_scores.size(); ++k) {
    if (!std::isfinite(grades.min_scores[k]) || (k > 0 && !(grades.min_scores[k] < grades.min_scores[k - 1])))
      throw input_error("huikuan.scorecard.6", "grade cut-offs must be finite and strictly decreasing (cut-off " +
                                                   std::to_string(k) + " is " +
                                                   detail::number_text(grades.min_scores[k]) + ")", "grades");
  }
  if (!(scaling.base_odds > 0) || !(scaling.points_to_double_odds > 0) || !std::isfinite(scaling.base_score) ||
      !std::isfinite(scaling.base_odds) || !std::isfinite(scaling.points_to_double_odds))
    throw input_error("huikuan.scorecard.7", "PD scaling needs finite base_score, base_odds > 0 and points_to_double_odds > 0 "
                                             "(got " + detail::number_text(scaling.base_score) + ", " +
                                             detail::number_text(scaling.base_odds) + ", " +
                                             detail::number_text(scaling.points_to_double_odds) + ")", "scaling");
}

HUIKUAN_FUNC std::optional<std::size_t> scorecard::find(std::string_view code) const {
  for (std::size_t k = 0; k < indicators.size(); ++k)
    if (indicators[k].code == code) return k;
  return std::nullopt;
}

}  // namespace huikuan

HUIKUAN_EXACT_FLOAT_END
