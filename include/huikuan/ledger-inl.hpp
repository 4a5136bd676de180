// Definitions for ledger.hpp.
#pragma once

#include <algorithm>
#include <cctype>

#include "huikuan/ledger.hpp"

namespace huikuan {

namespace detail {
inline std::string lower_ascii(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}
inline std::string trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return std::string(text);
}
}  // namespace detail

HUIKUAN_FUNC std::string_view to_string(payment_method method) noexcept {
  switch (method) {
    case payment_method::cash: return "cash";
    case payment_method::transfer: return "transfer";
    case payment_method::cheque: return "cheque";
    case payment_method::draft: return "draft";
  }
  return "transfer";
}

HUIKUAN_FUNC std::string_view to_string(payment_status status) noexcept {
  return status == payment_status::bounced ? "bounced" : "cleared";
}

HUIKUAN_FUNC payment_method parse_payment_method(std::string_view text) {
  const std::string name = detail::lower_ascii(detail::trimmed(text));
  if (name == "cash") return payment_method::cash;
  if (name == "transfer") return payment_method::transfer;
  if (name == "cheque" || name == "check") return payment_method::cheque;
  if (name == "draft") return payment_method::draft;
  throw input_error("huikuan.ledger.12",
                    "method \"" + std::string(text) + "\" is not cash, transfer, cheque or draft",
                    "method");
}

HUIKUAN_FUNC payment_status parse_payment_status(std::string_view text) {
  const std::string name = detail::lower_ascii(detail::trimmed(text));
  if (name == "cleared") return payment_status::cleared;
  if (name == "bounced") return payment_status::bounced;
  throw input_error("huikuan.ledger.13",
                    "status \"" + std::string(text) + "\" is not cleared or bounced", "status");
}

namespace detail {
inline void require_new_id(const id_map& ids, const std::string& id, std::string_view what,
                           std::string_view field) {
  if (id.empty())
    throw input_error("huikuan.ledger.1", std::string(what) + " id is empty", field);
  if (ids.contains(id))
    throw input_error("huikuan.ledger.1", "duplicate " + std::string(what) + " id " + id, field);
}
inline void require_positive(money amount, std::string_view what) {
  if (!amount.is_positive())
    throw input_error("huikuan.ledger.7",
                      std::string(what) + " amount " + format_money(amount) + " is not positive",
                      "amount");
}
// Days outside the calendar cannot be shown, and as_of - day could leave
// the int32 range in the kernels: such a record is rejected, not stored.
inline void require_calendar_day(day d, std::string_view field) {
  if (d < min_supported_day || d > max_supported_day)
    throw input_error("huikuan.date.3", std::string(field) + " day number " + std::to_string(d.serial()) +
                                            " is outside 1400-01-01 .. 9999-12-31", field);
}
inline std::uint32_t next_index(std::size_t size) {
  if (size >= no_index) throw input_error("huikuan.ledger.15", "the ledger is full (2^32 - 1 records)");
  return static_cast<std::uint32_t>(size);
}
}  // namespace detail

HUIKUAN_FUNC std::uint32_t ledger::resolve_customer(const std::string& customer_id) const {
  if (customer_id.empty()) throw input_error("huikuan.ledger.4", "customer id is empty", "customer_id");
  const auto found = customer_ids_.find(customer_id);
  if (found == customer_ids_.end())
    throw input_error("huikuan.ledger.4", "unknown customer " + customer_id, "customer_id");
  return found->second;
}

HUIKUAN_FUNC std::uint32_t ledger::resolve_invoice(const std::string& invoice_id,
                                                  std::uint32_t customer) const {
  if (invoice_id.empty()) return no_index;
  const auto found = invoice_ids_.find(invoice_id);
  if (found == invoice_ids_.end())
    throw input_error("huikuan.ledger.9", "unknown invoice " + invoice_id, "invoice_id");
  if (invoice_customer_[found->second] != customer)
    throw input_error("huikuan.ledger.10",
                      "invoice " + invoice_id + " belongs to customer " +
                          customers_[invoice_customer_[found->second]].id + ", not " +
                          customers_[customer].id,
                      "invoice_id");
  return found->second;
}

HUIKUAN_FUNC customer_index ledger::add_customer(customer record) {
  detail::require_new_id(customer_ids_, record.id, "customer", "customer_id");
  try {
    record.terms.validate();
  } catch (const input_error& error) {
    throw input_error(error.id(), error.reason(), "terms");
  }
  if (record.credit_limit.is_negative())
    throw input_error("huikuan.ledger.3",
                      "credit limit " + format_money(record.credit_limit) + " is negative",
                      "credit_limit");
  const auto index = detail::next_index(customers_.size());
  customer_ids_.emplace(record.id, index);
  customers_.push_back(std::move(record));
  return customer_index{index};
}

