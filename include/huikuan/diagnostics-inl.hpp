// Definitions for diagnostics.hpp (compiled into huikuan::huikuan, or
// inline when HUIKUAN_HEADER_ONLY is defined).
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <tuple>
#include <utility>

#include "huikuan/diagnostics.hpp"

namespace huikuan {

namespace detail {

inline std::string diagnostics_number(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

inline std::string diagnostics_element(std::string_view span_name, std::size_t index) {
  return std::string(span_name) + "[" + std::to_string(index) + "]";
}

inline void diagnostics_require_same_length(std::size_t first, std::string_view first_name, std::size_t second,
                                            std::string_view second_name) {
  if (first != second)
    throw input_error("huikuan.diagnostics.1",
                      std::string(first_name) + " has " + std::to_string(first) + " elements but " +
                          std::string(second_name) + " has " + std::to_string(second) +
                          "; they must be the same length",
                      second_name);
}

inline void diagnostics_require_label(std::uint8_t label, std::string_view span_name, std::size_t index) {
  if (label > 1) {
    const std::string field = diagnostics_element(span_name, index);
    throw input_error("huikuan.diagnostics.3",
                      field + " is " + std::to_string(label) + "; a label must be 0 (good) or 1 (bad)", field);
  }
}

inline void diagnostics_require_finite(double value, std::string_view span_name, std::size_t index,
                                       std::string_view allowed = "a finite number") {
  if (!std::isfinite(value)) {
    const std::string field = diagnostics_element(span_name, index);
    throw input_error("huikuan.diagnostics.2",
                      field + " is " + diagnostics_number(value) + "; it must be " + std::string(allowed), field);
  }
}

inline void diagnostics_require_both_classes(std::uint64_t goods, std::uint64_t bads, std::string_view field) {
  if (goods == 0 || bads == 0)
    throw input_error("huikuan.diagnostics.4",
                      std::string("there are ") + std::to_string(goods) + " goods and " + std::to_string(bads) +
                          " bads; the measure needs at least one of each",
                      field);
}

inline void diagnostics_require_cut_points(std::span<const double> cut_points) {
  for (std::size_t k = 0; k < cut_points.size(); ++k) {
    if (!std::isfinite(cut_points[k])) {
      const std::string field = diagnostics_element("cut_points", k);
      throw input_error("huikuan.diagnostics.5",
                        field + " is " + diagnostics_number(cut_points[k]) +
                            "; cut points must be finite (the outer bins are already open-ended)",
                        field);
    }
    if (k > 0 && !(cut_points[k - 1] < cut_points[k])) {
      const std::string field = diagnostics_element("cut_points", k);
      throw input_error("huikuan.diagnostics.5",
                        field + " is " + diagnostics_number(cut_points[k]) + " after " +
                            diagnostics_number(cut_points[k - 1]) + "; cut points must be strictly increasing",
                        field);
    }
  }
}

// The ROC sweep over scores sorted ascending, one group of tied scores at
// a time. All counts are integers, so the AUC numerator (doubled to keep
// the half-pairs of ties whole) and the KS comparisons are exact.
inline discrimination diagnostics_sweep(std::span<const double> scores, std::span<const std::uint8_t> labels) {
  diagnostics_require_same_length(scores.size(), "scores", labels.size(), "labels");
  std::vector<std::pair<double, std::uint8_t>> sorted;
  sorted.reserve(scores.size());
  std::uint64_t bads = 0;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    diagnostics_require_finite(scores[i], "scores", i);
    diagnostics_require_label(labels[i], "labels", i);
    bads += labels[i];
    sorted.emplace_back(scores[i], labels[i]);
  }
  const std::uint64_t goods = scores.size() - bads;
  diagnostics_require_both_classes(goods, bads, "labels");
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });

