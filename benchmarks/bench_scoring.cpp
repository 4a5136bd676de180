// 5C scoring benchmarks: bulk scoring of N debtors from struct-of-arrays
// indicator columns (one and two threads), and one debtor with reasons.
// Data is generated deterministically outside the timed loop.
#include <benchmark/benchmark.h>

#include <cmath>
#include <memory>
#include <vector>

#include "bench_support.hpp"
#include "huikuan/scoring.hpp"

namespace {

using namespace huikuan;
using huikuan_bench::splitmix64;

/// The standard scorecard cut to `indicators` indicators (12 drops
/// promises, legal events, quick ratio, tangible net worth and country
/// risk), weights renormalised within each C.
scorecard benchmark_card(std::size_t indicators) {
  scorecard card = scorecard::standard();
  if (indicators < card.indicators.size()) {
    const char* dropped[] = {"promises_kept_ratio", "legal_events", "quick_ratio", "tangible_net_worth",
                             "country_risk_grade"};
    for (const char* code : dropped)
      std::erase_if(card.indicators, [&](const indicator& i) { return i.code == code; });
    std::array<double, c_dimension_count> sums{};
    for (const indicator& i : card.indicators) sums[static_cast<std::size_t>(i.dimension)] += i.weight;
    for (indicator& i : card.indicators) i.weight /= sums[static_cast<std::size_t>(i.dimension)];
  }
  return card;
}

/// Column-major indicator values spread over each curve's range, 2% missing.
std::vector<double> make_values(const scorecard& card, std::size_t debtors) {
  const std::size_t m = card.indicators.size();
  std::vector<double> values(debtors * m);
  splitmix64 random(0x5C0'5C0'5C0u + debtors);
  for (std::size_t j = 0; j < m; ++j) {
    const indicator& ind = card.indicators[j];
    const double low = ind.min_value.value_or(ind.curve.x.front() - 1.0);
    const double high = ind.max_value.value_or(ind.curve.x.back() + 1.0);
    for (std::size_t r = 0; r < debtors; ++r) {
      const double u = static_cast<double>(random.below(1'000'000)) / 1'000'000.0;
      values[j * debtors + r] = random.below(50) == 0 ? std::nan("") : low + u * (high - low);
    }
  }
  return values;
}

struct portfolio {
  scoring_model model;
  std::size_t debtors;
  std::vector<double> values, total, pd;
  std::vector<std::uint8_t> grade;
};

void run_bulk(benchmark::State& state, unsigned threads) {
  const auto debtors = static_cast<std::size_t>(state.range(0));
  const auto indicators = static_cast<std::size_t>(state.range(1));
  portfolio p{scoring_model(benchmark_card(indicators)), debtors, {}, {}, {}, {}};
  p.values = make_values(p.model.card(), debtors);
  p.total.resize(debtors);
  p.pd.resize(debtors);
  p.grade.resize(debtors);
  const indicator_columns columns = indicator_columns::column_major(p.values.data(), debtors, p.model.card().indicators.size());
  score_columns out;
  out.total = p.total;
  out.pd = p.pd;
  out.grade = p.grade;
  for (auto _ : state) {
    p.model.score(columns, out, threads);
    benchmark::DoNotOptimize(p.total.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(debtors));
  state.counters["indicators"] = static_cast<double>(indicators);
}

void BM_score_5c_bulk(benchmark::State& state) { run_bulk(state, 1); }
void BM_score_5c_bulk_two_threads(benchmark::State& state) { run_bulk(state, 2); }

void BM_score_5c_single_with_reasons(benchmark::State& state) {
  const scoring_model model(scorecard::standard());
  const std::vector<double> values = make_values(model.card(), 1);
  for (auto _ : state) {
    assessment a = model.assess(values, 3);
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations());
}

void sizes(benchmark::internal::Benchmark* b) {
  for (const std::int64_t debtors : {1'000'000, 10'000'000})
    for (const std::int64_t indicators : {12, 17}) b->Args({debtors, indicators});
  b->Unit(benchmark::kMillisecond);
}

}  // namespace

BENCHMARK(BM_score_5c_bulk)->Apply(sizes);
BENCHMARK(BM_score_5c_bulk_two_threads)->Apply(sizes)->UseRealTime();
BENCHMARK(BM_score_5c_single_with_reasons);
