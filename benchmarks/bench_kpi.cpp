// KPI benchmarks: the invoice-level amount-weighted average days delinquent
// over int64/int32 columns (the bulk KPI kernel), and every portfolio KPI of
// a year computed from a generated ledger (compute_kpis: allocation as of
// both ends of the period, then the formulas). See README.md.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "bench_data.hpp"
#include "huikuan/kpi.hpp"
#include "huikuan/kpi_report.hpp"

namespace {

using namespace huikuan;
using namespace huikuan_bench;

/// average_days_delinquent_amount_weighted over the open amounts and days
/// past due (as_of - due day, computed outside the timed loop) of the
/// aging benchmarks' invoices, 10 per customer.
void BM_kpi_add_amount_weighted(benchmark::State& state) {
  const auto invoices = static_cast<std::size_t>(state.range(0));
  const invoice_table& table = cached_invoice_table(invoices, invoices / 10, row_order::random);
  std::vector<std::int32_t> days_past_due(invoices);
  for (std::size_t i = 0; i < invoices; ++i) days_past_due[i] = as_of.serial() - table.due_day[i];
  double add = 0;
  for (auto _ : state) {
    add = average_days_delinquent_amount_weighted(table.open_amount, days_past_due);
    benchmark::DoNotOptimize(add);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(invoices));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(invoices) *
                          static_cast<std::int64_t>(sizeof(std::int64_t) + sizeof(std::int32_t)));
  state.counters["add_days"] = add;
}

/// compute_kpis over the year to as_of on the generated ledger (invoices /
/// 10 customers, about 0.6 payments per invoice): items are invoices.
void BM_kpi_report_from_ledger(benchmark::State& state) {
  const ledger& book = cached_ledger(static_cast<std::size_t>(state.range(0)));
  const day from = as_of - days(364);
  for (auto _ : state) {
    kpi_report report = compute_kpis(book, from, as_of);
    benchmark::DoNotOptimize(report);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(book.invoice_count()));
}

}  // namespace

BENCHMARK(BM_kpi_add_amount_weighted)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_kpi_report_from_ledger)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
