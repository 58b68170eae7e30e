"""Judge less: a history cut down to what a plan's checks can see of it, and a judge that
judges once every group of cases whose cut-down histories are equal.

What the checks see (``reads.Reads``, declared beside each check): the whole record of the
evaluation year; in earlier years the grants of a few codes; the ratings of the unbroken run of
years rated at least the lowest floor any chain asks, back from the evaluation year ("the
run"); initiatives of a scope counted within a run or over the last few years. So an earlier
year keeps those grants, its rating if it lies in the run, and the initiatives some read counts
there; service months, discipline and the rest go. A year left with nothing is dropped: nothing
any check reads tells it from an absent year.

Over a province this folds hundreds of thousands of histories into far fewer. A case and its
projection give the same result (tested on random histories); the judge evaluates the
projection itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from thidua.core.rules.facts import Case, YearRecord
from thidua.core.rules.plan import Plan
from thidua.core.rules.reads import Reads, combined
from thidua.core.rules.settings import RuleSettings
from thidua.core.rules.verdict import CaseResult
from thidua.core.rules.vocabulary import (
    RATING_RANK,
    SCOPE_RANK,
    InitiativeScope,
    SubjectKind,
    UnitKind,
)

# Cut records by value, shared by every projection of the process: they are few (a year, a
# rating, a handful of codes and initiatives), and sharing them lets a cut history be known by
# the ids of its records. By id too, to go back from a key to the records.
_SHARED: dict[YearRecord, YearRecord] = {}
_BY_ID: dict[int, YearRecord] = {}


# An initiative scope as its rank, and one past the widest: keep no initiative.
_NO_SCOPE = len(InitiativeScope)


class Projection:
    """The cut for one plan, one kind of subject and one evaluation year.

    Runs are nested: a year in the run of a floor is in the run of every lower floor. So going
    down the years, a "level" counts the floors (lowest first) whose runs go on; each year is
    cut by whether it lies in the run the ratings are read over, and by the narrowest
    initiative scope any read covering it counts."""

    __slots__ = ("_codes", "_floor_ranks", "_recent", "_run_scope", "_seen", "_slots", "year")

    def __init__(self, reads: Reads, year: int, settings: RuleSettings) -> None:
        self.year = year
        self._codes = reads.codes
        floors = sorted(
            {f for f in (reads.floor, *(f for f, _ in reads.initiatives_in_run)) if f},
            key=RATING_RANK.__getitem__,
        )
        self._floor_ranks = [RATING_RANK[f] for f in floors]
        # A year's rating is kept at this level and above (never without a rating floor).
        rating_level = floors.index(reads.floor) + 1 if reads.floor else len(floors) + 1
        # By level: the narrowest scope counted within the runs that go on.
        self._run_scope = [
            min(
                (SCOPE_RANK[s] for f, s in reads.initiatives_in_run if floors.index(f) < level),
                default=_NO_SCOPE,
            )
            for level in range(len(floors) + 1)
        ]
        # By how far back from the year before the evaluation year (0): the narrowest scope
        # counted over the last years.
        in_years = reads.years_read(settings)
        years_scope = [
            min((SCOPE_RANK[s] for n, s in in_years if back <= n - 2), default=_NO_SCOPE)
            for back in range(max((n for n, _ in in_years), default=0))
        ]
        # Where a year's cut is kept in its record's list, by level and by how far back
        # (the last column: further back than any "last years" read).
        self._slots = [
            [
                2 + (level >= rating_level) * (_NO_SCOPE + 1) + min(run_scope, years)
                for years in (*years_scope, _NO_SCOPE)
            ]
            for level, run_scope in enumerate(self._run_scope)
        ]
        self._recent = len(years_scope)
        # id(record) → [the record (kept alive so that its id stays its own), its level, then
        # the id of its cut for each way of cutting (-1: not cut yet, 0: nothing left)].
        self._seen: dict[int, list[Any]] = {}

    def key(self, years: Mapping[int, YearRecord]) -> tuple[int, ...]:
        """The cut of the years before the evaluation year, as the ids of its records from the
        latest year back (equal cuts, equal keys). Written out, in one pass down the years: a
        scan asks it of every distinct history."""
        seen_of, slots, recent = self._seen, self._slots, self._recent
        get = years.get
        ids: list[int] = []
        now = self.year
        # Runs start with the evaluation year: one it does not qualify for is empty.
        current = get(now)
        level = (seen_of.get(id(current)) or self._see(current))[1] if current else 0
        for back in range(now - min(years, default=now)):
            record = get(now - 1 - back)
            if record is None:
                level = 0
                continue
            seen = seen_of.get(id(record)) or self._see(record)
            if seen[1] < level:
                level = seen[1]
            slot = slots[level][back if back < recent else recent]
            cut = seen[slot]
            if cut < 0:
                cut = seen[slot] = self._cut(record, slot)
            if cut:
                ids.append(cut)
        return tuple(ids)

    def case(self, case: Case) -> Case:
        """The case as the plan's checks see it: the evaluation year whole, earlier years cut."""
        years = {cut.year: cut for cut in map(_BY_ID.__getitem__, self.key(case.years))}
        current = case.years.get(self.year)
        if current is not None:
            years[self.year] = current
        return Case(year=case.year, kind=case.kind, unit_kind=case.unit_kind, years=years)

    def _see(self, record: YearRecord) -> list[Any]:
        rank = RATING_RANK[record.rating] if record.rating is not None else -1
        level = sum(1 for floor in self._floor_ranks if rank >= floor)
        seen = self._seen[id(record)] = [record, level, *([-1] * (2 * (_NO_SCOPE + 1)))]
        return seen

    def _cut(self, record: YearRecord, slot: int) -> int:
        rating, scope = divmod(slot - 2, _NO_SCOPE + 1)
        kept_rating = record.rating if rating else None
        initiatives = tuple(sorted(s for s in record.initiatives if SCOPE_RANK[s] >= scope))
        granted = record.granted & self._codes
        if kept_rating is None and not granted and not initiatives:
            return 0
        cut = YearRecord(record.year, kept_rating, initiatives=initiatives, granted=granted)
        cut = _SHARED.setdefault(cut, cut)
        _BY_ID[id(cut)] = cut
        return id(cut)


