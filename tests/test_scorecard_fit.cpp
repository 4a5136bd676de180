// Fitting a 5C scorecard from labelled history, on generated debtors whose
// defaults are drawn from a KNOWN logistic model of their indicators: the
// fit must find that model's weights and probabilities again, zero the
// weights that point the wrong way, improve a bad scorecard, and say
// exactly what went wrong when the history cannot support a fit.
//
// The generated scorecard maps every indicator value x in [0, 1] linearly
// to 100 x points, so a C score with equal indicator weights is 100 x the
// mean of its values. Uniforms come from std::mt19937_64's raw bits (the
// standard distributions are implementation-defined), so the data are the
// same on every platform.
#include <catch2/catch.hpp>

#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "huikuan/error.hpp"
#include "huikuan/scorecard_fit.hpp"

using namespace huikuan;

namespace {

// Indicators per C in a generated scorecard.
using c_counts = std::array<std::size_t, c_dimension_count>;

// Every C's indicators: codes "character_0", "character_1", ...; points
// 100 x value on [0, 1]; equal weights within each C. `c_weights` must put
// weight only on Cs that have indicators.
scorecard generated_card(const c_counts& counts, const std::array<double, c_dimension_count>& c_weights) {
  scorecard card;
  card.c_weights = c_weights;
  for (std::size_t c = 0; c < c_dimension_count; ++c) {
    for (std::size_t k = 0; k < counts[c]; ++k) {
      indicator i;
      i.code = std::string(to_string(static_cast<c_dimension>(c))) + "_" + std::to_string(k);
      i.name = i.code;
      i.dimension = static_cast<c_dimension>(c);
      i.curve.x = {0, 1};
      i.curve.points = {0, 100};
      i.weight = 1.0 / static_cast<double>(counts[c]);
      card.indicators.push_back(i);
    }
  }
  return card;
}

double uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// Debtors with uniform indicator values (one C may be held constant) and
// defaults drawn from logit P(default) = intercept + sum_j beta[j] x
// points_j, in the scorecard's indicator order.
struct generated_history {
  std::size_t debtors = 0;
  std::size_t indicators = 0;
  std::vector<double> values;          // column-major debtors x indicators
  std::vector<double> probability;     // the generating P(default) per debtor
  std::vector<std::uint8_t> defaulted;

  [[nodiscard]] indicator_columns columns() const {
    return indicator_columns::column_major(values.data(), debtors, indicators);
  }
  [[nodiscard]] double default_rate() const {
    double sum = 0;
    for (std::uint8_t d : defaulted) sum += d;
    return sum / static_cast<double>(debtors);
  }
};

generated_history generate(std::size_t debtors, const std::vector<double>& beta, double intercept,
                           std::uint64_t seed, std::vector<bool> constant = {}) {
  constant.resize(beta.size(), false);
  generated_history h;
  h.debtors = debtors;
  h.indicators = beta.size();
  h.values.resize(debtors * beta.size());
  h.probability.resize(debtors);
  h.defaulted.resize(debtors);
  std::mt19937_64 rng(seed);
  for (std::size_t i = 0; i < debtors; ++i) {
    double eta = intercept;
    for (std::size_t j = 0; j < beta.size(); ++j) {
      const double x = constant[j] ? 0.5 : uniform(rng);
      h.values[j * debtors + i] = x;
      eta += beta[j] * 100.0 * x;
    }
    h.probability[i] = 1.0 / (1.0 + std::exp(-eta));
    h.defaulted[i] = uniform(rng) < h.probability[i] ? 1 : 0;
  }
  return h;
}

// Per-indicator betas from per-C coefficients on C scores with equal
// indicator weights: a C coefficient b over k indicators is b / k each.
std::vector<double> betas_of(const c_counts& counts, const std::array<double, c_dimension_count>& per_c) {
  std::vector<double> beta;
  for (std::size_t c = 0; c < c_dimension_count; ++c)
    for (std::size_t k = 0; k < counts[c]; ++k) beta.push_back(per_c[c] / static_cast<double>(counts[c]));
  return beta;
}

std::vector<double> pd_of(const scorecard& card, const generated_history& h) {
  const scoring_model model(card);
  std::vector<double> pd(h.debtors);
  score_columns out;
  out.pd = pd;
  model.score(h.columns(), out);
  return pd;
}

template <class Call>
std::string error_of(Call call) {
  try {
    call();
  } catch (const input_error& e) {
    return e.what();
  }
  return "(no error)";
}

template <class Call>
std::string field_of(Call call) {
  try {
    call();
  } catch (const input_error& e) {
    return e.field();
  }
  return "(no error)";
}

bool has_note(const scorecard_fit_result& r, const std::string& text) {
  for (const std::string& note : r.notes)
    if (note == text) return true;
  return false;
}

bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

bool same_bits(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  if (a.size() != b.size()) return false;
  for (Eigen::Index k = 0; k < a.size(); ++k)
    if (!same_bits(a(k), b(k))) return false;
  return true;
}

// The standard layout: two indicators in every C but Collateral (one).
constexpr c_counts five_cs{2, 2, 2, 1, 2};
constexpr std::array<double, c_dimension_count> equal_c_weights{0.2, 0.2, 0.2, 0.2, 0.2};

// Only Character and Capacity drive defaults, at -0.06 and -0.04 per point
// of their C scores: the true C weights are 0.6 and 0.4, the rest 0. The
// intercept puts the default rate near 11%.
constexpr std::array<double, c_dimension_count> character_and_capacity{-0.06, -0.04, 0, 0, 0};
constexpr double truth_intercept = 2.8;
constexpr std::size_t many_debtors = 100000;

}  // namespace

