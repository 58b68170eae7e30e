"""The số of a document: a number in the issuing body's yearly sequence, then its ký hiệu
("245/QĐ-UBND"). Numbers run from 01 January to 31 December (Điều 15 Nghị định 30/2020/NĐ-
CP), one sequence per body and kind of document."""

from __future__ import annotations

import re
from collections.abc import Iterable

_LEADING = re.compile(r"^\s*(\d+)\s*/")


def sequence_number(number: str) -> int | None:
    """ "245/QĐ-UBND" → 245; a number that does not start with digits and "/" → None."""
    match = _LEADING.match(number)
    return int(match.group(1)) if match else None


def next_number(taken: Iterable[str], symbol: str) -> str:
    """The next number of the year after those ``taken`` by the same body with ``symbol``
    ("QĐ-UBND"): one above the highest, so a number given by hand is never given twice."""
    highest = max(
        (n for t in taken if t.strip().endswith(f"/{symbol}") and (n := sequence_number(t))),
        default=0,
    )
    return f"{highest + 1}/{symbol}"