HUIKUAN_FUNC invoice_index ledger::add_invoice(invoice record) {
  detail::require_new_id(invoice_ids_, record.id, "invoice", "invoice_id");
  const std::uint32_t customer = resolve_customer(record.customer_id);
  detail::require_positive(record.amount, "invoice");
  detail::require_calendar_day(record.issue_date, "issue_date");
  if (record.due_date) detail::require_calendar_day(*record.due_date, "due_date");
  day due;
  if (record.due_date) {
    due = *record.due_date;
  } else {
    try {
      due = customers_[customer].terms.due_date(record.issue_date);
    } catch (const input_error& error) {
      throw input_error(error.id(), error.reason(), "due_date");
    }
  }
  if (due < record.issue_date)
    throw input_error("huikuan.ledger.6",
                      "due date " + format_date(due) + " is before issue date " +
                          format_date(record.issue_date),
                      "due_date");
  const auto index = detail::next_index(invoice_amount_.size());
  invoice_ids_.emplace(record.id, index);
  invoice_customer_.push_back(customer);
  invoice_issue_.push_back(record.issue_date.serial());
  invoice_due_.push_back(due.serial());
  invoice_amount_.push_back(record.amount.minor_units());
  invoice_text_.push_back({std::move(record.id), std::move(record.contract_no),
                           std::move(record.project_no), std::move(record.sales_rep)});
  return invoice_index{index};
}

HUIKUAN_FUNC void ledger::add_payment(payment record) {
  detail::require_new_id(payment_ids_, record.id, "payment", "payment_id");
  const std::uint32_t customer = resolve_customer(record.customer_id);
  detail::require_positive(record.amount, "payment");
  detail::require_calendar_day(record.date, "date");
  const std::uint32_t settles = resolve_invoice(record.invoice_id, customer);
  const auto index = detail::next_index(payment_amount_.size());
  payment_ids_.emplace(record.id, index);
  payment_customer_.push_back(customer);
  payment_invoice_.push_back(settles);
  payment_day_.push_back(record.date.serial());
  payment_amount_.push_back(record.amount.minor_units());
  payment_method_.push_back(record.method);
  payment_status_.push_back(record.status);
  payment_id_.push_back(std::move(record.id));
}

HUIKUAN_FUNC void ledger::add_credit_note(credit_note record) {
  detail::require_new_id(credit_ids_, record.id, "credit note", "credit_note_id");
  const std::uint32_t customer = resolve_customer(record.customer_id);
  detail::require_positive(record.amount, "credit note");
  detail::require_calendar_day(record.date, "date");
  const std::uint32_t settles = resolve_invoice(record.invoice_id, customer);
  const auto index = detail::next_index(credit_amount_.size());
  credit_ids_.emplace(record.id, index);
  credit_customer_.push_back(customer);
  credit_invoice_.push_back(settles);
  credit_day_.push_back(record.date.serial());
  credit_amount_.push_back(record.amount.minor_units());
  credit_text_.push_back({std::move(record.id), std::move(record.reason)});
}

HUIKUAN_FUNC std::optional<customer_index> ledger::find_customer(std::string_view id) const {
  const auto found = customer_ids_.find(id);
  if (found == customer_ids_.end()) return std::nullopt;
  return customer_index{found->second};
}

HUIKUAN_FUNC customer_index ledger::customer_index_of(std::string_view id) const {
  const auto found = find_customer(id);
  if (!found) throw not_found_error("huikuan.ledger.14", "no customer with id " + std::string(id));
  return *found;
}

HUIKUAN_FUNC std::optional<invoice_index> ledger::find_invoice(std::string_view id) const {
  const auto found = invoice_ids_.find(id);
  if (found == invoice_ids_.end()) return std::nullopt;
  return invoice_index{found->second};
}

HUIKUAN_FUNC invoice ledger::invoice_at(invoice_index index) const {
  const auto i = static_cast<std::size_t>(index);
  const invoice_text& text = invoice_text_.at(i);
  return {text.id,
          customers_[invoice_customer_[i]].id,
          day(invoice_issue_[i]),
          day(invoice_due_[i]),
          money::from_minor_units(invoice_amount_[i]),
          text.contract_no,
          text.project_no,
          text.sales_rep};
}

HUIKUAN_FUNC const std::string& ledger::invoice_sales_rep(std::size_t i) const {
  const std::string& own = invoice_text_.at(i).sales_rep;
  return own.empty() ? customers_[invoice_customer_[i]].sales_rep : own;
}

HUIKUAN_FUNC payment ledger::payment_at(std::size_t i) const {
  const std::uint32_t settles = payment_invoice_.at(i);
  return {payment_id_[i],
          customers_[payment_customer_[i]].id,
          day(payment_day_[i]),
          money::from_minor_units(payment_amount_[i]),
          payment_method_[i],
          payment_status_[i],
          settles == no_index ? std::string() : invoice_text_[settles].id};
}

HUIKUAN_FUNC credit_note ledger::credit_note_at(std::size_t i) const {
  const std::uint32_t settles = credit_invoice_.at(i);
  return {credit_text_.at(i).id,
          customers_[credit_customer_[i]].id,
          day(credit_day_[i]),
          money::from_minor_units(credit_amount_[i]),
          settles == no_index ? std::string() : invoice_text_[settles].id,
          credit_text_[i].reason};
}

HUIKUAN_FUNC void ledger::reserve(std::size_t customers, std::size_t invoices, std::size_t payments) {
  customers_.reserve(customers);
  customer_ids_.reserve(customers);
  invoice_customer_.reserve(invoices);
  invoice_issue_.reserve(invoices);
  invoice_due_.reserve(invoices);
  invoice_amount_.reserve(invoices);
  invoice_text_.reserve(invoices);
  invoice_ids_.reserve(invoices);
  payment_customer_.reserve(payments);
  payment_invoice_.reserve(payments);
  payment_day_.reserve(payments);
  payment_amount_.reserve(payments);
  payment_method_.reserve(payments);
  payment_status_.reserve(payments);
  payment_id_.reserve(payments);
  payment_ids_.reserve(payments);
}

}  // namespace huikuan
