// Definitions for statement.hpp.
#pragma once

#include <algorithm>
#include <span>
#include <vector>

#include "huikuan/statement.hpp"

namespace huikuan {

HUIKUAN_FUNC std::string_view to_string(movement_kind kind) noexcept {
  switch (kind) {
    case movement_kind::invoice: return "invoice";
    case movement_kind::payment: return "payment";
    case movement_kind::credit_note: return "credit note";
    case movement_kind::bounced_payment: return "bounced payment";
  }
  return "invoice";
}

HUIKUAN_FUNC statement_of_account make_statement(const ledger& book, customer_index customer, day from, day as_of,
                                                 const bucket_policy& policy, const escalation_ladder& ladder) {
  if (from > as_of)
    throw input_error("huikuan.statement.1",
                      "the period starts " + format_date(from) + ", after its end " + format_date(as_of), "from");
  return make_statement(book, allocate(book, as_of), customer, from, policy, ladder);
}

namespace detail {

/// The row indices of one customer in each of the ledger's tables, in
/// ledger order.
struct customer_rows {
  std::span<const std::uint32_t> invoices, payments, credit_notes;
};

/// Row indices grouped by customer (a counting sort: stable, O(rows +
/// customers)): the rows of customer c are rows[offsets[c] .. offsets[c + 1]).
struct rows_by_customer {
  std::vector<std::uint32_t> offsets, rows;

