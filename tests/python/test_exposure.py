"""Exposure controls through Python agree with the huikuan command on the
sample portfolio (exposure, check-order, provision, cost), to the minor unit;
the bulk check equals a numpy reference and reads its columns in place; every
bad argument raises its documented id."""

from __future__ import annotations

import datetime
import re
import tracemalloc

import numpy as np
import pytest

import huikuan
from conftest import AS_OF, SAMPLE, read_while_writing
from expected_output import amounts, keyed_amounts, path, table_rows

ASSETS = 8_000_000_000  # --assets 80000000 (exposure.txt)


CUSTOMER_ROW = r"C\d{4} "
BUCKET_ROW = r"(current|\d+-\d+|over \d+|total) "


def section_rows(name: str, title: str, row: str) -> list[str]:
    """The data lines (those that match `row`, not the notes under them) of
    the table whose title line starts with `title`."""
    lines = path(name).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    start = next(i for i in range(start, len(lines)) if lines[i].startswith("---")) + 1
    rows = []
    for line in lines[start:]:
        if not line.strip():
            break
        if re.match(row, line):
            rows.append(line)
    return rows


@pytest.fixture(scope="module")
def orders(sample) -> huikuan.OrdersLoadResult:
    return huikuan.load_orders((SAMPLE / "orders.csv").read_text(encoding="utf-8"), sample.ledger)


@pytest.fixture(scope="module")
def book(sample, position, orders) -> huikuan.ExposureBook:
    return huikuan.build_exposure_book(sample.ledger, position, orders.orders, ASSETS)


def customer_ids(sample) -> list[str]:
    return list(sample.ledger.customers_table()["customer_id"])


# ------------------------------------------------------------------ the command's figures


def test_the_orders_file_loads_without_problems(orders):
    assert orders.problems == []
    assert orders.summary.rows_loaded == len(orders.orders) > 0
    assert orders.orders.order_id(0) == "SO-00001"
    assert orders.orders.status(0) == huikuan.OrderStatus.invoiced


def test_the_ceiling_rows_equal_the_exposure_command(book):
    expected = keyed_amounts("exposure.txt")
    statuses = [row.split()[-3] for row in table_rows("exposure.txt")]
    for key, owed, status in (("open", book.total_receivables, statuses[0]),
                              ("receivables", book.committed, statuses[1])):
        check = huikuan.check_ceiling(owed, ASSETS)
        # amount, total assets, warning line and ceiling (basis points read as "16.00"), headroom, to restore
        assert [check.receivables, check.total_assets, check.warning_line, check.ceiling, check.headroom,
                check.to_restore] == expected[key]
        assert check.status.name == status
    assert book.total_receivables == 1_598_844_205


def test_the_limit_breaches_and_warnings_equal_the_exposure_command(sample, book):
    ids = customer_ids(sample)
    expected = {row.split()[0]: (row.split()[-1], amounts(row)) for row in
                section_rows("exposure.txt", "credit limit breaches", CUSTOMER_ROW)}
    found = {}
    for c in range(book.customer_count):
        verdict = huikuan.assess_customer(book, c).rule(huikuan.ExposureRule.credit_limit).verdict
        if verdict in (huikuan.RuleVerdict.block, huikuan.RuleVerdict.warn):
            exposure = book.exposure(c)
            found[ids[c]] = ("breach" if verdict == huikuan.RuleVerdict.block else "warning",
                             [int(book.receivables[c]), int(book.open_orders[c]), exposure, int(book.credit_limits[c])])
    assert set(found) == set(expected)
    for customer_id, (status, figures) in found.items():
        assert status == expected[customer_id][0]
        # receivables, open orders, exposure, limit (then used %, headroom)
        assert figures == expected[customer_id][1][:4]
        assert expected[customer_id][1][-1] == figures[3] - figures[2]


