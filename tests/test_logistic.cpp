// Logistic regression by Newton/IRLS against published results (Stata's
// logit on the Spector & Mazzeo data, as shipped with statsmodels), an
// independent Newton solve for the L2 penalty, badly scaled columns,
// separation, singular designs and the exact text of every error.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "huikuan/logistic.hpp"

namespace {

// tests/data/spector.csv: OBS, GPA, TUCE, PSI, GRADE (see its header).
struct spector_data {
  Eigen::MatrixXd x;                  // GPA, TUCE, PSI
  std::vector<std::uint8_t> grade;    // 1: the grade improved
};

spector_data load_spector() {
  std::ifstream in(std::string(HUIKUAN_TEST_DATA) + "/spector.csv");
  REQUIRE(in);
  std::vector<std::array<double, 4>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("OBS", 0) == 0) continue;
    std::stringstream fields(line);
    std::string field;
    std::array<double, 5> values{};
    for (double& value : values) {
      std::getline(fields, field, ',');
      value = std::stod(field);
    }
    rows.push_back({values[1], values[2], values[3], values[4]});
  }
  REQUIRE(rows.size() == 32);
  spector_data data;
  data.x.resize(32, 3);
  for (Eigen::Index i = 0; i < 32; ++i) {
    const auto& row = rows[static_cast<std::size_t>(i)];
    data.x(i, 0) = row[0];
    data.x(i, 1) = row[1];
    data.x(i, 2) = row[2];
    data.grade.push_back(static_cast<std::uint8_t>(row[3]));
  }
  return data;
}

huikuan::logistic_options named(std::vector<std::string> names) {
  huikuan::logistic_options options;
  options.column_names = std::move(names);
  return options;
}

// Stata orders the constant last; huikuan puts the intercept first.
Eigen::Index from_stata(Eigen::Index k) { return (k + 1) % 4; }

}  // namespace

// ------------------------------------------------ published Stata results

// Stata 11 `logit grade gpa tuce psi`, as recorded by statsmodels 0.13.5 in
// statsmodels/discrete/tests/results/results_discrete.py, class Spector,
// logit(): params, bse, cov_params, z, llf, llnull (order GPA, TUCE, PSI,
// const). Stata stops at its own convergence criterion, so its estimates
// differ from the exact maximum (see the next test) by up to 1.5e-6 in the
// intercept, 1.2e-7 relative: the comparison is relative, to 1e-6.
TEST_CASE("the Spector and Mazzeo logit agrees with Stata's published results to 1e-6") {
  const spector_data data = load_spector();
  const huikuan::logistic_fit fit = huikuan::fit_logistic(data.x, data.grade, named({"GPA", "TUCE", "PSI"}));

  const std::array<double, 4> params{2.82611297201, .0951576702557, 2.37868772835, -13.0213483201};
  const std::array<double, 4> bse{1.26294114526, .141554207662, 1.06456430165, 4.93132462871};
  const std::array<double, 4> z{2.237723415, 0.6722348408, 2.234423721, -2.640537645};
  const std::array<std::array<double, 4>, 4> cov{{{1.59502033639, -.036920566629, .427615725153, -4.57347950298},
                                                  {-.036920566629, .0200375937069, .0149126464275, -.346255757562},
                                                  {.427615725153, .0149126464275, 1.13329715236, -2.35916128427},
                                                  {-4.57347950298, -.346255757562, -2.35916128427, 24.3179625937}}};
  const auto stata = [](double value) { return Approx(value).epsilon(1e-6); };
  for (Eigen::Index k = 0; k < 4; ++k) {
    const auto s = static_cast<std::size_t>(k);
    CHECK(fit.coefficients(from_stata(k)) == stata(params[s]));
    CHECK(fit.standard_errors(from_stata(k)) == stata(bse[s]));
    CHECK(fit.z_values(from_stata(k)) == stata(z[s]));
    for (Eigen::Index l = 0; l < 4; ++l)
      CHECK(fit.covariance(from_stata(k), from_stata(l)) == stata(cov[s][static_cast<std::size_t>(l)]));
  }
  CHECK(fit.log_likelihood == stata(-12.8896334653335));
  CHECK(fit.null_log_likelihood == stata(-20.5917296966173));
  CHECK(fit.penalised_log_likelihood == fit.log_likelihood);
  CHECK(fit.converged);
  CHECK(fit.iterations <= 10);
  CHECK(fit.observations == 32);
  CHECK(fit.names == std::vector<std::string>{"intercept", "GPA", "TUCE", "PSI"});
}