// ------------------------------------------------------------- recovery

// Tolerance. Weight c is -b_c / S with S = sum of the useful -b (here
// about 0.1), so its standard error is about se(b_c) / S. At 100 000
// debtors the fit reports se(b_c) < 0.0007 (checked below), so the
// weights' standard errors are at most about 0.007 and 0.02 is about 3 of
// them; it also bounds the small weights the three useless Cs pick up
// from noise.
TEST_CASE("the fitted C weights recover the generating model's to within 0.02", "[scorecard_fit]") {
  const generated_history h = generate(many_debtors, betas_of(five_cs, character_and_capacity), truth_intercept, 1);
  const scorecard start = generated_card(five_cs, equal_c_weights);
  const scorecard_fit_result r = fit_scorecard(start, h.columns(), h.defaulted);
  REQUIRE(r.c_level);
  CHECK(r.c_level->converged);
  for (Eigen::Index k = 1; k < r.c_level->standard_errors.size(); ++k) CHECK(r.c_level->standard_errors(k) < 0.0007);
  const std::array<double, c_dimension_count> truth{0.6, 0.4, 0, 0, 0};
  double sum = 0;
  for (std::size_t c = 0; c < c_dimension_count; ++c) {
    INFO("C " << c << ": fitted " << r.fitted.c_weights[c] << ", true " << truth[c]);
    CHECK(r.fitted.c_weights[c] == Approx(truth[c]).margin(0.02));
    CHECK(r.fitted.c_weights[c] >= 0);
    sum += r.fitted.c_weights[c];
  }
  CHECK(sum == Approx(1).margin(1e-12));
  // The coefficients themselves are the generating ones within 3 standard errors.
  CHECK(r.c_level->names[1] == "character");
  CHECK(r.c_level->coefficients(1) == Approx(-0.06).margin(3 * r.c_level->standard_errors(1)));
  CHECK(r.c_level->coefficients(2) == Approx(-0.04).margin(3 * r.c_level->standard_errors(2)));
  CHECK(r.c_level->coefficients(0) == Approx(truth_intercept).margin(3 * r.c_level->standard_errors(0)));
  // The indicator weights were not asked for and are kept.
  for (std::size_t j = 0; j < start.indicators.size(); ++j)
    CHECK(r.fitted.indicators[j].weight == start.indicators[j].weight);
  CHECK_FALSE(r.indicator_level[0]);
}

TEST_CASE("a C whose score raises the odds of default gets weight 0 and a note", "[scorecard_fit]") {
  // Collateral's true coefficient is +0.02 per point: more security goes
  // with more defaults (the riskiest customers are asked for the most).
  const generated_history h =
      generate(many_debtors, betas_of(five_cs, {-0.06, -0.04, 0, 0.02, 0}), truth_intercept - 1.0, 2);
  const scorecard_fit_result r = fit_scorecard(generated_card(five_cs, equal_c_weights), h.columns(), h.defaulted);
  REQUIRE(r.c_level);
  CHECK(r.c_level->coefficients(4) == Approx(0.02).margin(3 * r.c_level->standard_errors(4)));
  CHECK(r.fitted.c_weights[3] == 0.0);
  bool noted = false;
  for (const std::string& note : r.notes)
    noted |= note.rfind("collateral: coefficient +0.0", 0) == 0 && note.ends_with(" has the wrong sign; weight set to 0");
  CHECK(noted);
  // The remaining weights still sum to 1 and keep the 3 : 2 ratio.
  CHECK(r.fitted.c_weights[0] + r.fitted.c_weights[1] + r.fitted.c_weights[2] + r.fitted.c_weights[4] ==
        Approx(1).margin(1e-12));
  CHECK(r.fitted.c_weights[0] / r.fitted.c_weights[1] == Approx(1.5).epsilon(0.05));
}

