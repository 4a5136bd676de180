// The 5C credit scorecard as data (五C评估法, seed 003): indicators grouped
// by Character, Capacity, Capital, Collateral and Conditions, each mapped to
// 0-100 points by a monotone curve; grades by score cut-offs; PD by
// standard scorecard scaling.
//
// Scores. Every indicator gives 0..100 points. A C score is the weighted
// mean of its indicators' points (weights within a C sum to 1); the total
// is the weighted sum of the five C scores (the C weights sum to 1), so
// every score is on the same 0..100 scale and a higher score is better.
//
// PD, and the one sign convention: the score grows with the odds of being
// GOOD (not defaulting), as in the standard scaling
//     score = offset + factor x ln(good:bad odds),
//     factor = PDO / ln 2,  offset = base_score - factor x ln(base_odds),
// so `base_odds` are good:bad odds at `base_score`, every `points_to_double_odds`
// points double them, and PD = 1 / (1 + odds). Default: 19:1 (PD 5%) at
// score 50, doubling every 10 points (score 70 -> 76:1, PD 1.30%; score 30
// -> 4.75:1, PD 17.4%).
//
// Missing values. NaN means "missing". Each indicator says what then
// happens: neutral points, its curve's worst points, or rejection (an
// input_error naming the debtor and the indicator). The assessment records
// every missing indicator and the treatment applied. Infinite values, and
// values outside an indicator's declared domain, are always errors.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "huikuan/config.hpp"

namespace huikuan {

/// The five Cs, in this fixed order everywhere (arrays, columns, JSON).
enum class c_dimension : std::uint8_t { character, capacity, capital, collateral, conditions };
inline constexpr std::size_t c_dimension_count = 5;

/// "character", "capacity", "capital", "collateral", "conditions".
HUIKUAN_FUNC std::string_view to_string(c_dimension c) noexcept;
/// Parses the names above. Throws input_error [huikuan.scorecard.1].
HUIKUAN_FUNC c_dimension parse_c_dimension(std::string_view text);

/// Whether more of the indicator is better or worse for the seller.
enum class direction : std::uint8_t { higher_is_better, higher_is_worse };

/// What a missing (NaN) value scores.
enum class missing_treatment : std::uint8_t {
  neutral,  ///< the indicator's neutral_points (default 50)
  worst,    ///< the lowest points its curve gives
  reject    ///< an input_error naming the debtor and the indicator
};

enum class curve_kind : std::uint8_t {
  /// Points interpolated linearly between knots (x[i], points[i]); flat
  /// beyond the first and last knot.
  piecewise_linear,
  /// Bins: x holds k strictly increasing edges, points k + 1 values;
  /// bin 0 is (-inf, x[0]), bin i is [x[i-1], x[i]), bin k is [x[k-1], +inf).
  bins
};

/// A map from an indicator's value to 0..100 points.
struct points_curve {
  curve_kind kind = curve_kind::piecewise_linear;
  std::vector<double> x{};
  std::vector<double> points{};
  /// A curve whose points do not move one way with x is an error unless
  /// this is set (and the direction then only documents intent).
  bool allow_non_monotone = false;
};

/// An exact value with its own points, e.g. -1 = "no trade yet".
struct special_value {
  double value = 0;
  double points = 0;
  std::string label{};
};

/// One indicator of the scorecard.
struct indicator {
  std::string code;  ///< stable id used in reasons, JSON and CSV columns: "days_beyond_terms"
  std::string name;  ///< human name: "amount-weighted days beyond terms"
  c_dimension dimension = c_dimension::character;
  direction better = direction::higher_is_better;
  points_curve curve{};
  double weight = 0;  ///< weight within its C, >= 0; a C's weights sum to 1
  missing_treatment when_missing = missing_treatment::neutral;
  double neutral_points = 50;
  std::vector<special_value> specials{};
  /// Values below / above are input errors (e.g. a ratio that cannot be negative).
  std::optional<double> min_value{};
  std::optional<double> max_value{};
  std::string reason_en{};  ///< why it costs points, e.g. "pays late: many days beyond terms"
  std::string reason_zh{};  ///< the same in Chinese, e.g. "付款拖延：超期天数多"
  std::string unit{};       ///< "days", "ratio", "share", "count", "years", "currency units", "grade"
};

/// Grades by score cut-offs: labels[i] for a score >= min_scores[i]
/// (min_scores strictly decreasing), the last label below every cut-off.
/// Default A >= 80, B >= 65, C >= 50, D >= 35, E below 35.
struct grade_scale {
  std::vector<std::string> labels{"A", "B", "C", "D", "E"};
  std::vector<double> min_scores{80, 65, 50, 35};
};

/// Scorecard scaling (see the header comment for the sign convention).
struct pd_scaling {
  double base_score = 50;
  double base_odds = 19;  ///< good:bad odds at base_score
  double points_to_double_odds = 10;
};

/// The whole model: indicators, C weights, grades and PD scaling.
struct scorecard {
  std::vector<indicator> indicators{};
  std::array<double, c_dimension_count> c_weights{0.30, 0.25, 0.20, 0.10, 0.15};
  grade_scale grades{};
  pd_scaling scaling{};

  /// huikuan's documented default 5C scorecard (17 indicators; README
  /// "The 5C scorecard" lists each curve and weight with its rationale).
  HUIKUAN_FUNC static scorecard standard();

  /// Checks everything and throws input_error [huikuan.scorecard.N] naming
  /// the indicator: codes unique and non-empty, at most 64 indicators,
  /// curves (sizes, finite strictly increasing x, points in 0..100,
  /// monotone in the stated direction unless allowed), weights >= 0 and
  /// summing to 1 (within 1e-9) inside each C and across the C weights, a
  /// C with weight but no indicators, grade cut-offs, scaling > 0.
  HUIKUAN_FUNC void validate() const;

  /// Index of the indicator with this code, or nullopt.
  [[nodiscard]] HUIKUAN_FUNC std::optional<std::size_t> find(std::string_view code) const;
};

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/scorecard-inl.hpp"
#endif
