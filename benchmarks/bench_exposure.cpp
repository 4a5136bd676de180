// Exposure benchmarks: the bulk check (every customer's exposure from its
// open invoices and orders, limit breaches, the receivables-to-assets
// ceiling) over 10M invoices and 1M customers, building the exposure book,
// and one order release check against that book. The data is generated
// once, outside the timed loops, from fixed splitmix64 seeds in the order
// bench_exposure_numpy.py replays, so numpy measures the same rows and the
// counters (limit_breaches, receivables) must agree. See README.md.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "huikuan/exposure.hpp"
#include "bench_support.hpp"

namespace {

using namespace huikuan;
using huikuan_bench::move_rows;
using huikuan_bench::positions_by_customer;
using huikuan_bench::splitmix64;

// 2026-03-31, the date of every generated book.
constexpr day book_date{20'543};
constexpr std::uint64_t invoice_seed = 0x6578'706F'0001u;
constexpr std::uint64_t customer_seed = 0x6578'706F'0002u;
constexpr std::uint64_t due_seed = 0x6578'706F'0003u;
// 2,500,000,000,000.00: 10M invoices owe about 16% of it (the warning line).
constexpr std::int64_t total_assets = 250'000'000'000'000;

/// Open invoices as columns, and per-customer orders and limits.
///   invoice i: two draws, customer = d1 % customers and open amount
///              d2 % 5 == 0 ? 0 (settled) : 1 + (d2 / 5) % 10,000,000 (0.01 .. 100,000.00)
///   customer c: two draws, limit (20 + d1 % 80) x 1,000,000 (200,000.00 .. 990,000.00)
///              and open orders d2 % 4 == 0 ? (d2 / 4) % 5,000,000 : 0
///   due day:   as_of - 60 + (draw % 120): half of the items overdue, none
///              beyond the default 60 days, so the overdue rule passes
/// `sorted` holds the same invoices ordered by customer (a ledger exported
/// customer by customer).
struct exposure_data {
  std::size_t invoices = 0, customers = 0;
  bool sorted = false;
  std::vector<std::uint32_t> customer;
  std::vector<std::int64_t> open_amount;
  std::vector<std::int32_t> due_day;
  std::vector<std::int64_t> limits, orders;
  std::vector<std::uint32_t> rules;
};

exposure_data make_data(std::size_t invoices, std::size_t customers, bool sorted) {
  exposure_data d;
  d.invoices = invoices;
  d.customers = customers;
  d.sorted = sorted;
  d.customer.resize(invoices);
  d.open_amount.resize(invoices);
  d.due_day.resize(invoices);
  splitmix64 rows(invoice_seed), due(due_seed);
  for (std::size_t i = 0; i < invoices; ++i) {
    d.customer[i] = static_cast<std::uint32_t>(rows.below(customers));
    const std::uint64_t draw = rows.next();
    d.open_amount[i] = draw % 5 == 0 ? 0 : static_cast<std::int64_t>(1 + (draw / 5) % 10'000'000);
    d.due_day[i] = book_date.serial() - 60 + static_cast<std::int32_t>(due.below(120));
  }
  splitmix64 per_customer(customer_seed);
  d.limits.resize(customers);
  d.orders.resize(customers);
  d.rules.assign(customers, 0);
  for (std::size_t c = 0; c < customers; ++c) {
    d.limits[c] = static_cast<std::int64_t>(20 + per_customer.below(80)) * 1'000'000;
    const std::uint64_t draw = per_customer.next();
    d.orders[c] = draw % 4 == 0 ? static_cast<std::int64_t>((draw / 4) % 5'000'000) : 0;
  }
  if (sorted) {
    const std::vector<std::size_t> position = positions_by_customer(d.customer, customers);
    move_rows(d.customer, position);
    move_rows(d.open_amount, position);
    move_rows(d.due_day, position);
  }
  return d;
}

/// One data set at a time (10M invoices take 160 MB).
const exposure_data& cached_data(std::size_t invoices, std::size_t customers, bool sorted) {
  static std::unique_ptr<exposure_data> cached;
  if (!cached || cached->invoices != invoices || cached->customers != customers || cached->sorted != sorted) {
    cached.reset();
    cached = std::make_unique<exposure_data>(make_data(invoices, customers, sorted));
  }
  return *cached;
}

void run_bulk(benchmark::State& state, bool sorted) {
  const exposure_data& d =
      cached_data(static_cast<std::size_t>(state.range(0)), static_cast<std::size_t>(state.range(1)), sorted);
  const exposure_policy policy;
  std::vector<std::int64_t> exposure(d.customers);
  exposure_scan scan;
  for (auto _ : state) {
    scan = scan_exposure({d.customer, d.open_amount}, d.orders, d.limits, money::from_minor_units(total_assets), policy,
                         exposure);
    benchmark::DoNotOptimize(scan);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.invoices));
  state.counters["limit_breaches"] = static_cast<double>(scan.limit_breaches);
  state.counters["receivables"] = static_cast<double>(scan.receivables.minor_units());
  state.counters["ceiling_breach"] = scan.ceiling.status == ceiling_status::breach ? 1 : 0;
}

/// The bulk check: per-customer exposure (open invoices + open orders),
/// limit breaches and the ceiling, invoices in random customer order.
void BM_exposure_bulk_limits(benchmark::State& state) { run_bulk(state, false); }

/// The same invoices sorted by customer.
void BM_exposure_bulk_limits_sorted(benchmark::State& state) { run_bulk(state, true); }

exposure_policy book_policy() {
  exposure_policy policy;
  policy.max_customer_share = basis_points(100);
  policy.max_top10_share = basis_points(1000);
  policy.max_herfindahl = basis_points(100);
  return policy;
}

exposure_book make_book(const exposure_data& d) {
  return build_exposure_book({{d.customer, d.open_amount}, d.due_day, d.orders, d.limits, d.rules}, book_date,
                             money::from_minor_units(total_assets), book_policy());
}

/// Building the book: the bulk pass with overdue amounts and oldest items,
/// then limits, rules and the concentration state.
void BM_exposure_book_build(benchmark::State& state) {
  const exposure_data& d =
      cached_data(static_cast<std::size_t>(state.range(0)), static_cast<std::size_t>(state.range(1)), false);
  for (auto _ : state) {
    exposure_book book = make_book(d);
    benchmark::DoNotOptimize(book);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.invoices));
}

