// Promise benchmarks: evaluate_promises over a generated ledger with a
// promise to pay for every fourth customer. See README.md.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "bench_data.hpp"
#include "huikuan/promises.hpp"

namespace {

using namespace huikuan;
using namespace huikuan_bench;

/// One promise for every fourth customer of `book`, made 20 to 79 days
/// before as_of, in one to three instalments a week apart of 100.00 to
/// 50,000.00, with 0 to 3 days of tolerance; some fall due after as_of.
promise_list make_promises(const ledger& book, std::size_t& instalments) {
  promise_list promises(book);
  splitmix64 random(0x7072'6F6D'6973u + book.invoice_count());
  instalments = 0;
  for (std::size_t c = 0; c < book.customer_count(); c += 4) {
    const day made = as_of - days(20 + random.days_below(60));
    std::vector<promise_instalment> parts;
    const std::size_t count = 1 + random.below(3);
    for (std::size_t k = 0; k < count; ++k)
      parts.push_back({made + days(7 * static_cast<std::int32_t>(k + 1) + random.days_below(7)),
                       money::from_minor_units(static_cast<std::int64_t>(10'000 + random.below(4'990'000)))});
    instalments += count;
    promises.add({labelled("PR", c), labelled("C", c), made, std::move(parts), random.days_below(4), ""});
  }
  return promises;
}

/// Items are the rows evaluation walks: the ledger's payments plus the
/// promised instalments.
void BM_promise_evaluation(benchmark::State& state) {
  const ledger& book = cached_ledger(static_cast<std::size_t>(state.range(0)));
  std::size_t instalments = 0;
  const promise_list promises = make_promises(book, instalments);
  std::size_t kept = 0;
  for (auto _ : state) {
    const promise_report report = evaluate_promises(book, promises, as_of);
    kept = 0;
    for (const promise_result& r : report.promises) kept += r.status == promise_status::kept;
    benchmark::DoNotOptimize(report);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(book.payment_count() + instalments));
  state.counters["promises"] = static_cast<double>(promises.size());
  state.counters["kept_share"] = static_cast<double>(kept) / static_cast<double>(promises.size());
}

}  // namespace

BENCHMARK(BM_promise_evaluation)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
