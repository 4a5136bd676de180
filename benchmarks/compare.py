"""huikuan against the numpy, pandas and SQLite code a risk team would write
instead, on one synthetic portfolio, in one run.

    PYTHONPATH=build/release/bindings/python /usr/bin/python3 benchmarks/compare.py \\
        [--rows 10000000] [--customers 1000000] [--debtors 1000000] [--repetitions 5] [--scaling]

Needs the release build's huikuan_compare_kernels and huikuan_bandwidth
(found in build/release/benchmarks, or given with --kernels-program and
--bandwidth-program) and the Python bindings on PYTHONPATH. Use Debian's
/usr/bin/python3: it has numpy and pandas.

The portfolio (splitmix64 from fixed seeds, the generator of
bench_exposure_numpy.py; output k of a seed is draw k):

  invoice i of `rows`, draws 4i .. 4i+3 of seed INVOICE_SEED:
    customer    d0 % customers (uniform, so rows are in random customer order)
    issue day   as_of + 1 + (d1 // 100) % 30 when d1 % 100 == 0 (1%: issued
                after as_of, which aging must skip), else as_of - (d1 // 100) % 400
    due day     issue day + (30, 45, 60, 90)[d2 % 4]
    open amount 0 when d3 % 5 == 0 (settled), else 1 + (d3 // 5) % 10,000,000
                minor units (0.01 .. 100,000.00)
    open_as_of  the open amount, 0 for an invoice issued after as_of
  customer c, draws 2c, 2c+1 of seed CUSTOMER_SEED:
    credit limit (20 + d0 % 80) x 1,000,000 (200,000.00 .. 990,000.00)
    open orders  (d1 // 4) % 5,000,000 when d1 % 4 == 0, else 0
  total assets  rows x 25,000,000 minor units (receivables near the 16% line)
  as_of         2026-03-31 (day 20543)
  5C indicators bench_python_scoring.make_values: the data of BM_score_5c_bulk
                (17 indicators of the standard scorecard, 2% missing)
  priority scores  draw k of seed SCORE_SEED: (d % 1,000,000) / 1000, a
                   score of 0 .. 999.999 in steps of 0.001, so there are ties

Workloads, and what every contestant must return:

  aging     10M invoices into each customer's six buckets (default policy,
            days past due): a customers x 6 int64 table
  exposure  each customer's exposure (open invoices as of as_of + open
            orders), limit breaches and warnings (90% line), receivables
            and the 20% ceiling status
  scoring   5C score of every debtor: total, PD, grade (the standard card)
  ranking   the indices of the top 1,000 priority scores, highest first,
            ties by lower index
  add       the amount-weighted average days delinquent of the invoices
            (kpi.hpp's invoice-level ADD)

Contestants: huikuan through the C++ program huikuan_compare_kernels (on
the very same columns, written to --work-dir as raw files; one and two
threads), huikuan through the Python bindings where the kernel is bound
(aging, scoring, ranking, add), numpy, pandas, and SQLite (in-memory database, for
aging and exposure). Each contestant's first call is checked against
huikuan's result (exactly for integer results, within 1e-9 for scores and
PDs, grades except within 1e-9 of a cut-off) before any of its time counts;
a contestant that disagrees is reported as FAILED and the script exits 1.

Timing: after that first call, the contestants take turns, one repetition
each, `--repetitions` rounds; a repetition makes enough calls to take about
0.2 s (one call for anything slower). Rows per second are per CPU second
of the process (Python's process_time, the C++ program's
CLOCK_PROCESS_CPUTIME_ID), so a busy shared machine slows everyone alike;
the two-thread figure is per wall second (its CPU time is both threads'),
and its ratio column is its speed-up over one thread's wall-time median.
Loading data into pandas or SQLite and building indices are not timed;
SQLite's query and fetchall are.

The run also measures the machine's read bandwidth (huikuan_bandwidth) and
prints each huikuan row's share of the bound it sets: bytes the kernel must
read per row x rows per second / bandwidth.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

import huikuan as hk

from bench_exposure_numpy import splitmix64
from bench_python_scoring import make_values

INVOICE_SEED = 0x636F6D7061726501
CUSTOMER_SEED = 0x636F6D7061726502
SCORE_SEED = 0x636F6D7061726503
AS_OF = datetime.date(2026, 3, 31)
AS_OF_DAY = 20543
EDGES = np.array([0, 30, 60, 90, 120], dtype=np.int32)
BUCKETS = len(EDGES) + 1
TERMS = np.array([30, 45, 60, 90], dtype=np.int32)
ASSETS_PER_ROW = 25_000_000
CEILING_POINTS, CEILING_WARNING_POINTS, LIMIT_WARNING_POINTS = 2000, 1600, 9000
REPETITION_SECONDS = 0.2
HERE = Path(__file__).resolve().parent


class Disagreement(Exception):
    """A contestant's result differs from huikuan's."""


# ---------------------------------------------------------------- the data

class Portfolio:
    """The generated columns (see the module docstring)."""

    def __init__(self, rows: int, customers: int, debtors: int, top_k: int) -> None:
        self.rows, self.customers, self.debtors, self.top_k = rows, customers, debtors, top_k
        d = splitmix64(INVOICE_SEED, 4 * rows)
        self.customer = (d[0::4] % np.uint64(customers)).astype(np.uint32)
        d1 = d[1::4]
        future = d1 % np.uint64(100) == 0
        late = ((d1 // np.uint64(100)) % np.uint64(30)).astype(np.int32)
        early = ((d1 // np.uint64(100)) % np.uint64(400)).astype(np.int32)
        self.issue_day = np.where(future, AS_OF_DAY + 1 + late, AS_OF_DAY - early).astype(np.int32)
        self.due_day = (self.issue_day + TERMS[(d[2::4] % np.uint64(4)).astype(np.intp)]).astype(np.int32)
        d3 = d[3::4]
        self.open_amount = np.where(d3 % np.uint64(5) == 0, np.uint64(0),
                                    np.uint64(1) + (d3 // np.uint64(5)) % np.uint64(10_000_000)).astype(np.int64)
        del d, d1, d3, future, late, early
        self.open_as_of = np.where(self.issue_day <= AS_OF_DAY, self.open_amount, 0)
        self.days_past_due = (AS_OF_DAY - self.due_day).astype(np.int32)
        c = splitmix64(CUSTOMER_SEED, 2 * customers)
        self.limits = ((np.uint64(20) + c[0::2] % np.uint64(80)) * np.uint64(1_000_000)).astype(np.int64)
        self.orders = np.where(c[1::2] % np.uint64(4) == 0, (c[1::2] // np.uint64(4)) % np.uint64(5_000_000),
                               np.uint64(0)).astype(np.int64)
        self.total_assets = rows * ASSETS_PER_ROW
        # float64 sums (bincount's weights) are exact while every partial sum
        # stays below 2^53 minor units; the whole portfolio's does.
        assert int(self.open_amount.sum()) + int(self.orders.sum()) < 2**53
        self.card = hk.Scorecard.standard()
        self.values = make_values(self.card, debtors)  # debtors x 17, Fortran order
        self.scores = (splitmix64(SCORE_SEED, debtors) % np.uint64(1_000_000)).astype(np.float64) / 1000.0

    def write(self, directory: Path) -> None:
        """The raw columns huikuan_compare_kernels reads."""
        directory.mkdir(parents=True, exist_ok=True)
        for name, column in (("customer.u32", self.customer), ("issue_day.i32", self.issue_day),
                             ("due_day.i32", self.due_day), ("open_amount.i64", self.open_amount),
                             ("open_as_of.i64", self.open_as_of), ("limits.i64", self.limits),
                             ("orders.i64", self.orders), ("scores.f64", self.scores)):
            column.tofile(directory / name)
        self.values.T.tofile(directory / "values.f64")  # column-major: indicator by indicator
        (directory / "meta.txt").write_text(
            f"as_of_day {AS_OF_DAY}\ncustomers {self.customers}\ntotal_assets {self.total_assets}\n"
            f"top_k {self.top_k}\n")


# ---------------------------------------------------------------- huikuan's C++ side

class KernelProgram:
    """huikuan_compare_kernels, started once; one command per timed repetition."""

    def __init__(self, program: Path, directory: Path) -> None:
        self.directory = directory
        self.process = subprocess.Popen([str(program)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def run(self, kernel: str, calls: int, threads: int = 1) -> tuple[float, float, dict[str, int]]:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(f"{kernel} {self.directory} {calls} {threads}\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().split()
        if not answer or answer[0] != "ok":
            raise RuntimeError(f"huikuan_compare_kernels {kernel}: {' '.join(answer) or 'no answer'}")
        extra = dict(item.split("=") for item in answer[3:])
        return float(answer[1]), float(answer[2]), {k: int(v) for k, v in extra.items()}

    def output(self, name: str, dtype: type) -> np.ndarray:
        return np.fromfile(self.directory / name, dtype=dtype)

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait()


def peak_memory_of_scoring(program: Path, directory: Path, input_bytes: int) -> float:
    """Peak resident memory of a fresh huikuan_compare_kernels that loads the
    indicator columns and scores them once, over the columns' bytes."""
    kernels = KernelProgram(program, directory)
    kernels.run("score", 1)
    with open(f"/proc/{kernels.process.pid}/status") as status:
        peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    kernels.close()
    return peak_kb * 1024 / input_bytes


