"""The ledger from Python: records, CSV files, numpy arrays and DataFrames
(all through the library's own loader), lookups, and zero-copy column views."""

from __future__ import annotations

import datetime
import gc

import numpy as np
import pandas as pd
import pytest

import huikuan
import huikuan.frames as hf
from conftest import SAMPLE


def test_the_sample_loads_cleanly_with_exact_totals(sample):
    assert sample.clean
    assert sample.ledger.customer_count == 300
    assert sample.ledger.invoice_count == 4008
    assert [f.file for f in sample.files] == ["customers.csv", "invoices.csv", "payments.csv", "credit_notes.csv"]
    assert sample.files[1].amount_loaded == 11_619_796_526
    assert isinstance(sample.files[1].amount_loaded, int)


def test_records_come_back_with_python_types(small_ledger):
    customer = small_ledger.customer("C1")
    assert customer.name == "上海华联贸易有限公司" and customer.credit_limit == 50_000_000
    assert str(customer.terms) == "NET 30" and customer.terms == huikuan.PaymentTerms("net30")
    invoice = small_ledger.invoice("INV-1")
    assert invoice.issue_date == datetime.date(2026, 1, 5)
    assert invoice.due_date == datetime.date(2026, 2, 4)  # NET 30 from the customer's terms
    assert small_ledger.invoice(2).invoice_id == "INV-3"
    assert small_ledger.invoice("INV-3").due_date == datetime.date(2026, 4, 30)  # EOM 30
    assert small_ledger.payment(0).method == huikuan.PaymentMethod.transfer
    assert small_ledger.credit_note(0).reason == "price adjustment"
    assert small_ledger.find_customer("C9") is None
    assert small_ledger.customer_index("C2") == 1


def test_an_unknown_id_is_a_key_error_with_its_stable_id(small_ledger):
    with pytest.raises(KeyError) as caught:
        small_ledger.customer("C9")
    assert isinstance(caught.value, huikuan.NotFoundError)
    assert caught.value.id == "huikuan.ledger.14"
    assert "[huikuan.ledger.14]" in str(caught.value)
    with pytest.raises(huikuan.NotFoundError, match=r"huikuan\.python\.10"):
        small_ledger.invoice("INV-9")
    with pytest.raises(KeyError):
        small_ledger.customer_index("nobody")
    with pytest.raises(IndexError):
        small_ledger.customer(2)
    with pytest.raises(IndexError):
        small_ledger.payment(-1)


def test_a_rejected_record_is_a_value_error_naming_its_field(small_ledger):
    with pytest.raises(ValueError) as caught:
        small_ledger.add_invoice("INV-9", "C9", datetime.date(2026, 1, 1), 100)
    assert caught.value.id == "huikuan.ledger.4"
    assert caught.value.field == "customer_id"
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.ledger\.7\]"):
        small_ledger.add_invoice("INV-9", "C1", datetime.date(2026, 1, 1), -5)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.ledger\.1\]"):
        small_ledger.add_customer("C1", "again")
    assert small_ledger.invoice_count == 3  # nothing was added


def test_money_is_never_a_float(small_ledger):
    with pytest.raises(TypeError, match="to_minor_units"):
        small_ledger.add_invoice("INV-9", "C1", datetime.date(2026, 1, 1), 12.5)
    small_ledger.add_invoice("INV-9", "C1", datetime.date(2026, 1, 1), np.int64(1250))
    small_ledger.add_invoice("INV-10", "C1", datetime.date(2026, 1, 1), huikuan.parse_money("12.50"))
    assert small_ledger.invoice("INV-9").amount == small_ledger.invoice("INV-10").amount == 1250


def test_dates_are_datetime_date_numpy_datetime64_or_iso_text(small_ledger):
    small_ledger.add_invoice("D1", "C1", np.datetime64("2026-05-01"), 100)
    small_ledger.add_invoice("D2", "C1", "2026-05-01", 100)
    small_ledger.add_invoice("D3", "C1", pd.Timestamp("2026-05-01 13:45"), 100)
    assert {small_ledger.invoice(i).issue_date for i in ("D1", "D2", "D3")} == {datetime.date(2026, 5, 1)}
    with pytest.raises(huikuan.InputError, match=r"huikuan\.date\.2"):
        small_ledger.add_invoice("D4", "C1", "2026-02-30", 100)
    with pytest.raises(huikuan.InputError, match=r"NaT"):
        small_ledger.add_invoice("D4", "C1", np.datetime64("NaT"), 100)
    with pytest.raises(TypeError):
        small_ledger.add_invoice("D4", "C1", 20260501, 100)


