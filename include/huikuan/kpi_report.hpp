// Receivables KPIs computed from a ledger over a period, and each
// customer's payment behaviour. The formulas themselves live in kpi.hpp;
// this header decides which ledger figures feed them:
//
//   receivables       gross open invoices (unapplied credit is reported
//                     separately, never netted), as in the aging report
//   opening           receivables at the end of the day before `from`
//   closing           receivables as of `to`; closing current = the part
//                     not yet past due (due on or after `to`)
//   credit sales      invoices issued in [from, to]
//   net credit sales  credit sales - credit notes dated in [from, to]
//   days in period    to - from + 1
//   months            calendar months the period touches (for the
//                     monthly-average CEI)
//   countback months  calendar months back from `to` (the first one ends
//                     on `to`), as far back as the earliest invoice
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "huikuan/allocation.hpp"
#include "huikuan/config.hpp"
#include "huikuan/kpi.hpp"
#include "huikuan/ledger.hpp"

namespace huikuan {

/// How a customer paid: settlements by cleared payments dated in the
/// period (credit notes are not payments and are left out).
struct payment_behaviour {
  money paid;  ///< cash applied to invoices in the period
  /// Amount-weighted mean of (payment date - invoice issue date); nullopt
  /// without payments.
  std::optional<double> average_days_to_pay;
  /// Amount-weighted mean of max(0, payment date - due date).
  std::optional<double> average_days_beyond_terms;
  /// Share of the paid amount that arrived on or before the due date (0..1).
  std::optional<double> share_paid_on_time;
  std::uint32_t bounced_payments = 0;  ///< bounced payments dated in the period
};

/// Payment behaviour of every customer (indexed like the ledger's customers)
/// for payments dated in [from, position.as_of's period]: the settlements
/// of `position` (allocate as of `to` or later) dated in [from, to].
/// Throws input_error [huikuan.kpi.20] if from > to.
HUIKUAN_FUNC std::vector<payment_behaviour> payment_behaviour_by_customer(const ledger& book,
                                                                          const receivables_position& position,
                                                                          day from, day to);

/// The portfolio KPIs of a period. A KPI whose denominator is zero (no
/// credit sales in the period, say) is nullopt rather than a made-up number.
struct kpi_report {
  day from, to;
  std::int32_t days_in_period = 0;
  std::int32_t months = 0;
  money opening_receivables, closing_receivables, closing_current_receivables, closing_overdue_receivables;
  money credit_sales, credit_notes, net_credit_sales, cash_collected, unapplied_credit;
  std::optional<double> dso_simple;              ///< days_sales_outstanding_simple
  std::optional<double> dso_countback;           ///< days_sales_outstanding_countback
  std::optional<double> best_possible_dso;       ///< best_possible_days_sales_outstanding
  std::optional<double> add_from_dso;            ///< simple DSO - best possible DSO
  std::optional<double> add_amount_weighted;     ///< over overdue items as of `to`
  std::optional<double> cei_period;              ///< collection_effectiveness_index_period
  std::optional<double> cei_monthly_average;     ///< collection_effectiveness_index_monthly_average
  std::optional<double> ar_turnover;             ///< net credit sales / average(opening, closing)
  payment_behaviour portfolio;                   ///< all customers together
  std::vector<payment_behaviour> customers;      ///< indexed like the ledger's customers
};

/// Computes the KPIs for [from, to]. Throws input_error [huikuan.kpi.20] if
/// from > to; overflow_error if sums leave the int64 range.
HUIKUAN_FUNC kpi_report compute_kpis(const ledger& book, day from, day to);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/kpi_report-inl.hpp"
#endif
