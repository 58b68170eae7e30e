"""The facts of many subjects, read from the database in a few set-based queries and turned
into the law engine's ``Case``s: one query each for units, people, assessments, initiatives and
standing awards, whatever the number of people (never one query per person).

The database joins each subject's facts into one text per kind of fact (``_joined``); the
texts become plain dicts of shared ``YearRecord``s, one per distinct set of texts
(``_Histories``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, NamedTuple

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Aggregate, F, Func, Q, QuerySet, TextField, Value, When
from django.db.models import Case as SqlCase

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
# A person's year as most are: no discipline, in service all year.
_USUAL_YEAR = {"discipline": "", "service_months": FULL_YEAR_MONTHS}
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


class _Joined(Aggregate):
    """The texts of a group joined by commas, in no set order: ``group_concat`` on SQLite,
    ``string_agg`` on PostgreSQL (Django 5.2 has no aggregate for both)."""

    function = "GROUP_CONCAT"
    output_field = TextField()

    def as_postgresql(
        self, compiler: Any, connection: Any, **extra_context: Any
    ) -> tuple[str, Any]:
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(%(expressions)s, ',')",
            **extra_context,
        )


class _Glued(Func):
    """Texts and numbers glued by ``||`` (both databases). Not ``Concat``: it wraps every part
    in COALESCE, which SQLite spends a third of a province's query on, and the fields read
    here are never NULL."""

    arg_joiner = " || "
    template = "(%(expressions)s)"
    output_field = TextField()


def _text(*fields: str, unless_usual: Mapping[str, object] | None = None) -> _Glued:
    """One fact as a short text, its fields separated by spaces: ``2024 tot``. The fields of
    ``unless_usual`` follow only when one of them differs from its usual value: most people's
    years are written ``2024 tot`` rather than ``2024 tot  12``."""
    parts: list[Any] = []
    for field in fields:
        parts += [Value(" "), F(field)]
    text = _Glued(*parts[1:])
    if not unless_usual:
        return text
    unusual = _Glued(Value(" "), _text(*unless_usual))
    usual = When(Q(**unless_usual), then=Value(""))
    return _Glued(text, SqlCase(usual, default=unusual, output_field=TextField()))


def _joined(queryset: QuerySet[Any, Any], subject: str, text: _Glued) -> dict[int, str]:
    """Each subject's facts in one row, joined by the database: a province's millions of rows
    arrive as one text per subject, and equal texts are read once."""
    rows = (
        queryset.order_by()
        .values(subject)
        .annotate(facts=_Joined(text))
        .values_list(subject, "facts")
    )
    return dict(_rows(rows))


class _Histories:
    """Histories built from the joined texts and shared: subjects whose texts are equal get one
    history object (the scan then judges them once), and a history holds year records shared
    between subjects (a province has a few thousand distinct subject-years among millions).

    Every text piece is parsed once: what it means is looked up by the piece itself, and what
    adding it to a record gives by the record's identity and the piece."""

    __slots__ = ("_assessed", "_by_texts", "_canonical", "_empty", "_grown", "_year_of")

    def __init__(self) -> None:
        self._by_texts: dict[tuple[str | None, ...], Mapping[int, YearRecord]] = {}
        self._assessed: dict[str, YearRecord] = {}
        self._year_of: dict[str, int] = {}
        self._empty: dict[int, YearRecord] = {}
        # per way of growing: (id(record), piece) → the record with the piece added
        self._grown: dict[Grow, dict[tuple[int, str], YearRecord]] = {
            _with_initiative: {},
            _with_code: {},
        }
        self._canonical: dict[YearRecord, YearRecord] = {}

    def of(
        self, assessed: str | None, authored: str | None, awarded: str | None
    ) -> Mapping[int, YearRecord]:
        key = (assessed, authored, awarded)
        found = self._by_texts.get(key)
        if found is None:
            found = self._by_texts[key] = self._build(assessed, authored, awarded)
        return found

    def _build(
        self, assessed: str | None, authored: str | None, awarded: str | None
    ) -> dict[int, YearRecord]:
        # Written out: a province brings millions of pieces through these loops.
        years: dict[int, YearRecord] = {}
        known = self._assessed
        for piece in assessed.split(",") if assessed else ():
            record = known.get(piece) or self._assess(piece)
            years[record.year] = record
        year_of = self._year_of
        for texts, grow in ((authored, _with_initiative), (awarded, _with_code)):
            grown = self._grown[grow]
            for piece in texts.split(",") if texts else ():
                year = year_of.get(piece)
                if year is None:
                    year = year_of[piece] = int(piece.partition(" ")[0])
                record = years.get(year) or self._empty_record(year)
                bigger = grown.get((id(record), piece))
                if bigger is None:
                    bigger = grown[(id(record), piece)] = self._one(grow(record, piece))
                years[year] = bigger
        return years

    def _assess(self, piece: str) -> YearRecord:
        """``year rating`` for a collective; ``year rating discipline months`` for a person."""
        year, rating, *rest = piece.split(" ")
        discipline, months = (rest[0], int(rest[1])) if rest else (None, FULL_YEAR_MONTHS)
        record = YearRecord(int(year), _RATINGS.get(rating), months, _DISCIPLINES.get(discipline))
        found = self._assessed[piece] = self._one(record)
        return found

    def _empty_record(self, year: int) -> YearRecord:
        found = self._empty.get(year)
        if found is None:
            found = self._empty[year] = self._one(YearRecord(year))
        return found

    def _one(self, record: YearRecord) -> YearRecord:
        return self._canonical.setdefault(record, record)


