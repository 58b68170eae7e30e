"""Deterministic ranking of a cluster's members, with explicit tie-breaks.

Members are ordered by, in turn:

1. the final score, higher first;
2. the penalty points, fewer first (a member with fewer shortcomings goes ahead);
3. the points of each criterion in the covenant's order, higher first (the first
   criterion of the table weighs most, as the covenant lists the main targets first);
4. the Vietnamese order of the names, then the unit code — only to list the members in a
   fixed order: members still equal after step 3 share their rank ("đồng hạng").

The order depends on the candidates alone, never on the order they come in, so ties break
the same way every time, and a new member never changes the order of the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from thidua.core.scoring.covenant import ZERO


class TieBreak(StrEnum):
    NONE = "none"  # not tied on score with the member above
    PENALTY = "penalty"
    CRITERIA = "criteria"
    SHARED = "shared"  # equal on every ground: the same rank


TIE_BREAK_LABELS: dict[TieBreak, str] = {
    TieBreak.NONE: "",
    TieBreak.PENALTY: "Bằng điểm; xếp sau do có nhiều điểm trừ hơn",
    TieBreak.CRITERIA: "Bằng điểm; xếp sau do điểm tiêu chí đầu tiên khác nhau thấp hơn",
    TieBreak.SHARED: "Bằng điểm trên mọi tiêu chí: đồng hạng",
}


@dataclass(frozen=True, slots=True)
class Candidate:
    key: str  # the unit code, unique
    name_key: str  # Vietnamese sort key of the unit's name
    score: Decimal
    penalty: Decimal = ZERO
    criteria: tuple[Decimal, ...] = ()  # points per criterion, in the covenant's order

    def merit(self) -> tuple[Decimal, Decimal, tuple[Decimal, ...]]:
        """What the rank rests on (smaller is better)."""
        return (-self.score, self.penalty, tuple(-p for p in self.criteria))

    def order(self) -> tuple[tuple[Decimal, Decimal, tuple[Decimal, ...]], str, str]:
        return (self.merit(), self.name_key, self.key)


@dataclass(frozen=True, slots=True)
class Placed:
    candidate: Candidate
    position: int  # 1, 2, 3 … strictly
    rank: int  # shared by members equal on every ground ("1, 2, 2, 4")
    tie_break: TieBreak = field(default=TieBreak.NONE)

    @property
    def key(self) -> str:
        return self.candidate.key


def rank(candidates: Iterable[Candidate]) -> tuple[Placed, ...]:
    ordered = sorted(candidates, key=Candidate.order)
    keys = [c.key for c in ordered]
    if len(set(keys)) != len(keys):
        raise ValueError("Mỗi đơn vị chỉ được xếp hạng một lần.")
    placed: list[Placed] = []
    for position, c in enumerate(ordered, start=1):
        if not placed:
            placed.append(Placed(c, position, 1))
            continue
        above = placed[-1]
        if c.merit() == above.candidate.merit():
            placed.append(Placed(c, position, above.rank, TieBreak.SHARED))
        else:
            placed.append(Placed(c, position, position, _why(c, above.candidate)))
    return tuple(placed)


def _why(c: Candidate, above: Candidate) -> TieBreak:
    if c.score != above.score:
        return TieBreak.NONE
    if c.penalty != above.penalty:
        return TieBreak.PENALTY
    return TieBreak.CRITERIA