# ---------------------------------------------------------------- aging

def aging_numpy(p: Portfolio) -> np.ndarray:
    bucket = np.digitize(AS_OF_DAY - p.due_day, EDGES, right=True)  # e(j-1) < age <= e(j)
    cell = p.customer.astype(np.intp) * BUCKETS + bucket
    weights = np.where(p.issue_day <= AS_OF_DAY, p.open_amount, 0)
    return np.bincount(cell, weights=weights, minlength=p.customers * BUCKETS).astype(np.int64).reshape(-1, BUCKETS)


def aging_pandas(p: Portfolio, df: pd.DataFrame) -> np.ndarray:
    issued = df[df.issue_day <= AS_OF_DAY]
    bucket = pd.cut(AS_OF_DAY - issued.due_day, [-np.inf, *EDGES, np.inf], labels=False, right=True)
    table = issued.groupby([issued.customer, bucket]).open_amount.sum().unstack(fill_value=0)
    return table.reindex(index=range(p.customers), columns=range(BUCKETS), fill_value=0).to_numpy()


AGING_SQL = f"""
SELECT customer,
       CASE WHEN {AS_OF_DAY} - due_day <= 0 THEN 0 WHEN {AS_OF_DAY} - due_day <= 30 THEN 1
            WHEN {AS_OF_DAY} - due_day <= 60 THEN 2 WHEN {AS_OF_DAY} - due_day <= 90 THEN 3
            WHEN {AS_OF_DAY} - due_day <= 120 THEN 4 ELSE 5 END AS bucket,
       SUM(open_amount)
FROM invoices WHERE issue_day <= {AS_OF_DAY} GROUP BY customer, bucket"""


