// The receivables ledger (台账): customers, invoices, payments and credit
// notes. Records are validated as they are added; the ledger stores them as
// struct-of-arrays columns (day numbers, minor units, dense customer
// indices) so the bulk kernels read spans without copying.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "huikuan/config.hpp"
#include "huikuan/date.hpp"
#include "huikuan/money.hpp"
#include "huikuan/terms.hpp"

namespace huikuan {

/// Dense position of a customer in a ledger (0, 1, 2, ... in the order added).
enum class customer_index : std::uint32_t {};
/// Dense position of an invoice in a ledger.
enum class invoice_index : std::uint32_t {};

/// Marks "no invoice" in index columns (a payment on account).
inline constexpr std::uint32_t no_index = 0xFFFF'FFFFu;

enum class payment_method : std::uint8_t { cash, transfer, cheque, draft };
enum class payment_status : std::uint8_t { cleared, bounced };

/// "cash", "transfer", "cheque", "draft".
HUIKUAN_FUNC std::string_view to_string(payment_method method) noexcept;
/// "cleared", "bounced".
HUIKUAN_FUNC std::string_view to_string(payment_status status) noexcept;
/// Parses a method name (case-insensitive; "check" is accepted for cheque).
/// Throws input_error [huikuan.ledger.12].
HUIKUAN_FUNC payment_method parse_payment_method(std::string_view text);
/// Parses "cleared" or "bounced" (case-insensitive). Throws input_error
/// [huikuan.ledger.13].
HUIKUAN_FUNC payment_status parse_payment_status(std::string_view text);

/// A customer (debtor). `name` is UTF-8 and may be Chinese.
struct customer {
  std::string id{};
  std::string name{};
  std::string sales_rep{};
  payment_terms terms{};
  money credit_limit{};  ///< >= 0, in minor units
  std::string segment{};  ///< optional grouping, may be empty
};

/// An invoice. Without `due_date` the due date follows from the customer's
/// terms. `sales_rep`, when not empty, overrides the customer's rep.
struct invoice {
  std::string id{};
  std::string customer_id{};
  day issue_date{};
  std::optional<day> due_date{};
  money amount{};  ///< > 0
  std::string contract_no{};
  std::string project_no{};
  std::string sales_rep{};
};

/// A payment received. A bounced payment settles nothing. `invoice_id`,
/// when not empty, names the invoice it settles.
struct payment {
  std::string id{};
  std::string customer_id{};
  day date{};
  money amount{};  ///< > 0
  payment_method method = payment_method::transfer;
  payment_status status = payment_status::cleared;
  std::string invoice_id{};
};

/// A credit note (return, price adjustment): reduces what the customer owes
/// like a payment, but is not cash.
struct credit_note {
  std::string id{};
  std::string customer_id{};
  day date{};
  money amount{};  ///< > 0
  std::string invoice_id{};
  std::string reason{};
};

/// Read-only column views of a ledger's invoices. Index i of every span is
/// invoice i. Days are serial day numbers, amounts minor units.
struct invoice_columns {
  std::span<const std::uint32_t> customer;
  std::span<const std::int32_t> issue_day;
  std::span<const std::int32_t> due_day;
  std::span<const std::int64_t> amount;
};

/// Read-only column views of payments (or of credit notes, where `method`
/// and `status` are empty). `invoice` holds no_index for "on account".
struct settlement_columns {
  std::span<const std::uint32_t> customer;
  std::span<const std::int32_t> date_day;
  std::span<const std::int64_t> amount;
  std::span<const std::uint32_t> invoice;
  std::span<const payment_method> method;
  std::span<const payment_status> status;
};

namespace detail {
struct string_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};
using id_map = std::unordered_map<std::string, std::uint32_t, string_hash, std::equal_to<>>;
}  // namespace detail

/// The ledger. Every add_* call validates its record against what is
/// already there and throws input_error (with `field()` naming the column)
/// without changing the ledger when it is rejected.
///
///   ledger book;
///   book.add_customer({"C1", "上海华联贸易有限公司", "王芳", parse_terms("NET 30"),
///                      parse_money("500000")});
///   book.add_invoice({"INV-1", "C1", parse_date("2026-01-05"), std::nullopt,
///                     parse_money("12500.00")});
class ledger {
public:
  /// Adds a customer. Throws input_error [huikuan.ledger.1] for an empty
  /// or duplicate id (field customer_id), [huikuan.terms.2] or
  /// [huikuan.terms.3] for terms out of range (field terms),
  /// [huikuan.ledger.3] for a negative credit limit (field credit_limit).
  HUIKUAN_FUNC customer_index add_customer(customer record);
  /// Adds an invoice, deriving a missing due date from the customer's
  /// terms. Throws input_error [huikuan.ledger.1] empty or duplicate id
  /// (invoice_id), [huikuan.ledger.4] unknown customer (customer_id),
  /// [huikuan.ledger.6] due date before issue date (due_date),
  /// [huikuan.ledger.7] amount not positive (amount), [huikuan.date.3] an
  /// issue or due date outside 1400-01-01 .. 9999-12-31, given or derived
  /// from the terms (issue_date, due_date).
  HUIKUAN_FUNC invoice_index add_invoice(invoice record);
  /// Adds a payment. Throws input_error [huikuan.ledger.1] empty or
  /// duplicate id (payment_id), [huikuan.ledger.4] unknown customer,
  /// [huikuan.ledger.7] amount not positive, [huikuan.ledger.9] unknown
  /// invoice (invoice_id), [huikuan.ledger.10] invoice of another customer,
  /// [huikuan.date.3] a date outside 1400-01-01 .. 9999-12-31 (date).
  HUIKUAN_FUNC void add_payment(payment record);
  /// Adds a credit note; the same checks as add_payment (field
  /// credit_note_id for the id).
  HUIKUAN_FUNC void add_credit_note(credit_note record);

