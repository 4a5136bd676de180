"""pandas DataFrames in and out of huikuan.

Thin helpers over the compiled API, not a second implementation: frames
become the numpy columns ``huikuan`` takes (without copies where the dtype
already fits) and results become frames. Money columns stay int64 minor
units unless a helper says otherwise; dates come out as pandas datetimes.
"""

from __future__ import annotations

from typing import Any, Literal, Mapping, Sequence

import numpy as np
import numpy.typing as npt
import pandas as pd

from . import _core
from ._core import (
    NO_REASON,
    AgingReport,
    CreditModel,
    CreditReview,
    DormantAccount,
    KpiReport,
    Ledger,
    LoadResult,
    PsiResult,
    Scorecard,
    ScoringModel,
    DayPlan,
    PromiseList,
    PromiseReport,
    StatementOfAccount,
    TargetReport,
    WoeTable,
    Worklist,
)

__all__ = [
    "ledger_from_frames",
    "customers_frame",
    "invoices_frame",
    "payments_frame",
    "credit_notes_frame",
    "problems_frame",
    "aging_frame",
    "kpi_frame",
    "payment_behaviour_frame",
    "statement_frames",
    "dormant_frame",
    "financials_from_frame",
    "score_frame",
    "credit_review_frame",
    "woe_frame",
    "psi_frame",
    "worklist_frame",
    "plan_frame",
    "promises_frame",
    "targets_frame",
]

_MONEY_COLUMNS = {"credit_limit", "amount"}
_DATE_COLUMNS = {"issue_date", "due_date", "date"}


def _column(table: str, name: str, series: pd.Series, money_unit: str, decimals: int) -> Any:
    """One DataFrame column as the array ledger_from_arrays reads."""
    if name in _MONEY_COLUMNS:
        if pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series):
            return series.to_numpy(dtype=object)  # decimal text, parsed exactly by the loader
        if money_unit == "major":
            try:
                return _core.to_minor_units(series.to_numpy(dtype=np.float64), decimals)
            except _core.InputError as error:
                error.add_note(f"in {table}[{name!r}] (money_unit='major')")
                raise
        if pd.api.types.is_float_dtype(series):
            raise _core.InputError(
                f"[huikuan.python.1] {table}[{name!r}]: float amounts with money_unit='minor'; pass int64 minor "
                "units, or money_unit='major' to convert major units (rounded half away from zero)"
            )
        return series.to_numpy(dtype=np.int64)
    if name in _DATE_COLUMNS:
        if pd.api.types.is_datetime64_any_dtype(series):
            return series.to_numpy(dtype="datetime64[D]")
        if pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series):
            # date objects as datetime64[D]; ISO text is parsed by the loader
            if len(series) and all(hasattr(v, "year") for v in series.dropna()):
                return series.to_numpy(dtype="datetime64[D]")
            return series.to_numpy(dtype=object)
        return series.to_numpy()
    return series.to_numpy(dtype=object)


def _columns(table: str, frame: pd.DataFrame, money_unit: str, decimals: int) -> dict[str, Any]:
    return {str(name): _column(table, str(name), frame[name], money_unit, decimals) for name in frame.columns}


def ledger_from_frames(
    customers: pd.DataFrame,
    invoices: pd.DataFrame,
    payments: pd.DataFrame,
    credit_notes: pd.DataFrame | None = None,
    *,
    money_unit: Literal["minor", "major"] = "minor",
    decimals: int = 2,
) -> LoadResult:
    """A ledger from DataFrames with the columns of the CSV files.

    Amount columns (credit_limit, amount): int64 minor units with
    money_unit="minor" (the default); float or int major units converted by
    ``huikuan.to_minor_units`` (half away from zero) with money_unit="major";
    decimal text (object dtype) is parsed exactly in either case. Date
    columns: pandas datetimes (the day is kept), ``datetime.date`` objects or
    ISO text. Rows that cannot be used are left out and listed in
    ``problems`` (file: the table name, line: the 1-based row; see
    ``problems_frame`` for the frame's own index).
    """
    if money_unit not in ("minor", "major"):
        raise _core.InputError(f"[huikuan.python.9] money_unit: {money_unit!r} is not 'minor' or 'major'")
    return _core.ledger_from_arrays(
        _columns("customers", customers, money_unit, decimals),
        _columns("invoices", invoices, money_unit, decimals),
        _columns("payments", payments, money_unit, decimals),
        None if credit_notes is None else _columns("credit_notes", credit_notes, money_unit, decimals),
    )


