// Logistic regression fitted by Newton's method (iteratively reweighted
// least squares), for fitting scorecard weights from labelled history.
//
// The model. For row i with indicator values x_i (one row of the design
// matrix) and label y_i (1 = the event, e.g. default; 0 = not),
//     P(y_i = 1) = 1 / (1 + exp(-eta_i)),  eta_i = b_0 + x_i . b,
// and the coefficients maximise the log-likelihood
//     l(b) = sum_i [ y_i eta_i - ln(1 + exp(eta_i)) ]
// or, with an L2 penalty lambda > 0, the penalised log-likelihood
//     l(b) - lambda / 2 x sum_{j >= 1} b_j^2
// (the intercept b_0 is never penalised; the penalty applies to the
// coefficients on the scale of the columns as given, so it is not
// scale-free: standardise the columns yourself for a scale-free penalty).
// With lambda = 0 the fit is the maximum-likelihood estimate of R's
// glm(family = binomial), statsmodels' Logit and Stata's logit; the tests
// check the Spector & Mazzeo data against Stata's published results.
//
// Numerics. The columns are centred (when there is an intercept) and
// scaled to unit standard deviation before Newton's method runs, and the
// coefficients and their covariance are transformed back exactly, so a
// column in units of 1e6 fits as well as one in units of 1. Each Newton
// step solves the (penalised) information matrix by an LDLT factorisation;
// a step that does not improve the (penalised) log-likelihood is halved
// until it does. Complete or quasi-complete separation of the labels and
// linearly dependent columns, which make the maximum-likelihood estimate
// infinite or not unique, are reported as errors instead of returning
// huge numbers (with lambda > 0 the estimate always exists and neither is
// an error).
//
// Errors (input_error; ids never change meaning; `field()` names the
// argument or the column):
//   [huikuan.fit.1] sizes do not match (labels vs rows, a column-major span
//                   vs rows x columns, column_names vs columns)
//   [huikuan.fit.2] a value of x is NaN or infinite (row and column named)
//   [huikuan.fit.3] a label that is not exactly 0 or 1 (row named)
//   [huikuan.fit.4] the labels hold one class only
//   [huikuan.fit.5] no more rows than coefficients, or nothing to fit
//   [huikuan.fit.6] an option out of range (l2_penalty, max_iterations,
//                   tolerance)
//   [huikuan.fit.7] a singular design: a constant column next to the
//                   intercept or an all-zero column (always), a column that
//                   is a linear combination of others (lambda = 0 only)
//   [huikuan.fit.8] complete separation: some combination of the columns
//                   classifies every row correctly (lambda = 0 only)
//   [huikuan.fit.9] quasi-complete separation: the fit drives some rows'
//                   probabilities to exactly 0 or 1 (lambda = 0 only)
//   [huikuan.fit.10] predict_probability given a row or matrix with the
//                   wrong number of columns, or a non-finite value
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "huikuan/config.hpp"
#include "huikuan/error.hpp"

namespace huikuan {

/// How fit_logistic fits. The defaults fit an unpenalised model with an
/// intercept to full double precision.
struct logistic_options {
  /// Fit an intercept b_0 (a column of ones is added in front; do not pass
  /// one yourself).
  bool intercept = true;
  /// L2 penalty lambda >= 0 on every coefficient but the intercept, in the
  /// units of the log-likelihood (a sum over rows, not a mean): the fit
  /// maximises l(b) - lambda / 2 x sum_{j>=1} b_j^2. statsmodels'
  /// GLM.fit_regularized(L1_wt=0) penalises the mean log-likelihood, so its
  /// alpha equals lambda / rows.
  double l2_penalty = 0.0;
  /// Newton iterations allowed (>= 1). A well-posed problem converges in
  /// 5-15; hitting the limit sets logistic_fit::converged to false.
  int max_iterations = 100;
  /// Convergence: stop once a full Newton step changes no standardised
  /// coefficient by more than tolerance x max(1, |coefficient|). Newton's
  /// method converges quadratically, so the default leaves the result
  /// accurate to rounding. Must be finite and > 0.
  double tolerance = 1e-8;
  /// Optional names of the columns of x, used in error messages and in
  /// logistic_fit::names (empty: "x0", "x1", ...).
  std::vector<std::string> column_names{};
};

/// A fitted logistic regression. Coefficient vectors hold the intercept
/// first (when fitted), then one entry per column of x in order; all are
/// on the scale of the columns as given (not standardised).
struct logistic_fit {
  /// b: the (penalised) maximum-likelihood estimate.
  Eigen::VectorXd coefficients{};
  /// sqrt of the diagonal of `covariance`.
  Eigen::VectorXd standard_errors{};
  /// coefficients / standard_errors (Wald z statistics).
  Eigen::VectorXd z_values{};
  /// The inverse of the observed information at the estimate,
  /// (X' W X + lambda P)^-1 with W = diag(p_i (1 - p_i)) and P the identity
  /// without its intercept entry. With lambda = 0 this is the usual
  /// asymptotic covariance (as glm, statsmodels and Stata report). With
  /// lambda > 0 it is the inverse curvature of the PENALISED log-likelihood:
  /// the posterior covariance under a N(0, 1/lambda) prior on each
  /// penalised coefficient (a Laplace approximation), not a frequentist
  /// sampling covariance of the shrunken, biased estimate; read its
  /// standard errors and z values with that in mind.
  Eigen::MatrixXd covariance{};
  /// "intercept" (when fitted), then the column names.
  std::vector<std::string> names{};
  /// l(b), the unpenalised log-likelihood at the estimate (natural log).
  double log_likelihood = 0.0;
  /// The log-likelihood of the intercept-only model, n [r ln r + (1 - r)
  /// ln(1 - r)] with r the share of 1 labels (statsmodels' llnull; Stata's
  /// "ll(0)"). Reported whether or not `intercept` is set.
  double null_log_likelihood = 0.0;
  /// l(b) - lambda / 2 sum_{j>=1} b_j^2, the objective that was maximised
  /// (equal to log_likelihood when lambda = 0).
  double penalised_log_likelihood = 0.0;
  /// Newton iterations taken.
  int iterations = 0;
  /// Whether the convergence test passed within max_iterations. When false
  /// the numbers are those of the last iterate.
  bool converged = false;
  bool intercept = true;
  double l2_penalty = 0.0;
  /// Rows fitted.
  std::size_t observations = 0;

