// Definitions for kpi.hpp (compiled into huikuan::huikuan, or inline when
// HUIKUAN_HEADER_ONLY is defined).
#pragma once

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

#include "huikuan/kpi.hpp"

namespace huikuan {

namespace detail {

// The one place a KPI leaves integers: an exact numerator over an exact
// denominator. long double keeps 64 bits of mantissa on x86-64, so both
// operands convert exactly for magnitudes below 2^64 and the quotient is
// rounded at most twice (to long double, then to double).
inline double kpi_quotient(int128 numerator, int128 denominator) {
  return static_cast<double>(static_cast<long double>(numerator) / static_cast<long double>(denominator));
}

inline std::string kpi_number(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

inline std::string kpi_minor_units(std::int64_t amount) { return std::to_string(amount) + " minor units"; }

inline std::string kpi_element(std::string_view span_name, std::size_t index) {
  return std::string(span_name) + "[" + std::to_string(index) + "]";
}

inline void kpi_require_positive_days(std::int32_t count, std::string_view field) {
  if (count <= 0)
    throw input_error("huikuan.kpi.1",
                      std::string(field) + " is " + std::to_string(count) + " days; it must be positive", field);
}

// Every caller passes an int64 amount or a sum of non-negative amounts, so
// a value that fails the check always fits an int64 for the message.
inline void kpi_require_positive_divisor(int128 amount, std::string_view field) {
  if (amount <= 0)
    throw input_error("huikuan.kpi.2",
                      std::string(field) + " is " + kpi_minor_units(static_cast<std::int64_t>(amount)) +
                          "; it must be positive because it divides",
                      field);
}

inline void kpi_require_not_negative(money amount, std::string_view field) {
  if (amount.is_negative())
    throw input_error("huikuan.kpi.3",
                      std::string(field) + " is " + kpi_minor_units(amount.minor_units()) +
                          "; it must not be negative",
                      field);
}

inline double kpi_days_of_sales(money receivables, std::string_view receivables_field, money credit_sales,
                                days days_in_period) {
  kpi_require_positive_days(days_in_period.count(), "days_in_period");
  kpi_require_positive_divisor(credit_sales.minor_units(), "credit_sales");
  kpi_require_not_negative(receivables, receivables_field);
  return kpi_quotient(static_cast<int128>(receivables.minor_units()) * days_in_period.count(),
                      credit_sales.minor_units());
}

inline void kpi_require_days_figure(double value, std::string_view field) {
  if (!std::isfinite(value) || value < 0.0)
    throw input_error("huikuan.kpi.7",
                      std::string(field) + " is " + kpi_number(value) + "; it must be a finite number of days >= 0",
                      field);
}

// CEI with every term scaled by `months`, so the monthly-average sales
// (credit_sales / months) never has to be rounded. months = 1 is the
// period convention.
inline double kpi_collection_effectiveness(money opening, money credit_sales, money closing_total,
                                           money closing_current, std::int32_t months) {
  kpi_require_not_negative(opening, "opening_receivables");
  kpi_require_not_negative(credit_sales, "credit_sales");
  kpi_require_not_negative(closing_total, "closing_total_receivables");
  kpi_require_not_negative(closing_current, "closing_current_receivables");
  if (closing_current > closing_total)
    throw input_error("huikuan.kpi.9",
                      "closing_current_receivables " + kpi_minor_units(closing_current.minor_units()) +
                          " exceed closing_total_receivables " + kpi_minor_units(closing_total.minor_units()) +
                          "; the current part cannot exceed the total",
                      "closing_current_receivables");
  const int128 scaled_opening = static_cast<int128>(opening.minor_units()) * months;
  const int128 collected = scaled_opening + credit_sales.minor_units() -
                           static_cast<int128>(closing_total.minor_units()) * months;
  const int128 collectable = scaled_opening + credit_sales.minor_units() -
                             static_cast<int128>(closing_current.minor_units()) * months;
  if (collectable <= 0) {
    // |collectable| <= months x INT64_MAX; quote it exactly in decimal.
    const bool negative = collectable < 0;
    uint128 magnitude = static_cast<uint128>(negative ? -collectable : collectable);
    std::string digits;
    do {
      digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
      magnitude /= 10;
    } while (magnitude != 0);
    if (negative) digits.insert(digits.begin(), '-');
    const std::string what = months == 1
                                 ? "opening_receivables + credit_sales - closing_current_receivables is "
                                 : "months x opening_receivables + credit_sales - months x "
                                   "closing_current_receivables (months = " +
                                       std::to_string(months) + ") is ";
    throw input_error("huikuan.kpi.10",
                      what + digits + " minor units; nothing was available to collect, so CEI is undefined");
  }
  return kpi_quotient(collected * 100, collectable);
}

}  // namespace detail

HUIKUAN_FUNC double days_sales_outstanding_simple(money ending_receivables, money credit_sales,
                                                  days days_in_period) {
  return detail::kpi_days_of_sales(ending_receivables, "ending_receivables", credit_sales, days_in_period);
}

HUIKUAN_FUNC double days_sales_outstanding_countback(money ending_receivables,
                                                     std::span<const money> credit_sales_by_month,
                                                     std::span<const std::int32_t> days_by_month,
                                                     countback_beyond_history beyond_history) {
  if (credit_sales_by_month.empty())
    throw input_error("huikuan.kpi.4", "credit_sales_by_month is empty; countback DSO needs at least one month",
                      "credit_sales_by_month");
  if (credit_sales_by_month.size() != days_by_month.size())
    throw input_error("huikuan.kpi.5",
                      "credit_sales_by_month has " + std::to_string(credit_sales_by_month.size()) +
                          " elements but days_by_month has " + std::to_string(days_by_month.size()) +
                          "; they must be the same length",
                      "days_by_month");
  detail::kpi_require_not_negative(ending_receivables, "ending_receivables");
  // Check every month, not only those the walk reaches, so whether bad
  // data throws does not depend on the receivables balance.
  for (std::size_t i = 0; i < credit_sales_by_month.size(); ++i) {
    detail::kpi_require_positive_days(days_by_month[i], detail::kpi_element("days_by_month", i));
    detail::kpi_require_not_negative(credit_sales_by_month[i], detail::kpi_element("credit_sales_by_month", i));
  }

  detail::int128 remainder = ending_receivables.minor_units();
  detail::int128 whole_days = 0;
  for (std::size_t k = credit_sales_by_month.size(); k-- > 0;) {
    if (remainder == 0) break;
    const std::int64_t sales = credit_sales_by_month[k].minor_units();
    if (remainder < sales)
      return detail::kpi_quotient(whole_days * sales + remainder * days_by_month[k], sales);
    remainder -= sales;
    whole_days += days_by_month[k];
  }
  if (remainder == 0) return static_cast<double>(whole_days);

  const detail::int128 total_sales = ending_receivables.minor_units() - remainder;
  switch (beyond_history) {
    case countback_beyond_history::cap:
      return static_cast<double>(whole_days);
    case countback_beyond_history::extrapolate:
      detail::kpi_require_positive_divisor(total_sales, "total of credit_sales_by_month");
      return detail::kpi_quotient(whole_days * ending_receivables.minor_units(), total_sales);
    case countback_beyond_history::reject:
      break;
  }
  throw input_error("huikuan.kpi.6",
                    "ending_receivables " + detail::kpi_minor_units(ending_receivables.minor_units()) +
                        " exceed the " + detail::kpi_minor_units(static_cast<std::int64_t>(total_sales)) +
                        " of credit sales in the " + std::to_string(credit_sales_by_month.size()) +
                        " months supplied; supply more months, or choose countback_beyond_history::cap or "
                        "::extrapolate",
                    "credit_sales_by_month");
}

HUIKUAN_FUNC double best_possible_days_sales_outstanding(money current_receivables, money credit_sales,
                                                         days days_in_period) {
  return detail::kpi_days_of_sales(current_receivables, "current_receivables", credit_sales, days_in_period);
}

HUIKUAN_FUNC double average_days_delinquent(double dso, double best_possible_dso) {
  detail::kpi_require_days_figure(dso, "dso");
  detail::kpi_require_days_figure(best_possible_dso, "best_possible_dso");
  if (best_possible_dso > dso)
    throw input_error("huikuan.kpi.8",
                      "best_possible_dso " + detail::kpi_number(best_possible_dso) + " exceeds dso " +
                          detail::kpi_number(dso) + "; current receivables cannot exceed total receivables",
                      "best_possible_dso");
  return dso - best_possible_dso;
}

HUIKUAN_FUNC double average_days_delinquent_amount_weighted(std::span<const std::int64_t> open_amounts,
                                                            std::span<const std::int32_t> days_past_due) {
  if (open_amounts.size() != days_past_due.size())
    throw input_error("huikuan.kpi.5",
                      "open_amounts has " + std::to_string(open_amounts.size()) + " elements but days_past_due has " +
                          std::to_string(days_past_due.size()) + "; they must be the same length",
                      "days_past_due");
  // 128-bit sums are exact for any realistic count of int64 x int32 terms.
  detail::int128 weighted_days = 0;
  detail::int128 overdue = 0;
  for (std::size_t i = 0; i < open_amounts.size(); ++i) {
    const std::int64_t amount = open_amounts[i];
    // The element's name is built only for the error: building it for every
    // element cost a heap allocation per row (a quarter of numpy's speed).
    if (amount < 0)
      detail::kpi_require_not_negative(money::from_minor_units(amount), detail::kpi_element("open_amounts", i));
    if (days_past_due[i] <= 0) continue;
    weighted_days += static_cast<detail::int128>(amount) * days_past_due[i];
    overdue += amount;
  }
  return overdue == 0 ? 0.0 : detail::kpi_quotient(weighted_days, overdue);
}

HUIKUAN_FUNC double collection_effectiveness_index_period(money opening_receivables, money credit_sales,
                                                          money closing_total_receivables,
                                                          money closing_current_receivables) {
  return detail::kpi_collection_effectiveness(opening_receivables, credit_sales, closing_total_receivables,
                                              closing_current_receivables, 1);
}

HUIKUAN_FUNC double collection_effectiveness_index_monthly_average(money opening_receivables, money credit_sales,
                                                                   money closing_total_receivables,
                                                                   money closing_current_receivables,
                                                                   std::int32_t months) {
  if (months <= 0)
    throw input_error("huikuan.kpi.11", "months is " + std::to_string(months) + "; it must be positive", "months");
  return detail::kpi_collection_effectiveness(opening_receivables, credit_sales, closing_total_receivables,
                                              closing_current_receivables, months);
}

HUIKUAN_FUNC money average_accounts_receivable(money opening_receivables, money closing_receivables) noexcept {
  const detail::int128 sum = static_cast<detail::int128>(opening_receivables.minor_units()) +
                             closing_receivables.minor_units();
  // Division truncates toward zero; adding +-1 first rounds halves away
  // from zero. The mean of two int64 values is always an int64.
  const detail::int128 mean = (sum >= 0 ? sum + 1 : sum - 1) / 2;
  return money::from_minor_units(static_cast<std::int64_t>(mean));
}

HUIKUAN_FUNC double accounts_receivable_turnover(money net_credit_sales, money average_receivables) {
  detail::kpi_require_not_negative(net_credit_sales, "net_credit_sales");
  detail::kpi_require_positive_divisor(average_receivables.minor_units(), "average_receivables");
  return detail::kpi_quotient(net_credit_sales.minor_units(), average_receivables.minor_units());
}

HUIKUAN_FUNC double accounts_receivable_turnover(money net_credit_sales, money opening_receivables,
                                                 money closing_receivables) {
  detail::kpi_require_not_negative(net_credit_sales, "net_credit_sales");
  detail::kpi_require_not_negative(opening_receivables, "opening_receivables");
  detail::kpi_require_not_negative(closing_receivables, "closing_receivables");
  const detail::int128 sum = static_cast<detail::int128>(opening_receivables.minor_units()) +
                             closing_receivables.minor_units();
  detail::kpi_require_positive_divisor(sum, "opening_receivables + closing_receivables");
  return detail::kpi_quotient(static_cast<detail::int128>(net_credit_sales.minor_units()) * 2, sum);
}

}  // namespace huikuan
