// Model diagnostics for credit scores: how well a score separates bad
// from good (ROC AUC, Gini, Kolmogorov-Smirnov), how much an indicator's
// bins tell them apart (weight of evidence, information value), and
// whether a population has moved since a model was built (population
// stability index).
//
// Conventions, used by every function here:
//   labels  1 = bad (the event: default, write-off, 90 days past due),
//           0 = good; the same 0/1 as fit_logistic.
//   scores  higher = riskier, as a PD or a fitted probability is. For a
//           score where higher is better (huikuan's 5C total), pass its PD
//           instead, or use 1 - roc_auc(...) and -gini(...): AUC turns into
//           1 - AUC when the order of the scores is reversed; KS does not
//           change.
//   WoE     weight of evidence = ln(%good / %bad): POSITIVE where a bin is
//           safer than the population, negative where it is riskier (the
//           convention of Siddiqi's "Credit Risk Scorecards", MATLAB's
//           creditscorecard and most scorecard texts). It matches the 5C
//           scorecard, whose score grows with ln(good:bad odds). Information
//           value, sum (%good - %bad) x WoE, is >= 0 and does not depend on
//           the convention.
//   bins    cut points c_1 < ... < c_k split the real line into k + 1 bins
//           (-inf, c_1), [c_1, c_2), ..., [c_k, +inf): a value equal to a
//           cut point belongs to the bin above it (the [a, b) edges of the
//           scorecard's curves). bin_index gives a value's bin.
//
// Errors (input_error; ids never change meaning; `field()` names the
// argument, with an index for a span element):
//   [huikuan.diagnostics.1] spans that must be parallel have different lengths
//   [huikuan.diagnostics.2] a score or indicator value that is not finite
//                           (NaN is allowed, as "missing", only where said)
//   [huikuan.diagnostics.3] a label that is not 0 or 1
//   [huikuan.diagnostics.4] no goods or no bads, so the measure is undefined
//   [huikuan.diagnostics.5] cut points that are not finite and strictly increasing
//   [huikuan.diagnostics.6] a bin count or bin weight that is negative or
//                           not finite, no bins, or a distribution whose
//                           weights sum to 0
//   [huikuan.diagnostics.7] a bin with observations on one side only when
//                           the zero-cell treatment is off (adjustment or floor 0)
//   [huikuan.diagnostics.8] an option out of range
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "huikuan/config.hpp"
#include "huikuan/error.hpp"