def customers_frame(ledger: Ledger) -> pd.DataFrame:
    """The customers, one row each in ledger order (credit_limit in minor units)."""
    return pd.DataFrame(ledger.customers_table())


def invoices_frame(ledger: Ledger) -> pd.DataFrame:
    """The invoices (amount in minor units, due dates filled in)."""
    return pd.DataFrame(ledger.invoices_table())


def payments_frame(ledger: Ledger) -> pd.DataFrame:
    """The payments (amount in minor units; invoice -1 when on account)."""
    return pd.DataFrame(ledger.payments_table())


def credit_notes_frame(ledger: Ledger) -> pd.DataFrame:
    """The credit notes (amount in minor units)."""
    return pd.DataFrame(ledger.credit_notes_table())


def problems_frame(result: LoadResult, frames: Mapping[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """Every left-out row of a load, one per line. With the frames that were
    loaded (keyed by table name), a ``row`` column gives each problem's label
    in its frame's index."""
    rows = [
        {"file": p.file, "line": p.line, "column": p.column, "id": p.id, "reason": p.reason, "message": p.message()}
        for p in result.problems
    ]
    frame = pd.DataFrame(rows, columns=["file", "line", "column", "id", "reason", "message"])
    if frames is not None:
        frame["row"] = [
            frames[p.file].index[p.line - 1] if p.file in frames and p.line > 0 else None for p in result.problems
        ]
    return frame


def _money(values: npt.ArrayLike, money: str, decimals: int) -> Any:
    array = np.asarray(values, dtype=np.int64)
    return array / float(10**decimals) if money == "major" else array


def aging_frame(
    report: AgingReport,
    *,
    include_total: bool = False,
    money: Literal["minor", "major"] = "minor",
    decimals: int = 2,
) -> pd.DataFrame:
    """An aging report as a frame indexed by its keys: one column per bucket
    (named by its label), open, unapplied, net, overdue, open_invoices,
    oldest and weighted days past due, and the ladder stage with its colour.
    Amounts in int64 minor units, or floats of major units for display with
    money="major"."""
    rows = list(report.rows) + ([report.total] if include_total else [])
    buckets = report.buckets
    if include_total:
        buckets = np.vstack([buckets, report.total_buckets[np.newaxis, :]])
    stages = list(report.ladder.stages)
    frame = pd.DataFrame(
        {
            "name": [r.name for r in rows],
            "sales_rep": [r.sales_rep for r in rows],
        },
        index=pd.Index([r.key for r in rows], name="key"),
    )
    for j, label in enumerate(report.bucket_labels()):
        frame[label] = _money(buckets[:, j], money, decimals)
    for field in ("open", "unapplied", "net", "overdue"):
        frame[field] = _money([getattr(r, field) for r in rows], money, decimals)
    frame["open_invoices"] = [r.open_invoices for r in rows]
    frame["oldest_days_past_due"] = pd.array([r.oldest_days_past_due for r in rows], dtype="Int64")
    frame["weighted_days_past_due"] = [r.weighted_days_past_due for r in rows]
    frame["stage"] = [stages[r.stage].name if r.oldest_days_past_due is not None else "" for r in rows]
    frame["colour"] = [stages[r.stage].colour if r.oldest_days_past_due is not None else "" for r in rows]
    return frame


_KPI_FIELDS = (
    "days_in_period",
    "months",
    "opening_receivables",
    "closing_receivables",
    "closing_current_receivables",
    "closing_overdue_receivables",
    "credit_sales",
    "credit_notes",
    "net_credit_sales",
    "cash_collected",
    "unapplied_credit",
    "dso_simple",
    "dso_countback",
    "best_possible_dso",
    "add_from_dso",
    "add_amount_weighted",
    "cei_period",
    "cei_monthly_average",
    "ar_turnover",
)


def kpi_frame(report: KpiReport) -> pd.Series:
    """The portfolio KPIs as a Series (amounts in minor units; None where a
    denominator was zero)."""
    values: dict[str, Any] = {field: getattr(report, field) for field in _KPI_FIELDS}
    p = report.portfolio
    values.update(
        average_days_to_pay=p.average_days_to_pay,
        average_days_beyond_terms=p.average_days_beyond_terms,
        share_paid_on_time=p.share_paid_on_time,
        bounced_payments=p.bounced_payments,
    )
    return pd.Series(values, name=f"{report.from_date} .. {report.to_date}", dtype=object)


def payment_behaviour_frame(report: KpiReport, ledger: Ledger) -> pd.DataFrame:
    """Each customer's payment behaviour in the period, indexed by customer id."""
    ids = ledger.customers_table()["customer_id"]
    return pd.DataFrame(
        {
            "paid": [b.paid for b in report.customers],
            "average_days_to_pay": [b.average_days_to_pay for b in report.customers],
            "average_days_beyond_terms": [b.average_days_beyond_terms for b in report.customers],
            "share_paid_on_time": [b.share_paid_on_time for b in report.customers],
            "bounced_payments": [b.bounced_payments for b in report.customers],
        },
        index=pd.Index(ids, name="customer_id"),
    ).astype({"average_days_to_pay": float, "average_days_beyond_terms": float, "share_paid_on_time": float})


def statement_frames(statement: StatementOfAccount) -> dict[str, pd.DataFrame]:
    """A statement as frames: 'lines' (movements with running balance),
    'open_items', 'aging' (bucket label -> amount) and 'bounced'."""

    def lines_frame(lines: Sequence[Any]) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "date": pd.to_datetime([line.date for line in lines]),
                "kind": [line.kind.name for line in lines],
                "reference": [line.reference for line in lines],
                "invoice_id": [line.invoice_id for line in lines],
                "debit": np.array([line.debit for line in lines], dtype=np.int64),
                "credit": np.array([line.credit for line in lines], dtype=np.int64),
                "balance": np.array([line.balance for line in lines], dtype=np.int64),
                "note": [line.note for line in lines],
            }
        )

    items = statement.open_items
    return {
        "lines": lines_frame(statement.lines),
        "open_items": pd.DataFrame(
            {
                "invoice_id": [i.invoice_id for i in items],
                "contract_no": [i.contract_no for i in items],
                "issue_date": pd.to_datetime([i.issue_date for i in items]),
                "due_date": pd.to_datetime([i.due_date for i in items]),
                "amount": np.array([i.amount for i in items], dtype=np.int64),
                "open": np.array([i.open for i in items], dtype=np.int64),
                "days_past_due": [i.days_past_due for i in items],
                "stage": [i.stage for i in items],
                "short_paid": [i.short_paid for i in items],
            }
        ),
        "aging": pd.DataFrame(
            {"amount": np.array(statement.buckets, dtype=np.int64)},
            index=pd.Index(statement.bucket_labels, name="bucket"),
        ),
        "bounced": lines_frame(statement.bounced),
    }


