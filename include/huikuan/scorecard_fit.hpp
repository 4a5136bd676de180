// Fitting a 5C scorecard's weights and PD scaling from labelled history
// (debtors whose indicators were known and who later did or did not
// default), by logistic regression.
//
// The method. The history is scored with the starting scorecard through
// the bulk kernel (each indicator's points and each C score); label 1 =
// defaulted, 0 = did not. Then, in this order:
//
//  1. Indicator weights (fit_indicator_weights), within each C that has at
//     least two indicators, one fit per C: logit P(default) = b_0 +
//     sum_j b_j x points_j over that C's indicators.
//  2. The history is rescored with those weights, and the C weights
//     (fit_c_weights) come from one fit: logit P(default) = b_0 +
//     sum_c b_c x C score_c over the five Cs.
//  3. The history is rescored with the new weights, and the PD scaling
//     (calibrate_pd) comes from logit P(default) = a + b x total score.
//
// Weights from coefficients. Points and C scores are all on the same
// 0..100 scale, so their coefficients are comparable, and a higher score
// must LOWER the odds of default: a useful column has a negative
// coefficient. Each weight is proportional to minus its coefficient,
// normalised to sum to 1 (within the C for indicator weights, across the
// Cs for C weights). A coefficient >= 0 ("the wrong sign") gets weight 0
// and a note; the fit is not repeated without it. Since the fitted total
// is sum_c w_c x C score_c with w_c = -b_c / sum_k (-b_k), step 2's linear
// predictor is b_0 - (sum_k -b_k) x total whenever no weight was zeroed,
// and step 3 then only re-expresses step 2 on the scorecard's scale.
//
// Left out. A column that is constant over the history (and, at the C
// level, a C with no indicators) is left out of the fit with weight 0 and
// a note; a C whose indicators are all constant keeps its starting
// indicator weights (note). When every C score is constant the history
// says nothing about the C weights: [huikuan.fit.23].
//
// Calibration. The fit logit P(default) = a + b x score needs b < 0. The
// scaling keeps start.scaling.base_score and sets
//     points_to_double_odds = ln 2 / (-b),
//     base_odds             = exp(-(a + b x base_score)),
// so that the scorecard's PD, 1 / (1 + base_odds x 2^((score - base_score)
// / PDO)), equals the fitted 1 / (1 + exp(-(a + b x score))). The fitted
// PDs average to the history's default rate, to rounding
// (calibration-in-the-large), whatever l2_penalty is: the intercept is
// never penalised.
//
// The per-C indicator fits leave out the other Cs, which in a logistic
// model shrinks every coefficient of the fit by about the same factor
// (non-collapsibility): the weights, being ratios, are little affected,
// but the per-C coefficients are not the joint model's.
//
// Errors (input_error; ids never change meaning):
//   [huikuan.fit.20] every coefficient of a level has the wrong sign
//                    (field: "c_weights", or the C's name for its indicators)
//   [huikuan.fit.21] the calibration slope b is >= 0 (field: "scaling")
//   [huikuan.fit.22] defaulted and the history differ in length
//                    (field: "defaulted")
//   [huikuan.fit.23] the C weights are to be fitted but no C score varies
//                    over the history (field: "c_weights")
// and, unchanged, those of scoring_model (the starting scorecard's
// validation [huikuan.scorecard.N]; the history's columns and values
// [huikuan.score.1] .. [huikuan.score.4]) and of fit_logistic ([huikuan.fit.3]
// a label other than 0 or 1, [huikuan.fit.4] one class only, [huikuan.fit.5]
// too few debtors, [huikuan.fit.6] a bad l2_penalty, [huikuan.fit.7]
// linearly dependent columns, [huikuan.fit.8] / [huikuan.fit.9] separation;
// their field names the column by indicator code, C name or "total_score",
// and labels are called "labels" there). When no fit is asked for, bad or
// one-class labels are reported by measure_discrimination
// ([huikuan.diagnostics.3] / [huikuan.diagnostics.4]).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "huikuan/config.hpp"
#include "huikuan/diagnostics.hpp"
#include "huikuan/logistic.hpp"
#include "huikuan/scorecard.hpp"
#include "huikuan/scoring.hpp"

