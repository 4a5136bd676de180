// Credit models as JSON: a round trip gives the same model field by field
// (doubles bit for bit) and the same scores; every kind of bad file is
// rejected with its id and the path of the field at fault.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "huikuan/credit_limit.hpp"
#include "huikuan/error.hpp"
#include "huikuan/model_io.hpp"
#include "huikuan/scorecard.hpp"
#include "huikuan/scoring.hpp"
#include "ledger_generator.hpp"

using namespace huikuan;
using huikuan_test::minor;
using json = nlohmann::json;

namespace {

credit_model capped_model() {
  credit_model model;
  model.policy.concentration_cap = minor(500'000'000);
  return model;
}

void check_same_indicator(const indicator& a, const indicator& b) {
  INFO("indicator " << a.code);
  CHECK(a.code == b.code);
  CHECK(a.name == b.name);
  CHECK(a.dimension == b.dimension);
  CHECK(a.better == b.better);
  CHECK(a.curve.kind == b.curve.kind);
  CHECK(a.curve.x == b.curve.x);
  CHECK(a.curve.points == b.curve.points);
  CHECK(a.curve.allow_non_monotone == b.curve.allow_non_monotone);
  CHECK(a.weight == b.weight);
  CHECK(a.when_missing == b.when_missing);
  CHECK(a.neutral_points == b.neutral_points);
  REQUIRE(a.specials.size() == b.specials.size());
  for (std::size_t s = 0; s < a.specials.size(); ++s) {
    CHECK(a.specials[s].value == b.specials[s].value);
    CHECK(a.specials[s].points == b.specials[s].points);
    CHECK(a.specials[s].label == b.specials[s].label);
  }
  CHECK(a.min_value == b.min_value);
  CHECK(a.max_value == b.max_value);
  CHECK(a.reason_en == b.reason_en);
  CHECK(a.reason_zh == b.reason_zh);
  CHECK(a.unit == b.unit);
}

void check_same_model(const credit_model& a, const credit_model& b) {
  REQUIRE(a.card.indicators.size() == b.card.indicators.size());
  for (std::size_t k = 0; k < a.card.indicators.size(); ++k) check_same_indicator(a.card.indicators[k], b.card.indicators[k]);
  CHECK(a.card.c_weights == b.card.c_weights);
  CHECK(a.card.grades.labels == b.card.grades.labels);
  CHECK(a.card.grades.min_scores == b.card.grades.min_scores);
  CHECK(a.card.scaling.base_score == b.card.scaling.base_score);
  CHECK(a.card.scaling.base_odds == b.card.scaling.base_odds);
  CHECK(a.card.scaling.points_to_double_odds == b.card.scaling.points_to_double_odds);
  CHECK(a.policy.net_worth_share_bp == b.policy.net_worth_share_bp);
  CHECK(a.policy.working_capital_share_bp == b.policy.working_capital_share_bp);
  CHECK(a.policy.purchases_months_bp == b.policy.purchases_months_bp);
  CHECK(a.policy.grade_multiplier_bp == b.policy.grade_multiplier_bp);
  REQUIRE(a.policy.grade_terms.size() == b.policy.grade_terms.size());
  for (std::size_t g = 0; g < a.policy.grade_terms.size(); ++g) {
    REQUIRE(a.policy.grade_terms[g].has_value() == b.policy.grade_terms[g].has_value());
    if (a.policy.grade_terms[g]) {
      CHECK(a.policy.grade_terms[g]->kind == b.policy.grade_terms[g]->kind);
      CHECK(a.policy.grade_terms[g]->to_string() == b.policy.grade_terms[g]->to_string());
    }
  }
  CHECK(a.policy.concentration_cap == b.policy.concentration_cap);
  CHECK(a.policy.rounding_unit == b.policy.rounding_unit);
}

json standard_json() { return json::parse(model_to_json(capped_model())); }

std::string text_of(const json& j) { return j.dump(); }

}  // namespace

TEST_CASE("a model written to JSON reads back identical, field by field", "[model_io]") {
  const credit_model original = capped_model();
  const std::string text = model_to_json(original);
  const credit_model back = model_from_json(text);
  check_same_model(original, back);
  REQUIRE(back.policy.concentration_cap.has_value());
  CHECK(*back.policy.concentration_cap == minor(500'000'000));
  CHECK(model_to_json(back) == text);
}