def test_column_views_share_the_ledger_s_memory(sample):
    first = sample.ledger.invoice_columns()
    second = sample.ledger.invoice_columns()
    assert np.shares_memory(first["amount"], second["amount"])
    assert first["amount"].dtype == np.int64 and first["issue_day"].dtype == np.int32
    assert not first["amount"].flags.writeable and first["amount"].base is not None
    assert int(first["amount"].sum()) == sample.files[1].amount_loaded
    dates = first["issue_day"].astype("datetime64[D]")
    assert dates[0] == np.datetime64("2025-01-01")


def test_adding_is_refused_while_numpy_views_pin_the_columns(small_ledger):
    columns = small_ledger.invoice_columns()
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.python\.7\] ledger: numpy arrays view its columns"):
        small_ledger.add_invoice("INV-9", "C1", datetime.date(2026, 1, 1), 100)
    amount = columns["amount"]
    del columns
    gc.collect()
    with pytest.raises(huikuan.InputError, match=r"huikuan\.python\.7"):
        small_ledger.add_invoice("INV-9", "C1", datetime.date(2026, 1, 1), 100)
    del amount
    small_ledger.add_invoice("INV-9", "C1", datetime.date(2026, 1, 1), 100)
    assert small_ledger.invoice_count == 4


def _tables(ledger):
    return [hf.customers_frame(ledger), hf.invoices_frame(ledger), hf.payments_frame(ledger), hf.credit_notes_frame(ledger)]


def test_a_ledger_from_numpy_arrays_equals_the_one_from_csv(sample):
    tables = [sample.ledger.customers_table(), sample.ledger.invoices_table(), sample.ledger.payments_table(),
              sample.ledger.credit_notes_table()]
    again = huikuan.ledger_from_arrays(*tables)
    assert again.clean
    for a, b in zip(_tables(sample.ledger), _tables(again.ledger)):
        pd.testing.assert_frame_equal(a, b)
    assert [f.file for f in again.files] == ["customers", "invoices", "payments", "credit_notes"]


def test_a_ledger_from_dataframes_read_by_pandas_equals_the_one_from_csv(sample):
    frames = {name: pd.read_csv(SAMPLE / f"{name}.csv") for name in ("customers", "invoices", "payments", "credit_notes")}
    loaded = hf.ledger_from_frames(**frames, money_unit="major")
    assert loaded.clean
    for a, b in zip(_tables(sample.ledger), _tables(loaded.ledger)):
        pd.testing.assert_frame_equal(a, b)
    # Amounts read as text are parsed exactly by the loader, whatever money_unit says.
    as_text = {name: pd.read_csv(SAMPLE / f"{name}.csv", dtype=str) for name in frames}
    pd.testing.assert_frame_equal(hf.invoices_frame(hf.ledger_from_frames(**as_text).ledger), _tables(sample.ledger)[1])


def test_float_amounts_need_money_unit_major():
    customers = pd.DataFrame({"customer_id": ["C1"], "name": ["A"], "sales_rep": ["R"], "terms": ["NET 30"],
                              "credit_limit": [1000.0]})
    empty = pd.DataFrame({"payment_id": [], "customer_id": [], "date": [], "amount": []})
    invoices = pd.DataFrame({"invoice_id": ["I1"], "customer_id": ["C1"],
                             "issue_date": pd.to_datetime(["2026-01-01"]), "amount": [0.125]})
    with pytest.raises(huikuan.InputError, match="money_unit='major'"):
        hf.ledger_from_frames(customers, invoices, empty)
    loaded = hf.ledger_from_frames(customers, invoices, empty, money_unit="major")
    assert loaded.ledger.invoice("I1").amount == 13  # 12.5 fen, half away from zero
    assert loaded.ledger.customer("C1").credit_limit == 100_000


