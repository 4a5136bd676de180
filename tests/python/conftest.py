"""Shared fixtures of the Python tests. Run through ctest (the build sets
PYTHONPATH to the build tree's package) or by hand:

    PYTHONPATH=build/python/bindings/python /usr/bin/python3 -m pytest tests/python
"""

from __future__ import annotations

import datetime
import os
import pathlib
import threading
from typing import Callable

import pytest

import huikuan

TESTS = pathlib.Path(__file__).resolve().parent.parent
SAMPLE = pathlib.Path(os.environ.get("HUIKUAN_SAMPLE_DATA", TESTS.parent / "examples" / "sample"))
EXPECTED = SAMPLE / "expected"
TEST_DATA = TESTS / "data"
AS_OF = datetime.date(2026, 10, 31)


@pytest.fixture(scope="session")
def sample() -> huikuan.LoadResult:
    """The bundled sample portfolio, loaded from its CSV files."""
    return huikuan.load_ledger(SAMPLE)


@pytest.fixture(scope="session")
def position(sample: huikuan.LoadResult) -> huikuan.ReceivablesPosition:
    return huikuan.allocate(sample.ledger, AS_OF)


@pytest.fixture()
def small_ledger() -> huikuan.Ledger:
    """Two customers, three invoices, a payment and a credit note."""
    book = huikuan.Ledger()
    book.add_customer("C1", "上海华联贸易有限公司", "王芳", "NET 30", huikuan.parse_money("500000"))
    book.add_customer("C2", "Acme Textiles Co.", "Sarah Lin", huikuan.PaymentTerms.end_of_month_plus(30), 0)
    book.add_invoice("INV-1", "C1", datetime.date(2026, 1, 5), 1_250_000)
    book.add_invoice("INV-2", "C1", datetime.date(2026, 2, 1), 300_000, due_date=datetime.date(2026, 2, 20))
    book.add_invoice("INV-3", "C2", datetime.date(2026, 3, 10), 99_999)
    book.add_payment("PAY-1", "C1", datetime.date(2026, 2, 10), 1_000_000, invoice_id="INV-1")
    book.add_credit_note("CN-1", "C2", datetime.date(2026, 3, 15), 9_999, reason="price adjustment")
    return book


def read_while_writing(read: Callable[[], None], write: Callable[[], None], readers: int = 4) -> None:
    """Calls `read` over and over on `readers` threads while `write` runs
    once on this one; re-raises the first error a reader met."""
    stop = threading.Event()
    errors: list[BaseException] = []

    def loop() -> None:
        try:
            while not stop.is_set():
                read()
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=loop) for _ in range(readers)]
    for t in threads:
        t.start()
    try:
        write()
    finally:
        stop.set()
        for t in threads:
            t.join()
    if errors:
        raise errors[0]
