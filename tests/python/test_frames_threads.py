"""The pandas layer gives the compiled results as frames (no second
implementation), and a ledger is safe to read from several threads while
another adds to it."""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd
import pytest

import huikuan
import huikuan.frames as hf
from conftest import AS_OF, read_while_writing
from scoring_data import indicator_values


def test_the_aging_frame_carries_the_report(sample, position):
    report = huikuan.age_receivables(sample.ledger, position)
    frame = hf.aging_frame(report, include_total=True)
    labels = report.bucket_labels()
    assert frame.index[-1] == "total" and len(frame) == len(report.rows) + 1
    assert (frame[labels].sum(axis=1) == frame["open"]).all()
    assert frame.loc["C0001", "stage"] == "red" and frame.loc["C0001", "colour"] == "red"
    assert frame[labels].dtypes.unique().tolist() == [np.dtype(np.int64)]
    major = hf.aging_frame(report, money="major")
    assert major.loc["C0001", "open"] == pytest.approx(34842.00)
    assert pd.isna(frame.loc["C0025", "oldest_days_past_due"])


def test_score_frame_scores_a_frame_of_indicators_by_code():
    model = huikuan.ScoringModel(huikuan.Scorecard.standard())
    values = indicator_values(model.card, 100)
    frame = pd.DataFrame(values, columns=model.card.codes, index=[f"D{i}" for i in range(100)])
    scores = hf.score_frame(model, frame[model.card.codes[::-1]], reasons=2)  # columns found by name
    bulk = model.score(values, reasons=2)
    assert (scores["total"].to_numpy() == bulk.total).all()
    assert scores.index.tolist() == frame.index.tolist()
    assert set(scores["grade"]) <= {"A", "B", "C", "D", "E"}
    assert scores.loc["D0", "reason_1"] == model.card.codes[bulk.reasons[0, 0]]
    with pytest.raises(huikuan.InputError, match="no column for legal_events"):
        hf.score_frame(model, frame.drop(columns=["legal_events"]))
    partial = hf.score_frame(model, frame.drop(columns=["legal_events"]), missing_columns="nan")
    assert len(partial) == 100


def test_financials_from_a_frame_equal_the_file(sample):
    from conftest import SAMPLE
    card = huikuan.Scorecard.standard()
    from_file = huikuan.load_financials((SAMPLE / "financials.csv").read_text(encoding="utf-8"), sample.ledger, card)
    from_frame = hf.financials_from_frame(pd.read_csv(SAMPLE / "financials.csv"), sample.ledger, card)
    assert from_frame.table.codes == from_file.table.codes
    for code in from_file.table.codes:
        np.testing.assert_array_equal(from_frame.table.values[code], from_file.table.values[code])


def test_ledger_tables_become_frames_with_dates(sample):
    invoices = hf.invoices_frame(sample.ledger)
    assert invoices["issue_date"].dtype.kind == "M" and invoices["amount"].dtype == np.int64
    assert invoices["amount"].sum() == sample.files[1].amount_loaded
    payments = hf.payments_frame(sample.ledger)
    assert set(payments["method"]) <= {"cash", "transfer", "cheque", "draft"}
    assert (payments.loc[payments["invoice_id"] == "", "invoice"] == -1).all()


def test_readers_and_a_writer_share_a_ledger_safely():
    book = huikuan.Ledger()
    for c in range(50):
        book.add_customer(f"C{c}", f"customer {c}")
    totals: list[int] = []

    def read() -> None:
        position = huikuan.allocate(book, AS_OF)
        try:
            report = huikuan.age_receivables(book, position)
        except huikuan.InputError as error:
            assert error.id == "huikuan.python.8"  # the writer added in between
            return
        assert int(report.buckets.sum()) == report.total.open
        totals.append(report.total.open)

    def write() -> None:
        for i in range(3000):
            book.add_invoice(f"I{i}", f"C{i % 50}", datetime.date(2026, 1, 1) + datetime.timedelta(days=i % 200), 100 + i)

    read_while_writing(read, write)
    # Every report saw the ledger between two adds, never in the middle of one.
    prefix_sums = set(np.cumsum([0] + [100 + i for i in range(3000)]).tolist())
    assert totals and set(totals) <= prefix_sums
    assert huikuan.age_receivables(book, huikuan.allocate(book, AS_OF)).total.open == sum(100 + i for i in range(3000))