// Calibration-in-the-large. With an intercept the fitted PDs sum to the
// defaults observed, so their mean equals the default rate to rounding
// (1e-9 allows for Newton's stopping rule and the kernel's 2^x). The
// generating probabilities average to the default rate only up to sampling
// noise: the sd of (defaults - sum of p) / N is sqrt(mean p(1 - p) / N),
// about 0.0012 at 100 000 debtors, so 0.004 is over 3 sd. Debtor by debtor
// the fitted PD follows the generating one to a mean absolute error of
// 0.005: the fitted weights and slope are off by about one standard error
// (0.5%), which moves a PD by well under 0.01.
TEST_CASE("the calibrated PD matches the generating probabilities on average and debtor by debtor", "[scorecard_fit]") {
  const generated_history h = generate(many_debtors, betas_of(five_cs, character_and_capacity), truth_intercept, 3);
  const scorecard start = generated_card(five_cs, equal_c_weights);
  const scorecard_fit_result r = fit_scorecard(start, h.columns(), h.defaulted);
  const std::vector<double> pd = pd_of(r.fitted, h);
  double mean_pd = 0, mean_truth = 0, mean_error = 0;
  for (std::size_t i = 0; i < h.debtors; ++i) {
    mean_pd += pd[i];
    mean_truth += h.probability[i];
    mean_error += std::fabs(pd[i] - h.probability[i]);
  }
  mean_pd /= static_cast<double>(h.debtors);
  mean_truth /= static_cast<double>(h.debtors);
  mean_error /= static_cast<double>(h.debtors);
  INFO("default rate " << h.default_rate() << ", mean PD " << mean_pd << ", mean generating p " << mean_truth
                       << ", mean |PD - p| " << mean_error);
  CHECK(mean_pd == Approx(h.default_rate()).margin(1e-9));
  CHECK(mean_pd == Approx(mean_truth).margin(0.004));
  CHECK(mean_error < 0.005);
  // The truth on the scorecard's scale: total = 0.6 character + 0.4
  // capacity, logit P(default) = 2.8 - 0.1 x total, so PDO = ln 2 / 0.1 =
  // 6.93 points and the odds at 50 are e^(-(2.8 - 5)) = 9.03 : 1; the
  // fitted slope is within about 1% (its standard error).
  CHECK(r.fitted.scaling.base_score == start.scaling.base_score);
  CHECK(r.fitted.scaling.points_to_double_odds == Approx(std::log(2.0) / 0.1).epsilon(0.03));
  CHECK(r.fitted.scaling.base_odds == Approx(std::exp(2.2)).epsilon(0.03));
}

TEST_CASE("the scorecard's PD at a score is the calibration fit's probability", "[scorecard_fit]") {
  const generated_history h = generate(20000, betas_of(five_cs, character_and_capacity), truth_intercept, 4);
  const scorecard_fit_result r = fit_scorecard(generated_card(five_cs, equal_c_weights), h.columns(), h.defaulted);
  REQUIRE(r.calibration);
  CHECK(r.calibration->names == std::vector<std::string>{"intercept", "total_score"});
  const scoring_model model(r.fitted);
  for (double score : {0.0, 20.0, 50.0, 73.5, 100.0}) {
    const std::array<double, 1> row{score};
    CHECK(model.pd_from_score(score) == Approx(r.calibration->predict_probability(row)).epsilon(1e-12));
  }
}

