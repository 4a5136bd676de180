"""Allocation and aging through Python agree with the huikuan command on the
sample portfolio, to the minor unit; the kernel reads numpy columns in place."""

from __future__ import annotations

import datetime

import numpy as np
import pytest

import huikuan
from conftest import AS_OF
from expected_output import keyed_amounts


def test_aging_by_customer_equals_the_command_output(sample, position):
    report = huikuan.age_receivables(sample.ledger, position)
    expected = keyed_amounts("aging-by-customer.txt")
    assert len(report.rows) == len(expected) - 1
    for row, buckets in zip(report.rows, report.buckets):
        assert list(buckets) + [row.open, row.unapplied, row.net] == expected[row.key]
    total = list(report.total_buckets) + [report.total.open, report.total.unapplied, report.total.net]
    assert total == expected["total"]
    assert report.total.open == 1_598_844_205  # 15,988,442.05


def test_aging_by_sales_rep_equals_the_command_output(sample, position):
    report = huikuan.age_receivables(sample.ledger, position, grouping="sales_rep")
    expected = keyed_amounts("aging-by-rep.txt")
    for row, buckets in zip(report.rows, report.buckets):
        assert list(buckets) + [row.open, row.unapplied, row.net] == expected[row.key.split()[0]]


def test_every_row_s_buckets_sum_to_its_open_balance(sample, position):
    report = huikuan.age_receivables(sample.ledger, position, huikuan.BucketPolicy([0, 15, 45], "days_since_invoice"))
    assert report.buckets.sum(axis=1).tolist() == [row.open for row in report.rows]
    assert report.bucket_labels() == ["<= 0", "1-15", "16-45", "over 45"]


def test_the_kernel_on_the_ledger_s_columns_gives_the_report_s_buckets(sample, position):
    columns = sample.ledger.invoice_columns()
    portfolio = huikuan.age_into_buckets(
        np.zeros(sample.ledger.invoice_count, dtype=np.uint32),
        columns["issue_day"],
        columns["due_day"],
        position.open_amount,
        AS_OF,
    )
    by_customer = huikuan.age_into_buckets(
        columns["customer"], columns["issue_day"], columns["due_day"], position.open_amount, AS_OF,
        groups=sample.ledger.customer_count,
    )
    report = huikuan.age_receivables(sample.ledger, position)
    assert portfolio.shape == (1, 6)
    assert portfolio[0].tolist() == report.total_buckets.tolist()
    rows = [sample.ledger.customer_index(row.key) for row in report.rows]
    assert by_customer[rows].tolist() == report.buckets.tolist()
    del columns  # the views pin the ledger's columns


def test_the_kernel_takes_datetime64_days_as_well_as_int32_day_numbers():
    issue = np.array(["2026-01-01", "2026-02-01", "2026-03-01"], dtype="datetime64[D]")
    due = issue + np.timedelta64(30, "D")
    amounts = np.array([100, 200, 300], dtype=np.int64)
    group = np.array([0, 1, 0], dtype=np.uint32)
    as_of = datetime.date(2026, 3, 31)
    from_dates = huikuan.age_into_buckets(group, issue, due, amounts, as_of)
    from_days = huikuan.age_into_buckets(group, issue.astype(np.int32), due.astype(np.int32), amounts, as_of)
    assert from_dates.tolist() == from_days.tolist() == [[300, 0, 100, 0, 0, 0], [0, 200, 0, 0, 0, 0]]


def test_the_kernel_adds_into_a_caller_s_array_without_a_copy():
    out = np.zeros((1, 6), dtype=np.int64)
    days = np.array([0], dtype=np.int32)
    result = huikuan.age_into_buckets(np.zeros(1, np.uint32), days, days, np.array([5], np.int64), "1970-01-01", out=out)
    huikuan.age_into_buckets(np.zeros(1, np.uint32), days, days, np.array([7], np.int64), "1970-01-01", out=out)
    assert result is out
    assert out[0, 0] == 12


