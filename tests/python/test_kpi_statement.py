"""KPIs, statements and dormant accounts through Python agree with the
huikuan command on the sample, and the formulas with their documented
examples."""

from __future__ import annotations

import datetime
import re

import numpy as np
import pytest

import huikuan
import huikuan.frames as hf
from conftest import AS_OF
from expected_output import amounts, path, table_rows


def test_kpis_equal_the_command_output(sample):
    k = huikuan.compute_kpis(sample.ledger, datetime.date(2025, 11, 1), AS_OF)
    rows = {line[:30].strip(): line[30:].split()[0] for line in table_rows("kpi.txt")}
    assert k.days_in_period == int(rows["days in period"])
    money = {"opening receivables": k.opening_receivables, "closing receivables": k.closing_receivables,
             "closing current receivables": k.closing_current_receivables, "unapplied credit": k.unapplied_credit,
             "closing overdue receivables": k.closing_overdue_receivables, "credit sales": k.credit_sales,
             "credit notes": k.credit_notes, "cash collected": k.cash_collected}
    for name, value in money.items():
        assert huikuan.format_money(value) == rows[name], name
    ratios = {"DSO (simple)": k.dso_simple, "DSO (countback)": k.dso_countback, "best possible DSO": k.best_possible_dso,
              "ADD (DSO - BPDSO)": k.add_from_dso, "ADD (amount-weighted)": k.add_amount_weighted,
              "CEI (period sales) %": k.cei_period, "CEI (monthly average sales) %": k.cei_monthly_average,
              "AR turnover": k.ar_turnover}
    for name, value in ratios.items():
        assert f"{value:.2f}" == rows[name], name
    assert f"{k.portfolio.share_paid_on_time:.4f}" == rows["share paid on time"]
    assert k.portfolio.bounced_payments == int(rows["bounced payments"])
    series = hf.kpi_frame(k)
    assert series["dso_simple"] == k.dso_simple and series["credit_sales"] == k.credit_sales


def test_the_formulas_give_their_documented_examples():
    assert huikuan.days_sales_outstanding_simple(15_000_000, 180_000_000, 365) == pytest.approx(30.416666666666668)
    assert huikuan.days_sales_outstanding_countback(
        21_200_000, np.array([7_000_000, 8_000_000, 10_000_000]), np.array([30, 30, 30], np.int32)
    ) == pytest.approx(73.71428571428571)
    assert huikuan.best_possible_days_sales_outstanding(400_000, 1_000_000, 30) == 12.0
    assert huikuan.average_days_delinquent(45.0, 12.0) == 33.0
    assert huikuan.average_days_delinquent_amount_weighted(np.array([10_000, 30_000]), np.array([10, 30], np.int32)) == 25.0
    assert huikuan.collection_effectiveness_index_period(10_000_000, 100_000_000, 12_000_000, 10_000_000) == 98.0
    assert round(huikuan.collection_effectiveness_index_monthly_average(620_000, 1_089_000, 634_000, 359_000, 3), 1) == 55.9
    assert huikuan.accounts_receivable_turnover(350_000_000, 35_000_000) == 10.0
    assert huikuan.accounts_receivable_turnover_from_balances(159_800_000, 16_800_000, 14_700_000) == pytest.approx(10.146, abs=1e-3)
    assert huikuan.average_accounts_receivable(1, 2) == 2
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.kpi\.6\]"):
        huikuan.days_sales_outstanding_countback(100, np.array([10]), np.array([30], np.int32))
    assert huikuan.days_sales_outstanding_countback(100, np.array([10]), np.array([30], np.int32), "cap") == 30.0