TEST_CASE("when no C weight is zeroed the calibration only restates the C-level fit", "[scorecard_fit]") {
  // Character and Capacity only: both coefficients are negative, so total
  // = sum w_c C_c with w_c = -b_c / S and the C-level predictor is b_0 - S
  // x total: the calibration's maximum must be a = b_0, b = -S.
  constexpr c_counts two_cs{2, 2, 0, 0, 0};
  const generated_history h = generate(20000, betas_of(two_cs, character_and_capacity), truth_intercept, 5);
  const scorecard_fit_result r = fit_scorecard(generated_card(two_cs, {0.5, 0.5, 0, 0, 0}), h.columns(), h.defaulted);
  REQUIRE(r.c_level);
  REQUIRE(r.calibration);
  const Eigen::VectorXd& b = r.c_level->coefficients;
  CHECK(r.calibration->coefficients(0) == Approx(b(0)).epsilon(1e-9));
  CHECK(r.calibration->coefficients(1) == Approx(b(1) + b(2)).epsilon(1e-9));
  CHECK(r.calibration->log_likelihood == Approx(r.c_level->log_likelihood).epsilon(1e-12));
  CHECK(r.notes == std::vector<std::string>{"capital: no indicators; weight 0", "collateral: no indicators; weight 0",
                                            "conditions: no indicators; weight 0"});
}

TEST_CASE("a scorecard whose weights sit on a useless C discriminates better after fitting", "[scorecard_fit]") {
  const generated_history h = generate(many_debtors, betas_of(five_cs, character_and_capacity), truth_intercept, 6);
  const scorecard start = generated_card(five_cs, {0, 0, 0, 0, 1});  // all on Conditions, which does not matter
  const scorecard_fit_result r = fit_scorecard(start, h.columns(), h.defaulted);
  INFO("AUC before " << r.before.auc << ", after " << r.after.auc);
  CHECK(r.before.auc == Approx(0.5).margin(0.01));
  CHECK(r.after.auc >= r.before.auc + 0.25);
  CHECK(r.after.gini == Approx(2 * r.after.auc - 1).margin(1e-15));
  CHECK(r.after.kolmogorov_smirnov.statistic > r.before.kolmogorov_smirnov.statistic);
  CHECK(r.before.goods + r.before.bads == h.debtors);
  CHECK(r.after.bads == r.before.bads);
  // The before figures are the starting scorecard's PD, exactly.
  const std::vector<double> pd = pd_of(start, h);
  CHECK(r.before.auc == roc_auc(pd, h.defaulted));
}

// Within-C weights. Character's two indicators count -0.04 and -0.02 per
// point (true weights 2/3, 1/3), Capacity's -0.03 each (1/2, 1/2); Capital,
// Collateral and Conditions have one indicator each and no effect. Each
// per-C fit leaves the other Cs out, which shrinks that C's coefficients
// by a common factor (about 0.8 here) but not their ratio; 0.03 allows for
// that and for a standard error of about 0.01 on each weight. The C
// scores rebuilt with those weights then have true coefficients -0.06 and
// -0.06: C weights 1/2 and 1/2.
TEST_CASE("fitting indicator weights recovers the within-C ratios, then the C weights", "[scorecard_fit]") {
  constexpr c_counts layout{2, 2, 1, 1, 1};
  const generated_history h = generate(many_debtors, {-0.04, -0.02, -0.03, -0.03, 0, 0, 0}, 3.4, 7);
  scorecard_fit_options options;
  options.fit_indicator_weights = true;
  const scorecard_fit_result r = fit_scorecard(generated_card(layout, equal_c_weights), h.columns(), h.defaulted, options);
  REQUIRE(r.indicator_level[0]);
  REQUIRE(r.indicator_level[1]);
  for (std::size_t c = 2; c < c_dimension_count; ++c) CHECK_FALSE(r.indicator_level[c]);  // one indicator: weight 1
  CHECK(r.indicator_level[0]->names == std::vector<std::string>{"intercept", "character_0", "character_1"});
  const auto& v = r.fitted.indicators;
  INFO("character " << v[0].weight << " / " << v[1].weight << ", capacity " << v[2].weight << " / " << v[3].weight
                    << ", C weights " << r.fitted.c_weights[0] << " / " << r.fitted.c_weights[1]);
  CHECK(v[0].weight == Approx(2.0 / 3.0).margin(0.03));
  CHECK(v[1].weight == Approx(1.0 / 3.0).margin(0.03));
  CHECK(v[0].weight + v[1].weight == Approx(1).margin(1e-12));
  CHECK(v[2].weight == Approx(0.5).margin(0.03));
  CHECK(v[3].weight == Approx(0.5).margin(0.03));
  CHECK(v[4].weight == 1.0);
  CHECK(r.fitted.c_weights[0] == Approx(0.5).margin(0.03));
  CHECK(r.fitted.c_weights[1] == Approx(0.5).margin(0.03));
  // The shrinkage: Character's per-C coefficients are smaller than the
  // generating ones in the same proportion.
  const Eigen::VectorXd& b = r.indicator_level[0]->coefficients;
  CHECK(b(1) > -0.04);
  CHECK(b(1) / b(2) == Approx(2.0).epsilon(0.15));
}

