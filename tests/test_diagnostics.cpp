// Score diagnostics: ROC AUC, Gini and KS against hand counts and a
// brute-force pairwise computation, weight of evidence and information
// value against MATLAB's published creditscorecard example, the
// population stability index and its bands, and the exact text of every
// error.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "huikuan/diagnostics.hpp"

namespace {

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

using labels_t = std::vector<std::uint8_t>;

// tests/data/spector.csv columns GPA, TUCE, PSI and GRADE (1 = improved,
// read here as the "bad" class: only the arithmetic matters).
struct spector_columns {
  std::vector<double> gpa, tuce, psi;
  labels_t grade;
};

spector_columns load_spector() {
  std::ifstream in(std::string(HUIKUAN_TEST_DATA) + "/spector.csv");
  REQUIRE(in);
  spector_columns data;
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
    data.gpa.push_back(values[1]);
    data.tuce.push_back(values[2]);
    data.psi.push_back(values[3]);
    data.grade.push_back(static_cast<std::uint8_t>(values[4]));
  }
  REQUIRE(data.grade.size() == 32);
  return data;
}

}  // namespace

// ---------------------------------------------------------- discrimination

// scikit-learn's roc_auc_score docstring example: y_true [0, 0, 1, 1],
// y_scores [0.1, 0.4, 0.35, 0.8] -> 0.75. By hand: of the 4 bad-good
// pairs only (0.35, 0.4) is out of order. KS: after 0.1 half the goods
// and none of the bads are at or below the threshold.
TEST_CASE("the scikit-learn example scores an AUC of 0.75, a Gini of 0.5 and a KS of 0.5 at 0.1") {
  const std::vector<double> scores{0.1, 0.4, 0.35, 0.8};
  const labels_t labels{0, 0, 1, 1};
  CHECK(huikuan::roc_auc(scores, labels) == 0.75);
  CHECK(huikuan::gini(scores, labels) == 0.5);
  const huikuan::ks_result ks = huikuan::kolmogorov_smirnov(scores, labels);
  CHECK(ks.statistic == 0.5);
  CHECK(ks.threshold == 0.1);
}

// By hand: bads score 1, 2, 3 and goods 1, 2. Pairs (bad, good): (1,1) tie,
// (1,2) lost, (2,1) won, (2,2) tie, (3,1) won, (3,2) won -> (3 + 2 x 1/2) / 6.
// Cumulative shares at 1: bads 1/3, goods 1/2; at 2: 2/3 and 1; at 3: 1 and 1.
TEST_CASE("tied scores count half a pair and move the KS curves together") {
  const std::vector<double> scores{1, 1, 2, 2, 3};
  const labels_t labels{0, 1, 0, 1, 1};
  const huikuan::discrimination d = huikuan::measure_discrimination(scores, labels);
  CHECK(d.auc == Approx(4.0 / 6.0).epsilon(1e-15));
  CHECK(d.gini == Approx(1.0 / 3.0).epsilon(1e-15));
  CHECK(d.kolmogorov_smirnov.statistic == Approx(1.0 / 3.0).epsilon(1e-15));
  CHECK(d.kolmogorov_smirnov.threshold == 2.0);
  CHECK(d.goods == 2);
  CHECK(d.bads == 3);
}

// Reference: a brute-force Python loop over all 11 x 21 (bad, good) pairs
// (1 if the bad scores higher, 1/2 if tied) and over every distinct score
// as a KS threshold, run for this test with numpy on tests/data/spector.csv.
// GPA and TUCE have many ties; PSI is binary.
TEST_CASE("AUC, Gini and KS of the Spector columns agree with a brute-force pairwise count") {
  const spector_columns data = load_spector();
  struct expected {
    const std::vector<double>* scores;
    double auc, ks, threshold;
  };
  for (const expected& e : {expected{&data.gpa, 183.5 / 231.0, 0.58008658008658, 3.12},
                            expected{&data.tuce, 154.5 / 231.0, 0.2727272727272727, 26.0},
                            expected{&data.psi, 166.5 / 231.0, 0.4415584415584416, 0.0}}) {
    const huikuan::discrimination d = huikuan::measure_discrimination(*e.scores, data.grade);
    CHECK(d.auc == Approx(e.auc).epsilon(1e-15));
    CHECK(d.gini == Approx(2.0 * e.auc - 1.0).epsilon(1e-14));
    CHECK(d.kolmogorov_smirnov.statistic == Approx(e.ks).epsilon(1e-14));
    CHECK(d.kolmogorov_smirnov.threshold == e.threshold);
    CHECK(d.bads == 11);
    CHECK(d.goods == 21);
    CHECK(huikuan::roc_auc(*e.scores, data.grade) == d.auc);
    CHECK(huikuan::gini(*e.scores, data.grade) == d.gini);
    CHECK(huikuan::kolmogorov_smirnov(*e.scores, data.grade).statistic == d.kolmogorov_smirnov.statistic);
  }
}