def dormant_frame(accounts: Sequence[DormantAccount], ledger: Ledger) -> pd.DataFrame:
    """Dormant accounts with the customer's id, name and rep."""
    customers = [ledger.customer(a.customer) for a in accounts]
    return pd.DataFrame(
        {
            "customer_id": [c.customer_id for c in customers],
            "name": [c.name for c in customers],
            "sales_rep": [c.sales_rep for c in customers],
            "open": np.array([a.open for a in accounts], dtype=np.int64),
            "unapplied": np.array([a.unapplied for a in accounts], dtype=np.int64),
            "last_movement": pd.to_datetime([a.last_movement for a in accounts]),
            "days_quiet": [a.days_quiet for a in accounts],
        }
    )


def financials_from_frame(frame: pd.DataFrame, ledger: Ledger, card: Scorecard) -> _core.FinancialsLoadResult:
    """Financials (the columns of financials.csv) from a DataFrame, read by
    ``load_financials`` itself. Money columns are major units, as in the file."""
    return _core.load_financials(frame.to_csv(index=False), ledger, card)


def score_frame(
    model: ScoringModel,
    indicators: pd.DataFrame,
    *,
    reasons: int = 3,
    threads: int = 1,
    missing_columns: Literal["raise", "nan"] = "raise",
) -> pd.DataFrame:
    """Bulk 5C scores of the rows of a frame whose columns are indicator
    codes (float64 columns are read in place). Returns total, pd, grade
    (label), the five C scores and `reasons` reason codes per row, with the
    frame's index. A scorecard indicator without a column raises InputError,
    or scores as missing (NaN) with missing_columns="nan"."""
    card = model.card
    absent = [code for code in card.codes if code not in indicators.columns]
    if absent and missing_columns != "nan":
        raise _core.InputError(
            f"[huikuan.python.2] indicators: no column for {', '.join(absent)} (pass missing_columns='nan' to score them as missing)"
        )
    n = len(indicators)
    nan = np.full(n, np.nan)
    columns = [
        nan if code in absent else np.ascontiguousarray(indicators[code].to_numpy(dtype=np.float64))
        for code in card.codes
    ]
    result = model.score(columns, reasons=reasons, c_scores=True, threads=threads)
    assert result.c_scores is not None
    labels = np.array(card.grades.labels, dtype=object)
    frame = pd.DataFrame(
        {"total": result.total, "pd": result.pd, "grade": labels[result.grade]},
        index=indicators.index,
    )
    for d, name in enumerate(("character", "capacity", "capital", "collateral", "conditions")):
        frame[name] = result.c_scores[:, d]
    if result.reasons is not None:
        codes = np.array(card.codes + [""], dtype=object)
        slots = np.where(result.reasons == NO_REASON, len(card.codes), result.reasons)
        for q in range(reasons):
            frame[f"reason_{q + 1}"] = codes[slots[:, q]]
    return frame


