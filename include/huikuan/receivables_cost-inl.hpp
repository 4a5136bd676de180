// Definitions for receivables_cost.hpp.
#pragma once

#include <algorithm>
#include <limits>

#include "huikuan/receivables_cost.hpp"

namespace huikuan {

HUIKUAN_FUNC std::string_view to_string(day_count_convention convention) noexcept {
  return convention == day_count_convention::actual_360 ? "Actual/360" : "Actual/365 (Fixed)";
}

namespace detail {

inline void cost_require_rate(basis_points annual_rate) {
  if (annual_rate.count() < 0)
    throw input_error("huikuan.cost.1", "annual rate " + format_percent(annual_rate) + " is negative", "annual_rate");
}

// numerator / denominator rounded half up (numerator >= 0, denominator > 0),
// as money.
inline money cost_round_half_up(int128 numerator, int128 denominator, const char* what) {
  const int128 rounded = (2 * numerator + denominator) / (2 * denominator);
  if (rounded > std::numeric_limits<std::int64_t>::max())
    throw overflow_error("huikuan.money.5", std::string(what) + " leaves the int64 range of minor units");
  return money::from_minor_units(static_cast<std::int64_t>(rounded));
}

// Interest on an exact sum of balance x days (minor-unit days).
inline money cost_interest(int128 balance_days, basis_points annual_rate, day_count_convention convention) {
  return cost_round_half_up(balance_days * annual_rate.count(),
                            static_cast<int128>(basis_points::whole) * days_in_year(convention), "interest");
}

// For every invoice, the exact sum over days d in (low(i), high] of its
// balance at the start of d. The balance arises on the issue day and falls
// at each settlement; settlements come grouped by customer in date order,
// so each invoice's come in date order.
template <class Low>
std::vector<int128> cost_balance_days(const ledger& book, const receivables_position& position, std::int32_t high,
                                      Low low) {
  const invoice_columns invoices = book.invoices();
  const std::size_t n = invoices.amount.size();
  std::vector<int128> sum(n, 0);
  std::vector<std::int64_t> balance(n);
  std::vector<std::int32_t> since(invoices.issue_day.begin(), invoices.issue_day.end());
  for (std::size_t i = 0; i < n; ++i) balance[i] = position.issued[i] ? invoices.amount[i] : 0;
  const auto accrue = [&](std::size_t i, std::int32_t until) {
    const std::int64_t start = std::max<std::int64_t>(since[i], low(i));
    const std::int64_t end = std::min<std::int64_t>(until, high);
    if (end > start && balance[i] > 0) sum[i] += static_cast<int128>(balance[i]) * (end - start);
  };
  for (const settlement& s : position.settlements) {
    accrue(s.invoice, s.date.serial());
    balance[s.invoice] -= s.amount.minor_units();
    since[s.invoice] = s.date.serial();
  }
  for (std::size_t i = 0; i < n; ++i) accrue(i, high);
  return sum;
}

inline void cost_require_position(const ledger& book, const receivables_position& position) {
  if (position.open_amount.size() != book.invoice_count() || position.issued.size() != book.invoice_count() ||
      position.unapplied.size() != book.customer_count())
    throw input_error("huikuan.cost.4", "the position does not belong to this ledger (" +
                                            std::to_string(position.open_amount.size()) + " invoices, " +
                                            std::to_string(position.unapplied.size()) + " customers; the ledger has " +
                                            std::to_string(book.invoice_count()) + " and " +
                                            std::to_string(book.customer_count()) + ")");
}

}  // namespace detail

HUIKUAN_FUNC money simple_interest(money outstanding, basis_points annual_rate, days elapsed,
                                   day_count_convention convention) {
  detail::cost_require_rate(annual_rate);
  if (outstanding.is_negative() || elapsed.count() < 0)
    throw input_error("huikuan.cost.2", "interest needs a non-negative amount and day count (got " +
                                            format_money(outstanding) + " for " + std::to_string(elapsed.count()) +
                                            " days)");
  return detail::cost_interest(static_cast<detail::int128>(outstanding.minor_units()) * elapsed.count(), annual_rate,
                               convention);
}

HUIKUAN_FUNC carrying_cost_report carrying_cost(const ledger& book, day from, day to, basis_points annual_rate,
                                                day_count_convention convention) {
  detail::cost_require_rate(annual_rate);
  if (to < from)
    throw input_error("huikuan.cost.3", "period " + format_date(from) + " .. " + format_date(to) +
                                            " ends before it starts", "to");
  const receivables_position position = allocate(book, to);
  const std::int32_t before = (from - days(1)).serial();
  const std::vector<detail::int128> balance_days =
      detail::cost_balance_days(book, position, to.serial(), [before](std::size_t) { return before; });

  carrying_cost_report report;
  report.from = from;
  report.to = to;
  report.annual_rate = annual_rate;
  report.convention = convention;
  report.days_in_period = (to - from).count() + 1;
  std::vector<detail::int128> per_customer(book.customer_count(), 0);
  const invoice_columns invoices = book.invoices();
  for (std::size_t i = 0; i < balance_days.size(); ++i) per_customer[invoices.customer[i]] += balance_days[i];
  report.average_balance.reserve(per_customer.size());
  report.cost.reserve(per_customer.size());
  for (const detail::int128 sum : per_customer) {
    report.average_balance.push_back(detail::cost_round_half_up(sum, report.days_in_period, "an average balance"));
    report.cost.push_back(detail::cost_interest(sum, annual_rate, convention));
    report.total_average_balance += report.average_balance.back();
    report.total_cost += report.cost.back();
  }
  return report;
}

HUIKUAN_FUNC late_interest_report late_payment_interest(const ledger& book, const receivables_position& position,
                                                        basis_points annual_rate, day_count_convention convention) {
  detail::cost_require_rate(annual_rate);
  detail::cost_require_position(book, position);
  const invoice_columns invoices = book.invoices();
  const std::vector<detail::int128> balance_days = detail::cost_balance_days(
      book, position, position.as_of.serial(), [&invoices](std::size_t i) { return invoices.due_day[i]; });

  late_interest_report report;
  report.as_of = position.as_of;
  report.annual_rate = annual_rate;
  report.convention = convention;
  report.customer_interest.assign(book.customer_count(), money{});
  report.invoice_interest.reserve(balance_days.size());
  report.days_late.reserve(balance_days.size());
  for (std::size_t i = 0; i < balance_days.size(); ++i) {
    const money interest = detail::cost_interest(balance_days[i], annual_rate, convention);
    report.invoice_interest.push_back(interest);
    report.customer_interest[invoices.customer[i]] += interest;
    report.total += interest;
    const std::int32_t settled = position.settled_day[i];
    const std::int32_t end = settled != receivables_position::not_settled ? settled : position.as_of.serial();
    report.days_late.push_back(position.issued[i] ? std::max(0, end - invoices.due_day[i]) : 0);
  }
  return report;
}

HUIKUAN_FUNC late_interest_report late_payment_interest(const ledger& book, day as_of, basis_points annual_rate,
                                                        day_count_convention convention) {
  detail::cost_require_rate(annual_rate);
  return late_payment_interest(book, allocate(book, as_of), annual_rate, convention);
}

}  // namespace huikuan