TEST_CASE("reversing the order of the scores turns AUC into 1 - AUC and keeps KS") {
  const spector_columns data = load_spector();
  std::vector<double> negated(data.gpa.size());
  std::transform(data.gpa.begin(), data.gpa.end(), negated.begin(), [](double s) { return -s; });
  std::vector<double> squashed(data.gpa.size());
  std::transform(data.gpa.begin(), data.gpa.end(), squashed.begin(), [](double s) { return std::exp(3.0 * s); });
  const huikuan::discrimination original = huikuan::measure_discrimination(data.gpa, data.grade);
  const huikuan::discrimination reversed = huikuan::measure_discrimination(negated, data.grade);
  CHECK(reversed.auc == Approx(1.0 - original.auc).epsilon(1e-15));
  CHECK(reversed.gini == Approx(-original.gini).epsilon(1e-14));
  CHECK(reversed.kolmogorov_smirnov.statistic == Approx(original.kolmogorov_smirnov.statistic).epsilon(1e-15));
  // Only the order matters: a monotone transform changes nothing.
  CHECK(huikuan::roc_auc(squashed, data.grade) == original.auc);
}

TEST_CASE("discrimination measures reject unusable scores and labels") {
  const std::vector<double> scores{0.1, 0.4, 0.35, 0.8};
  CHECK_THROWS_WITH(huikuan::roc_auc(scores, labels_t{0, 1, 0}),
                    "[huikuan.diagnostics.1] scores has 4 elements but labels has 3; they must be the same length");
  CHECK_THROWS_WITH(huikuan::gini(std::vector<double>{0.1, not_a_number, 0.3}, labels_t{0, 1, 0}),
                    "[huikuan.diagnostics.2] scores[1] is nan; it must be a finite number");
  CHECK_THROWS_WITH(huikuan::kolmogorov_smirnov(std::vector<double>{0.1, 0.2, -inf}, labels_t{0, 1, 0}),
                    "[huikuan.diagnostics.2] scores[2] is -inf; it must be a finite number");
  CHECK_THROWS_WITH(huikuan::roc_auc(scores, labels_t{0, 1, 2, 1}),
                    "[huikuan.diagnostics.3] labels[2] is 2; a label must be 0 (good) or 1 (bad)");
  CHECK_THROWS_WITH(huikuan::roc_auc(scores, labels_t{1, 1, 1, 1}),
                    "[huikuan.diagnostics.4] there are 0 goods and 4 bads; the measure needs at least one of each");
  CHECK_THROWS_WITH(huikuan::measure_discrimination(std::vector<double>{}, labels_t{}),
                    "[huikuan.diagnostics.4] there are 0 goods and 0 bads; the measure needs at least one of each");
  try {
    (void)huikuan::roc_auc(std::vector<double>{0.1, not_a_number}, labels_t{0, 1});
    FAIL("no input_error was thrown");
  } catch (const huikuan::input_error& e) {
    CHECK(e.id() == "huikuan.diagnostics.2");
    CHECK(e.field() == "scores[1]");
  }
}

// ---------------------------------------------------------------- binning

