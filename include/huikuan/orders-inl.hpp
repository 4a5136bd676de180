// Definitions for orders.hpp.
#pragma once

#include <limits>

#include "huikuan/detail/table_reader.hpp"
#include "huikuan/ledger-inl.hpp"
#include "huikuan/orders.hpp"

namespace huikuan {

HUIKUAN_FUNC std::string_view to_string(order_status status) noexcept {
  switch (status) {
    case order_status::open: return "open";
    case order_status::invoiced: return "invoiced";
    case order_status::cancelled: return "cancelled";
  }
  return "open";
}

HUIKUAN_FUNC order_status parse_order_status(std::string_view text) {
  const std::string name = detail::lower_ascii(detail::trimmed(text));
  if (name == "open") return order_status::open;
  if (name == "invoiced") return order_status::invoiced;
  if (name == "cancelled" || name == "canceled") return order_status::cancelled;
  throw input_error("huikuan.orders.1", "status \"" + std::string(text) + "\" is not open, invoiced or cancelled",
                    "status");
}

HUIKUAN_FUNC void order_table::add_order(const ledger& book, sales_order record) {
  if (record.id.empty()) throw input_error("huikuan.orders.2", "order id is empty", "order_id");
  if (ids_.contains(record.id)) throw input_error("huikuan.orders.2", "duplicate order id " + record.id, "order_id");
  const std::optional<customer_index> who = book.find_customer(record.customer_id);
  if (!who) throw input_error("huikuan.orders.3", "unknown customer " + record.customer_id, "customer_id");
  if (!record.amount.is_positive())
    throw input_error("huikuan.orders.4", "order amount " + format_money(record.amount) + " is not positive", "amount");
  const bool open = record.status == order_status::open;
  if (open && record.closed_date)
    throw input_error("huikuan.orders.5", "an open order has no closed date (got " + format_date(*record.closed_date) + ")",
                      "closed_date");
  if (!open && !record.closed_date)
    throw input_error("huikuan.orders.5",
                      std::string(record.status == order_status::invoiced ? "an " : "a ") +
                          std::string(to_string(record.status)) + " order needs the date it was closed",
                      "closed_date");
  if (record.closed_date && *record.closed_date < record.date)
    throw input_error("huikuan.orders.6", "closed date " + format_date(*record.closed_date) + " is before order date " +
                                              format_date(record.date), "closed_date");
  const auto index = detail::next_index(amount_.size());
  ids_.emplace(record.id, index);
  customer_.push_back(static_cast<std::uint32_t>(*who));
  date_.push_back(record.date.serial());
  closed_.push_back(record.closed_date ? record.closed_date->serial() : std::numeric_limits<std::int32_t>::max());
  amount_.push_back(record.amount.minor_units());
  status_.push_back(record.status);
  id_.push_back(std::move(record.id));
}

HUIKUAN_FUNC void add_open_orders(const order_columns& orders, day as_of, std::span<std::int64_t> per_customer) {
  const std::int32_t today = as_of.serial();
  for (std::size_t i = 0; i < orders.amount.size(); ++i) {
    // Open on as_of: placed on or before it and not yet closed on it.
    if (orders.date_day[i] > today || orders.closed_day[i] <= today) continue;
    const std::uint32_t c = orders.customer[i];
    if (c >= per_customer.size())
      throw input_error("huikuan.orders.3", "order " + std::to_string(i) + ": customer " + std::to_string(c) +
                                                " is out of range (customers: " + std::to_string(per_customer.size()) + ")");
    per_customer[c] = detail::checked_add(per_customer[c], orders.amount[i]);
  }
}

HUIKUAN_FUNC orders_load_result load_orders(std::string_view text, const ledger& book) {
  orders_load_result result;
  file_summary& summary = result.summary;
  summary.file = "orders.csv";
  summary.present = true;
  detail::table_reader table("orders.csv", text, {"order_id", "customer_id", "date", "amount"},
                             {"status", "closed_date"});
  while (table.next()) {
    ++summary.rows_read;
    detail::row_checker row(table, result.problems);
    std::optional<money> amount;
    if (detail::record_is_well_formed(table, row)) {
      sales_order record;
      record.id = row.text(0, "order_id", true);
      record.customer_id = row.text(1, "customer_id", true);
      const auto date = row.parsed(2, "date", [](std::string_view t) { return parse_date(t); });
      amount = row.parsed(3, "amount", [](std::string_view t) { return parse_money(t); });
      const std::string status = row.text(4, "status", table.has(4));
      try {
        if (!status.empty()) record.status = parse_order_status(status);
      } catch (const input_error& error) {
        row.report(error, "status");
      }
      record.closed_date = detail::parse_optional_date(row, row.text(5, "closed_date", false), "closed_date");
      if (row.ok()) {
        record.date = *date;
        record.amount = *amount;
        try {
          result.orders.add_order(book, std::move(record));
          ++summary.rows_loaded;
          summary.amount_loaded += *amount;
          continue;
        } catch (const input_error& error) {
          row.report(error, "");
        }
      }
    }
    detail::count_left_out(summary, amount);
  }
  return result;
}

}  // namespace huikuan