TEST_CASE("doubles that are not short decimals read back bit for bit", "[model_io]") {
  credit_model model;
  model.card.scaling.base_odds = 1.0 / 3.0;
  model.card.scaling.base_score = 0.1 + 0.2;
  model.card.indicators[0].curve.x[1] = std::nextafter(5.0, 6.0);
  const credit_model back = model_from_json(model_to_json(model));
  CHECK(back.card.scaling.base_odds == 1.0 / 3.0);
  CHECK(back.card.scaling.base_score == 0.1 + 0.2);
  CHECK(back.card.indicators[0].curve.x[1] == std::nextafter(5.0, 6.0));
}

TEST_CASE("a model read back scores random debtors exactly as the original", "[model_io]") {
  const credit_model original = capped_model();
  const credit_model back = model_from_json(model_to_json(original));
  const scoring_model a(original.card), b(back.card);
  std::mt19937_64 rng(20261031);
  const auto uniform = [&](double low, double high) {
    return low + (high - low) * static_cast<double>(rng() >> 11) / 9007199254740992.0;
  };
  for (int debtor = 0; debtor < 200; ++debtor) {
    std::vector<double> values;
    for (const indicator& i : original.card.indicators) {
      double low = i.curve.x.front() - 1, high = i.curve.x.back() + 1;
      if (i.min_value) low = std::max(low, *i.min_value);
      if (i.max_value) high = std::min(high, *i.max_value);
      values.push_back(rng() % 8 == 0 ? std::numeric_limits<double>::quiet_NaN() : uniform(low, high));
    }
    const assessment x = a.assess(values), y = b.assess(values);
    INFO("debtor " << debtor);
    CHECK(x.total == y.total);
    CHECK(x.pd == y.pd);
    CHECK(x.grade == y.grade);
    CHECK(x.c_scores == y.c_scores);
    CHECK(x.indicator_points == y.indicator_points);
  }
}

TEST_CASE("a model without a policy gets the default policy", "[model_io]") {
  json j = standard_json();
  j.erase("policy");
  const credit_model back = model_from_json(text_of(j));
  check_same_model(credit_model{}, back);
}

TEST_CASE("optional indicator fields take their defaults when left out", "[model_io]") {
  json j = standard_json();
  for (const char* key : {"name", "when_missing", "neutral_points", "specials", "min_value", "max_value", "reason_en",
                          "reason_zh", "unit"})
    j["indicators"][0].erase(key);
  const indicator i = model_from_json(text_of(j)).card.indicators[0];
  CHECK(i.name == "days_beyond_terms");
  CHECK(i.when_missing == missing_treatment::neutral);
  CHECK(i.neutral_points == 50);
  CHECK(i.specials.empty());
  CHECK_FALSE(i.min_value.has_value());
  CHECK(i.reason_en.empty());
}

TEST_CASE("text that is not JSON is rejected with huikuan.model.1", "[model_io]") {
  try {
    (void)model_from_json("{\"format\": ");
    FAIL("no exception");
  } catch (const input_error& error) {
    CHECK(error.id() == "huikuan.model.1");
    CHECK_THAT(error.what(), Catch::StartsWith("[huikuan.model.1] the model is not valid JSON: [json.exception.parse_error."));
  }
  CHECK_THROWS_WITH(model_from_json(""), Catch::StartsWith("[huikuan.model.1] the model is not valid JSON: "));
}

TEST_CASE("a number too large for a double is rejected with huikuan.model.1, not a JSON library exception", "[model_io]") {
  // Found by fuzz_model_json: nlohmann reports this overflow as out_of_range
  // 406, which escaped model_from_json as a plain std::exception.
  CHECK_THROWS_MATCHES(
      model_from_json("{\"format\": 0.3222222222E8864144rmat\""), input_error,
      Catch::Message("[huikuan.model.1] the model is not valid JSON: [json.exception.out_of_range.406] number overflow "
                     "parsing '0.3222222222E8864144'"));
}

