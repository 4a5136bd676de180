// The escalation ladder: the standard colour-graded stages of seed 003 and
// the validation of custom ladders.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "huikuan/error.hpp"
#include "huikuan/escalation.hpp"

using namespace huikuan;

namespace {

constexpr std::int32_t from_start = std::numeric_limits<std::int32_t>::min();

std::string stage_name(const escalation_ladder& ladder, std::int32_t days_past_due) {
  return ladder.stages.at(ladder.stage_for(days_past_due)).name;
}

}  // namespace

TEST_CASE("the standard ladder has six stages: green, blue, yellow, red, stop service, legal", "[escalation]") {
  const escalation_ladder ladder = escalation_ladder::standard();
  REQUIRE(ladder.stages.size() == 6);
  CHECK_NOTHROW(ladder.validate());
  std::vector<std::string> names, colours;
  std::vector<std::int32_t> starts;
  for (const escalation_stage& stage : ladder.stages) {
    names.push_back(stage.name);
    colours.push_back(stage.colour);
    starts.push_back(stage.from_days_past_due);
    CHECK_FALSE(stage.action.empty());
  }
  CHECK(names == std::vector<std::string>{"green", "blue", "yellow", "red", "stop after-sales service", "legal"});
  CHECK(colours == std::vector<std::string>{"green", "blue", "yellow", "red", "red", "red"});
  CHECK(starts == std::vector<std::int32_t>{from_start, 21, 41, 61, 121, 181});
  CHECK(ladder.stages[3].action == "escalate to supervisor: find the cause, propose a solution");
  CHECK(ladder.stages[5].action == "hand over to legal");
}

TEST_CASE("an invoice 20 days past due is green and 21 days past due is blue", "[escalation]") {
  const escalation_ladder ladder = escalation_ladder::standard();
  CHECK(ladder.stage_for(20) == 0);
  CHECK(ladder.stage_for(21) == 1);
  CHECK(stage_name(ladder, 20) == "green");
  CHECK(stage_name(ladder, 21) == "blue");
}

TEST_CASE("an invoice 40 days past due is blue and 41 days past due is yellow", "[escalation]") {
  const escalation_ladder ladder = escalation_ladder::standard();
  CHECK(stage_name(ladder, 40) == "blue");
  CHECK(stage_name(ladder, 41) == "yellow");
}

TEST_CASE("an invoice 60 days past due is yellow and 61 days past due is red", "[escalation]") {
  const escalation_ladder ladder = escalation_ladder::standard();
  CHECK(stage_name(ladder, 60) == "yellow");
  CHECK(stage_name(ladder, 61) == "red");
}

TEST_CASE("after-sales service stops from 121 days past due", "[escalation]") {
  const escalation_ladder ladder = escalation_ladder::standard();
  CHECK(stage_name(ladder, 120) == "red");
  CHECK(stage_name(ladder, 121) == "stop after-sales service");
}

TEST_CASE("an invoice more than 180 days past due goes to legal", "[escalation]") {
  const escalation_ladder ladder = escalation_ladder::standard();
  CHECK(stage_name(ladder, 180) == "stop after-sales service");
  CHECK(stage_name(ladder, 181) == "legal");
  CHECK(stage_name(ladder, std::numeric_limits<std::int32_t>::max()) == "legal");
}

TEST_CASE("an invoice not yet due or due today is green", "[escalation]") {
  const escalation_ladder ladder = escalation_ladder::standard();
  CHECK(ladder.stage_for(0) == 0);
  CHECK(ladder.stage_for(-1) == 0);
  CHECK(ladder.stage_for(-365) == 0);
  CHECK(ladder.stage_for(from_start) == 0);
}

TEST_CASE("stages of the standard ladder never go down as days past due grow", "[escalation]") {
  const escalation_ladder ladder = escalation_ladder::standard();
  std::size_t previous = 0;
  for (std::int32_t d = -400; d <= 400; ++d) {
    const std::size_t stage = ladder.stage_for(d);
    if (stage < previous) FAIL("stage drops at " << d);
    previous = stage;
  }
  CHECK(previous == 5);
}