TEST_CASE("an indicator that points the wrong way gets weight 0 within its C", "[scorecard_fit]") {
  constexpr c_counts layout{2, 1, 0, 0, 0};
  const generated_history h = generate(50000, {-0.05, 0.02, -0.04}, 2.5, 8);
  scorecard_fit_options options;
  options.fit_indicator_weights = true;
  const scorecard_fit_result r = fit_scorecard(generated_card(layout, {0.5, 0.5, 0, 0, 0}), h.columns(), h.defaulted, options);
  CHECK(r.fitted.indicators[0].weight == 1.0);
  CHECK(r.fitted.indicators[1].weight == 0.0);
  bool noted = false;
  for (const std::string& note : r.notes)
    noted |= note.rfind("character_1: coefficient +0.0", 0) == 0 && note.ends_with(" has the wrong sign; weight set to 0");
  CHECK(noted);
}

// ------------------------------------------- what is left out of the fit

TEST_CASE("a constant C score and a C without indicators get weight 0 with a note", "[scorecard_fit]") {
  constexpr c_counts layout{2, 2, 2, 0, 2};
  // Conditions' two indicators are 0.5 for every debtor: 50 points.
  const generated_history h = generate(20000, betas_of(layout, character_and_capacity), truth_intercept, 9,
                                       {false, false, false, false, false, false, true, true});
  const scorecard_fit_result r =
      fit_scorecard(generated_card(layout, {0.25, 0.25, 0.25, 0, 0.25}), h.columns(), h.defaulted);
  CHECK(r.fitted.c_weights[3] == 0.0);
  CHECK(r.fitted.c_weights[4] == 0.0);
  CHECK(has_note(r, "collateral: no indicators; weight 0"));
  CHECK(has_note(r, "conditions: the C score is constant over the history (50 for every debtor); left out of the "
                    "fit, weight 0"));
  REQUIRE(r.c_level);
  CHECK(r.c_level->names == std::vector<std::string>{"intercept", "character", "capacity", "capital"});
  CHECK_NOTHROW(r.fitted.validate());
}

TEST_CASE("a constant indicator is left out of its C's fit and a C of constant indicators keeps its weights", "[scorecard_fit]") {
  constexpr c_counts layout{2, 2, 0, 0, 0};
  // character_1 is constant; both Capacity indicators are constant.
  const generated_history h =
      generate(20000, {-0.06, 0, 0, 0}, 1.0, 10, {false, true, true, true});
  scorecard_fit_options options;
  options.fit_indicator_weights = true;
  scorecard start = generated_card(layout, {0.5, 0.5, 0, 0, 0});
  start.indicators[2].weight = 0.75;
  start.indicators[3].weight = 0.25;
  const scorecard_fit_result r = fit_scorecard(start, h.columns(), h.defaulted, options);
  CHECK(r.fitted.indicators[0].weight == 1.0);
  CHECK(r.fitted.indicators[1].weight == 0.0);
  CHECK(r.fitted.indicators[2].weight == 0.75);
  CHECK(r.fitted.indicators[3].weight == 0.25);
  REQUIRE(r.indicator_level[0]);
  CHECK(r.indicator_level[0]->names == std::vector<std::string>{"intercept", "character_0"});
  CHECK_FALSE(r.indicator_level[1]);
  CHECK(r.notes == std::vector<std::string>{
                       "character_1: constant over the history (50 points for every debtor); left out of the fit, "
                       "weight 0",
                       "capacity: every indicator is constant over the history; its indicator weights are kept",
                       "capacity: the C score is constant over the history (50 for every debtor); left out of the "
                       "fit, weight 0",
                       "capital: no indicators; weight 0", "collateral: no indicators; weight 0",
                       "conditions: no indicators; weight 0"});
  CHECK(r.fitted.c_weights == std::array<double, c_dimension_count>{1, 0, 0, 0, 0});
}

// -------------------------------------------------------------- options

