// Receivables KPIs: the standard formulas, each under the name of its
// variant, on plain amounts (no ledger needed).
//
//   days_sales_outstanding_simple      ending AR / credit sales x days
//   days_sales_outstanding_countback   walk back month by month through sales
//   best_possible_days_sales_outstanding  current AR / credit sales x days
//   average_days_delinquent            DSO - best possible DSO
//   average_days_delinquent_amount_weighted  invoice level: days past due
//                                      weighted by open amount, overdue items
//   collection_effectiveness_index_period          with the period's sales
//   collection_effectiveness_index_monthly_average with sales / months
//   accounts_receivable_turnover       net credit sales / average AR
//
// Arithmetic: amounts stay integer minor units. Every ratio is formed as
// one exact 128-bit integer numerator over one exact integer denominator
// (e.g. AR x days over sales), and only that final quotient is taken in
// floating point (long double, then rounded to double), so the result is
// the true ratio to within a unit in the last place of the double. There
// is no intermediate double to accumulate error.
//
// Errors (input_error, ids never change meaning):
//   [huikuan.kpi.1] a day count that must be positive is not
//   [huikuan.kpi.2] an amount that is divided by is not positive
//   [huikuan.kpi.3] an amount that must not be negative is negative
//   [huikuan.kpi.4] countback DSO was given no months
//   [huikuan.kpi.5] parallel spans of different lengths
//   [huikuan.kpi.6] countback DSO: receivables exceed all the months' sales
//   [huikuan.kpi.7] a DSO passed in is not a finite number >= 0
//   [huikuan.kpi.8] best possible DSO exceeds DSO
//   [huikuan.kpi.9] closing current receivables exceed closing total
//   [huikuan.kpi.10] a CEI denominator that is not positive
//   [huikuan.kpi.11] a month count that is not positive
// Amounts in messages are quoted in minor units; `field()` names the
// argument (with an index for a span element, e.g. "days_by_month[2]").
#pragma once

#include <cstdint>
#include <span>

#include "huikuan/config.hpp"
#include "huikuan/date.hpp"
#include "huikuan/error.hpp"
#include "huikuan/money.hpp"