def test_the_bulk_scan_counts_the_command_s_breaches_and_warnings(sample, position, book):
    columns = sample.ledger.invoice_columns()
    scan = huikuan.scan_exposure(columns["customer"], position.open_amount, book.open_orders, book.credit_limits,
                                 ASSETS)
    del columns
    assert (scan.limit_breaches, scan.limit_warnings) == (32, 8)
    assert scan.receivables == book.total_receivables and scan.open_orders == book.total_open_orders
    assert scan.ceiling.status == huikuan.CeilingStatus.warning
    assert scan.exposure.tolist() == (book.receivables + book.open_orders).tolist()
    assert [huikuan.LimitStatus(int(code)) for code in scan.status].count(huikuan.LimitStatus.breach) == 32


def test_the_overdue_blocks_equal_the_exposure_command(sample, book):
    ids = customer_ids(sample)
    expected = [row.split()[0] for row in section_rows("exposure.txt", "overdue blocks", CUSTOMER_ROW)]
    blocked = []
    for c in range(book.customer_count):
        release = huikuan.assess_customer(book, ids[c])
        if huikuan.RuleVerdict.block in (release.rule(huikuan.ExposureRule.overdue_days).verdict,
                                         release.rule(huikuan.ExposureRule.overdue_amount).verdict):
            blocked.append(ids[c])
            assert release.verdict == huikuan.ReleaseVerdict.block
    assert blocked == expected and len(blocked) == 89
    assert book.oldest_days_past_due[ids.index("C0003")] == 458
    assert int(book.overdue[ids.index("C0001")]) == 3_484_200


def test_the_concentration_equals_the_exposure_command(sample, book):
    ids = customer_ids(sample)
    concentration = huikuan.measure_concentration(book.receivables, book.policy)
    assert concentration.largest_share_ppm == 86_850  # 8.6850 %
    assert concentration.top10_share_ppm == 435_078  # 43.5078 %
    assert concentration.herfindahl_ppm == 28_457  # 284.57 points of 10000
    assert concentration.largest_share_verdict == huikuan.RuleVerdict.off
    largest = section_rows("exposure.txt", "largest debtors", r"\s*\d+\s+C\d{4} ")
    expected = [(row.split()[1], amounts(row)[0]) for row in largest]
    assert [(ids[c], a) for c, a in zip(concentration.largest, concentration.largest_amounts)] == expected
    assert concentration.total == book.total_receivables


RULE_NAMES = {"credit_limit": "credit limit", "overdue_days": "overdue days", "overdue_amount": "overdue amount",
              "portfolio_ceiling": "portfolio ceiling", "customer_share": "customer share",
              "top10_share": "top-10 share", "herfindahl": "herfindahl"}


def test_a_check_order_verdict_and_its_figures_equal_the_check_order_command(sample, position, orders):
    policy = huikuan.ExposurePolicy(max_customer_share=huikuan.parse_percent("10%"),
                                    max_top10_share=huikuan.parse_percent("50%"), max_herfindahl=1000)
    book = huikuan.build_exposure_book(sample.ledger, position, orders.orders, 10_000_000_000, policy)
    release = huikuan.check_order(book, "C0002", 2_000_000, AS_OF)
    assert release.verdict == huikuan.ReleaseVerdict.warn
    assert release.largest_order == 2_513_745  # 25137.45
    assert release.customer == sample.ledger.customer_index("C0002") and release.date == AS_OF
    rows = section_rows("check-order-C0002.txt", "rules", "(" + "|".join(RULE_NAMES.values()) + ") ")
    assert len(rows) == len(release.rules) == 7
    for check, row in zip(release.rules, rows):
        cells = re.split(r" {2,}", row.strip())
        assert cells[0] == RULE_NAMES[check.rule.name]
        assert cells[1] == check.verdict.name.rstrip("_")
        figures = [check.current, check.projected]
        if check.verdict != huikuan.RuleVerdict.off:
            figures += [check.limit, check.headroom]
        if check.order_headroom is not None:
            figures.append(check.order_headroom)
        # money "64862.55" is 6486255 minor units, "0.3334" % is 3334 ppm, "237.27" HHI points 23727 ppm
        assert [int(cell.replace(".", "")) for cell in cells[2:-1]] == figures
    assert release.rules[0].unit == huikuan.RuleUnit.money and release.rules[1].unit == huikuan.RuleUnit.days


