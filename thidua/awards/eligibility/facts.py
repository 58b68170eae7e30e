"""The facts of many subjects, read from the database in a few set-based queries and turned
into the law engine's ``Case``s: one query each for units, people, assessments, initiatives and
standing awards, whatever the number of people (never one query per person).

Rows come back as tuples (``values_list``) and are grouped per subject and year in plain dicts;
a ``YearRecord`` is built once per subject-year.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db.models import Q

from thidua.awards.models import AwardRecord
from thidua.core.rules import Case, Members, YearRecord
from thidua.core.rules.facts import FULL_YEAR_MONTHS, NO_CODES
from thidua.core.rules.vocabulary import (
    DISCIPLINE_RANK,
    Discipline,
    InitiativeScope,
    Rating,
    SubjectKind,
    UnitKind,
    rating_at_least,
)
from thidua.orgs.models import Assessment, Household, Initiative, Person, Unit

# The longest chain the law follows back: Huân chương after Bằng khen of the Prime Minister
# after Bằng khen tỉnh, each five years and more.
HISTORY_YEARS = 15
_ENGINE_UNIT_KINDS = {k.value: k for k in UnitKind}
_CANH_CAO = DISCIPLINE_RANK[Discipline.CANH_CAO]
# Codes to enum members by dictionary: calling the enum costs more than the rest of the row.
_RATINGS: dict[str | None, Rating] = {r.value: r for r in Rating}
_DISCIPLINES: dict[str | None, Discipline] = {d.value: d for d in Discipline}
_SCOPES: dict[str, InitiativeScope] = {s.value: s for s in InitiativeScope}


@dataclass(frozen=True, slots=True)
class UnitRow:
    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None


@dataclass(frozen=True, slots=True)
class SubjectRow:
    """Who a case is about, for the listing: the engine sees only the ``Case``."""

    kind: SubjectKind
    id: int
    code: str
    name: str
    unit_id: int


class _Year:
    """The facts of one subject-year while rows from several queries are gathered; the lists
    are made only for the years that have initiatives or awards."""

    __slots__ = ("discipline", "granted", "initiatives", "rating", "service_months")

    def __init__(self) -> None:
        self.rating: Rating | None = None
        self.service_months = FULL_YEAR_MONTHS
        self.discipline: Discipline | None = None
        self.initiatives: list[InitiativeScope] | None = None
        self.granted: set[str] | None = None

    def record(self, year: int, members: Members | None = None) -> YearRecord:
        return YearRecord(
            year,
            self.rating,
            self.service_months,
            self.discipline,
            tuple(self.initiatives) if self.initiatives else (),
            frozenset(self.granted) if self.granted else NO_CODES,
            members,
        )


History = dict[int, dict[int, _Year]]  # subject id → year → facts
# Field lookups selecting the subjects on their own model: {"unit__path__startswith": "/1/"}.
Lookups = Mapping[str, object]


def _year(history: History, subject_id: int, year: int) -> _Year:
    years = history.get(subject_id)
    if years is None:
        years = history[subject_id] = {}
    found = years.get(year)
    if found is None:
        found = years[year] = _Year()
    return found


def units_with_ancestors(root: Unit) -> dict[int, UnitRow]:
    """The subtree of ``root`` and the units above it (to name the decider), one query."""
    ancestor_ids = [int(i) for i in root.path.strip("/").split("/") if i]
    rows = Unit.objects.filter(Q(path__startswith=root.path) | Q(pk__in=ancestor_ids))
    return {r[0]: UnitRow(*r) for r in rows.values_list("id", "code", "name", "kind", "parent_id")}


class UnitKinds:
    """The engine's unit kind of a unit: its own when the engine knows it (Sở, xã…), else that
    of the nearest unit above (a phòng of a Sở belongs to the Sở)."""

    def __init__(self, units: Mapping[int, UnitRow]) -> None:
        self._units = units
        self._memo: dict[int, UnitKind | None] = {}

    def of(self, unit_id: int | None) -> UnitKind | None:
        if unit_id is None:
            return None
        if unit_id not in self._memo:
            unit = self._units.get(unit_id)
            if unit is None:
                self._memo[unit_id] = None
            else:
                own = _ENGINE_UNIT_KINDS.get(unit.kind)
                self._memo[unit_id] = own if own is not None else self.of(unit.parent_id)
        return self._memo[unit_id]

    def above(self, unit_id: int) -> UnitKind | None:
        """Where a collective belongs: the kind of the unit above it."""
        unit = self._units.get(unit_id)
        return self.of(unit.parent_id) if unit is not None else None


def people_history(subjects: Lookups, *, year: int) -> History:
    """Assessments, recognised initiatives and standing awards of the people matched by
    ``subjects`` (lookups on ``Person``), for the years that can matter to ``year``."""
    first = year - HISTORY_YEARS
    history: History = {}
    assessments = Assessment.objects.filter(
        **_related("person", subjects), year__range=(first, year)
    ).values_list("person_id", "year", "rating", "discipline", "service_months")
    for person_id, y, rating, discipline, months in assessments.iterator(chunk_size=20000):
        facts = _year(history, person_id, y)
        facts.rating = _RATINGS.get(rating)
        facts.discipline = _DISCIPLINES.get(discipline)
        facts.service_months = months
    authorship = Initiative.authors.through.objects.filter(
        **_related("person", subjects), initiative__year__range=(first, year)
    ).values_list("person_id", "initiative__year", "initiative__scope")
    for person_id, y, scope in authorship.iterator(chunk_size=20000):
        facts = _year(history, person_id, y)
        if facts.initiatives is None:
            facts.initiatives = []
        facts.initiatives.append(_SCOPES[scope])
    _add_awards(history, "person", subjects, first=first, year=year)
    return history


def collectives_history(subjects: Lookups, *, year: int) -> History:
    first = year - HISTORY_YEARS
    history: History = {}
    assessments = Assessment.objects.filter(
        **_related("unit", subjects), year__range=(first, year)
    ).values_list("unit_id", "year", "rating")
    for unit_id, y, rating in assessments.iterator(chunk_size=20000):
        _year(history, unit_id, y).rating = _RATINGS.get(rating)
    _add_awards(history, "collective", subjects, first=first, year=year)
    return history


def households_history(subjects: Lookups, *, year: int) -> History:
    history: History = {}
    _add_awards(history, "household", subjects, first=year - HISTORY_YEARS, year=year)
    return history


def _related(name: str, lookups: Lookups) -> dict[str, object]:
    """Lookups on a model, as lookups on the rows that point at it by ``name``."""
    return {f"{name}__{key}": value for key, value in lookups.items()}


def _add_awards(
    history: History, field_name: str, subjects: Lookups, *, first: int, year: int
) -> None:
    awards = (
        AwardRecord.objects.standing()
        .filter(**_related(field_name, subjects), year__range=(first, year))
        .values_list(f"{field_name}_id", "year", "code")
    )
    for subject_id, y, code in awards.iterator(chunk_size=20000):
        facts = _year(history, subject_id, y)
        if facts.granted is None:
            facts.granted = set()
        facts.granted.add(code)


def people_rows(people: Lookups) -> list[SubjectRow]:
    rows = Person.objects.filter(**people).values_list("id", "code", "full_name", "unit_id")
    return [SubjectRow(SubjectKind.INDIVIDUAL, *r) for r in rows.order_by("sort_key", "id")]


def household_rows(households: Lookups) -> list[SubjectRow]:
    rows = Household.objects.filter(**households).values_list("id", "code", "name", "unit_id")
    return [SubjectRow(SubjectKind.HOUSEHOLD, *r) for r in rows.order_by("code")]


def case_of(
    row: SubjectRow,
    history: History,
    *,
    year: int,
    unit_kind: UnitKind | None,
    members: Members | None = None,
) -> Case:
    years = history.get(row.id, {})
    records = {y: facts.record(y, members if y == year else None) for y, facts in years.items()}
    if members is not None and year not in records:
        records[year] = YearRecord(year=year, members=members)
    return Case(year=year, kind=row.kind, unit_kind=unit_kind, years=records)


@dataclass(slots=True)
class MemberTally:
    """Counts over the people of one unit in the evaluation year, for its collective
    criteria; titles are those granted or found eligible by the engine that same year."""

    total: int = 0
    completed: int = 0
    lao_dong_tien_tien: int = 0
    chien_si_thi_dua_co_so: int = 0
    disciplined: int = 0

    def add(self, facts: _Year | None, holds: Iterable[str]) -> None:
        if facts is None or facts.rating is None:
            return
        codes = set(holds)
        self.total += 1
        self.completed += rating_at_least(facts.rating, Rating.HOAN_THANH)
        self.lao_dong_tien_tien += "lao_dong_tien_tien" in codes
        self.chien_si_thi_dua_co_so += "chien_si_thi_dua_co_so" in codes
        if facts.discipline is not None and DISCIPLINE_RANK[facts.discipline] >= _CANH_CAO:
            self.disciplined += 1

    def members(self) -> Members | None:
        if not self.total:
            return None
        return Members(
            total=self.total,
            completed=self.completed,
            lao_dong_tien_tien=self.lao_dong_tien_tien,
            chien_si_thi_dua_co_so=self.chien_si_thi_dua_co_so,
            disciplined_canh_cao_or_above=self.disciplined,
        )
