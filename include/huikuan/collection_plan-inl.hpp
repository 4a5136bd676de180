// Definitions for collection_plan.hpp.
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>

#include "huikuan/collection_plan.hpp"

namespace huikuan {

HUIKUAN_FUNC contact_costs contact_costs::from_seeds() {
  contact_costs c;
  const auto set = [&c](collection_action action, action_profile repeat, action_profile first_time) {
    c.repeat_customer[static_cast<std::size_t>(action)] = repeat;
    c.first_time_customer[static_cast<std::size_t>(action)] = first_time;
  };
  set(collection_action::confirm_promise, {5, 0.94}, {5, 0.94});
  set(collection_action::phone, {5, 0.25}, {5, 0.25});
  set(collection_action::dunning_letter, {3, 0.10}, {3, 0.10});
  set(collection_action::scheduled_visit, {10, 0.94}, {12, 0.20});
  set(collection_action::supervisor_visit, {85, 0.39}, {85, 0.39});
  set(collection_action::stop_supply, {10, 0.30}, {10, 0.30});
  set(collection_action::legal, {60, 0.15}, {60, 0.15});
  set(collection_action::resolve_dispute, {30, 0.50}, {30, 0.50});
  return c;
}

HUIKUAN_FUNC void contact_costs::validate() const {
  for (std::size_t a = 0; a < collection_action_count; ++a)
    for (const auto* table : {&repeat_customer, &first_time_customer}) {
      const action_profile& p = (*table)[a];
      if (p.minutes < 0 || !(p.success_probability >= 0 && p.success_probability <= 1))
        throw input_error("huikuan.plan.2", std::string(to_string(static_cast<collection_action>(a))) + " takes " +
                                                std::to_string(p.minutes) + " minutes with success probability " +
                                                std::to_string(p.success_probability) +
                                                ": minutes must be >= 0 and the probability in [0, 1]");
    }
}

namespace detail {
struct plan_option {
  std::uint32_t row;
  collection_action action;
  std::int32_t minutes;
  double probability;
  std::int64_t amount;
  std::int64_t expected;
};

inline plan_option make_option(const worklist& list, std::uint32_t row, collection_action action,
                               const contact_costs& costs) {
  const worklist_row& r = list.rows[row];
  const std::int64_t amount = action == collection_action::confirm_promise   ? r.promise_falling_due.minor_units()
                              : action == collection_action::resolve_dispute ? r.disputed.minor_units()
                                                                             : r.overdue.minor_units();
  const action_profile& p = costs.of(action, r.repeat_customer);
  return {row, action, p.minutes, p.success_probability, amount,
          std::llround(p.success_probability * static_cast<double>(amount))};
}

inline void check_collectors(std::span<const collector> collectors) {
  for (const collector& c : collectors)
    if (c.minutes < 0 || c.minutes > 100000)
      throw input_error("huikuan.plan.1", "collector " + c.name + " has " + std::to_string(c.minutes) +
                                              " minutes: the capacity must be within 0 .. 100000");
}

inline void add_contact(day_plan& plan, const plan_option& o, std::uint32_t collector) {
  plan.contacts.push_back({o.row, collector, o.action, o.minutes, o.probability, money::from_minor_units(o.amount),
                           money::from_minor_units(o.expected)});
  plan.minutes_used[collector] += o.minutes;
  plan.expected_cash = plan.expected_cash + money::from_minor_units(o.expected);
}
}  // namespace detail

namespace detail {
using plan_groups = std::vector<std::vector<plan_option>>;

// The best choice of at most one option per group not yet taken within
// `capacity` minutes (multiple-choice knapsack by dynamic programming over
// minutes): (group, option) pairs. O(groups x capacity) time and memory.
inline std::vector<std::pair<std::size_t, std::size_t>> best_choice(const plan_groups& groups,
                                                                    const std::vector<std::uint8_t>& taken,
                                                                    std::size_t capacity) {
  const std::size_t width = capacity + 1;
  std::vector<std::int64_t> best(width, 0);
  std::vector<std::uint8_t> choice(groups.size() * width, 0);  // chosen option + 1, 0 for none
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (taken[g]) continue;
    for (std::size_t m = width; m-- > 0;) {
      std::int64_t value = best[m];
      std::uint8_t chosen = 0;
      for (std::size_t o = 0; o < groups[g].size(); ++o) {
        const std::size_t w = static_cast<std::size_t>(groups[g][o].minutes);
        if (w > m) continue;
        const std::int64_t with = best[m - w] + groups[g][o].expected;
        if (with > value) {
          value = with;
          chosen = static_cast<std::uint8_t>(o + 1);
        }
      }
      best[m] = value;
      choice[g * width + m] = chosen;
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> picks;
  std::size_t m = capacity;
  for (std::size_t g = groups.size(); g-- > 0;) {
    if (taken[g] || choice[g * width + m] == 0) continue;
    const std::size_t o = choice[g * width + m] - 1u;
    picks.emplace_back(g, o);
    m -= static_cast<std::size_t>(groups[g][o].minutes);
  }
  return picks;
}

// Each collector in turn takes the best choice from what is left.
inline void fill_in_turn(day_plan& plan, const plan_groups& groups, std::vector<std::uint8_t>& taken,
                         std::span<const collector> collectors) {
  for (std::uint32_t k = 0; k < collectors.size(); ++k) {
    const std::size_t left = static_cast<std::size_t>(collectors[k].minutes - plan.minutes_used[k]);
    for (const auto& [g, o] : best_choice(groups, taken, left)) {
      add_contact(plan, groups[g][o], k);
      taken[g] = 1;
    }
  }
}
}  // namespace detail

HUIKUAN_FUNC day_plan plan_day(const worklist& list, std::span<const collector> collectors,
                               const contact_costs& costs) {
  costs.validate();
  detail::check_collectors(collectors);
  // Options grouped by row: the recommended action, and a phone call instead of a visit.
  detail::plan_groups groups;
  for (std::uint32_t r = 0; r < list.rows.size(); ++r) {
    std::vector<detail::plan_option> options{detail::make_option(list, r, list.rows[r].action, costs)};
    const collection_action a = list.rows[r].action;
    if (a == collection_action::scheduled_visit || a == collection_action::supervisor_visit)
      options.push_back(detail::make_option(list, r, collection_action::phone, costs));
    std::erase_if(options, [](const detail::plan_option& o) { return o.expected <= 0; });
    if (!options.empty()) groups.push_back(std::move(options));
  }
  const auto empty_plan = [&] {
    day_plan plan;
    plan.minutes_used.assign(collectors.size(), 0);
    return plan;
  };

  // Plan A: each collector in turn.
  day_plan in_turn = empty_plan();
  std::vector<std::uint8_t> taken(groups.size(), 0);
  detail::fill_in_turn(in_turn, groups, taken, collectors);
  day_plan best = std::move(in_turn);

  // Plan B, for a team: the best choice for the team's pooled minutes, packed
  // into the collectors largest contact first (best fit); a contact that fits
  // nobody falls back to its phone call or is dropped, and each collector's
  // minutes left are then filled in turn. The better of A and B is the plan.
  std::size_t pooled = 0;
  for (const collector& c : collectors) pooled += static_cast<std::size_t>(c.minutes);
  constexpr std::size_t pooled_table_limit = std::size_t{1} << 27;  // bytes of the choice table
  if (collectors.size() > 1 && groups.size() * (pooled + 1) <= pooled_table_limit) {
    day_plan packed = empty_plan();
    std::fill(taken.begin(), taken.end(), std::uint8_t{0});
    auto picks = detail::best_choice(groups, taken, pooled);
    std::stable_sort(picks.begin(), picks.end(), [&](const auto& a, const auto& b) {
      return groups[a.first][a.second].minutes > groups[b.first][b.second].minutes;
    });
    for (const auto& [g, o] : picks) {
      for (std::size_t option = o; option < groups[g].size(); ++option) {  // the phone call follows the visit
        const detail::plan_option& candidate = groups[g][option];
        std::optional<std::uint32_t> fit;
        for (std::uint32_t k = 0; k < collectors.size(); ++k) {
          const std::int32_t left = collectors[k].minutes - packed.minutes_used[k];
          if (left >= candidate.minutes &&
              (!fit || left < collectors[*fit].minutes - packed.minutes_used[*fit]))
            fit = k;
        }
        if (fit) {
          detail::add_contact(packed, candidate, *fit);
          taken[g] = 1;
          break;
        }
      }
    }
    detail::fill_in_turn(packed, groups, taken, collectors);
    if (packed.expected_cash > best.expected_cash) best = std::move(packed);
  }
  std::sort(best.contacts.begin(), best.contacts.end(), [](const planned_contact& a, const planned_contact& b) {
    return a.collector != b.collector ? a.collector < b.collector : a.row < b.row;
  });
  return best;
}

HUIKUAN_FUNC day_plan plan_in_order(const worklist& list, std::span<const collector> collectors,
                                    std::span<const std::uint32_t> order, const contact_costs& costs) {
  costs.validate();
  detail::check_collectors(collectors);
  day_plan plan;
  plan.minutes_used.assign(collectors.size(), 0);
  std::vector<std::uint8_t> seen(list.rows.size(), 0);
  for (std::uint32_t r : order) {
    if (r >= list.rows.size())
      throw input_error("huikuan.plan.3", "row " + std::to_string(r) + " is not on the worklist of " +
                                              std::to_string(list.rows.size()) + " rows");
    if (seen[r]) continue;
    seen[r] = 1;
    const detail::plan_option option = detail::make_option(list, r, list.rows[r].action, costs);
    if (option.expected <= 0) continue;
    for (std::uint32_t k = 0; k < collectors.size(); ++k)
      if (plan.minutes_used[k] + option.minutes <= collectors[k].minutes) {
        detail::add_contact(plan, option, k);
        break;
      }
  }
  return plan;
}

}  // namespace huikuan