TEST_CASE("a value on a cut point belongs to the bin above it") {
  const std::vector<double> cuts{10.0, 20.0, 30.0};
  CHECK(huikuan::bin_index(-1e300, cuts) == 0);
  CHECK(huikuan::bin_index(9.999, cuts) == 0);
  CHECK(huikuan::bin_index(10.0, cuts) == 1);
  CHECK(huikuan::bin_index(29.999, cuts) == 2);
  CHECK(huikuan::bin_index(30.0, cuts) == 3);
  CHECK(huikuan::bin_index(1e300, cuts) == 3);
  CHECK(huikuan::bin_index(5.0, std::vector<double>{}) == 0);
}

// ------------------------------------------------------ weight of evidence

// MATLAB Financial Toolbox documentation, creditscorecard bininfo, "Display
// Bin Information Using Default Options" (CreditCardData, predictor
// ResStatus; https://www.mathworks.com/help/finance/creditscorecard.bininfo.html):
//   Home Owner 365 good 177 bad  WOE  0.019329  InfoValue 0.0001682
//   Tenant     307      167          -0.095564            0.0036638
//   Other      131       53           0.20049             0.0059418
//   Totals     803      397                               0.0097738
// MATLAB's WOE is ln(%good / %bad), huikuan's convention.
TEST_CASE("weight of evidence and information value match MATLAB's creditscorecard example to its printed digits") {
  const std::vector<std::int64_t> goods{365, 307, 131};
  const std::vector<std::int64_t> bads{177, 167, 53};
  const huikuan::woe_table table = huikuan::weight_of_evidence(goods, bads);
  REQUIRE(table.bins.size() == 3);
  CHECK(table.bins[0].weight_of_evidence == Approx(0.019329).margin(5e-7));
  CHECK(table.bins[1].weight_of_evidence == Approx(-0.095564).margin(5e-7));
  CHECK(table.bins[2].weight_of_evidence == Approx(0.20049).margin(5e-6));
  CHECK(table.bins[0].information_value == Approx(0.0001682).margin(5e-8));
  CHECK(table.bins[1].information_value == Approx(0.0036638).margin(5e-8));
  CHECK(table.bins[2].information_value == Approx(0.0059418).margin(5e-8));
  CHECK(table.information_value == Approx(0.0097738).margin(5e-8));
  CHECK(table.goods == 803);
  CHECK(table.bads == 397);
  CHECK(table.adjusted_bins == 0);
  CHECK(table.bins[0].good_share == 365.0 / 803.0);
  CHECK(table.bins[0].bad_share == 177.0 / 397.0);
  CHECK(table.bins[2].goods == 131);
  CHECK(table.bins[2].bads == 53);
}

// hackingnote.com, "Weight of Evidence and Information Value" (illustrative
// data): bins MISSING, 1..5 with shares 0.1/0.05, 0.15/0.05, 0.15/0.1,
// 0.2/0.2, 0.2/0.25, 0.2/0.35 -> WOE 0.693, 1.099, 0.405, 0.0, -0.223,
// -0.560; IV 0.035, 0.110, 0.020, 0.0, 0.011, 0.084; total 0.260. Its first
// share column is the numerator of WoE, so it plays huikuan's goods (as
// counts out of 100 each).
TEST_CASE("weight of evidence matches the hackingnote worked example to its printed digits") {
  const std::vector<std::int64_t> goods{10, 15, 15, 20, 20, 20};
  const std::vector<std::int64_t> bads{5, 5, 10, 20, 25, 35};
  const huikuan::woe_table table = huikuan::weight_of_evidence(goods, bads);
  const std::array<double, 6> woe{0.693, 1.099, 0.405, 0.0, -0.223, -0.560};
  const std::array<double, 6> iv{0.035, 0.110, 0.020, 0.0, 0.011, 0.084};
  for (std::size_t k = 0; k < 6; ++k) {
    CHECK(table.bins[k].weight_of_evidence == Approx(woe[k]).margin(5e-4));
    CHECK(table.bins[k].information_value == Approx(iv[k]).margin(5e-4));
  }
  CHECK(table.information_value == Approx(0.260).margin(5e-4));
}

