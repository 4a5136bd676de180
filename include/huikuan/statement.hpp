// The statement of account (对账单) a rep reconciles with the customer and
// with finance, and the dormant-account check (seed 004: an open balance
// with no movement may belong to a company that no longer exists).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "huikuan/aging.hpp"
#include "huikuan/allocation.hpp"
#include "huikuan/config.hpp"
#include "huikuan/ledger.hpp"

namespace huikuan {

enum class movement_kind : std::uint8_t { invoice, payment, credit_note, bounced_payment };

/// "invoice", "payment", "credit note", "bounced payment".
HUIKUAN_FUNC std::string_view to_string(movement_kind kind) noexcept;

/// One movement on the account. Debits raise what the customer owes,
/// credits lower it; `balance` is the running net balance after the line.
struct statement_line {
  day date;
  movement_kind kind = movement_kind::invoice;
  std::string reference;   ///< invoice, payment or credit-note id
  std::string invoice_id;  ///< the invoice a payment or credit note names
  money debit;
  money credit;
  money balance;
  std::string note;  ///< due date, method, "bounced: settles nothing", ...
};

/// An invoice still open on the statement date.
struct open_item {
  std::string invoice_id;
  std::string contract_no;
  day issue_date;
  day due_date;
  money amount;
  money open;
  std::int32_t days_past_due = 0;
  bool short_paid = false;
  std::string stage;  ///< escalation stage name
};

/// Statement of one customer's account for the period [from, as_of].
/// Balances are net: invoices - cleared payments - credit notes, so
/// closing_balance == open_total - unapplied (tested).
struct statement_of_account {
  std::string customer_id, name, sales_rep;
  payment_terms terms;
  money credit_limit;
  day from, as_of;
  money opening_balance;  ///< net balance at the end of the day before `from`
  std::vector<statement_line> lines;  ///< movements dated in [from, as_of]
  money closing_balance;
  std::vector<std::string> bucket_labels;
  std::vector<money> buckets;  ///< aging of the open items as of as_of
  money open_total;            ///< sum of the open items (= sum of buckets)
  money unapplied;             ///< cash on account not applied to any invoice
  std::vector<open_item> open_items;
  std::vector<statement_line> bounced;  ///< bounced payments dated in [from, as_of]
};

/// Builds the statement of `customer` for [from, as_of]. Allocates the
/// ledger as of as_of; to print statements for many customers, allocate
/// once and use the overload taking a position. Throws input_error
/// [huikuan.statement.1] when from is after as_of, not_found_error
/// [huikuan.statement.3] for a customer index not in the ledger; the
/// policy's and the ladder's validation errors.
HUIKUAN_FUNC statement_of_account make_statement(const ledger& book, customer_index customer, day from, day as_of,
                                                 const bucket_policy& policy = {},
                                                 const escalation_ladder& ladder = escalation_ladder::standard());

/// The same from an existing allocation: the period ends on
/// position.as_of. O(rows of the ledger) per statement, no allocation run.
HUIKUAN_FUNC statement_of_account make_statement(const ledger& book, const receivables_position& position,
                                                 customer_index customer, day from,
                                                 const bucket_policy& policy = {},
                                                 const escalation_ladder& ladder = escalation_ladder::standard());

/// The statements of many customers for [from, position.as_of] from one
/// allocation, in the order given, each equal to make_statement's. The
/// ledger's rows are grouped by customer once (O(rows + customers)); each
/// statement then costs O(r log r) in its own r rows, so month-end
/// statements for every customer are one pass over the ledger instead of
/// one per statement. Throws what make_statement throws, before any
/// statement is built (not_found_error [huikuan.statement.3] names the
/// first customer index not in the ledger).
///
///   std::vector<customer_index> everyone;
///   for (std::uint32_t c = 0; c < book.customer_count(); ++c) everyone.push_back(customer_index{c});
///   const auto statements = make_statements(book, position, everyone, parse_date("2026-10-01"));
HUIKUAN_FUNC std::vector<statement_of_account> make_statements(const ledger& book,
                                                               const receivables_position& position,
                                                               std::span<const customer_index> customers, day from,
                                                               const bucket_policy& policy = {},
                                                               const escalation_ladder& ladder =
                                                                   escalation_ladder::standard());

/// An account with an open balance or unapplied credit and no movement for
/// a long time.
struct dormant_account {
  customer_index customer;
  money open;       ///< gross open invoices
  money unapplied;  ///< credit on account
  day last_movement;  ///< last invoice, payment (even bounced) or credit note
  std::int32_t days_quiet = 0;
};

/// Accounts with open items or unapplied credit whose last movement is
/// more than `quiet_for` days before the position's date, most quiet first.
/// Throws input_error [huikuan.statement.2] for a negative quiet_for.
HUIKUAN_FUNC std::vector<dormant_account> find_dormant_accounts(const ledger& book, const receivables_position& position,
                                                                days quiet_for = days(180));

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/statement-inl.hpp"
#endif