TEST_CASE("a custom ladder applies each stage from its first day", "[escalation]") {
  escalation_ladder ladder;
  ladder.stages = {{"ok", "green", from_start, ""}, {"call", "amber", 0, ""}, {"sue", "red", 90, ""}};
  CHECK_NOTHROW(ladder.validate());
  CHECK(ladder.stage_for(-1) == 0);
  CHECK(ladder.stage_for(0) == 1);
  CHECK(ladder.stage_for(89) == 1);
  CHECK(ladder.stage_for(90) == 2);

  escalation_ladder single;
  single.stages = {{"all", "grey", from_start, ""}};
  CHECK_NOTHROW(single.validate());
  CHECK(single.stage_for(std::numeric_limits<std::int32_t>::max()) == 0);
}

TEST_CASE("a ladder without stages is rejected", "[escalation]") {
  CHECK_THROWS_MATCHES(escalation_ladder{}.validate(), input_error,
                       Catch::Message("[huikuan.escalation.1] the ladder has no stages"));
}

TEST_CASE("a ladder whose first stage does not apply from the start is rejected", "[escalation]") {
  escalation_ladder ladder;
  ladder.stages = {{"late", "red", 0, ""}};
  CHECK_THROWS_MATCHES(ladder.validate(), input_error,
                       Catch::Message("[huikuan.escalation.1] the first stage \"late\" must apply from the start "
                                      "(INT32_MIN), not from 0"));
  ladder.stages = {{"late", "red", -1000, ""}};
  CHECK_THROWS_MATCHES(ladder.validate(), input_error,
                       Catch::Message("[huikuan.escalation.1] the first stage \"late\" must apply from the start "
                                      "(INT32_MIN), not from -1000"));
}

TEST_CASE("a ladder stage without a name is rejected", "[escalation]") {
  escalation_ladder ladder;
  ladder.stages = {{"ok", "green", from_start, ""}, {"", "red", 30, ""}};
  CHECK_THROWS_MATCHES(ladder.validate(), input_error,
                       Catch::Message("[huikuan.escalation.1] stage 1 has no name"));
  ladder.stages = {{"", "green", from_start, ""}};
  CHECK_THROWS_MATCHES(ladder.validate(), input_error,
                       Catch::Message("[huikuan.escalation.1] stage 0 has no name"));
}

TEST_CASE("a ladder whose stages do not start in strictly increasing order is rejected", "[escalation]") {
  escalation_ladder ladder;
  ladder.stages = {{"ok", "green", from_start, ""}, {"call", "amber", 30, ""}, {"visit", "red", 30, ""}};
  CHECK_THROWS_MATCHES(ladder.validate(), input_error,
                       Catch::Message("[huikuan.escalation.1] stage \"visit\" starts at 30, not after stage \"call\" "
                                      "at 30"));
  ladder.stages = {{"ok", "green", from_start, ""}, {"call", "amber", 30, ""}, {"visit", "red", 10, ""}};
  CHECK_THROWS_MATCHES(ladder.validate(), input_error,
                       Catch::Message("[huikuan.escalation.1] stage \"visit\" starts at 10, not after stage \"call\" "
                                      "at 30"));
  ladder.stages = {{"ok", "green", from_start, ""}, {"again", "green", from_start, ""}};
  CHECK_THROWS_MATCHES(ladder.validate(), input_error,
                       Catch::Message("[huikuan.escalation.1] stage \"again\" starts at -2147483648, not after stage "
                                      "\"ok\" at -2147483648"));
}

TEST_CASE("ladder errors are input errors with a stable id", "[escalation]") {
  try {
    escalation_ladder{}.validate();
    FAIL("validate did not throw");
  } catch (const input_error& error) {
    CHECK(error.id() == "huikuan.escalation.1");
    CHECK(error.reason() == "the ladder has no stages");
  }
}