TEST_CASE("swapping goods and bads flips the sign of WoE and keeps the information value") {
  const std::vector<std::int64_t> goods{365, 307, 131};
  const std::vector<std::int64_t> bads{177, 167, 53};
  const huikuan::woe_table table = huikuan::weight_of_evidence(goods, bads);
  const huikuan::woe_table swapped = huikuan::weight_of_evidence(bads, goods);
  for (std::size_t k = 0; k < 3; ++k)
    CHECK(swapped.bins[k].weight_of_evidence == Approx(-table.bins[k].weight_of_evidence).epsilon(1e-14));
  CHECK(swapped.information_value == Approx(table.information_value).epsilon(1e-14));
}

TEST_CASE("a bin with goods but no bads gets half a good and half a bad added") {
  const std::vector<std::int64_t> goods{50, 30, 20, 0};
  const std::vector<std::int64_t> bads{10, 5, 0, 0};
  const huikuan::woe_table table = huikuan::weight_of_evidence(goods, bads);
  CHECK(table.adjusted_bins == 1);
  CHECK(table.bins[2].adjusted);
  CHECK_FALSE(table.bins[0].adjusted);
  // Totals grow by the adjustment: 100.5 goods, 15.5 bads.
  CHECK(table.bins[2].good_share == 20.5 / 100.5);
  CHECK(table.bins[2].bad_share == 0.5 / 15.5);
  CHECK(table.bins[2].weight_of_evidence == Approx(std::log((20.5 / 100.5) / (0.5 / 15.5))).epsilon(1e-14));
  CHECK(table.bins[0].good_share == 50.0 / 100.5);
  CHECK(table.bins[0].bad_share == 10.0 / 15.5);
  // The counts reported are those counted.
  CHECK(table.bins[2].goods == 20);
  CHECK(table.bins[2].bads == 0);
  CHECK(table.goods == 100);
  CHECK(table.bads == 15);
  // An empty bin carries no evidence.
  CHECK(table.bins[3].weight_of_evidence == 0.0);
  CHECK(table.bins[3].information_value == 0.0);
  CHECK_FALSE(table.bins[3].adjusted);
  double shares = 0.0;
  for (const auto& bin : table.bins) shares += bin.good_share;
  CHECK(shares == Approx(1.0).epsilon(1e-15));
  CHECK(table.information_value > 0.0);

  huikuan::woe_options off;
  off.zero_cell_adjustment = 0.0;
  CHECK_THROWS_WITH(huikuan::weight_of_evidence(goods, bads, off),
                    "[huikuan.diagnostics.7] bin 2 has 20 goods and 0 bads, so its weight of evidence is infinite; "
                    "merge it with a neighbour or set zero_cell_adjustment > 0");
  off.zero_cell_adjustment = -0.5;
  CHECK_THROWS_WITH(huikuan::weight_of_evidence(goods, bads, off),
                    "[huikuan.diagnostics.8] zero_cell_adjustment is -0.5; it must be a finite number >= 0");
}

TEST_CASE("weight of evidence of raw values bins them by cut points and keeps missing values in a last bin") {
  // ResStatus coded 0 = home owner, 1 = tenant, 2 = other, NaN = missing,
  // with the counts of the MATLAB example plus 4 goods and 6 bads missing.
  std::vector<double> values;
  labels_t labels;
  const auto add = [&](double value, std::uint8_t label, int count) {
    for (int i = 0; i < count; ++i) {
      values.push_back(value);
      labels.push_back(label);
    }
  };
  add(0, 0, 365);
  add(0, 1, 177);
  add(1, 0, 307);
  add(1, 1, 167);
  add(2, 0, 131);
  add(2, 1, 53);
  add(not_a_number, 0, 4);
  add(not_a_number, 1, 6);
  const std::vector<double> cuts{1.0, 2.0};  // bins (-inf, 1), [1, 2), [2, inf)
  const huikuan::woe_table table = huikuan::weight_of_evidence(values, labels, cuts);
  REQUIRE(table.bins.size() == 4);
  const std::vector<std::int64_t> goods{365, 307, 131, 4};
  const std::vector<std::int64_t> bads{177, 167, 53, 6};
  const huikuan::woe_table from_counts = huikuan::weight_of_evidence(goods, bads);
  for (std::size_t k = 0; k < 4; ++k) {
    CHECK(table.bins[k].goods == goods[k]);
    CHECK(table.bins[k].bads == bads[k]);
    CHECK(table.bins[k].weight_of_evidence == from_counts.bins[k].weight_of_evidence);
  }
  CHECK(table.information_value == from_counts.information_value);

  // Nothing missing: the last bin is empty and neutral.
  const huikuan::woe_table complete =
      huikuan::weight_of_evidence(std::span<const double>(values).first(1200), std::span(labels).first(1200), cuts);
  CHECK(complete.bins[3].goods == 0);
  CHECK(complete.bins[3].bads == 0);
  CHECK(complete.bins[3].weight_of_evidence == 0.0);
  CHECK(complete.information_value == Approx(0.0097738).margin(5e-8));
}

