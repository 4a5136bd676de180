// Scoring debtors with a 5C scorecard: one at a time with reasons, or a
// whole portfolio in bulk from struct-of-arrays columns.
//
// Bulk and single scoring run the same kernel, so a debtor scored alone
// gets bit-identical numbers to the same debtor scored in a portfolio, and
// any number of threads gives identical results.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "huikuan/config.hpp"
#include "huikuan/detail/cpu_features.hpp"
#include "huikuan/scorecard.hpp"

namespace huikuan {

/// Indicator values of N debtors: one column per indicator, in the
/// scorecard's indicator order, each `debtors` long. NaN means missing.
struct indicator_columns {
  std::size_t debtors = 0;
  std::vector<std::span<const double>> columns{};

  /// Views over a column-major N x M block (an Eigen::MatrixXd's data(), a
  /// Fortran-ordered numpy array): column j starts at data + j * N.
  HUIKUAN_FUNC static indicator_columns column_major(const double* data, std::size_t debtors, std::size_t indicators);
};

/// Where bulk scoring writes its results: each span is optional (empty:
/// not wanted) and otherwise `debtors` long (reasons: debtors x
/// reasons_per_debtor, row-major).
struct score_columns {
  std::span<double> total{};                 ///< 0..100
  std::span<double> pd{};                    ///< probability of default, 0..1
  std::span<std::uint8_t> grade{};           ///< index into the scorecard's grade labels
  std::array<std::span<double>, c_dimension_count> c_scores{};  ///< each 0..100
  std::span<std::uint64_t> missing_mask{};   ///< bit j set: indicator j was missing (NaN)
  /// Each indicator's points, column-major debtors x indicators (column j
  /// holds indicator j's points for every debtor).
  std::span<double> indicator_points{};
  std::span<std::uint16_t> reasons{};        ///< indicator indices, most points lost first; no_reason pads
  std::size_t reasons_per_debtor = 0;
};

inline constexpr std::uint16_t no_reason = 0xFFFF;

/// One reason an assessment lost points.
struct score_reason {
  std::string code;      ///< the indicator's code
  std::string text;      ///< English reason ("no data for <name>: scored as neutral" when missing)
  std::string text_zh;   ///< Chinese reason
  double points_lost = 0;  ///< total-score points lost against the indicator's best
  bool missing = false;
};

/// A missing indicator and how it was scored.
struct missing_indicator {
  std::string code;
  missing_treatment treatment = missing_treatment::neutral;
  double points = 0;
};

/// One debtor's assessment.
struct assessment {
  std::array<double, c_dimension_count> c_scores{};
  double total = 0;
  std::size_t grade = 0;
  std::string grade_label;
  double pd = 0;
  std::vector<double> indicator_points;
  std::vector<score_reason> reasons;
  std::vector<missing_indicator> missing;
};

namespace detail {
struct compiled_indicator {
  curve_kind kind = curve_kind::piecewise_linear;
  std::vector<double> x, points, slope;
  std::size_t dimension = 0;
  double weight = 0;        // within its C
  double total_weight = 0;  // C weight x weight: points -> total-score points
  double missing_points = 0;
  bool reject_missing = false;
  std::vector<double> special_values, special_points;
  std::vector<double> segment_low, segment_high;  // each segment's smaller and larger end points
  bool rising = false, falling = false;            // points never fall / never rise along x
  double low = 0, high = 0;  // domain
  double best_points = 0;    // the most the indicator can give
};
}  // namespace detail

/// A validated scorecard compiled for fast evaluation. Immutable and
/// thread-safe: share one model across threads.
class scoring_model {
public:
  /// Validates and compiles. Throws what scorecard::validate() throws.
  HUIKUAN_FUNC explicit scoring_model(scorecard card);

  [[nodiscard]] const scorecard& card() const noexcept { return card_; }

  /// Scores a portfolio into `out`. O(N x (M + knots)); no allocation per
  /// debtor. With threads > 1 the debtors are split into contiguous chunks
  /// (results identical to one thread).
  /// Throws input_error: [huikuan.score.4] wrong number or length of
  /// columns or outputs; for the lowest-numbered bad debtor (then its first
  /// bad indicator), naming both: [huikuan.score.1] an infinite value,
  /// [huikuan.score.2] a value outside the indicator's domain,
  /// [huikuan.score.3] a missing value under missing_treatment::reject.
  /// On a throw the outputs are partly written.
  HUIKUAN_FUNC void score(const indicator_columns& values, const score_columns& out, unsigned threads = 1) const;

  /// score() on one copy of the kernel: baseline x86-64, AVX2 or AVX-512
  /// (score() takes the widest this CPU has, detail::best_instruction_set()).
  /// Every copy gives the same bits; this is how the tests check it. Throws
  /// what score() throws, and input_error [huikuan.score.4] for a copy the
  /// CPU cannot run.
  HUIKUAN_FUNC void score_on(detail::instruction_set isa, const indicator_columns& values, const score_columns& out,
                             unsigned threads = 1) const;

  /// Assesses one debtor from its indicator values (scorecard order, NaN =
  /// missing), with the `reasons` indicators that cost the most points.
  /// Same errors as score() (debtor 0).
  [[nodiscard]] HUIKUAN_FUNC assessment assess(std::span<const double> values, std::size_t reasons = 3) const;

  /// PD at a total score under the model's scaling (the bulk kernel's own
  /// function): 1 / (1 + base_odds x 2^((score - base_score) / PDO)).
  [[nodiscard]] HUIKUAN_FUNC double pd_from_score(double total) const noexcept;
  /// The score at which the PD is `pd` (the inverse scaling), for 0 < pd < 1.
  [[nodiscard]] HUIKUAN_FUNC double score_from_pd(double pd) const;
  /// Grade index of a total score.
  [[nodiscard]] HUIKUAN_FUNC std::size_t grade_of(double total) const noexcept;

private:
  // Scores rows [begin, end) of `values` into `out`.
  HUIKUAN_FUNC void score_range(const indicator_columns& values, const score_columns& out, std::size_t begin,
                                std::size_t end, detail::instruction_set isa) const;
  [[noreturn]] HUIKUAN_FUNC void report_bad_value(const indicator_columns& values, std::size_t begin,
                                                  std::size_t end) const;
  HUIKUAN_FUNC void fill_reasons(const indicator_columns& values, const score_columns& out, std::size_t begin,
                                 std::size_t end) const;

  scorecard card_;
  std::vector<detail::compiled_indicator> compiled_;
  std::array<double, c_dimension_count> c_weights_{};  // renormalised to sum to 1
};

/// 2^t to within a few units in the last place, written so that compilers
/// vectorise it (no libm call). Arguments are clamped to [-1022, 1023].
HUIKUAN_FUNC double exp2_vectorizable(double t) noexcept;

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/scoring-inl.hpp"
#endif
