// Definitions for kpi_report.hpp.
#pragma once

#include <algorithm>

#include "huikuan/kpi_report.hpp"

namespace huikuan {

namespace detail {
inline void require_period(day from, day to) {
  if (from > to)
    throw input_error("huikuan.kpi.20",
                      "the period starts " + format_date(from) + ", after its end " + format_date(to), "from");
}

// Running sums of one customer's (or the portfolio's) payments; exact until
// the final division.
struct behaviour_sums {
  int128 paid = 0, weighted_days_to_pay = 0, weighted_days_beyond = 0, on_time = 0;
  std::uint32_t bounced = 0;

  void add(std::int64_t amount, std::int32_t days_to_pay, std::int32_t days_beyond_due) {
    paid += amount;
    weighted_days_to_pay += static_cast<int128>(amount) * days_to_pay;
    weighted_days_beyond += static_cast<int128>(amount) * std::max(0, days_beyond_due);
    if (days_beyond_due <= 0) on_time += amount;
  }
  [[nodiscard]] payment_behaviour result() const {
    payment_behaviour b;
    b.paid = money::from_minor_units(static_cast<std::int64_t>(paid));
    b.bounced_payments = bounced;
    if (paid > 0) {
      const auto total = static_cast<long double>(paid);
      b.average_days_to_pay = static_cast<double>(static_cast<long double>(weighted_days_to_pay) / total);
      b.average_days_beyond_terms = static_cast<double>(static_cast<long double>(weighted_days_beyond) / total);
      b.share_paid_on_time = static_cast<double>(static_cast<long double>(on_time) / total);
    }
    return b;
  }
};

inline std::vector<behaviour_sums> behaviour_sums_by_customer(const ledger& book, const receivables_position& position,
                                                             day from, day to, behaviour_sums& portfolio) {
  std::vector<behaviour_sums> sums(book.customer_count());
  const invoice_columns inv = book.invoices();
  const settlement_columns pay = book.payments();
  for (const settlement& s : position.settlements) {
    if (s.source != settlement_source::payment || s.date < from || s.date > to) continue;
    const std::uint32_t i = s.invoice;
    const std::int32_t to_pay = s.date.serial() - inv.issue_day[i];
    const std::int32_t beyond = s.date.serial() - inv.due_day[i];
    sums[inv.customer[i]].add(s.amount.minor_units(), to_pay, beyond);
    portfolio.add(s.amount.minor_units(), to_pay, beyond);
  }
  for (std::uint32_t p : position.bounced_payments) {
    const day date(pay.date_day[p]);
    if (date < from || date > to) continue;
    ++sums[pay.customer[p]].bounced;
    ++portfolio.bounced;
  }
  return sums;
}
}  // namespace detail

HUIKUAN_FUNC std::vector<payment_behaviour> payment_behaviour_by_customer(const ledger& book,
                                                                          const receivables_position& position,
                                                                          day from, day to) {
  detail::require_period(from, to);
  detail::behaviour_sums portfolio;
  const auto sums = detail::behaviour_sums_by_customer(book, position, from, to, portfolio);
  std::vector<payment_behaviour> result;
  result.reserve(sums.size());
  for (const auto& s : sums) result.push_back(s.result());
  return result;
}

HUIKUAN_FUNC kpi_report compute_kpis(const ledger& book, day from, day to) {
  detail::require_period(from, to);
  kpi_report r;
  r.from = from;
  r.to = to;
  r.days_in_period = (to - from).count() + 1;
  {
    const auto a = from.to_date().year_month_day();
    const auto b = to.to_date().year_month_day();
    r.months = (b.year - a.year) * 12 + (b.month - a.month) + 1;
  }
  const receivables_position opening = allocate(book, from - days(1));
  const receivables_position closing = allocate(book, to);
  const invoice_columns inv = book.invoices();

  r.opening_receivables = opening.total_open();
  r.closing_receivables = closing.total_open();
  r.unapplied_credit = closing.total_unapplied();
  std::vector<std::int64_t> overdue_amounts;
  std::vector<std::int32_t> overdue_days;
  std::int32_t earliest = to.serial();
  for (std::size_t i = 0; i < inv.amount.size(); ++i) {
    if (inv.issue_day[i] <= to.serial()) earliest = std::min(earliest, inv.issue_day[i]);
    if (inv.issue_day[i] >= from.serial() && inv.issue_day[i] <= to.serial())
      r.credit_sales += money::from_minor_units(inv.amount[i]);
    const std::int64_t open = closing.open_amount[i];
    if (open == 0) continue;
    const std::int32_t past_due = to.serial() - inv.due_day[i];
    if (past_due <= 0) {
      r.closing_current_receivables += money::from_minor_units(open);
    } else {
      overdue_amounts.push_back(open);
      overdue_days.push_back(past_due);
    }
  }
  r.closing_overdue_receivables = r.closing_receivables - r.closing_current_receivables;
  const settlement_columns credits = book.credit_notes();
  for (std::size_t i = 0; i < credits.amount.size(); ++i)
    if (credits.date_day[i] >= from.serial() && credits.date_day[i] <= to.serial())
      r.credit_notes += money::from_minor_units(credits.amount[i]);
  r.net_credit_sales = r.credit_sales - r.credit_notes;
  const settlement_columns pay = book.payments();
  for (std::size_t i = 0; i < pay.amount.size(); ++i)
    if (pay.status[i] == payment_status::cleared && pay.date_day[i] >= from.serial() && pay.date_day[i] <= to.serial())
      r.cash_collected += money::from_minor_units(pay.amount[i]);

  const days period(r.days_in_period);
  if (r.credit_sales.is_positive()) {
    r.dso_simple = days_sales_outstanding_simple(r.closing_receivables, r.credit_sales, period);
    r.best_possible_dso = best_possible_days_sales_outstanding(r.closing_current_receivables, r.credit_sales, period);
    r.add_from_dso = average_days_delinquent(*r.dso_simple, *r.best_possible_dso);
  }
  r.add_amount_weighted = average_days_delinquent_amount_weighted(overdue_amounts, overdue_days);

  // Countback months, oldest first; the newest ends on `to`. Month starts
  // are found first, then each invoice is placed by binary search.
  std::vector<std::int32_t> month_starts;  // newest first
  std::vector<std::int32_t> month_days;
  for (day month_end = to;;) {
    const day month_start = start_of_month(month_end);
    month_starts.push_back(month_start.serial());
    month_days.push_back((month_end - month_start).count() + 1);
    if (month_start.serial() <= earliest) break;
    month_end = month_start - days(1);
  }
  std::reverse(month_starts.begin(), month_starts.end());
  std::vector<money> monthly_sales(month_starts.size());
  for (std::size_t i = 0; i < inv.amount.size(); ++i) {
    if (inv.issue_day[i] > to.serial() || inv.issue_day[i] < month_starts.front()) continue;
    const auto month = std::upper_bound(month_starts.begin(), month_starts.end(), inv.issue_day[i]) - month_starts.begin() - 1;
    monthly_sales[static_cast<std::size_t>(month)] += money::from_minor_units(inv.amount[i]);
  }
  std::reverse(month_days.begin(), month_days.end());
  if (r.closing_receivables.is_zero() || r.credit_sales.is_positive())
    r.dso_countback = days_sales_outstanding_countback(r.closing_receivables, monthly_sales, month_days);

  const money collectable = r.opening_receivables + r.credit_sales - r.closing_current_receivables;
  if (collectable.is_positive()) {
    r.cei_period = collection_effectiveness_index_period(r.opening_receivables, r.credit_sales,
                                                         r.closing_receivables, r.closing_current_receivables);
    try {
      r.cei_monthly_average = collection_effectiveness_index_monthly_average(
          r.opening_receivables, r.credit_sales, r.closing_receivables, r.closing_current_receivables, r.months);
    } catch (const input_error&) {
      // The monthly-average denominator can be <= 0 when the period's
      // collectable amount is small; the KPI is then undefined.
    }
  }
  if (r.net_credit_sales >= money{} && (r.opening_receivables + r.closing_receivables).is_positive())
    r.ar_turnover = accounts_receivable_turnover(r.net_credit_sales, r.opening_receivables, r.closing_receivables);

  detail::behaviour_sums portfolio;
  const auto sums = detail::behaviour_sums_by_customer(book, closing, from, to, portfolio);
  r.portfolio = portfolio.result();
  r.customers.reserve(sums.size());
  for (const auto& s : sums) r.customers.push_back(s.result());
  return r;
}

}  // namespace huikuan
