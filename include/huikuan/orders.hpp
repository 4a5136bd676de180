// Sales orders not yet invoiced: the part of a customer's exposure that the
// receivables do not show yet. A credit check that waits for the invoice
// comes too late (the goods have left); the order release check
// (exposure.hpp) counts open orders against the credit limit.
//
// An order is open as of a date D when it is dated on or before D and was
// not invoiced or cancelled on or before D. Orders closed later count as
// open in a report as of an earlier date, so a past report reproduces.
//
// orders.csv (optional, next to the ledger files; columns by header name):
//   order_id, customer_id, date, amount        required
//   status        open, invoiced or cancelled (default open; a status
//                 column that is present must be filled in)
//   closed_date   the day the order was invoiced or cancelled: required for
//                 those statuses, empty for an open order
// `amount` is what the order will still invoice (> 0).
//
// Errors (input_error):
//   [huikuan.orders.1] a status other than open, invoiced, cancelled
//   [huikuan.orders.2] an empty or duplicate order id
//   [huikuan.orders.3] an unknown customer
//   [huikuan.orders.4] an amount that is not positive
//   [huikuan.orders.5] a closed date missing for an invoiced or cancelled
//                      order, or given for an open one
//   [huikuan.orders.6] a closed date before the order date
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "huikuan/config.hpp"
#include "huikuan/date.hpp"
#include "huikuan/ledger.hpp"
#include "huikuan/load.hpp"
#include "huikuan/money.hpp"

namespace huikuan {

enum class order_status : std::uint8_t { open, invoiced, cancelled };

/// "open", "invoiced", "cancelled".
HUIKUAN_FUNC std::string_view to_string(order_status status) noexcept;
/// Parses a status name (case-insensitive, spaces around ignored). Throws
/// input_error [huikuan.orders.1] quoting the text.
HUIKUAN_FUNC order_status parse_order_status(std::string_view text);

/// A sales order. `closed_date` is the day an invoiced or cancelled order
/// stopped being open; nullopt for an open one.
struct sales_order {
  std::string id{};
  std::string customer_id{};
  day date{};
  money amount{};  ///< > 0, what the order will still invoice
  order_status status = order_status::open;
  std::optional<day> closed_date{};
};

/// Read-only columns of an order table; index i of every span is order i.
/// `closed_day` holds INT32_MAX for an order that is still open.
struct order_columns {
  std::span<const std::uint32_t> customer;  ///< customer index in the ledger
  std::span<const std::int32_t> date_day;
  std::span<const std::int32_t> closed_day;
  std::span<const std::int64_t> amount;     ///< minor units
};

/// The orders of one ledger's customers, stored as struct-of-arrays columns.
///
///   order_table orders;
///   orders.add_order(book, {"SO-1", "C1", parse_date("2026-10-20"), parse_money("8000")});
class order_table {
public:
  /// Adds an order of a customer of `book`, validating it. Throws
  /// input_error [huikuan.orders.2] for an empty or duplicate id (field
  /// order_id), [huikuan.orders.3] for a customer not in `book`
  /// (customer_id), [huikuan.orders.4] for an amount that is not positive
  /// (amount), [huikuan.orders.5] / [huikuan.orders.6] for a closed date
  /// that does not fit the status (closed_date). A rejected order leaves the
  /// table unchanged. O(1) amortised.
  HUIKUAN_FUNC void add_order(const ledger& book, sales_order record);

  [[nodiscard]] std::size_t size() const noexcept { return amount_.size(); }
  [[nodiscard]] order_columns columns() const noexcept { return {customer_, date_, closed_, amount_}; }
  [[nodiscard]] const std::string& order_id(std::size_t i) const { return id_.at(i); }
  [[nodiscard]] order_status status(std::size_t i) const { return status_.at(i); }

private:
  std::vector<std::uint32_t> customer_;
  std::vector<std::int32_t> date_, closed_;
  std::vector<std::int64_t> amount_;
  std::vector<order_status> status_;
  std::vector<std::string> id_;
  detail::id_map ids_;
};

/// Adds the amount of every order open as of `as_of` to its customer's cell
/// of `per_customer` (minor units; the caller zeroes it first, or
/// accumulates). Throws input_error [huikuan.orders.3] when `per_customer`
/// is smaller than an order's customer index, overflow_error
/// [huikuan.money.5] when a cell leaves the int64 range. O(orders).
HUIKUAN_FUNC void add_open_orders(const order_columns& orders, day as_of, std::span<std::int64_t> per_customer);

/// orders.csv with what was left out of it.
struct orders_load_result {
  order_table orders;
  std::vector<load_problem> problems;
  file_summary summary;
};

/// Reads orders.csv text for the customers of `book`. Row problems (a bad
/// date or amount, an unknown customer, a duplicate id, a status and closed
/// date that do not fit) are collected with file, line and column, and the
/// row is left out and counted. Throws input_error [huikuan.load.2] for a
/// missing required column, [huikuan.load.3] for a column named twice.
/// O(rows).
HUIKUAN_FUNC orders_load_result load_orders(std::string_view text, const ledger& book);

}  // namespace huikuan

#ifdef HUIKUAN_HEADER_ONLY
#include "huikuan/orders-inl.hpp"
#endif
