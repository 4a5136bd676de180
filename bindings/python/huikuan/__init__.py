"""huikuan: credit risk and collections on an exact receivables ledger.

The C++ library as Python: load a ledger (CSV files, numpy arrays or, with
``huikuan.frames``, pandas DataFrames), age it, compute KPIs and
statements, score customers with the 5C scorecard (one at a time with
reasons, or millions in bulk from numpy columns), fit scorecards and
measure them.

Conventions, everywhere:

* money is ``int`` / ``int64`` minor units (fen, cents): 1234.50 CNY is
  123450. ``to_minor_units`` converts float major units with an explicit
  rounding (half away from zero), ``parse_money`` converts decimal text
  exactly; ``to_major_units`` gives floats for display and plots only;
* one date is a ``datetime.date`` (a ``numpy.datetime64`` or ISO text is
  accepted too); date columns are ``datetime64[D]`` or int32 day numbers
  since 1970-01-01;
* numpy inputs of the right dtype are used in place, results come back as
  numpy arrays without copies where the C++ memory can be shared;
* bad input raises ``InputError`` (a ``ValueError``) whose message starts
  with a stable id such as ``[huikuan.ledger.4]`` and names the argument; an
  unknown id raises ``NotFoundError`` (a ``KeyError``); internal failures
  are ``RuntimeError``.

The pandas helpers live in ``huikuan.frames`` (imported on first use, so
``import huikuan`` does not import pandas).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from ._core import *  # noqa: F401,F403  (the compiled API, listed in _core.pyi)
from ._core import EscalationLadder, BucketPolicy, __version__

if TYPE_CHECKING:
    from . import frames as frames


def to_major_units(minor_units: npt.ArrayLike, decimals: int = 2) -> npt.NDArray[np.float64]:
    """Minor units as float major units (123450 -> 1234.5), for display and plots.

    Floats are not money: never feed the result back into a calculation.
    """
    return np.asarray(minor_units, dtype=np.int64) / float(10**decimals)


def ladder_bucket_policy(ladder: EscalationLadder | None = None) -> BucketPolicy:
    """Aging buckets that coincide with the ladder's stages (colour bands).

    Bucket j of the result holds exactly the items of stage j: for the
    standard ladder, <= 20 days past due (green), 21-40 (blue), 41-60
    (yellow), 61-120 (red), 121-180 and over 180.
    """
    stages = (ladder or EscalationLadder.standard()).stages
    return BucketPolicy([stage.from_days_past_due - 1 for stage in list(stages)[1:]])


def __getattr__(name: str) -> Any:
    if name == "frames":
        return importlib.import_module(".frames", __name__)
    raise AttributeError(f"module 'huikuan' has no attribute {name!r}")