// The same model solved to full precision: statsmodels 0.13.5 Logit.fit
// with tol=1e-14, and a plain numpy Newton iteration without any scaling
// (both run for this test; they agree to 1e-15).
TEST_CASE("the Spector and Mazzeo logit reaches the exact maximum likelihood to 1e-9") {
  const spector_data data = load_spector();
  const huikuan::logistic_fit fit = huikuan::fit_logistic(data.x, data.grade);
  const std::array<double, 4> coefficients{-13.021346858115693, 2.8261125948893224, 0.09515766131790933,
                                           2.378687655093354};
  const std::array<double, 4> errors{4.931324213602702, 1.262941075629078, 0.14155420567369437, 1.0645642544971308};
  for (Eigen::Index k = 0; k < 4; ++k) {
    CHECK(fit.coefficients(k) == Approx(coefficients[static_cast<std::size_t>(k)]).epsilon(1e-9));
    CHECK(fit.standard_errors(k) == Approx(errors[static_cast<std::size_t>(k)]).epsilon(1e-9));
  }
  CHECK(fit.log_likelihood == Approx(-12.889634222131415).epsilon(1e-12));
  CHECK(fit.null_log_likelihood == Approx(-20.59172969663421).epsilon(1e-12));
  CHECK(fit.names == std::vector<std::string>{"intercept", "x0", "x1", "x2"});
}

// Stata's fitted probabilities (results_discrete.py, Spector.logit, phat).
TEST_CASE("fitted probabilities of the Spector and Mazzeo logit agree with Stata's to 1e-6") {
  const spector_data data = load_spector();
  const huikuan::logistic_fit fit = huikuan::fit_logistic(data.x, data.grade);
  const std::array<double, 32> phat{
      .02657799236476, .05950126051903, .18725991249084, .02590163610876, .56989300251007, .03485824912786,
      .02650404907763, .05155897513032, .11112663894892, .69351142644882, .02447037212551, .18999740481377,
      .32223951816559, .1932111531496,  .36098992824554, .03018374741077, .05362640321255, .03858831897378,
      .58987241983414, .66078591346741, .06137581542134, .90484726428986, .24177247285843, .85209089517593,
      .8382905125618,  .48113295435905, .63542068004608, .30721867084503, .84170418977737, .94534027576447,
      .52911710739136, .1110308393836};
  const Eigen::VectorXd all = fit.predict_probability(data.x);
  REQUIRE(all.size() == 32);
  for (Eigen::Index i = 0; i < 32; ++i) {
    const std::array<double, 3> row{data.x(i, 0), data.x(i, 1), data.x(i, 2)};
    CHECK(fit.predict_probability(row) == Approx(phat[static_cast<std::size_t>(i)]).epsilon(1e-6));
    CHECK(all(i) == fit.predict_probability(row));  // bit-identical, row alone or in a matrix
    CHECK(fit.linear_predictor(row) == Approx(std::log(all(i) / (1.0 - all(i)))).epsilon(1e-12));
  }
}

TEST_CASE("a matrix with byte labels, double labels and a column-major span give identical fits") {
  const spector_data data = load_spector();
  const huikuan::logistic_fit bytes = huikuan::fit_logistic(data.x, data.grade);
  Eigen::VectorXd doubles(32);
  for (Eigen::Index i = 0; i < 32; ++i) doubles(i) = data.grade[static_cast<std::size_t>(i)];
  const huikuan::logistic_fit from_doubles = huikuan::fit_logistic(data.x, doubles);
  const huikuan::logistic_fit from_span = huikuan::fit_logistic(
      std::span<const double>(data.x.data(), static_cast<std::size_t>(data.x.size())), 32, 3, data.grade);
  CHECK(from_doubles.coefficients == bytes.coefficients);
  CHECK(from_span.coefficients == bytes.coefficients);
  CHECK(from_span.covariance == bytes.covariance);
  CHECK(from_span.log_likelihood == bytes.log_likelihood);
}

