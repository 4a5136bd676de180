// Aging benchmarks: the bulk kernel age_into_buckets on generated
// struct-of-arrays columns, and the full allocate + age_receivables path on
// a generated ledger. Data is generated deterministically (a fixed-seed
// splitmix64, no std:: distributions, whose output differs between standard
// libraries) outside the timed loop. See README.md for how to run and read
// the results.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "bench_data.hpp"
#include "huikuan/aging.hpp"
#include "huikuan/allocation.hpp"

namespace {

using namespace huikuan;
using namespace huikuan_bench;

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
  state.SetBytesProcessed(state.iterations() * rows * invoice_row_bytes);
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

// The kernel on range(2) threads with the workspace kept between
// iterations. Wall time: the CPU time adds up every thread's. Compare the
// threads=1 and threads=2 rows' items per second for the speed-up.
void run_kernel_on_threads(benchmark::State& state, row_order order) {
  const auto invoices = static_cast<std::size_t>(state.range(0));
  const auto customers = static_cast<std::size_t>(state.range(1));
  const auto threads = static_cast<unsigned>(state.range(2));
  const invoice_table& table = cached_invoice_table(invoices, customers, order);
  const bucket_policy policy;
  std::vector<std::int64_t> out(customers * policy.bucket_count(), 0);  // accumulates: see run_kernel
  aging_workspace workspace;
  const aging_columns columns = table.columns();
  for (auto _ : state) {
    age_into_buckets(columns, as_of, policy, customers, out, threads, workspace);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  const auto rows = static_cast<std::int64_t>(table.customer.size());
  state.SetItemsProcessed(state.iterations() * rows);
  state.SetBytesProcessed(state.iterations() * rows * invoice_row_bytes);
}

// Rows in random customer order: each extra thread's table is merged whole.
void BM_aging_into_customer_buckets_threads(benchmark::State& state) { run_kernel_on_threads(state, row_order::random); }

// Rows in customer order: each thread touches, and merges, a slice of the cells.
void BM_aging_into_customer_buckets_threads_sorted(benchmark::State& state) {
  run_kernel_on_threads(state, row_order::by_customer);
}

BENCHMARK(BM_aging_into_customer_buckets_threads)
    ->ArgsProduct({{1'000'000, 10'000'000}, {100'000, 1'000'000}, {1, 2}})
    ->ArgNames({"invoices", "customers", "threads"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_aging_into_customer_buckets_threads_sorted)
    ->ArgsProduct({{10'000'000}, {1'000'000}, {1, 2}})
    ->ArgNames({"invoices", "customers", "threads"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

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
