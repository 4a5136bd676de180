// Definitions for allocation.hpp.
#pragma once

#include <algorithm>
#include <numeric>

#include "huikuan/allocation.hpp"

namespace huikuan {

HUIKUAN_FUNC money receivables_position::total_open() const { return sum_minor_units(open_amount); }
HUIKUAN_FUNC money receivables_position::total_unapplied() const { return sum_minor_units(unapplied); }

namespace detail {
// Groups row indices by customer (a counting sort): rows of customer c are
// order[offsets[c] .. offsets[c + 1]).
struct customer_groups {
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint32_t> order;
};

template <class Keep>
customer_groups group_by_customer(std::span<const std::uint32_t> customer, std::size_t customers, Keep keep) {
  customer_groups groups;
  groups.offsets.assign(customers + 1, 0);
  for (std::size_t i = 0; i < customer.size(); ++i)
    if (keep(i)) ++groups.offsets[customer[i] + 1];
  std::partial_sum(groups.offsets.begin(), groups.offsets.end(), groups.offsets.begin());
  groups.order.resize(groups.offsets.back());
  std::vector<std::uint32_t> cursor(groups.offsets.begin(), groups.offsets.end() - 1);
  for (std::size_t i = 0; i < customer.size(); ++i)
    if (keep(i)) groups.order[cursor[customer[i]]++] = static_cast<std::uint32_t>(i);
  return groups;
}

struct allocation_event {
  std::int32_t date;
  settlement_source source;
  std::uint32_t index;
};
}  // namespace detail

HUIKUAN_FUNC receivables_position allocate(const ledger& book, day as_of) {
  // Reports subtract ledger days from as_of in int32: outside the calendar
  // that could wrap, so such a date is refused.
  if (as_of < min_supported_day || as_of > max_supported_day)
    throw input_error("huikuan.date.3", "as_of day number " + std::to_string(as_of.serial()) +
                                            " is outside 1400-01-01 .. 9999-12-31", "as_of");
  const invoice_columns inv = book.invoices();
  const settlement_columns pay = book.payments();
  const settlement_columns cred = book.credit_notes();
  const std::size_t customers = book.customer_count();
  const std::int32_t cutoff = as_of.serial();

  receivables_position position;
  position.as_of = as_of;
  position.open_amount.assign(inv.amount.size(), 0);
  position.issued.assign(inv.amount.size(), 0);
  position.settled_day.assign(inv.amount.size(), receivables_position::not_settled);
  position.unapplied.assign(customers, 0);

  for (std::size_t i = 0; i < inv.amount.size(); ++i) {
    if (inv.issue_day[i] <= cutoff) {
      position.issued[i] = 1;
      position.open_amount[i] = inv.amount[i];
    }
  }

  // Each customer's invoices in issue-date order: an invoice becomes
  // eligible for unnamed cash once the cash's date reaches its issue date.
  auto invoices = detail::group_by_customer(inv.customer, customers,
                                            [&](std::size_t i) { return position.issued[i] != 0; });
  for (std::size_t c = 0; c < customers; ++c) {
    auto first = invoices.order.begin() + invoices.offsets[c];
    auto last = invoices.order.begin() + invoices.offsets[c + 1];
    std::sort(first, last, [&](std::uint32_t a, std::uint32_t b) {
      return inv.issue_day[a] != inv.issue_day[b] ? inv.issue_day[a] < inv.issue_day[b] : a < b;
    });
  }
  // Eligible open invoices in a heap, oldest due date on top; ties by
  // issue date, then by the order the invoices were added.
  const auto due_later = [&](std::uint32_t a, std::uint32_t b) {
    if (inv.due_day[a] != inv.due_day[b]) return inv.due_day[a] > inv.due_day[b];
    if (inv.issue_day[a] != inv.issue_day[b]) return inv.issue_day[a] > inv.issue_day[b];
    return a > b;
  };
  std::vector<std::uint32_t> eligible;

  // Events of all customers, grouped by customer, then ordered.
  std::vector<std::uint32_t> event_offsets(customers + 1, 0);
  for (std::size_t i = 0; i < pay.amount.size(); ++i)
    if (pay.date_day[i] <= cutoff) ++event_offsets[pay.customer[i] + 1];
  for (std::size_t i = 0; i < cred.amount.size(); ++i)
    if (cred.date_day[i] <= cutoff) ++event_offsets[cred.customer[i] + 1];
  std::partial_sum(event_offsets.begin(), event_offsets.end(), event_offsets.begin());
  std::vector<detail::allocation_event> events(event_offsets.back());
  {
    std::vector<std::uint32_t> cursor(event_offsets.begin(), event_offsets.end() - 1);
    for (std::size_t i = 0; i < pay.amount.size(); ++i)
      if (pay.date_day[i] <= cutoff)
        events[cursor[pay.customer[i]]++] = {pay.date_day[i], settlement_source::payment, static_cast<std::uint32_t>(i)};
    for (std::size_t i = 0; i < cred.amount.size(); ++i)
      if (cred.date_day[i] <= cutoff)
        events[cursor[cred.customer[i]]++] = {cred.date_day[i], settlement_source::credit_note, static_cast<std::uint32_t>(i)};
  }
  const auto event_id = [&](const detail::allocation_event& e) -> const std::string& {
    return e.source == settlement_source::payment ? book.payment_id(e.index) : book.credit_note_id(e.index);
  };

  std::vector<std::uint8_t> short_paid(inv.amount.size(), 0);
  for (std::size_t c = 0; c < customers; ++c) {
    auto first_event = events.begin() + event_offsets[c];
    auto last_event = events.begin() + event_offsets[c + 1];
    std::sort(first_event, last_event, [&](const detail::allocation_event& a, const detail::allocation_event& b) {
      if (a.date != b.date) return a.date < b.date;
      if (a.source != b.source) return a.source < b.source;
      return event_id(a) < event_id(b);
    });

    const std::uint32_t* const by_issue = invoices.order.data() + invoices.offsets[c];
    const std::size_t invoice_count = invoices.offsets[c + 1] - invoices.offsets[c];
    std::size_t next_to_issue = 0;
    eligible.clear();

    for (auto e = first_event; e != last_event; ++e) {
      const bool is_payment = e->source == settlement_source::payment;
      if (is_payment && pay.status[e->index] == payment_status::bounced) {
        position.bounced_payments.push_back(e->index);
        continue;
      }
      while (next_to_issue < invoice_count && inv.issue_day[by_issue[next_to_issue]] <= e->date) {
        eligible.push_back(by_issue[next_to_issue++]);
        std::push_heap(eligible.begin(), eligible.end(), due_later);
      }
      const settlement_columns& source = is_payment ? pay : cred;
      std::int64_t remaining = source.amount[e->index];
      const auto apply = [&](std::uint32_t invoice) {
        const std::int64_t applied = std::min(remaining, position.open_amount[invoice]);
        if (applied == 0) return;
        position.open_amount[invoice] -= applied;
        remaining -= applied;
        if (position.open_amount[invoice] == 0) position.settled_day[invoice] = e->date;
        position.settlements.push_back({e->source, e->index, invoice, day(e->date), money::from_minor_units(applied)});
      };

      // A named invoice is honoured once it exists on the cash's date; cash
      // naming a later invoice is on account, so history never changes.
      const std::uint32_t named = source.invoice[e->index];
      if (named != no_index && position.issued[named] && inv.issue_day[named] <= e->date) {
        apply(named);
        if (is_payment && position.open_amount[named] > 0) short_paid[named] = 1;
      }
      while (remaining > 0 && !eligible.empty()) {
        const std::uint32_t oldest = eligible.front();
        apply(oldest);
        if (position.open_amount[oldest] == 0) {
          std::pop_heap(eligible.begin(), eligible.end(), due_later);
          eligible.pop_back();
        }
      }
      position.unapplied[c] = detail::checked_add(position.unapplied[c], remaining);
    }
  }
  for (std::size_t i = 0; i < short_paid.size(); ++i)
    if (short_paid[i] && position.open_amount[i] > 0) position.short_paid_invoices.push_back(static_cast<std::uint32_t>(i));
  return position;
}

}  // namespace huikuan