TEST_CASE("another format or version is rejected with huikuan.model.3", "[model_io]") {
  json j = standard_json();
  j["format"] = "acme.model";
  CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.model.3] the JSON is not a huikuan.credit_model");
  j.erase("format");
  CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.model.3] the JSON is not a huikuan.credit_model");
  CHECK_THROWS_WITH(model_from_json("[1, 2]"), "[huikuan.model.3] the JSON is not a huikuan.credit_model");
  CHECK_THROWS_WITH(model_from_json("42"), "[huikuan.model.3] the JSON is not a huikuan.credit_model");
  j = standard_json();
  j["version"] = 2;
  CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.model.3] model version 2 is not supported (1 is)");
  j["version"] = 1.5;
  CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.model.3] model version 1.5 is not supported (1 is)");
}

TEST_CASE("a missing field is rejected with huikuan.model.2 naming its path", "[model_io]") {
  json j = standard_json();
  SECTION("deep in an indicator") {
    j["indicators"][3]["curve"].erase("x");
    CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.model.2] indicators[3].curve.x is missing");
    try {
      (void)model_from_json(text_of(j));
    } catch (const input_error& error) {
      CHECK(error.field() == "indicators[3].curve.x");
    }
  }
  SECTION("at the top") {
    j.erase("scaling");
    CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.model.2] scaling is missing");
  }
  SECTION("version") {
    j.erase("version");
    CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.model.2] version is missing");
  }
  SECTION("a C weight") {
    j["c_weights"].erase("collateral");
    CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.model.2] c_weights.collateral is missing");
  }
  SECTION("a policy field") {
    j["policy"].erase("rounding_unit");
    CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.model.2] policy.rounding_unit is missing");
  }
  SECTION("a special value's points") {
    j["indicators"][2]["specials"] = json::array({json{{"value", -1}}});
    CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.model.2] indicators[2].specials[0].points is missing");
  }
}

TEST_CASE("a mistyped field is rejected with huikuan.model.2 naming its path", "[model_io]") {
  json j = standard_json();
  SECTION("an array expected") {
    j["indicators"][3]["curve"]["x"] = "0, 1";
    CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.model.2] indicators[3].curve.x must be an array");
  }
  SECTION("a number in an array") {
    j["indicators"][3]["curve"]["x"][1] = "1";
    CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.model.2] indicators[3].curve.x[1] must be a number");
  }
  SECTION("a string expected") {
    j["indicators"][5]["code"] = 7;
    CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.model.2] indicators[5].code must be a string");
  }
  SECTION("a boolean expected") {
    j["indicators"][0]["curve"]["allow_non_monotone"] = "yes";
    CHECK_THROWS_WITH(model_from_json(text_of(j)),
                      "[huikuan.model.2] indicators[0].curve.allow_non_monotone must be true or false");
  }
  SECTION("indicators not an array") {
    j["indicators"] = json::object();
    CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.model.2] indicators must be an array");
  }
  SECTION("basis points") {
    j["policy"]["net_worth_share_bp"] = -5;
    CHECK_THROWS_WITH(model_from_json(text_of(j)),
                      "[huikuan.model.2] policy.net_worth_share_bp must be basis points (0..1000000)");
    j["policy"]["net_worth_share_bp"] = 1000.5;
    CHECK_THROWS_WITH(model_from_json(text_of(j)),
                      "[huikuan.model.2] policy.net_worth_share_bp must be basis points (0..1000000)");
    j["policy"]["net_worth_share_bp"] = 1000;
    j["policy"]["grade_multiplier_bp"][2] = 1'000'001;
    CHECK_THROWS_WITH(model_from_json(text_of(j)),
                      "[huikuan.model.2] policy.grade_multiplier_bp[2] must be basis points (0..1000000)");
  }
  SECTION("terms") {
    j["policy"]["grade_terms"][1] = "NET forty";
    CHECK_THROWS_WITH(model_from_json(text_of(j)),
                      "[huikuan.model.2] policy.grade_terms[1]: terms \"NET forty\" are not NET n, EOM n or DAY d");
  }
  SECTION("money") {
    j["policy"]["concentration_cap"] = "5,00.00";
    CHECK_THROWS_WITH(model_from_json(text_of(j)),
                      "[huikuan.model.2] policy.concentration_cap: amount \"5,00.00\" is not a decimal number");
  }
}

