// Definitions for escalation.hpp.
#pragma once

#include <algorithm>

#include "huikuan/error.hpp"
#include "huikuan/escalation.hpp"

namespace huikuan {

HUIKUAN_FUNC escalation_ladder escalation_ladder::standard() {
  constexpr std::int32_t from_start = std::numeric_limits<std::int32_t>::min();
  return {{
      {"green", "green", from_start, "thank / remind"},
      {"blue", "blue", 21, "warn"},
      {"yellow", "yellow", 41, "collect"},
      {"red", "red", 61, "escalate to supervisor: find the cause, propose a solution"},
      {"stop after-sales service", "red", 121, "stop after-sales service and new supply"},
      {"legal", "red", 181, "hand over to legal"},
  }};
}

HUIKUAN_FUNC void escalation_ladder::validate() const {
  if (stages.empty()) throw input_error("huikuan.escalation.1", "the ladder has no stages");
  if (stages.front().from_days_past_due != std::numeric_limits<std::int32_t>::min())
    throw input_error("huikuan.escalation.1",
                      "the first stage \"" + stages.front().name + "\" must apply from the start (INT32_MIN), not from " +
                          std::to_string(stages.front().from_days_past_due));
  for (std::size_t i = 0; i < stages.size(); ++i) {
    if (stages[i].name.empty())
      throw input_error("huikuan.escalation.1", "stage " + std::to_string(i) + " has no name");
    if (i > 0 && stages[i].from_days_past_due <= stages[i - 1].from_days_past_due)
      throw input_error("huikuan.escalation.1",
                        "stage \"" + stages[i].name + "\" starts at " + std::to_string(stages[i].from_days_past_due) +
                            ", not after stage \"" + stages[i - 1].name + "\" at " +
                            std::to_string(stages[i - 1].from_days_past_due));
  }
}

HUIKUAN_FUNC std::size_t escalation_ladder::stage_for(std::int32_t days_past_due) const noexcept {
  const auto after = std::upper_bound(stages.begin(), stages.end(), days_past_due,
                                      [](std::int32_t d, const escalation_stage& s) { return d < s.from_days_past_due; });
  return after == stages.begin() ? 0 : static_cast<std::size_t>(after - stages.begin() - 1);
}

}  // namespace huikuan