namespace huikuan {

// ------------------------------------------------------------ discrimination

/// The Kolmogorov-Smirnov statistic of a score and where it is reached.
struct ks_result {
  /// max over thresholds t of |F_bad(t) - F_good(t)|, with F(t) the share
  /// of that class scoring <= t; 0..1 (often quoted x 100).
  double statistic = 0.0;
  /// The lowest score t at which the maximum is reached (a score present
  /// in the data): "score <= t" is the cut-off that separates best.
  double threshold = 0.0;
};

/// AUC, Gini and KS of one score in one pass.
struct discrimination {
  double auc = 0.0;                ///< see roc_auc
  double gini = 0.0;               ///< 2 x auc - 1
  ks_result kolmogorov_smirnov{};  ///< see kolmogorov_smirnov
  std::size_t goods = 0;           ///< rows labelled 0
  std::size_t bads = 0;            ///< rows labelled 1
};

/// Area under the ROC curve: the probability that a randomly chosen bad
/// scores higher than a randomly chosen good, ties counting one half (the
/// Mann-Whitney form, equal to the trapezoidal area under the ROC curve
/// with tied scores handled by midranks):
///   AUC = (#{bad > good pairs} + 1/2 #{tied pairs}) / (bads x goods).
/// 0.5 = no discrimination, 1 = perfect. Example: scores 0.1, 0.4, 0.35,
/// 0.8 with labels 0, 0, 1, 1 -> 0.75.
/// The pair counts are exact integers (for fewer than 2^32 rows) and the
/// ratio is rounded once.
/// Throws input_error [huikuan.diagnostics.1] if the spans differ in
/// length, [huikuan.diagnostics.2] for a score that is NaN or infinite,
/// [huikuan.diagnostics.3] for a label other than 0 or 1,
/// [huikuan.diagnostics.4] if either class is absent. O(n log n) time;
/// one sort buffer of n (score, label) pairs.
[[nodiscard]] HUIKUAN_FUNC double roc_auc(std::span<const double> scores, std::span<const std::uint8_t> labels);

/// Gini coefficient (accuracy ratio, Somers' D of the score on the label):
/// 2 x roc_auc - 1, in -1..1. Example: AUC 0.75 -> 0.5. Throws and costs
/// as roc_auc.
[[nodiscard]] HUIKUAN_FUNC double gini(std::span<const double> scores, std::span<const std::uint8_t> labels);

/// Kolmogorov-Smirnov statistic: the largest gap between the cumulative
/// score distributions of bads and goods, evaluated between distinct score
/// values (tied scores move together). Example: scores 0.1, 0.4, 0.35,
/// 0.8 with labels 0, 0, 1, 1 -> 0.5 at threshold 0.1. Throws and costs as
/// roc_auc; the gaps are compared exactly in integers.
[[nodiscard]] HUIKUAN_FUNC ks_result kolmogorov_smirnov(std::span<const double> scores,
                                                        std::span<const std::uint8_t> labels);

/// roc_auc, gini and kolmogorov_smirnov from one sort. Throws and costs as
/// roc_auc.
[[nodiscard]] HUIKUAN_FUNC discrimination measure_discrimination(std::span<const double> scores,
                                                                 std::span<const std::uint8_t> labels);

// ------------------------------------------------------------------ binning

/// The bin of `value` for these cut points: the number of cut points <=
/// value, so 0 .. cut_points.size() (see the header comment). Precondition:
/// cut points strictly increasing and value not NaN (not checked here;
/// the functions below check). O(log cut points).
[[nodiscard]] HUIKUAN_FUNC std::size_t bin_index(double value, std::span<const double> cut_points) noexcept;

// -------------------------------------------------------- weight of evidence

/// What to do with a bin that has goods but no bads, or bads but no goods,
/// where WoE would be infinite.
struct woe_options {
  /// Additive (Haldane-Anscombe) adjustment: such a bin gets this many
  /// goods AND bads added before the shares are taken, and the totals
  /// grow by the same amounts so each column of shares still sums to 1
  /// (which keeps information value >= 0). Bins with both counts > 0 keep
  /// their counts; their shares move only through the slightly larger
  /// totals. 0 turns the adjustment off: such a bin is then an error
  /// [huikuan.diagnostics.7]. Must be finite and >= 0. Default 0.5.
  double zero_cell_adjustment = 0.5;
};

/// One bin of a weight-of-evidence table.
struct woe_bin {
  std::int64_t goods = 0;  ///< rows labelled 0 in the bin (as counted, unadjusted)
  std::int64_t bads = 0;   ///< rows labelled 1 in the bin (as counted, unadjusted)
  double good_share = 0.0;  ///< %good: (adjusted) goods / (adjusted) total goods
  double bad_share = 0.0;   ///< %bad
  double weight_of_evidence = 0.0;  ///< ln(good_share / bad_share)
  double information_value = 0.0;   ///< (good_share - bad_share) x weight_of_evidence, >= 0
  bool adjusted = false;   ///< whether zero_cell_adjustment was applied
};

/// Weight of evidence and information value of a binned indicator.
struct woe_table {
  std::vector<woe_bin> bins{};
  /// The indicator's information value: the sum over bins. Common reading
  /// (Siddiqi): < 0.02 not predictive, 0.02-0.1 weak, 0.1-0.3 medium,
  /// > 0.3 strong, > 0.5 suspiciously strong.
  double information_value = 0.0;
  std::int64_t goods = 0;  ///< total goods, unadjusted
  std::int64_t bads = 0;   ///< total bads, unadjusted
  std::size_t adjusted_bins = 0;  ///< bins that got the zero-cell adjustment
};

/// WoE and IV from counts per bin (goods_per_bin[k], bads_per_bin[k] in
/// bin k). WoE_k = ln(%good_k / %bad_k), IV = sum_k (%good_k - %bad_k) x
/// WoE_k, with %good_k = goods_k / total goods and %bad_k = bads_k / total
/// bads. An EMPTY bin (no goods and no bads) carries no evidence: its
/// shares, WoE and IV are 0 and it is not adjusted. A bin with goods but no
/// bads (or the reverse) gets options.zero_cell_adjustment (see
/// woe_options).
/// Example (MATLAB creditscorecard, ResStatus): goods 365, 307, 131 and
/// bads 177, 167, 53 -> WoE 0.019329, -0.095564, 0.20049; IV 0.0097738.
/// Throws input_error [huikuan.diagnostics.1] if the spans differ in
/// length, [huikuan.diagnostics.6] for no bins or a negative count,
/// [huikuan.diagnostics.4] if all goods or all bads are 0,
/// [huikuan.diagnostics.7] for a one-sided bin when the adjustment is 0,
/// [huikuan.diagnostics.8] for an adjustment that is negative or not
/// finite. O(bins).
[[nodiscard]] HUIKUAN_FUNC woe_table weight_of_evidence(std::span<const std::int64_t> goods_per_bin,
                                                       std::span<const std::int64_t> bads_per_bin,
                                                       const woe_options& options = {});

/// WoE and IV of a raw indicator: bins values[i] by the cut points (see the
/// header comment), counts goods and bads per bin, then proceeds as the
/// counts overload. The table has cut_points.size() + 2 bins: the
/// cut_points.size() + 1 intervals in order, then a LAST bin for missing
/// values (NaN), empty (WoE 0) when nothing is missing.
/// Throws input_error [huikuan.diagnostics.1] if values and labels differ
/// in length, [huikuan.diagnostics.2] for an infinite value,
/// [huikuan.diagnostics.3] for a label other than 0 or 1,
/// [huikuan.diagnostics.5] for bad cut points, then as the counts
/// overload. O(n log cut points) time, O(cut points) memory.
[[nodiscard]] HUIKUAN_FUNC woe_table weight_of_evidence(std::span<const double> values,
                                                       std::span<const std::uint8_t> labels,
                                                       std::span<const double> cut_points,
                                                       const woe_options& options = {});

// ------------------------------------------------- population stability index

/// The conventional reading of a PSI.
enum class population_shift : std::uint8_t {
  stable,       ///< PSI < 0.1: no significant change
  some_shift,   ///< 0.1 <= PSI <= 0.25: some change, investigate
  major_shift,  ///< PSI > 0.25: major shift, the model may need rebuilding
};

/// The band of a PSI value: < 0.1 stable, 0.1..0.25 (both ends included)
/// some shift, > 0.25 major shift. NaN reads as major_shift. O(1).
[[nodiscard]] HUIKUAN_FUNC population_shift classify_population_shift(double index) noexcept;

/// "stable", "some shift", "major shift".
[[nodiscard]] HUIKUAN_FUNC std::string_view to_string(population_shift shift) noexcept;

/// What to do with a bin that is empty on one side only, where the PSI
/// term would be infinite.
struct psi_options {
  /// Such a bin's zero share is replaced by this share (the usual
  /// practitioners' 0.0001) and the other shares are left as they are.
  /// 0 turns the floor off: such a bin is then an error
  /// [huikuan.diagnostics.7]. Must be finite, >= 0 and < 1. A bin empty on
  /// both sides contributes 0 and is not floored.
  double zero_share_floor = 1e-4;
};

/// One bin of a PSI table.
struct psi_bin {
  double expected_share = 0.0;  ///< baseline (development) share, after any floor
  double actual_share = 0.0;    ///< current share, after any floor
  double contribution = 0.0;    ///< (actual - expected) x ln(actual / expected), >= 0
  bool floored = false;         ///< whether zero_share_floor replaced a zero share
};

/// A population stability index with its bins and reading.
struct psi_result {
  std::vector<psi_bin> bins{};
  double index = 0.0;  ///< the PSI: sum of the contributions, >= 0
  population_shift shift = population_shift::stable;
  std::size_t floored_bins = 0;
};

/// Population stability index between a baseline distribution (the
/// development sample: "expected") and a current one ("actual") over the
/// same bins:
///   PSI = sum_k (actual_k - expected_k) x ln(actual_k / expected_k),
/// the symmetrised Kullback-Leibler (Jeffreys) divergence. Each side's
/// weights are counts or shares per bin; each side is divided by its own
/// total, so counts, percentages and rounded shares that sum to 0.999 are
/// all accepted. Example: expected shares 0.4, 0.3, 0.3 and actual 0.35,
/// 0.25, 0.4 -> PSI 0.04456, stable.
/// Throws input_error [huikuan.diagnostics.1] if the spans differ in
/// length, [huikuan.diagnostics.6] for no bins, a weight that is negative
/// or not finite, or a side whose weights sum to 0,
/// [huikuan.diagnostics.7] for a one-sided empty bin when the floor is 0,
/// [huikuan.diagnostics.8] for a bad floor. O(bins).
[[nodiscard]] HUIKUAN_FUNC psi_result population_stability_index(std::span<const double> expected_weights,
                                                                 std::span<const double> actual_weights,
                                                                 const psi_options& options = {});

/// PSI between two samples of scores binned by the same cut points (see
/// the header comment; the usual choice is the baseline's deciles):
/// counts each side per bin, then proceeds as the weights overload with
/// cut_points.size() + 1 bins.
/// Throws input_error [huikuan.diagnostics.2] for a score that is NaN or
/// infinite, [huikuan.diagnostics.5] for bad cut points,
/// [huikuan.diagnostics.6] if either sample is empty, then as the weights
/// overload. O((n_expected + n_actual) log cut points) time,
/// O(cut points) memory.
[[nodiscard]] HUIKUAN_FUNC psi_result population_stability_index_of_scores(std::span<const double> expected_scores,
                                                                          std::span<const double> actual_scores,
                                                                          std::span<const double> cut_points,
                                                                          const psi_options& options = {});

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/diagnostics-inl.hpp"
#endif
