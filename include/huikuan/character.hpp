// The Character C from the seller's own ledger: how a customer has paid
// us. With only an ERP export, these indicators already give a meaningful
// Character score.
//
// Over the window [as_of - window_days + 1, as_of] (default one year):
//   days_beyond_terms    amount-weighted days beyond the due date of the cash
//                        applied in the window AND of the amounts still open
//                        and overdue at as_of (a customer who does not pay
//                        at all must not look punctual); max(0, .) per item
//   share_paid_on_time   cash applied on or before the due date, over that
//                        cash plus the overdue open amount
//   bounced_cheques_12m  bounced payments dated in the window (0 if none)
//   relationship_years   (as_of - first invoice issue date) / 365.25; 0 without invoices
//   promises_kept_ratio  NaN here (the promises module provides it)
//   legal_events         NaN here (external data, e.g. financials.csv)
// NaN means missing: the scorecard's missing treatment applies (a new
// customer with no history is neither rewarded nor punished by default).
#pragma once

#include <vector>

#include "huikuan/allocation.hpp"
#include "huikuan/config.hpp"
#include "huikuan/ledger.hpp"

namespace huikuan {

/// Character indicators of every customer, indexed like the ledger's
/// customers (columns ready for indicator_columns).
struct character_columns {
  std::vector<double> days_beyond_terms;
  std::vector<double> share_paid_on_time;
  std::vector<double> promises_kept_ratio;
  std::vector<double> bounced_cheques_12m;
  std::vector<double> relationship_years;
  std::vector<double> legal_events;
};

/// Computes the Character indicators as of position.as_of (position from
/// allocate(book, as_of)). O(invoices + payments). Throws input_error
/// [huikuan.character.1] for window_days < 1 or a position of another ledger.
HUIKUAN_FUNC character_columns character_from_ledger(const ledger& book, const receivables_position& position,
                                                     std::int32_t window_days = 365);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/character-inl.hpp"
#endif
