// What open receivables cost: the financing cost of carrying them (seed 004:
// reps who ship without collecting let interest eat the margin), and
// late-payment interest on overdue amounts.
//
// Interest is simple interest on each interval between movements:
//   outstanding x annual rate x days / days in year
// where the outstanding amount changes at every payment or credit note, so a
// partially paid invoice earns on what is left after each payment.
//
// Day count conventions (named, never implied):
//   Actual/365 (Fixed)  actual days elapsed, a 365-day year (leap years too)
//   Actual/360          actual days elapsed, a 360-day year
// Days are counted the usual way for interest: a balance earns for each day
// after the day it arises up to and including the day it is paid. An
// invoice issued on 1 March and paid on 31 March is carried 30 days; one due
// on 31 January and paid on 10 February is 10 days late. A payment on the
// due date is not late.
//
// Rounding: amounts are exact until the last step. The exact sum of
// balance x days (integer minor-unit days) is multiplied by the rate in
// basis points and divided by 10000 x days in year once, rounding half up
// to the minor unit: per invoice for late-payment interest (the unit a
// claim is made for), per customer for the carrying cost. Totals are the
// sums of the rounded figures, so every report adds up.
//
// Receivables are gross (open invoices), as allocation leaves them; cash on
// account does not earn or save interest here. Allocation is as of the last
// day counted, so a report reproduces whenever it is run.
//
// Errors (input_error):
//   [huikuan.cost.1] a negative annual rate
//   [huikuan.cost.2] a negative number of days or a negative outstanding amount
//   [huikuan.cost.3] a period whose last day is before its first
//   [huikuan.cost.4] a position that does not belong to the ledger
//   overflow_error [huikuan.money.5] a result beyond the int64 range
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "huikuan/allocation.hpp"
#include "huikuan/config.hpp"
#include "huikuan/date.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/money.hpp"
#include "huikuan/percent.hpp"

namespace huikuan {

/// How days turn into a fraction of a year.
enum class day_count_convention : std::uint8_t { actual_365_fixed, actual_360 };

/// "Actual/365 (Fixed)", "Actual/360".
HUIKUAN_FUNC std::string_view to_string(day_count_convention convention) noexcept;

/// The days in a year of the convention: 365 or 360.
[[nodiscard]] constexpr std::int64_t days_in_year(day_count_convention convention) noexcept {
  return convention == day_count_convention::actual_360 ? 360 : 365;
}

/// Simple interest: outstanding x annual_rate x elapsed / days in year,
/// rounded half up to the minor unit. 10,000.00 at 8% for 10 days under
/// Actual/365 is 21.92 (21.9178...). Throws input_error [huikuan.cost.1]
/// for a negative rate, [huikuan.cost.2] for a negative amount or day
/// count, overflow_error [huikuan.money.5] beyond int64. O(1).
HUIKUAN_FUNC money simple_interest(money outstanding, basis_points annual_rate, days elapsed,
                                   day_count_convention convention = day_count_convention::actual_365_fixed);

/// The financing cost of every customer's open invoices over a period.
/// Per-customer vectors are indexed like the ledger's customers.
struct carrying_cost_report {
  day from;
  day to;
  basis_points annual_rate;
  day_count_convention convention = day_count_convention::actual_365_fixed;
  /// to - from + 1.
  std::int32_t days_in_period = 0;
  /// The customer's open balance averaged over the period's days (the exact
  /// sum of daily balances / days, rounded half up).
  std::vector<money> average_balance;
  /// The customer's cost: sum of daily balances x rate / days in year, rounded half up.
  std::vector<money> cost;
  money total_average_balance;  ///< sum of average_balance
  money total_cost;             ///< sum of cost
};

/// The carrying cost of open receivables from `from` to `to` (both
/// included) at `annual_rate`: each day d of the period counts the balance
/// outstanding at the start of d (after the movements of the day before).
/// Allocation is as of `to`. Throws input_error [huikuan.cost.1] for a
/// negative rate, [huikuan.cost.3] for to < from, overflow_error
/// [huikuan.money.5] beyond int64. O((I + P) log I) for the allocation,
/// then O(I + P + customers).
HUIKUAN_FUNC carrying_cost_report carrying_cost(const ledger& book, day from, day to, basis_points annual_rate,
                                                day_count_convention convention = day_count_convention::actual_365_fixed);

/// Late-payment interest accrued up to a date. Per-invoice vectors are
/// indexed like the ledger's invoices, per-customer ones like its customers.
struct late_interest_report {
  day as_of;
  basis_points annual_rate;
  day_count_convention convention = day_count_convention::actual_365_fixed;
  /// Interest on each invoice's overdue balances, rounded half up.
  std::vector<money> invoice_interest;
  /// Days the invoice has been (or was) late: from its due date to its
  /// settlement, or to as_of while it is open; 0 when paid on time.
  std::vector<std::int32_t> days_late;
  /// Sum of the customer's invoice_interest.
  std::vector<money> customer_interest;
  money total;  ///< sum of invoice_interest
};

/// Late-payment interest as of `as_of`: for every invoice, outstanding x
/// annual_rate x days / days in year on each interval between its due date
/// and as_of, the outstanding amount falling with each payment or credit
/// note (invoices paid late but in full still carry the interest they
/// accrued). From the allocation as of as_of. Throws input_error
/// [huikuan.cost.1] for a negative rate, overflow_error [huikuan.money.5].
/// O((I + P) log I).
HUIKUAN_FUNC late_interest_report late_payment_interest(const ledger& book, day as_of, basis_points annual_rate,
                                                        day_count_convention convention = day_count_convention::actual_365_fixed);

/// The same from an allocated position (allocate(book, as_of)), without
/// allocating again. Throws what the ledger overload throws and input_error
/// [huikuan.cost.4] for a position of another ledger. O(I + P).
HUIKUAN_FUNC late_interest_report late_payment_interest(const ledger& book, const receivables_position& position,
                                                        basis_points annual_rate,
                                                        day_count_convention convention = day_count_convention::actual_365_fixed);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/receivables_cost-inl.hpp"
#endif