TEST_CASE("with every fit turned off the scorecard comes back unchanged, with its discrimination", "[scorecard_fit]") {
  const generated_history h = generate(5000, betas_of(five_cs, character_and_capacity), truth_intercept, 11);
  const scorecard start = generated_card(five_cs, equal_c_weights);
  scorecard_fit_options options;
  options.fit_c_weights = false;
  options.calibrate_pd = false;
  const scorecard_fit_result r = fit_scorecard(start, h.columns(), h.defaulted, options);
  CHECK_FALSE(r.c_level);
  CHECK_FALSE(r.calibration);
  CHECK(r.notes.empty());
  CHECK(r.fitted.c_weights == start.c_weights);
  CHECK(r.fitted.scaling.base_odds == start.scaling.base_odds);
  CHECK(r.fitted.scaling.points_to_double_odds == start.scaling.points_to_double_odds);
  CHECK(same_bits(r.before.auc, r.after.auc));
  CHECK(r.before.auc > 0.6);
}

TEST_CASE("calibrating alone keeps the weights and rescales the PD", "[scorecard_fit]") {
  const generated_history h = generate(20000, betas_of(five_cs, character_and_capacity), truth_intercept, 12);
  const scorecard start = generated_card(five_cs, equal_c_weights);
  scorecard_fit_options options;
  options.fit_c_weights = false;
  const scorecard_fit_result r = fit_scorecard(start, h.columns(), h.defaulted, options);
  CHECK(r.fitted.c_weights == start.c_weights);
  REQUIRE(r.calibration);
  CHECK(r.fitted.scaling.base_odds != start.scaling.base_odds);
  // Rescaling the PD is monotone in the score: the ranking, and so the AUC, is unchanged.
  CHECK(r.after.auc == Approx(r.before.auc).margin(1e-12));
  double mean_pd = 0;
  for (double pd : pd_of(r.fitted, h)) mean_pd += pd;
  CHECK(mean_pd / static_cast<double>(h.debtors) == Approx(h.default_rate()).margin(1e-9));
}

TEST_CASE("the L2 penalty reaches every fit and shrinks the C coefficients", "[scorecard_fit]") {
  const generated_history h = generate(2000, betas_of(five_cs, character_and_capacity), truth_intercept, 13);
  const scorecard start = generated_card(five_cs, equal_c_weights);
  scorecard_fit_options options;
  options.l2_penalty = 1000.0;
  const scorecard_fit_result plain = fit_scorecard(start, h.columns(), h.defaulted);
  const scorecard_fit_result penalised = fit_scorecard(start, h.columns(), h.defaulted, options);
  REQUIRE(penalised.c_level);
  CHECK(penalised.c_level->l2_penalty == 1000.0);
  CHECK(penalised.calibration->l2_penalty == 1000.0);
  CHECK(std::fabs(penalised.c_level->coefficients(1)) < std::fabs(plain.c_level->coefficients(1)));
  options.l2_penalty = -1;
  CHECK(error_of([&] { (void)fit_scorecard(start, h.columns(), h.defaulted, options); }) ==
        "[huikuan.fit.6] l2_penalty is -1; it must be a finite number >= 0");
}

// ----------------------------------------------------- the fitted model

TEST_CASE("the fitted scorecard validates and scores debtors", "[scorecard_fit]") {
  const generated_history h = generate(20000, betas_of(five_cs, character_and_capacity), truth_intercept, 14);
  const scorecard_fit_result r = fit_scorecard(generated_card(five_cs, equal_c_weights), h.columns(), h.defaulted);
  CHECK_NOTHROW(r.fitted.validate());
  const scoring_model model(r.fitted);
  // A debtor strong in Character and Capacity against one weak in both.
  const std::array<double, 9> strong{0.9, 0.9, 0.9, 0.9, 0.5, 0.5, 0.5, 0.5, 0.5};
  const std::array<double, 9> weak{0.1, 0.1, 0.1, 0.1, 0.5, 0.5, 0.5, 0.5, 0.5};
  const assessment good = model.assess(strong), bad = model.assess(weak);
  CHECK(good.total > bad.total);
  CHECK(good.pd < bad.pd);
  CHECK(good.pd == Approx(r.calibration->predict_probability(std::array<double, 1>{good.total})).epsilon(1e-12));
  // The generating model gives 1 / (1 + e^(-(2.8 - 0.1 x 90))) = 0.0020 and
  // 1 / (1 + e^(-(2.8 - 0.1 x 10))) = 0.858 (the useless Cs sit at 50 and
  // carry almost no weight).
  CHECK(good.pd == Approx(0.0020).margin(0.001));
  CHECK(bad.pd == Approx(0.858).margin(0.03));
}