def test_the_roll_rates_and_the_provision_matrix_equal_the_provision_command(sample, position):
    loaded = huikuan.load_aging_history((SAMPLE / "aging_history.csv").read_text(encoding="utf-8"))
    assert loaded.problems == [] and loaded.summary.rows_left_out == 0
    history = loaded.history
    later = [s for s in history.snapshots if s.date > AS_OF]
    for _ in later:
        history.snapshots.pop()  # as of the report date: later snapshots are not history yet
    analysis = huikuan.derive_loss_rates(history)
    assert analysis.pairs == 17
    for k, row in enumerate(section_rows("provision.txt", "roll rates", BUCKET_ROW)):
        assert [analysis.rolled_from[k], analysis.rolled_into[k]] == amounts(row)
        assert f"{analysis.roll_rates[k]:.6f}" == row.split()[-1]
    aging = huikuan.age_receivables(sample.ledger, position, analysis.matrix.buckets, "portfolio")
    result = huikuan.provide_for(aging, analysis.matrix)
    expected = keyed_amounts_of(section_rows("provision.txt", "provision matrix", BUCKET_ROW))
    labels = analysis.matrix.buckets.labels()
    for k, label in enumerate(labels):
        assert [result.balances[k], result.expected_loss[k]] == expected[label]
        assert f"{result.matrix.loss_rates[k] * 100:.4f}" in next(
            r for r in section_rows("provision.txt", "provision matrix", BUCKET_ROW) if r.startswith(label + " "))
    assert [result.total_balance, result.total_expected_loss] == expected["total"] == [1_598_844_205, 611_692_694]
    assert sum(result.expected_loss) == result.total_expected_loss


def keyed_amounts_of(rows: list[str]) -> dict[str, list[int]]:
    """First cell (a bucket label such as 'over 120') -> the amounts on the row."""
    return {re.split(r" {2,}", row.strip())[0]: amounts(row) for row in rows}


def test_the_carrying_cost_and_late_interest_equal_the_cost_command(sample, position):
    ids = customer_ids(sample)
    report = huikuan.carrying_cost(sample.ledger, datetime.date(2026, 10, 1), AS_OF, huikuan.parse_percent("4.35%"))
    expected = keyed_amounts("cost.txt")
    assert report.days_in_period == 31 and report.annual_rate == 435
    for c, customer_id in enumerate(ids):
        if customer_id in expected:
            assert [int(report.average_balance[c]), int(report.cost[c])] == expected[customer_id]
        else:
            assert report.average_balance[c] == 0 and report.cost[c] == 0
    assert [report.total_average_balance, report.total_cost] == expected["total"]
    late = huikuan.late_payment_interest(sample.ledger, position, 1825)
    assert late.total == 204_484_502  # 2044845.02
    assert int(late.customer_interest.sum()) == int(late.invoice_interest.sum()) == late.total
    late_rows = {row.split()[0]: amounts(row)[-1]
                 for row in section_rows("cost.txt", "late-payment interest", CUSTOMER_ROW)}
    for c, customer_id in enumerate(ids):
        assert int(late.customer_interest[c]) == late_rows.get(customer_id, 0)
    assert late.days_late.dtype == np.int32
    again = huikuan.late_payment_interest(sample.ledger, AS_OF, 1825)
    assert again.invoice_interest.tolist() == late.invoice_interest.tolist()


# ------------------------------------------------------------------ exact lines


