// Definitions for scoring.hpp.
#pragma once

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "huikuan/error.hpp"
#include "huikuan/detail/cpu_features.hpp"
#include "huikuan/detail/parallel.hpp"
#include "huikuan/scoring.hpp"

HUIKUAN_EXACT_FLOAT_BEGIN  // config.hpp: no fused multiply-add in this file

namespace huikuan {

namespace detail {

// 2^t: t = n + f with n an integer and |f| <= 1/2; 2^f = e^(f ln 2) by its
// Taylor series to degree 13 (remainder below 1e-17 for |f ln 2| <= 0.347),
// and 2^n built in the exponent bits. The "magic number" rounding leaves n
// in the low mantissa bits, so no double->int64 conversion is needed and the
// loop vectorises with SSE2.
HUIKUAN_BRANCH_FREE_FLOAT inline double exp2_inline(double t) noexcept {
  t = t < -1022.0 ? -1022.0 : t;
  t = t > 1023.0 ? 1023.0 : t;
  constexpr double magic = 0x1.8p52;
  const double shifted = t + magic;
  const double n = shifted - magic;
  const double y = (t - n) * 0x1.62e42fefa39efp-1;  // f x ln 2
  double p = 1.0 / 6227020800.0;                   // 1/13!
  p = p * y + 1.0 / 479001600.0;
  p = p * y + 1.0 / 39916800.0;
  p = p * y + 1.0 / 3628800.0;
  p = p * y + 1.0 / 362880.0;
  p = p * y + 1.0 / 40320.0;
  p = p * y + 1.0 / 5040.0;
  p = p * y + 1.0 / 720.0;
  p = p * y + 1.0 / 120.0;
  p = p * y + 1.0 / 24.0;
  p = p * y + 1.0 / 6.0;
  p = p * y + 0.5;
  p = p * y + 1.0;
  p = p * y + 1.0;
  const std::uint64_t exponent = (__builtin_bit_cast(std::uint64_t, shifted) + 1023u) << 52;
  return p * __builtin_bit_cast(double, exponent);
}

// PD = 1 / (1 + base_odds x 2^((score - base_score) / PDO)), in this order
// of operations everywhere (the bulk kernel and pd_from_score). The
// exponent stays small (no cancellation of large terms), and dividing by
// PDO rather than multiplying by its reciprocal keeps the PD within 1e-15
// relative of the exact formula (tested).
HUIKUAN_BRANCH_FREE_FLOAT inline double pd_at(double score, double base_score, double pdo, double base_odds) noexcept {
  return 1.0 / (1.0 + base_odds * exp2_inline((score - base_score) / pdo));
}

inline std::string value_text(double value) {
  char buffer[32];
  const int n = std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return std::string(buffer, static_cast<std::size_t>(n > 0 ? n : 0));
}

constexpr std::size_t score_block = 256;

// A domain bound for messages: the unset bounds are the finite extremes.
inline std::string bound_text(double bound) {
  if (bound == std::numeric_limits<double>::lowest()) return "-inf";
  if (bound == std::numeric_limits<double>::max()) return "+inf";
  return value_text(bound);
}

}  // namespace detail

HUIKUAN_FUNC double exp2_vectorizable(double t) noexcept { return detail::exp2_inline(t); }

HUIKUAN_FUNC indicator_columns indicator_columns::column_major(const double* data, std::size_t debtors,
                                                               std::size_t indicators) {
  indicator_columns result;
  result.debtors = debtors;
  result.columns.reserve(indicators);
  for (std::size_t j = 0; j < indicators; ++j) result.columns.emplace_back(data + j * debtors, debtors);
  return result;
}

HUIKUAN_FUNC scoring_model::scoring_model(scorecard card) : card_(std::move(card)) {
  card_.validate();
  std::array<double, c_dimension_count> weight_sums{};
  for (const indicator& i : card_.indicators) weight_sums[static_cast<std::size_t>(i.dimension)] += i.weight;
  double c_sum = 0;
  for (double w : card_.c_weights) c_sum += w;
  for (std::size_t c = 0; c < c_dimension_count; ++c) c_weights_[c] = card_.c_weights[c] / c_sum;
  for (const indicator& i : card_.indicators) {
    detail::compiled_indicator c;
    c.kind = i.curve.kind;
    c.x = i.curve.x;
    c.points = i.curve.points;
    if (c.kind == curve_kind::piecewise_linear)
      for (std::size_t k = 0; k + 1 < c.x.size(); ++k) {
        c.slope.push_back((c.points[k + 1] - c.points[k]) / (c.x[k + 1] - c.x[k]));
        c.segment_low.push_back(std::min(c.points[k], c.points[k + 1]));
        c.segment_high.push_back(std::max(c.points[k], c.points[k + 1]));
      }
    c.rising = std::is_sorted(c.points.begin(), c.points.end());
    c.falling = !c.rising && std::is_sorted(c.points.rbegin(), c.points.rend());
    c.dimension = static_cast<std::size_t>(i.dimension);
    // Weights are accepted within 1e-9 of summing to 1 and renormalised
    // here, so scores stay within 0..100.
    c.weight = i.weight / weight_sums[c.dimension];
    c.total_weight = c_weights_[c.dimension] * c.weight;
    const double worst = *std::min_element(c.points.begin(), c.points.end());
    c.best_points = *std::max_element(c.points.begin(), c.points.end());
    for (const special_value& s : i.specials) {
      c.special_values.push_back(s.value);
      c.special_points.push_back(s.points);
      c.best_points = std::max(c.best_points, s.points);
    }
    c.reject_missing = i.when_missing == missing_treatment::reject;
    c.missing_points = i.when_missing == missing_treatment::worst ? worst : i.neutral_points;
    if (i.when_missing == missing_treatment::neutral) c.best_points = std::max(c.best_points, i.neutral_points);
    // The widest domain is the finite doubles, so one range test also
    // catches infinities.
    c.low = i.min_value ? *i.min_value : std::numeric_limits<double>::lowest();
    c.high = i.max_value ? *i.max_value : std::numeric_limits<double>::max();
    compiled_.push_back(std::move(c));
  }
}

HUIKUAN_FUNC double scoring_model::pd_from_score(double total) const noexcept {
  return detail::pd_at(total, card_.scaling.base_score, card_.scaling.points_to_double_odds, card_.scaling.base_odds);
}

HUIKUAN_FUNC double scoring_model::score_from_pd(double pd) const {
  if (!(pd > 0 && pd < 1))
    throw input_error("huikuan.score.5", "PD " + detail::value_text(pd) + " is outside (0, 1)", "pd");
  return card_.scaling.base_score +
         card_.scaling.points_to_double_odds * std::log2((1 - pd) / pd / card_.scaling.base_odds);
}

HUIKUAN_FUNC std::size_t scoring_model::grade_of(double total) const noexcept {
  std::size_t grade = 0;
  for (double cut : card_.grades.min_scores) grade += total >= cut ? 0u : 1u;  // NaN: the worst grade
  return grade;
}

namespace detail {

// Where a curve's points go: into an array (the general path, followed by
// special values and the finishing pass)...
struct store_points {
  double* points;
  void operator()(std::size_t r, double, double p) const { points[r] = p; }
};

// ...or finished in the same pass (no special values, points not kept):
// the missing value's points, the weighted sum into the C score, and the
// flag for values to report. The expressions are the finishing pass's, in
// the same order, so both paths give identical results. A double flag per
// row keeps the loop vectorised (a bool accumulator does not with GCC 12).
struct finish_points {
  double missing, low, high, reject, weight;
  double* acc;
  double* flags;
  void operator()(std::size_t r, double v, double p) const {
    p = v != v ? missing : p;
    acc[r] += weight * p;
    flags[r] += v < low ? 1.0 : (v > high ? 1.0 : (v != v ? reject : 0.0));
  }
};

// One indicator's points for a block of rows: the knots are a template
// parameter so the knot loop unrolls and each row stays in registers.
// Every variant evaluates the same expressions in the same order, so
// results are bit-identical across variants, instruction sets and threads.
// Shape of a piecewise-linear curve: on a rising curve an interpolated
// value can only overshoot the segment's upper end (its lower end holds by
// monotone rounding), on a falling one only undershoot, so one clamp
// suffices; curves allowed to be non-monotone get both.
enum class curve_shape : int { any, rising, falling };

template <std::size_t Knots, curve_shape Shape, class Sink>
HUIKUAN_BRANCH_FREE_FLOAT inline void linear_points(const compiled_indicator& ind, const double* x, std::size_t count,
                                                    Sink sink) {
  // Knots are copied to locals first: loads through the indicator's
  // vectors could alias the output, and GCC will not if-convert them.
  double xs[Knots], ps[Knots], slopes[Knots], lows[Knots], highs[Knots];
  for (std::size_t k = 0; k < Knots; ++k) {
    xs[k] = ind.x[k];
    ps[k] = ind.points[k];
    slopes[k] = k + 1 < Knots ? ind.slope[k] : 0.0;
    lows[k] = k + 1 < Knots ? ind.segment_low[k] : 0.0;
    highs[k] = k + 1 < Knots ? ind.segment_high[k] : 0.0;
  }
  for (std::size_t r = 0; r < count; ++r) {
    const double v = x[r];
    double p = ps[0];
    for (std::size_t k = 0; k + 1 < Knots; ++k) {
      // Clamped to the segment's end points: with a rounded slope the
      // interpolation could overshoot the next knot by an ulp.
      double candidate = ps[k] + slopes[k] * (v - xs[k]);
      if constexpr (Shape != curve_shape::rising) candidate = candidate < lows[k] ? lows[k] : candidate;
      if constexpr (Shape != curve_shape::falling) candidate = candidate > highs[k] ? highs[k] : candidate;
      p = v >= xs[k] ? candidate : p;
    }
    p = v >= xs[Knots - 1] ? ps[Knots - 1] : p;
    sink(r, v, p);
  }
}

// Any number of knots (the same expressions, not unrolled).
template <class Sink>
HUIKUAN_BRANCH_FREE_FLOAT inline void linear_points_any(const compiled_indicator& ind, const double* x,
                                                        std::size_t count, Sink sink) {
  const std::size_t knots = ind.x.size();
  for (std::size_t r = 0; r < count; ++r) {
    const double v = x[r];
    double p = ind.points[0];
    for (std::size_t k = 0; k + 1 < knots; ++k) {
      double candidate = ind.points[k] + ind.slope[k] * (v - ind.x[k]);
      candidate = candidate < ind.segment_low[k] ? ind.segment_low[k] : candidate;
      candidate = candidate > ind.segment_high[k] ? ind.segment_high[k] : candidate;
      p = v >= ind.x[k] ? candidate : p;
    }
    p = v >= ind.x[knots - 1] ? ind.points[knots - 1] : p;
    sink(r, v, p);
  }
}

template <std::size_t Edges, class Sink>
HUIKUAN_BRANCH_FREE_FLOAT inline void bin_points(const compiled_indicator& ind, const double* x, std::size_t count,
                                                 Sink sink) {
  double edges[Edges], ps[Edges + 1];
  for (std::size_t k = 0; k < Edges; ++k) edges[k] = ind.x[k];
  for (std::size_t k = 0; k <= Edges; ++k) ps[k] = ind.points[k];
  for (std::size_t r = 0; r < count; ++r) {
    const double v = x[r];
    double p = ps[0];
    for (std::size_t k = 0; k < Edges; ++k) p = v >= edges[k] ? ps[k + 1] : p;
    sink(r, v, p);
  }
}

template <class Sink>
HUIKUAN_BRANCH_FREE_FLOAT inline void bin_points_any(const compiled_indicator& ind, const double* x, std::size_t count,
                                                     Sink sink) {
  const std::size_t edges = ind.x.size();
  for (std::size_t r = 0; r < count; ++r) {
    const double v = x[r];
    double p = ind.points[0];
    for (std::size_t k = 0; k < edges; ++k) p = v >= ind.x[k] ? ind.points[k + 1] : p;
    sink(r, v, p);
  }
}

template <curve_shape Shape, class Sink>
HUIKUAN_BRANCH_FREE_FLOAT inline void linear_curve_points(const compiled_indicator& ind, const double* x,
                                                          std::size_t count, Sink sink) {
  switch (ind.x.size()) {
    case 1: return linear_points<1, Shape>(ind, x, count, sink);
    case 2: return linear_points<2, Shape>(ind, x, count, sink);
    case 3: return linear_points<3, Shape>(ind, x, count, sink);
    case 4: return linear_points<4, Shape>(ind, x, count, sink);
    case 5: return linear_points<5, Shape>(ind, x, count, sink);
    case 6: return linear_points<6, Shape>(ind, x, count, sink);
    case 7: return linear_points<7, Shape>(ind, x, count, sink);
    case 8: return linear_points<8, Shape>(ind, x, count, sink);
    default: return linear_points_any(ind, x, count, sink);
  }
}

template <class Sink>
HUIKUAN_BRANCH_FREE_FLOAT inline void curve_points(const compiled_indicator& ind, const double* x, std::size_t count,
                                                   Sink sink) {
  if (ind.kind == curve_kind::piecewise_linear) {
    if (ind.rising) return linear_curve_points<curve_shape::rising>(ind, x, count, sink);
    if (ind.falling) return linear_curve_points<curve_shape::falling>(ind, x, count, sink);
    return linear_curve_points<curve_shape::any>(ind, x, count, sink);
  }
  switch (ind.x.size()) {
    case 1: return bin_points<1>(ind, x, count, sink);
    case 2: return bin_points<2>(ind, x, count, sink);
    case 3: return bin_points<3>(ind, x, count, sink);
    case 4: return bin_points<4>(ind, x, count, sink);
    case 5: return bin_points<5>(ind, x, count, sink);
    case 6: return bin_points<6>(ind, x, count, sink);
    case 7: return bin_points<7>(ind, x, count, sink);
    default: return bin_points_any(ind, x, count, sink);
  }
}

// Everything the block kernel needs from a scoring_model.
struct scoring_kernel_view {
  std::span<const compiled_indicator> indicators;
  const std::array<double, c_dimension_count>* c_weights;
  std::span<const double> grade_cuts;
  double base_score;
  double points_to_double_odds;
  double base_odds;
};


// Scores rows [first, first + count) (count <= score_block). Returns true
// when a row holds a value that must be reported (the caller finds it).
HUIKUAN_BRANCH_FREE_FLOAT inline bool score_one_block(const scoring_kernel_view& model, const indicator_columns& values,
                            const score_columns& out, std::size_t first, std::size_t count) {
  alignas(64) double points[score_block];
  alignas(64) double c_sum[c_dimension_count][score_block];
  alignas(64) double total[score_block];
  alignas(64) double flags[score_block];
  for (auto& c : c_sum)
    for (std::size_t r = 0; r < count; ++r) c[r] = 0.0;
  for (std::size_t r = 0; r < count; ++r) flags[r] = 0.0;
  const std::size_t m = model.indicators.size();
  // The columns are streamed from memory; asking for the next block's lines
  // now overlaps their latency with this block's arithmetic.
  if (first + 2 * score_block <= values.debtors)
    for (std::size_t j = 0; j < m; ++j) {
      const double* next = values.columns[j].data() + first + score_block;
      for (std::size_t line = 0; line < score_block; line += 8) __builtin_prefetch(next + line, 0, 0);
    }
  for (std::size_t j = 0; j < m; ++j) {
    const compiled_indicator& ind = model.indicators[j];
    const double* x = values.columns[j].data() + first;
    const double missing = ind.missing_points, low = ind.low, high = ind.high;
    const double reject = ind.reject_missing ? 1.0 : 0.0;
    double* acc = c_sum[ind.dimension];
    const double w = ind.weight;
    if (!out.missing_mask.empty()) {
      std::uint64_t* mask = out.missing_mask.data() + first;
      const std::uint64_t bit = std::uint64_t{1} << j;
      if (j == 0)
        for (std::size_t r = 0; r < count; ++r) mask[r] = 0;
      for (std::size_t r = 0; r < count; ++r) mask[r] |= x[r] != x[r] ? bit : 0u;
    }
    const finish_points finish{missing, low, high, reject, w, acc, flags};
    if (ind.special_values.empty() && out.indicator_points.empty()) {
      curve_points(ind, x, count, finish);
      continue;
    }
    curve_points(ind, x, count, store_points{points});
    for (std::size_t s = 0; s < ind.special_values.size(); ++s) {
      const double v = ind.special_values[s], p = ind.special_points[s];
      for (std::size_t r = 0; r < count; ++r) points[r] = x[r] == v ? p : points[r];
    }
    double* keep = out.indicator_points.empty() ? nullptr : out.indicator_points.data() + j * values.debtors + first;
    for (std::size_t r = 0; r < count; ++r) {
      const double v = x[r];
      const double p = v != v ? missing : points[r];
      if (keep) keep[r] = p;
    }
    for (std::size_t r = 0; r < count; ++r) finish(r, x[r], points[r]);
  }
  const auto& cw = *model.c_weights;
  for (std::size_t r = 0; r < count; ++r)
    total[r] = cw[0] * c_sum[0][r] + cw[1] * c_sum[1][r] + cw[2] * c_sum[2][r] + cw[3] * c_sum[3][r] +
               cw[4] * c_sum[4][r];
  if (!out.total.empty()) {
    double* dst = out.total.data() + first;
    for (std::size_t r = 0; r < count; ++r) dst[r] = total[r];
  }
  for (std::size_t c = 0; c < c_dimension_count; ++c) {
    if (out.c_scores[c].empty()) continue;
    double* dst = out.c_scores[c].data() + first;
    for (std::size_t r = 0; r < count; ++r) dst[r] = c_sum[c][r];
  }
  if (!out.pd.empty()) {
    double* pd = out.pd.data() + first;
    const double base = model.base_score, pdo = model.points_to_double_odds, odds = model.base_odds;
    for (std::size_t r = 0; r < count; ++r) pd[r] = pd_at(total[r], base, pdo, odds);
  }
  if (!out.grade.empty()) {
    std::uint8_t* grade = out.grade.data() + first;
    for (std::size_t r = 0; r < count; ++r) grade[r] = 0;
    for (double cut : model.grade_cuts)
      for (std::size_t r = 0; r < count; ++r) grade[r] = static_cast<std::uint8_t>(grade[r] + (total[r] >= cut ? 0 : 1));
  }
  bool bad = false;
  for (std::size_t r = 0; r < count; ++r) bad |= flags[r] != 0.0;
  return bad;
}

// The row loop, instantiated twice below: for the baseline instruction set
// and for AVX2 (picked at run time). `flatten` inlines the whole kernel so
// it is compiled for the wrapper's instruction set.
#define HUIKUAN_SCORE_BLOCKS_BODY                                                       \
  for (std::size_t first = begin; first < end; first += score_block) {               \
    const std::size_t count = std::min(score_block, end - first);                    \
    if (score_one_block(model, values, out, first, count)) return first;             \
  }                                                                                    \
  return end;

HUIKUAN_BRANCH_FREE_FLOAT __attribute__((flatten)) inline std::size_t score_blocks_baseline(
    const scoring_kernel_view& model, const indicator_columns& values, const score_columns& out, std::size_t begin,
    std::size_t end) {
  HUIKUAN_SCORE_BLOCKS_BODY
}

#ifdef HUIKUAN_HAVE_AVX2_KERNEL
HUIKUAN_BRANCH_FREE_FLOAT __attribute__((flatten, target("avx2"))) inline std::size_t score_blocks_avx2(
    const scoring_kernel_view& model, const indicator_columns& values, const score_columns& out, std::size_t begin,
    std::size_t end) {
  HUIKUAN_SCORE_BLOCKS_BODY
}
// AVX-512 with contraction off: the same IEEE operations as the other
// copies (no fused multiply-add), so the results stay bit-identical; and
// GCC's SLP vectoriser off (config.hpp).
__attribute__((HUIKUAN_GCC_AVX512_OPTIONS flatten, target("avx512f,avx512dq,avx512vl,avx512bw")))
inline std::size_t score_blocks_avx512(const scoring_kernel_view& model, const indicator_columns& values,
                                       const score_columns& out, std::size_t begin, std::size_t end) {
  HUIKUAN_SCORE_BLOCKS_BODY
}
#endif
#undef HUIKUAN_SCORE_BLOCKS_BODY

}  // namespace detail

HUIKUAN_FUNC void scoring_model::score_range(const indicator_columns& values, const score_columns& out,
                                             std::size_t begin, std::size_t end, detail::instruction_set isa) const {
  const detail::scoring_kernel_view view{compiled_, &c_weights_, card_.grades.min_scores, card_.scaling.base_score,
                                         card_.scaling.points_to_double_odds, card_.scaling.base_odds};
  // Returns the first block holding a value to report, or `end`.
#ifdef HUIKUAN_HAVE_AVX2_KERNEL
  std::size_t stopped = end;
  switch (isa) {
#ifdef HUIKUAN_HAVE_AVX2_KERNEL
    case detail::instruction_set::avx512: stopped = detail::score_blocks_avx512(view, values, out, begin, end); break;
    case detail::instruction_set::avx2: stopped = detail::score_blocks_avx2(view, values, out, begin, end); break;
#endif
    default: stopped = detail::score_blocks_baseline(view, values, out, begin, end); break;
  }
#else
  const std::size_t stopped = detail::score_blocks_baseline(view, values, out, begin, end);
#endif
  if (stopped != end) report_bad_value(values, stopped, std::min(end, stopped + detail::score_block));
  if (!out.reasons.empty()) fill_reasons(values, out, begin, end);
}

HUIKUAN_FUNC void scoring_model::report_bad_value(const indicator_columns& values, std::size_t begin,
                                                  std::size_t end) const {
  // The first bad debtor, then its first bad indicator.
  for (std::size_t r = begin; r < end; ++r) {
    for (std::size_t j = 0; j < compiled_.size(); ++j) {
      const detail::compiled_indicator& ind = compiled_[j];
      const double v = values.columns[j][r];
      const std::string& code = card_.indicators[j].code;
      const std::string where = "debtor " + std::to_string(r) + ", indicator " + code;
      if (std::isinf(v))
        throw input_error("huikuan.score.1", where + ": value " + detail::value_text(v) + " is infinite", code);
      if (v < ind.low || v > ind.high)
        throw input_error("huikuan.score.2", where + ": value " + detail::value_text(v) + " is outside " +
                                                 detail::bound_text(ind.low) + " .. " + detail::bound_text(ind.high),
                          code);
      if (ind.reject_missing && std::isnan(v))
        throw input_error("huikuan.score.3", where + ": value is missing and the indicator rejects missing values", code);
    }
  }
  throw std::logic_error("[huikuan.score.9] internal error: a flagged block holds no value to report");
}

HUIKUAN_FUNC void scoring_model::fill_reasons(const indicator_columns& values, const score_columns& out,
                                              std::size_t begin, std::size_t end) const {
  // Reasons need every indicator's points; they are recomputed block by
  // block through the same kernel (into a scratch output) and ranked.
  const std::size_t m = compiled_.size();
  const std::size_t per = out.reasons_per_debtor;
  std::vector<double> all_points(m * detail::score_block);
  std::vector<std::pair<double, std::uint16_t>> ranking(m);
  const detail::scoring_kernel_view view{compiled_, &c_weights_, card_.grades.min_scores, card_.scaling.base_score,
                                         card_.scaling.points_to_double_odds, card_.scaling.base_odds};
  for (std::size_t first = begin; first < end; first += detail::score_block) {
    const std::size_t count = std::min(detail::score_block, end - first);
    // This block's points through the same kernel, into a scratch block of
    // `count` debtors (column j at j * count).
    indicator_columns block;
    block.debtors = count;
    for (std::size_t j = 0; j < m; ++j) block.columns.push_back(values.columns[j].subspan(first, count));
    score_columns scratch;
    scratch.indicator_points = std::span<double>(all_points.data(), m * count);
    detail::score_one_block(view, block, scratch, 0, count);
    for (std::size_t r = 0; r < count; ++r) {
      for (std::size_t j = 0; j < m; ++j)
        ranking[j] = {compiled_[j].total_weight * (compiled_[j].best_points - all_points[j * count + r]),
                      static_cast<std::uint16_t>(j)};
      const std::size_t k = std::min(per, m);
      // Most points lost first; equal losses in scorecard order.
      std::partial_sort(ranking.begin(), ranking.begin() + static_cast<std::ptrdiff_t>(k), ranking.end(),
                        [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
      std::uint16_t* slot = out.reasons.data() + (first + r) * per;
      for (std::size_t q = 0; q < per; ++q) slot[q] = q < k && ranking[q].first > 0 ? ranking[q].second : no_reason;
    }
  }
}

HUIKUAN_FUNC void scoring_model::score(const indicator_columns& values, const score_columns& out, unsigned threads) const {
  score_on(detail::best_instruction_set(), values, out, threads);
}

HUIKUAN_FUNC void scoring_model::score_on(detail::instruction_set isa, const indicator_columns& values,
                                          const score_columns& out, unsigned threads) const {
  if (isa > detail::best_instruction_set())
    throw input_error("huikuan.score.4", std::string("this CPU cannot run the kernel's ") +
                                             (isa == detail::instruction_set::avx512 ? "AVX-512" : "AVX2") + " copy");
  const std::size_t n = values.debtors;
  const auto fail = [](const std::string& why) { return input_error("huikuan.score.4", why); };
  if (values.columns.size() != compiled_.size())
    throw fail(std::to_string(values.columns.size()) + " indicator columns given; the scorecard has " +
               std::to_string(compiled_.size()));
  for (std::size_t j = 0; j < compiled_.size(); ++j)
    if (values.columns[j].size() != n)
      throw fail("column " + card_.indicators[j].code + " holds " + std::to_string(values.columns[j].size()) +
                 " values; " + std::to_string(n) + " debtors are expected");
  const auto check_output = [&](std::size_t size, std::size_t expected, const char* name) {
    if (size != 0 && size != expected)
      throw fail(std::string("output ") + name + " holds " + std::to_string(size) + " values; " +
                 std::to_string(expected) + " are expected");
  };
  check_output(out.total.size(), n, "total");
  check_output(out.pd.size(), n, "pd");
  check_output(out.grade.size(), n, "grade");
  for (std::size_t c = 0; c < c_dimension_count; ++c)
    check_output(out.c_scores[c].size(), n, ("c_scores[" + std::string(to_string(static_cast<c_dimension>(c))) + "]").c_str());
  check_output(out.missing_mask.size(), n, "missing_mask");
  if (!out.reasons.empty() && out.reasons_per_debtor == 0) throw fail("reasons given but reasons_per_debtor is 0");
  check_output(out.reasons.size(), n * out.reasons_per_debtor, "reasons");
  check_output(out.indicator_points.size(), n * compiled_.size(), "indicator_points");

  const std::size_t blocks = (n + detail::score_block - 1) / detail::score_block;
  const std::size_t workers = std::max<std::size_t>(1, std::min<std::size_t>(threads, blocks));
  if (workers == 1) {
    score_range(values, out, 0, n, isa);
    return;
  }
  // Contiguous chunks of whole blocks; the lowest chunk's error is the
  // lowest debtor's, so the error thrown does not depend on timing.
  const std::size_t per_worker = (blocks + workers - 1) / workers * detail::score_block;
  detail::run_parts(workers, [&](std::size_t w) {
    const std::size_t begin = std::min(n, w * per_worker), end = std::min(n, begin + per_worker);
    score_range(values, out, begin, end, isa);
  });
}

HUIKUAN_FUNC assessment scoring_model::assess(std::span<const double> values, std::size_t reasons) const {
  const std::size_t m = compiled_.size();
  if (values.size() != m)
    throw input_error("huikuan.score.4", std::to_string(values.size()) + " indicator values given; the scorecard has " +
                                             std::to_string(m));
  indicator_columns columns;
  columns.debtors = 1;
  columns.columns.reserve(m);
  for (std::size_t j = 0; j < m; ++j) columns.columns.emplace_back(values.data() + j, 1);
  assessment a;
  std::uint8_t grade = 0;
  std::uint64_t mask = 0;
  score_columns out;
  out.total = {&a.total, 1};
  out.pd = {&a.pd, 1};
  out.grade = {&grade, 1};
  for (std::size_t c = 0; c < c_dimension_count; ++c) out.c_scores[c] = {&a.c_scores[c], 1};
  out.missing_mask = {&mask, 1};
  std::vector<double> points(m);
  out.indicator_points = points;
  score_range(columns, out, 0, 1, detail::best_instruction_set());
  a.grade = grade;
  a.grade_label = card_.grades.labels[grade];

  // The points are the kernel's own, so they add up to the total exactly as
  // the bulk path computes it.
  a.indicator_points.resize(m);
  std::vector<std::pair<double, std::size_t>> lost;
  lost.reserve(m);
  for (std::size_t j = 0; j < m; ++j) {
    const detail::compiled_indicator& ind = compiled_[j];
    const double p = points[j];
    if (values[j] != values[j]) a.missing.push_back({card_.indicators[j].code, card_.indicators[j].when_missing, p});
    a.indicator_points[j] = p;
    lost.emplace_back(ind.total_weight * (ind.best_points - p), j);
  }
  std::stable_sort(lost.begin(), lost.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  for (std::size_t q = 0; q < lost.size() && a.reasons.size() < reasons; ++q) {
    if (!(lost[q].first > 0)) break;
    const indicator& ind = card_.indicators[lost[q].second];
    const bool missing = (mask >> lost[q].second) & 1u;
    if (missing) {
      const char* how = ind.when_missing == missing_treatment::worst ? "worst" : "neutral";
      const char* how_zh = ind.when_missing == missing_treatment::worst ? "按最差计分" : "按中性计分";
      a.reasons.push_back({ind.code, "no data for " + ind.name + ": scored as " + how,
                           std::string("缺少数据（") + ind.code + "），" + how_zh, lost[q].first, true});
    } else {
      a.reasons.push_back({ind.code, ind.reason_en, ind.reason_zh, lost[q].first, false});
    }
  }
  return a;
}

}  // namespace huikuan

HUIKUAN_EXACT_FLOAT_END
