// Definitions for scorecard_fit.hpp.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "huikuan/error.hpp"
#include "huikuan/scorecard_fit.hpp"

namespace huikuan {

namespace detail {

// What the bulk kernel gives for the history under one scorecard.
struct fit_history_scores {
  std::vector<double> points;    // column-major debtors x indicators; empty unless asked for
  std::vector<double> c_scores;  // column-major debtors x 5
  std::vector<double> total;
  std::vector<double> pd;

  [[nodiscard]] std::span<const double> column(const std::vector<double>& block, std::size_t j) const {
    const std::size_t n = total.size();
    return {block.data() + j * n, n};
  }
};

inline fit_history_scores fit_score_history(const scorecard& card, const indicator_columns& history,
                                            bool with_points) {
  const scoring_model model(card);
  const std::size_t n = history.debtors;
  fit_history_scores s;
  s.c_scores.resize(n * c_dimension_count);
  s.total.resize(n);
  s.pd.resize(n);
  score_columns out;
  out.total = s.total;
  out.pd = s.pd;
  for (std::size_t c = 0; c < c_dimension_count; ++c) out.c_scores[c] = {s.c_scores.data() + c * n, n};
  if (with_points) {
    s.points.resize(n * card.indicators.size());
    out.indicator_points = s.points;
  }
  model.score(history, out);
  return s;
}

// Constant over a non-empty history: the column carries no information
// and, next to the intercept, cannot be fitted. An empty history is left
// to fit_logistic, which reports too few rows.
inline bool fit_is_constant(std::span<const double> column) {
  return !column.empty() &&
         std::all_of(column.begin(), column.end(), [&](double v) { return v == column.front(); });
}

inline std::string fit_text(const char* format, double value) {
  char buffer[40];
  const int n = std::snprintf(buffer, sizeof buffer, format, value);
  return std::string(buffer, static_cast<std::size_t>(n > 0 ? n : 0));
}

// "+0.0123": a coefficient with its sign, as the notes and messages show it.
inline std::string fit_coefficient_text(double value) { return fit_text("%+.3g", value); }

inline void fit_note_convergence(const logistic_fit& fit, std::string_view level, std::vector<std::string>& notes) {
  if (!fit.converged)
    notes.push_back(std::string(level) + ": the logistic fit stopped after " + std::to_string(fit.iterations) +
                    " iterations without converging; the weights come from its last iterate");
}

// Weights proportional to minus the coefficients of `fit` (intercept
// first, then one per label), normalised to sum to 1; a coefficient >= 0
// (or NaN) gets 0 and a note. `subject` and `what` word the error when
// every coefficient is wrong.
inline std::vector<double> fit_weights_from_coefficients(const logistic_fit& fit,
                                                         const std::vector<std::string>& labels,
                                                         const std::string& subject, const std::string& what,
                                                         std::string_view field, std::vector<std::string>& notes) {
  const std::size_t k = labels.size();
  std::vector<double> weights(k, 0.0);
  double sum = 0.0;
  std::string listing;
  for (std::size_t i = 0; i < k; ++i) {
    const double b = fit.coefficients(static_cast<Eigen::Index>(i + 1));
    listing += (i > 0 ? ", " : "") + labels[i] + " " + fit_coefficient_text(b);
    if (b < 0.0) {
      weights[i] = -b;
      sum += -b;
    }
  }
  if (!(sum > 0.0))
    throw input_error("huikuan.fit.20",
                      subject + " has a coefficient >= 0 (" + listing +
                          "): in this history more points do not lower the odds of default, so no " + what +
                          " can be fitted",
                      field);
  for (std::size_t i = 0; i < k; ++i) {
    const double b = fit.coefficients(static_cast<Eigen::Index>(i + 1));
    if (!(b < 0.0))
      notes.push_back(labels[i] + ": coefficient " + fit_coefficient_text(b) + " has the wrong sign; weight set to 0");
  }
  for (double& w : weights) w /= sum;
  return weights;
}

inline Eigen::MatrixXd fit_design(const fit_history_scores& scores, const std::vector<double>& block,
                                  const std::vector<std::size_t>& columns) {
  const std::size_t n = scores.total.size();
  Eigen::MatrixXd x(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(columns.size()));
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const std::span<const double> column = scores.column(block, columns[k]);
    for (std::size_t i = 0; i < n; ++i) x(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)) = column[i];
  }
  return x;
}

}  // namespace detail