namespace huikuan {

/// What fit_scorecard fits. The default fits the C weights and the PD
/// scaling and keeps the indicator weights.
struct scorecard_fit_options {
  /// Fit the five C weights from the C scores (step 2).
  bool fit_c_weights = true;
  /// Fit the indicator weights within each C with >= 2 indicators from
  /// their points (step 1).
  bool fit_indicator_weights = false;
  /// Fit the PD scaling from a logistic fit of default on the total score
  /// (step 3); otherwise start.scaling is kept.
  bool calibrate_pd = true;
  /// L2 penalty lambda >= 0 passed to every fit_logistic call (see
  /// logistic_options::l2_penalty; in units of the summed log-likelihood,
  /// on coefficients per point of score). 0: maximum likelihood.
  double l2_penalty = 0.0;
};

/// A fitted scorecard with the fits behind it.
struct scorecard_fit_result {
  /// The starting scorecard with the fitted weights and scaling; validated.
  scorecard fitted{};
  /// default ~ C scores (step 2): the intercept, then one coefficient per
  /// C that was fitted, named by the C ("character", ...). nullopt when
  /// fit_c_weights is off.
  std::optional<logistic_fit> c_level{};
  /// Per C, default ~ its indicators' points (step 1): the intercept, then
  /// one coefficient per non-constant indicator, named by its code.
  /// nullopt for a C not fitted (option off, fewer than 2 indicators, or
  /// every indicator constant).
  std::array<std::optional<logistic_fit>, c_dimension_count> indicator_level{};
  /// default ~ total score (step 3), column "total_score"; nullopt when
  /// calibrate_pd is off.
  std::optional<logistic_fit> calibration{};
  /// AUC, Gini and KS on the history with the scorecard's PD as the risk
  /// score: the starting scorecard's and the fitted one's.
  discrimination before{}, after{};
  /// Every decision that was not a plain fit, in the order taken, e.g.
  /// "capital: coefficient +0.0123 has the wrong sign; weight set to 0".
  std::vector<std::string> notes{};
};

/// Fits the weights and the PD scaling of `start` to `history` (indicator
/// values of N debtors, one column per indicator of `start` in its order,
/// NaN = missing, treated as the scorecard says) and `defaulted` (N labels:
/// 1 = defaulted, 0 = did not), by the method in the header comment.
/// Untouched parts (indicators, curves, grades, base_score, and whatever
/// the options leave out) are copied from `start`.
///
/// Example (tests/test_scorecard_fit.cpp): 100 000 debtors whose defaults
/// follow logit P(default) = 2.8 - 0.06 x Character - 0.04 x Capacity,
/// scored from equal C weights, fit to C weights 0.589, 0.402, 0, 0.008,
/// 0.002 (truth 0.6, 0.4, 0, 0, 0; Capital's coefficient came out +6e-5,
/// so it gets 0 and a note), points_to_double_odds 6.86 and base_odds
/// 9.03 at 50 (truth 6.93 and 9.03); AUC 0.685 before, 0.822 after.
///
///     const scorecard_fit_result r = fit_scorecard(start, history, defaulted);
///     for (const std::string& note : r.notes) std::cout << note << '\n';
///     const scoring_model model(r.fitted);
///
/// Throws input_error [huikuan.fit.20] .. [huikuan.fit.23] and those of
/// scoring_model and fit_logistic (see the header comment).
/// Complexity: up to four bulk scorings, O(N x (M + knots)) each, and
/// logistic fits of O(N x p^2) per Newton iteration, p = 1 + the columns
/// of the fit (at most 6 for the C level, one more than a C's indicators
/// for the indicator level, 2 for the calibration); memory about
/// N x (M + 14) doubles plus each fit's working copies. Single-threaded and
/// deterministic: the same input gives the same output bit for bit.
[[nodiscard]] HUIKUAN_FUNC scorecard_fit_result fit_scorecard(const scorecard& start,
                                                            const indicator_columns& history,
                                                            std::span<const std::uint8_t> defaulted,
                                                            const scorecard_fit_options& options = {});

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/scorecard_fit-inl.hpp"
#endif