def credit_review_frame(
    review: CreditReview, ledger: Ledger, model: CreditModel | None = None, *, language: Literal["en", "zh"] = "en"
) -> pd.DataFrame:
    """A credit review as a frame indexed by customer id: name, rep, grade
    label, score, PD, the C scores, open and limit (minor units), binding
    rule, terms and the reasons as text (as the ``huikuan score`` command
    prints them)."""
    card = (model or CreditModel()).card
    customers = ledger.customers_table()
    indicators = list(card.indicators)
    labels = np.array(card.grades.labels, dtype=object)
    reason_texts = []
    for row, mask in zip(review.reasons, review.missing_mask):
        texts = []
        for j in row:
            if j == NO_REASON:
                continue
            ind = indicators[j]
            if (int(mask) >> int(j)) & 1:
                texts.append(("缺少数据：" if language == "zh" else "no data: ") + ind.name)
            else:
                texts.append(ind.reason_zh if language == "zh" else ind.reason_en)
        reason_texts.append("; ".join(texts))
    frame = pd.DataFrame(
        {
            "name": customers["name"][review.customer],
            "sales_rep": customers["sales_rep"][review.customer],
            "grade": labels[review.grade],
            "score": review.total,
            "pd": review.pd,
        },
        index=pd.Index(customers["customer_id"][review.customer], name="customer_id"),
    )
    for d, name in enumerate(("character", "capacity", "capital", "collateral", "conditions")):
        frame[name] = review.c_scores[:, d]
    frame["open"] = review.open
    frame["limit"] = review.limit
    frame["binding"] = [b.name for b in review.binding]
    frame["terms"] = [str(t) if t is not None else "cash in advance" for t in review.terms]
    frame["reasons"] = reason_texts
    return frame


def _attributes(items: Sequence[Any], fields: Sequence[str]) -> pd.DataFrame:
    """One row per item, one column per attribute."""
    return pd.DataFrame([{field: getattr(item, field) for field in fields} for item in items], columns=list(fields))


def woe_frame(table: WoeTable) -> pd.DataFrame:
    """A weight-of-evidence table, one row per bin."""
    return _attributes(table.bins, ("goods", "bads", "good_share", "bad_share", "weight_of_evidence",
                                    "information_value", "adjusted"))


def psi_frame(result: PsiResult) -> pd.DataFrame:
    """A PSI table, one row per bin."""
    return _attributes(result.bins, ("expected_share", "actual_share", "contribution", "floored"))


