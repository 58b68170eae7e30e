"""The view of one case the criteria read: records by year, what was granted when, what the
engine has already found the subject eligible for this year, and chains of consecutive years.

One ``Context`` per case, nothing else allocated unless a criterion asks: the grant index and
the chain windows are built on first use and kept for the other criteria of the case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from thidua.core.rules.facts import Case, YearRecord
from thidua.core.rules.settings import RuleSettings, ScopeSettings
from thidua.core.rules.vocabulary import RATING_RANK, InitiativeScope, Rating, scope_at_least

# "Never granted": earlier than any year, so a chain may start at any year after it.
NEVER = 0


class Context:
    __slots__ = (
        "_granted",
        "_initiatives",
        "_memo",
        "case",
        "current",
        "eligible_now",
        "records",
        "scope",
        "settings",
        "year",
    )

    def __init__(self, case: Case, settings: RuleSettings, scope: ScopeSettings) -> None:
        self.case = case
        self.year = case.year
        self.records = case.years
        # The record of the evaluation year, read by most criteria.
        self.current: YearRecord | None = case.years.get(case.year)
        self.settings = settings
        self.scope = scope
        # Codes found eligible in the evaluation year: they count towards the higher titles
        # and awards of the same year (levels are considered together at year end).
        self.eligible_now: set[str] = set()
        self._granted: dict[str, list[int]] | None = None
        self._initiatives: list[tuple[int, tuple[InitiativeScope, ...]]] | None = None
        self._memo: dict[object, Window] = {}

    def holds(self, code: str, year: int) -> bool:
        """``code`` stands for ``year``: listed as granted, or, in the evaluation year, found
        eligible by the engine. In earlier years only what is listed counts."""
        if year == self.year and code in self.eligible_now:
            return True
        record = self.records.get(year)
        return record is not None and code in record.granted

    def granted_before(self, code: str) -> list[int]:
        """Achievement years before the evaluation year for which ``code`` was granted,
        ascending."""
        if self._granted is None:
            index: dict[str, list[int]] = {}
            records, now = self.records, self.year
            for year in sorted(records):
                if year < now:
                    for granted in records[year].granted:
                        index.setdefault(granted, []).append(year)
            self._granted = index
        return self._granted.get(code, [])

    def last_granted(self, code: str) -> int:
        years = self.granted_before(code)
        return years[-1] if years else NEVER

    def run_start(self, qualifies: Callable[[YearRecord], bool], *, after: int) -> int:
        """The first year of the unbroken run of qualifying years that ends with the evaluation
        year and starts after ``after``; one past the evaluation year when it does not qualify.
        An absent year breaks the run: the chain cannot be shown across it."""
        year = self.year
        while year > after:
            record = self.records.get(year)
            if record is None or not qualifies(record):
                break
            year -= 1
        return year + 1

    def rated_run_start(self, floor: Rating, *, after: int) -> int:
        """``run_start`` for the years rated ``floor`` or better (written out: every chain
        asks it)."""
        least, records = RATING_RANK[floor], self.records
        year = self.year
        while year > after:
            record = records.get(year)
            if record is None or record.rating is None or RATING_RANK[record.rating] < least:
                break
            year -= 1
        return year + 1

    def titles_run_start(self, code: str, *, after: int) -> int:
        """As ``run_start``, for the years in which ``code`` stands."""
        year = self.year
        while year > after and self.holds(code, year):
            year -= 1
        return year + 1

    def count_holding(self, code: str, *, since: int) -> int:
        records, now = self.records, self.year
        count = int(now >= since and self.holds(code, now))
        for year in range(since, now):
            record = records.get(year)
            if record is not None and code in record.granted:
                count += 1
        return count

    def count_initiatives(self, *, since: int, scope: InitiativeScope) -> int:
        if self._initiatives is None:
            self._initiatives = [
                (year, record.initiatives)
                for year, record in self.records.items()
                if record.initiatives and year <= self.year
            ]
        total = 0
        for year, scopes in self._initiatives:
            if year >= since:
                total += sum(1 for s in scopes if scope_at_least(s, scope))
        return total

    def count_rated(self, *, since: int, floor: Rating) -> int:
        least, records = RATING_RANK[floor], self.records
        count = 0
        for year in range(since, self.year + 1):
            record = records.get(year)
            if record is not None and record.rating is not None:
                count += RATING_RANK[record.rating] >= least
        return count

    def window(self, chain: AnchoredChain) -> Window:
        found = self._memo.get(chain)
        if found is None:
            found = self._memo[chain] = chain.find(self)
        return found


class Window(NamedTuple):  # a named tuple: built twice per case, cheaper than a dataclass
    """The years a chain covers, ``start`` to the evaluation year. ``anchor`` is the achievement
    year of the award the chain follows, or None when no such award opens an unbroken chain
    (then ``start`` is where the unbroken run begins, for counting what it already holds)."""

    has_prior: bool
    anchor: int | None
    start: int

    def years(self, year: int) -> int:
        return year - self.anchor if self.anchor is not None else 0


# Compared by identity: chains are module-level constants, and the per-case memo hashes them
# on every read.
@dataclass(frozen=True, slots=True, eq=False)
class AnchoredChain:
    """Years following an earlier award ``anchor``, each rated at least ``floor``, up to the
    evaluation year: "đã được tặng … và 05 năm tiếp theo liên tục …". The chain starts in the
    year after the anchor's achievement year (the year the decision names, Khoản 9 Điều 30 Nghị
    định 98/2023/NĐ-CP) and after the last grant of ``reset`` (the award considered: one
    achievement is rewarded once)."""

    anchor: str
    reset: str
    floor: Rating

    def find(self, ctx: Context) -> Window:
        reset = ctx.last_granted(self.reset)
        anchors = [a for a in ctx.granted_before(self.anchor) if a > reset]
        run_start = ctx.rated_run_start(self.floor, after=reset)
        # The earliest anchor from which every year up to now qualifies gives the longest
        # window, so it decides every criterion read over the window at once.
        for anchor in anchors:
            if anchor >= run_start - 1:
                return Window(has_prior=True, anchor=anchor, start=anchor + 1)
        return Window(has_prior=bool(anchors), anchor=None, start=run_start)
