// The day's plan: which contacts the collectors make today so that the
// expected cash collected is largest within their minutes.
//
// Each worklist row offers its recommended action and, when that is a
// visit, a phone call as the cheaper alternative; each option costs minutes
// and collects its amount (the promise falling due for a confirmation call,
// the disputed amount for a dispute, otherwise the undisputed overdue
// amount) with a success probability. Expected cash = probability x amount,
// rounded to the minor unit. Choosing at most one option per debtor within
// a collector's minutes is a multiple-choice knapsack, solved exactly by
// dynamic programming over minutes for one collector. A team is planned
// twice and the better plan kept: (A) each collector in turn takes the best
// plan from what the earlier ones left; (B) the best plan for the team's
// pooled minutes is packed into the collectors, largest contact first into
// the collector it fits most tightly (a visit that fits nobody falls back to
// its phone call, or is dropped), and the minutes left are filled as in A.
// No collector is ever given more than their minutes.
//
// Default minutes and success rates (contact_costs::from_seeds):
//   scheduled visit, agreed appointment   94% pay (seed 000); 10 minutes for a
//                                         repeat customer, 12 for a first-time one
//   first-time customer, scheduled visit  20% pay on a first unannounced visit
//                                         (seed 000) taken as the first-time rate
//   supervisor visit (repeated chasing)   85 minutes (seed 000); 39% = 31% of the
//                                         80% still unpaid after a first visit
//   confirm promise (call the day before) 5 minutes, 94% (an agreed appointment)
//   phone 5 min 25%, dunning letter 3 min 10%, stop supply 10 min 30%,
//   legal 60 min 15%, resolve dispute 30 min 50%: assumptions, configurable.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "huikuan/collections.hpp"
#include "huikuan/config.hpp"
#include "huikuan/money.hpp"

namespace huikuan {

/// Time and success of one action.
struct action_profile {
  std::int32_t minutes = 0;          ///< >= 0
  double success_probability = 0;    ///< in [0, 1]
};

/// Profiles per action (indexed by collection_action) for repeat and
/// first-time customers.
struct contact_costs {
  std::array<action_profile, collection_action_count> repeat_customer{};
  std::array<action_profile, collection_action_count> first_time_customer{};

  /// The defaults above.
  HUIKUAN_FUNC static contact_costs from_seeds();
  /// Throws input_error [huikuan.plan.2] for negative minutes or a
  /// probability outside [0, 1], naming the action.
  HUIKUAN_FUNC void validate() const;
  [[nodiscard]] const action_profile& of(collection_action action, bool repeat) const {
    return (repeat ? repeat_customer : first_time_customer)[static_cast<std::size_t>(action)];
  }
};

/// A collector and the minutes they have today.
struct collector {
  std::string name;
  std::int32_t minutes = 0;  ///< >= 0
};

/// One contact in the plan.
struct planned_contact {
  std::uint32_t row = 0;        ///< worklist row
  std::uint32_t collector = 0;  ///< index into the collectors
  collection_action action = collection_action::phone;
  std::int32_t minutes = 0;
  double success_probability = 0;
  money amount;                 ///< what the contact goes for
  money expected;               ///< probability x amount, rounded to the minor unit
};

/// A day's plan.
struct day_plan {
  std::vector<planned_contact> contacts;    ///< by collector, then worklist row
  std::vector<std::int32_t> minutes_used;   ///< per collector
  money expected_cash;                      ///< sum of the contacts' expected cash
};

/// The plan with the largest expected cash (method above): exact for one
/// collector. O(R x M) time and memory per collector with R worklist rows
/// and M minutes, plus O(R x total minutes) for plan B (skipped when that
/// table would exceed 128 MiB). Throws
/// input_error [huikuan.plan.1] for a collector with negative minutes (or
/// more than 100,000), what costs.validate() throws.
HUIKUAN_FUNC day_plan plan_day(const worklist& list, std::span<const collector> collectors,
                               const contact_costs& costs = contact_costs::from_seeds());

/// A baseline to compare plans with: rows taken in `order` (worklist row
/// indices), each with its recommended action given to the first collector
/// with enough minutes left, skipped when none has. Same errors as plan_day
/// and [huikuan.plan.3] for a row index out of range.
HUIKUAN_FUNC day_plan plan_in_order(const worklist& list, std::span<const collector> collectors,
                                    std::span<const std::uint32_t> order,
                                    const contact_costs& costs = contact_costs::from_seeds());

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/collection_plan-inl.hpp"
#endif