def test_a_balance_exactly_on_the_ceiling_is_at_ceiling_and_a_cent_more_is_a_breach():
    on = huikuan.check_ceiling(20_000_000, 100_000_000)  # 200,000.00 of 1,000,000.00 at 20%
    assert on.status == huikuan.CeilingStatus.at_ceiling
    assert (on.ceiling_amount, on.headroom, on.to_restore) == (20_000_000, 0, 0)
    over = huikuan.check_ceiling(20_000_001, 100_000_000)
    assert over.status == huikuan.CeilingStatus.breach and over.to_restore == 1 and over.headroom == -1
    warning = huikuan.check_ceiling(16_000_000, 100_000_000)
    assert warning.status == huikuan.CeilingStatus.warning and warning.warning_line == 1600
    assert huikuan.check_ceiling(15_999_999, 100_000_000).status == huikuan.CeilingStatus.ok


def test_percentages_are_int_basis_points_both_ways():
    assert huikuan.parse_percent("20%") == 2000
    assert huikuan.parse_percent(" 16.5 %") == 1650
    assert huikuan.format_percent(1650) == "16.50%"
    assert huikuan.CeilingPolicy().ceiling == 2000
    assert huikuan.CeilingPolicy(ceiling=1500).effective_warning_line() == 1200


def test_simple_interest_and_expected_credit_loss_round_half_up():
    assert huikuan.simple_interest(1_000_000, 800, 10) == 2_192
    assert huikuan.simple_interest(1_000_000, 800, 10, "actual_360") == 2_222
    assert huikuan.expected_credit_loss(100_000, 0.0105) == 1_050
    assert huikuan.expected_credit_loss(50, 0.03) == 2


def test_a_provision_matrix_adds_up_and_adjusts_for_the_outlook():
    matrix = huikuan.ProvisionMatrix(huikuan.buckets_from_labels(["over 60", "current", "1-60"]), [0.01, 0.1, 0.5])
    assert matrix.buckets.upper_edges == [0, 60]
    result = huikuan.apply_provision_matrix(matrix, [100_000, 50_000, 10_000])
    assert result.expected_loss == [1_000, 5_000, 5_000] and result.total_expected_loss == 11_000
    worse = huikuan.adjust_for_forward_looking(matrix, 0.1)
    assert worse.loss_rates == pytest.approx([0.011, 0.11, 0.55])
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.provision\.2\]"):
        huikuan.adjust_for_forward_looking(matrix, 1.5)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.provision\.1\]"):
        huikuan.apply_provision_matrix(matrix, [1, 2])


def test_roll_rates_from_snapshots_built_in_python():
    snapshots = [huikuan.AgingSnapshot(datetime.date(2026, m, 28), [1_000, 500, 100]) for m in (1, 2, 3)]
    history = huikuan.AgingHistory(huikuan.BucketPolicy([0, 30]), snapshots)
    history.snapshots.append(huikuan.AgingSnapshot(datetime.date(2026, 4, 28), [1_000, 500, 200], left_oldest=0))
    analysis = huikuan.derive_loss_rates(history, terminal_loss_rate=0.5)
    assert analysis.pairs == 3
    assert analysis.roll_rates[0] == pytest.approx(0.5)
    assert analysis.matrix.loss_rates[-1] == pytest.approx(0.5)


# ------------------------------------------------------------------ bulk, in place


def generated_portfolio(rows: int = 20_000, customers: int = 3_000, seed: int = 7):
    rng = np.random.default_rng(seed)
    customer = rng.integers(0, customers, rows, dtype=np.uint32)
    open_amount = rng.integers(0, 5_000_000, rows, dtype=np.int64)
    open_orders = rng.integers(0, 2_000_000, customers, dtype=np.int64)
    credit_limits = rng.integers(1, 60_000_000, customers, dtype=np.int64)
    return customer, open_amount, open_orders, credit_limits


