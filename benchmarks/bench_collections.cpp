// Collections benchmarks: rank 1M debtors and return the top 1,000 (issue 4:
// at least twice numpy's argpartition on the same data, about 100M debtors
// per second on this machine), with and without computing the priority
// scores from the factor columns first.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "bench_support.hpp"
#include "huikuan/collections.hpp"

namespace {

using huikuan_bench::splitmix64;

constexpr std::size_t top = 1000;

// Debtor factor columns shaped like a real book: most debtors a little
// overdue, a long tail of old debts, amounts spread over five decades.
struct debtor_book {
  std::vector<std::int32_t> days_past_due, broken;
  std::vector<std::int64_t> at_risk, falling_due, over_limit;

  explicit debtor_book(std::size_t n) : days_past_due(n), broken(n), at_risk(n), falling_due(n), over_limit(n) {
    splitmix64 random(2026);
    for (std::size_t i = 0; i < n; ++i) {
      days_past_due[i] = random.below(4) == 0 ? random.days_below(720) : random.days_below(60);
      at_risk[i] = static_cast<std::int64_t>(random.below(10'000'000'000ull) >> random.below(20));
      broken[i] = random.below(10) == 0 ? static_cast<std::int32_t>(random.below(4)) : 0;
      falling_due[i] = random.below(20) == 0 ? static_cast<std::int64_t>(random.below(1'000'000)) : 0;
      over_limit[i] = random.below(8) == 0 ? static_cast<std::int64_t>(random.below(1'000'000)) : 0;
    }
  }
  [[nodiscard]] huikuan::priority_inputs inputs() const {
    return {days_past_due, at_risk, broken, falling_due, over_limit};
  }
};

void BM_rank_top_k_of_scores(benchmark::State& state) {
  const std::size_t n = static_cast<std::size_t>(state.range(0));
  const debtor_book book(n);
  std::vector<double> scores(n);
  huikuan::priority_scores(book.inputs(), {}, scores);
  std::vector<std::uint32_t> out(top);
  for (auto _ : state) {
    benchmark::DoNotOptimize(huikuan::rank_top_k(scores, out));
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}

void BM_rank_debtors_score_and_top_k(benchmark::State& state) {
  const std::size_t n = static_cast<std::size_t>(state.range(0));
  const debtor_book book(n);
  std::vector<double> scores(n);
  std::vector<std::uint32_t> out(top);
  const huikuan::priority_weights weights;
  for (auto _ : state) {
    huikuan::priority_scores(book.inputs(), weights, scores);
    benchmark::DoNotOptimize(huikuan::rank_top_k(scores, out));
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}

void BM_rank_priority_scores_only(benchmark::State& state) {
  const std::size_t n = static_cast<std::size_t>(state.range(0));
  const debtor_book book(n);
  std::vector<double> scores(n);
  const huikuan::priority_weights weights;
  for (auto _ : state) {
    huikuan::priority_scores(book.inputs(), weights, scores);
    benchmark::DoNotOptimize(scores.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}

}  // namespace

BENCHMARK(BM_rank_top_k_of_scores)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_rank_debtors_score_and_top_k)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_rank_priority_scores_only)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