  std::uint64_t goods_below = 0;
  std::uint64_t bads_below = 0;
  std::uint64_t doubled_pairs = 0;  // 2 x (bad > good pairs) + tied bad-good pairs
  std::uint64_t best_gap = 0;       // |bads_below x goods - goods_below x bads|
  double best_threshold = sorted.front().first;
  for (std::size_t start = 0; start < sorted.size();) {
    std::size_t end = start;
    std::uint64_t group_goods = 0;
    std::uint64_t group_bads = 0;
    for (; end < sorted.size() && sorted[end].first == sorted[start].first; ++end) {
      group_bads += sorted[end].second;
      group_goods += 1U - sorted[end].second;
    }
    doubled_pairs += group_bads * (2 * goods_below + group_goods);
    goods_below += group_goods;
    bads_below += group_bads;
    const std::uint64_t left = bads_below * goods;
    const std::uint64_t right = goods_below * bads;
    const std::uint64_t gap = left > right ? left - right : right - left;
    if (gap > best_gap) {
      best_gap = gap;
      best_threshold = sorted[start].first;
    }
    start = end;
  }
  const long double pairs = static_cast<long double>(goods) * static_cast<long double>(bads);
  discrimination result;
  result.auc = static_cast<double>(static_cast<long double>(doubled_pairs) / (2.0L * pairs));
  result.gini = static_cast<double>((static_cast<long double>(doubled_pairs) - pairs) / pairs);
  result.kolmogorov_smirnov.statistic = static_cast<double>(static_cast<long double>(best_gap) / pairs);
  result.kolmogorov_smirnov.threshold = best_threshold;
  result.goods = static_cast<std::size_t>(goods);
  result.bads = static_cast<std::size_t>(bads);
  return result;
}

inline void diagnostics_require_adjustment(double value, std::string_view field, bool below_one) {
  if (!std::isfinite(value) || value < 0.0 || (below_one && value >= 1.0))
    throw input_error("huikuan.diagnostics.8",
                      std::string(field) + " is " + diagnostics_number(value) + "; it must be a finite number >= 0" +
                          (below_one ? " and < 1" : ""),
                      field);
}

}  // namespace detail

HUIKUAN_FUNC double roc_auc(std::span<const double> scores, std::span<const std::uint8_t> labels) {
  return detail::diagnostics_sweep(scores, labels).auc;
}

HUIKUAN_FUNC double gini(std::span<const double> scores, std::span<const std::uint8_t> labels) {
  return detail::diagnostics_sweep(scores, labels).gini;
}

HUIKUAN_FUNC ks_result kolmogorov_smirnov(std::span<const double> scores, std::span<const std::uint8_t> labels) {
  return detail::diagnostics_sweep(scores, labels).kolmogorov_smirnov;
}

HUIKUAN_FUNC discrimination measure_discrimination(std::span<const double> scores,
                                                   std::span<const std::uint8_t> labels) {
  return detail::diagnostics_sweep(scores, labels);
}

HUIKUAN_FUNC std::size_t bin_index(double value, std::span<const double> cut_points) noexcept {
  return static_cast<std::size_t>(std::upper_bound(cut_points.begin(), cut_points.end(), value) - cut_points.begin());
}

