"""The facts of many subjects, read from the database in a few set-based queries and turned
into the law engine's ``Case``s: one query each for units, people, assessments, initiatives and
standing awards, whatever the number of people (never one query per person).

Rows come back as tuples (``values_list``) and are grouped per subject and year in plain dicts
of shared ``YearRecord``s: equal facts are one object (``_Records``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, NamedTuple

from django.db import connections
from django.db.models import Q, QuerySet

from thidua.awards.models import AwardRecord
from thidua.core.rules import Case, Members, YearRecord
from thidua.core.rules.facts import FULL_YEAR_MONTHS
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


class SubjectRow(NamedTuple):
    """Who a case is about, for the listing: the engine sees only the ``Case``. A named tuple:
    a province builds hundreds of thousands, three times cheaper than a frozen dataclass."""

    kind: SubjectKind
    id: int
    code: str
    name: str
    unit_id: int


class _Records:
    """Year records shared between subjects: equal facts are one ``YearRecord`` object. A
    province has a few thousand distinct subject-years among millions, so a history is a dict
    of shared records, and a history's records say by their identity whether two subjects'
    facts are equal (the scan judges equal facts once)."""

    __slots__ = ("_canonical", "_empty", "_scopes", "assessed_rows", "grown_by_code")

    def __init__(self) -> None:
        # Read by the loops over rows before they call the methods: a hit costs no call.
        self.assessed_rows: dict[tuple[int, str, str | None, int], YearRecord] = {}
        # (id(record), code) → the record with the code added
        self.grown_by_code: dict[tuple[int, str], YearRecord] = {}
        self._empty: dict[int, YearRecord] = {}
        self._scopes: dict[tuple[int, str], YearRecord] = {}
        self._canonical: dict[YearRecord, YearRecord] = {}

    def _one(self, record: YearRecord) -> YearRecord:
        return self._canonical.setdefault(record, record)

    def assessed(self, year: int, rating: str, discipline: str | None, months: int) -> YearRecord:
        key = (year, rating, discipline, months)
        found = self.assessed_rows.get(key)
        if found is None:
            record = YearRecord(year, _RATINGS.get(rating), months, _DISCIPLINES.get(discipline))
            found = self.assessed_rows[key] = self._one(record)
        return found

    def empty(self, year: int) -> YearRecord:
        found = self._empty.get(year)
        if found is None:
            found = self._empty[year] = self._one(YearRecord(year))
        return found

    def with_code(self, record: YearRecord, code: str) -> YearRecord:
        key = (id(record), code)
        found = self.grown_by_code.get(key)
        if found is None:
            grown = (
                record
                if code in record.granted
                else record._replace(granted=record.granted | {code})
            )
            found = self.grown_by_code[key] = self._one(grown)
        return found

    def with_initiative(self, record: YearRecord, scope: str) -> YearRecord:
        key = (id(record), scope)
        found = self._scopes.get(key)
        if found is None:
            grown = record._replace(initiatives=(*record.initiatives, _SCOPES[scope]))
            found = self._scopes[key] = self._one(grown)
        return found


History = dict[int, dict[int, YearRecord]]  # subject id → year → facts (shared records)
# Field lookups selecting the subjects on their own model: {"unit__path__startswith": "/1/"}.
Lookups = Mapping[str, object]
NO_YEARS: Mapping[int, YearRecord] = MappingProxyType({})
_CHUNK = 20000


def _rows(queryset: QuerySet[Any, Any]) -> Iterator[Any]:
    """The rows of a ``values_list`` queryset as the driver gives them, fetched in chunks by a
    plain cursor: on PostgreSQL, Django's ``iterator()`` would open a server-side cursor, planned
    for the first rows rather than for all of them, and cost a round trip per chunk. The fields
    read here (integers and text) need no conversion."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(_CHUNK):
            yield from rows


def _years(history: History, subject_id: int) -> dict[int, YearRecord]:
    years = history.get(subject_id)
    if years is None:
        years = history[subject_id] = {}
    return years


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
    records = _Records()
    assessments = (
        Assessment.objects.filter(**_related("person", subjects), year__range=(first, year))
        .values_list("person_id", "year", "rating", "discipline", "service_months")
        .order_by()
    )
    # The loops are written out: a province brings millions of rows through them.
    known, assessed = records.assessed_rows, records.assessed
    for row in _rows(assessments):
        facts = row[1:]  # year, rating, discipline, months
        record = known.get(facts)
        if record is None:
            record = assessed(*facts)
        years = history.get(row[0])
        if years is None:
            years = history[row[0]] = {}
        years[facts[0]] = record
    authorship = (
        Initiative.authors.through.objects.filter(
            **_related("person", subjects), initiative__year__range=(first, year)
        )
        .values_list("person_id", "initiative__year", "initiative__scope")
        .order_by()
    )
    for person_id, y, scope in _rows(authorship):
        years = _years(history, person_id)
        years[y] = records.with_initiative(years.get(y) or records.empty(y), scope)
    _add_awards(history, records, "person", subjects, first=first, year=year)
    return history