def test_the_bulk_scan_equals_a_numpy_bincount_reference():
    customer, open_amount, open_orders, credit_limits = generated_portfolio()
    scan = huikuan.scan_exposure(customer, open_amount, open_orders, credit_limits, 10**13)
    reference = np.bincount(customer, weights=open_amount, minlength=len(open_orders)).astype(np.int64) + open_orders
    assert scan.exposure.tolist() == reference.tolist()
    breach = reference > credit_limits
    warning = ~breach & (reference * 10_000 >= credit_limits * 9_000)
    expected_status = np.where(breach, 2, np.where(warning, 1, 0))
    assert scan.status.tolist() == expected_status.tolist()
    assert (scan.limit_breaches, scan.limit_warnings) == (int(breach.sum()), int(warning.sum()))
    assert scan.receivables == int(open_amount.sum()) and scan.open_orders == int(open_orders.sum())
    assert scan.ceiling.receivables == scan.receivables


def test_the_bulk_scan_writes_into_the_caller_s_arrays_without_a_copy():
    customer, open_amount, open_orders, credit_limits = generated_portfolio(rows=2_000, customers=100)
    exposure = np.full(100, -1, dtype=np.int64)
    status = np.full(100, 9, dtype=np.uint8)
    scan = huikuan.scan_exposure(customer, open_amount, open_orders, credit_limits, 10**13,
                                 exposure=exposure, status=status)
    assert scan.exposure is exposure and scan.status is status
    assert np.shares_memory(scan.exposure, exposure) and (exposure >= 0).all() and (status <= 2).all()


def test_the_bulk_scan_reads_its_input_columns_in_place():
    customer, open_amount, open_orders, credit_limits = generated_portfolio(rows=2_000_000, customers=1_000)
    tracemalloc.start()  # numpy reports its buffers: a copy of the 24 MB of rows would show
    try:
        scan = huikuan.scan_exposure(customer, open_amount, open_orders, credit_limits, 10**15)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000 < open_amount.nbytes
    assert scan.receivables == int(open_amount.sum())


def test_a_strided_or_float_input_is_refused_rather_than_copied():
    customer, open_amount, open_orders, credit_limits = generated_portfolio(rows=2_000, customers=100)
    doubled = np.repeat(open_amount, 2)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.python\.3\] open_amount: the array is not contiguous"):
        huikuan.scan_exposure(customer, doubled[::2], open_orders, credit_limits, 10**13)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.python\.1\] open_amount: dtype float64; expected int64"):
        huikuan.scan_exposure(customer, open_amount.astype(np.float64), open_orders, credit_limits, 10**13)


def test_the_book_s_columns_are_read_only_views_that_keep_it_alive(sample, position, orders):
    book = huikuan.build_exposure_book(sample.ledger, position, orders.orders, ASSETS)
    receivables = book.receivables
    assert np.shares_memory(receivables, book.receivables)
    assert not receivables.flags.writeable and receivables.dtype == np.int64
    total = book.total_receivables
    del book
    assert int(receivables.sum()) == total


def test_a_book_from_columns_matches_the_book_from_the_ledger(sample, position, book):
    columns = sample.ledger.invoice_columns()
    from_columns = huikuan.build_exposure_book_from_columns(
        columns["customer"], position.open_amount, columns["due_day"], book.open_orders, book.credit_limits,
        AS_OF, ASSETS, overdue_rule=book.overdue_rule)
    del columns
    assert from_columns.receivables.tolist() == book.receivables.tolist()
    assert from_columns.overdue.tolist() == book.overdue.tolist()
    assert from_columns.committed == book.committed
    assert huikuan.check_order(from_columns, 1, 2_000_000, AS_OF).verdict == huikuan.check_order(
        book, 1, 2_000_000, AS_OF).verdict
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.python\.9\] customer: a book built from columns"):
        huikuan.check_order(from_columns, "C0002", 2_000_000, AS_OF)


