"""Bad arrays never crash the process: wrong dtypes, non-contiguous or
misaligned buffers, wrong shapes, empty arrays, NaN and NaT all raise
InputError (a ValueError) with a stable id, naming the argument where the
bindings check it (issue 8). What an empty input means is documented per
function: an error where nothing can be computed, an empty result where it
can (aging or scoring no rows)."""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd
import pytest

import huikuan
from scoring_data import indicator_values

AS_OF = datetime.date(2026, 3, 31)
MODEL = huikuan.ScoringModel(huikuan.Scorecard.standard())
VALUES = indicator_values(MODEL.card, 64)
N = 8
GROUP = np.zeros(N, np.uint32)
DAYS = np.arange(N, dtype=np.int32) + 20_000
AMOUNTS = np.full(N, 100, np.int64)
SCORES = np.linspace(0.1, 0.9, N)
LABELS = np.array([0, 1] * (N // 2), np.uint8)
CUTS = np.array([0.3, 0.6])


def unaligned(dtype, n: int) -> np.ndarray:
    buffer = np.zeros(n * np.dtype(dtype).itemsize + 1, np.uint8)
    return np.frombuffer(buffer.data, dtype=dtype, count=n, offset=1)


def aging(group=GROUP, issue=DAYS, due=DAYS, amount=AMOUNTS, **kw):
    return huikuan.age_into_buckets(group, issue, due, amount, AS_OF, **kw)


# (call, stable id, argument named in the message or None)
CASES = {
    # wrong dtypes
    "float group": (lambda: aging(group=GROUP.astype(np.float64)), "huikuan.python.1", "group"),
    "float money": (lambda: aging(amount=AMOUNTS.astype(np.float64)), "huikuan.python.1", "open_amount"),
    "bool money": (lambda: aging(amount=np.ones(N, bool)), "huikuan.python.1", "open_amount"),
    "big-endian money": (lambda: aging(amount=AMOUNTS.astype(">i8")), "huikuan.python.1", "open_amount"),
    "object money": (lambda: aging(amount=AMOUNTS.astype(object)), "huikuan.python.1", "open_amount"),
    "float days": (lambda: aging(issue=DAYS.astype(np.float64)), "huikuan.python.1", "issue_day"),
    "nanosecond dates": (lambda: aging(due=DAYS.astype("datetime64[D]").astype("datetime64[ns]")), "huikuan.python.1", "due_day"),
    "float32 indicators": (lambda: MODEL.score(VALUES.astype(np.float32)), "huikuan.python.1", "values"),
    "int indicators": (lambda: MODEL.score(np.ones((64, 17), np.int64, order="F")), "huikuan.python.1", "values"),
    "float labels": (lambda: huikuan.roc_auc(SCORES, LABELS.astype(np.float32)), "huikuan.python.1", "labels"),
    "text labels": (lambda: huikuan.fit_logistic(np.ones((N, 1)), LABELS.astype(str)), "huikuan.python.1", "labels"),
    "int scores": (lambda: huikuan.roc_auc(np.arange(N), LABELS), "huikuan.python.1", "scores"),
    "float amounts summed": (lambda: huikuan.sum_minor_units([1.5, 2.5]), "huikuan.python.1", "amounts"),
    "text to_minor_units": (lambda: huikuan.to_minor_units(np.array(["1.5"])), "huikuan.python.1", "values"),
    "float32 output": (lambda: MODEL.score_into(VALUES, total=np.empty(64, np.float32)), "huikuan.python.1", "total"),
    "float logistic labels 0.5": (lambda: huikuan.fit_logistic(np.ones((N, 1)) * SCORES[:, None], np.full(N, 0.5)), "huikuan.fit.3", None),
    # non-contiguous and misaligned buffers
    "strided group": (lambda: aging(group=np.zeros(2 * N, np.uint32)[::2]), "huikuan.python.3", "group"),
    "strided money": (lambda: aging(amount=np.full(2 * N, 1, np.int64)[::2]), "huikuan.python.3", "open_amount"),
    "strided dates": (lambda: aging(due=np.arange(2 * N, dtype=np.int32)[::2]), "huikuan.python.3", "due_day"),
    "row-major matrix": (lambda: MODEL.score(np.ascontiguousarray(VALUES)), "huikuan.python.3", "values"),
    "strided column": (lambda: MODEL.score([np.ascontiguousarray(VALUES)[:, j] for j in range(17)]), "huikuan.python.3", "values[0]"),
    "strided scores": (lambda: huikuan.roc_auc(np.linspace(0, 1, 2 * N)[::2], LABELS), "huikuan.python.3", "scores"),
    "strided logistic x": (lambda: huikuan.fit_logistic(np.ones((2 * N, 2))[::2], LABELS), "huikuan.python.3", "x"),
    "strided output": (lambda: MODEL.score_into(VALUES, pd=np.empty(128)[::2]), "huikuan.python.3", "pd"),
    "row-major c_scores": (lambda: MODEL.score_into(VALUES, c_scores=np.empty((64, 5))), "huikuan.python.3", "c_scores"),
    "read-only output": (lambda: MODEL.score_into(VALUES, total=np.broadcast_to(np.empty(1), (64,))), "huikuan.python.3", "total"),
    "misaligned money": (lambda: aging(amount=unaligned(np.int64, N)), "huikuan.python.3", "open_amount"),
    "misaligned scores": (lambda: huikuan.roc_auc(unaligned(np.float64, N), LABELS), "huikuan.python.3", "scores"),
    # wrong shapes and lengths
    "2-D money": (lambda: aging(amount=AMOUNTS.reshape(2, -1), group=GROUP), "huikuan.python.2", "open_amount"),
    "0-d money": (lambda: aging(amount=np.int64(5)), "huikuan.python.2", "open_amount"),
    "short dates": (lambda: aging(due=DAYS[:-1]), "huikuan.python.2", "due_day"),
    "1-D indicators": (lambda: MODEL.score(VALUES[:, 0]), "huikuan.python.2", "values"),
    "too few indicators": (lambda: MODEL.score(np.asfortranarray(VALUES[:, :5])), "huikuan.python.2", "values"),
    "too few columns": (lambda: MODEL.score([VALUES[:, 0]]), "huikuan.python.2", "values"),
    "ragged columns": (lambda: MODEL.score([VALUES[:, j] for j in range(16)] + [VALUES[:3, 16]]), "huikuan.python.2", "values[16]"),
    "short output": (lambda: MODEL.score_into(VALUES, grade=np.empty(63, np.uint8)), "huikuan.python.2", "grade"),
    "wrong out shape": (lambda: aging(out=np.zeros((2, 6), np.int64)), "huikuan.python.2", "out"),
    "assess wrong length": (lambda: MODEL.assess([1.0, 2.0]), "huikuan.python.2", "values"),
    "labels of another length": (lambda: huikuan.roc_auc(SCORES, LABELS[:-1]), "huikuan.python.2", "labels"),
    "countback lengths": (lambda: huikuan.days_sales_outstanding_countback(10, np.array([5, 5]), np.array([30], np.int32)), "huikuan.kpi.5", None),
    # empty arrays where nothing can be computed
    "empty auc": (lambda: huikuan.roc_auc(np.array([]), np.array([], np.uint8)), "huikuan.diagnostics.4", None),
    "empty psi sample": (lambda: huikuan.population_stability_index_of_scores(np.array([]), SCORES, CUTS), "huikuan.diagnostics.6", None),
    "empty psi bins": (lambda: huikuan.population_stability_index(np.array([]), np.array([])), "huikuan.diagnostics.6", None),
    "empty woe": (lambda: huikuan.weight_of_evidence_from_counts(np.array([], np.int64), np.array([], np.int64)), "huikuan.diagnostics.6", None),
    "empty fit": (lambda: huikuan.fit_logistic(np.empty((0, 2), order="F"), np.array([], np.uint8)), "huikuan.fit.5", None),
    "empty countback": (lambda: huikuan.days_sales_outstanding_countback(10, np.array([], np.int64), np.array([], np.int32)), "huikuan.kpi.4", None),
    "empty assess": (lambda: MODEL.assess([]), "huikuan.python.2", "values"),
    # NaN, infinity and NaT
    "NaN to_minor_units": (lambda: huikuan.to_minor_units(np.array([1.0, np.nan])), "huikuan.python.5", "values"),
    "inf to_minor_units": (lambda: huikuan.to_minor_units(np.array([np.inf])), "huikuan.python.5", "values"),
    "NaN score": (lambda: huikuan.roc_auc(np.where(LABELS == 1, np.nan, SCORES), LABELS), "huikuan.diagnostics.2", None),
    "NaN psi score": (lambda: huikuan.population_stability_index_of_scores(SCORES, np.array([np.nan]), CUTS), "huikuan.diagnostics.2", None),
    "NaN psi weight": (lambda: huikuan.population_stability_index(np.array([1.0, np.nan]), np.array([1.0, 1.0])), "huikuan.diagnostics.6", None),
    "NaN bin value": (lambda: huikuan.bin_index(np.array([0.1, np.nan]), CUTS), "huikuan.python.5", "values"),
    "NaN cut point": (lambda: huikuan.bin_index(SCORES, np.array([np.nan])), "huikuan.diagnostics.5", "cut_points"),
    "NaN logistic x": (lambda: huikuan.fit_logistic(np.where(np.eye(N, 2, dtype=bool), np.nan, 1.0), LABELS), "huikuan.fit.2", None),
    "NaN tolerance": (lambda: huikuan.fit_logistic(np.ones((N, 1)), LABELS, tolerance=float("nan")), "huikuan.fit.6", None),
    "NaN adjustment": (lambda: huikuan.weight_of_evidence(SCORES, LABELS, CUTS, zero_cell_adjustment=float("nan")), "huikuan.diagnostics.8", None),
    "NaN DSO": (lambda: huikuan.average_days_delinquent(float("nan"), 1.0), "huikuan.kpi.7", None),
    "NaN haircut": (lambda: huikuan.collateral_after_haircut(100, float("nan")), "huikuan.limit.3", None),
    "infinite indicator": (lambda: MODEL.score(np.asfortranarray(np.where(np.arange(64)[:, None] == 3, np.inf, VALUES))), "huikuan.score.1", None),
    "NaT date column": (lambda: aging(issue=np.array(["NaT"] * N, "datetime64[D]")), "huikuan.python.5", "issue_day"),
    "NaT date": (lambda: huikuan.allocate(huikuan.Ledger(), np.datetime64("NaT")), "huikuan.python.5", None),
    "pandas NaT date": (lambda: huikuan.allocate(huikuan.Ledger(), pd.NaT), "huikuan.python.5", None),
    "date beyond 9999": (lambda: aging(issue=np.full(N, np.datetime64("10000-01-01"))), "huikuan.python.6", "issue_day"),
    # values out of range
    "group out of range": (lambda: aging(groups=1, group=np.full(N, 3, np.uint32)), "huikuan.aging.3", None),
    "no threads": (lambda: MODEL.score(VALUES, threads=0), "huikuan.python.9", "threads"),
    "unknown enum name": (lambda: huikuan.AgingBasis("days_overdue"), "huikuan.python.9", "AgingBasis"),
    "label 2": (lambda: huikuan.roc_auc(SCORES, np.full(N, 2)), "huikuan.python.6", "labels"),
    "bad decimals": (lambda: huikuan.to_minor_units(np.array([1.0]), 9), "huikuan.money.6", "decimals"),
    "reject missing": (lambda: huikuan.ScoringModel(_rejecting_card()).score(VALUES), "huikuan.score.3", None),
}


def _rejecting_card() -> huikuan.Scorecard:
    card = huikuan.Scorecard.standard()
    for indicator in card.indicators:
        indicator.when_missing = huikuan.MissingTreatment.reject
    return card


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_raises_a_value_error_with_a_stable_id(case):
    call, error_id, argument = CASES[case]
    with pytest.raises(ValueError) as caught:
        call()
    error = caught.value
    assert isinstance(error, huikuan.InputError)
    assert error.id == error_id, str(error)
    assert str(error).startswith(f"[{error_id}] ")
    if argument is not None:
        assert error.field == argument
        assert f"] {argument}: " in str(error)


def test_empty_inputs_with_a_meaning_give_empty_results():
    empty_days = np.array([], np.int32)
    buckets = huikuan.age_into_buckets(np.array([], np.uint32), empty_days, empty_days, np.array([], np.int64), AS_OF)
    assert buckets.shape == (0, 6)
    result = MODEL.score(np.empty((0, 17), order="F"), reasons=2)
    assert result.total.shape == (0,) and result.reasons.shape == (0, 2)
    assert huikuan.sum_minor_units(np.array([], np.int64)) == 0
    assert huikuan.to_minor_units(np.array([])).dtype == np.int64
    assert huikuan.average_days_delinquent_amount_weighted(np.array([], np.int64), np.array([], np.int32)) == 0.0


def test_overflow_is_an_overflow_error_and_a_value_error():
    with pytest.raises(huikuan.MoneyOverflowError) as caught:
        huikuan.sum_minor_units(np.array([2**62, 2**62], np.int64))
    assert isinstance(caught.value, OverflowError) and isinstance(caught.value, ValueError)
    assert caught.value.id == "huikuan.money.5"
    with pytest.raises(huikuan.MoneyOverflowError, match=r"huikuan\.money\.4"):
        huikuan.to_minor_units(np.array([1e17]))
    with pytest.raises(huikuan.InputError, match=r"huikuan\.money\.4"):
        huikuan.Ledger().add_customer("C1", "A", credit_limit=2**63)


def test_lists_are_read_as_arrays_of_their_natural_dtype():
    assert huikuan.roc_auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) == 0.75
    assert huikuan.roc_auc([0.1, 0.4, 0.35, 0.8], [False, False, True, True]) == 0.75
    with pytest.raises(huikuan.InputError, match=r"\[huikuan\.python\.1\] scores: dtype int64"):
        huikuan.roc_auc([1, 4, 3, 8], [0, 0, 1, 1])


def test_an_unknown_name_for_an_enum_argument_is_a_type_error():
    # pybind11 turns a failed implicit conversion into the TypeError that
    # lists the accepted signatures; AgingBasis("...") itself says why.
    with pytest.raises(TypeError, match="days_overdue"):
        huikuan.BucketPolicy([30], "days_overdue")
    assert huikuan.BucketPolicy([30], "days_since_invoice").basis == huikuan.AgingBasis.days_since_invoice