  /// eta = b_0 + x . b for one row of indicator values (without the
  /// intercept's 1), the log-odds of the event. Throws input_error
  /// [huikuan.fit.10] if row has the wrong length or a non-finite value.
  /// O(columns).
  [[nodiscard]] HUIKUAN_FUNC double linear_predictor(std::span<const double> row) const;

  /// The fitted probability of the event (label 1) for one row:
  /// 1 / (1 + exp(-eta)), computed without overflow for any eta. Throws as
  /// linear_predictor. O(columns).
  [[nodiscard]] HUIKUAN_FUNC double predict_probability(std::span<const double> row) const;

  /// Fitted probabilities for every row of x (rows x columns, the same
  /// columns as the fit). Throws input_error [huikuan.fit.10] if x has the
  /// wrong number of columns or a non-finite value (row and column named).
  /// O(rows x columns).
  [[nodiscard]] HUIKUAN_FUNC Eigen::VectorXd predict_probability(const Eigen::Ref<const Eigen::MatrixXd>& x) const;
};

/// Fits a logistic regression of `labels` on the columns of `x` (rows =
/// observations, e.g. debtors; columns = indicators) by Newton/IRLS. See
/// the header comment for the model, the penalty and the numerics.
/// `labels[i]` is 1 for the event (default) and 0 otherwise.
///
/// Example (the Spector & Mazzeo data, columns GPA, TUCE, PSI): b = -13.021,
/// 2.826, 0.095, 2.379; standard errors 4.931, 1.263, 0.142, 1.065;
/// log-likelihood -12.890, null -20.592.
///
/// Throws input_error [huikuan.fit.1] .. [huikuan.fit.9] (see the header
/// comment). Separation that involves several columns is detected while
/// iterating (complete: as soon as an iterate classifies every row;
/// quasi-complete: when the iterations run out or the information matrix
/// breaks down with rows at probability 0 or 1). Otherwise running out of
/// iterations does not throw: check `converged`.
/// Complexity: O(rows x p^2 + p^3) per iteration with p = columns (+1 for
/// the intercept), usually 5-15 iterations, plus one rank-revealing QR of
/// O(rows x p^2) when lambda = 0; memory: the standardised rows x p copy
/// of x, and a second one for the QR when lambda = 0. About 3 s for a
/// million rows and 15 columns on one core.
[[nodiscard]] HUIKUAN_FUNC logistic_fit fit_logistic(const Eigen::Ref<const Eigen::MatrixXd>& x,
                                                   std::span<const std::uint8_t> labels,
                                                   const logistic_options& options = {});

/// As above with labels held as doubles (an Eigen vector or a float numpy
/// column); each must be exactly 0.0 or 1.0, otherwise input_error
/// [huikuan.fit.3] naming the row.
[[nodiscard]] HUIKUAN_FUNC logistic_fit fit_logistic(const Eigen::Ref<const Eigen::MatrixXd>& x,
                                                   const Eigen::Ref<const Eigen::VectorXd>& labels,
                                                   const logistic_options& options = {});

/// As above with x given as a column-major rows x columns block (a
/// Fortran-ordered numpy array, an ERP's columns laid end to end): column j
/// is x_column_major[j x rows, (j + 1) x rows). Used in place, not copied
/// beyond the standardised working copy. Throws input_error [huikuan.fit.1]
/// if x_column_major.size() != rows x columns, then as above.
[[nodiscard]] HUIKUAN_FUNC logistic_fit fit_logistic(std::span<const double> x_column_major, std::size_t rows,
                                                   std::size_t columns, std::span<const std::uint8_t> labels,
                                                   const logistic_options& options = {});

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/logistic-inl.hpp"
#endif