// ------------------------------------------------------------- scaling

TEST_CASE("a GPA column in millionths or in millions gives the same fit, scaled back") {
  const spector_data data = load_spector();
  const huikuan::logistic_fit reference = huikuan::fit_logistic(data.x, data.grade);
  for (const double factor : {1e6, 1e-6, 1e12}) {
    Eigen::MatrixXd scaled = data.x;
    scaled.col(0) *= factor;
    const huikuan::logistic_fit fit = huikuan::fit_logistic(scaled, data.grade);
    CAPTURE(factor);
    CHECK(fit.converged);
    CHECK(fit.coefficients(1) * factor == Approx(reference.coefficients(1)).epsilon(1e-10));
    CHECK(fit.standard_errors(1) * factor == Approx(reference.standard_errors(1)).epsilon(1e-10));
    CHECK(fit.z_values(1) == Approx(reference.z_values(1)).epsilon(1e-10));
    for (const Eigen::Index k : {0, 2, 3}) {
      CHECK(fit.coefficients(k) == Approx(reference.coefficients(k)).epsilon(1e-10));
      CHECK(fit.standard_errors(k) == Approx(reference.standard_errors(k)).epsilon(1e-10));
    }
    CHECK(fit.log_likelihood == Approx(reference.log_likelihood).epsilon(1e-12));
  }
}

TEST_CASE("shifting a column by a million moves only the intercept") {
  const spector_data data = load_spector();
  const huikuan::logistic_fit reference = huikuan::fit_logistic(data.x, data.grade);
  Eigen::MatrixXd shifted = data.x;
  shifted.col(1).array() += 1e6;
  const huikuan::logistic_fit fit = huikuan::fit_logistic(shifted, data.grade);
  CHECK(fit.coefficients(0) == Approx(reference.coefficients(0) - 1e6 * reference.coefficients(2)).epsilon(1e-9));
  for (const Eigen::Index k : {1, 2, 3}) CHECK(fit.coefficients(k) == Approx(reference.coefficients(k)).epsilon(1e-9));
  CHECK(fit.standard_errors(2) == Approx(reference.standard_errors(2)).epsilon(1e-9));
  CHECK(fit.log_likelihood == Approx(reference.log_likelihood).epsilon(1e-12));
}

// ------------------------------------------------------- L2 penalty