def test_an_order_table_s_views_pin_it_against_additions(small_ledger):
    table = huikuan.OrderTable()
    table.add_order(small_ledger, huikuan.SalesOrder("SO-1", "C1", datetime.date(2026, 3, 1), 80_000))
    amount = table.amount
    assert amount.tolist() == [80_000] and table.customer.tolist() == [0]
    assert table.closed_day.tolist() == [np.iinfo(np.int32).max]
    assert np.shares_memory(amount, table.amount) and not amount.flags.writeable
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.python\.7\] orders: numpy arrays view"):
        table.add_order(small_ledger, huikuan.SalesOrder("SO-2", "C2", datetime.date(2026, 3, 2), 1_000))
    del amount
    table.add_order(small_ledger, huikuan.SalesOrder("SO-2", "C2", datetime.date(2026, 3, 2), 1_000))
    assert len(table) == 2 and table.order_id(1) == "SO-2"


def test_an_open_order_counts_in_the_exposure_until_it_is_invoiced(small_ledger):
    table = huikuan.OrderTable()
    table.add_order(small_ledger, huikuan.SalesOrder("SO-1", "C1", datetime.date(2026, 3, 1), 80_000))
    table.add_order(small_ledger, huikuan.SalesOrder("SO-2", "C1", datetime.date(2026, 3, 1), 5_000, "invoiced",
                                                     datetime.date(2026, 3, 20)))
    as_of = datetime.date(2026, 3, 31)
    book = huikuan.build_exposure_book(small_ledger, huikuan.allocate(small_ledger, as_of), table, 100_000_000)
    assert book.open_orders.tolist() == [80_000, 0]
    assert book.exposure("C1") == book.receivables[0] + 80_000


def test_books_built_while_orders_are_added_see_the_table_between_two_additions(small_ledger):
    table = huikuan.OrderTable()
    position = huikuan.allocate(small_ledger, AS_OF)
    totals: list[int] = []

    def build() -> None:
        totals.append(huikuan.build_exposure_book(small_ledger, position, table, 10**12).total_open_orders)

    def add() -> None:
        for i in range(2000):
            table.add_order(small_ledger, huikuan.SalesOrder(f"SO-{i}", f"C{1 + i % 2}", datetime.date(2026, 3, 1), 1 + i))

    read_while_writing(build, add, readers=3)
    prefix_sums = set(np.cumsum([0] + [1 + i for i in range(2000)]).tolist())
    assert totals and set(totals) <= prefix_sums


# ------------------------------------------------------------------ errors


def test_bad_arrays_raise_their_ids_naming_the_argument():
    customer, open_amount, open_orders, credit_limits = generated_portfolio(rows=100, customers=10)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.python\.1\] customer: dtype int64; expected uint32"):
        huikuan.scan_exposure(customer.astype(np.int64), open_amount, open_orders, credit_limits, 10**13)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.python\.2\] open_amount: holds 99 values"):
        huikuan.scan_exposure(customer, open_amount[:99], open_orders, credit_limits, 10**13)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.python\.2\] credit_limits: holds 9 values"):
        huikuan.scan_exposure(customer, open_amount, open_orders, credit_limits[:9], 10**13)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.python\.3\] exposure: the array is read-only"):
        read_only = np.zeros(10, dtype=np.int64)
        read_only.flags.writeable = False
        huikuan.scan_exposure(customer, open_amount, open_orders, credit_limits, 10**13, exposure=read_only)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.python\.1\] status: dtype int64; expected uint8"):
        huikuan.scan_exposure(customer, open_amount, open_orders, credit_limits, 10**13, status=np.zeros(10, np.int64))
    bad_customer = customer.copy()
    bad_customer[5] = 10
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.exposure\.8\]"):
        huikuan.scan_exposure(bad_customer, open_amount, open_orders, credit_limits, 10**13)


def test_negative_amounts_orders_and_limits_are_refused():
    customer, open_amount, open_orders, credit_limits = generated_portfolio(rows=100, customers=10)
    for name in ("open_amount", "open_orders", "credit_limits"):
        arrays = {"open_amount": open_amount.copy(), "open_orders": open_orders.copy(),
                  "credit_limits": credit_limits.copy()}
        arrays[name][3] = -1
        with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.exposure\.4\]"):
            huikuan.scan_exposure(customer, arrays["open_amount"], arrays["open_orders"], arrays["credit_limits"],
                                  10**13)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.exposure\.4\]"):
        huikuan.measure_concentration(np.array([5, -1], dtype=np.int64))
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.exposure\.4\]"):
        huikuan.check_ceiling(-1, 100)