def aging_sqlite(p: Portfolio, db: sqlite3.Connection) -> list[tuple[int, int, int]]:
    return db.execute(AGING_SQL).fetchall()


def sqlite_aging_table(p: Portfolio, rows: list[tuple[int, int, int]]) -> np.ndarray:
    table = np.zeros((p.customers, BUCKETS), dtype=np.int64)
    if rows:
        r = np.array(rows, dtype=np.int64)
        table[r[:, 0], r[:, 1]] = r[:, 2]
    return table


# ---------------------------------------------------------------- exposure

def exposure_summary(p: Portfolio, exposure: np.ndarray) -> dict[str, int]:
    breach = exposure > p.limits
    warning = ~breach & (exposure > 0) & (exposure * 10000 >= p.limits * LIMIT_WARNING_POINTS)
    receivables = int(exposure.sum()) - int(p.orders.sum())
    scaled, assets = receivables * 10000, p.total_assets
    status = (3 if scaled > assets * CEILING_POINTS else 2 if scaled == assets * CEILING_POINTS
              else 1 if scaled >= assets * CEILING_WARNING_POINTS else 0)
    return {"limit_breaches": int(breach.sum()), "limit_warnings": int(warning.sum()),
            "receivables": receivables, "ceiling_status": status}


def exposure_numpy(p: Portfolio) -> tuple[np.ndarray, dict[str, int]]:
    exposure = np.bincount(p.customer, weights=p.open_as_of, minlength=p.customers).astype(np.int64) + p.orders
    return exposure, exposure_summary(p, exposure)


def exposure_pandas(p: Portfolio, df: pd.DataFrame) -> tuple[np.ndarray, dict[str, int]]:
    sums = df.groupby("customer").open_as_of.sum().reindex(range(p.customers), fill_value=0)
    exposure = sums.to_numpy() + p.orders
    return exposure, exposure_summary(p, exposure)


EXPOSURE_SQL = """
SELECT c.customer, c.orders + COALESCE(s.total, 0)
FROM customers c LEFT JOIN (SELECT customer, SUM(open_as_of) AS total FROM invoices GROUP BY customer) s
     ON s.customer = c.customer
ORDER BY c.customer"""


