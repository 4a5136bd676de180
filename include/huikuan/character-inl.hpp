// Definitions for character.hpp.
#pragma once

#include <algorithm>
#include <limits>

#include "huikuan/character.hpp"

namespace huikuan {

HUIKUAN_FUNC character_columns character_from_ledger(const ledger& book, const receivables_position& position,
                                                     std::int32_t window_days) {
  if (window_days < 1)
    throw input_error("huikuan.character.1", "window of " + std::to_string(window_days) + " days is not positive",
                      "window_days");
  const invoice_columns inv = book.invoices();
  if (position.open_amount.size() != inv.amount.size() || position.unapplied.size() != book.customer_count())
    throw input_error("huikuan.character.1", "the position does not belong to this ledger");
  const std::size_t customers = book.customer_count();
  const std::int32_t as_of = position.as_of.serial();
  const std::int32_t first_day = as_of - window_days + 1;
  constexpr double missing = std::numeric_limits<double>::quiet_NaN();

  struct sums {
    detail::int128 weight = 0, weighted_days_beyond = 0, on_time = 0;
    std::int32_t bounced = 0;
    std::int32_t first_invoice = std::numeric_limits<std::int32_t>::max();
  };
  std::vector<sums> s(customers);
  for (const settlement& applied : position.settlements) {
    if (applied.source != settlement_source::payment) continue;
    const std::int32_t paid = applied.date.serial();
    if (paid < first_day || paid > as_of) continue;
    const std::uint32_t i = applied.invoice;
    const std::int64_t amount = applied.amount.minor_units();
    sums& c = s[inv.customer[i]];
    c.weight += amount;
    c.weighted_days_beyond += static_cast<detail::int128>(amount) * std::max(0, paid - inv.due_day[i]);
    if (paid <= inv.due_day[i]) c.on_time += amount;
  }
  for (std::size_t i = 0; i < inv.amount.size(); ++i) {
    sums& c = s[inv.customer[i]];
    if (position.issued[i]) c.first_invoice = std::min(c.first_invoice, inv.issue_day[i]);
    const std::int32_t past_due = as_of - inv.due_day[i];
    if (position.open_amount[i] > 0 && past_due > 0) {
      c.weight += position.open_amount[i];
      c.weighted_days_beyond += static_cast<detail::int128>(position.open_amount[i]) * past_due;
    }
  }
  const settlement_columns pay = book.payments();
  for (std::uint32_t p : position.bounced_payments)
    if (pay.date_day[p] >= first_day) ++s[pay.customer[p]].bounced;

  character_columns out;
  out.days_beyond_terms.resize(customers);
  out.share_paid_on_time.resize(customers);
  out.promises_kept_ratio.assign(customers, missing);
  out.bounced_cheques_12m.resize(customers);
  out.relationship_years.resize(customers);
  out.legal_events.assign(customers, missing);
  for (std::size_t c = 0; c < customers; ++c) {
    const sums& x = s[c];
    const bool evidence = x.weight > 0;
    out.days_beyond_terms[c] =
        evidence ? static_cast<double>(static_cast<long double>(x.weighted_days_beyond) / static_cast<long double>(x.weight))
                 : missing;
    out.share_paid_on_time[c] =
        evidence ? static_cast<double>(static_cast<long double>(x.on_time) / static_cast<long double>(x.weight)) : missing;
    out.bounced_cheques_12m[c] = x.bounced;
    out.relationship_years[c] =
        x.first_invoice <= as_of ? static_cast<double>(as_of - x.first_invoice) / 365.25 : 0.0;
  }
  return out;
}

}  // namespace huikuan
