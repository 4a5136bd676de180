// IFRS 9 provision benchmarks: the provision matrix applied to the aging of
// the aging benchmarks' invoice columns, for the portfolio and per
// customer. See README.md.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "bench_data.hpp"
#include "huikuan/aging.hpp"
#include "huikuan/provision.hpp"

namespace {

using namespace huikuan;
using namespace huikuan_bench;

/// Loss rates for the default six buckets (current .. over 120).
provision_matrix bench_matrix() { return {bucket_policy{}, {0.005, 0.02, 0.06, 0.15, 0.35, 0.8}}; }

/// The portfolio's provision: age every invoice into the six portfolio
/// buckets, then apply the matrix (expected loss per bucket, rounded half
/// up, and the total).
void BM_provision_portfolio(benchmark::State& state) {
  const auto invoices = static_cast<std::size_t>(state.range(0));
  const invoice_table& table = cached_invoice_table(invoices, 1, row_order::random);
  const provision_matrix matrix = bench_matrix();
  std::vector<std::int64_t> cells(matrix.buckets.bucket_count());
  std::vector<money> balances(cells.size());
  money loss;
  for (auto _ : state) {
    std::fill(cells.begin(), cells.end(), 0);
    age_into_buckets(table.columns(), as_of, matrix.buckets, 1, cells);
    for (std::size_t b = 0; b < cells.size(); ++b) balances[b] = money::from_minor_units(cells[b]);
    loss = apply_provision_matrix(matrix, balances).total_expected_loss;
    benchmark::DoNotOptimize(loss);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(invoices));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(invoices) * invoice_row_bytes);
  state.counters["expected_loss"] = static_cast<double>(loss.minor_units());
}

/// Each customer's provision: age the invoices into per-customer buckets,
/// then the expected loss of every customer's bucket (rounded half up, as
/// the matrix does) summed per customer.
void BM_provision_per_customer(benchmark::State& state) {
  const auto invoices = static_cast<std::size_t>(state.range(0));
  const auto customers = static_cast<std::size_t>(state.range(1));
  const invoice_table& table = cached_invoice_table(invoices, customers, row_order::random);
  const provision_matrix matrix = bench_matrix();
  const std::size_t buckets = matrix.buckets.bucket_count();
  std::vector<std::int64_t> cells(customers * buckets);
  std::vector<std::int64_t> loss(customers);
  for (auto _ : state) {
    std::fill(cells.begin(), cells.end(), 0);
    age_into_buckets(table.columns(), as_of, matrix.buckets, customers, cells);
    for (std::size_t c = 0; c < customers; ++c) {
      money sum;
      for (std::size_t b = 0; b < buckets; ++b)
        sum += expected_credit_loss(money::from_minor_units(cells[c * buckets + b]), matrix.loss_rates[b]);
      loss[c] = sum.minor_units();
    }
    benchmark::DoNotOptimize(loss.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(invoices));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(invoices) * invoice_row_bytes);
}

}  // namespace

BENCHMARK(BM_provision_portfolio)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_provision_per_customer)
    ->Args({1'000'000, 100'000})
    ->Args({10'000'000, 1'000'000})
    ->Unit(benchmark::kMillisecond);