HUIKUAN_FUNC woe_table weight_of_evidence(std::span<const std::int64_t> goods_per_bin,
                                         std::span<const std::int64_t> bads_per_bin, const woe_options& options) {
  detail::diagnostics_require_same_length(goods_per_bin.size(), "goods_per_bin", bads_per_bin.size(), "bads_per_bin");
  detail::diagnostics_require_adjustment(options.zero_cell_adjustment, "zero_cell_adjustment", false);
  if (goods_per_bin.empty())
    throw input_error("huikuan.diagnostics.6", "goods_per_bin is empty; there must be at least one bin",
                      "goods_per_bin");
  woe_table table;
  table.bins.resize(goods_per_bin.size());
  for (std::size_t k = 0; k < goods_per_bin.size(); ++k) {
    for (const auto& [counts, name] :
         {std::pair{goods_per_bin, "goods_per_bin"}, std::pair{bads_per_bin, "bads_per_bin"}})
      if (counts[k] < 0) {
        const std::string field = detail::diagnostics_element(name, k);
        throw input_error("huikuan.diagnostics.6",
                          field + " is " + std::to_string(counts[k]) + "; a count must not be negative", field);
      }
    table.bins[k].goods = goods_per_bin[k];
    table.bins[k].bads = bads_per_bin[k];
    table.goods += goods_per_bin[k];
    table.bads += bads_per_bin[k];
  }
  detail::diagnostics_require_both_classes(static_cast<std::uint64_t>(table.goods),
                                           static_cast<std::uint64_t>(table.bads), "bads_per_bin");

  const double adjustment = options.zero_cell_adjustment;
  auto total_goods = static_cast<double>(table.goods);
  auto total_bads = static_cast<double>(table.bads);
  for (std::size_t k = 0; k < table.bins.size(); ++k) {
    woe_bin& bin = table.bins[k];
    if ((bin.goods == 0) == (bin.bads == 0)) continue;
    if (adjustment == 0.0)
      throw input_error("huikuan.diagnostics.7",
                        "bin " + std::to_string(k) + " has " + std::to_string(bin.goods) + " goods and " +
                            std::to_string(bin.bads) +
                            " bads, so its weight of evidence is infinite; merge it with a neighbour or set "
                            "zero_cell_adjustment > 0",
                        detail::diagnostics_element(bin.goods == 0 ? "goods_per_bin" : "bads_per_bin", k));
    bin.adjusted = true;
    ++table.adjusted_bins;
    total_goods += adjustment;
    total_bads += adjustment;
  }
  for (woe_bin& bin : table.bins) {
    if (bin.goods == 0 && bin.bads == 0) continue;
    const double extra = bin.adjusted ? adjustment : 0.0;
    bin.good_share = (static_cast<double>(bin.goods) + extra) / total_goods;
    bin.bad_share = (static_cast<double>(bin.bads) + extra) / total_bads;
    bin.weight_of_evidence = std::log(bin.good_share / bin.bad_share);
    bin.information_value = (bin.good_share - bin.bad_share) * bin.weight_of_evidence;
    table.information_value += bin.information_value;
  }
  return table;
}

HUIKUAN_FUNC woe_table weight_of_evidence(std::span<const double> values, std::span<const std::uint8_t> labels,
                                         std::span<const double> cut_points, const woe_options& options) {
  detail::diagnostics_require_same_length(values.size(), "values", labels.size(), "labels");
  detail::diagnostics_require_cut_points(cut_points);
  const std::size_t missing_bin = cut_points.size() + 1;
  std::vector<std::int64_t> goods(missing_bin + 1, 0);
  std::vector<std::int64_t> bads(missing_bin + 1, 0);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (std::isinf(values[i]))
      detail::diagnostics_require_finite(values[i], "values", i, "a finite number, or NaN for missing");
    detail::diagnostics_require_label(labels[i], "labels", i);
    const std::size_t bin = std::isnan(values[i]) ? missing_bin : bin_index(values[i], cut_points);
    ++(labels[i] == 1 ? bads : goods)[bin];
  }
  return weight_of_evidence(goods, bads, options);
}

HUIKUAN_FUNC population_shift classify_population_shift(double index) noexcept {
  if (index < 0.1) return population_shift::stable;
  if (index <= 0.25) return population_shift::some_shift;
  return population_shift::major_shift;
}

HUIKUAN_FUNC std::string_view to_string(population_shift shift) noexcept {
  switch (shift) {
    case population_shift::stable:
      return "stable";
    case population_shift::some_shift:
      return "some shift";
    case population_shift::major_shift:
      break;
  }
  return "major shift";
}

