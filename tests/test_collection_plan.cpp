// The day's plan: contacts chosen to maximise expected cash within each
// collector's minutes, against a brute force, against the "largest balance
// first" and "oldest first" baselines, and the seed figures.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "huikuan/allocation.hpp"
#include "huikuan/collection_plan.hpp"
#include "huikuan/collections.hpp"
#include "huikuan/error.hpp"
#include "ledger_generator.hpp"

using huikuan::collection_action;
using huikuan::collector;
using huikuan::contact_costs;
using huikuan::day_plan;
using huikuan::input_error;
using huikuan::plan_day;
using huikuan::plan_in_order;
using huikuan::worklist;
using huikuan::worklist_row;
using huikuan_test::minor;
using Catch::Message;

namespace {

// Defaults passed by name: GCC 12 can report a `{}` temporary of these
// structs as "may be used uninitialized" (a false positive).
const huikuan::worklist_policy default_policy;
const huikuan::worklist_context no_context;

worklist_row row(collection_action action, std::int64_t overdue, bool repeat = false, std::int64_t falling_due = 0,
                 std::int64_t disputed = 0) {
  worklist_row r;
  r.action = action;
  r.overdue = minor(overdue);
  r.repeat_customer = repeat;
  r.promise_falling_due = minor(falling_due);
  r.disputed = minor(disputed);
  return r;
}

worklist list_of(std::vector<worklist_row> rows) {
  worklist list;
  list.rows = std::move(rows);
  return list;
}

bool is_visit(collection_action action) {
  return action == collection_action::scheduled_visit || action == collection_action::supervisor_visit;
}

// What a contact goes for, as the header documents it.
std::int64_t amount_for(const worklist_row& r, collection_action action) {
  if (action == collection_action::confirm_promise) return r.promise_falling_due.minor_units();
  if (action == collection_action::resolve_dispute) return r.disputed.minor_units();
  return r.overdue.minor_units();
}

std::int64_t expected_of(const worklist_row& r, collection_action action, const contact_costs& costs) {
  return std::llround(costs.of(action, r.repeat_customer).success_probability *
                      static_cast<double>(amount_for(r, action)));
}

// The best expected cash of one collector with `minutes`, by trying every
// choice of nothing, the recommended action or (for a visit) a phone call
// for each row.
std::int64_t brute_force_best(const worklist& list, const contact_costs& costs, std::int32_t minutes,
                              std::size_t from = 0) {
  if (from == list.rows.size()) return 0;
  const worklist_row& r = list.rows[from];
  std::int64_t best = brute_force_best(list, costs, minutes, from + 1);
  std::vector<collection_action> options{r.action};
  if (is_visit(r.action)) options.push_back(collection_action::phone);
  for (collection_action action : options) {
    const std::int32_t cost = costs.of(action, r.repeat_customer).minutes;
    const std::int64_t value = expected_of(r, action, costs);
    if (cost <= minutes && value > 0)
      best = std::max(best, value + brute_force_best(list, costs, minutes - cost, from + 1));
  }
  return best;
}

std::int64_t draw(std::mt19937_64& random, std::int64_t low, std::int64_t high) {
  return low + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(high - low + 1));
}

worklist random_worklist(std::mt19937_64& random, std::size_t rows) {
  const auto amount = [&] {
    const std::int64_t shape = draw(random, 0, 9);
    return shape == 0 ? 0 : shape < 4 ? draw(random, 1, 10'000) : draw(random, 10'000, 500'000'000);
  };
  std::vector<worklist_row> list;
  for (std::size_t i = 0; i < rows; ++i)
    list.push_back(row(static_cast<collection_action>(draw(random, 0, huikuan::collection_action_count - 1)), amount(),
                       draw(random, 0, 1) == 1, amount(), amount()));
  return list_of(std::move(list));
}

contact_costs random_costs(std::mt19937_64& random) {
  if (draw(random, 0, 2) == 0) return contact_costs::from_seeds();
  contact_costs costs;
  for (auto* table : {&costs.repeat_customer, &costs.first_time_customer})
    for (auto& profile : *table) {
      profile.minutes = static_cast<std::int32_t>(draw(random, 0, 90));
      const std::int64_t p = draw(random, -2, 102);
      profile.success_probability = static_cast<double>(std::clamp<std::int64_t>(p, 0, 100)) / 100.0;
    }
  return costs;
}

