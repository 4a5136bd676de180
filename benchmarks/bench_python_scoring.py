"""Bulk 5C scoring through the Python bindings, on exactly the data of the
C++ benchmark BM_score_5c_bulk (bench_scoring.cpp), for comparing the two.

    PYTHONPATH=build/release/bindings/python /usr/bin/python3 benchmarks/bench_python_scoring.py \\
        [--debtors 1000000] [--indicators 17] [--repetitions 5] [--iterations 10]

It generates the C++ benchmark's indicator values (splitmix64, the same
seed, order of draws and arithmetic, so the arrays are bit-identical),
scores them with ScoringModel.score_into into preallocated outputs (total,
pd, grade, as the C++ benchmark does) and with ScoringModel.score (which
allocates its result arrays), and prints the median wall and CPU time per
call of `repetitions` runs of `iterations` calls each (compare with the C++
benchmark's Time and CPU columns), with debtors per CPU second.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

import huikuan

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
DROPPED_FOR_12 = ("promises_kept_ratio", "legal_events", "quick_ratio", "tangible_net_worth", "country_risk_grade")


def splitmix64(state0: int, draws: np.ndarray) -> np.ndarray:
    """The value of the (k + 1)-th next() of a splitmix64 seeded state0, for each k in draws."""
    with np.errstate(over="ignore"):
        z = np.uint64(state0) + (draws.astype(np.uint64) + np.uint64(1)) * GOLDEN
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def benchmark_card(indicators: int) -> huikuan.Scorecard:
    """The standard scorecard, cut to 12 indicators as bench_scoring.cpp does."""
    card = huikuan.Scorecard.standard()
    if indicators < len(card.indicators):
        for code in DROPPED_FOR_12:
            del card.indicators[card.codes.index(code)]
        sums = [0.0] * 5
        for ind in card.indicators:
            sums[int(ind.dimension)] += ind.weight
        for ind in card.indicators:
            ind.weight /= sums[int(ind.dimension)]
    return card


def make_values(card: huikuan.Scorecard, debtors: int) -> np.ndarray:
    """bench_scoring.cpp's make_values: column-major, 2% missing."""
    values = np.empty((debtors, len(card.indicators)), order="F")
    state0 = 0x5C05C05C0 + debtors
    rows = np.arange(debtors, dtype=np.uint64)
    for j, ind in enumerate(card.indicators):
        low = ind.min_value if ind.min_value is not None else ind.curve.x[0] - 1.0
        high = ind.max_value if ind.max_value is not None else ind.curve.x[-1] + 1.0
        first = np.uint64(2 * j * debtors) + np.uint64(2) * rows
        u = (splitmix64(state0, first) % np.uint64(1_000_000)).astype(np.float64) / 1_000_000.0
        missing = splitmix64(state0, first + np.uint64(1)) % np.uint64(50) == 0
        values[:, j] = np.where(missing, np.nan, low + u * (high - low))
    return values


def median_seconds(call, repetitions: int, iterations: int) -> tuple[float, float]:
    """Median wall and CPU seconds per call (CPU: this process, as Google
    Benchmark's CPU column measures its one thread)."""
    call()  # warm-up: page in the outputs, pick the kernel
    wall, cpu = [], []
    for _ in range(repetitions):
        start, start_cpu = time.perf_counter(), time.process_time()
        for _ in range(iterations):
            call()
        wall.append((time.perf_counter() - start) / iterations)
        cpu.append((time.process_time() - start_cpu) / iterations)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--debtors", type=int, default=1_000_000)
    parser.add_argument("--indicators", type=int, choices=(12, 17), default=17)
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--iterations", type=int, default=10)
    args = parser.parse_args()

    card = benchmark_card(args.indicators)
    model = huikuan.ScoringModel(card)
    values = make_values(card, args.debtors)
    total, pd_, grade = np.empty(args.debtors), np.empty(args.debtors), np.empty(args.debtors, np.uint8)
    runs = {
        "score_into (preallocated total, pd, grade)": lambda: model.score_into(values, total=total, pd=pd_, grade=grade),
        "score (allocates its BulkScores)": lambda: model.score(values),
    }
    print(f"bulk 5C scoring through Python: {args.debtors} debtors x {args.indicators} indicators, "
          f"median of {args.repetitions} runs of {args.iterations} calls")
    for name, call in runs.items():
        wall, cpu = median_seconds(call, args.repetitions, args.iterations)
        print(f"  {name:44s} {wall * 1e3:8.2f} ms wall {cpu * 1e3:8.2f} ms CPU  "
              f"{args.debtors / cpu / 1e6:6.1f} M debtors/s (CPU)")


if __name__ == "__main__":
    main()