def test_the_statement_of_a_dormant_customer_equals_the_command_output(sample, position):
    st = huikuan.make_statement(sample.ledger, "C0111", datetime.date(2025, 10, 1), AS_OF)
    text = path("statement-C0111.txt").read_text(encoding="utf-8")
    assert (st.customer_id, st.name, st.sales_rep, str(st.terms)) == ("C0111", "重庆百川物流有限公司", "Sarah Lin", "DAY 25")
    for label, value in [("opening balance", st.opening_balance), ("closing balance", st.closing_balance),
                         ("open items", st.open_total), ("credit limit", st.credit_limit)]:
        line = next(l for l in text.splitlines() if l.startswith(label))
        assert amounts(line) == [value]
    assert [(l.date, l.kind.name, l.reference, l.debit, l.balance) for l in st.lines] == [
        (datetime.date(2025, 11, 21), "invoice", "INV-001765", 2_283_698, 9_924_358)]
    assert st.buckets == [0, 0, 0, 0, 0, 9_924_358] and st.closing_balance == st.open_total - st.unapplied
    again = huikuan.make_statement(sample.ledger, sample.ledger.customer_index("C0111"), datetime.date(2025, 10, 1),
                                   position=position)
    assert again.closing_balance == st.closing_balance
    frames = hf.statement_frames(st)
    assert frames["aging"]["amount"].sum() == st.open_total and len(frames["open_items"]) == len(st.open_items)


def test_statement_arguments_are_checked(sample, position):
    with pytest.raises(KeyError):
        huikuan.make_statement(sample.ledger, "C9999", datetime.date(2025, 10, 1), AS_OF)
    with pytest.raises(huikuan.InputError, match=r"huikuan\.statement\.1"):
        huikuan.make_statement(sample.ledger, "C0111", datetime.date(2027, 1, 1), AS_OF)
    with pytest.raises(huikuan.InputError, match=r"as_of: give either as_of"):
        huikuan.make_statement(sample.ledger, "C0111", datetime.date(2025, 10, 1), AS_OF, position=position)


def test_dormant_accounts_equal_the_command_output(sample, position):
    dormant = huikuan.find_dormant_accounts(sample.ledger, position)
    expected = [(line.split()[0], amounts(line)) for line in table_rows("dormant.txt")]
    frame = hf.dormant_frame(dormant, sample.ledger)
    assert [(c, [o, u]) for c, o, u in zip(frame.customer_id, frame.open, frame.unapplied)] == expected
    assert frame.days_quiet.tolist() == [368, 344, 291]


def test_payment_behaviour_per_customer_adds_up_to_the_portfolio(sample, position):
    k = huikuan.compute_kpis(sample.ledger, datetime.date(2025, 11, 1), AS_OF)
    frame = hf.payment_behaviour_frame(k, sample.ledger)
    assert len(frame) == sample.ledger.customer_count
    assert frame["paid"].sum() == k.portfolio.paid
    assert frame["bounced_payments"].sum() == k.portfolio.bounced_payments
    direct = huikuan.payment_behaviour_by_customer(sample.ledger, position, datetime.date(2025, 11, 1), AS_OF)
    assert [b.paid for b in direct] == frame["paid"].tolist()


def test_statements_in_a_batch_equal_one_at_a_time(sample, position):
    customers = ["C0111", 0, "C0002", 0]
    batch = huikuan.make_statements(sample.ledger, position, customers, datetime.date(2025, 10, 1))
    assert [s.customer_id for s in batch] == ["C0111", sample.ledger.customer(0).customer_id, "C0002",
                                              sample.ledger.customer(0).customer_id]
    for key, statement in zip(customers, batch):
        one = huikuan.make_statement(sample.ledger, key, datetime.date(2025, 10, 1), position=position)
        assert (statement.opening_balance, statement.closing_balance, statement.open_total, statement.unapplied) == \
            (one.opening_balance, one.closing_balance, one.open_total, one.unapplied)
        assert [(l.reference, l.debit, l.credit, l.balance) for l in statement.lines] == \
            [(l.reference, l.debit, l.credit, l.balance) for l in one.lines]
    with pytest.raises(KeyError):
        huikuan.make_statements(sample.ledger, position, ["C9999"], datetime.date(2025, 10, 1))
    with pytest.raises(ValueError, match=re.escape("[huikuan.statement.1]")):
        huikuan.make_statements(sample.ledger, position, ["C0111"], datetime.date(2027, 1, 1))