TEST_CASE("weight of evidence rejects unusable counts, values, labels and cut points") {
  const std::vector<std::int64_t> goods{10, 20};
  CHECK_THROWS_WITH(huikuan::weight_of_evidence(goods, std::vector<std::int64_t>{1, 2, 3}),
                    "[huikuan.diagnostics.1] goods_per_bin has 2 elements but bads_per_bin has 3; they must be the "
                    "same length");
  CHECK_THROWS_WITH(huikuan::weight_of_evidence(std::vector<std::int64_t>{}, std::vector<std::int64_t>{}),
                    "[huikuan.diagnostics.6] goods_per_bin is empty; there must be at least one bin");
  CHECK_THROWS_WITH(huikuan::weight_of_evidence(goods, std::vector<std::int64_t>{4, -1}),
                    "[huikuan.diagnostics.6] bads_per_bin[1] is -1; a count must not be negative");
  CHECK_THROWS_WITH(huikuan::weight_of_evidence(goods, std::vector<std::int64_t>{0, 0}),
                    "[huikuan.diagnostics.4] there are 30 goods and 0 bads; the measure needs at least one of each");

  const std::vector<double> values{1.0, 2.0, 3.0};
  const std::vector<double> cuts{2.0};
  CHECK_THROWS_WITH(huikuan::weight_of_evidence(values, labels_t{0, 1}, cuts),
                    "[huikuan.diagnostics.1] values has 3 elements but labels has 2; they must be the same length");
  CHECK_THROWS_WITH(huikuan::weight_of_evidence(std::vector<double>{1.0, inf, 3.0}, labels_t{0, 1, 0}, cuts),
                    "[huikuan.diagnostics.2] values[1] is inf; it must be a finite number, or NaN for missing");
  CHECK_THROWS_WITH(huikuan::weight_of_evidence(values, labels_t{0, 1, 7}, cuts),
                    "[huikuan.diagnostics.3] labels[2] is 7; a label must be 0 (good) or 1 (bad)");
  CHECK_THROWS_WITH(huikuan::weight_of_evidence(values, labels_t{0, 1, 0}, std::vector<double>{2.0, 2.0}),
                    "[huikuan.diagnostics.5] cut_points[1] is 2 after 2; cut points must be strictly increasing");
  CHECK_THROWS_WITH(huikuan::weight_of_evidence(values, labels_t{0, 1, 0}, std::vector<double>{3.0, 1.0}),
                    "[huikuan.diagnostics.5] cut_points[1] is 1 after 3; cut points must be strictly increasing");
  CHECK_THROWS_WITH(huikuan::weight_of_evidence(values, labels_t{0, 1, 0}, std::vector<double>{1.0, inf}),
                    "[huikuan.diagnostics.5] cut_points[1] is inf; cut points must be finite (the outer bins are "
                    "already open-ended)");
  CHECK_THROWS_WITH(huikuan::weight_of_evidence(values, labels_t{0, 1, 0}, std::vector<double>{not_a_number}),
                    "[huikuan.diagnostics.5] cut_points[0] is nan; cut points must be finite (the outer bins are "
                    "already open-ended)");
}

// ------------------------------------------------ population stability index