// Reference: an independent numpy Newton iteration on the unscaled design
// (objective l(b) - lambda/2 sum_{j>=1} b_j^2, standard errors from the
// inverse penalised information), run for this test to a gradient below
// 1e-13. statsmodels 0.13.5 GLM(Binomial).fit_regularized(L1_wt=0,
// alpha=lambda/32 x [0,1,1,1]) lands within 1e-5 of it (its optimiser stops
// earlier): -7.949010392067217, 1.2100803853317061, 0.1301527006070499,
// 1.1621492079076672 for lambda = 1.
TEST_CASE("an L2 penalty matches an independent Newton solve and shrinks every coefficient but the intercept") {
  const spector_data data = load_spector();
  struct reference {
    double lambda;
    std::array<double, 4> coefficients;
    std::array<double, 4> errors;
    double log_likelihood;
  };
  const std::array<reference, 2> references{{
      {1.0,
       {-7.949012046076751, 1.2100874288837231, 0.1301519138569471, 1.162144481251268},
       {3.2241454356992674, 0.6917291495954849, 0.12335397632350761, 0.6411617374882859},
       -14.371143451910873},
      {10.0,
       {-5.027559134504821, 0.238549258357854, 0.15742805604822915, 0.2535347672138131},
       {2.566050719292532, 0.2979390018424802, 0.10885252637739738, 0.29315637172361986},
       -17.730879994496},
  }};
  const huikuan::logistic_fit unpenalised = huikuan::fit_logistic(data.x, data.grade);
  double previous_norm = unpenalised.coefficients.tail(3).norm();
  for (const reference& r : references) {
    huikuan::logistic_options options;
    options.l2_penalty = r.lambda;
    const huikuan::logistic_fit fit = huikuan::fit_logistic(data.x, data.grade, options);
    CAPTURE(r.lambda);
    CHECK(fit.converged);
    CHECK(fit.l2_penalty == r.lambda);
    for (Eigen::Index k = 0; k < 4; ++k) {
      CHECK(fit.coefficients(k) == Approx(r.coefficients[static_cast<std::size_t>(k)]).epsilon(1e-9));
      CHECK(fit.standard_errors(k) == Approx(r.errors[static_cast<std::size_t>(k)]).epsilon(1e-9));
    }
    CHECK(fit.log_likelihood == Approx(r.log_likelihood).epsilon(1e-12));
    CHECK(fit.penalised_log_likelihood ==
          Approx(fit.log_likelihood - 0.5 * r.lambda * fit.coefficients.tail(3).squaredNorm()).epsilon(1e-14));
    CHECK(fit.log_likelihood < unpenalised.log_likelihood);
    const double norm = fit.coefficients.tail(3).norm();
    CHECK(norm < previous_norm);
    previous_norm = norm;
  }
}

// Reference: the numpy Newton iteration above on GPA, TUCE, PSI without a
// constant (lambda 0 agrees with statsmodels Logit without a constant).
TEST_CASE("a fit without an intercept penalises and reports every coefficient") {
  const spector_data data = load_spector();
  huikuan::logistic_options options;
  options.intercept = false;
  const huikuan::logistic_fit plain = huikuan::fit_logistic(data.x, data.grade, options);
  const std::array<double, 3> coefficients{0.29933592280844934, -0.10147248180382681, 1.636357390394597};
  const std::array<double, 3> errors{0.681541514327309, 0.09956260332277656, 0.8126199597948999};
  REQUIRE(plain.coefficients.size() == 3);
  for (Eigen::Index k = 0; k < 3; ++k) {
    CHECK(plain.coefficients(k) == Approx(coefficients[static_cast<std::size_t>(k)]).epsilon(1e-9));
    CHECK(plain.standard_errors(k) == Approx(errors[static_cast<std::size_t>(k)]).epsilon(1e-9));
  }
  CHECK(plain.log_likelihood == Approx(-18.770572156572733).epsilon(1e-12));
  // The null model is still the base rate, as statsmodels' llnull.
  CHECK(plain.null_log_likelihood == Approx(-20.59172969663421).epsilon(1e-12));
  CHECK(plain.names == std::vector<std::string>{"x0", "x1", "x2"});
  const std::array<double, 3> row{3.0, 20.0, 1.0};
  CHECK(plain.linear_predictor(row) ==
        Approx(3.0 * coefficients[0] + 20.0 * coefficients[1] + coefficients[2]).epsilon(1e-9));

  options.l2_penalty = 2.0;
  const huikuan::logistic_fit ridge = huikuan::fit_logistic(data.x, data.grade, options);
  const std::array<double, 3> ridge_coefficients{0.14933649684889344, -0.05997314260701515, 0.7387764564188866};
  const std::array<double, 3> ridge_errors{0.47727105807157977, 0.06956953967263899, 0.5153465678569092};
  for (Eigen::Index k = 0; k < 3; ++k) {
    CHECK(ridge.coefficients(k) == Approx(ridge_coefficients[static_cast<std::size_t>(k)]).epsilon(1e-9));
    CHECK(ridge.standard_errors(k) == Approx(ridge_errors[static_cast<std::size_t>(k)]).epsilon(1e-9));
  }
  CHECK(ridge.log_likelihood == Approx(-19.43879592404619).epsilon(1e-12));
}