// The checks every plan must pass; returns the first broken one, or "".
std::string plan_problem(const day_plan& plan, const worklist& list, const std::vector<collector>& team,
                         const contact_costs& costs, bool alternatives_allowed) {
  if (plan.minutes_used.size() != team.size()) return "minutes_used has the wrong size";
  std::vector<std::int32_t> minutes(team.size(), 0);
  std::vector<int> seen(list.rows.size(), 0);
  std::int64_t expected = 0;
  for (std::size_t c = 0; c < plan.contacts.size(); ++c) {
    const auto& contact = plan.contacts[c];
    if (contact.collector >= team.size() || contact.row >= list.rows.size()) return "contact out of range";
    if (seen[contact.row]++) return "row " + std::to_string(contact.row) + " contacted twice";
    const worklist_row& r = list.rows[contact.row];
    const bool allowed = contact.action == r.action ||
                         (alternatives_allowed && is_visit(r.action) && contact.action == collection_action::phone);
    if (!allowed) return "row " + std::to_string(contact.row) + " given an action it does not offer";
    const auto& profile = costs.of(contact.action, r.repeat_customer);
    if (contact.minutes != profile.minutes || contact.success_probability != profile.success_probability)
      return "contact minutes or probability differ from the costs";
    if (contact.amount.minor_units() != amount_for(r, contact.action)) return "contact goes for the wrong amount";
    if (contact.expected.minor_units() != expected_of(r, contact.action, costs) || !contact.expected.is_positive())
      return "contact expected cash is not probability x amount or is not positive";
    minutes[contact.collector] += contact.minutes;
    expected += contact.expected.minor_units();
  }
  for (std::size_t k = 0; k < team.size(); ++k) {
    if (minutes[k] != plan.minutes_used[k]) return "minutes_used does not add up for collector " + std::to_string(k);
    if (minutes[k] > team[k].minutes)
      return "collector " + std::to_string(k) + " given " + std::to_string(minutes[k]) + " of " +
             std::to_string(team[k].minutes) + " minutes";
  }
  if (expected != plan.expected_cash.minor_units()) return "expected_cash is not the sum of the contacts";
  return "";
}

std::vector<std::uint32_t> order_by(const worklist& list, bool oldest) {
  std::vector<std::uint32_t> order(list.rows.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return oldest ? list.rows[a].days_past_due > list.rows[b].days_past_due
                  : list.rows[a].overdue > list.rows[b].overdue;
  });
  return order;
}

std::vector<collector> team_of(std::size_t collectors, std::int32_t minutes) {
  std::vector<collector> team;
  for (std::size_t k = 0; k < collectors; ++k) team.push_back({"collector " + std::to_string(k + 1), minutes});
  return team;
}

}  // namespace

TEST_CASE("the default costs are the seed figures", "[plan]") {
  const contact_costs costs = contact_costs::from_seeds();
  CHECK_NOTHROW(costs.validate());
  const auto check = [&](collection_action action, bool repeat, std::int32_t minutes, double probability) {
    INFO(to_string(action) << (repeat ? " (repeat)" : " (first time)"));
    CHECK(costs.of(action, repeat).minutes == minutes);
    CHECK(costs.of(action, repeat).success_probability == probability);
  };
  check(collection_action::scheduled_visit, true, 10, 0.94);
  check(collection_action::scheduled_visit, false, 12, 0.20);
  check(collection_action::supervisor_visit, true, 85, 0.39);
  check(collection_action::supervisor_visit, false, 85, 0.39);
  for (bool repeat : {true, false}) {
    check(collection_action::confirm_promise, repeat, 5, 0.94);
    check(collection_action::phone, repeat, 5, 0.25);
    check(collection_action::dunning_letter, repeat, 3, 0.10);
    check(collection_action::stop_supply, repeat, 10, 0.30);
    check(collection_action::legal, repeat, 60, 0.15);
    check(collection_action::resolve_dispute, repeat, 30, 0.50);
  }
}