/// One order release check against a book of 10M invoices and 1M
/// customers: every rule with its figures and headroom. Each iteration
/// checks a different customer (4,096 drawn in advance) and amount.
void BM_exposure_order_check(benchmark::State& state) {
  const exposure_data& d =
      cached_data(static_cast<std::size_t>(state.range(0)), static_cast<std::size_t>(state.range(1)), false);
  const exposure_book book = make_book(d);
  splitmix64 pick(0x6F72'6465'72u);
  std::vector<customer_index> who(4096);
  std::vector<money> amount(4096);
  for (std::size_t k = 0; k < who.size(); ++k) {
    who[k] = customer_index{static_cast<std::uint32_t>(pick.below(d.customers))};
    amount[k] = money::from_minor_units(static_cast<std::int64_t>(1 + pick.below(50'000'000)));
  }
  std::size_t k = 0, blocked = 0;
  for (auto _ : state) {
    const order_release r = check_order(book, who[k], amount[k], book_date);
    blocked += r.verdict == release_verdict::block;
    benchmark::DoNotOptimize(r);
    k = (k + 1) & 4095;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["blocked_share"] = static_cast<double>(blocked) / static_cast<double>(state.iterations());
}

void sizes(benchmark::internal::Benchmark* bench) {
  bench->Args({1'000'000, 100'000});
  bench->Args({10'000'000, 1'000'000});
  bench->Unit(benchmark::kMillisecond);
}

BENCHMARK(BM_exposure_bulk_limits)->Apply(sizes);
BENCHMARK(BM_exposure_book_build)->Apply(sizes);
BENCHMARK(BM_exposure_order_check)->Args({10'000'000, 1'000'000})->Unit(benchmark::kNanosecond);
BENCHMARK(BM_exposure_bulk_limits_sorted)->Apply(sizes);

}  // namespace