  rows_by_customer(std::span<const std::uint32_t> customer_of_row, std::size_t customers)
      : offsets(customers + 1, 0), rows(customer_of_row.size()) {
    for (const std::uint32_t c : customer_of_row) ++offsets[c + 1];
    for (std::size_t c = 0; c < customers; ++c) offsets[c + 1] += offsets[c];
    std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
    for (std::size_t i = 0; i < customer_of_row.size(); ++i)
      rows[next[customer_of_row[i]]++] = static_cast<std::uint32_t>(i);
  }
  [[nodiscard]] std::span<const std::uint32_t> of(std::uint32_t c) const {
    return std::span<const std::uint32_t>(rows).subspan(offsets[c], offsets[c + 1] - offsets[c]);
  }
};

/// The indices of the rows whose customer is c, in ledger order. O(rows).
inline std::vector<std::uint32_t> rows_of(std::span<const std::uint32_t> customer_of_row, std::uint32_t c) {
  std::vector<std::uint32_t> rows;
  for (std::size_t i = 0; i < customer_of_row.size(); ++i)
    if (customer_of_row[i] == c) rows.push_back(static_cast<std::uint32_t>(i));
  return rows;
}

/// Checks what every statement needs; throws as make_statement documents.
inline void require_statement_inputs(const ledger& book, const receivables_position& position, day from,
                                     const bucket_policy& policy, const escalation_ladder& ladder) {
  if (position.open_amount.size() != book.invoice_count())
    throw input_error("huikuan.aging.4", "the position does not belong to this ledger");
  if (from > position.as_of)
    throw input_error("huikuan.statement.1",
                      "the period starts " + format_date(from) + ", after its end " + format_date(position.as_of), "from");
  policy.validate();
  ladder.validate();
}

inline void require_customer(const ledger& book, customer_index customer) {
  if (static_cast<std::size_t>(customer) >= book.customer_count())
    throw not_found_error("huikuan.statement.3", "customer index " + std::to_string(static_cast<std::uint32_t>(customer)) +
                                                     " is not in the ledger (" +
                                                     std::to_string(book.customer_count()) + " customers)");
}

/// A statement from the customer's rows (inputs already checked);
/// short_paid flags the invoices paid only in part, by invoice index.
inline statement_of_account statement_from_rows(const ledger& book, const receivables_position& position,
                                                customer_index customer, const customer_rows& rows, day from,
                                                const bucket_policy& policy, const escalation_ladder& ladder,
                                                std::span<const std::uint8_t> short_paid) {
  const day as_of = position.as_of;
  const auto c = static_cast<std::uint32_t>(customer);
  const huikuan::customer& who = book.customer_at(customer);
  statement_of_account s;
  s.customer_id = who.id;
  s.name = who.name;
  s.sales_rep = who.sales_rep;
  s.terms = who.terms;
  s.credit_limit = who.credit_limit;
  s.from = from;
  s.as_of = as_of;

  const invoice_columns inv = book.invoices();
  const settlement_columns pay = book.payments();
  const settlement_columns cred = book.credit_notes();
  money opening;
  for (const std::uint32_t i : rows.invoices) {
    if (day(inv.issue_day[i]) > as_of) continue;
    const money amount = money::from_minor_units(inv.amount[i]);
    if (day(inv.issue_day[i]) < from) {
      opening += amount;
      continue;
    }
    s.lines.push_back({day(inv.issue_day[i]), movement_kind::invoice, book.invoice_id(i), "", amount, money{}, money{},
                       "due " + format_date(day(inv.due_day[i]))});
  }
  for (const std::uint32_t i : rows.payments) {
    if (day(pay.date_day[i]) > as_of) continue;
    const money amount = money::from_minor_units(pay.amount[i]);
    const bool bounced = pay.status[i] == payment_status::bounced;
    if (day(pay.date_day[i]) < from) {
      if (!bounced) opening -= amount;
      continue;
    }
    const std::string named = pay.invoice[i] == no_index ? std::string() : book.invoice_id(pay.invoice[i]);
    std::string note(to_string(pay.method[i]));
    if (bounced) {
      note += " " + format_money_grouped(amount) + " bounced: settles nothing";
      s.lines.push_back({day(pay.date_day[i]), movement_kind::bounced_payment, book.payment_id(i), named, money{}, money{},
                         money{}, note});
    } else {
      s.lines.push_back({day(pay.date_day[i]), movement_kind::payment, book.payment_id(i), named, money{}, amount, money{},
                         note});
    }
  }
  for (const std::uint32_t i : rows.credit_notes) {
    if (day(cred.date_day[i]) > as_of) continue;
    const money amount = money::from_minor_units(cred.amount[i]);
    if (day(cred.date_day[i]) < from) {
      opening -= amount;
      continue;
    }
    const std::string named = cred.invoice[i] == no_index ? std::string() : book.invoice_id(cred.invoice[i]);
    s.lines.push_back({day(cred.date_day[i]), movement_kind::credit_note, book.credit_note_id(i), named, money{}, amount,
                       money{}, book.credit_note_at(i).reason});
  }
  std::stable_sort(s.lines.begin(), s.lines.end(), [](const statement_line& a, const statement_line& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.reference < b.reference;
  });
  s.opening_balance = opening;
  money running = opening;
  for (statement_line& line : s.lines) {
    running += line.debit;
    running -= line.credit;
    line.balance = running;
  }
  s.closing_balance = running;
  // Copied after the running balances are filled in.
  for (const statement_line& line : s.lines)
    if (line.kind == movement_kind::bounced_payment) s.bounced.push_back(line);

  // Open items and their aging come from the allocation as of as_of.
  s.bucket_labels = policy.labels();
  s.buckets.assign(policy.bucket_count(), money{});
  for (const std::uint32_t i : rows.invoices) {
    if (position.open_amount[i] == 0) continue;
    const std::int32_t past_due = as_of.serial() - inv.due_day[i];
    const std::int32_t age = policy.basis == aging_basis::days_past_due ? past_due : as_of.serial() - inv.issue_day[i];
    const money open = money::from_minor_units(position.open_amount[i]);
    s.buckets[policy.bucket_of(age)] += open;
    s.open_total += open;
    s.open_items.push_back({book.invoice_id(i), book.invoice_contract_no(i), day(inv.issue_day[i]), day(inv.due_day[i]),
                            money::from_minor_units(inv.amount[i]), open, past_due, short_paid[i] != 0,
                            ladder.stages[ladder.stage_for(past_due)].name});
  }
  std::stable_sort(s.open_items.begin(), s.open_items.end(),
                   [](const open_item& a, const open_item& b) { return a.due_date < b.due_date; });
  s.unapplied = money::from_minor_units(position.unapplied[c]);
  return s;
}

/// 1 for each invoice that the position lists as short paid.
inline std::vector<std::uint8_t> short_paid_flags(const ledger& book, const receivables_position& position) {
  std::vector<std::uint8_t> flags(book.invoice_count(), 0);
  for (const std::uint32_t i : position.short_paid_invoices) flags[i] = 1;
  return flags;
}

}  // namespace detail

HUIKUAN_FUNC statement_of_account make_statement(const ledger& book, const receivables_position& position,
                                                 customer_index customer, day from, const bucket_policy& policy,
                                                 const escalation_ladder& ladder) {
  detail::require_customer(book, customer);
  detail::require_statement_inputs(book, position, from, policy, ladder);
  const auto c = static_cast<std::uint32_t>(customer);
  const std::vector<std::uint32_t> invoices = detail::rows_of(book.invoices().customer, c);
  const std::vector<std::uint32_t> payments = detail::rows_of(book.payments().customer, c);
  const std::vector<std::uint32_t> credit_notes = detail::rows_of(book.credit_notes().customer, c);
  return detail::statement_from_rows(book, position, customer, {invoices, payments, credit_notes}, from, policy, ladder,
                                     detail::short_paid_flags(book, position));
}

HUIKUAN_FUNC std::vector<statement_of_account> make_statements(const ledger& book,
                                                               const receivables_position& position,
                                                               std::span<const customer_index> customers, day from,
                                                               const bucket_policy& policy,
                                                               const escalation_ladder& ladder) {
  for (const customer_index customer : customers) detail::require_customer(book, customer);
  detail::require_statement_inputs(book, position, from, policy, ladder);
  const std::size_t count = book.customer_count();
  const detail::rows_by_customer invoices(book.invoices().customer, count);
  const detail::rows_by_customer payments(book.payments().customer, count);
  const detail::rows_by_customer credit_notes(book.credit_notes().customer, count);
  const std::vector<std::uint8_t> short_paid = detail::short_paid_flags(book, position);
  std::vector<statement_of_account> result;
  result.reserve(customers.size());
  for (const customer_index customer : customers) {
    const auto c = static_cast<std::uint32_t>(customer);
    result.push_back(detail::statement_from_rows(book, position, customer,
                                                 {invoices.of(c), payments.of(c), credit_notes.of(c)}, from, policy,
                                                 ladder, short_paid));
  }
  return result;
}

HUIKUAN_FUNC std::vector<dormant_account> find_dormant_accounts(const ledger& book, const receivables_position& position,
                                                                days quiet_for) {
  if (quiet_for < days(0))
    throw input_error("huikuan.statement.2", "quiet period " + std::to_string(quiet_for.count()) + " days is negative",
                      "quiet_for");
  const std::size_t customers = book.customer_count();
  const std::int32_t cutoff = position.as_of.serial();
  constexpr std::int32_t never = std::numeric_limits<std::int32_t>::min();
  std::vector<std::int32_t> last(customers, never);
  std::vector<std::int64_t> open(customers, 0);
  const invoice_columns inv = book.invoices();
  for (std::size_t i = 0; i < inv.amount.size(); ++i) {
    if (inv.issue_day[i] > cutoff) continue;
    last[inv.customer[i]] = std::max(last[inv.customer[i]], inv.issue_day[i]);
    open[inv.customer[i]] = detail::checked_add(open[inv.customer[i]], position.open_amount[i]);
  }
  for (const settlement_columns& columns : {book.payments(), book.credit_notes()})
    for (std::size_t i = 0; i < columns.amount.size(); ++i)
      if (columns.date_day[i] <= cutoff) last[columns.customer[i]] = std::max(last[columns.customer[i]], columns.date_day[i]);

  std::vector<dormant_account> result;
  for (std::size_t c = 0; c < customers; ++c) {
    if (open[c] == 0 && position.unapplied[c] == 0) continue;
    const std::int32_t quiet = cutoff - last[c];
    if (quiet <= quiet_for.count()) continue;
    result.push_back({customer_index{static_cast<std::uint32_t>(c)}, money::from_minor_units(open[c]),
                      money::from_minor_units(position.unapplied[c]), day(last[c]), quiet});
  }
  std::stable_sort(result.begin(), result.end(),
                   [](const dormant_account& a, const dormant_account& b) { return a.days_quiet > b.days_quiet; });
  return result;
}

}  // namespace huikuan
