// The escalation ladder (seed 003's colour-graded collections table) as
// data: stages ordered by the days past due from which they apply, each with
// a colour and the action it calls for.
//
// Default ladder (escalation_ladder::standard()):
//   days past due   stage                      colour  action
//   up to 20        green                      green   thank / remind
//   21 - 40         blue                       blue    warn
//   41 - 60         yellow                     yellow  collect
//   61 - 120        red                        red     escalate to supervisor: find the cause, propose a solution
//   121 - 180       stop after-sales service   red     stop after-sales service and new supply
//   over 180        legal                      red     hand over to legal
// "Up to 20" includes invoices not yet due (negative days past due).
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "huikuan/config.hpp"

namespace huikuan {

/// One rung of the ladder: applies from `from_days_past_due` (inclusive)
/// until the next stage's start.
struct escalation_stage {
  std::string name;
  std::string colour;
  std::int32_t from_days_past_due = std::numeric_limits<std::int32_t>::min();
  std::string action;
};

/// Ordered stages; the first starts at INT32_MIN so every day count has one.
struct escalation_ladder {
  std::vector<escalation_stage> stages;

  /// The default ladder shown above.
  HUIKUAN_FUNC static escalation_ladder standard();
  /// Checks the ladder: at least one stage, the first from INT32_MIN,
  /// strictly increasing starts, non-empty names. Throws input_error
  /// [huikuan.escalation.1] naming the offending stage.
  HUIKUAN_FUNC void validate() const;
  /// Index of the stage that applies at `days_past_due`. O(log stages).
  [[nodiscard]] HUIKUAN_FUNC std::size_t stage_for(std::int32_t days_past_due) const noexcept;
};

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/escalation-inl.hpp"
#endif
