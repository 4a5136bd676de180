// Collection targets (回款目标管理): per customer and period, our target,
// the customer's commitment, the gap between them, the measures meant to
// close it (each with the amount it is expected to bring: "ask for 20 to
// land at 15"), the gap left after them, and a time-phased plan whose
// phases are tracked against cash actually collected. A phase that ends
// short of its cumulative plan calls for follow-up.
//
//   target 200,000, commitment 100,000  -> gap 100,000
//   measures expected 15,000 + 30,000   -> remaining gap 55,000
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "huikuan/config.hpp"
#include "huikuan/date.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/load.hpp"
#include "huikuan/money.hpp"

namespace huikuan {

/// A measure to close the gap: what we ask for and what we expect to land.
struct collection_measure {
  std::string description;
  money expected;  ///< > 0
  money asked{};   ///< >= expected when given; zero when not recorded
};

/// One phase of the plan: `planned` more to be collected by `due_date`.
struct target_phase {
  day due_date;
  money planned;  ///< > 0, this phase's own amount (not cumulative)
};

/// A customer's collection target for one period (first .. last day).
struct collection_target {
  std::string customer_id;
  day period_start;
  day period_end;
  money target;            ///< >= 0
  money commitment{};      ///< >= 0, what the customer agreed to pay
  std::vector<collection_measure> measures{};
  std::vector<target_phase> phases{};  ///< strictly increasing due dates inside the period
};

/// Checks a target against the ledger and returns its customer. Throws
/// input_error with the field at fault: [huikuan.target.1] unknown customer
/// (customer_id), [huikuan.target.2] period end before its start (period),
/// [huikuan.target.3] negative target or commitment (amount),
/// [huikuan.target.4] a measure's expected amount not positive or above
/// what is asked (amount), [huikuan.target.5] a phase amount not positive
/// (amount), [huikuan.target.6] a phase due outside the period or not after
/// the previous phase (due_date).
HUIKUAN_FUNC customer_index validate_target(const collection_target& target, const ledger& book);

enum class phase_status : std::uint8_t { upcoming, on_plan, short_of_plan };

/// "upcoming", "on plan", "short of plan".
HUIKUAN_FUNC std::string_view to_string(phase_status status) noexcept;

/// One tracked phase.
struct phase_progress {
  day due_date;
  money planned_cumulative;    ///< plan through this phase
  money collected_cumulative;  ///< cleared cash from the period start to min(due date, as_of)
  money shortfall;             ///< planned_cumulative - collected_cumulative when short, else 0
  phase_status status = phase_status::upcoming;
};

/// One tracked target.
struct target_progress {
  customer_index customer{};
  money target;
  money commitment;
  money gap;                   ///< max(0, target - commitment)
  money measures_expected;     ///< sum of the measures' expected amounts
  money remaining_gap;         ///< max(0, gap - measures_expected)
  money planned;               ///< sum of the phases
  money collected;             ///< cleared cash dated in the period, up to as_of
  money to_target;             ///< max(0, target - collected)
  std::vector<phase_progress> phases;
  bool needs_follow_up = false;  ///< some phase is short of plan
};

/// A roll-up line: a sales rep or the portfolio.
struct target_rollup {
  std::string key;
  money target;
  money commitment;
  money measures_expected;
  money collected;
  std::uint32_t targets = 0;
  std::uint32_t needing_follow_up = 0;
};

/// Targets tracked as of a date, with roll-ups.
struct target_report {
  day as_of;
  std::vector<target_progress> targets;  ///< in input order
  std::vector<target_rollup> by_sales_rep;  ///< byte order of the rep's name
  target_rollup portfolio;
};

/// Tracks every target as of `as_of` against the ledger's cleared payments
/// (a phase is short of plan once its due date has passed, as_of included,
/// with cumulative cash below cumulative plan). Throws what validate_target
/// throws (for the first invalid target) and overflow_error if sums leave
/// the int64 range. O(T x P_c) with P_c the payments of a target's customer.
HUIKUAN_FUNC target_report track_targets(const ledger& book, std::span<const collection_target> targets, day as_of);

/// targets.csv with what was left out of it.
struct targets_load_result {
  std::vector<collection_target> targets;
  std::vector<load_problem> problems;
  file_summary summary;
};

/// Reads targets.csv text. Columns: customer_id, period (YYYY-MM), kind
/// (target | commitment | measure | phase), amount (optional: due_date for
/// phases, description and asked for measures). The rows of one customer
/// and period make one target: exactly one target row, at most one
/// commitment. A row with a problem is reported and its whole target is
/// left out (the other rows reported as "left out with its target"); a
/// target that fails validate_target is reported on the row at fault.
/// Throws input_error [huikuan.load.2] for a missing required column.
HUIKUAN_FUNC targets_load_result load_targets(std::string_view text, const ledger& book);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/collection_targets-inl.hpp"
#endif