# Kind, unit kind, id of the evaluation year's record, the cut of the earlier years.
_Key = tuple[SubjectKind, UnitKind | None, int, tuple[int, ...]]


class Judge:
    """Judges many cases with one plan for one evaluation year, once per distinct projection.
    Keeps every record it has seen alive (their ids key its memo): one judge per scan."""

    __slots__ = ("_current", "_plan", "_projections", "_results", "year")

    def __init__(self, plan: Plan, year: int) -> None:
        self._plan = plan
        self.year = year
        self._projections = {kind: _projection(plan, kind, year) for kind in SubjectKind}
        self._current: dict[int, YearRecord | None] = {}
        self._results: dict[_Key, CaseResult] = {}

    def evaluate(self, case: Case) -> CaseResult:
        return self.judged(case.kind, case.unit_kind, case.years, year=case.year)

    def judged(
        self,
        kind: SubjectKind,
        unit_kind: UnitKind | None,
        years: Mapping[int, YearRecord],
        *,
        year: int,
    ) -> CaseResult:
        """``evaluate`` of the case these make, without building it unless it must be judged."""
        projection = self._projections[kind]
        if projection is None or year != self.year:
            return self._plan.evaluate(Case(year=year, kind=kind, unit_kind=unit_kind, years=years))
        current = years.get(year)
        self._current.setdefault(id(current), current)
        key = (kind, unit_kind, id(current), projection.key(years))
        result = self._results.get(key)
        if result is None:
            case = Case(year=year, kind=kind, unit_kind=unit_kind, years=years)
            result = self._results[key] = self._plan.evaluate(projection.case(case))
        return result


def _projection(plan: Plan, kind: SubjectKind, year: int) -> Projection | None:
    """None when a check of the plan has not declared what it reads: then every case is
    judged in full."""
    reads = combined(tuple(c.check for award in plan.by_kind[kind] for c in award.criteria))
    return Projection(reads, year, plan.settings) if reads is not None else None
