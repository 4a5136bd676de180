// Definitions for collection_targets.hpp.
#pragma once

#include <algorithm>
#include <map>
#include <unordered_map>

#include "huikuan/collection_targets.hpp"
#include "huikuan/detail/table_reader.hpp"

namespace huikuan {

HUIKUAN_FUNC customer_index validate_target(const collection_target& target, const ledger& book) {
  const std::optional<customer_index> who = book.find_customer(target.customer_id);
  if (!who) throw input_error("huikuan.target.1", "unknown customer " + target.customer_id, "customer_id");
  if (target.period_end < target.period_start)
    throw input_error("huikuan.target.2", "period ends " + format_date(target.period_end) + " before it starts " +
                                              format_date(target.period_start),
                      "period");
  if (target.target.is_negative() || target.commitment.is_negative())
    throw input_error("huikuan.target.3", "target " + format_money(target.target) + " or commitment " +
                                              format_money(target.commitment) + " is negative",
                      "amount");
  for (const collection_measure& m : target.measures)
    if (!m.expected.is_positive() || (!m.asked.is_zero() && m.asked < m.expected))
      throw input_error("huikuan.target.4", "measure \"" + m.description + "\" expects " + format_money(m.expected) +
                                                (m.asked.is_zero() ? std::string() : " of " + format_money(m.asked) + " asked") +
                                                ": the expected amount must be positive and no more than what is asked",
                        "amount");
  for (std::size_t k = 0; k < target.phases.size(); ++k) {
    const target_phase& phase = target.phases[k];
    if (!phase.planned.is_positive())
      throw input_error("huikuan.target.5", "phase amount " + format_money(phase.planned) + " is not positive", "amount");
    if (phase.due_date < target.period_start || phase.due_date > target.period_end)
      throw input_error("huikuan.target.6", "phase due " + format_date(phase.due_date) + " is outside the period " +
                                                format_date(target.period_start) + " .. " + format_date(target.period_end),
                        "due_date");
    if (k > 0 && phase.due_date <= target.phases[k - 1].due_date)
      throw input_error("huikuan.target.6", "phase due " + format_date(phase.due_date) +
                                                " is not after the previous phase due " +
                                                format_date(target.phases[k - 1].due_date),
                        "due_date");
  }
  return *who;
}

HUIKUAN_FUNC std::string_view to_string(phase_status status) noexcept {
  switch (status) {
    case phase_status::upcoming: return "upcoming";
    case phase_status::on_plan: return "on plan";
    case phase_status::short_of_plan: return "short of plan";
  }
  return "upcoming";
}

namespace detail {
inline void add_to_rollup(target_rollup& line, const target_progress& t) {
  line.target = line.target + t.target;
  line.commitment = line.commitment + t.commitment;
  line.measures_expected = line.measures_expected + t.measures_expected;
  line.collected = line.collected + t.collected;
  ++line.targets;
  if (t.needs_follow_up) ++line.needing_follow_up;
}
}  // namespace detail

HUIKUAN_FUNC target_report track_targets(const ledger& book, std::span<const collection_target> targets, day as_of) {
  target_report report;
  report.as_of = as_of;
  report.portfolio.key = "portfolio";
  // Cleared payments of each customer, by date.
  const settlement_columns pay = book.payments();
  std::vector<std::vector<std::uint32_t>> cash(book.customer_count());
  for (std::size_t p = 0; p < pay.amount.size(); ++p)
    if (pay.status[p] == payment_status::cleared && pay.date_day[p] <= as_of.serial())
      cash[pay.customer[p]].push_back(static_cast<std::uint32_t>(p));
  const auto collected_between = [&](customer_index c, day first, day last) {
    money sum;
    for (std::uint32_t p : cash[static_cast<std::size_t>(c)])
      if (pay.date_day[p] >= first.serial() && pay.date_day[p] <= last.serial())
        sum = sum + money::from_minor_units(pay.amount[p]);
    return sum;
  };
  std::map<std::string, target_rollup> reps;
  for (const collection_target& target : targets) {
    target_progress t;
    t.customer = validate_target(target, book);
    t.target = target.target;
    t.commitment = target.commitment;
    t.gap = target.target > target.commitment ? target.target - target.commitment : money{};
    for (const collection_measure& m : target.measures) t.measures_expected = t.measures_expected + m.expected;
    t.remaining_gap = t.gap > t.measures_expected ? t.gap - t.measures_expected : money{};
    t.collected = collected_between(t.customer, target.period_start, std::min(as_of, target.period_end));
    t.to_target = target.target > t.collected ? target.target - t.collected : money{};
    money planned;
    for (const target_phase& phase : target.phases) {
      planned = planned + phase.planned;
      phase_progress p;
      p.due_date = phase.due_date;
      p.planned_cumulative = planned;
      p.collected_cumulative = collected_between(t.customer, target.period_start, std::min(as_of, phase.due_date));
      if (phase.due_date > as_of) p.status = phase_status::upcoming;
      else if (p.collected_cumulative >= planned) p.status = phase_status::on_plan;
      else {
        p.status = phase_status::short_of_plan;
        p.shortfall = planned - p.collected_cumulative;
        t.needs_follow_up = true;
      }
      t.phases.push_back(p);
    }
    t.planned = planned;
    const std::string& rep = book.customer_at(t.customer).sales_rep;
    target_rollup& line = reps[rep];
    line.key = rep;
    detail::add_to_rollup(line, t);
    detail::add_to_rollup(report.portfolio, t);
    report.targets.push_back(std::move(t));
  }
  for (auto& [rep, line] : reps) report.by_sales_rep.push_back(std::move(line));
  return report;
}

namespace detail {
// "2026-11" -> the first and last day of the month.
inline std::pair<day, day> parse_month_period(std::string_view text) {
  const auto invalid = [&] {
    return input_error("huikuan.target.7", "period \"" + std::string(text) + "\" is not a month YYYY-MM", "period");
  };
  if (text.size() != 7 || text[4] != '-') throw invalid();
  try {
    const day first = parse_date(std::string(text) + "-01");
    return {first, end_of_month(first)};
  } catch (const input_error&) {
    throw invalid();
  }
}
}  // namespace detail

HUIKUAN_FUNC targets_load_result load_targets(std::string_view text, const ledger& book) {
  targets_load_result result;
  result.summary.file = "targets.csv";
  result.summary.present = true;
  detail::table_reader table("targets.csv", text, {"customer_id", "period", "kind", "amount"},
                             {"due_date", "description", "asked"});
  // One usable row, kept so that a target failing validation can be
  // rebuilt row by row to find the row at fault.
  struct target_line {
    std::size_t row;  ///< index into the group's rows
    std::string kind;
    money amount;
    std::optional<day> due;
    std::string description;
    money asked;
  };
  struct gathered {
    collection_target target;
    std::vector<detail::grouped_row> rows;
    std::vector<target_line> lines;
    std::size_t bad_line = 0;
    std::size_t target_rows = 0;
    std::size_t commitment_rows = 0;
  };
  std::vector<gathered> groups;
  std::unordered_map<std::string, std::size_t> by_key;
  while (table.next()) {
    ++result.summary.rows_read;
    detail::row_checker row(table, result.problems);
    std::optional<money> amount;
    if (detail::record_is_well_formed(table, row)) {
      const std::string customer_id = row.text(0, "customer_id", true);
      const auto period = row.parsed(1, "period", [](std::string_view t) { return detail::parse_month_period(t); });
      const std::string kind = row.text(2, "kind", true);
      amount = row.parsed(3, "amount", [](std::string_view t) { return parse_money(t); });
      if (!kind.empty() && kind != "target" && kind != "commitment" && kind != "measure" && kind != "phase")
        row.report("kind", "huikuan.target.8",
                   "kind \"" + kind + "\" is not one of target, commitment, measure, phase");
      std::optional<day> due = detail::parse_optional_date(row, row.text(4, "due_date", false), "due_date");
      if (kind == "phase" && !due && row.ok())
        row.report("due_date", "huikuan.load.4", "due_date is empty (a phase needs one)");
      std::optional<money> asked;
      if (const std::string asked_text = row.text(6, "asked", false); !asked_text.empty())
        asked = row.parsed(6, "asked", [](std::string_view t) { return parse_money(t); });
      if (!customer_id.empty() && period) {
        auto [found, inserted] = by_key.emplace(customer_id + "\n" + format_date(period->first), groups.size());
        if (inserted) {
          groups.push_back({});
          groups.back().target.customer_id = customer_id;
          groups.back().target.period_start = period->first;
          groups.back().target.period_end = period->second;
        }
        gathered& g = groups[found->second];
        if (row.ok()) {
          if (kind == "target" && ++g.target_rows > 1)
            row.report("kind", "huikuan.target.9", "customer " + customer_id + " has a second target row for this period");
          else if (kind == "commitment" && ++g.commitment_rows > 1)
            row.report("kind", "huikuan.target.9",
                       "customer " + customer_id + " has a second commitment row for this period");
        }
        if (row.ok())
          g.lines.push_back({g.rows.size(), kind, *amount, due, row.text(5, "description", false),
                             asked.value_or(money{})});
        g.rows.push_back({table.line(), amount, !row.ok()});
        if (!row.ok() && g.bad_line == 0) g.bad_line = table.line();
        continue;
      }
    }
    detail::count_left_out(result.summary, amount);
  }
  for (gathered& g : groups) {
    if (g.bad_line == 0 && g.target_rows == 0) {
      result.problems.push_back({"targets.csv", g.rows.front().line, "kind", "huikuan.target.10",
                                 "customer " + g.target.customer_id + " has no target row for " +
                                     format_date(g.target.period_start).substr(0, 7)});
      g.rows.front().reported = true;
      g.bad_line = g.rows.front().line;
    }
    // Built row by row, so a target that fails validation names the row at fault.
    for (std::size_t k = 0; g.bad_line == 0 && k < g.lines.size(); ++k) {
      const target_line& line = g.lines[k];
      if (line.kind == "target") g.target.target = line.amount;
      else if (line.kind == "commitment") g.target.commitment = line.amount;
      else if (line.kind == "measure") g.target.measures.push_back({line.description, line.amount, line.asked});
      else g.target.phases.push_back({*line.due, line.amount});
      try {
        validate_target(g.target, book);
      } catch (const input_error& error) {
        detail::grouped_row& at = g.rows[line.row];
        result.problems.push_back({"targets.csv", at.line, std::string(error.field()), std::string(error.id()),
                                   std::string(error.reason())});
        at.reported = true;
        g.bad_line = at.line;
      }
    }
    detail::settle_row_group(g.rows, g.bad_line,
                             "target " + g.target.customer_id + " " + format_date(g.target.period_start).substr(0, 7),
                             "huikuan.target.11", result.summary, result.problems);
    if (g.bad_line == 0) result.targets.push_back(std::move(g.target));
  }
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [](const load_problem& a, const load_problem& b) { return a.line < b.line; });
  return result;
}

}  // namespace huikuan