// PSI and IV are the same divergence: the IV of MATLAB's ResStatus example
// (above) is the PSI between the bads' distribution and the goods'.
TEST_CASE("the PSI between the bad and the good distributions of MATLAB's example is its information value") {
  const std::vector<double> bads{177, 167, 53};
  const std::vector<double> goods{365, 307, 131};
  const huikuan::psi_result psi = huikuan::population_stability_index(bads, goods);
  CHECK(psi.index == Approx(0.0097738).margin(5e-8));
  CHECK(psi.bins[0].contribution == Approx(0.0001682).margin(5e-8));
  CHECK(psi.shift == huikuan::population_shift::stable);
}

// geeksforgeeks.org, "Population Stability Index (PSI)": income bins with
// expected (2020) shares 0.4, 0.3, 0.3 and observed (2021) 0.35, 0.25,
// 0.4. By hand: -0.05 ln(0.875) + -0.05 ln(0.8333) + 0.1 ln(1.3333) =
// 0.0066765 + 0.0091161 + 0.0287682 = 0.0445609: stable.
TEST_CASE("the geeksforgeeks income example has a PSI of 0.0446 and is stable") {
  const std::vector<double> expected{0.4, 0.3, 0.3};
  const std::vector<double> actual{0.35, 0.25, 0.4};
  const huikuan::psi_result psi = huikuan::population_stability_index(expected, actual);
  REQUIRE(psi.bins.size() == 3);
  CHECK(psi.bins[0].contribution == Approx(0.0066765).margin(5e-8));
  CHECK(psi.bins[1].contribution == Approx(0.0091161).margin(5e-8));
  CHECK(psi.bins[2].contribution == Approx(0.0287682).margin(5e-8));
  CHECK(psi.index == Approx(0.0445609).margin(5e-8));
  CHECK(psi.shift == huikuan::population_shift::stable);
  CHECK(psi.floored_bins == 0);
  // Counts and percentages give the same index as shares.
  CHECK(huikuan::population_stability_index(std::vector<double>{40, 30, 30}, std::vector<double>{35, 25, 40}).index ==
        Approx(psi.index).epsilon(1e-14));
}

// By hand: quarters of the development sample against 10/20/30/40% now:
// 0.15 ln 1.6 + 0.05 ln 1.2 - 0.05 ln 0.8 - 0.15 ln 0.4 = 0.228217.
TEST_CASE("a population drifting to the top score band shows some shift") {
  const std::vector<double> expected{0.25, 0.25, 0.25, 0.25};
  const std::vector<double> actual{0.10, 0.20, 0.30, 0.40};
  const double by_hand = 0.15 * std::log(1.6) + 0.05 * std::log(1.2) - 0.05 * std::log(0.8) - 0.15 * std::log(0.4);
  const huikuan::psi_result psi = huikuan::population_stability_index(expected, actual);
  CHECK(psi.index == Approx(by_hand).epsilon(1e-14));
  CHECK(psi.index == Approx(0.228217).margin(5e-7));
  CHECK(psi.shift == huikuan::population_shift::some_shift);
  CHECK(huikuan::population_stability_index(actual, expected).index == Approx(psi.index).epsilon(1e-14));
}

TEST_CASE("PSI of scores bins both samples by the same cut points") {
  // Development: 4 scores in each of the bands (-inf,500), [500,600),
  // [600,700), [700,inf). Now: 1, 2, 3, 4 in those bands, as the test above.
  const std::vector<double> development{450, 480, 499.9, 300, 500, 550, 599, 520,
                                        600, 650, 699,   610, 700, 800, 750, 720};
  const std::vector<double> now{400, 500, 560, 600, 640, 699.99, 700, 710, 900, 760};
  const std::vector<double> cuts{500, 600, 700};
  const huikuan::psi_result psi = huikuan::population_stability_index_of_scores(development, now, cuts);
  REQUIRE(psi.bins.size() == 4);
  CHECK(psi.bins[0].expected_share == 0.25);
  CHECK(psi.bins[3].actual_share == 0.4);
  CHECK(psi.index == Approx(0.228217).margin(5e-7));
  CHECK(psi.shift == huikuan::population_shift::some_shift);
}