def exposure_sqlite(p: Portfolio, db: sqlite3.Connection) -> tuple[np.ndarray, dict[str, int]]:
    exposure = np.array([row[1] for row in db.execute(EXPOSURE_SQL)], dtype=np.int64)
    return exposure, exposure_summary(p, exposure)


# ---------------------------------------------------------------- 5C scoring

class NumpyScorecard:
    """The scorecard as a data scientist would code it with numpy: np.interp
    for piecewise-linear curves, searchsorted for bins, the special values,
    the missing-value points, the domain checks, then the weighted sums."""

    def __init__(self, card: hk.Scorecard) -> None:
        c_sum = [0.0] * 5
        for ind in card.indicators:
            c_sum[int(ind.dimension)] += ind.weight
        cw = list(card.c_weights)
        self.c_weights = np.array(cw) / sum(cw)
        self.indicators = []
        for ind in card.indicators:
            x, points = np.array(ind.curve.x), np.array(ind.curve.points)
            worst = min(points)
            missing = worst if ind.when_missing == hk.MissingTreatment.worst else ind.neutral_points
            self.indicators.append(dict(
                linear=ind.curve.kind == hk.CurveKind.piecewise_linear, x=x, points=points,
                dimension=int(ind.dimension), weight=ind.weight / c_sum[int(ind.dimension)],
                specials=[(s.value, s.points) for s in ind.specials], missing=missing,
                reject=ind.when_missing == hk.MissingTreatment.reject, code=ind.code,
                low=-np.inf if ind.min_value is None else ind.min_value,
                high=np.inf if ind.max_value is None else ind.max_value))
        self.cuts = np.array(sorted(card.grades.min_scores))
        s = card.scaling
        self.base_score, self.pdo, self.base_odds = s.base_score, s.points_to_double_odds, s.base_odds

    def score(self, values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        c_scores = np.zeros((5, values.shape[0]))
        for j, ind in enumerate(self.indicators):
            v = values[:, j]
            bad = (v < ind["low"]) | (v > ind["high"]) | np.isinf(v)
            missing = np.isnan(v)
            if bad.any() or (ind["reject"] and missing.any()):
                raise ValueError(f"indicator {ind['code']}: a value outside its domain or missing")
            if ind["linear"]:
                p = np.interp(v, ind["x"], ind["points"])
            else:
                p = ind["points"][np.searchsorted(ind["x"], v, side="right")]
            for value, points in ind["specials"]:
                p[v == value] = points
            p[missing] = ind["missing"]
            c_scores[ind["dimension"]] += ind["weight"] * p
        total = self.c_weights @ c_scores
        pd_ = 1.0 / (1.0 + self.base_odds * np.exp2((total - self.base_score) / self.pdo))
        grade = (len(self.cuts) - np.searchsorted(self.cuts, total, side="right")).astype(np.uint8)
        return total, pd_, grade


def check_scores(result, reference, cuts: np.ndarray) -> None:
    total, pd_, grade = result
    ref_total, ref_pd, ref_grade = reference
    if not np.allclose(total, ref_total, rtol=0, atol=1e-9):
        raise Disagreement(f"total differs by up to {np.max(np.abs(total - ref_total)):.3g}")
    if not np.allclose(pd_, ref_pd, rtol=1e-9, atol=1e-15):
        raise Disagreement(f"PD differs by up to {np.max(np.abs(pd_ - ref_pd)):.3g}")
    near_cut = np.min(np.abs(ref_total[:, None] - cuts[None, :]), axis=1) <= 1e-9
    wrong = (np.asarray(grade) != ref_grade) & ~near_cut
    if wrong.any():
        raise Disagreement(f"{int(wrong.sum())} grades differ")


# ---------------------------------------------------------------- ranking

def top_k_numpy(scores: np.ndarray, k: int) -> np.ndarray:
    n = scores.size
    k = min(k, n)
    top = np.argpartition(scores, n - k)[n - k:]
    threshold = scores[top].min()
    # argpartition picks any of the scores equal to the threshold; the rule
    # is lower index first, so those are taken from the full column.
    above = top[scores[top] > threshold]
    ties = np.flatnonzero(scores == threshold)[: k - above.size]
    top = np.concatenate([above, ties])
    return top[np.lexsort((top, -scores[top]))]


def top_k_pandas(series: pd.Series, k: int) -> np.ndarray:
    return series.nlargest(k, keep="first").index.to_numpy()


# ---------------------------------------------------------------- average days delinquent

def add_numpy(p: Portfolio) -> float:
    overdue = p.days_past_due > 0
    amounts = p.open_amount[overdue]
    total = int(amounts.sum())
    return int(amounts @ p.days_past_due[overdue].astype(np.int64)) / total if total else 0.0


def add_pandas(df: pd.DataFrame) -> float:
    overdue = df[df.days_past_due > 0]
    total = int(overdue.open_amount.sum())
    return int((overdue.open_amount * overdue.days_past_due).sum()) / total if total else 0.0


# ---------------------------------------------------------------- the contest

class Contestant:
    """One way of computing a workload. Python contestants are timed here;
    a `timed_inside` call times itself and returns (CPU s, wall s, result)
    for `calls` calls. `finish` turns the last result into the form checked
    (not timed: SQLite's rows into a table)."""

    def __init__(self, name: str, call, timed_inside: bool = False, wall_clock: bool = False,
                 finish=lambda result: result) -> None:
        self.name, self._call, self.timed_inside, self.wall_clock = name, call, timed_inside, wall_clock
        self.finish = finish
        self.cpu: list[float] = []
        self.wall: list[float] = []
        self.calls = 1
        self.error: str | None = None

    def run(self, calls: int):
        if self.timed_inside:
            return self._call(calls)
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(calls):
            result = self._call()
        return time.process_time() - cpu, time.perf_counter() - wall, result


class Workload:
    def __init__(self, name: str, rows: int, row_bytes: float, check) -> None:
        self.name, self.rows, self.row_bytes, self.check = name, rows, row_bytes, check
        self.contestants: list[Contestant] = []

    def add(self, contestant: Contestant) -> None:
        self.contestants.append(contestant)

    def run(self, repetitions: int) -> None:
        self.reference = reference = None
        for c in self.contestants:  # the first is huikuan: its result is the reference
            try:
                cpu, wall, result = c.run(1)
                result = c.finish(result)
                if reference is None:
                    self.reference = reference = result
                else:
                    self.check(result, reference)
                seconds = wall if c.wall_clock else cpu
                c.calls = max(1, math.ceil(REPETITION_SECONDS / max(seconds, 1e-6)))
            except (Disagreement, ValueError, RuntimeError) as e:
                c.error = str(e)
        for _ in range(repetitions):
            for c in self.contestants:
                if c.error is None:
                    cpu, wall, _ = c.run(c.calls)
                    c.cpu.append(cpu / c.calls)
                    c.wall.append(wall / c.calls)

    def rate(self, c: Contestant) -> list[float]:
        return [self.rows / s for s in (c.wall if c.wall_clock else c.cpu)]


def check_equal(result, reference) -> None:
    if isinstance(reference, tuple):
        for a, b in zip(result, reference):
            check_equal(a, b)
    elif isinstance(reference, dict):
        if result != reference:
            raise Disagreement(f"{result} != {reference}")
    elif isinstance(reference, float):
        if not math.isclose(result, reference, rel_tol=1e-15, abs_tol=0):
            raise Disagreement(f"{result!r} != {reference!r}")
    else:
        a, b = np.asarray(result), np.asarray(reference)
        if a.shape != b.shape or not np.array_equal(a, b):
            diff = "shape " + str(a.shape) if a.shape != b.shape else f"{int(np.count_nonzero(a != b))} cells"
            raise Disagreement(f"differs from huikuan ({diff})")


def perturbed(result):
    """huikuan's result with one value changed, to prove a check would see it."""
    if isinstance(result, tuple):
        return (perturbed(result[0]),) + result[1:]
    if isinstance(result, float):
        return result * (1 + 1e-12) + 1e-12
    changed = np.array(result, copy=True)
    changed.flat[0] += 1e-6 if changed.dtype.kind == "f" else 1
    return changed


def checks_catch_differences(workloads: list[Workload]) -> bool:
    """Every workload's check rejects huikuan's result with one value changed."""
    ok = True
    for w in workloads:
        try:
            w.check(perturbed(w.reference), w.reference)
            print(f"check of '{w.name}' FAILED to notice a changed value")
            ok = False
        except Disagreement:
            pass
    return ok


def kernel_contestant(name: str, kernels: KernelProgram, kernel: str, threads: int, result) -> Contestant:
    def call(calls: int):
        cpu, wall, extra = kernels.run(kernel, calls, threads)
        return cpu, wall, result(extra)
    return Contestant(name, call, timed_inside=True, wall_clock=threads > 1)


def build_workloads(p: Portfolio, kernels: KernelProgram, args) -> list[Workload]:
    df = pd.DataFrame({"customer": p.customer, "issue_day": p.issue_day, "due_day": p.due_day,
                       "open_amount": p.open_amount, "open_as_of": p.open_as_of, "days_past_due": p.days_past_due})
    db = None
    if not args.no_sqlite:
        db = sqlite3.connect(":memory:")
        db.execute("CREATE TABLE invoices (customer INTEGER, issue_day INTEGER, due_day INTEGER, "
                   "open_amount INTEGER, open_as_of INTEGER)")
        db.executemany("INSERT INTO invoices VALUES (?, ?, ?, ?, ?)",
                       zip(p.customer.tolist(), p.issue_day.tolist(), p.due_day.tolist(), p.open_amount.tolist(),
                           p.open_as_of.tolist()))
        # Covering indices: the grouping can then read customer by customer.
        db.execute("CREATE INDEX invoices_aging ON invoices (customer, issue_day, due_day, open_amount)")
        db.execute("CREATE INDEX invoices_exposure ON invoices (customer, open_as_of)")
        db.execute("CREATE TABLE customers (customer INTEGER PRIMARY KEY, credit_limit INTEGER, orders INTEGER)")
        db.executemany("INSERT INTO customers VALUES (?, ?, ?)",
                       zip(range(p.customers), p.limits.tolist(), p.orders.tolist()))
        db.execute("ANALYZE")

    size = f"{p.rows / 1e6:g}M invoices / {p.customers / 1e6:g}M customers"
    workloads = []

    aging = Workload(f"aging into customer buckets, {size}", p.rows, 20, check_equal)
    out = np.zeros((p.customers, BUCKETS), dtype=np.int64)
    policy = hk.BucketPolicy()

    def aging_python():
        out.fill(0)
        return hk.age_into_buckets(p.customer, p.issue_day, p.due_day, p.open_amount, AS_OF, policy,
                                   groups=p.customers, out=out)
    aging_cells = lambda extra: kernels.output("out_aging.i64", np.int64).reshape(-1, BUCKETS)
    aging.add(kernel_contestant("huikuan C++", kernels, "aging", 1, aging_cells))
    aging.add(kernel_contestant("huikuan C++, 2 threads", kernels, "aging", 2, aging_cells))
    aging.add(Contestant("huikuan Python", aging_python))
    aging.add(Contestant("numpy digitize + bincount", lambda: aging_numpy(p)))
    aging.add(Contestant("pandas cut + groupby", lambda: aging_pandas(p, df)))
    if db is not None:
        aging.add(Contestant("SQLite GROUP BY", lambda: aging_sqlite(p, db),
                             finish=lambda rows: sqlite_aging_table(p, rows)))
    workloads.append(aging)

    exposure_bytes = 12 + 16 * p.customers / p.rows
    exposure = Workload(f"exposure, limits and ceiling, {size}", p.rows, exposure_bytes, check_equal)
    exposure.add(kernel_contestant("huikuan C++", kernels, "exposure", 1,
                                   lambda extra: (kernels.output("out_exposure.i64", np.int64), extra)))
    exposure.add(Contestant("numpy bincount", lambda: exposure_numpy(p)))
    exposure.add(Contestant("pandas groupby", lambda: exposure_pandas(p, df)))
    if db is not None:
        exposure.add(Contestant("SQLite GROUP BY + JOIN", lambda: exposure_sqlite(p, db)))
    workloads.append(exposure)

    numpy_card = NumpyScorecard(p.card)
    scoring = Workload(f"5C scoring, {p.debtors / 1e6:g}M debtors x 17 indicators", p.debtors, 17 * 8,
                       lambda result, reference: check_scores(result, reference, numpy_card.cuts))
    model = hk.ScoringModel(p.card)
    total, pd_, grade = np.empty(p.debtors), np.empty(p.debtors), np.empty(p.debtors, np.uint8)

    def score_python():
        model.score_into(p.values, total=total, pd=pd_, grade=grade)
        return total, pd_, grade
    score_out = lambda extra: (kernels.output("out_score_total.f64", np.float64),
                               kernels.output("out_score_pd.f64", np.float64),
                               kernels.output("out_score_grade.u8", np.uint8))
    scoring.add(kernel_contestant("huikuan C++", kernels, "score", 1, score_out))
    scoring.add(kernel_contestant("huikuan C++, 2 threads", kernels, "score", 2, score_out))
    scoring.add(Contestant("huikuan Python", score_python))
    scoring.add(Contestant("numpy interp", lambda: numpy_card.score(p.values)))
    workloads.append(scoring)

    ranking = Workload(f"top {p.top_k} of {p.debtors / 1e6:g}M priority scores", p.debtors, 8, check_equal)
    series = pd.Series(p.scores)
    ranking.add(kernel_contestant("huikuan C++", kernels, "rank", 1,
                                  lambda extra: kernels.output("out_rank.u32", np.uint32).astype(np.int64)))
    if hasattr(hk, "rank_top_k"):
        ranking.add(Contestant("huikuan Python", lambda: hk.rank_top_k(p.scores, p.top_k).astype(np.int64)))
    ranking.add(Contestant("numpy argpartition", lambda: top_k_numpy(p.scores, p.top_k)))
    ranking.add(Contestant("pandas nlargest", lambda: top_k_pandas(series, p.top_k)))
    workloads.append(ranking)

    add = Workload(f"amount-weighted days delinquent, {p.rows / 1e6:g}M invoices", p.rows, 12, check_equal)
    add.add(Contestant("huikuan Python",
                       lambda: hk.average_days_delinquent_amount_weighted(p.open_amount, p.days_past_due)))
    add.add(Contestant("numpy mask + dot", lambda: add_numpy(p)))
    add.add(Contestant("pandas mask + sum", lambda: add_pandas(df)))
    workloads.append(add)
    return workloads


def measure_bandwidth(program: Path, quick: bool) -> dict[str, float]:
    command = [str(program), "--json"] + (["--elements", "1000000", "--repetitions", "2"] if quick else [])
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def millions(rate: float) -> str:
    return f"{rate / 1e6:,.1f}M" if rate >= 1e5 else f"{rate / 1e6:.3f}M"


def print_workload(w: Workload, read_bandwidth: float) -> bool:
    print(f"\n{w.name} ({w.row_bytes:g} bytes read per row)")
    print(f"  {'contestant':28} {'rows/s median':>14} {'min':>10} {'max':>10} {'huikuan ÷ this':>15} {'bandwidth share':>16}")
    print(f"  {'':28} {'(per CPU second)':>36}")
    first = w.contestants[0]
    reference = statistics.median(w.rate(first)) if first.error is None else None
    # Two threads are compared with one thread by wall time (CPU time adds both threads).
    one_thread_wall = statistics.median(w.rows / s for s in first.wall) if first.error is None else None
    ok = True
    for c in w.contestants:
        if c.error is not None:
            print(f"  {c.name:28} FAILED: {c.error}")
            ok = False
            continue
        rates = w.rate(c)
        median = statistics.median(rates)
        if c.wall_clock:
            ratio = f"{median / one_thread_wall:.2f}x of 1 thr" if one_thread_wall else ""
        else:
            ratio = f"{reference / median:.2f}x" if reference and c is not first else ""
        share = f"{median * w.row_bytes / read_bandwidth:.0%}" if c.name.startswith("huikuan") else ""
        clock = " (wall)" if c.wall_clock else ""
        print(f"  {c.name + clock:28} {millions(median):>14} {millions(min(rates)):>10} {millions(max(rates)):>10}"
              f" {ratio:>15} {share:>16}")
    return ok


SCALING_CALLS = 3


def scaling(args, kernels_program: Path, work_dir: Path) -> None:
    """huikuan's aging and scoring (C++) at 1M, 10M and 30M rows: one thread
    per CPU second and per wall second, two threads per wall second. Each
    repetition times SCALING_CALLS calls in a row: one call of two threads
    is sometimes as slow as one thread on a shared VM (the second vCPU busy
    elsewhere), and single calls made the medians swing."""
    print("\nscaling (huikuan C++; aging over rows / 10 customers, 5C scoring of as many debtors; rows per second,"
          " median; both kernels alternate):")
    print(f"  {'rows':>5} {'kernel':8} {'1 thread, CPU':>14} {'1 thread, wall':>15} {'2 threads, wall':>16}"
          f" {'2 threads / 1':>14}")
    for rows in (1_000_000, 10_000_000, 30_000_000):
        directory = work_dir / f"scaling-{rows}"
        p = Portfolio(rows, rows // 10, rows, args.top_k)
        p.write(directory)
        del p
        kernels = KernelProgram(kernels_program, directory)
        runs: dict[tuple[str, int], list[tuple[float, float]]] = {}
        for kernel in ("aging", "score"):
            kernels.run(kernel, 1)  # load the columns, page in the outputs
            kernels.run(kernel, 1, 2)  # and the two-thread aging's workspace
        for _ in range(args.repetitions):
            for kernel in ("aging", "score"):
                for threads in (1, 2):
                    runs.setdefault((kernel, threads), []).append(kernels.run(kernel, SCALING_CALLS, threads)[:2])
        kernels.close()
        for name in os.listdir(directory):
            (directory / name).unlink()
        directory.rmdir()
        for kernel in ("aging", "score"):
            cpu = statistics.median(rows * SCALING_CALLS / t[0] for t in runs[(kernel, 1)])
            wall = statistics.median(rows * SCALING_CALLS / t[1] for t in runs[(kernel, 1)])
            wall2 = statistics.median(rows * SCALING_CALLS / t[1] for t in runs[(kernel, 2)])
            print(f"  {rows / 1e6:>4g}M {kernel:8} {millions(cpu):>14} {millions(wall):>15} {millions(wall2):>16}"
                  f" {wall2 / wall:>13.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000_000, help="invoices")
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--debtors", type=int, default=1_000_000, help="rows of the scoring and ranking workloads")
    parser.add_argument("--top-k", type=int, default=1000)
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--no-sqlite", action="store_true", help="leave SQLite out (loading 10M rows takes a minute)")
    parser.add_argument("--scaling", action="store_true", help="also time huikuan at 1M, 10M and 30M rows")
    parser.add_argument("--scaling-only", action="store_true", help="only the bandwidth and the scaling table")
    parser.add_argument("--quick", action="store_true", help="a small bandwidth measurement (for the smoke test)")
    parser.add_argument("--check-the-checks", action="store_true",
                        help="also prove that every check rejects huikuan's result with one value changed")
    build = HERE.parent / "build" / "release" / "benchmarks"
    parser.add_argument("--kernels-program", type=Path, default=build / "huikuan_compare_kernels")
    parser.add_argument("--bandwidth-program", type=Path, default=build / "huikuan_bandwidth")
    parser.add_argument("--work-dir", type=Path, default=build / "compare-data",
                        help="where the columns are written for huikuan_compare_kernels")
    args = parser.parse_args()

    bandwidth = measure_bandwidth(args.bandwidth_program, args.quick)
    read_bandwidth = bandwidth["read_bytes_per_second"]
    print(f"huikuan {hk.__version__} against numpy {np.__version__}, "
          f"pandas {pd.__version__}, SQLite {sqlite3.sqlite_version}; {os.cpu_count()} CPUs, "
          f"{args.repetitions} repetitions, alternating")
    print("memory bandwidth (huikuan_bandwidth, one thread, best of %d): read %.1f GB/s, copy %.1f, triad %.1f"
          % (bandwidth["repetitions"], read_bandwidth / 1e9, bandwidth["copy_bytes_per_second"] / 1e9,
             bandwidth["triad_bytes_per_second"] / 1e9))

    if args.scaling_only:
        scaling(args, args.kernels_program, args.work_dir)
        return 0
    p = Portfolio(args.rows, args.customers, args.debtors, args.top_k)
    p.write(args.work_dir)
    kernels = KernelProgram(args.kernels_program, args.work_dir)
    ok = True
    try:
        workloads = build_workloads(p, kernels, args)
        for workload in workloads:
            workload.run(args.repetitions)
            ok &= print_workload(workload, read_bandwidth)
    finally:
        kernels.close()
    if args.check_the_checks:
        ok &= checks_catch_differences(workloads)
        print("\nevery check rejects huikuan's result with one value changed" if ok else "")
    print("\npeak memory of bulk scoring (a fresh huikuan_compare_kernels, resident peak / input columns): "
          f"{peak_memory_of_scoring(args.kernels_program, args.work_dir, p.values.nbytes):.3f}")
    if args.scaling:
        del p
        scaling(args, args.kernels_program, args.work_dir)
    if not ok:
        print("\nFAILED: a contestant disagrees with huikuan (see above)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