HUIKUAN_FUNC psi_result population_stability_index(std::span<const double> expected_weights,
                                                   std::span<const double> actual_weights,
                                                   const psi_options& options) {
  detail::diagnostics_require_same_length(expected_weights.size(), "expected_weights", actual_weights.size(),
                                          "actual_weights");
  detail::diagnostics_require_adjustment(options.zero_share_floor, "zero_share_floor", true);
  if (expected_weights.empty())
    throw input_error("huikuan.diagnostics.6", "expected_weights is empty; there must be at least one bin",
                      "expected_weights");
  double expected_total = 0.0;
  double actual_total = 0.0;
  for (std::size_t k = 0; k < expected_weights.size(); ++k) {
    for (const auto& [weights, name] :
         {std::pair{expected_weights, "expected_weights"}, std::pair{actual_weights, "actual_weights"}})
      if (!std::isfinite(weights[k]) || weights[k] < 0.0) {
        const std::string field = detail::diagnostics_element(name, k);
        throw input_error("huikuan.diagnostics.6",
                          field + " is " + detail::diagnostics_number(weights[k]) +
                              "; a bin weight must be a finite number >= 0",
                          field);
      }
    expected_total += expected_weights[k];
    actual_total += actual_weights[k];
  }
  for (const auto& [total, name] :
       {std::pair{expected_total, "expected_weights"}, std::pair{actual_total, "actual_weights"}})
    if (total <= 0.0)
      throw input_error("huikuan.diagnostics.6",
                        std::string(name) + " sum to 0; a distribution needs some weight", name);

  psi_result result;
  result.bins.resize(expected_weights.size());
  for (std::size_t k = 0; k < expected_weights.size(); ++k) {
    psi_bin& bin = result.bins[k];
    bin.expected_share = expected_weights[k] / expected_total;
    bin.actual_share = actual_weights[k] / actual_total;
    if (bin.expected_share == 0.0 && bin.actual_share == 0.0) continue;
    if (bin.expected_share == 0.0 || bin.actual_share == 0.0) {
      if (options.zero_share_floor == 0.0)
        throw input_error("huikuan.diagnostics.7",
                          "bin " + std::to_string(k) + " has expected share " +
                              detail::diagnostics_number(bin.expected_share) + " and actual share " +
                              detail::diagnostics_number(bin.actual_share) +
                              ", so its term is infinite; merge it with a neighbour or set zero_share_floor > 0",
                          detail::diagnostics_element(bin.expected_share == 0.0 ? "expected_weights" : "actual_weights",
                                                      k));
      (bin.expected_share == 0.0 ? bin.expected_share : bin.actual_share) = options.zero_share_floor;
      bin.floored = true;
      ++result.floored_bins;
    }
    bin.contribution = (bin.actual_share - bin.expected_share) * std::log(bin.actual_share / bin.expected_share);
    result.index += bin.contribution;
  }
  result.shift = classify_population_shift(result.index);
  return result;
}

HUIKUAN_FUNC psi_result population_stability_index_of_scores(std::span<const double> expected_scores,
                                                             std::span<const double> actual_scores,
                                                             std::span<const double> cut_points,
                                                             const psi_options& options) {
  detail::diagnostics_require_cut_points(cut_points);
  std::vector<double> expected(cut_points.size() + 1, 0.0);
  std::vector<double> actual(cut_points.size() + 1, 0.0);
  for (const auto& [scores, counts, name] : {std::tuple{expected_scores, &expected, "expected_scores"},
                                             std::tuple{actual_scores, &actual, "actual_scores"}}) {
    if (scores.empty())
      throw input_error("huikuan.diagnostics.6", std::string(name) + " is empty; a distribution needs some scores",
                        name);
    for (std::size_t i = 0; i < scores.size(); ++i) {
      detail::diagnostics_require_finite(scores[i], name, i);
      (*counts)[bin_index(scores[i], cut_points)] += 1.0;
    }
  }
  return population_stability_index(expected, actual, options);
}

}  // namespace huikuan