TEST_CASE("a fit that runs out of iterations says so instead of throwing") {
  const spector_data data = load_spector();
  huikuan::logistic_options options;
  options.max_iterations = 2;
  const huikuan::logistic_fit fit = huikuan::fit_logistic(data.x, data.grade, options);
  CHECK_FALSE(fit.converged);
  CHECK(fit.iterations == 2);
  CHECK(fit.coefficients.size() == 4);
}

// ---------------------------------------------------------- separation

namespace {

// y = 1 exactly where x0 + x1 > 0; neither column separates alone.
Eigen::MatrixXd separated_by_a_combination() {
  Eigen::MatrixXd x(8, 2);
  x << 2, -1, -1, 2, 1, 1, 3, -2, -2, 1, 1, -2, -1, -1, -3, 2;
  return x;
}
const std::vector<std::uint8_t> combination_labels{1, 1, 1, 1, 0, 0, 0, 0};

}  // namespace

TEST_CASE("a column that separates the labels completely is reported with its values") {
  Eigen::MatrixXd x(6, 2);
  x << 1.0, 5, 2.0, 3, 3.0, 8, 4.5, 1, 5.0, 4, 6.0, 2;
  const std::vector<std::uint8_t> labels{0, 0, 0, 1, 1, 1};
  CHECK_THROWS_WITH(huikuan::fit_logistic(x, labels, named({"days_beyond_terms", "years"})),
                    "[huikuan.fit.8] column days_beyond_terms separates the labels completely: every row with label "
                    "1 has days_beyond_terms >= 4.5 and every row with label 0 has days_beyond_terms <= 3, so its "
                    "maximum-likelihood coefficient is infinite; merge or drop the column, or use an l2_penalty > 0");
  const std::vector<std::uint8_t> reversed{1, 1, 1, 0, 0, 0};
  CHECK_THROWS_WITH(huikuan::fit_logistic(x, reversed),
                    "[huikuan.fit.8] column x0 separates the labels completely: every row with label 1 has x0 <= 3 "
                    "and every row with label 0 has x0 >= 4.5, so its maximum-likelihood coefficient is infinite; "
                    "merge or drop the column, or use an l2_penalty > 0");
}

TEST_CASE("a dummy column whose category has no bads is reported as quasi-complete separation") {
  Eigen::MatrixXd x(8, 2);
  // secured = 1 never defaults; secured = 0 has both outcomes.
  x << 1, 10, 1, 20, 1, 15, 0, 12, 0, 30, 0, 25, 0, 11, 0, 14;
  const std::vector<std::uint8_t> labels{0, 0, 0, 1, 0, 1, 1, 0};
  try {
    (void)huikuan::fit_logistic(x, labels, named({"secured", "age"}));
    FAIL("no input_error was thrown");
  } catch (const huikuan::input_error& e) {
    CHECK(std::string(e.what()) ==
          "[huikuan.fit.9] column secured separates the labels quasi-completely: every row with label 1 has "
          "secured <= 0 and every row with label 0 has secured >= 0, so its maximum-likelihood coefficient is "
          "infinite; merge or drop the column, or use an l2_penalty > 0");
    CHECK(e.id() == "huikuan.fit.9");
    CHECK(e.field() == "secured");
  }
}

TEST_CASE("a combination of columns that separates the labels completely is reported") {
  CHECK_THROWS_WITH(huikuan::fit_logistic(separated_by_a_combination(), combination_labels),
                    "[huikuan.fit.8] the labels are completely separated: at iteration 1 a combination of the columns "
                    "classifies every row correctly, so the maximum-likelihood coefficients are infinite; drop or "
                    "merge columns, or use an l2_penalty > 0");
}