TEST_CASE("PSI readings are stable below 0.1, some shift up to 0.25 and major shift above") {
  using huikuan::population_shift;
  CHECK(huikuan::classify_population_shift(0.0) == population_shift::stable);
  CHECK(huikuan::classify_population_shift(0.0999) == population_shift::stable);
  CHECK(huikuan::classify_population_shift(0.1) == population_shift::some_shift);
  CHECK(huikuan::classify_population_shift(0.25) == population_shift::some_shift);
  CHECK(huikuan::classify_population_shift(0.2501) == population_shift::major_shift);
  CHECK(huikuan::classify_population_shift(not_a_number) == population_shift::major_shift);
  CHECK(huikuan::to_string(population_shift::stable) == "stable");
  CHECK(huikuan::to_string(population_shift::some_shift) == "some shift");
  CHECK(huikuan::to_string(population_shift::major_shift) == "major shift");
}

TEST_CASE("a score band empty on one side only gets the floor share, one empty on both sides adds nothing") {
  const std::vector<double> expected{50, 50, 0, 0};
  const std::vector<double> actual{40, 40, 20, 0};
  const huikuan::psi_result psi = huikuan::population_stability_index(expected, actual);
  CHECK(psi.floored_bins == 1);
  CHECK(psi.bins[2].floored);
  CHECK(psi.bins[2].expected_share == 1e-4);
  CHECK(psi.bins[2].contribution == Approx((0.2 - 1e-4) * std::log(0.2 / 1e-4)).epsilon(1e-14));
  CHECK_FALSE(psi.bins[3].floored);
  CHECK(psi.bins[3].contribution == 0.0);
  CHECK(psi.shift == huikuan::population_shift::major_shift);

  huikuan::psi_options off;
  off.zero_share_floor = 0.0;
  CHECK_THROWS_WITH(huikuan::population_stability_index(expected, actual, off),
                    "[huikuan.diagnostics.7] bin 2 has expected share 0 and actual share 0.2, so its term is "
                    "infinite; merge it with a neighbour or set zero_share_floor > 0");
  off.zero_share_floor = 1.0;
  CHECK_THROWS_WITH(huikuan::population_stability_index(expected, actual, off),
                    "[huikuan.diagnostics.8] zero_share_floor is 1; it must be a finite number >= 0 and < 1");
}

TEST_CASE("PSI rejects unusable weights, scores and cut points") {
  const std::vector<double> three{1, 2, 3};
  CHECK_THROWS_WITH(huikuan::population_stability_index(three, std::vector<double>{1, 2}),
                    "[huikuan.diagnostics.1] expected_weights has 3 elements but actual_weights has 2; they must be "
                    "the same length");
  CHECK_THROWS_WITH(huikuan::population_stability_index(std::vector<double>{}, std::vector<double>{}),
                    "[huikuan.diagnostics.6] expected_weights is empty; there must be at least one bin");
  CHECK_THROWS_WITH(huikuan::population_stability_index(three, std::vector<double>{1, -2, 3}),
                    "[huikuan.diagnostics.6] actual_weights[1] is -2; a bin weight must be a finite number >= 0");
  CHECK_THROWS_WITH(huikuan::population_stability_index(std::vector<double>{1, not_a_number, 3}, three),
                    "[huikuan.diagnostics.6] expected_weights[1] is nan; a bin weight must be a finite number >= 0");
  CHECK_THROWS_WITH(huikuan::population_stability_index(three, std::vector<double>{0, 0, 0}),
                    "[huikuan.diagnostics.6] actual_weights sum to 0; a distribution needs some weight");
  const std::vector<double> cuts{500};
  CHECK_THROWS_WITH(huikuan::population_stability_index_of_scores(std::vector<double>{}, three, cuts),
                    "[huikuan.diagnostics.6] expected_scores is empty; a distribution needs some scores");
  CHECK_THROWS_WITH(huikuan::population_stability_index_of_scores(three, std::vector<double>{600, not_a_number},
                                                                  cuts),
                    "[huikuan.diagnostics.2] actual_scores[1] is nan; it must be a finite number");
  CHECK_THROWS_WITH(huikuan::population_stability_index_of_scores(three, three, std::vector<double>{2, 1}),
                    "[huikuan.diagnostics.5] cut_points[1] is 1 after 2; cut points must be strictly increasing");
}