TEST_CASE("each contact goes for the amount its action can collect", "[plan]") {
  const worklist list = list_of({row(collection_action::confirm_promise, 1'000'000, true, 300'000),
                                 row(collection_action::resolve_dispute, 0, false, 0, 500'000),
                                 row(collection_action::phone, 1'000'000)});
  const std::vector<collector> team{{"Ann", 480}};
  const day_plan plan = plan_day(list, team);
  REQUIRE(plan.contacts.size() == 3);
  CHECK(plan.contacts[0].action == collection_action::confirm_promise);
  CHECK(plan.contacts[0].amount.minor_units() == 300'000);
  CHECK(plan.contacts[0].expected.minor_units() == 282'000);
  CHECK(plan.contacts[1].action == collection_action::resolve_dispute);
  CHECK(plan.contacts[1].amount.minor_units() == 500'000);
  CHECK(plan.contacts[1].expected.minor_units() == 250'000);
  CHECK(plan.contacts[2].action == collection_action::phone);
  CHECK(plan.contacts[2].expected.minor_units() == 250'000);
  CHECK(plan.minutes_used == std::vector<std::int32_t>{40});
  CHECK(plan.expected_cash.minor_units() == 782'000);
  CHECK(plan_problem(plan, list, team, contact_costs::from_seeds(), true).empty());
}

TEST_CASE("a visit gives way to a phone call when the call is worth more for the time", "[plan]") {
  const std::vector<collector> team{{"Ann", 480}};
  // First-time scheduled visit: 20% in 12 minutes; a phone call 25% in 5.
  const day_plan first_time = plan_day(list_of({row(collection_action::scheduled_visit, 1'000'000)}), team);
  REQUIRE(first_time.contacts.size() == 1);
  CHECK(first_time.contacts[0].action == collection_action::phone);
  CHECK(first_time.expected_cash.minor_units() == 250'000);
  // Repeat customer: 94% in 10 minutes beats the call.
  const day_plan repeat = plan_day(list_of({row(collection_action::scheduled_visit, 1'000'000, true)}), team);
  REQUIRE(repeat.contacts.size() == 1);
  CHECK(repeat.contacts[0].action == collection_action::scheduled_visit);
  CHECK(repeat.expected_cash.minor_units() == 940'000);
  // A supervisor visit (85 minutes, 39%) when there is time, a call when there is not.
  const worklist supervisor = list_of({row(collection_action::supervisor_visit, 1'000'000, true)});
  CHECK(plan_day(supervisor, team).contacts.at(0).action == collection_action::supervisor_visit);
  const std::vector<collector> busy{{"Bo", 60}};
  CHECK(plan_day(supervisor, busy).contacts.at(0).action == collection_action::phone);
  // Other actions have no alternative: a legal hand-over does not fit in 30 minutes.
  const std::vector<collector> short_day{{"Cy", 30}};
  CHECK(plan_day(list_of({row(collection_action::legal, 1'000'000)}), short_day).contacts.empty());
}

TEST_CASE("rows with nothing to collect are not planned", "[plan]") {
  const worklist list = list_of({row(collection_action::phone, 0), row(collection_action::confirm_promise, 500, false, 0),
                                 row(collection_action::resolve_dispute, 900, false, 0, 0),
                                 row(collection_action::dunning_letter, 4)});  // 10% of 4 fen rounds to 0
  const std::vector<collector> team{{"Ann", 480}};
  const day_plan plan = plan_day(list, team);
  CHECK(plan.contacts.empty());
  CHECK(plan.minutes_used == std::vector<std::int32_t>{0});
  CHECK(plan.expected_cash.minor_units() == 0);
  CHECK(plan_in_order(list, team, std::vector<std::uint32_t>{0, 1, 2, 3}).contacts.empty());
}

TEST_CASE("with several collectors each takes the best of what the earlier ones left", "[plan]") {
  const worklist list = list_of({row(collection_action::phone, 400), row(collection_action::phone, 800),
                                 row(collection_action::phone, 1'200), row(collection_action::phone, 1'600)});
  const std::vector<collector> team{{"Ann", 10}, {"Bo", 5}, {"Cy", 0}};
  const day_plan plan = plan_day(list, team);
  REQUIRE(plan.contacts.size() == 3);
  CHECK(plan.contacts[0].collector == 0);
  CHECK(plan.contacts[0].row == 2);
  CHECK(plan.contacts[1].collector == 0);
  CHECK(plan.contacts[1].row == 3);
  CHECK(plan.contacts[2].collector == 1);
  CHECK(plan.contacts[2].row == 1);
  CHECK(plan.minutes_used == std::vector<std::int32_t>{10, 5, 0});
  CHECK(plan.expected_cash.minor_units() == 900);
  CHECK(plan_problem(plan, list, team, contact_costs::from_seeds(), true).empty());
}

TEST_CASE("plan_in_order gives each row in order to the first collector with room", "[plan]") {
  const worklist list = list_of({row(collection_action::phone, 400), row(collection_action::legal, 800),
                                 row(collection_action::phone, 1'200), row(collection_action::dunning_letter, 1'600)});
  const std::vector<collector> team{{"Ann", 8}, {"Bo", 6}};
  const day_plan plan = plan_in_order(list, team, std::vector<std::uint32_t>{2, 1, 2, 0, 3});
  // Row 2 to Ann (5 of 8), row 1 (60 minutes) fits nobody, row 2 again is
  // skipped, row 0 to Bo (5 of 6), row 3 (3 minutes) to Ann.
  REQUIRE(plan.contacts.size() == 3);
  CHECK(plan.contacts[0].row == 2);
  CHECK(plan.contacts[0].collector == 0);
  CHECK(plan.contacts[1].row == 0);
  CHECK(plan.contacts[1].collector == 1);
  CHECK(plan.contacts[2].row == 3);
  CHECK(plan.contacts[2].collector == 0);
  CHECK(plan.minutes_used == std::vector<std::int32_t>{8, 5});
  CHECK(plan.expected_cash.minor_units() == 300 + 100 + 160);
  CHECK(plan_problem(plan, list, team, contact_costs::from_seeds(), false).empty());
}

TEST_CASE("a plan never gives a collector more than their minutes", "[plan][property]") {
  std::mt19937_64 random(0xC0FFEE);
  std::size_t contacts = 0, failures = 0;
  std::string first_failure;
  for (int trial = 0; trial < 3'000; ++trial) {
    const worklist list = random_worklist(random, static_cast<std::size_t>(draw(random, 0, 60)));
    std::vector<collector> team;
    for (std::int64_t k = draw(random, 0, 4); k > 0; --k)
      team.push_back({"c" + std::to_string(k), static_cast<std::int32_t>(draw(random, 0, 3) == 0 ? draw(random, 0, 20)
                                                                                                : draw(random, 0, 600))});
    const contact_costs costs = random_costs(random);
    const day_plan plan = plan_day(list, team, costs);
    std::string problem = plan_problem(plan, list, team, costs, true);
    for (std::size_t c = 1; c < plan.contacts.size() && problem.empty(); ++c) {
      const auto& a = plan.contacts[c - 1];
      const auto& b = plan.contacts[c];
      if (a.collector > b.collector || (a.collector == b.collector && a.row >= b.row))
        problem = "contacts are not ordered by collector, then row";
    }
    std::vector<std::uint32_t> order(list.rows.size());
    std::iota(order.begin(), order.end(), 0u);
    std::shuffle(order.begin(), order.end(), random);
    const day_plan baseline = plan_in_order(list, team, order, costs);
    if (problem.empty()) problem = plan_problem(baseline, list, team, costs, false);
    if (problem.empty() && team.size() == 1 && plan.expected_cash < baseline.expected_cash)
      problem = "a single collector's plan collects less than an order of rows";
    contacts += plan.contacts.size();
    if (!problem.empty() && failures++ == 0) first_failure = "trial " + std::to_string(trial) + ": " + problem;
  }
  INFO(first_failure);
  CHECK(failures == 0);
  CHECK(contacts >= 10'000);
}

TEST_CASE("a single collector's plan is optimal against a brute force on small cases", "[plan][property]") {
  std::mt19937_64 random(0xB00);
  std::size_t failures = 0, nonzero = 0;
  std::string first_failure;
  for (int trial = 0; trial < 1'500; ++trial) {
    const worklist list = random_worklist(random, static_cast<std::size_t>(draw(random, 0, 12)));
    const contact_costs costs = random_costs(random);
    const std::vector<collector> team{{"solo", static_cast<std::int32_t>(draw(random, 0, 150))}};
    const day_plan plan = plan_day(list, team, costs);
    const std::int64_t best = brute_force_best(list, costs, team[0].minutes);
    if (best > 0) ++nonzero;
    std::string problem = plan_problem(plan, list, team, costs, true);
    if (problem.empty() && plan.expected_cash.minor_units() != best)
      problem = "plan " + std::to_string(plan.expected_cash.minor_units()) + " but the best is " + std::to_string(best);
    if (!problem.empty() && failures++ == 0) first_failure = "trial " + std::to_string(trial) + ": " + problem;
  }
  INFO(first_failure);
  CHECK(failures == 0);
  CHECK(nonzero >= 1'000);
}

namespace {

// Plans every generated portfolio (120 ledgers, each at four dates) for a
// team of `collectors` (0: 1 to 3 at random) of 480 minutes and counts the
// comparisons where "largest balance first" or "oldest first" collects
// more than the plan; the first such case is described in `first_failure`.
std::size_t plans_beaten_by_a_baseline(std::size_t collectors, std::size_t& comparisons, std::string& first_failure) {
  std::size_t beaten = 0;
  for (std::uint64_t seed = 1; seed <= 120; ++seed) {
    huikuan_test::ledger_generator random(seed * 0xD1B5'4A32'D192'ED03ULL);
    const huikuan::ledger book = random.generate(random.random_config());
    for (const huikuan::day as_of : random.as_of_dates(1)) {
      const worklist list = huikuan::build_worklist(book, huikuan::allocate(book, as_of), default_policy, no_context);
      const std::size_t size = collectors != 0 ? collectors : static_cast<std::size_t>(random.between(1, 3));
      const std::vector<collector> team = team_of(size, 480);
      const day_plan plan = plan_day(list, team);
      for (bool oldest : {false, true}) {
        const day_plan baseline = plan_in_order(list, team, order_by(list, oldest));
        std::string problem = plan_problem(plan, list, team, contact_costs::from_seeds(), true);
        if (problem.empty()) problem = plan_problem(baseline, list, team, contact_costs::from_seeds(), false);
        if (problem.empty() && plan.expected_cash < baseline.expected_cash)
          problem = std::string(oldest ? "oldest first" : "largest balance first") + " collects " +
                    std::to_string(baseline.expected_cash.minor_units()) + ", the plan " +
                    std::to_string(plan.expected_cash.minor_units()) + " with " + std::to_string(size) +
                    " collectors of 480 minutes";
        if (!problem.empty() && beaten++ == 0)
          first_failure = "seed " + std::to_string(seed) + " as_of " + huikuan::format_date(as_of) + ": " + problem;
        ++comparisons;
      }
    }
  }
  return beaten;
}

void check_no_baseline_beats_the_plan(std::size_t collectors) {
  std::size_t comparisons = 0;
  std::string first_failure;
  const std::size_t beaten = plans_beaten_by_a_baseline(collectors, comparisons, first_failure);
  INFO(first_failure);
  CHECK(beaten == 0);
  CHECK(comparisons >= 400);
}

}  // namespace

TEST_CASE("on generated portfolios a single collector's plan collects at least as much as either baseline",
          "[plan][property]") {
  check_no_baseline_beats_the_plan(1);
}

TEST_CASE("on generated portfolios a plan for several collectors collects at least as much as either baseline",
          "[plan][property]") {
  check_no_baseline_beats_the_plan(0);
}

TEST_CASE("on a realistic portfolio the plan collects more than largest balance first and than oldest first",
          "[plan][property]") {
  huikuan_test::ledger_generator random(0x6875'696B'7561'6E01ULL);
  huikuan_test::generator_config config;
  config.customers = 300;
  config.invoices = 1'500;
  config.payments = 900;
  config.credit_notes = 60;
  config.span_days = 400;
  const huikuan::ledger book = random.generate(config);
  const huikuan::day as_of = config.first_day + huikuan::days(config.span_days);
  const worklist list = huikuan::build_worklist(book, huikuan::allocate(book, as_of), default_policy, no_context);
  REQUIRE(list.rows.size() >= 200);
  for (std::size_t collectors = 1; collectors <= 3; ++collectors) {
    const std::vector<collector> team = team_of(collectors, 480);
    const day_plan plan = plan_day(list, team);
    INFO(collectors << " collectors");
    CHECK(plan_problem(plan, list, team, contact_costs::from_seeds(), true).empty());
    for (bool oldest : {false, true}) {
      const day_plan baseline = plan_in_order(list, team, order_by(list, oldest));
      INFO((oldest ? "oldest first " : "largest balance first ") << baseline.expected_cash.minor_units()
                                                                  << ", the plan " << plan.expected_cash.minor_units());
      CHECK(plan_problem(baseline, list, team, contact_costs::from_seeds(), false).empty());
      CHECK(plan.expected_cash > baseline.expected_cash);
    }
  }
}

TEST_CASE("a collector's minutes must be within 0 to 100,000", "[plan][errors]") {
  const worklist list = list_of({row(collection_action::phone, 1'000)});
  const std::vector<collector> negative{{"Ann", 480}, {"Bo", -1}};
  CHECK_THROWS_MATCHES(plan_day(list, negative), input_error,
                       Message("[huikuan.plan.1] collector Bo has -1 minutes: the capacity must be within 0 .. 100000"));
  CHECK_THROWS_MATCHES(plan_in_order(list, negative, std::vector<std::uint32_t>{0}), input_error,
                       Message("[huikuan.plan.1] collector Bo has -1 minutes: the capacity must be within 0 .. 100000"));
  const std::vector<collector> too_many{{"Cy", 100'001}};
  CHECK_THROWS_MATCHES(plan_day(list, too_many), input_error,
                       Message("[huikuan.plan.1] collector Cy has 100001 minutes: the capacity must be within 0 .. "
                               "100000"));
  const std::vector<collector> most{{"Cy", 100'000}};
  CHECK(plan_day(list, most).contacts.size() == 1);
  CHECK(plan_day(list, std::vector<collector>{}).contacts.empty());
}

TEST_CASE("costs with negative minutes or a probability outside 0 to 1 are rejected naming the action",
          "[plan][errors]") {
  const worklist list = list_of({row(collection_action::phone, 1'000)});
  const std::vector<collector> team{{"Ann", 480}};
  contact_costs costs = contact_costs::from_seeds();
  costs.first_time_customer[static_cast<std::size_t>(collection_action::phone)].minutes = -1;
  CHECK_THROWS_MATCHES(costs.validate(), input_error,
                       Message("[huikuan.plan.2] phone takes -1 minutes with success probability 0.250000: minutes "
                               "must be >= 0 and the probability in [0, 1]"));
  CHECK_THROWS_MATCHES(plan_day(list, team, costs), input_error,
                       Message("[huikuan.plan.2] phone takes -1 minutes with success probability 0.250000: minutes "
                               "must be >= 0 and the probability in [0, 1]"));
  costs = contact_costs::from_seeds();
  costs.repeat_customer[static_cast<std::size_t>(collection_action::legal)].success_probability = 1.5;
  CHECK_THROWS_MATCHES(costs.validate(), input_error,
                       Message("[huikuan.plan.2] legal takes 60 minutes with success probability 1.500000: minutes "
                               "must be >= 0 and the probability in [0, 1]"));
  CHECK_THROWS_MATCHES(plan_in_order(list, team, std::vector<std::uint32_t>{0}, costs), input_error,
                       Message("[huikuan.plan.2] legal takes 60 minutes with success probability 1.500000: minutes "
                               "must be >= 0 and the probability in [0, 1]"));
  costs = contact_costs::from_seeds();
  costs.repeat_customer[static_cast<std::size_t>(collection_action::confirm_promise)].success_probability = -0.01;
  CHECK_THROWS_WITH(costs.validate(), Catch::StartsWith("[huikuan.plan.2] confirm promise takes 5 minutes"));
  costs = contact_costs::from_seeds();
  costs.repeat_customer[0].minutes = 0;
  costs.repeat_customer[0].success_probability = 1.0;
  CHECK_NOTHROW(costs.validate());
}

TEST_CASE("an order naming a row that is not on the worklist is rejected", "[plan][errors]") {
  const worklist list = list_of({row(collection_action::phone, 1'000), row(collection_action::phone, 2'000),
                                 row(collection_action::phone, 3'000)});
  const std::vector<collector> team{{"Ann", 480}};
  CHECK_THROWS_MATCHES(plan_in_order(list, team, std::vector<std::uint32_t>{0, 5}), input_error,
                       Message("[huikuan.plan.3] row 5 is not on the worklist of 3 rows"));
  CHECK_THROWS_MATCHES(plan_in_order(list, team, std::vector<std::uint32_t>{3}), input_error,
                       Message("[huikuan.plan.3] row 3 is not on the worklist of 3 rows"));
  CHECK(plan_in_order(list, team, std::vector<std::uint32_t>{2}).contacts.size() == 1);
}
