// Definitions for logistic.hpp (compiled into huikuan::huikuan, or inline
// when HUIKUAN_HEADER_ONLY is defined).
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "huikuan/logistic.hpp"

namespace huikuan {

namespace detail {

inline std::string fit_number(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

// ln(1 + e^eta) without overflow for large eta or loss of digits for very
// negative eta.
inline double fit_log_one_plus_exp(double eta) noexcept {
  return eta > 0.0 ? eta + std::log1p(std::exp(-eta)) : std::log1p(std::exp(eta));
}

// 1 / (1 + e^-eta), evaluated on the side where exp cannot overflow.
inline double fit_logistic(double eta) noexcept {
  if (eta >= 0.0) return 1.0 / (1.0 + std::exp(-eta));
  const double e = std::exp(eta);
  return e / (1.0 + e);
}

inline Eigen::Index fit_index(std::size_t i) noexcept { return static_cast<Eigen::Index>(i); }
inline std::size_t fit_size(Eigen::Index i) noexcept { return static_cast<std::size_t>(i); }

// A linear predictor this large, on the side of its row's label, counts as
// having pushed the probability to 0 or 1: |eta| > 25 puts p within 1.4e-11
// of the label.
inline constexpr double fit_saturated_eta = 25.0;

// One fit: validates the input, standardises the columns, rejects
// separation and dependent columns, runs Newton's method on the
// standardised design and transforms the result back.
class fit_problem {
public:
  fit_problem(const Eigen::Ref<const Eigen::MatrixXd>& x, const logistic_options& options)
      : x_(x), options_(options), columns_(fit_size(x.cols())),
        parameters_(columns_ + (options.intercept ? 1U : 0U)) {}

  [[nodiscard]] std::string column_name(std::size_t j) const {
    if (!options_.column_names.empty()) return options_.column_names[j];
    // Appending (not "x" + to_string) avoids GCC 12's false -Wrestrict (PR 105329).
    std::string name = "x";
    name += std::to_string(j);
    return name;
  }

  // The name of coefficient k of the fitted vector, as a message says it.
  [[nodiscard]] std::string parameter_phrase(std::size_t k) const {
    if (options_.intercept) {
      if (k == 0) return "the intercept";
      return "column " + column_name(k - 1);
    }
    return "column " + column_name(k);
  }

  template <class LabelAt>
  void validate(std::size_t label_count, LabelAt label_at) {
    const std::size_t rows = fit_size(x_.rows());
    if (label_count != rows)
      throw input_error("huikuan.fit.1",
                        "labels has " + std::to_string(label_count) + " elements but x has " + std::to_string(rows) +
                            " rows; they must be the same length",
                        "labels");
    if (!options_.column_names.empty() && options_.column_names.size() != columns_)
      throw input_error("huikuan.fit.1",
                        "column_names has " + std::to_string(options_.column_names.size()) + " names but x has " +
                            std::to_string(columns_) + " columns; give one name per column or none",
                        "column_names");
    if (!std::isfinite(options_.l2_penalty) || options_.l2_penalty < 0.0)
      throw input_error("huikuan.fit.6",
                        "l2_penalty is " + fit_number(options_.l2_penalty) + "; it must be a finite number >= 0",
                        "l2_penalty");
    if (options_.max_iterations < 1)
      throw input_error("huikuan.fit.6",
                        "max_iterations is " + std::to_string(options_.max_iterations) + "; it must be at least 1",
                        "max_iterations");
    if (!std::isfinite(options_.tolerance) || options_.tolerance <= 0.0)
      throw input_error("huikuan.fit.6",
                        "tolerance is " + fit_number(options_.tolerance) + "; it must be a finite number > 0",
                        "tolerance");
    if (parameters_ == 0)
      throw input_error("huikuan.fit.5", "x has no columns and intercept is off; there is nothing to fit", "x");
    if (rows <= parameters_)
      throw input_error("huikuan.fit.5",
                        "x has " + std::to_string(rows) + " rows for " + std::to_string(parameters_) +
                            " coefficients (" + std::to_string(columns_) + " columns" +
                            (options_.intercept ? " and the intercept" : "") +
                            "); the fit needs more rows than coefficients",
                        "x");
    // Row by row, so the first problem reported is the first in the data.
    for (Eigen::Index i = 0; i < x_.rows(); ++i)
      for (Eigen::Index j = 0; j < x_.cols(); ++j)
        if (!std::isfinite(x_(i, j))) {
          const std::string name = column_name(fit_size(j));
          throw input_error("huikuan.fit.2",
                            "x[" + std::to_string(i) + ", " + name + "] is " + fit_number(x_(i, j)) +
                                "; every value must be finite",
                            name);
        }
    labels_.resize(x_.rows());
    for (std::size_t i = 0; i < rows; ++i) {
      const double label = label_at(i);
      if (label != 0.0 && label != 1.0)
        throw input_error("huikuan.fit.3",
                          "labels[" + std::to_string(i) + "] is " + fit_number(label) +
                              "; a label must be 0 (no event) or 1 (the event, e.g. default)",
                          "labels");
      labels_(fit_index(i)) = label;
    }
    ones_ = labels_.sum();
    if (ones_ == 0.0 || ones_ == static_cast<double>(rows))
      throw input_error("huikuan.fit.4",
                        "every label is " + std::string(ones_ == 0.0 ? "0" : "1") + " (" + std::to_string(rows) +
                            " rows); the fit needs rows of both classes",
                        "labels");
  }

  logistic_fit solve() {
    standardise();
    const bool penalised = options_.l2_penalty > 0.0;
    if (!penalised) {
      reject_single_column_separation();
      reject_dependent_columns();
    }
    return newton();
  }

private:
  // Centre (with an intercept) and scale each column, and build the
  // standardised design with the intercept's column of ones in front.
  void standardise() {
    const Eigen::Index n = x_.rows();
    const Eigen::Index offset = options_.intercept ? 1 : 0;
    center_ = Eigen::VectorXd::Zero(x_.cols());
    scale_ = Eigen::VectorXd::Ones(x_.cols());
    design_.resize(n, fit_index(parameters_));
    if (options_.intercept) design_.col(0).setOnes();
    for (Eigen::Index j = 0; j < x_.cols(); ++j) {
      const auto column = x_.col(j);
      const std::string name = column_name(fit_size(j));
      if (options_.intercept) {
        if ((column.array() == column(0)).all())
          throw input_error("huikuan.fit.7",
                            "column " + name + " is constant (every row is " + fit_number(column(0)) +
                                "); next to the intercept its coefficient cannot be identified; drop it",
                            name);
        double mean = 0.0;
        for (Eigen::Index i = 0; i < n; ++i) mean += column(i) / static_cast<double>(n);
        center_(j) = mean;
      } else if ((column.array() == 0.0).all()) {
        throw input_error("huikuan.fit.7",
                          "column " + name + " is 0 in every row; its coefficient cannot be identified; drop it",
                          name);
      }
      // Root mean square about the centre, scaled by the largest deviation
      // first so that neither huge nor tiny units overflow or underflow.
      const double largest = (column.array() - center_(j)).abs().maxCoeff();
      const double spread =
          largest * std::sqrt(((column.array() - center_(j)) / largest).square().sum() / static_cast<double>(n));
      scale_(j) = spread;
      design_.col(j + offset) = (column.array() - center_(j)) / spread;
    }
  }

  // A single column whose values put every label-1 row on one side of a
  // threshold and every label-0 row on the other (ties allowed for the
  // quasi-complete case) makes its coefficient infinite. Checked first
  // because the message can name the column and the values.
  void reject_single_column_separation() const {
    const Eigen::Index n = x_.rows();
    constexpr double inf = std::numeric_limits<double>::infinity();
    for (Eigen::Index j = 0; j < x_.cols(); ++j) {
      double min_one = inf, max_one = -inf, min_zero = inf, max_zero = -inf;
      for (Eigen::Index i = 0; i < n; ++i) {
        const double v = x_(i, j);
        if (labels_(i) == 1.0) {
          min_one = std::min(min_one, v);
          max_one = std::max(max_one, v);
        } else {
          min_zero = std::min(min_zero, v);
          max_zero = std::max(max_zero, v);
        }
      }
      // Without an intercept the threshold is fixed at 0: the sign of the
      // column alone must decide.
      const bool ones_above = options_.intercept ? max_zero <= min_one : (max_zero <= 0.0 && min_one >= 0.0);
      const bool ones_below = options_.intercept ? max_one <= min_zero : (max_one <= 0.0 && min_zero >= 0.0);
      if (!ones_above && !ones_below) continue;
      const bool complete = ones_above ? (options_.intercept ? max_zero < min_one : (max_zero < 0.0 && min_one > 0.0))
                                       : (options_.intercept ? max_one < min_zero : (max_one < 0.0 && min_zero > 0.0));
      const std::string name = column_name(fit_size(j));
      const std::string sides =
          ones_above ? "every row with label 1 has " + name + " >= " + fit_number(min_one) +
                           " and every row with label 0 has " + name + " <= " + fit_number(max_zero)
                     : "every row with label 1 has " + name + " <= " + fit_number(max_one) +
                           " and every row with label 0 has " + name + " >= " + fit_number(min_zero);
      if (complete)
        throw input_error("huikuan.fit.8",
                          "column " + name + " separates the labels completely: " + sides +
                              ", so its maximum-likelihood coefficient is infinite; merge or drop the column, or "
                              "use an l2_penalty > 0",
                          name);
      throw input_error("huikuan.fit.9",
                        "column " + name + " separates the labels quasi-completely: " + sides +
                            ", so its maximum-likelihood coefficient is infinite; merge or drop the column, or use "
                            "an l2_penalty > 0",
                        name);
    }
  }

  // A rank-revealing QR of the standardised design. A pivot below 1e-8 of
  // the largest means a column is, to rounding, a combination of others:
  // the information matrix (whose condition is the square of the
  // design's) would then be singular to double precision.
  void reject_dependent_columns() const {
    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(design_);
    qr.setThreshold(1e-8);
    const Eigen::Index rank = qr.rank();
    if (rank == design_.cols()) return;
    const auto& permutation = qr.colsPermutation().indices();
    const Eigen::Index dependent = permutation(rank);
    // The dependent column in terms of the kept ones: R11 z = R12.
    // Both blocks lie on or above the diagonal of the packed factor.
    const Eigen::MatrixXd r11 = qr.matrixR().topLeftCorner(rank, rank);
    const Eigen::VectorXd r12 = qr.matrixR().col(rank).head(rank);
    const Eigen::VectorXd z = r11.triangularView<Eigen::Upper>().solve(r12);
    const double largest = rank > 0 ? z.cwiseAbs().maxCoeff() : 0.0;
    std::vector<Eigen::Index> involved;
    for (Eigen::Index k = 0; k < rank; ++k)
      if (std::abs(z(k)) > 1e-6 * largest) involved.push_back(permutation(k));
    std::sort(involved.begin(), involved.end());
    std::string others;
    for (std::size_t k = 0; k < involved.size(); ++k) {
      if (k > 0) others += k + 1 == involved.size() ? " and " : ", ";
      others += parameter_phrase(fit_size(involved[k]));
    }
    const std::string subject = parameter_phrase(fit_size(dependent));
    const std::string field =
        subject == "the intercept" ? "x" : column_name(fit_size(dependent) - (options_.intercept ? 1U : 0U));
    throw input_error("huikuan.fit.7",
                      "the columns are linearly dependent: " + subject + " is, to rounding, a linear combination of " +
                          (others.empty() ? std::string("nothing (it is zero)") : others) +
                          ", so the coefficients are not unique; drop a column or use an l2_penalty > 0",
                      field);
  }

  // Penalised log-likelihood at the linear predictor eta and the
  // standardised coefficients gamma.
  [[nodiscard]] double objective(const Eigen::VectorXd& eta, const Eigen::VectorXd& gamma) const {
    double value = 0.0;
    for (Eigen::Index i = 0; i < eta.size(); ++i) value += labels_(i) * eta(i) - fit_log_one_plus_exp(eta(i));
    return value - 0.5 * (penalty_.array() * gamma.array().square()).sum();
  }

  [[nodiscard]] std::size_t saturated_rows(const Eigen::VectorXd& eta, Eigen::Index& first) const {
    std::size_t count = 0;
    for (Eigen::Index i = eta.size(); i-- > 0;) {
      const bool saturated = labels_(i) == 1.0 ? eta(i) > fit_saturated_eta : eta(i) < -fit_saturated_eta;
      if (saturated) {
        ++count;
        first = i;
      }
    }
    return count;
  }

  [[noreturn]] void throw_quasi_separation(std::size_t count, Eigen::Index first, int iteration) const {
    throw input_error("huikuan.fit.9",
                      "the labels are quasi-completely separated: after " + std::to_string(iteration) +
                          " iterations the fit drives the probabilities of " + std::to_string(count) +
                          " rows (the first is row " + std::to_string(first) +
                          ") to 0 or 1 while the coefficients grow without bound; merge sparse bins, drop the "
                          "separating column or use an l2_penalty > 0",
                      "labels");
  }

  // The information matrix could not be factorised after `iteration`
  // completed iterations. Without a penalty the
  // usual cause is separation, which is then named; otherwise the design
  // is singular to double precision.
  [[noreturn]] void throw_breakdown(const Eigen::VectorXd& eta, int iteration) const {
    Eigen::Index first = 0;
    const std::size_t count = saturated_rows(eta, first);
    if (count > 0 && options_.l2_penalty == 0.0) throw_quasi_separation(count, first, iteration);
    throw input_error("huikuan.fit.7",
                      "the information matrix became singular after " + std::to_string(iteration) +
                          " iterations; the columns are (nearly) linearly dependent; drop a column or use an "
                          "l2_penalty > 0",
                      "x");
  }

  // Information matrix D' W D + diag(penalty) and its factorisation.
  // D' W D is summed over blocks of rows: one product of a tall n x p
  // design with itself runs about ten times slower in Eigen's GEMM (a
  // 16 x 16 result over a million rows) than these cache-sized blocks.
  bool factorise(const Eigen::VectorXd& eta, Eigen::VectorXd& probability, Eigen::LDLT<Eigen::MatrixXd>& ldlt) {
    probability = eta.unaryExpr([](double e) { return fit_logistic(e); });
    const Eigen::VectorXd weight = probability.array() * (1.0 - probability.array());
    const Eigen::Index rows = design_.rows();
    constexpr Eigen::Index block = 2048;
    weighted_block_.resize(std::min(block, rows), design_.cols());
    Eigen::MatrixXd information = Eigen::MatrixXd::Zero(design_.cols(), design_.cols());
    for (Eigen::Index start = 0; start < rows; start += block) {
      const Eigen::Index count = std::min(block, rows - start);
      weighted_block_.topRows(count) = weight.segment(start, count).asDiagonal() * design_.middleRows(start, count);
      information.noalias() += design_.middleRows(start, count).transpose() * weighted_block_.topRows(count);
    }
    information.diagonal() += penalty_;
    ldlt.compute(information);
    return ldlt.info() == Eigen::Success && (ldlt.vectorD().array() > 0.0).all();
  }

  logistic_fit newton() {
    const Eigen::Index p = design_.cols();
    const auto rows = static_cast<double>(x_.rows());
    const Eigen::Index offset = options_.intercept ? 1 : 0;

    // lambda / 2 x sum beta_j^2 with beta_j = gamma_j / scale_j.
    penalty_ = Eigen::VectorXd::Zero(p);
    for (Eigen::Index j = 0; j < x_.cols(); ++j)
      penalty_(j + offset) = options_.l2_penalty / (scale_(j) * scale_(j));

    // Start at the intercept-only model (all probabilities = the base rate).
    Eigen::VectorXd gamma = Eigen::VectorXd::Zero(p);
    const double rate = ones_ / rows;
    if (options_.intercept) gamma(0) = std::log(rate / (1.0 - rate));
    Eigen::VectorXd eta = design_ * gamma;
    double current = objective(eta, gamma);

    Eigen::VectorXd probability(eta.size());
    Eigen::LDLT<Eigen::MatrixXd> ldlt;
    logistic_fit fit;
    const bool penalised = options_.l2_penalty > 0.0;
    for (int iteration = 1; iteration <= options_.max_iterations; ++iteration) {
      if (!factorise(eta, probability, ldlt)) throw_breakdown(eta, iteration - 1);
      const Eigen::VectorXd gradient =
          design_.transpose() * (labels_ - probability) - (penalty_.array() * gamma.array()).matrix();
      const Eigen::VectorXd step = ldlt.solve(gradient);
      fit.iterations = iteration;
      const bool small = (step.array().abs() <= options_.tolerance * gamma.array().abs().max(1.0)).all();
      if (small) {
        gamma += step;
        eta = design_ * gamma;
        fit.converged = true;
        break;
      }
      // Step halving: accept the longest step t x step (t = 1, 1/2, ...)
      // that does not lower the objective beyond rounding.
      const double slack = 64.0 * std::numeric_limits<double>::epsilon() * (1.0 + std::abs(current));
      double t = 1.0;
      Eigen::VectorXd trial_gamma;
      Eigen::VectorXd trial_eta;
      double trial = 0.0;
      bool accepted = false;
      for (int halving = 0; halving < 60; ++halving, t *= 0.5) {
        trial_gamma = gamma + t * step;
        trial_eta = design_ * trial_gamma;
        trial = objective(trial_eta, trial_gamma);
        if (std::isfinite(trial) && trial >= current - slack) {
          accepted = true;
          break;
        }
      }
      if (!accepted) break;  // no ascent left at double precision: not converged
      gamma = std::move(trial_gamma);
      eta = std::move(trial_eta);
      current = trial;
      if (!penalised && every_row_classified(eta))
        throw input_error("huikuan.fit.8",
                          "the labels are completely separated: at iteration " + std::to_string(iteration) +
                              " a combination of the columns classifies every row correctly, so the "
                              "maximum-likelihood coefficients are infinite; drop or merge columns, or use an "
                              "l2_penalty > 0",
                          "labels");
    }
    if (!fit.converged && !penalised) {
      Eigen::Index first = 0;
      const std::size_t count = saturated_rows(eta, first);
      if (count > 0) throw_quasi_separation(count, first, fit.iterations);
    }

    if (!factorise(eta, probability, ldlt)) throw_breakdown(eta, fit.iterations);
    const Eigen::MatrixXd covariance_standardised = ldlt.solve(Eigen::MatrixXd::Identity(p, p));

    // beta = T gamma: beta_j = gamma_j / s_j and, with an intercept,
    // beta_0 = gamma_0 - sum_j gamma_j c_j / s_j. The covariance follows as
    // T C T', which equals the inverse information on the original scale.
    Eigen::MatrixXd transform = Eigen::MatrixXd::Zero(p, p);
    if (options_.intercept) transform(0, 0) = 1.0;
    for (Eigen::Index j = 0; j < x_.cols(); ++j) {
      transform(j + offset, j + offset) = 1.0 / scale_(j);
      if (options_.intercept) transform(0, j + offset) = -center_(j) / scale_(j);
    }
    fit.coefficients = transform * gamma;
    fit.covariance = transform * covariance_standardised * transform.transpose();
    fit.standard_errors = fit.covariance.diagonal().array().sqrt();
    fit.z_values = fit.coefficients.array() / fit.standard_errors.array();

    double log_likelihood = 0.0;
    for (Eigen::Index i = 0; i < eta.size(); ++i)
      log_likelihood += labels_(i) * eta(i) - fit_log_one_plus_exp(eta(i));
    fit.log_likelihood = log_likelihood;
    const double zeros = rows - ones_;
    fit.null_log_likelihood = ones_ * std::log(rate) + zeros * std::log(zeros / rows);
    fit.penalised_log_likelihood =
        log_likelihood - 0.5 * options_.l2_penalty * fit.coefficients.tail(x_.cols()).squaredNorm();
    fit.intercept = options_.intercept;
    fit.l2_penalty = options_.l2_penalty;
    fit.observations = fit_size(x_.rows());
    if (options_.intercept) fit.names.emplace_back("intercept");
    for (std::size_t j = 0; j < columns_; ++j) fit.names.push_back(column_name(j));
    return fit;
  }

  [[nodiscard]] bool every_row_classified(const Eigen::VectorXd& eta) const {
    for (Eigen::Index i = 0; i < eta.size(); ++i)
      if (labels_(i) == 1.0 ? !(eta(i) > 0.0) : !(eta(i) < 0.0)) return false;
    return true;
  }

  const Eigen::Ref<const Eigen::MatrixXd>& x_;
  const logistic_options& options_;
  std::size_t columns_;
  std::size_t parameters_;
  Eigen::VectorXd labels_{};
  double ones_ = 0.0;
  Eigen::VectorXd center_{};
  Eigen::VectorXd scale_{};
  Eigen::VectorXd penalty_{};
  Eigen::MatrixXd design_{};
  Eigen::MatrixXd weighted_block_{};
};

inline void fit_require_predictable(const logistic_fit& fit, std::size_t columns, std::string_view what) {
  const std::size_t expected = fit_size(fit.coefficients.size()) - (fit.intercept ? 1U : 0U);
  if (columns != expected)
    throw input_error("huikuan.fit.10",
                      std::string(what) + " has " + std::to_string(columns) + " columns but the model was fitted on " +
                          std::to_string(expected),
                      what);
}

}  // namespace detail

HUIKUAN_FUNC double logistic_fit::linear_predictor(std::span<const double> row) const {
  detail::fit_require_predictable(*this, row.size(), "row");
  const Eigen::Index offset = intercept ? 1 : 0;
  double eta = intercept ? coefficients(0) : 0.0;
  for (std::size_t j = 0; j < row.size(); ++j) {
    if (!std::isfinite(row[j]))
      throw input_error("huikuan.fit.10",
                        "row[" + std::to_string(j) + "] is " + detail::fit_number(row[j]) +
                            "; every value must be finite",
                        "row");
    eta += coefficients(detail::fit_index(j) + offset) * row[j];
  }
  return eta;
}

HUIKUAN_FUNC double logistic_fit::predict_probability(std::span<const double> row) const {
  return detail::fit_logistic(linear_predictor(row));
}

HUIKUAN_FUNC Eigen::VectorXd logistic_fit::predict_probability(const Eigen::Ref<const Eigen::MatrixXd>& x) const {
  detail::fit_require_predictable(*this, detail::fit_size(x.cols()), "x");
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      if (!std::isfinite(x(i, j)))
        throw input_error("huikuan.fit.10",
                          "x[" + std::to_string(i) + ", " + names[detail::fit_size(j) + (intercept ? 1U : 0U)] +
                              "] is " + detail::fit_number(x(i, j)) + "; every value must be finite",
                          "x");
  // Summed in the same order as linear_predictor, so a row predicted in a
  // matrix gets bit-identical numbers to the row predicted alone.
  const Eigen::Index offset = intercept ? 1 : 0;
  Eigen::VectorXd probability(x.rows());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    double eta = intercept ? coefficients(0) : 0.0;
    for (Eigen::Index j = 0; j < x.cols(); ++j) eta += coefficients(j + offset) * x(i, j);
    probability(i) = detail::fit_logistic(eta);
  }
  return probability;
}

HUIKUAN_FUNC logistic_fit fit_logistic(const Eigen::Ref<const Eigen::MatrixXd>& x, std::span<const std::uint8_t> labels,
                                       const logistic_options& options) {
  detail::fit_problem problem(x, options);
  problem.validate(labels.size(), [&](std::size_t i) { return static_cast<double>(labels[i]); });
  return problem.solve();
}

HUIKUAN_FUNC logistic_fit fit_logistic(const Eigen::Ref<const Eigen::MatrixXd>& x,
                                       const Eigen::Ref<const Eigen::VectorXd>& labels,
                                       const logistic_options& options) {
  detail::fit_problem problem(x, options);
  problem.validate(detail::fit_size(labels.size()), [&](std::size_t i) { return labels(detail::fit_index(i)); });
  return problem.solve();
}

HUIKUAN_FUNC logistic_fit fit_logistic(std::span<const double> x_column_major, std::size_t rows, std::size_t columns,
                                       std::span<const std::uint8_t> labels, const logistic_options& options) {
  if ((columns != 0 && rows > x_column_major.size() / columns) || rows * columns != x_column_major.size())
    throw input_error("huikuan.fit.1",
                      "x_column_major has " + std::to_string(x_column_major.size()) + " values but rows x columns is " +
                          std::to_string(rows) + " x " + std::to_string(columns) + "; they must match",
                      "x_column_major");
  const Eigen::Map<const Eigen::MatrixXd> x(x_column_major.data(), detail::fit_index(rows), detail::fit_index(columns));
  return fit_logistic(x, labels, options);
}

}  // namespace huikuan