TEST_CASE("the same history fits to the same scorecard bit for bit", "[scorecard_fit]") {
  // Every step runs: indicator weights in Character and Capacity, a
  // wrong-sign Collateral, notes, calibration.
  constexpr c_counts layout{2, 2, 1, 1, 1};
  const generated_history h = generate(20000, betas_of(layout, {-0.06, -0.04, 0, 0.02, 0}), 1.8, 15);
  scorecard_fit_options options;
  options.fit_indicator_weights = true;
  const scorecard start = generated_card(layout, equal_c_weights);
  const scorecard_fit_result a = fit_scorecard(start, h.columns(), h.defaulted, options);
  const scorecard_fit_result b = fit_scorecard(start, h.columns(), h.defaulted, options);
  for (std::size_t c = 0; c < c_dimension_count; ++c) CHECK(same_bits(a.fitted.c_weights[c], b.fitted.c_weights[c]));
  for (std::size_t j = 0; j < start.indicators.size(); ++j)
    CHECK(same_bits(a.fitted.indicators[j].weight, b.fitted.indicators[j].weight));
  CHECK(same_bits(a.fitted.scaling.base_odds, b.fitted.scaling.base_odds));
  CHECK(same_bits(a.fitted.scaling.points_to_double_odds, b.fitted.scaling.points_to_double_odds));
  CHECK(same_bits(a.c_level->coefficients, b.c_level->coefficients));
  CHECK(same_bits(a.c_level->standard_errors, b.c_level->standard_errors));
  CHECK(same_bits(a.calibration->coefficients, b.calibration->coefficients));
  for (std::size_t c = 0; c < c_dimension_count; ++c) {
    REQUIRE(a.indicator_level[c].has_value() == b.indicator_level[c].has_value());
    if (a.indicator_level[c]) CHECK(same_bits(a.indicator_level[c]->coefficients, b.indicator_level[c]->coefficients));
  }
  CHECK(same_bits(a.before.auc, b.before.auc));
  CHECK(same_bits(a.after.auc, b.after.auc));
  CHECK(same_bits(a.after.kolmogorov_smirnov.statistic, b.after.kolmogorov_smirnov.statistic));
  CHECK(a.notes == b.notes);
  CHECK_FALSE(a.notes.empty());
}

// ----------------------------------------------------------------- errors

TEST_CASE("a history whose every C score raises the odds of default cannot give C weights", "[scorecard_fit][errors]") {
  constexpr c_counts two_cs{2, 2, 0, 0, 0};
  const generated_history h = generate(5000, betas_of(two_cs, {0.03, 0.02, 0, 0, 0}), -4.0, 16);
  const scorecard start = generated_card(two_cs, {0.5, 0.5, 0, 0, 0});
  const auto call = [&] { (void)fit_scorecard(start, h.columns(), h.defaulted); };
  CHECK(error_of(call) ==
        "[huikuan.fit.20] every C score has a coefficient >= 0 (character +0.0294, capacity +0.0198): in this "
        "history more points do not lower the odds of default, so no C weight can be fitted");
  CHECK(field_of(call) == "c_weights");
}

TEST_CASE("a C whose every indicator raises the odds of default cannot give indicator weights", "[scorecard_fit][errors]") {
  constexpr c_counts layout{1, 2, 0, 0, 0};
  const generated_history h = generate(5000, {-0.05, 0.02, 0.01}, 0.0, 17);
  scorecard_fit_options options;
  options.fit_indicator_weights = true;
  const scorecard start = generated_card(layout, {0.5, 0.5, 0, 0, 0});
  const auto call = [&] { (void)fit_scorecard(start, h.columns(), h.defaulted, options); };
  CHECK(error_of(call) ==
        "[huikuan.fit.20] every indicator of capacity has a coefficient >= 0 (capacity_0 +0.016, capacity_1 "
        "+0.00901): in this history more points do not lower the odds of default, so no indicator weight of "
        "capacity can be fitted");
  CHECK(field_of(call) == "capacity");
}

TEST_CASE("a calibration slope that is not negative is an error", "[scorecard_fit][errors]") {
  // The C weights are kept, all on a Character that raises the odds of default.
  constexpr c_counts two_cs{2, 2, 0, 0, 0};
  const generated_history h = generate(5000, betas_of(two_cs, {0.03, -0.02, 0, 0, 0}), -2.0, 18);
  scorecard_fit_options options;
  options.fit_c_weights = false;
  const scorecard start = generated_card(two_cs, {1, 0, 0, 0, 0});
  const auto call = [&] { (void)fit_scorecard(start, h.columns(), h.defaulted, options); };
  CHECK(error_of(call) ==
        "[huikuan.fit.21] the calibration slope is +0.0296 per point (>= 0): in this history a higher total score "
        "does not lower the odds of default, so no PD scaling can be fitted");
  CHECK(field_of(call) == "scaling");
}

