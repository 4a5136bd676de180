// Definitions for promises.hpp.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "huikuan/detail/table_reader.hpp"
#include "huikuan/promises.hpp"

namespace huikuan {

HUIKUAN_FUNC void promise_list::add(promise_to_pay promise) {
  if (promise.id.empty()) throw input_error("huikuan.promise.1", "promise id is empty", "promise_id");
  if (ids_.find(promise.id) != ids_.end())
    throw input_error("huikuan.promise.1", "duplicate promise id " + promise.id, "promise_id");
  const std::optional<customer_index> who = book_->find_customer(promise.customer_id);
  if (!who) throw input_error("huikuan.promise.2", "unknown customer " + promise.customer_id, "customer_id");
  if (promise.instalments.empty())
    throw input_error("huikuan.promise.3", "promise " + promise.id + " has no instalment", "due_date");
  if (promise.tolerance_days < 0)
    throw input_error("huikuan.promise.6",
                      "tolerance of " + std::to_string(promise.tolerance_days) + " days is negative", "tolerance_days");
  for (std::size_t k = 0; k < promise.instalments.size(); ++k) {
    const promise_instalment& part = promise.instalments[k];
    if (!part.amount.is_positive())
      throw input_error("huikuan.promise.5", "promised amount " + format_money(part.amount) + " is not positive",
                        "amount");
    if (part.due_date < promise.promised_on)
      throw input_error("huikuan.promise.7", "instalment due " + format_date(part.due_date) +
                                                 " is before the promise was made on " + format_date(promise.promised_on),
                        "due_date");
    if (k > 0 && part.due_date <= promise.instalments[k - 1].due_date)
      throw input_error("huikuan.promise.4", "instalment due " + format_date(part.due_date) +
                                                 " is not after the previous instalment due " +
                                                 format_date(promise.instalments[k - 1].due_date),
                        "due_date");
  }
  ids_.emplace(promise.id, static_cast<std::uint32_t>(promises_.size()));
  customers_.push_back(*who);
  promises_.push_back(std::move(promise));
}

HUIKUAN_FUNC std::string_view to_string(promise_status status) noexcept {
  switch (status) {
    case promise_status::pending: return "pending";
    case promise_status::kept: return "kept";
    case promise_status::partially_kept: return "partially kept";
    case promise_status::broken: return "broken";
  }
  return "pending";
}

namespace detail {
// Indices 0..n-1 grouped by key (counting sort), stable within a key.
inline void group_by_customer(std::span<const std::uint32_t> key, std::size_t keys, std::vector<std::uint32_t>& start,
                              std::vector<std::uint32_t>& order) {
  start.assign(keys + 1, 0);
  for (std::uint32_t k : key) ++start[k + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  order.resize(key.size());
  std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
  for (std::size_t i = 0; i < key.size(); ++i) order[next[key[i]]++] = static_cast<std::uint32_t>(i);
}
}  // namespace detail

HUIKUAN_FUNC promise_report evaluate_promises(const ledger& book, const promise_list& promises, day as_of,
                                              const promise_policy& policy) {
  if (&promises.book() != &book)
    throw input_error("huikuan.promise.8", "the promise list belongs to another ledger");
  if (policy.window_days < 1 || policy.falling_due_horizon < 0)
    throw input_error("huikuan.promise.9", "promise window of " + std::to_string(policy.window_days) +
                                               " days and horizon of " + std::to_string(policy.falling_due_horizon) +
                                               " days: the window must be >= 1 and the horizon >= 0");
  promise_report report;
  report.as_of = as_of;
  const std::size_t customer_count = book.customer_count();
  report.customers.assign(customer_count, {});
  for (auto& summary : report.customers) summary.kept_ratio = std::numeric_limits<double>::quiet_NaN();
  report.promises.resize(promises.size());

  // Flatten the instalments, grouped by promise.
  std::size_t instalment_count = 0;
  for (std::size_t p = 0; p < promises.size(); ++p) instalment_count += promises.at(p).instalments.size();
  report.instalments.reserve(instalment_count);
  for (std::size_t p = 0; p < promises.size(); ++p) {
    const promise_to_pay& promise = promises.at(p);
    promise_result& result = report.promises[p];
    result.first_instalment = static_cast<std::uint32_t>(report.instalments.size());
    result.instalment_count = static_cast<std::uint32_t>(promise.instalments.size());
    for (std::size_t k = 0; k < promise.instalments.size(); ++k) {
      const promise_instalment& part = promise.instalments[k];
      report.instalments.push_back({static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(k), part.due_date,
                                    part.due_date + days(promise.tolerance_days), part.amount, money{}, money{},
                                    promise_status::pending});
    }
  }

  // Cash meets promises customer by customer.
  std::vector<std::uint32_t> customer_key(report.instalments.size());
  for (std::size_t i = 0; i < report.instalments.size(); ++i)
    customer_key[i] = static_cast<std::uint32_t>(promises.customer_of(report.instalments[i].promise));
  std::vector<std::uint32_t> instalment_start, instalment_order, payment_start, payment_order;
  detail::group_by_customer(customer_key, customer_count, instalment_start, instalment_order);
  const settlement_columns pay = book.payments();
  detail::group_by_customer(pay.customer, customer_count, payment_start, payment_order);

  // The cash that can meet a promise (cleared, received by as_of), in
  // customer order: one tight gathering pass, so that the loop below reads
  // it in sequence. Other payments count as 0 (so does a payment of 0).
  std::vector<std::int32_t> cash_day(payment_order.size());
  std::vector<std::int64_t> cash_amount(payment_order.size());
  for (std::size_t k = 0; k < payment_order.size(); ++k) {
    const std::uint32_t p = payment_order[k];
    cash_day[k] = pay.date_day[p];
    const bool counts = pay.status[p] == payment_status::cleared && pay.date_day[p] <= as_of.serial();
    cash_amount[k] = counts ? pay.amount[p] : 0;
  }

  std::vector<std::uint32_t> due_order, cash_order;
  std::vector<std::int64_t> unpaid;  // per customer, reused: no allocation per customer
  for (std::size_t c = 0; c < customer_count; ++c) {
    customer_promise_summary& summary = report.customers[c];
    if (instalment_start[c] == instalment_start[c + 1]) {
      // No promise: all of the customer's cash is beyond promises.
      for (std::uint32_t k = payment_start[c]; k < payment_start[c + 1]; ++k)
        summary.cash_beyond_promises = summary.cash_beyond_promises + money::from_minor_units(cash_amount[k]);
      continue;
    }
    due_order.assign(instalment_order.begin() + instalment_start[c], instalment_order.begin() + instalment_start[c + 1]);
    std::erase_if(due_order, [&](std::uint32_t i) { return promises.at(report.instalments[i].promise).promised_on > as_of; });
    // By due date, equal dates in index order: std::sort on (date, index)
    // orders as a stable sort would, without stable_sort's buffer allocation.
    std::sort(due_order.begin(), due_order.end(), [&](std::uint32_t a, std::uint32_t b) {
      const day da = report.instalments[a].due_date, db = report.instalments[b].due_date;
      return da < db || (da == db && a < b);
    });
    // By date, equal dates in payment order (k follows the payment index
    // within a customer: the grouping is stable).
    cash_order.clear();
    for (std::uint32_t k = payment_start[c]; k < payment_start[c + 1]; ++k)
      if (cash_amount[k] != 0) cash_order.push_back(k);
    std::sort(cash_order.begin(), cash_order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return cash_day[a] < cash_day[b] || (cash_day[a] == cash_day[b] && a < b);
    });
    unpaid.resize(due_order.size());
    for (std::size_t k = 0; k < due_order.size(); ++k) unpaid[k] = report.instalments[due_order[k]].amount.minor_units();
    std::size_t first_unpaid = 0;
    for (std::uint32_t k_cash : cash_order) {
      const day paid_on(cash_day[k_cash]);
      std::int64_t cash = cash_amount[k_cash];
      while (first_unpaid < unpaid.size() && unpaid[first_unpaid] == 0) ++first_unpaid;
      for (std::size_t k = first_unpaid; k < unpaid.size() && cash > 0; ++k) {
        instalment_result& part = report.instalments[due_order[k]];
        if (unpaid[k] == 0 || promises.at(part.promise).promised_on > paid_on) continue;
        const std::int64_t applied = std::min(cash, unpaid[k]);
        unpaid[k] -= applied;
        cash -= applied;
        money& into = paid_on <= part.deadline ? part.paid_by_deadline : part.paid_late;
        into = into + money::from_minor_units(applied);
      }
      summary.cash_beyond_promises = summary.cash_beyond_promises + money::from_minor_units(cash);
    }
  }