HUIKUAN_FUNC scorecard_fit_result fit_scorecard(const scorecard& start, const indicator_columns& history,
                                              std::span<const std::uint8_t> defaulted,
                                              const scorecard_fit_options& options) {
  const std::size_t n = history.debtors;
  if (defaulted.size() != n)
    throw input_error("huikuan.fit.22",
                      "defaulted has " + std::to_string(defaulted.size()) + " labels but the history has " +
                          std::to_string(n) + " debtors; they must be the same length",
                      "defaulted");
  scorecard_fit_result result;
  result.fitted = start;
  scorecard& card = result.fitted;
  logistic_options fit_options;
  fit_options.l2_penalty = options.l2_penalty;

  const detail::fit_history_scores initial = detail::fit_score_history(start, history, options.fit_indicator_weights);
  std::array<std::vector<std::size_t>, c_dimension_count> members;
  for (std::size_t j = 0; j < card.indicators.size(); ++j)
    members[static_cast<std::size_t>(card.indicators[j].dimension)].push_back(j);

  if (options.fit_indicator_weights) {
    for (std::size_t c = 0; c < c_dimension_count; ++c) {
      const std::vector<std::size_t>& in_c = members[c];
      if (in_c.size() < 2) continue;
      const std::string c_name(to_string(static_cast<c_dimension>(c)));
      std::vector<std::size_t> used;
      for (std::size_t j : in_c)
        if (!detail::fit_is_constant(initial.column(initial.points, j))) used.push_back(j);
      if (used.empty()) {
        result.notes.push_back(c_name + ": every indicator is constant over the history; its indicator weights are kept");
        continue;
      }
      for (std::size_t j : in_c)
        if (std::find(used.begin(), used.end(), j) == used.end())
          result.notes.push_back(card.indicators[j].code + ": constant over the history (" +
                                 detail::fit_text("%.10g", initial.column(initial.points, j).front()) +
                                 " points for every debtor); left out of the fit, weight 0");
      std::vector<std::string> codes;
      for (std::size_t j : used) codes.push_back(card.indicators[j].code);
      fit_options.column_names = codes;
      logistic_fit fit = fit_logistic(detail::fit_design(initial, initial.points, used), defaulted, fit_options);
      detail::fit_note_convergence(fit, c_name + " indicators", result.notes);
      const std::vector<double> weights = detail::fit_weights_from_coefficients(
          fit, codes, "every indicator of " + c_name, "indicator weight of " + c_name, c_name, result.notes);
      for (std::size_t j : in_c) card.indicators[j].weight = 0.0;
      for (std::size_t k = 0; k < used.size(); ++k) card.indicators[used[k]].weight = weights[k];
      result.indicator_level[c] = std::move(fit);
    }
  }

  if (options.fit_c_weights) {
    std::optional<detail::fit_history_scores> rescored;
    if (options.fit_indicator_weights) rescored = detail::fit_score_history(card, history, false);
    const detail::fit_history_scores& scores = rescored ? *rescored : initial;
    std::vector<std::size_t> used;
    std::vector<std::string> names;
    for (std::size_t c = 0; c < c_dimension_count; ++c) {
      const std::string c_name(to_string(static_cast<c_dimension>(c)));
      const std::span<const double> column = scores.column(scores.c_scores, c);
      if (members[c].empty()) {
        result.notes.push_back(c_name + ": no indicators; weight 0");
      } else if (detail::fit_is_constant(column)) {
        result.notes.push_back(c_name + ": the C score is constant over the history (" +
                               detail::fit_text("%.10g", column.front()) +
                               " for every debtor); left out of the fit, weight 0");
      } else {
        used.push_back(c);
        names.push_back(c_name);
      }
    }
    if (used.empty())
      throw input_error("huikuan.fit.23",
                        "no C score varies over the history (" + std::to_string(n) +
                            " debtors), so the C weights cannot be fitted",
                        "c_weights");
    fit_options.column_names = names;
    logistic_fit fit = fit_logistic(detail::fit_design(scores, scores.c_scores, used), defaulted, fit_options);
    detail::fit_note_convergence(fit, "C weights", result.notes);
    const std::vector<double> weights =
        detail::fit_weights_from_coefficients(fit, names, "every C score", "C weight", "c_weights", result.notes);
    card.c_weights.fill(0.0);
    for (std::size_t k = 0; k < used.size(); ++k) card.c_weights[used[k]] = weights[k];
    result.c_level = std::move(fit);
  }

  if (options.calibrate_pd) {
    std::optional<detail::fit_history_scores> rescored;
    if (options.fit_indicator_weights || options.fit_c_weights) rescored = detail::fit_score_history(card, history, false);
    const detail::fit_history_scores& scores = rescored ? *rescored : initial;
    fit_options.column_names = {"total_score"};
    const Eigen::Map<const Eigen::MatrixXd> x(scores.total.data(), static_cast<Eigen::Index>(n), 1);
    logistic_fit fit = fit_logistic(x, defaulted, fit_options);
    detail::fit_note_convergence(fit, "calibration", result.notes);
    const double a = fit.coefficients(0), b = fit.coefficients(1);
    if (!(b < 0.0))
      throw input_error("huikuan.fit.21",
                        "the calibration slope is " + detail::fit_coefficient_text(b) +
                            " per point (>= 0): in this history a higher total score does not lower the odds of "
                            "default, so no PD scaling can be fitted",
                        "scaling");
    card.scaling.points_to_double_odds = std::numbers::ln2 / -b;
    card.scaling.base_odds = std::exp(-(a + b * card.scaling.base_score));
    result.calibration = std::move(fit);
  }

  // The fitted scorecard through the kernel users will run it with (this
  // also validates it).
  const detail::fit_history_scores final_scores = detail::fit_score_history(card, history, false);
  result.before = measure_discrimination(initial.pd, defaulted);
  result.after = measure_discrimination(final_scores.pd, defaulted);
  return result;
}

}  // namespace huikuan