def worklist_frame(worklist: Worklist, ledger: Ledger, *, money: Literal["minor", "major"] = "minor",
                   decimals: int = 2) -> pd.DataFrame:
    """A worklist as a frame in rank order (index: rank from 1): customer id,
    name and rep, priority and each factor's points, the overdue amount by
    bucket, overdue, disputed and at-risk amounts, days past due, colour
    band, grade, PD, action, next contact and the reasons joined by "; "."""
    rows = list(worklist.rows)
    customers = [ledger.customer(r.customer) for r in rows]
    stages = list(worklist.ladder.stages)
    frame = pd.DataFrame(
        {
            "customer_id": [c.customer_id for c in customers],
            "name": [c.name for c in customers],
            "sales_rep": [c.sales_rep for c in customers],
            "priority": [r.priority for r in rows],
        },
        index=pd.RangeIndex(1, len(rows) + 1, name="rank"),
    )
    for k, factor in enumerate(("days_past_due", "amount_at_risk", "broken_promises", "promise_falling_due",
                                "over_credit_limit")):
        frame[f"points_{factor}"] = [r.contributions[k] for r in rows]
    for j, label in enumerate(worklist.bucket_labels):
        frame[label] = _money(worklist.buckets[:, j], money, decimals)
    for field in ("overdue", "disputed", "at_risk", "over_limit", "promise_falling_due"):
        frame[field] = _money([getattr(r, field) for r in rows], money, decimals)
    frame["days_past_due"] = [r.days_past_due for r in rows]
    frame["colour"] = [stages[r.stage].colour if r.overdue > 0 else "" for r in rows]
    frame["grade"] = [r.grade for r in rows]
    frame["pd"] = [r.pd for r in rows]
    frame["action"] = [_core.action_text(r.action) for r in rows]
    frame["next_contact"] = pd.to_datetime([r.next_contact for r in rows])
    frame["reasons"] = ["; ".join(r.reasons) for r in rows]
    return frame


def plan_frame(plan: DayPlan, worklist: Worklist, ledger: Ledger, collectors: Sequence[_core.Collector]) -> pd.DataFrame:
    """A day's plan, one row per contact: collector name, worklist rank,
    customer, action, minutes, amount, success probability and expected
    cash (minor units)."""
    contacts = list(plan.contacts)
    rows = list(worklist.rows)
    customers = [ledger.customer(rows[c.row].customer) for c in contacts]
    return pd.DataFrame(
        {
            "collector": [collectors[c.collector].name for c in contacts],
            "rank": [c.row + 1 for c in contacts],
            "customer_id": [who.customer_id for who in customers],
            "name": [who.name for who in customers],
            "action": [_core.action_text(c.action) for c in contacts],
            "minutes": [c.minutes for c in contacts],
            "amount": np.array([c.amount for c in contacts], dtype=np.int64),
            "success_probability": [c.success_probability for c in contacts],
            "expected": np.array([c.expected for c in contacts], dtype=np.int64),
        }
    )


def promises_frame(report: PromiseReport, promises: PromiseList) -> pd.DataFrame:
    """Evaluated promises indexed by promise id: customer id, promised on,
    instalments, promised, paid by deadline, paid late (minor units), status
    and the next pending instalment."""
    items = [promises[i] for i in range(len(promises))]
    results = list(report.promises)
    return pd.DataFrame(
        {
            "customer_id": [p.customer_id for p in items],
            "promised_on": pd.to_datetime([p.promised_on for p in items]),
            "instalments": [r.instalment_count for r in results],
            "promised": np.array([r.promised for r in results], dtype=np.int64),
            "paid_by_deadline": np.array([r.paid_by_deadline for r in results], dtype=np.int64),
            "paid_late": np.array([r.paid_late for r in results], dtype=np.int64),
            "status": [r.status.name for r in results],
            "next_due_date": pd.to_datetime([r.next_due_date if r.next_amount > 0 else None for r in results]),
            "next_amount": np.array([r.next_amount for r in results], dtype=np.int64),
        },
        index=pd.Index([p.promise_id for p in items], name="promise_id"),
    )


def targets_frame(report: TargetReport, ledger: Ledger) -> pd.DataFrame:
    """Tracked targets in input order: customer id, name, rep, target,
    commitment, gap, measures, remaining gap, planned, collected, to target
    (minor units) and whether a phase is short of plan."""
    targets = list(report.targets)
    customers = [ledger.customer(t.customer) for t in targets]
    frame = pd.DataFrame(
        {
            "customer_id": [c.customer_id for c in customers],
            "name": [c.name for c in customers],
            "sales_rep": [c.sales_rep for c in customers],
        }
    )
    for field in ("target", "commitment", "gap", "measures_expected", "remaining_gap", "planned", "collected",
                  "to_target"):
        frame[field] = np.array([getattr(t, field) for t in targets], dtype=np.int64)
    frame["needs_follow_up"] = [t.needs_follow_up for t in targets]
    return frame


