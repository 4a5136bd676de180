// Statement benchmarks: statements of account from one allocation of a
// generated ledger, as a month-end run prints them. make_statement scans
// the whole ledger for each statement (a batch of them costs statements x
// ledger rows); make_statements groups the rows by customer once.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "bench_data.hpp"
#include "huikuan/allocation.hpp"
#include "huikuan/statement.hpp"

namespace {

using namespace huikuan;
using namespace huikuan_bench;

constexpr std::size_t statements_per_batch = 100;

/// 100 statements for the month to as_of (customers spread evenly over the
/// ledger), from an allocation made outside the timed loop. Items are
/// statements; `rows_scanned` per second counts the ledger rows (invoices,
/// payments, credit notes) each statement reads.
void BM_statement_batch(benchmark::State& state) {
  const ledger& book = cached_ledger(static_cast<std::size_t>(state.range(0)));
  const receivables_position position = allocate(book, as_of);
  const day from = as_of - days(30);
  const std::size_t step = book.customer_count() / statements_per_batch;
  std::size_t lines = 0;
  for (auto _ : state) {
    for (std::size_t k = 0; k < statements_per_batch; ++k) {
      const statement_of_account s =
          make_statement(book, position, customer_index{static_cast<std::uint32_t>(k * step)}, from);
      lines += s.lines.size() + s.open_items.size();
      benchmark::DoNotOptimize(s);
    }
  }
  const auto batches = static_cast<std::int64_t>(state.iterations());
  state.SetItemsProcessed(batches * static_cast<std::int64_t>(statements_per_batch));
  const auto rows = book.invoice_count() + book.payment_count() + book.credit_note_count();
  state.counters["rows_scanned"] = benchmark::Counter(
      static_cast<double>(batches) * static_cast<double>(statements_per_batch * rows), benchmark::Counter::kIsRate);
  state.counters["lines_per_statement"] =
      static_cast<double>(lines) / (static_cast<double>(batches) * static_cast<double>(statements_per_batch));
}

}  // namespace

/// make_statements for every customer of the ledger, the month-end run.
/// Items are statements; `rows` per second counts the ledger rows.
void BM_statement_every_customer(benchmark::State& state) {
  const ledger& book = cached_ledger(static_cast<std::size_t>(state.range(0)));
  const receivables_position position = allocate(book, as_of);
  const day from = as_of - days(30);
  std::vector<customer_index> everyone;
  for (std::uint32_t c = 0; c < book.customer_count(); ++c) everyone.push_back(customer_index{c});
  for (auto _ : state) {
    const std::vector<statement_of_account> statements = make_statements(book, position, everyone, from);
    benchmark::DoNotOptimize(statements.data());
  }
  const auto runs = static_cast<std::int64_t>(state.iterations());
  state.SetItemsProcessed(runs * static_cast<std::int64_t>(everyone.size()));
  const auto rows = book.invoice_count() + book.payment_count() + book.credit_note_count();
  state.counters["rows"] =
      benchmark::Counter(static_cast<double>(runs) * static_cast<double>(rows), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_statement_batch)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_statement_every_customer)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