TEST_CASE("a combination of columns that separates the labels quasi-completely is reported") {
  // As above plus two identical rows on the boundary x0 + x1 = 0, one of
  // each label: no line can classify both, but x0 + x1 still splits the
  // rest, so its coefficients grow without bound.
  Eigen::MatrixXd x(10, 2);
  x << separated_by_a_combination(), Eigen::RowVector2d(1, -1), Eigen::RowVector2d(1, -1);
  std::vector<std::uint8_t> labels = combination_labels;
  labels.push_back(0);
  labels.push_back(1);
  // The iteration count depends on rounding; the 8 rows off the boundary do not.
  CHECK_THROWS_WITH(huikuan::fit_logistic(x, labels),
                    Catch::Matchers::StartsWith("[huikuan.fit.9] the labels are quasi-completely separated: after ") &&
                        Catch::Matchers::EndsWith(
                            " iterations the fit drives the probabilities of 8 rows (the first is row 0) to 0 or 1 "
                            "while the coefficients grow without bound; merge sparse bins, drop the separating column "
                            "or use an l2_penalty > 0"));
}

// Reference: the numpy Newton iteration with lambda = 1.
TEST_CASE("an L2 penalty gives finite coefficients for separated labels") {
  huikuan::logistic_options options;
  options.l2_penalty = 1.0;
  const huikuan::logistic_fit fit = huikuan::fit_logistic(separated_by_a_combination(), combination_labels, options);
  CHECK(fit.converged);
  CHECK(fit.coefficients(0) == Approx(0.0).margin(1e-12));
  CHECK(fit.coefficients(1) == Approx(1.1281856384931424).epsilon(1e-9));
  CHECK(fit.coefficients(2) == Approx(0.80853901443856513).epsilon(1e-9));
  CHECK(fit.standard_errors(0) == Approx(0.8948159080462621).epsilon(1e-9));
  CHECK(fit.log_likelihood == Approx(-1.963520223120033).epsilon(1e-12));
}

// ------------------------------------------------------ singular designs

TEST_CASE("a constant column next to the intercept is a singular design") {
  const spector_data data = load_spector();
  Eigen::MatrixXd x(32, 4);
  x << data.x, Eigen::VectorXd::Constant(32, 3.5);
  CHECK_THROWS_WITH(huikuan::fit_logistic(x, data.grade, named({"GPA", "TUCE", "PSI", "region"})),
                    "[huikuan.fit.7] column region is constant (every row is 3.5); next to the intercept its "
                    "coefficient cannot be identified; drop it");
  huikuan::logistic_options no_intercept;
  no_intercept.intercept = false;
  x.col(3).setZero();
  CHECK_THROWS_WITH(huikuan::fit_logistic(x, data.grade, no_intercept),
                    "[huikuan.fit.7] column x3 is 0 in every row; its coefficient cannot be identified; drop it");
}

TEST_CASE("a column that is a linear combination of others is a singular design naming them") {
  const spector_data data = load_spector();
  Eigen::MatrixXd x(32, 4);
  x << data.x, (2.0 * data.x.col(0) + data.x.col(1)).eval();
  try {
    (void)huikuan::fit_logistic(x, data.grade, named({"GPA", "TUCE", "PSI", "blend"}));
    FAIL("no input_error was thrown");
  } catch (const huikuan::input_error& e) {
    const std::string text = e.what();
    CHECK(e.id() == "huikuan.fit.7");
    CHECK_THAT(text, Catch::Matchers::StartsWith("[huikuan.fit.7] the columns are linearly dependent: "));
    CHECK_THAT(text, Catch::Matchers::EndsWith(
                         ", so the coefficients are not unique; drop a column or use an l2_penalty > 0"));
    // Whichever of the three is dropped, the other two are named and PSI is not.
    int named_columns = 0;
    for (const char* name : {"column GPA", "column TUCE", "column blend"})
      named_columns += text.find(name) != std::string::npos ? 1 : 0;
    CHECK(named_columns == 3);
    CHECK(text.find("PSI") == std::string::npos);
  }
  Eigen::MatrixXd duplicated(32, 4);
  duplicated << data.x, data.x.col(1);
  // Either copy may be the one reported (the QR pivots between columns of
  // equal norm by rounding).
  const std::string tail = ", so the coefficients are not unique; drop a column or use an l2_penalty > 0";
  CHECK_THROWS_WITH(huikuan::fit_logistic(duplicated, data.grade, named({"GPA", "TUCE", "PSI", "TUCE again"})),
                    Catch::Matchers::Equals("[huikuan.fit.7] the columns are linearly dependent: column TUCE again "
                                            "is, to rounding, a linear combination of column TUCE" +
                                            tail) ||
                        Catch::Matchers::Equals("[huikuan.fit.7] the columns are linearly dependent: column TUCE is, "
                                                "to rounding, a linear combination of column TUCE again" +
                                                tail));
  huikuan::logistic_options ridge = named({"GPA", "TUCE", "PSI", "TUCE again"});
  ridge.l2_penalty = 1.0;
  const huikuan::logistic_fit fit = huikuan::fit_logistic(duplicated, data.grade, ridge);
  CHECK(fit.converged);
  CHECK(fit.coefficients(2) == Approx(fit.coefficients(4)).epsilon(1e-9));
}

