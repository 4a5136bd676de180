// Aging benchmarks: the bulk kernel age_into_buckets on generated
// struct-of-arrays columns, and the full allocate + age_receivables path on
// a generated ledger. Data is generated deterministically (a fixed-seed
// splitmix64, no std:: distributions, whose output differs between standard
// libraries) outside the timed loop. See README.md for how to run and read
// the results.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "huikuan/aging.hpp"
#include "huikuan/allocation.hpp"
#include "huikuan/ledger.hpp"
#include "bench_support.hpp"

namespace {

using namespace huikuan;
using huikuan_bench::splitmix64;

// The report date of every generated data set: 2026-03-31.
constexpr day as_of{20'543};

enum class row_order { by_customer, random };

/// Open invoices as the kernel reads them: parallel columns.
struct invoice_table {
  std::size_t customers = 0;
  row_order order = row_order::random;
  std::vector<std::uint32_t> customer;
  std::vector<std::int32_t> issue_day, due_day;
  std::vector<std::int64_t> open_amount;

  [[nodiscard]] aging_columns columns() const { return {customer, issue_day, due_day, open_amount}; }
};

/// `invoices` rows over `customers` customers. Each row's customer is drawn
/// uniformly (so with as many invoices as customers about a third of the
/// customers have none); issue dates lie up to 400 days before as_of, 1% of
/// them up to 30 days after it (a month-end report run a few days late);
/// terms are net 30/45/60/90; 20% of the invoices are settled (open 0), the
/// rest owe 0.01 to 100,000.00. `by_customer` holds the same rows sorted by
/// customer (stable), the order of a ledger exported customer by customer.
invoice_table make_invoice_table(std::size_t invoices, std::size_t customers, row_order order) {
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
    std::vector<std::size_t> start(customers + 1, 0);
    for (const std::uint32_t c : table.customer) ++start[std::size_t{c} + 1];
    for (std::size_t c = 0; c < customers; ++c) start[c + 1] += start[c];
    invoice_table sorted = table;
    for (std::size_t i = 0; i < invoices; ++i) {
      const std::size_t to = start[table.customer[i]]++;
      sorted.customer[to] = table.customer[i];
      sorted.issue_day[to] = table.issue_day[i];
      sorted.due_day[to] = table.due_day[i];
      sorted.open_amount[to] = table.open_amount[i];
    }
    table = std::move(sorted);
  }
  return table;
}

/// One table at a time (10M rows take 200 MB); benchmarks on the same data
/// are registered next to each other so it is generated once per run.
const invoice_table& cached_invoice_table(std::size_t invoices, std::size_t customers, row_order order) {
  static std::unique_ptr<invoice_table> cached;
  if (!cached || cached->customer.size() != invoices || cached->customers != customers || cached->order != order) {
    cached.reset();
    cached = std::make_unique<invoice_table>(make_invoice_table(invoices, customers, order));
  }
  return *cached;
}

void run_kernel(benchmark::State& state, const invoice_table& table, std::size_t groups) {
  const bucket_policy policy;  // {0, 30, 60, 90, 120}: six buckets
  // The kernel accumulates, so `out` is zeroed once. A pass adds at most
  // 10M x 100,000.00 = 1e14 minor units to a cell: an overflow would take
  // some 90,000 passes, hours of --benchmark_min_time.
  std::vector<std::int64_t> out(groups * policy.bucket_count(), 0);
  const aging_columns columns = table.columns();
  for (auto _ : state) {
    age_into_buckets(columns, as_of, policy, groups, out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  const auto rows = static_cast<std::int64_t>(table.customer.size());
  state.SetItemsProcessed(state.iterations() * rows);
  state.SetBytesProcessed(state.iterations() * rows *
                          static_cast<std::int64_t>(sizeof(std::uint32_t) + 2 * sizeof(std::int32_t) +
                                                    sizeof(std::int64_t)));
}

void BM_aging_into_customer_buckets_sorted(benchmark::State& state) {
  const auto invoices = static_cast<std::size_t>(state.range(0));
  const auto customers = static_cast<std::size_t>(state.range(1));
  run_kernel(state, cached_invoice_table(invoices, customers, row_order::by_customer), customers);
}

void BM_aging_into_customer_buckets_random(benchmark::State& state) {
  const auto invoices = static_cast<std::size_t>(state.range(0));
  const auto customers = static_cast<std::size_t>(state.range(1));
  run_kernel(state, cached_invoice_table(invoices, customers, row_order::random), customers);
}

void BM_aging_into_portfolio_total(benchmark::State& state) {
  const auto invoices = static_cast<std::size_t>(state.range(0));
  run_kernel(state, cached_invoice_table(invoices, 1, row_order::random), 1);
}

void customer_sizes(benchmark::internal::Benchmark* bench) {
  for (const std::int64_t invoices : {1'000'000, 10'000'000})
    for (const std::int64_t customers : {100'000, 1'000'000}) bench->Args({invoices, customers});
  bench->Unit(benchmark::kMillisecond);
}

BENCHMARK(BM_aging_into_customer_buckets_sorted)->Apply(customer_sizes);
BENCHMARK(BM_aging_into_customer_buckets_random)->Apply(customer_sizes);
BENCHMARK(BM_aging_into_portfolio_total)
    ->Arg(1'000'000)
    ->Arg(10'000'000)
    ->Unit(benchmark::kMillisecond);

/// "C17", "INV3": built by appending, which also avoids GCC 12's false
/// -Wrestrict warning on `"C" + std::to_string(n)`.
std::string labelled(const char* prefix, std::size_t number) {
  std::string text(prefix);
  text += std::to_string(number);
  return text;
}

/// A ledger of `invoices` invoices over invoices / 10 customers (net 30 or
/// 60) issued over the 400 days before as_of. About half the invoices are
/// paid in full by a payment naming them (5% of those bounced), a tenth are
/// paid in part, and every twentieth customer has a payment on account and
/// a credit note, so allocation has FIFO work and unapplied credit to carry.
ledger make_ledger(std::size_t invoices) {
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

const ledger& cached_ledger(std::size_t invoices) {
  static std::unique_ptr<ledger> cached;
  if (!cached || cached->invoice_count() != invoices) {
    cached.reset();
    cached = std::make_unique<ledger>(make_ledger(invoices));
  }
  return *cached;
}

void BM_aging_report_with_allocation(benchmark::State& state) {
  const ledger& book = cached_ledger(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    const receivables_position position = allocate(book, as_of);
    aging_report report = age_receivables(book, position);
    benchmark::DoNotOptimize(report);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(book.invoice_count()));
}

void BM_aging_report_from_position(benchmark::State& state) {
  const ledger& book = cached_ledger(static_cast<std::size_t>(state.range(0)));
  const receivables_position position = allocate(book, as_of);
  for (auto _ : state) {
    aging_report report = age_receivables(book, position);
    benchmark::DoNotOptimize(report);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(book.invoice_count()));
}

BENCHMARK(BM_aging_report_with_allocation)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_aging_report_from_position)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