def test_bad_rows_from_arrays_are_left_out_and_named_by_table_and_row():
    customers = {"customer_id": np.array(["C1", "C2"], dtype=object), "name": ["A", "B"], "sales_rep": ["R", "R"],
                 "terms": ["NET 30", "NET 99999"], "credit_limit": np.array([0, 0])}
    invoices = {"invoice_id": ["I1", "I2", "I3", "I4"], "customer_id": ["C1", "C2", "C1", "C1"],
                "issue_date": np.array(["2026-01-01", "2026-01-02", "NaT", "2026-01-04"], dtype="datetime64[D]"),
                "amount": np.array([100, 200, 300, -4], dtype=np.int64)}
    payments = {"payment_id": [], "customer_id": [], "date": np.array([], dtype="datetime64[D]"),
                "amount": np.array([], dtype=np.int64)}
    result = huikuan.ledger_from_arrays(customers, invoices, payments)
    assert not result.clean
    problems = [(p.file, p.line, p.column, p.id) for p in result.problems]
    assert problems == [
        ("customers", 2, "terms", "huikuan.terms.2"),
        ("invoices", 2, "customer_id", "huikuan.load.5"),
        ("invoices", 3, "issue_date", "huikuan.load.4"),
        ("invoices", 4, "amount", "huikuan.ledger.7"),
    ]
    assert "customer C2 was left out (customers row 2)" in result.problems[1].reason
    assert result.files[1].rows_loaded == 1 and result.files[1].amount_left_out == 496
    frame = hf.problems_frame(result, {"invoices": pd.DataFrame(invoices, index=list("abcd"))})
    assert frame["row"].tolist() == [None, "b", "c", "d"]


def test_array_tables_are_checked_as_a_whole():
    ok = {"customer_id": ["C1"], "name": ["A"], "sales_rep": ["R"], "terms": ["NET 30"], "credit_limit": [0]}
    invoices = {"invoice_id": ["I1"], "customer_id": ["C1"], "issue_date": ["2026-01-01"], "amount": [100]}
    payments = {"payment_id": [], "customer_id": [], "date": [], "amount": np.array([], np.int64)}
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.load\.2\] invoices has no amount column"):
        huikuan.ledger_from_arrays(ok, {k: v for k, v in invoices.items() if k != "amount"}, payments)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.python\.2\] invoices\['amount'\]: holds 2 values"):
        huikuan.ledger_from_arrays(ok, {**invoices, "amount": [1, 2]}, payments)
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.python\.1\] invoices\['amount'\]: dtype float64"):
        huikuan.ledger_from_arrays(ok, {**invoices, "amount": [1.5]}, payments)
    loaded = huikuan.ledger_from_arrays(ok, invoices, payments)
    assert loaded.clean and loaded.ledger.invoice("I1").issue_date == datetime.date(2026, 1, 1)


def test_texts_with_commas_quotes_and_line_breaks_survive_the_array_loader():
    names = ['Wong, Lee & Partners', '"Prime" Hardware', "two\nlines", "  padded  "]
    customers = {"customer_id": [f"C{i}" for i in range(4)], "name": names, "sales_rep": ["R"] * 4,
                 "terms": ["NET 30"] * 4, "credit_limit": np.zeros(4, np.int64)}
    invoices = {"invoice_id": ["I1"], "customer_id": ["C9"], "issue_date": ["2026-01-01"], "amount": [100]}
    payments = {"payment_id": [], "customer_id": [], "date": [], "amount": np.array([], np.int64)}
    result = huikuan.ledger_from_arrays(customers, invoices, payments)
    assert [result.ledger.customer(i).name for i in range(4)] == names[:3] + ["padded"]
    assert [(p.file, p.line, p.id) for p in result.problems] == [("invoices", 1, "huikuan.ledger.4")]


def test_load_ledger_texts_reads_csv_text():
    result = huikuan.load_ledger_texts(
        "customer_id,name,sales_rep,terms,credit_limit\nC1,A,R,NET 30,100.00\n",
        "invoice_id,customer_id,issue_date,amount\nI1,C1,2026-01-01,12.34\nI2,C1,2026-13-01,1.00\n",
        "payment_id,customer_id,date,amount\n",
    )
    assert result.ledger.invoice("I1").amount == 1234
    assert [p.message() for p in result.problems] == [
        "invoices.csv:3: issue_date: [huikuan.date.2] date 2026-13-01 is not a valid date"]


def test_a_missing_directory_is_a_value_error():
    with pytest.raises(ValueError, match=r"^\[huikuan\.load\.1\]"):
        huikuan.load_ledger(SAMPLE / "no-such-directory")