TEST_CASE("labels and debtors must be as many", "[scorecard_fit][errors]") {
  const generated_history h = generate(100, betas_of(five_cs, character_and_capacity), truth_intercept, 19);
  const std::span<const std::uint8_t> short_labels(h.defaulted.data(), 99);
  const auto call = [&] { (void)fit_scorecard(generated_card(five_cs, equal_c_weights), h.columns(), short_labels); };
  CHECK(error_of(call) ==
        "[huikuan.fit.22] defaulted has 99 labels but the history has 100 debtors; they must be the same length");
  CHECK(field_of(call) == "defaulted");
}

TEST_CASE("a history in which no C score varies cannot give C weights", "[scorecard_fit][errors]") {
  const generated_history h =
      generate(100, std::vector<double>(9, 0.0), 0.0, 20, std::vector<bool>(9, true));
  const auto call = [&] { (void)fit_scorecard(generated_card(five_cs, equal_c_weights), h.columns(), h.defaulted); };
  CHECK(error_of(call) == "[huikuan.fit.23] no C score varies over the history (100 debtors), so the C weights "
                          "cannot be fitted");
  CHECK(field_of(call) == "c_weights");
}

TEST_CASE("the errors of the logistic fit and of scoring come through unchanged", "[scorecard_fit][errors]") {
  const generated_history h = generate(100, betas_of(five_cs, character_and_capacity), truth_intercept, 21);
  const scorecard start = generated_card(five_cs, equal_c_weights);
  const std::vector<std::uint8_t> no_defaults(100, 0);
  CHECK(error_of([&] { (void)fit_scorecard(start, h.columns(), no_defaults); }) ==
        "[huikuan.fit.4] every label is 0 (100 rows); the fit needs rows of both classes");
  std::vector<std::uint8_t> labels = h.defaulted;
  labels[3] = 2;
  CHECK(error_of([&] { (void)fit_scorecard(start, h.columns(), labels); }) ==
        "[huikuan.fit.3] labels[3] is 2; a label must be 0 (no event) or 1 (the event, e.g. default)");
  // With no fit asked for, the discrimination measures report the labels.
  scorecard_fit_options nothing;
  nothing.fit_c_weights = false;
  nothing.calibrate_pd = false;
  CHECK(error_of([&] { (void)fit_scorecard(start, h.columns(), no_defaults, nothing); }).rfind(
            "[huikuan.diagnostics.4] ", 0) == 0);
  // The history is checked by the scoring kernel.
  indicator_columns missing_column = h.columns();
  missing_column.columns.pop_back();
  CHECK(error_of([&] { (void)fit_scorecard(start, missing_column, h.defaulted); }) ==
        "[huikuan.score.4] 8 indicator columns given; the scorecard has 9");
  std::vector<double> values = h.values;
  values[2 * 100 + 7] = std::numeric_limits<double>::infinity();
  CHECK(error_of([&] {
          (void)fit_scorecard(start, indicator_columns::column_major(values.data(), 100, 9), h.defaulted);
        }) == "[huikuan.score.1] debtor 7, indicator capacity_0: value inf is infinite");
  // And the starting scorecard is validated first.
  scorecard invalid = start;
  invalid.c_weights[0] = 0.5;
  CHECK(error_of([&] { (void)fit_scorecard(invalid, h.columns(), h.defaulted); }) ==
        "[huikuan.scorecard.5] the C weights sum to 1.3, not 1");
}

TEST_CASE("labels that one C score separates completely are reported by the logistic fit", "[scorecard_fit][errors]") {
  constexpr c_counts two_cs{1, 1, 0, 0, 0};
  generated_history h = generate(200, {-0.05, -0.02}, 0.0, 22);
  for (std::size_t i = 0; i < h.debtors; ++i) h.defaulted[i] = h.values[i] < 0.3 ? 1 : 0;
  const auto call = [&] { (void)fit_scorecard(generated_card(two_cs, {0.5, 0.5, 0, 0, 0}), h.columns(), h.defaulted); };
  CHECK(error_of(call).rfind("[huikuan.fit.8] column character separates the labels completely: ", 0) == 0);
  CHECK(field_of(call) == "character");
}