  // Status of each instalment and promise, then the customer figures.
  const day window_start = as_of - days(policy.window_days - 1);
  std::vector<std::int64_t> kept_amount(customer_count, 0), resolved_amount(customer_count, 0);
  for (std::size_t p = 0; p < promises.size(); ++p) {
    promise_result& result = report.promises[p];
    const promise_to_pay& promise = promises.at(p);
    const std::size_t c = static_cast<std::size_t>(promises.customer_of(p));
    customer_promise_summary& summary = report.customers[c];
    const bool made = promise.promised_on <= as_of;
    if (made) ++summary.promises;
    bool failed = false, pending = false;
    std::optional<day> first_failed_deadline;
    result.next_due_date = promise.instalments.back().due_date;
    for (std::uint32_t k = 0; k < result.instalment_count; ++k) {
      instalment_result& part = report.instalments[result.first_instalment + k];
      result.promised = result.promised + part.amount;
      result.paid_by_deadline = result.paid_by_deadline + part.paid_by_deadline;
      result.paid_late = result.paid_late + part.paid_late;
      if (part.paid_by_deadline >= part.amount) part.status = promise_status::kept;
      else if (!made || as_of <= part.deadline) part.status = promise_status::pending;
      else part.status = part.paid_by_deadline.is_positive() ? promise_status::partially_kept : promise_status::broken;

      if (part.status == promise_status::pending) {
        const money remaining = part.amount - part.paid_by_deadline;
        if (!pending) {
          result.next_amount = remaining;
          result.next_due_date = part.due_date;
        }
        pending = true;
        if (made && part.due_date <= as_of + days(policy.falling_due_horizon)) {
          if (summary.falling_due.is_zero() || part.due_date < summary.falling_due_date)
            summary.falling_due_date = part.due_date;
          summary.falling_due = summary.falling_due + remaining;
        }
      } else if (part.status != promise_status::kept) {
        if (!failed) first_failed_deadline = part.deadline;
        failed = true;
      }
      if (made && part.status != promise_status::pending && part.due_date >= window_start) {
        kept_amount[c] = detail::checked_add(kept_amount[c], part.paid_by_deadline.minor_units());
        resolved_amount[c] = detail::checked_add(resolved_amount[c], part.amount.minor_units());
      }
    }
    if (failed) result.status = result.paid_by_deadline.is_positive() ? promise_status::partially_kept : promise_status::broken;
    else if (pending) result.status = promise_status::pending;
    else result.status = promise_status::kept;
    if (failed && *first_failed_deadline >= window_start) ++summary.broken_in_window;
  }
  for (std::size_t c = 0; c < customer_count; ++c)
    if (resolved_amount[c] > 0)
      report.customers[c].kept_ratio =
          static_cast<double>(kept_amount[c]) / static_cast<double>(resolved_amount[c]);
  return report;
}

HUIKUAN_FUNC std::vector<double> promises_kept_ratios(const promise_report& report) {
  std::vector<double> ratios(report.customers.size());
  for (std::size_t c = 0; c < ratios.size(); ++c) ratios[c] = report.customers[c].kept_ratio;
  return ratios;
}

HUIKUAN_FUNC promises_load_result load_promises(std::string_view text, const ledger& book) {
  promises_load_result result{promise_list(book), {}, {}};
  result.summary.file = "promises.csv";
  result.summary.present = true;
  detail::table_reader table("promises.csv", text, {"promise_id", "customer_id", "promised_on", "due_date", "amount"},
                             {"tolerance_days", "note"});
  // Rows are gathered by promise first: a promise is added whole or not at all.
  struct gathered {
    promise_to_pay promise;
    std::vector<detail::grouped_row> rows;
    std::size_t bad_line = 0;  ///< first line with a problem, 0 if none
  };
  std::vector<gathered> gathered_promises;
  std::unordered_map<std::string, std::size_t> by_id;
  while (table.next()) {
    ++result.summary.rows_read;
    detail::row_checker row(table, result.problems);
    std::optional<money> amount;
    std::string id;
    if (detail::record_is_well_formed(table, row)) {
      id = row.text(0, "promise_id", true);
      const std::string customer_id = row.text(1, "customer_id", true);
      const auto promised_on = row.parsed(2, "promised_on", [](std::string_view t) { return parse_date(t); });
      const auto due = row.parsed(3, "due_date", [](std::string_view t) { return parse_date(t); });
      amount = row.parsed(4, "amount", [](std::string_view t) { return parse_money(t); });
      std::int32_t tolerance = 0;
      const std::string tolerance_text = row.text(5, "tolerance_days", false);
      if (!tolerance_text.empty()) {
        try {
          const double value = detail::parse_number(tolerance_text, "tolerance_days");
          if (value != std::floor(value) || value < -36500 || value > 36500)
            row.report("tolerance_days", "huikuan.promise.6",
                       "tolerance_days " + tolerance_text + " is not a whole number of days");
          else tolerance = static_cast<std::int32_t>(value);
        } catch (const input_error& error) {
          row.report(error, "tolerance_days");
        }
      }
      if (!id.empty()) {
        auto [found, inserted] = by_id.emplace(id, gathered_promises.size());
        if (inserted) {
          gathered_promises.push_back({});
          gathered_promises.back().promise.id = id;
          gathered_promises.back().promise.customer_id = customer_id;
          if (promised_on) gathered_promises.back().promise.promised_on = *promised_on;
          gathered_promises.back().promise.tolerance_days = tolerance;
          gathered_promises.back().promise.note = row.text(6, "note", false);
        }
        gathered& g = gathered_promises[found->second];
        if (!inserted && row.ok()) {
          if (g.promise.customer_id != customer_id)
            row.report("customer_id", "huikuan.promise.10",
                       "promise " + id + " names customer " + customer_id + " here and " + g.promise.customer_id +
                           " on an earlier row");
          else if (promised_on && *promised_on != g.promise.promised_on)
            row.report("promised_on", "huikuan.promise.10",
                       "promise " + id + " was made on " + format_date(*promised_on) + " here and on " +
                           format_date(g.promise.promised_on) + " on an earlier row");
          else if (tolerance != g.promise.tolerance_days)
            row.report("tolerance_days", "huikuan.promise.10",
                       "promise " + id + " has " + std::to_string(tolerance) + " tolerance days here and " +
                           std::to_string(g.promise.tolerance_days) + " on an earlier row");
        }
        if (row.ok() && due && amount) g.promise.instalments.push_back({*due, *amount});
        g.rows.push_back({table.line(), amount, !row.ok()});
        if (!row.ok() && g.bad_line == 0) g.bad_line = table.line();
        continue;
      }
    }
    detail::count_left_out(result.summary, amount);
  }
  for (gathered& g : gathered_promises) {
    if (g.bad_line == 0) {
      promise_to_pay copy = g.promise;
      try {
        result.promises.add(std::move(copy));
      } catch (const input_error& error) {
        // Point at the instalment row at fault where there is one.
        std::size_t at = 0;
        for (std::size_t k = 0; k < g.promise.instalments.size(); ++k) {
          const promise_instalment& part = g.promise.instalments[k];
          const bool at_fault = (error.id() == "huikuan.promise.5" && !part.amount.is_positive()) ||
                                (error.id() == "huikuan.promise.7" && part.due_date < g.promise.promised_on) ||
                                (error.id() == "huikuan.promise.4" && k > 0 &&
                                 part.due_date <= g.promise.instalments[k - 1].due_date);
          if (at_fault) {
            at = k;
            break;
          }
        }
        result.problems.push_back({"promises.csv", g.rows[at].line, std::string(error.field()), std::string(error.id()),
                                   std::string(error.reason())});
        g.rows[at].reported = true;
        g.bad_line = g.rows[at].line;
      }
    }
    detail::settle_row_group(g.rows, g.bad_line, "promise " + g.promise.id, "huikuan.promise.11", result.summary,
                             result.problems);
  }
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [](const load_problem& a, const load_problem& b) { return a.line < b.line; });
  return result;
}

}  // namespace huikuan