# exposure.hpp, provision.hpp: exposure per customer, the order release rules, provisions.

__all__ += ["exposure_frame", "release_frame", "provision_frame", "roll_rate_frame"]


def exposure_frame(book: _core.ExposureBook, ledger: Ledger) -> pd.DataFrame:
    """An exposure book built from `ledger` as a frame indexed by customer id:
    name, segment, receivables, open_orders, exposure, credit_limit, headroom
    (limit - exposure) and overdue in int64 minor units (views of the book
    where it has the column), oldest_days_past_due (nullable Int64: NA
    without open items) and the credit-limit verdict of ``assess_customer``."""
    customers = ledger.customers_table()
    n = book.customer_count
    exposure = book.receivables + book.open_orders
    oldest = book.oldest_days_past_due
    verdicts = [_core.assess_customer(book, c).rule(_core.ExposureRule.credit_limit).verdict.name for c in range(n)]
    return pd.DataFrame(
        {
            "name": customers["name"][:n],
            "segment": customers["segment"][:n],
            "receivables": book.receivables,
            "open_orders": book.open_orders,
            "exposure": exposure,
            "credit_limit": book.credit_limits,
            "headroom": book.credit_limits - exposure,
            "overdue": book.overdue,
            "oldest_days_past_due": pd.array(
                [None if d == _core.NO_OPEN_ITEMS else int(d) for d in oldest], dtype="Int64"
            ),
            "limit_verdict": [v.rstrip("_") for v in verdicts],
        },
        index=pd.Index(customers["customer_id"][:n], name="customer_id"),
    )


def release_frame(release: _core.OrderRelease) -> pd.DataFrame:
    """The rules of an order release check, one row each (figures in the
    rule's unit: minor units, days or ppm; limit and headroom NA when the
    rule is off, order_headroom NA where the order's size does not decide it)."""
    rules = list(release.rules)
    off = [r.verdict == _core.RuleVerdict.off for r in rules]
    return pd.DataFrame(
        {
            "verdict": [r.verdict.name.rstrip("_") for r in rules],
            "unit": [r.unit.name for r in rules],
            "current": np.array([r.current for r in rules], dtype=np.int64),
            "projected": np.array([r.projected for r in rules], dtype=np.int64),
            "limit": pd.array([None if o else r.limit for r, o in zip(rules, off)], dtype="Int64"),
            "headroom": pd.array([None if o else r.headroom for r, o in zip(rules, off)], dtype="Int64"),
            "order_headroom": pd.array([r.order_headroom for r in rules], dtype="Int64"),
        },
        index=pd.Index([r.rule.name for r in rules], name="rule"),
    )


def provision_frame(result: _core.ProvisionResult) -> pd.DataFrame:
    """A provision matrix applied to balances, indexed by bucket label:
    balance and expected_loss (int64 minor units) and loss_rate (0..1)."""
    return pd.DataFrame(
        {
            "balance": np.array(result.balances, dtype=np.int64),
            "loss_rate": np.array(result.matrix.loss_rates, dtype=np.float64),
            "expected_loss": np.array(result.expected_loss, dtype=np.int64),
        },
        index=pd.Index(result.matrix.buckets.labels(), name="bucket"),
    )


def roll_rate_frame(analysis: _core.RollRateAnalysis) -> pd.DataFrame:
    """Roll rates, one row per bucket that rolls (indexed by 'from -> to'
    labels): rolled_from and rolled_into (exact ints of minor units, object
    dtype as they may exceed int64), roll_rate, and the derived loss_rate."""
    labels = analysis.matrix.buckets.labels()
    k = len(analysis.roll_rates)
    return pd.DataFrame(
        {
            "rolled_from": pd.Series(analysis.rolled_from, dtype=object).to_numpy(),
            "rolled_into": pd.Series(analysis.rolled_into, dtype=object).to_numpy(),
            "roll_rate": np.array(analysis.roll_rates, dtype=np.float64),
            "loss_rate": np.array(analysis.matrix.loss_rates[:k], dtype=np.float64),
        },
        index=pd.Index([f"{labels[j]} -> {labels[j + 1]}" for j in range(k)], name="roll"),
    )
