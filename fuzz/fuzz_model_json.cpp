// model_from_json on any text, as `huikuan score --model` reads it.
//
// Invariants: a model that loads serialises without an error, and that
// JSON loads again to a model that serialises to the same JSON; the model
// compiles for scoring, and one debtor with every indicator missing and
// one with every indicator at the start of its curve either get a total
// in 0..100, a grade the scale has and a PD in 0..1, or a documented
// input_error (an indicator that rejects missing data).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "fuzz_checks.hpp"
#include "huikuan/model_io.hpp"
#include "huikuan/scoring.hpp"

namespace {

using huikuan_fuzz::require;

void check_assessment(const huikuan::scoring_model& scoring, const std::vector<double>& values) {
  huikuan::assessment result;
  try {
    result = scoring.assess(values, 3);
  } catch (const huikuan::input_error&) {
    return;
  }
  require(result.total >= 0 && result.total <= 100, "a total score lies in 0..100");
  require(result.grade < scoring.card().grades.labels.size(), "a grade is one of the scale's");
  require(result.grade_label == scoring.card().grades.labels[result.grade], "the grade label is the grade's");
  require(result.pd >= 0 && result.pd <= 1, "a PD lies in 0..1");
  require(result.reasons.size() <= 3, "at most the reasons asked for");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  huikuan::credit_model model;
  try {
    model = huikuan::model_from_json(huikuan_fuzz::as_text(data, size));
  } catch (const huikuan::input_error&) {
    return 0;
  }
  const std::string json = huikuan::model_to_json(model);
  const std::string again = huikuan::model_to_json(huikuan::model_from_json(json));
  require(json == again, "a loaded model re-serialises and loads to the same JSON");

  const huikuan::scoring_model scoring(model.card);
  const std::size_t count = model.card.indicators.size();
  check_assessment(scoring, std::vector<double>(count, std::numeric_limits<double>::quiet_NaN()));
  std::vector<double> at_start(count);
  for (std::size_t j = 0; j < count; ++j) {
    const auto& x = model.card.indicators[j].curve.x;
    at_start[j] = x.empty() ? 0.0 : x.front();
  }
  check_assessment(scoring, at_start);
  return 0;
}