def test_the_position_s_arrays_view_its_memory_without_copies(position):
    a, b = position.open_amount, position.open_amount
    assert np.shares_memory(a, b)
    assert a.base is not None and not a.flags.writeable
    assert a.dtype == np.int64 and position.unapplied.dtype == np.int64
    with pytest.raises(ValueError):
        a[0] = 1
    assert int(a.sum()) == position.total_open()


def test_a_position_of_another_ledger_is_refused(sample, small_ledger):
    other = huikuan.allocate(small_ledger, AS_OF)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.python\.8\] position: it was allocated from another ledger"):
        huikuan.age_receivables(sample.ledger, other)


def test_a_position_goes_stale_when_the_ledger_changes(small_ledger):
    position = huikuan.allocate(small_ledger, AS_OF)
    small_ledger.add_invoice("INV-4", "C2", datetime.date(2026, 4, 1), 5_000)
    with pytest.raises(huikuan.InputError, match=r"huikuan\.python\.8.*allocate again"):
        huikuan.age_receivables(small_ledger, position)
    assert huikuan.age_receivables(small_ledger, huikuan.allocate(small_ledger, AS_OF)).total.open == 645_000


def test_invoice_stages_follow_the_ladder(sample, position):
    stages = huikuan.invoice_stages(sample.ledger, position)
    ladder = huikuan.EscalationLadder.standard()
    assert stages.shape == (sample.ledger.invoice_count,)
    assert [s.name for s in ladder.stages] == ["green", "blue", "yellow", "red", "stop after-sales service", "legal"]
    assert set(np.unique(stages)) <= set(range(len(ladder.stages)))


def test_ladder_buckets_coincide_with_the_colour_bands(sample, position):
    policy = huikuan.ladder_bucket_policy()
    assert list(policy.upper_edges) == [20, 40, 60, 120, 180]
    report = huikuan.age_receivables(sample.ledger, position, policy)
    assert int(report.total_buckets.sum()) == report.total.open


def test_the_kernel_on_two_threads_gives_what_one_gives_and_reuses_its_workspace():
    rng = np.random.default_rng(7)
    n, customers = 300_000, 5_000  # enough rows for a second thread (65,536 each)
    group = rng.integers(0, customers, n, dtype=np.uint32)
    issue = (20_500 - rng.integers(0, 400, n)).astype(np.int32)
    due = issue + np.int32(30)
    amounts = rng.integers(0, 10_000_000, n, dtype=np.int64)
    one = huikuan.age_into_buckets(group, issue, due, amounts, "2026-03-31", groups=customers)
    workspace = huikuan.AgingWorkspace()
    assert workspace.bytes == 0
    two = huikuan.age_into_buckets(group, issue, due, amounts, "2026-03-31", groups=customers, threads=2,
                                   workspace=workspace)
    assert np.array_equal(one, two)
    assert workspace.bytes == customers * 6 * 8  # one table for the second thread
    again = huikuan.age_into_buckets(group, issue, due, amounts, "2026-03-31", groups=customers, threads=2,
                                     workspace=workspace)
    assert np.array_equal(one, again)
    without_workspace = huikuan.age_into_buckets(group, issue, due, amounts, "2026-03-31", groups=customers, threads=2)
    assert np.array_equal(one, without_workspace)
    workspace.release()
    assert workspace.bytes == 0


def test_the_kernel_on_two_threads_names_the_first_bad_row():
    n = 200_000
    group = np.zeros(n, dtype=np.uint32)
    group[[150_000, 20_000]] = 9  # one in each thread's rows
    days = np.zeros(n, dtype=np.int32)
    with pytest.raises(huikuan.InputError, match=r"\[huikuan\.aging\.3\] row 20000: group 9 is out of range"):
        huikuan.age_into_buckets(group, days, days, np.ones(n, np.int64), "1970-01-01", groups=1, threads=2)


def test_the_kernel_refuses_a_thread_count_below_one():
    days = np.zeros(1, np.int32)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.python\.9\] threads: 0 is not a positive count"):
        huikuan.age_into_buckets(np.zeros(1, np.uint32), days, days, np.ones(1, np.int64), "1970-01-01", threads=0)