def _with_initiative(record: YearRecord, piece: str) -> YearRecord:
    scope = _SCOPES[piece.partition(" ")[2]]
    return record._replace(initiatives=(*record.initiatives, scope))


def _with_code(record: YearRecord, piece: str) -> YearRecord:
    code = piece.partition(" ")[2]
    return record if code in record.granted else record._replace(granted=record.granted | {code})


Grow = Callable[[YearRecord, str], YearRecord]
History = dict[int, Mapping[int, YearRecord]]  # subject id → year → facts (shared)
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


def _history(
    assessed: dict[int, str], authored: dict[int, str], awarded: dict[int, str]
) -> History:
    histories = _Histories()
    of = histories.of
    return {
        subject: of(assessed.get(subject), authored.get(subject), awarded.get(subject))
        for subject in assessed.keys() | authored.keys() | awarded.keys()
    }


def _side_by_side(*reads: Callable[[], Any]) -> list[Any]:
    """The reads at once, each in its own thread on its own connection, where that pays: on
    PostgreSQL the server works on one query while Python takes in the rows of another (the
    driver lets go of the interpreter while it waits): a province's scan took 8.5 s instead of
    9.6 s. Otherwise one after the other."""
    if not _reads_side_by_side():
        return [read() for read in reads]
    with ThreadPoolExecutor(max_workers=len(reads), thread_name_prefix="thidua-facts") as pool:
        return list(pool.map(_on_own_connection, reads))


def _reads_side_by_side() -> bool:
    """Not inside a transaction: other connections would not see what it has not committed.
    Not on SQLite: its driver hands the interpreter back and forth on every row, and threads
    reading side by side spend more on that than they overlap (a province's scan took 11.3–12.6 s
    instead of 10.6 s)."""
    connection = connections[DEFAULT_DB_ALIAS]
    return connection.vendor == "postgresql" and not connection.in_atomic_block


def _on_own_connection(read: Callable[[], Any]) -> Any:
    try:
        return read()
    finally:
        connections.close_all()  # this thread's


def _people_reads(subjects: Lookups, year: int) -> tuple[Callable[[], dict[int, str]], ...]:
    """Assessments, recognised initiatives and standing awards of the people matched by
    ``subjects`` (lookups on ``Person``), for the years that can matter to ``year``."""
    years = (year - HISTORY_YEARS, year)
    people = _related("person", subjects)
    assessments = Assessment.objects.filter(**people, year__range=years)
    authorship = Initiative.authors.through.objects.filter(**people, initiative__year__range=years)
    return (
        lambda: _joined(
            assessments, "person_id", _text("year", "rating", unless_usual=_USUAL_YEAR)
        ),
        lambda: _joined(authorship, "person_id", _text("initiative__year", "initiative__scope")),
        lambda: _awarded("person", subjects, years),
    )


def people_history(subjects: Lookups, *, year: int) -> History:
    """The facts of a few people (one after the other: threads would cost more than they
    save)."""
    assessed, authored, awarded = (read() for read in _people_reads(subjects, year))
    return _history(assessed, authored, awarded)


def people_facts(
    subjects: Lookups, *, year: int, side_by_side: bool = True
) -> tuple[list[SubjectRow], History]:
    """The people matched by ``subjects`` and their facts; read side by side where that pays
    (a unit's scan), one after the other when asked (a single collective's members, where
    opening connections would cost more than it saves)."""
    reads = (lambda: people_rows(subjects), *_people_reads(subjects, year))
    if side_by_side:
        rows, assessed, authored, awarded = _side_by_side(*reads)
    else:
        rows, assessed, authored, awarded = (read() for read in reads)
    return rows, _history(assessed, authored, awarded)


def collectives_history(subjects: Lookups, *, year: int) -> History:
    years = (year - HISTORY_YEARS, year)
    assessments = Assessment.objects.filter(**_related("unit", subjects), year__range=years)
    return _history(
        _joined(assessments, "unit_id", _text("year", "rating")),
        {},
        _awarded("collective", subjects, years),
    )


def households_history(subjects: Lookups, *, year: int) -> History:
    return _history({}, {}, _awarded("household", subjects, (year - HISTORY_YEARS, year)))


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


def _awarded(field_name: str, subjects: Lookups, years: tuple[int, int]) -> dict[int, str]:
    # The years compared through an expression no index covers (``year + 0``): else SQLite,
    # whose statistics see the collective and household columns empty on most rows, walks
    # every award of the years instead of the few of the subjects (a province's collectives:
    # 1.1 s instead of 4 ms).
    awards = (
        AwardRecord.objects.standing()
        .filter(**_related(field_name, subjects))
        .alias(award_year=F("year") + 0)
        .filter(award_year__range=years)
    )
    return _joined(awards, f"{field_name}_id", _text("year", "code"))


def people_rows(people: Lookups) -> list[SubjectRow]:
    # Picked by id from a subquery, then sorted: filtered directly, SQLite walks the whole
    # table in name order and looks up every person's unit (a province: 1.8 s instead of 0.9).
    chosen = Person.objects.filter(**people).values("pk")
    rows = Person.objects.filter(pk__in=chosen).values_list("id", "code", "full_name", "unit_id")
    individual = SubjectKind.INDIVIDUAL
    return [SubjectRow(individual, *r) for r in _rows(rows.order_by("sort_key", "id"))]


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

    def add(self, share: MemberShare | None, count: int = 1) -> None:
        """``count`` members, each adding ``share``."""
        if share is None:
            return
        self.total += count
        self.completed += share[0] * count
        self.lao_dong_tien_tien += share[1] * count
        self.chien_si_thi_dua_co_so += share[2] * count
        self.disciplined += share[3] * count

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
