"""What a check reads of the years before the evaluation year, declared beside the check.

A province holds hundreds of thousands of distinct histories, but the law looks at little of
them: the record of the evaluation year, the grants of a few codes, the ratings of the unbroken
run of good years up to now, the initiatives of that run or of the last few years. Declared, it
lets a scan judge once all the subjects whose histories differ only where no check looks
(``projection.Projection``). A check with no declaration turns that off for its plan: slower,
never wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from thidua.core.rules.settings import RuleSettings
from thidua.core.rules.vocabulary import RATING_RANK, InitiativeScope, Rating

# A number of years fixed by the law, or read from an uncertain rule's setting.
Years = int | Callable[[RuleSettings], int]


@dataclass(frozen=True, slots=True)
class Reads:
    """Beyond the record of the evaluation year, which the projection always keeps whole:

    - ``codes``: grants of these codes, in any earlier year;
    - ``floor``: the ratings of the unbroken run of years rated at least ``floor`` that ends
      with the evaluation year, and within that run the titles of ``codes`` it counts — a run
      stops at a year below ``floor`` or unknown;
    - ``initiatives_in_run``: initiatives of at least a scope, counted within the run of a
      floor;
    - ``initiatives_in_years``: initiatives of at least a scope, counted over the last so many
      years up to the evaluation year.
    """

    codes: frozenset[str] = frozenset()
    floor: Rating | None = None
    initiatives_in_run: tuple[tuple[Rating, InitiativeScope], ...] = ()
    initiatives_in_years: tuple[tuple[Years, InitiativeScope], ...] = ()

    def __or__(self, other: Reads) -> Reads:
        floors = [f for f in (self.floor, other.floor) if f is not None]
        return Reads(
            codes=self.codes | other.codes,
            floor=min(floors, key=RATING_RANK.__getitem__, default=None),
            initiatives_in_run=_union(self.initiatives_in_run, other.initiatives_in_run),
            initiatives_in_years=_union(self.initiatives_in_years, other.initiatives_in_years),
        )

    def years_read(self, settings: RuleSettings) -> list[tuple[int, InitiativeScope]]:
        """``initiatives_in_years`` with the numbers of years a setting gives filled in."""
        return [
            (y if isinstance(y, int) else y(settings), scope)
            for y, scope in self.initiatives_in_years
        ]


T = TypeVar("T")


def _union(a: tuple[T, ...], b: tuple[T, ...]) -> tuple[T, ...]:
    return tuple(dict.fromkeys((*a, *b)))


# The evaluation year's record only.
CURRENT = Reads()

_DECLARED: dict[Callable[..., object], Reads] = {}
F = TypeVar("F", bound=Callable[..., object])


def reads(declared: Reads) -> Callable[[F], F]:
    """Declare what the decorated check reads of earlier years."""

    def mark(check: F) -> F:
        _DECLARED[check] = declared
        return check

    return mark


def declared(check: Callable[..., object]) -> Reads | None:
    return _DECLARED.get(check)


def combined(checks: tuple[Callable[..., object], ...]) -> Reads | None:
    """What the checks read together; None as soon as one of them has no declaration."""
    total = CURRENT
    for check in checks:
        found = _DECLARED.get(check)
        if found is None:
            return None
        total = total | found
    return total