// ------------------------------------------------------------ bad input

TEST_CASE("fitting rejects sizes that do not match") {
  const spector_data data = load_spector();
  const std::vector<std::uint8_t> short_labels(31, 0);
  CHECK_THROWS_WITH(huikuan::fit_logistic(data.x, short_labels),
                    "[huikuan.fit.1] labels has 31 elements but x has 32 rows; they must be the same length");
  const std::vector<double> values(95, 1.0);
  CHECK_THROWS_WITH(huikuan::fit_logistic(values, 32, 3, data.grade),
                    "[huikuan.fit.1] x_column_major has 95 values but rows x columns is 32 x 3; they must match");
  CHECK_THROWS_WITH(huikuan::fit_logistic(data.x, data.grade, named({"GPA", "TUCE"})),
                    "[huikuan.fit.1] column_names has 2 names but x has 3 columns; give one name per column or none");
}

TEST_CASE("fitting rejects NaN and infinite values naming the row and the column") {
  spector_data data = load_spector();
  data.x(17, 1) = std::numeric_limits<double>::quiet_NaN();
  data.x(20, 0) = std::numeric_limits<double>::infinity();
  try {
    (void)huikuan::fit_logistic(data.x, data.grade, named({"GPA", "TUCE", "PSI"}));
    FAIL("no input_error was thrown");
  } catch (const huikuan::input_error& e) {
    CHECK(std::string(e.what()) == "[huikuan.fit.2] x[17, TUCE] is nan; every value must be finite");
    CHECK(e.field() == "TUCE");
  }
  data.x(17, 1) = 20.0;
  CHECK_THROWS_WITH(huikuan::fit_logistic(data.x, data.grade),
                    "[huikuan.fit.2] x[20, x0] is inf; every value must be finite");
}

TEST_CASE("fitting rejects labels other than 0 and 1 naming the row") {
  spector_data data = load_spector();
  std::vector<std::uint8_t> labels = data.grade;
  labels[5] = 2;
  CHECK_THROWS_WITH(huikuan::fit_logistic(data.x, labels),
                    "[huikuan.fit.3] labels[5] is 2; a label must be 0 (no event) or 1 (the event, e.g. default)");
  Eigen::VectorXd doubles = Eigen::VectorXd::Zero(32);
  doubles(3) = 1.0;
  doubles(7) = 0.5;
  CHECK_THROWS_WITH(huikuan::fit_logistic(data.x, doubles),
                    "[huikuan.fit.3] labels[7] is 0.5; a label must be 0 (no event) or 1 (the event, e.g. default)");
  doubles(7) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(huikuan::fit_logistic(data.x, doubles),
                    "[huikuan.fit.3] labels[7] is nan; a label must be 0 (no event) or 1 (the event, e.g. default)");
}