  [[nodiscard]] std::size_t customer_count() const noexcept { return customers_.size(); }
  [[nodiscard]] std::size_t invoice_count() const noexcept { return invoice_amount_.size(); }
  [[nodiscard]] std::size_t payment_count() const noexcept { return payment_amount_.size(); }
  [[nodiscard]] std::size_t credit_note_count() const noexcept { return credit_amount_.size(); }

  [[nodiscard]] const customer& customer_at(customer_index index) const {
    return customers_.at(static_cast<std::size_t>(index));
  }
  [[nodiscard]] std::span<const customer> customers() const noexcept { return customers_; }
  /// The customer with this id, or nullopt.
  [[nodiscard]] HUIKUAN_FUNC std::optional<customer_index> find_customer(std::string_view id) const;
  /// The customer with this id; throws not_found_error [huikuan.ledger.14].
  [[nodiscard]] HUIKUAN_FUNC customer_index customer_index_of(std::string_view id) const;
  /// The invoice with this id, or nullopt.
  [[nodiscard]] HUIKUAN_FUNC std::optional<invoice_index> find_invoice(std::string_view id) const;

  /// Invoice i as a record (due date filled in).
  [[nodiscard]] HUIKUAN_FUNC invoice invoice_at(invoice_index index) const;
  [[nodiscard]] const std::string& invoice_id(std::size_t i) const { return invoice_text_.at(i).id; }
  /// The sales rep responsible for invoice i: its own, else its customer's.
  [[nodiscard]] HUIKUAN_FUNC const std::string& invoice_sales_rep(std::size_t i) const;
  [[nodiscard]] const std::string& invoice_contract_no(std::size_t i) const { return invoice_text_.at(i).contract_no; }
  [[nodiscard]] HUIKUAN_FUNC payment payment_at(std::size_t i) const;
  [[nodiscard]] HUIKUAN_FUNC credit_note credit_note_at(std::size_t i) const;
  [[nodiscard]] const std::string& payment_id(std::size_t i) const { return payment_id_.at(i); }
  [[nodiscard]] const std::string& credit_note_id(std::size_t i) const { return credit_text_.at(i).id; }

  [[nodiscard]] invoice_columns invoices() const noexcept {
    return {invoice_customer_, invoice_issue_, invoice_due_, invoice_amount_};
  }
  [[nodiscard]] settlement_columns payments() const noexcept {
    return {payment_customer_, payment_day_, payment_amount_, payment_invoice_, payment_method_, payment_status_};
  }
  [[nodiscard]] settlement_columns credit_notes() const noexcept {
    return {credit_customer_, credit_day_, credit_amount_, credit_invoice_, {}, {}};
  }

  /// Reserves room for the given numbers of records.
  HUIKUAN_FUNC void reserve(std::size_t customers, std::size_t invoices, std::size_t payments);

private:
  struct invoice_text {
    std::string id, contract_no, project_no, sales_rep;
  };
  struct credit_text {
    std::string id, reason;
  };
  HUIKUAN_FUNC std::uint32_t resolve_customer(const std::string& customer_id) const;
  HUIKUAN_FUNC std::uint32_t resolve_invoice(const std::string& invoice_id, std::uint32_t customer) const;

  std::vector<customer> customers_;
  detail::id_map customer_ids_;

  std::vector<std::uint32_t> invoice_customer_;
  std::vector<std::int32_t> invoice_issue_, invoice_due_;
  std::vector<std::int64_t> invoice_amount_;
  std::vector<invoice_text> invoice_text_;
  detail::id_map invoice_ids_;

  std::vector<std::uint32_t> payment_customer_, payment_invoice_;
  std::vector<std::int32_t> payment_day_;
  std::vector<std::int64_t> payment_amount_;
  std::vector<payment_method> payment_method_;
  std::vector<payment_status> payment_status_;
  std::vector<std::string> payment_id_;
  detail::id_map payment_ids_;

  std::vector<std::uint32_t> credit_customer_, credit_invoice_;
  std::vector<std::int32_t> credit_day_;
  std::vector<std::int64_t> credit_amount_;
  std::vector<credit_text> credit_text_;
  detail::id_map credit_ids_;
};

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/ledger-inl.hpp"
#endif