namespace huikuan {

/// Simple DSO (days sales outstanding, the "standard" or "regular" DSO):
///   ending_receivables / credit_sales x days_in_period, in days.
/// `credit_sales` are the credit sales of the whole period that ends on the
/// date of `ending_receivables`; `days_in_period` is that period's length
/// (30, 90, 365, ...). Example: 150,000.00 of AR over 1,800,000.00 of
/// annual credit sales, 365 days -> 30.416... days.
/// Throws input_error [huikuan.kpi.1] if days_in_period <= 0,
/// [huikuan.kpi.2] if credit_sales <= 0, [huikuan.kpi.3] if
/// ending_receivables < 0. O(1).
[[nodiscard]] HUIKUAN_FUNC double days_sales_outstanding_simple(money ending_receivables,
                                                                money credit_sales, days days_in_period);

/// What countback DSO does when the ending receivables are larger than the
/// credit sales of every month supplied, so the walk runs out of history.
enum class countback_beyond_history : std::uint8_t {
  /// Throw input_error [huikuan.kpi.6]: the caller must supply more months.
  /// The default, because any number would be a guess.
  reject,
  /// Return the days of all months supplied: a lower bound, as a report
  /// that can look back no further would show it.
  cap,
  /// Add the unexplained remainder at the average daily sales of the
  /// months supplied. The result then equals simple DSO over the whole
  /// history: receivables / total sales x total days.
  extrapolate,
};

/// Countback DSO (also "exhaustion" or "working back" method), in days.
/// Walks back from the most recent month: while the remainder R of
/// `ending_receivables` is at least month k's credit sales S_k, subtract
/// S_k and add the month's days; once R < S_k, add R / S_k x days_k and
/// stop (R = 0 stops at once). A month with zero sales is walked through
/// whole: none of the remainder can come from it, so the remainder is older.
///
/// Spans are in calendar order, OLDEST FIRST: the last element is the month
/// that ends on the date of `ending_receivables` (a numpy or pandas monthly
/// series as it comes). `days_by_month[i]` is month i's length (28..31 for
/// calendar months; any positive length for fiscal periods).
/// Example: sales 70,000 / 80,000 / 100,000 in three 30-day months, AR
/// 212,000 -> 30 + 30 + 32,000/70,000 x 30 = 73.714... days.
///
/// The result is the exact quotient, rounded once: (whole days x S_k +
/// R x days_k) / S_k is formed in integers and divided once.
/// Throws input_error [huikuan.kpi.4] for no months, [huikuan.kpi.5] for
/// spans of different lengths, [huikuan.kpi.1] for a month of <= 0 days,
/// [huikuan.kpi.3] for negative receivables or a negative month's sales,
/// and, when receivables exceed the total sales of all months,
/// [huikuan.kpi.6] under `reject` or [huikuan.kpi.2] under `extrapolate`
/// if those months sold nothing. O(months).
[[nodiscard]] HUIKUAN_FUNC double days_sales_outstanding_countback(
    money ending_receivables, std::span<const money> credit_sales_by_month,
    std::span<const std::int32_t> days_by_month,
    countback_beyond_history beyond_history = countback_beyond_history::reject);

/// Best possible DSO (BPDSO), in days: the DSO if every customer paid on
/// its due date,
///   current_receivables / credit_sales x days_in_period,
/// where current receivables are the open amounts not yet past due (due on
/// or after the measurement date). Same period conventions as simple DSO.
/// Example: 4,000.00 current AR, 10,000.00 of credit sales in 30 days ->
/// 12 days.
/// Throws input_error [huikuan.kpi.1] if days_in_period <= 0,
/// [huikuan.kpi.2] if credit_sales <= 0, [huikuan.kpi.3] if
/// current_receivables < 0. O(1).
[[nodiscard]] HUIKUAN_FUNC double best_possible_days_sales_outstanding(money current_receivables,
                                                                       money credit_sales,
                                                                       days days_in_period);

/// Average days delinquent (ADD), portfolio variant, in days:
///   dso - best_possible_dso
/// (the Credit Research Foundation definition). Pass a DSO and a BPDSO
/// computed over the same period and sales; either DSO variant may be used
/// as long as the caller reports which. Example: 45 - 12 = 33 days.
/// Throws input_error [huikuan.kpi.7] if either is negative, NaN or
/// infinite, [huikuan.kpi.8] if best_possible_dso > dso (current
/// receivables cannot exceed total receivables). O(1).
[[nodiscard]] HUIKUAN_FUNC double average_days_delinquent(double dso, double best_possible_dso);

/// Average days delinquent, invoice-level amount-weighted variant, in days:
///   sum(open_amounts[i] x days_past_due[i]) / sum(open_amounts[i])
/// over the items with days_past_due[i] > 0. Items not yet past due
/// (days_past_due <= 0) and zero amounts do not enter either sum. Returns
/// 0.0 when no item is overdue (including empty spans): nothing is
/// delinquent. `open_amounts` are minor units (an ERP or numpy int64
/// column), `days_past_due` = as_of - due date in days (int32 column).
/// Example: 100.00 at 10 days and 300.00 at 30 days -> 25 days.
/// The sums are exact (128-bit); one division at the end.
/// Throws input_error [huikuan.kpi.5] for spans of different lengths,
/// [huikuan.kpi.3] for a negative open amount (net credits against the
/// customer first; the field names the index). O(items).
[[nodiscard]] HUIKUAN_FUNC double average_days_delinquent_amount_weighted(
    std::span<const std::int64_t> open_amounts, std::span<const std::int32_t> days_past_due);

/// Collection effectiveness index (CEI), period convention, in percent
/// (x 100; 100 = everything collectable was collected):
///   (opening + credit_sales - closing_total)
///   / (opening + credit_sales - closing_current) x 100
/// with `credit_sales` the credit sales of the WHOLE period (one month, a
/// quarter, a year) and `closing_current_receivables` the part of the
/// closing receivables not yet past due. Example: opening 100,000, sales
/// 1,000,000, closing 120,000 of which 100,000 current -> 98.0.
/// On the same data this differs a lot from the monthly-average
/// convention below for any period longer than a month.
/// Throws input_error [huikuan.kpi.3] if any amount is negative,
/// [huikuan.kpi.9] if closing current > closing total, [huikuan.kpi.10] if
/// the denominator is <= 0 (then nothing was collectable). A negative
/// numerator (receivables grew by more than the sales) is returned as a
/// negative index, not thrown. O(1).
[[nodiscard]] HUIKUAN_FUNC double collection_effectiveness_index_period(money opening_receivables,
                                                                        money credit_sales,
                                                                        money closing_total_receivables,
                                                                        money closing_current_receivables);

/// Collection effectiveness index, monthly-average convention, in percent:
/// as the period convention but with credit_sales / months in place of
/// credit_sales (the "monthly credit sales" of the CRF / Credit Guru
/// statement of the formula, for a period of `months` months). With
/// months = 1 it equals the period convention. Computed exactly by scaling
/// every term by `months` instead of dividing the sales.
/// Example (Jan-Mar): opening 6,200, sales 10,890 over 3 months, closing
/// 6,340 of which 3,590 current -> 55.9 (the period convention gives 79.6).
/// Throws as collection_effectiveness_index_period, and input_error
/// [huikuan.kpi.11] if months <= 0. O(1).
[[nodiscard]] HUIKUAN_FUNC double collection_effectiveness_index_monthly_average(
    money opening_receivables, money credit_sales, money closing_total_receivables,
    money closing_current_receivables, std::int32_t months);

/// Average accounts receivable of a period: (opening + closing) / 2,
/// rounded half away from zero to the minor unit. Any signs; never
/// overflows. For a turnover without that rounding use the three-argument
/// accounts_receivable_turnover.
[[nodiscard]] HUIKUAN_FUNC money average_accounts_receivable(money opening_receivables,
                                                            money closing_receivables) noexcept;

/// Accounts receivable turnover, in times per period:
///   net_credit_sales / average_receivables.
/// Example: 3,500,000 / 350,000 = 10 times.
/// Throws input_error [huikuan.kpi.3] if net_credit_sales < 0,
/// [huikuan.kpi.2] if average_receivables <= 0. O(1).
[[nodiscard]] HUIKUAN_FUNC double accounts_receivable_turnover(money net_credit_sales,
                                                              money average_receivables);

/// Accounts receivable turnover over the average of the opening and closing
/// receivables, exactly: 2 x net_credit_sales / (opening + closing), with
/// no rounding of the average. Example: sales 1,598,000, AR 168,000 and
/// 147,000 -> 10.146... times.
/// Throws input_error [huikuan.kpi.3] if any amount is negative,
/// [huikuan.kpi.2] if opening + closing is 0. O(1).
[[nodiscard]] HUIKUAN_FUNC double accounts_receivable_turnover(money net_credit_sales,
                                                              money opening_receivables,
                                                              money closing_receivables);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/kpi-inl.hpp"
#endif
