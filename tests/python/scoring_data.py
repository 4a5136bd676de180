"""Indicator values for scoring tests: each indicator spread over its
curve's range (its domain where it has one), 2% missing."""

from __future__ import annotations

import numpy as np

import huikuan


def indicator_values(card: huikuan.Scorecard, debtors: int, seed: int = 5, order: str = "F") -> np.ndarray:
    rng = np.random.default_rng(seed)
    values = np.empty((debtors, len(card.indicators)), order=order)
    for j, ind in enumerate(card.indicators):
        low = ind.min_value if ind.min_value is not None else ind.curve.x[0] - 1.0
        high = ind.max_value if ind.max_value is not None else ind.curve.x[-1] + 1.0
        column = rng.uniform(low, high, debtors)
        column[rng.random(debtors) < 0.02] = np.nan
        values[:, j] = column
    return values
