"""The collections engine from Python: the priority kernel and top-k, the
worklist, promises, targets and the day's plan, checked against the
`huikuan worklist | promises | targets` outputs on the sample and against
numpy references on generated data."""

from __future__ import annotations

import datetime
import re

import numpy as np
import pytest

import huikuan
from conftest import AS_OF, SAMPLE
from expected_output import amounts, minor_units, path, table_rows

WORKLIST_ROW = re.compile(r"^\s*(\d+)\s+(C\d+)\s.*?\s(\d+\.\d)\s+(\d+(?:\+\d+){4})\s")
ACTION_AND_NEXT = re.compile(r"\s(\d+\.\d{2})\s+([a-z][a-z ]*?)\s+(\d{4}-\d{2}-\d{2})\s")


def read(name: str) -> str:
    return (SAMPLE / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def promises(sample):
    loaded = huikuan.load_promises(read("promises.csv"), sample.ledger)
    assert not loaded.problems
    return loaded.promises


@pytest.fixture(scope="module")
def promise_report(sample, promises):
    return huikuan.evaluate_promises(sample.ledger, promises, AS_OF)


@pytest.fixture(scope="module")
def worklist_inputs(sample, position, promise_report):
    """What `huikuan worklist` feeds the worklist: disputes, contacts,
    holidays, and the 5C PD and grade with the promises' kept ratios."""
    book = sample.ledger
    disputes = huikuan.load_disputes(read("disputes.csv"), book)
    contacts = huikuan.load_contacts(read("contacts.csv"), book, AS_OF)
    holidays = huikuan.load_holidays(read("holidays.csv"))
    assert not disputes.problems and not contacts.problems and not holidays.problems
    card = huikuan.Scorecard.standard()
    financials = huikuan.load_financials(read("financials.csv"), book, card)
    review = huikuan.review_credit(book, AS_OF, financials.table, reasons=0,
                                   promises_kept_ratio=promise_report.kept_ratios())
    pd = np.full(book.customer_count, np.nan)
    pd[review.customer] = review.pd
    grade = [""] * book.customer_count
    for customer, g in zip(review.customer, review.grade):
        grade[customer] = card.grades.labels[g]
    return dict(pd=pd, grade=grade, last_contact=contacts.last_contact,
                disputed=huikuan.disputed_invoices(book, disputes.disputes, AS_OF),
                promises=promise_report, calendar=holidays.calendar())


@pytest.fixture(scope="module")
def full_worklist(sample, position, worklist_inputs):
    return huikuan.build_worklist(sample.ledger, position, **worklist_inputs)


def test_the_worklist_equals_the_worklist_command_output(sample, position, worklist_inputs, full_worklist):
    top = huikuan.build_worklist(sample.ledger, position, top=25, **worklist_inputs)
    rows = [line for line in table_rows("worklist.txt") if WORKLIST_ROW.match(line)]
    assert len(rows) == len(top) == 25
    assert top.debtors == full_worklist.debtors == len(full_worklist) == 136
    summary = path("worklist.txt").read_text(encoding="utf-8")
    assert f"overdue {top.overdue_total / 100:,.2f}, disputed {top.disputed_total / 100:,.2f}" in summary
    for line, row in zip(rows, top.rows):
        rank, customer_id, priority, points = WORKLIST_ROW.match(line).groups()
        assert sample.ledger.customer(row.customer).customer_id == customer_id
        assert f"{row.priority:.1f}" == priority
        assert "+".join(f"{c:.0f}" for c in row.contributions) == points
        figures = amounts(line)[: len(top.bucket_labels) + 2]
        r = int(rank) - 1
        assert figures == [*top.buckets[r].tolist(), row.overdue, row.disputed]
        _, action, next_contact = ACTION_AND_NEXT.search(line).groups()
        assert huikuan.action_text(row.action) == action
        assert row.next_contact.isoformat() == next_contact
        assert sum(row.contributions) == pytest.approx(row.priority, abs=1e-9)
    # the top of the full ranking is the top-25 list
    assert [r.customer for r in full_worklist.rows[:25]] == [r.customer for r in top.rows]


def test_the_day_s_plan_equals_the_command_and_beats_both_baselines(full_worklist):
    team = [huikuan.Collector("collector 1", 480), huikuan.Collector("collector 2", 480)]
    plan = huikuan.plan_day(full_worklist, team)
    text = path("worklist.txt").read_text(encoding="utf-8")
    assert f"expected cash {plan.expected_cash / 100:,.2f} (minutes used: {plan.minutes_used[0]} of 480, " \
           f"{plan.minutes_used[1]} of 480)" in text
    assert all(used <= 480 for used in plan.minutes_used)
    for k in range(len(team)):
        assert sum(c.minutes for c in plan.contacts if c.collector == k) == plan.minutes_used[k]
    assert sum(c.expected for c in plan.contacts) == plan.expected_cash
    rows = full_worklist.rows
    largest = np.array(sorted(range(len(rows)), key=lambda i: -rows[i].overdue), np.uint32)
    oldest = np.array(sorted(range(len(rows)), key=lambda i: -rows[i].days_past_due), np.uint32)
    largest_first = huikuan.plan_in_order(full_worklist, team, largest).expected_cash
    oldest_first = huikuan.plan_in_order(full_worklist, team, oldest).expected_cash
    assert f"largest balance first: {largest_first / 100:,.2f}; oldest first: {oldest_first / 100:,.2f}" in text
    assert plan.expected_cash > largest_first and plan.expected_cash > oldest_first


def test_promises_equal_the_promises_command_output(sample, promises, promise_report):
    rows = [line for line in table_rows("promises.txt") if line.startswith("PTP-")]
    assert len(rows) == len(promises) == len(promise_report.promises)
    for line, i in zip(rows, range(len(promises))):
        promise, result = promises[i], promise_report.promises[i]
        assert line.split()[0] == promise.promise_id and line.split()[1] == promise.customer_id
        assert amounts(line)[:3] == [result.promised, result.paid_by_deadline, result.paid_late]
        assert result.status.name.replace("_", " ") in line
        assert result.promised == result.paid_by_deadline + result.paid_late + result.next_amount or \
            result.status != huikuan.PromiseStatus.pending
    kept = promise_report.kept_ratios()
    assert kept.dtype == np.float64 and len(kept) == sample.ledger.customer_count
    for customer, summary in enumerate(promise_report.customers):
        assert (np.isnan(kept[customer]) and np.isnan(summary.kept_ratio)) or kept[customer] == summary.kept_ratio


def test_a_promise_is_kept_broken_or_partially_kept_against_payments(small_ledger):
    promises = huikuan.PromiseList(small_ledger)
    promises.add(huikuan.PromiseToPay("P1", "C1", datetime.date(2026, 2, 1),
                                      [huikuan.PromiseInstalment(datetime.date(2026, 2, 8), 600_000),
                                       huikuan.PromiseInstalment(datetime.date(2026, 3, 8), 600_000)],
                                      tolerance_days=3))
    report = huikuan.evaluate_promises(small_ledger, promises, datetime.date(2026, 3, 31))
    # PAY-1 (1,000,000 on 2026-02-10, inside the first instalment's grace) keeps the first and pays 400,000 of
    # the second by its deadline.
    first, second = report.instalments
    assert (first.paid_by_deadline, first.status) == (600_000, huikuan.PromiseStatus.kept)
    assert (second.paid_by_deadline, second.status) == (400_000, huikuan.PromiseStatus.partially_kept)
    assert report.promises[0].status == huikuan.PromiseStatus.partially_kept
    assert report.customers[0].kept_ratio == pytest.approx(1_000_000 / 1_200_000)
    assert np.isnan(report.kept_ratios()[1])
    pending = huikuan.evaluate_promises(small_ledger, promises, datetime.date(2026, 2, 9))
    assert pending.promises[0].status == huikuan.PromiseStatus.pending


@pytest.mark.parametrize("promise, error_id, field", [
    (huikuan.PromiseToPay("", "C1", datetime.date(2026, 1, 1), [huikuan.PromiseInstalment(datetime.date(2026, 2, 1), 1)]),
     "huikuan.promise.1", "promise_id"),
    (huikuan.PromiseToPay("P", "C9", datetime.date(2026, 1, 1), [huikuan.PromiseInstalment(datetime.date(2026, 2, 1), 1)]),
     "huikuan.promise.2", "customer_id"),
    (huikuan.PromiseToPay("P", "C1", datetime.date(2026, 1, 1), []), "huikuan.promise.3", "due_date"),
    (huikuan.PromiseToPay("P", "C1", datetime.date(2026, 1, 1),
                          [huikuan.PromiseInstalment(datetime.date(2026, 2, 1), 1),
                           huikuan.PromiseInstalment(datetime.date(2026, 2, 1), 1)]), "huikuan.promise.4", "due_date"),
    (huikuan.PromiseToPay("P", "C1", datetime.date(2026, 1, 1), [huikuan.PromiseInstalment(datetime.date(2026, 2, 1), 0)]),
     "huikuan.promise.5", "amount"),
    (huikuan.PromiseToPay("P", "C1", datetime.date(2026, 1, 1), [huikuan.PromiseInstalment(datetime.date(2026, 2, 1), 1)],
                          tolerance_days=-1), "huikuan.promise.6", "tolerance_days"),
    (huikuan.PromiseToPay("P", "C1", datetime.date(2026, 3, 1), [huikuan.PromiseInstalment(datetime.date(2026, 2, 1), 1)]),
     "huikuan.promise.7", "due_date"),
])
def test_a_bad_promise_is_a_value_error_naming_its_field(small_ledger, promise, error_id, field):
    promises = huikuan.PromiseList(small_ledger)
    with pytest.raises(ValueError, match=re.escape(f"[{error_id}]")) as caught:
        promises.add(promise)
    assert caught.value.id == error_id and caught.value.field == field
    assert len(promises) == 0


def test_a_promise_file_row_with_a_problem_is_reported_with_its_line(small_ledger):
    text = ("promise_id,customer_id,promised_on,due_date,amount\n"
            "P1,C1,2026-01-02,2026-01-10,100.00\n"
            "P2,NOBODY,2026-01-02,2026-01-10,100.00\n"
            "P3,C1,2026-01-02,2026-01-09,50.00\n"
            "P3,C1,2026-01-02,2026-01-08,50.00\n")
    loaded = huikuan.load_promises(text, small_ledger)
    assert len(loaded.promises) == 1 and loaded.promises[0].promise_id == "P1"
    assert [p.line for p in loaded.problems] == [3, 4, 5]
    assert loaded.problems[0].id == "huikuan.promise.2"
    assert loaded.summary.rows_read == 4 and loaded.summary.rows_left_out == 3
    assert loaded.summary.amount_left_out == 20_000


def test_targets_equal_the_targets_command_output(sample):
    loaded = huikuan.load_targets(read("targets.csv"), sample.ledger)
    assert not loaded.problems
    report = huikuan.track_targets(sample.ledger, loaded.targets, AS_OF)
    rows = [line for line in table_rows("targets.txt") if re.match(r"^C\d+\s", line)]
    assert len(rows) == len(report.targets) == 32
    for line, t in zip(rows, report.targets):
        assert line.split()[0] == sample.ledger.customer(t.customer).customer_id
        assert amounts(line)[:7] == [t.target, t.commitment, t.gap, t.measures_expected, t.remaining_gap,
                                     t.collected, t.to_target]
        assert t.needs_follow_up == line.rstrip().endswith("yes")
        assert t.gap == max(0, t.target - t.commitment)
        assert t.remaining_gap == max(0, t.gap - t.measures_expected)
    text = path("targets.txt").read_text(encoding="utf-8")
    portfolio = next(line for line in text.splitlines() if line.startswith("portfolio"))
    p = report.portfolio
    assert amounts(portfolio) == [p.target, p.commitment, p.measures_expected, p.collected]
    assert p.needing_follow_up == 13 == sum(r.needing_follow_up for r in report.by_sales_rep)
    assert sum(r.collected for r in report.by_sales_rep) == p.collected


def test_a_target_s_gap_and_phases_follow_the_domain_example(small_ledger):
    # DOMAIN: target 200,000, commitment 100,000 -> gap 100,000; measures 15,000 + 30,000 -> 55,000 left.
    target = huikuan.CollectionTarget(
        "C1", datetime.date(2026, 2, 1), datetime.date(2026, 2, 28), 20_000_000, 10_000_000,
        [huikuan.CollectionMeasure("ask for 20 to land 15", 1_500_000, 2_000_000),
         huikuan.CollectionMeasure("supervisor visit", 3_000_000)],
        [huikuan.TargetPhase(datetime.date(2026, 2, 9), 500_000), huikuan.TargetPhase(datetime.date(2026, 2, 20), 1_000_000)])
    assert huikuan.validate_target(target, small_ledger) == 0
    report = huikuan.track_targets(small_ledger, [target], datetime.date(2026, 2, 15))
    t = report.targets[0]
    assert (t.gap, t.measures_expected, t.remaining_gap) == (10_000_000, 4_500_000, 5_500_000)
    assert t.collected == 1_000_000  # PAY-1 on 2026-02-10
    first, second = t.phases
    assert first.status == huikuan.PhaseStatus.short_of_plan and first.shortfall == 500_000
    assert second.status == huikuan.PhaseStatus.upcoming
    assert t.needs_follow_up
    target.measures = [huikuan.CollectionMeasure("too much", 2, 1)]
    with pytest.raises(ValueError, match=re.escape("[huikuan.target.4]")):
        huikuan.validate_target(target, small_ledger)


def generated_factors(n: int, seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return dict(
        days_past_due=rng.integers(-30, 900, n, dtype=np.int32),
        amount_at_risk=rng.integers(0, 10**10, n, dtype=np.int64),
        broken_promises=rng.integers(0, 6, n, dtype=np.int32),
        promise_falling_due=np.where(rng.random(n) < 0.1, rng.integers(1, 10**7, n), 0).astype(np.int64),
        over_limit=np.where(rng.random(n) < 0.2, rng.integers(1, 10**8, n), 0).astype(np.int64),
    )


def test_bulk_priority_equals_the_contributions_and_a_numpy_reference():
    factors = generated_factors(5000, 7)
    weights = huikuan.PriorityWeights()
    scores = huikuan.priority_scores(**factors)
    for i in range(0, 5000, 97):
        row = huikuan.priority_contributions(weights, *(int(factors[k][i]) for k in factors))
        assert sum(row) == scores[i]
    dpd = np.clip(factors["days_past_due"], 0, 360).astype(np.float64)
    risk = 20 * np.log10(1 + factors["amount_at_risk"] / 100)
    reference = (dpd + risk + 40 * np.minimum(factors["broken_promises"], 3) + 60 * (factors["promise_falling_due"] > 0)
                 + 30 * (factors["over_limit"] > 0))
    np.testing.assert_allclose(scores, reference, rtol=1e-12, atol=1e-9)


def test_priority_scores_write_into_the_caller_s_array_without_a_copy():
    factors = generated_factors(1000, 8)
    out = np.empty(1000)
    result = huikuan.priority_scores(**factors, out=out)
    assert np.shares_memory(result, out)
    with pytest.raises(ValueError, match=re.escape("[huikuan.python.1] amount_at_risk")):
        huikuan.priority_scores(**{**factors, "amount_at_risk": factors["amount_at_risk"].astype(np.float64)})
    with pytest.raises(ValueError, match=re.escape("[huikuan.python.2] over_limit")):
        huikuan.priority_scores(**{**factors, "over_limit": factors["over_limit"][:-1]})
    with pytest.raises(ValueError, match=re.escape("[huikuan.python.3] days_past_due")):
        huikuan.priority_scores(**{**factors, "days_past_due": np.zeros(2000, np.int32)[::2]})
    weights = huikuan.PriorityWeights()
    weights.points_per_day_past_due = -1
    with pytest.raises(ValueError, match=re.escape("[huikuan.priority.1]")):
        huikuan.priority_scores(**factors, weights=weights)


def test_top_k_equals_a_stable_sort_and_ties_rank_the_lower_index_first():
    rng = np.random.default_rng(11)
    scores = rng.integers(0, 500, 20_000).astype(np.float64)  # many ties
    top = huikuan.rank_top_k(scores, 1000)
    assert top.dtype == np.uint32
    expected = np.lexsort((np.arange(len(scores)), -scores))[:1000]
    np.testing.assert_array_equal(top, expected)
    assert len(huikuan.rank_top_k(scores[:10], 1000)) == 10
    assert len(huikuan.rank_top_k(np.empty(0), 5)) == 0
    scores[123] = np.nan
    with pytest.raises(ValueError, match=re.escape("[huikuan.priority.3]")) as caught:
        huikuan.rank_top_k(scores, 10)
    assert "123" in str(caught.value)


def test_the_business_calendar_skips_weekends_holidays_and_works_make_up_days():
    loaded = huikuan.load_holidays("date,kind,name\n2026-10-01,holiday,National Day\n2026-10-02,holiday,\n"
                                   "2026-10-10,workday,make-up\nnot a date,holiday,\n")
    assert [p.line for p in loaded.problems] == [5]
    calendar = loaded.calendar()
    assert calendar.add_business_days(datetime.date(2026, 9, 30), 1) == datetime.date(2026, 10, 5)
    assert calendar.is_business_day(datetime.date(2026, 10, 10))  # a Saturday that is worked
    assert not calendar.is_business_day(datetime.date(2026, 10, 11))
    assert calendar.before(datetime.date(2026, 10, 5)) == datetime.date(2026, 9, 30)
    with pytest.raises(ValueError, match=re.escape("[huikuan.calendar.2]")):
        calendar.add_business_days(datetime.date(2026, 9, 30), -1)
    with pytest.raises(ValueError, match=re.escape("[huikuan.calendar.1]")):
        huikuan.BusinessCalendar(weekend_mask=0x7F)


def test_contact_costs_reject_probabilities_outside_0_1_and_negative_minutes(full_worklist):
    costs = huikuan.ContactCosts.from_seeds()
    visit = costs.of(huikuan.CollectionAction.scheduled_visit, True)
    assert (visit.minutes, visit.success_probability) == (10, 0.94)
    costs.set("phone", True, huikuan.ActionProfile(5, 1.5))
    with pytest.raises(ValueError, match=re.escape("[huikuan.plan.2]")):
        costs.validate()
    with pytest.raises(ValueError, match=re.escape("[huikuan.plan.2]")):
        huikuan.plan_day(full_worklist, [huikuan.Collector("a", 60)], costs)
    with pytest.raises(ValueError, match=re.escape("[huikuan.plan.1]")):
        huikuan.plan_day(full_worklist, [huikuan.Collector("a", -1)])
    with pytest.raises(ValueError, match=re.escape("[huikuan.python.2] repeat_customer")):
        costs.repeat_customer = [huikuan.ActionProfile(1, 0.5)]


def test_worklist_context_columns_of_the_wrong_length_are_refused(sample, position):
    with pytest.raises(ValueError, match=re.escape("[huikuan.worklist.2]")):
        huikuan.build_worklist(sample.ledger, position, pd=np.zeros(3))
    with pytest.raises(ValueError, match=re.escape("[huikuan.python.1] pd")):
        huikuan.build_worklist(sample.ledger, position, pd=np.zeros(sample.ledger.customer_count, np.float32))
    other = huikuan.allocate(huikuan.Ledger(), AS_OF)
    with pytest.raises(ValueError, match=re.escape("[huikuan.python.8]")):
        huikuan.build_worklist(sample.ledger, other)


def test_a_dispute_routes_the_customer_to_resolve_dispute(small_ledger):
    position = huikuan.allocate(small_ledger, datetime.date(2026, 6, 30))
    disputed = huikuan.disputed_invoices(small_ledger, [huikuan.InvoiceDispute("INV-3", datetime.date(2026, 4, 1))],
                                         datetime.date(2026, 6, 30))
    assert disputed.tolist() == [0, 0, 1]
    plain = huikuan.build_worklist(small_ledger, position)
    routed = huikuan.build_worklist(small_ledger, position, disputed=disputed.astype(bool))
    c2 = [r for r in routed.rows if r.customer == 1][0]
    assert c2.action == huikuan.CollectionAction.resolve_dispute
    assert (c2.overdue, c2.disputed) == (0, 90_000)
    assert routed.disputed_total == 90_000
    assert routed.overdue_total == plain.overdue_total - 90_000
    with pytest.raises(ValueError, match=re.escape("[huikuan.dispute.1]")):
        huikuan.disputed_invoices(small_ledger, [huikuan.InvoiceDispute("NOPE", datetime.date(2026, 4, 1))],
                                  datetime.date(2026, 6, 30))


def test_the_frames_of_worklist_plan_promises_and_targets_carry_the_same_figures(sample, full_worklist, promises,
                                                                                promise_report):
    import huikuan.frames as hf

    frame = hf.worklist_frame(full_worklist, sample.ledger)
    assert len(frame) == len(full_worklist) and frame.index[0] == 1
    assert frame["overdue"].sum() == full_worklist.overdue_total
    assert frame["disputed"].sum() == full_worklist.disputed_total
    points = frame[[c for c in frame.columns if c.startswith("points_")]].sum(axis=1)
    np.testing.assert_allclose(points, frame["priority"], atol=1e-9)
    assert (frame[full_worklist.bucket_labels].sum(axis=1) >= frame["overdue"]).all()

    team = [huikuan.Collector("A", 240)]
    plan = huikuan.plan_day(full_worklist, team)
    plan_table = hf.plan_frame(plan, full_worklist, sample.ledger, team)
    assert plan_table["expected"].sum() == plan.expected_cash
    assert plan_table["minutes"].sum() == plan.minutes_used[0] <= 240

    table = hf.promises_frame(promise_report, promises)
    assert list(table.index) == [promises[i].promise_id for i in range(len(promises))]
    assert table["promised"].sum() == sum(r.promised for r in promise_report.promises)

    targets = huikuan.track_targets(sample.ledger, huikuan.load_targets(read("targets.csv"), sample.ledger).targets, AS_OF)
    target_table = hf.targets_frame(targets, sample.ledger)
    assert target_table["collected"].sum() == targets.portfolio.collected
    assert target_table["needs_follow_up"].sum() == targets.portfolio.needing_follow_up