def collectives_history(subjects: Lookups, *, year: int) -> History:
    first = year - HISTORY_YEARS
    history: History = {}
    records = _Records()
    assessments = (
        Assessment.objects.filter(**_related("unit", subjects), year__range=(first, year))
        .values_list("unit_id", "year", "rating")
        .order_by()
    )
    for unit_id, y, rating in _rows(assessments):
        _years(history, unit_id)[y] = records.assessed(y, rating, None, FULL_YEAR_MONTHS)
    _add_awards(history, records, "collective", subjects, first=first, year=year)
    return history


def households_history(subjects: Lookups, *, year: int) -> History:
    history: History = {}
    _add_awards(history, _Records(), "household", subjects, first=year - HISTORY_YEARS, year=year)
    return history


_SUBJECT_MODELS: dict[str, type[Person | Unit | Household]] = {
    "person": Person,
    "unit": Unit,
    "collective": Unit,
    "household": Household,
}


def _related(name: str, lookups: Lookups) -> dict[str, object]:
    """Lookups on a model, as lookups on the rows that point at it by ``name``: their foreign
    key among the subjects' ids (``IN (SELECT id …)``). Rather than a join through the subject
    (``person__unit__path__startswith``): SQLite then walks the rows by year and looks every
    one's subject up, a third slower over a province; the subquery lets it read the rows
    subject by subject from the foreign key's index."""
    subjects = _SUBJECT_MODELS[name].objects.filter(**lookups).values("pk")
    return {f"{name}_id__in": subjects}


def _add_awards(
    history: History,
    records: _Records,
    field_name: str,
    subjects: Lookups,
    *,
    first: int,
    year: int,
) -> None:
    awards = (
        AwardRecord.objects.standing()
        .filter(**_related(field_name, subjects), year__range=(first, year))
        .values_list(f"{field_name}_id", "year", "code")
        .order_by()  # in no order: the model's default would sort millions of rows
    )
    grown, with_code, empty = records.grown_by_code, records.with_code, records.empty
    for subject_id, y, code in _rows(awards):
        years = history.get(subject_id)
        if years is None:
            years = history[subject_id] = {}
        record = years.get(y) or empty(y)
        years[y] = grown.get((id(record), code)) or with_code(record, code)


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
    years: Mapping[int, YearRecord] = history.get(row.id, NO_YEARS)
    if members is not None:
        current = years.get(year) or YearRecord(year)
        years = {**years, year: current._replace(members=members)}
    return Case(year=year, kind=row.kind, unit_kind=unit_kind, years=years)


@dataclass(slots=True)
class MemberTally:
    """Counts over the people of one unit in the evaluation year, for its collective
    criteria; titles are those granted or found eligible by the engine that same year."""

    total: int = 0
    completed: int = 0
    lao_dong_tien_tien: int = 0
    chien_si_thi_dua_co_so: int = 0
    disciplined: int = 0

    def add(self, share: MemberShare | None) -> None:
        if share is None:
            return
        self.total += 1
        self.completed += share[0]
        self.lao_dong_tien_tien += share[1]
        self.chien_si_thi_dua_co_so += share[2]
        self.disciplined += share[3]

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


# What one member adds to the tally: completed, Lao động tiên tiến, Chiến sĩ thi đua cơ sở,
# disciplined from cảnh cáo upward (each 0 or 1).
MemberShare = tuple[int, int, int, int]


def member_share(record: YearRecord | None, eligible: Iterable[str]) -> MemberShare | None:
    """A person's part in the tally of the unit, from their record of the evaluation year and
    what the engine found them eligible for; None when that year has no rating (not counted)."""
    if record is None or record.rating is None:
        return None
    holds = record.granted.union(eligible)
    discipline = record.discipline
    return (
        int(rating_at_least(record.rating, Rating.HOAN_THANH)),
        int("lao_dong_tien_tien" in holds),
        int("chien_si_thi_dua_co_so" in holds),
        int(discipline is not None and DISCIPLINE_RANK[discipline] >= _CANH_CAO),
    )