TEST_CASE("fitting rejects a label column with one class only") {
  const spector_data data = load_spector();
  CHECK_THROWS_WITH(huikuan::fit_logistic(data.x, std::vector<std::uint8_t>(32, 1)),
                    "[huikuan.fit.4] every label is 1 (32 rows); the fit needs rows of both classes");
  CHECK_THROWS_WITH(huikuan::fit_logistic(data.x, std::vector<std::uint8_t>(32, 0)),
                    "[huikuan.fit.4] every label is 0 (32 rows); the fit needs rows of both classes");
}

TEST_CASE("fitting needs more rows than coefficients") {
  const spector_data data = load_spector();
  const Eigen::MatrixXd four = data.x.topRows(4);
  const std::vector<std::uint8_t> labels{0, 1, 0, 1};
  CHECK_THROWS_WITH(huikuan::fit_logistic(four, labels),
                    "[huikuan.fit.5] x has 4 rows for 4 coefficients (3 columns and the intercept); the fit needs "
                    "more rows than coefficients");
  huikuan::logistic_options options;
  options.intercept = false;
  CHECK_THROWS_WITH(huikuan::fit_logistic(Eigen::MatrixXd(4, 0), labels, options),
                    "[huikuan.fit.5] x has no columns and intercept is off; there is nothing to fit");
  // An intercept alone is a valid model: the base rate.
  const huikuan::logistic_fit base = huikuan::fit_logistic(Eigen::MatrixXd(4, 0), labels);
  CHECK(base.coefficients(0) == Approx(0.0).margin(1e-15));
  CHECK(base.log_likelihood == Approx(base.null_log_likelihood).epsilon(1e-15));
}

TEST_CASE("fitting rejects options out of range") {
  const spector_data data = load_spector();
  huikuan::logistic_options options;
  options.l2_penalty = -1.0;
  CHECK_THROWS_WITH(huikuan::fit_logistic(data.x, data.grade, options),
                    "[huikuan.fit.6] l2_penalty is -1; it must be a finite number >= 0");
  options.l2_penalty = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(huikuan::fit_logistic(data.x, data.grade, options),
                    "[huikuan.fit.6] l2_penalty is nan; it must be a finite number >= 0");
  options = {};
  options.max_iterations = 0;
  CHECK_THROWS_WITH(huikuan::fit_logistic(data.x, data.grade, options),
                    "[huikuan.fit.6] max_iterations is 0; it must be at least 1");
  options = {};
  options.tolerance = 0.0;
  CHECK_THROWS_WITH(huikuan::fit_logistic(data.x, data.grade, options),
                    "[huikuan.fit.6] tolerance is 0; it must be a finite number > 0");
}

TEST_CASE("predicting rejects rows of the wrong width and values that are not finite") {
  const spector_data data = load_spector();
  const huikuan::logistic_fit fit = huikuan::fit_logistic(data.x, data.grade, named({"GPA", "TUCE", "PSI"}));
  const std::array<double, 2> short_row{3.0, 20.0};
  CHECK_THROWS_WITH(fit.predict_probability(short_row),
                    "[huikuan.fit.10] row has 2 columns but the model was fitted on 3");
  const std::array<double, 3> bad_row{3.0, std::numeric_limits<double>::infinity(), 1.0};
  CHECK_THROWS_WITH(fit.predict_probability(bad_row), "[huikuan.fit.10] row[1] is inf; every value must be finite");
  CHECK_THROWS_WITH(fit.predict_probability(data.x.leftCols(2)),
                    "[huikuan.fit.10] x has 2 columns but the model was fitted on 3");
  Eigen::MatrixXd x = data.x;
  x(4, 2) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(fit.predict_probability(x), "[huikuan.fit.10] x[4, PSI] is nan; every value must be finite");
}

TEST_CASE("predicted probabilities stay in 0..1 without overflow for extreme rows") {
  const spector_data data = load_spector();
  const huikuan::logistic_fit fit = huikuan::fit_logistic(data.x, data.grade);
  const std::array<double, 3> huge{1e300, 0.0, 0.0};
  const std::array<double, 3> tiny{-1e300, 0.0, 0.0};
  CHECK(fit.predict_probability(huge) == 1.0);
  CHECK(fit.predict_probability(tiny) == 0.0);
}