def test_bad_policy_values_raise_their_ids():
    with pytest.raises(ValueError, match=r"^\[huikuan\.exposure\.1\] .*outside \(0, 100%\]"):
        huikuan.ExposurePolicy(ceiling=huikuan.CeilingPolicy(ceiling=-1)).validate()
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.exposure\.1\] .*120\.00%"):
        huikuan.check_ceiling(1, 100, huikuan.CeilingPolicy(ceiling=12_000))
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.exposure\.1\]"):
        huikuan.CeilingPolicy(ceiling=0).validate()
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.exposure\.2\]"):
        huikuan.CeilingPolicy(ceiling=2_000, warning_line=2_001).validate()
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.exposure\.3\]"):
        huikuan.check_ceiling(1, 0)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.exposure\.5\]"):
        huikuan.ExposurePolicy(limit_warning_line=0).validate()
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.exposure\.6\]"):
        huikuan.ExposurePolicy(overdue=huikuan.OverdueRule(max_days_past_due=-1)).validate()
    policy = huikuan.ExposurePolicy()
    policy.group_overdue.append(huikuan.GroupOverdueRule("retail", huikuan.OverdueRule(30, 5_000_000)))
    policy.group_overdue.append(huikuan.GroupOverdueRule("retail"))
    assert policy.overdue_rule_index("retail") == 1 and policy.overdue_rule_at(1).max_days_past_due == 30
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.exposure\.6\]"):
        policy.validate()
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.exposure\.7\]"):
        huikuan.ExposurePolicy(max_customer_share=0).validate()
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.exposure\.7\]"):
        huikuan.ExposurePolicy(max_herfindahl=10_001).validate()
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.exposure\.8\]"):
        huikuan.ExposurePolicy().overdue_rule_at(1)


def test_policy_fields_edit_in_place():
    policy = huikuan.ExposurePolicy()
    policy.ceiling.ceiling = 1_500
    policy.max_top10_share = huikuan.parse_percent("50%")
    assert policy.ceiling.ceiling == 1_500 and policy.max_top10_share == 5_000
    policy.max_top10_share = None
    assert policy.max_top10_share is None and policy.overdue.max_days_past_due == 60


def test_floats_are_refused_as_money_and_as_basis_points():
    with pytest.raises(TypeError, match="money is an int of minor units"):
        huikuan.check_ceiling(200_000.0, 1_000_000)
    with pytest.raises(TypeError, match="basis points are an int count"):
        huikuan.CeilingPolicy(ceiling=0.2)


def test_order_checks_refuse_bad_amounts_dates_and_customers(book):
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.exposure\.9\]"):
        huikuan.check_order(book, "C0002", 0, AS_OF)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.exposure\.9\]"):
        huikuan.check_order(book, "C0002", -100, AS_OF)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.exposure\.10\]"):
        huikuan.check_order(book, "C0002", 100, AS_OF + datetime.timedelta(days=1))
    with pytest.raises(huikuan.NotFoundError) as unknown:
        huikuan.check_order(book, "C9999", 100, AS_OF)
    assert isinstance(unknown.value, KeyError)
    with pytest.raises(huikuan.NotFoundError, match=r"huikuan\.exposure\.11"):
        huikuan.check_order(book, book.customer_count, 100, AS_OF)
    with pytest.raises(huikuan.NotFoundError, match=r"huikuan\.exposure\.11"):
        huikuan.assess_customer(book, 10**6)
    with pytest.raises(huikuan.NotFoundError, match=r"\[huikuan\.exposure\.11\] customer index -1 is not in the book"):
        huikuan.assess_customer(book, -1)
    with pytest.raises(TypeError, match="customer: expected a customer id"):
        huikuan.check_order(book, 1.5, 100, AS_OF)


