// Data shared by the benchmark programs: invoice columns as the bulk
// kernels read them and a generated ledger for the ledger-level paths.
// Everything comes from fixed splitmix64 seeds (bench_support.hpp), outside
// the timed loops; each data set is cached, one at a time, so benchmarks on
// the same rows (registered next to each other) generate it once per run.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bench_support.hpp"
#include "huikuan/aging.hpp"
#include "huikuan/ledger.hpp"

namespace huikuan_bench {

// The report date of every generated data set: 2026-03-31.
inline constexpr huikuan::day as_of{20'543};

enum class row_order { by_customer, random };

/// Open invoices as the kernels read them: parallel columns.
struct invoice_table {
  std::size_t customers = 0;
  row_order order = row_order::random;
  std::vector<std::uint32_t> customer;
  std::vector<std::int32_t> issue_day, due_day;
  std::vector<std::int64_t> open_amount;

  [[nodiscard]] huikuan::aging_columns columns() const { return {customer, issue_day, due_day, open_amount}; }
  [[nodiscard]] std::size_t rows() const noexcept { return customer.size(); }
};

/// Bytes of one invoice row in the columns above (what a kernel reading
/// every column must read).
inline constexpr std::int64_t invoice_row_bytes =
    sizeof(std::uint32_t) + 2 * sizeof(std::int32_t) + sizeof(std::int64_t);

/// `invoices` rows over `customers` customers. Each row's customer is drawn
/// uniformly (so with as many invoices as customers about a third of the
/// customers have none); issue dates lie up to 400 days before as_of, 1% of
/// them up to 30 days after it (a month-end report run a few days late);
/// terms are net 30/45/60/90; 20% of the invoices are settled (open 0), the
/// rest owe 0.01 to 100,000.00. `by_customer` holds the same rows sorted by
/// customer (stable), the order of a ledger exported customer by customer.
inline invoice_table make_invoice_table(std::size_t invoices, std::size_t customers, row_order order) {
  invoice_table table;
  table.customers = customers;
  table.order = order;
  table.customer.resize(invoices);
  table.issue_day.resize(invoices);
  table.due_day.resize(invoices);
  table.open_amount.resize(invoices);
  constexpr std::int32_t terms_days[] = {30, 45, 60, 90};
  splitmix64 random(0x6875'696B'7561'6E00u + invoices * 31 + customers);
  for (std::size_t i = 0; i < invoices; ++i) {
    table.customer[i] = static_cast<std::uint32_t>(random.below(customers));
    const bool future = random.below(100) == 0;
    const std::int32_t issue =
        future ? as_of.serial() + 1 + random.days_below(30) : as_of.serial() - random.days_below(400);
    table.issue_day[i] = issue;
    table.due_day[i] = issue + terms_days[random.below(4)];
    table.open_amount[i] =
        random.below(5) == 0 ? 0 : static_cast<std::int64_t>(1 + random.below(10'000'000));
  }
  if (order == row_order::by_customer) {
    const std::vector<std::size_t> position = positions_by_customer(table.customer, customers);
    move_rows(table.customer, position);
    move_rows(table.issue_day, position);
    move_rows(table.due_day, position);
    move_rows(table.open_amount, position);
  }
  return table;
}

/// One table at a time (10M rows take 200 MB).
inline const invoice_table& cached_invoice_table(std::size_t invoices, std::size_t customers, row_order order) {
  static std::unique_ptr<invoice_table> cached;
  if (!cached || cached->rows() != invoices || cached->customers != customers || cached->order != order) {
    cached.reset();
    cached = std::make_unique<invoice_table>(make_invoice_table(invoices, customers, order));
  }
  return *cached;
}

/// "C17", "INV3": built by appending, which also avoids GCC 12's false
/// -Wrestrict warning on `"C" + std::to_string(n)`.
inline std::string labelled(const char* prefix, std::size_t number) {
  std::string text(prefix);
  text += std::to_string(number);
  return text;
}

/// A ledger of `invoices` invoices over invoices / 10 customers (net 30 or
/// 60) issued over the 400 days before as_of. About half the invoices are
/// paid in full by a payment naming them (5% of those bounced), a tenth are
/// paid in part, and every twentieth customer has a payment on account and
/// a credit note, so allocation has FIFO work and unapplied credit to carry.
inline huikuan::ledger make_ledger(std::size_t invoices) {
  using namespace huikuan;
  const std::size_t customers = invoices / 10;
  ledger book;
  book.reserve(customers, invoices, invoices * 2 / 3);
  splitmix64 random(0x6C65'6467'6572u + invoices);
  for (std::size_t c = 0; c < customers; ++c)
    book.add_customer({labelled("C", c), labelled("Customer ", c), labelled("rep-", c % 40),
                       payment_terms::net(c % 3 == 0 ? 60 : 30), money::from_minor_units(100'000'000), ""});
  std::size_t payments = 0;
  for (std::size_t i = 0; i < invoices; ++i) {
    const std::string customer_id = labelled("C", random.below(customers));
    const std::string invoice_id = labelled("INV", i);
    const day issued = as_of - days(random.days_below(400));
    const auto amount = static_cast<std::int64_t>(100 + random.below(10'000'000));
    book.add_invoice({invoice_id, customer_id, issued, std::nullopt, money::from_minor_units(amount), "", "", ""});
    const std::uint64_t fate = random.below(10);
    if (fate >= 6) continue;
    const day paid = issued + days(random.days_below(120));
    if (paid > as_of) continue;
    const std::int64_t settles = fate == 5 ? amount / 2 : amount;
    const payment_status status = random.below(20) == 0 ? payment_status::bounced : payment_status::cleared;
    book.add_payment({labelled("P", payments++), customer_id, paid, money::from_minor_units(settles),
                      payment_method::transfer, status, invoice_id});
  }
  for (std::size_t c = 0; c < customers; c += 20) {
    const std::string customer_id = labelled("C", c);
    book.add_payment({labelled("P", payments++), customer_id, as_of - days(random.days_below(60)),
                      money::from_minor_units(static_cast<std::int64_t>(1 + random.below(5'000'000))),
                      payment_method::cheque, payment_status::cleared, ""});
    book.add_credit_note({labelled("CN", c), customer_id, as_of - days(random.days_below(60)),
                          money::from_minor_units(static_cast<std::int64_t>(1 + random.below(1'000'000))), "",
                          "price adjustment"});
  }
  return book;
}

/// One ledger at a time (10M invoices take a few GB).
inline const huikuan::ledger& cached_ledger(std::size_t invoices) {
  static std::unique_ptr<huikuan::ledger> cached;
  if (!cached || cached->invoice_count() != invoices) {
    cached.reset();
    cached = std::make_unique<huikuan::ledger>(make_ledger(invoices));
  }
  return *cached;
}

}  // namespace huikuan_bench
