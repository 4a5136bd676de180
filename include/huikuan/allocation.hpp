// Cash allocation as of a date: which payments and credit notes settle
// which invoices, what stays open, and what stays on account.
//
// The rules, applied per customer to rows dated on or before `as_of` (later
// rows are ignored, so a past report reproduces exactly):
//  1. Cleared payments and credit notes are processed in date order; on the
//     same date payments come before credit notes, then ids in byte order.
//  2. One naming an invoice settles that invoice first, if the invoice is
//     issued on or before the cash's date (cash naming a later invoice is a
//     deposit and is treated as on account, so a report never changes
//     once its date has passed). Any excess, and the whole amount of one
//     naming no invoice, settles the customer's open invoices issued on or
//     before its date, oldest due date first (ties: earlier issue date,
//     then the order the invoices were added to the ledger).
//  3. What is left stays on the account as unapplied credit. It is not
//     applied to invoices issued later: the credit controller decides that,
//     and the reports show it.
//  4. A bounced payment settles nothing and is listed.
//  5. A payment naming an invoice for less than its open amount leaves the
//     remainder open; the invoice is listed as short-paid.
// Conservation, tested on generated ledgers: for every customer,
//   invoiced = open + settled  and  cleared payments + credits = settled + unapplied.
#pragma once

#include <cstdint>
#include <vector>

#include "huikuan/config.hpp"
#include "huikuan/date.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/money.hpp"

namespace huikuan {

enum class settlement_source : std::uint8_t { payment, credit_note };

/// One application of (part of) a payment or credit note to an invoice.
struct settlement {
  settlement_source source;
  std::uint32_t source_index;  ///< payment or credit-note index in the ledger
  std::uint32_t invoice;       ///< invoice index in the ledger
  day date;                    ///< the payment's or credit note's date
  money amount;                ///< > 0
};

/// The state of the receivables as of a date. Per-invoice vectors are
/// indexed like the ledger's invoices; per-customer ones like its customers.
struct receivables_position {
  day as_of;
  /// Open amount per invoice in minor units; 0 for invoices issued after as_of.
  std::vector<std::int64_t> open_amount;
  /// 1 if the invoice is issued on or before as_of.
  std::vector<std::uint8_t> issued;
  /// Date the invoice was fully settled (serial day), or the sentinel
  /// `not_settled` while it is still open or not issued.
  std::vector<std::int32_t> settled_day;
  /// Unapplied credit per customer in minor units (>= 0).
  std::vector<std::int64_t> unapplied;
  /// Every settlement, grouped by customer in processing order.
  std::vector<settlement> settlements;
  /// Payments dated on or before as_of with status bounced.
  std::vector<std::uint32_t> bounced_payments;
  /// Invoices that a payment naming them paid only in part and that are still open.
  std::vector<std::uint32_t> short_paid_invoices;

  static constexpr std::int32_t not_settled = INT32_MIN;

  /// Open balance of all invoices (gross of unapplied credit).
  [[nodiscard]] HUIKUAN_FUNC money total_open() const;
  /// Unapplied credit of all customers.
  [[nodiscard]] HUIKUAN_FUNC money total_unapplied() const;
};

/// Allocates the ledger's payments and credit notes to its invoices as of
/// `as_of` (rules above). O((I + P) log I) with I invoices and P payments
/// and credit notes. Throws input_error [huikuan.date.3] for an as_of
/// outside 1400-01-01 .. 9999-12-31, overflow_error if a customer's sums
/// leave the int64 range.
HUIKUAN_FUNC receivables_position allocate(const ledger& book, day as_of);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/allocation-inl.hpp"
#endif
