#!/usr/bin/env python3
"""numpy's equivalent of BM_exposure_bulk_limits, on the same rows.

Run:  /usr/bin/python3 benchmarks/bench_exposure_numpy.py [--invoices N] [--customers C] [--repetitions R]

Replays bench_exposure.cpp's splitmix64 draws (invoice i: customer = d1 % C,
open amount = 0 if d2 % 5 == 0 else 1 + (d2 // 5) % 10,000,000; customer c:
limit (20 + d1 % 80) x 1,000,000, open orders (d2 // 4) % 5,000,000 when
d2 % 4 == 0), then times the bincount-based check:

    exposure   = bincount(customer, weights=open_amount, minlength=C) + orders
    breaches   = count_nonzero(exposure > limits)
    receivables = exposure.sum() - orders.sum()
    breach of the 20% ceiling: receivables * 10000 > assets * 2000

bincount is single threaded. Prints the median of the repetitions in
invoices per second of CPU time (process time, as Google Benchmark reports
it, so a busy machine slows both alike) and of wall time, and the limit
breaches and receivables, which must equal the counters of
BM_exposure_bulk_limits (bincount sums in float64, exact here since the
sums stay below 2^53).
"""

import argparse
import statistics
import time

import numpy as np

GAMMA = np.uint64(0x9E3779B97F4A7C15)
MIX1 = np.uint64(0xBF58476D1CE4E5B9)
MIX2 = np.uint64(0x94D049BB133111EB)
INVOICE_SEED = 0x6578706F0001
CUSTOMER_SEED = 0x6578706F0002
TOTAL_ASSETS = 250_000_000_000_000


def splitmix64(seed, count):
    """The first `count` outputs of bench_support.hpp's splitmix64(seed)."""
    with np.errstate(over="ignore"):
        state = np.uint64(seed) + np.arange(1, count + 1, dtype=np.uint64) * GAMMA
        z = (state ^ (state >> np.uint64(30))) * MIX1
        z = (z ^ (z >> np.uint64(27))) * MIX2
        return z ^ (z >> np.uint64(31))


def make_data(invoices, customers):
    draws = splitmix64(INVOICE_SEED, 2 * invoices)
    customer = (draws[0::2] % np.uint64(customers)).astype(np.int64)
    second = draws[1::2]
    open_amount = np.where(second % np.uint64(5) == 0, np.uint64(0),
                           np.uint64(1) + (second // np.uint64(5)) % np.uint64(10_000_000)).astype(np.int64)
    per_customer = splitmix64(CUSTOMER_SEED, 2 * customers)
    limits = ((np.uint64(20) + per_customer[0::2] % np.uint64(80)) * np.uint64(1_000_000)).astype(np.int64)
    order_draw = per_customer[1::2]
    orders = np.where(order_draw % np.uint64(4) == 0, (order_draw // np.uint64(4)) % np.uint64(5_000_000),
                      np.uint64(0)).astype(np.int64)
    return customer, open_amount, limits, orders


def bulk_check(customer, open_amount, limits, orders, customers):
    exposure = np.bincount(customer, weights=open_amount, minlength=customers)
    exposure += orders
    breaches = int(np.count_nonzero(exposure > limits))
    receivables = int(exposure.sum() - orders.sum())
    ceiling_breach = receivables * 10000 > TOTAL_ASSETS * 2000
    return breaches, receivables, ceiling_breach


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--invoices", type=int, default=10_000_000)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--iterations", type=int, default=10, help="timed calls per repetition")
    args = parser.parse_args()

    customer, open_amount, limits, orders = make_data(args.invoices, args.customers)
    result = bulk_check(customer, open_amount, limits, orders, args.customers)  # warm up
    cpu_rates, wall_rates = [], []
    for _ in range(args.repetitions):
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(args.iterations):
            result = bulk_check(customer, open_amount, limits, orders, args.customers)
        cpu_rates.append(args.invoices * args.iterations / (time.process_time() - cpu))
        wall_rates.append(args.invoices * args.iterations / (time.perf_counter() - wall))
    print("numpy %s bincount bulk check: %d invoices, %d customers, %d repetitions x %d calls"
          % (np.__version__, args.invoices, args.customers, args.repetitions, args.iterations))
    for name, rates in (("CPU time", cpu_rates), ("wall time", wall_rates)):
        print("%-9s median %.1fM invoices/s (%.2f ms per call); range %.1fM..%.1fM"
              % (name, statistics.median(rates) / 1e6, args.invoices / statistics.median(rates) * 1e3,
                 min(rates) / 1e6, max(rates) / 1e6))
    print("limit_breaches=%d receivables=%d ceiling_breach=%d" % (result[0], result[1], int(result[2])))


if __name__ == "__main__":
    main()