def test_a_customer_added_after_the_book_was_built_is_named_with_the_way_out(small_ledger):
    position = huikuan.allocate(small_ledger, AS_OF)
    book = huikuan.build_exposure_book(small_ledger, position, huikuan.OrderTable(), 10**12)
    small_ledger.add_customer("C3", "New Customer Ltd")
    with pytest.raises(huikuan.NotFoundError, match=r"^'?\[huikuan\.exposure\.11\] customer C3 was added to the ledger "
                                                    r"after the book was built \(the book has 2 customers\): build the "
                                                    r"book again"):
        huikuan.check_order(book, "C3", 100, AS_OF)
    rebuilt = huikuan.build_exposure_book(small_ledger, huikuan.allocate(small_ledger, AS_OF), huikuan.OrderTable(), 10**12)
    assert huikuan.check_order(rebuilt, "C3", 100, AS_OF).customer == 2


def test_bad_orders_and_a_position_of_another_ledger_are_refused(sample, position, small_ledger):
    table = huikuan.OrderTable()
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.orders\.4\]"):
        table.add_order(small_ledger, huikuan.SalesOrder("SO-1", "C1", datetime.date(2026, 3, 1), 0))
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.orders\.3\]"):
        table.add_order(small_ledger, huikuan.SalesOrder("SO-1", "C9", datetime.date(2026, 3, 1), 10))
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.orders\.5\]"):
        table.add_order(small_ledger, huikuan.SalesOrder("SO-1", "C1", datetime.date(2026, 3, 1), 10, "invoiced"))
    assert len(table) == 0
    other = huikuan.allocate(small_ledger, AS_OF)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.python\.8\] position"):
        huikuan.build_exposure_book(sample.ledger, other, table, ASSETS)
    loaded = huikuan.load_orders("order_id,customer_id,date,amount\nSO-1,C1,2026-03-01,10.00\nSO-2,C9,2026-03-01,5\n",
                                 small_ledger)
    assert len(loaded.orders) == 1 and [p.id for p in loaded.problems] == ["huikuan.orders.3"]
    assert loaded.summary.rows_left_out == 1


def test_bad_rates_and_percentages_raise_their_ids(sample):
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.cost\.1\]"):
        huikuan.simple_interest(100, -1, 10)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.cost\.3\]"):
        huikuan.carrying_cost(sample.ledger, AS_OF, datetime.date(2026, 10, 1), 435)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.percent\.1\]"):
        huikuan.parse_percent("0.2")
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.percent\.2\]"):
        huikuan.parse_percent("12.345%")


# ------------------------------------------------------------------ frames


def test_the_exposure_frame_shows_the_command_s_limit_breaches(sample, book):
    frame = huikuan.frames.exposure_frame(book, sample.ledger)
    breaches = frame[frame["limit_verdict"] == "block"]
    assert len(breaches) == 32 and len(frame[frame["limit_verdict"] == "warn"]) == 8
    assert breaches.loc["C0004", "exposure"] == 11_151_615 and breaches.loc["C0004", "headroom"] == -5_151_615
    assert frame.loc["C0003", "oldest_days_past_due"] == 458
    assert int(frame["receivables"].sum()) == book.total_receivables


def test_the_release_and_provision_frames_hold_the_results(book):
    release = huikuan.check_order(book, "C0002", 2_000_000, AS_OF)
    rules = huikuan.frames.release_frame(release)
    assert list(rules.index) == [r.rule.name for r in release.rules]
    assert rules.loc["credit_limit", "projected"] == release.rules[0].projected
    matrix = huikuan.ProvisionMatrix(huikuan.BucketPolicy([0, 30]), [0.01, 0.1, 0.5])
    table = huikuan.frames.provision_frame(huikuan.apply_provision_matrix(matrix, [100_000, 50_000, 10_000]))
    assert list(table.index) == ["current", "1-30", "over 30"]
    assert table["expected_loss"].tolist() == [1_000, 5_000, 5_000]