TEST_CASE("a number where terms or money text is expected names its path once", "[model_io]") {
  // model_io-inl.hpp:64-69: parsed() catches text()'s own huikuan.model.2 and
  // prefixes the path again ("policy.concentration_cap: policy.concentration_cap must be a string").
  json j = standard_json();
  j["policy"]["concentration_cap"] = 500;
  CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.model.2] policy.concentration_cap must be a string");
  j = standard_json();
  j["policy"]["grade_terms"][0] = 60;
  CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.model.2] policy.grade_terms[0] must be a string");
  j = standard_json();
  j["indicators"][0]["dimension"] = 1;
  CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.model.2] indicators[0].dimension must be a string");
}

TEST_CASE("an unknown enum value is rejected naming the allowed values", "[model_io]") {
  json j = standard_json();
  SECTION("direction") {
    j["indicators"][1]["direction"] = "sideways";
    CHECK_THROWS_WITH(model_from_json(text_of(j)),
                      "[huikuan.model.2] indicators[1].direction must be one of higher_is_better, higher_is_worse");
  }
  SECTION("curve kind") {
    j["indicators"][1]["curve"]["kind"] = "spline";
    CHECK_THROWS_WITH(model_from_json(text_of(j)),
                      "[huikuan.model.2] indicators[1].curve.kind must be one of piecewise_linear, bins");
  }
  SECTION("missing treatment") {
    j["indicators"][1]["when_missing"] = "ignore";
    CHECK_THROWS_WITH(model_from_json(text_of(j)),
                      "[huikuan.model.2] indicators[1].when_missing must be one of neutral, worst, reject");
  }
  SECTION("dimension") {
    j["indicators"][1]["dimension"] = "cash";
    CHECK_THROWS_WITH(model_from_json(text_of(j)),
                      "[huikuan.model.2] indicators[1].dimension: \"cash\" is not one of character, capacity, capital, "
                      "collateral, conditions");
  }
}

TEST_CASE("a model that parses but does not validate throws the validation error", "[model_io]") {
  json j = standard_json();
  SECTION("scorecard") {
    j["c_weights"]["character"] = 0.5;
    CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.scorecard.5] the C weights sum to 1.2, not 1");
  }
  SECTION("curve") {
    j["indicators"][0]["curve"]["points"][1] = 120;
    CHECK_THROWS_WITH(model_from_json(text_of(j)),
                      "[huikuan.scorecard.3] indicator days_beyond_terms: curve points[1] = 120 is outside 0..100");
  }
  SECTION("policy") {
    j["policy"]["grade_multiplier_bp"].erase(4);
    CHECK_THROWS_WITH(model_from_json(text_of(j)), "[huikuan.limit.1] 4 grade multipliers for 5 grades");
  }
  SECTION("writing an invalid model throws the same") {
    credit_model model;
    model.card.c_weights[0] = 0.5;
    CHECK_THROWS_WITH(model_to_json(model), "[huikuan.scorecard.5] the C weights sum to 1.2, not 1");
    model = credit_model{};
    model.policy.rounding_unit = minor(0);
    CHECK_THROWS_WITH(model_to_json(model), "[huikuan.limit.1] the rounding unit 0.00 is not positive");
  }
}

TEST_CASE("the JSON has the documented layout", "[model_io]") {
  const json j = standard_json();
  CHECK(j["format"] == "huikuan.credit_model");
  CHECK(j["version"] == 1);
  CHECK(j["policy"]["grade_terms"] == json::array({"NET 60", "NET 45", "NET 30", "NET 15", nullptr}));
  CHECK(j["policy"]["rounding_unit"] == "100.00");
  CHECK(j["policy"]["concentration_cap"] == "5000000.00");
  CHECK(j["indicators"].size() == scorecard::standard().indicators.size());
  CHECK(j["indicators"][0]["code"] == "days_beyond_terms");
  CHECK(j["indicators"][0]["dimension"] == "character");
  CHECK(j["indicators"][0]["direction"] == "higher_is_worse");
}

TEST_CASE("loading a missing model file is rejected with huikuan.load.1", "[model_io]") {
  CHECK_THROWS_WITH(load_model("/nonexistent/huikuan/model.json"),
                    "[huikuan.load.1] cannot read /nonexistent/huikuan/model.json: the file is missing or unreadable");
}
