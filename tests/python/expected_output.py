"""Reading the checked-in expected outputs of the huikuan command
(examples/sample/expected/*.txt) to compare the bindings with them."""

from __future__ import annotations

import pathlib
import re

from conftest import EXPECTED

AMOUNT = re.compile(r"(?<![\d.])-?\d+\.\d{2}(?![\d.])")


def minor_units(text: str) -> int:
    """'-1234.50' -> -123450."""
    whole, _, cents = text.partition(".")
    sign = -1 if whole.startswith("-") else 1
    return sign * (abs(int(whole)) * 100 + int(cents))


def table_rows(name: str) -> list[str]:
    """The data lines of the first table of an expected output."""
    lines = (EXPECTED / name).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("---")) + 1
    rows = []
    for line in lines[start:]:
        if not line.strip():
            break
        rows.append(line)
    return rows


def amounts(line: str) -> list[int]:
    """Every two-decimal amount on a line, in minor units."""
    return [minor_units(m) for m in AMOUNT.findall(line)]


def keyed_amounts(name: str) -> dict[str, list[int]]:
    """First word of each row -> the amounts on it (rows without amounts,
    such as a closing note, are left out)."""
    return {row.split()[0]: amounts(row) for row in table_rows(name) if amounts(row)}


def path(name: str) -> pathlib.Path:
    return EXPECTED / name
