"""SangKien: initiatives recognised, one row per author. Rows of the same year and title
(ignoring case) are one initiative with several authors."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from thidua.core.text import normalize
from thidua.dataio.workbook.base import Column, Sheet, chunks, unique_rows
from thidua.dataio.workbook.cells import Cells
from thidua.dataio.workbook.context import ImportContext, unknown_person
from thidua.dataio.workbook.scope import ExportScope
from thidua.dataio.workbook.vocab import SCOPE
from thidua.dataio.workbook.writer import bulk_create, bulk_update
from thidua.orgs.models import Initiative

YEAR, PERSON, TITLE, SCOPE_COL = "Năm", "Mã cá nhân", "Tên sáng kiến", "Phạm vi ảnh hưởng"
Key = tuple[int, str]


@dataclass(slots=True)
class InitiativeRow:
    row: int
    year: int
    person_code: str
    title: str
    scope: str

    @property
    def key(self) -> Key:
        return (self.year, self.title.casefold())


class InitiativesSheet(Sheet[InitiativeRow]):
    name = "SangKien"
    title = "Sáng kiến, đề tài khoa học được công nhận"
    columns = (
        Column(YEAR, "Năm công nhận.", width=8, kind="year", required=True),
        Column(PERSON, "Mã cá nhân tác giả; mỗi tác giả một dòng.", width=14, required=True),
        Column(TITLE, "Tên sáng kiến, đề tài.", width=50, required=True),
        Column(
            SCOPE_COL,
            "Cơ sở, Tỉnh (hoặc Bộ, Ngành), Toàn quốc.",
            width=16,
            choices=SCOPE,
            required=True,
        ),
    )
    notes = (
        "Sáng kiến có nhiều tác giả: mỗi tác giả một dòng, cùng năm và cùng tên sáng kiến "
        "(không phân biệt chữ hoa, chữ thường), cùng phạm vi ảnh hưởng.",
    )

    def parse(self, cells: Cells) -> InitiativeRow | None:
        row = InitiativeRow(
            cells.row,
            cells.year(YEAR) or 0,
            cells.text(PERSON, required=True, max_length=64),
            cells.text(TITLE, required=True, max_length=500),
            cells.choice(SCOPE_COL, SCOPE),
        )
        return row if cells.ok else None

    def check(self, rows: list[InitiativeRow], ctx: ImportContext) -> None:
        rows = unique_rows(
            rows,
            lambda r: (r.key, r.person_code),
            lambda r, first: ctx.problem(
                self.name, r.row, PERSON, f"tác giả “{r.person_code}” đã ghi ở dòng {first}."
            ),
        )
        ctx.load_persons(r.person_code for r in rows)
        stored = _stored({r.year for r in rows})
        heads: dict[Key, InitiativeRow] = {}
        self.initiatives: dict[Key, tuple[int | None, InitiativeRow, bool]] = {}
        self.authors: list[InitiativeRow] = []
        for r in rows:
            head = heads.setdefault(r.key, r)
            if r.scope != head.scope:
                ctx.problem(
                    self.name,
                    r.row,
                    SCOPE_COL,
                    f"sáng kiến này đã ghi ở dòng {head.row} với phạm vi {SCOPE.word(head.scope)}.",
                )
                continue
            person = ctx.person(r.person_code)
            if person is None:
                ctx.problem(self.name, r.row, PERSON, unknown_person(r.person_code))
                continue
            old = stored.get(r.key)
            rescoped = old is not None and old[1] != r.scope
            self.initiatives[r.key] = (old[0] if old else None, head, rescoped)
            if old is None or person.id not in old[2]:
                self.authors.append(r)
                self.outcome(r, "created")
            else:
                self.outcome(r, "updated" if rescoped else "unchanged")
                if not rescoped:
                    continue
            ctx.writes(self.name, r.row, PERSON, person.unit_code)

    def apply(self, ctx: ImportContext) -> None:
        new = {
            key: Initiative(year=head.year, title=head.title, scope=head.scope)
            for key, (pk, head, _) in self.initiatives.items()
            if pk is None
        }
        bulk_create(Initiative, list(new.values()), ctx, counted=False)
        ids = {key: pk or new[key].pk for key, (pk, _, _) in self.initiatives.items()}
        now = timezone.now()
        rescoped = [
            Initiative(pk=pk, scope=head.scope, updated_at=now)
            for pk, head, changed in self.initiatives.values()
            if pk is not None and changed
        ]
        bulk_update(Initiative, rescoped, ["scope", "updated_at"], ctx)
        through = Initiative.authors.through
        links = [
            through(initiative_id=ids[r.key], person_id=ctx.person_ids[r.person_code])
            for r in self.authors
        ]
        bulk_create(through, links, ctx)

    def export(self, scope: ExportScope) -> Iterable[tuple[Any, ...]]:
        rows = scope.initiatives().values_list(
            "initiative__year", "person__code", "initiative__title", "initiative__scope"
        )
        for year, person, title, initiative_scope in sorted(rows, key=lambda r: (r[0], r[2], r[1])):
            yield (year, person, title, SCOPE.word(initiative_scope))

    def describe(self, row: InitiativeRow) -> str:
        return f"“{row.title}” năm {row.year}, tác giả {row.person_code}"


def _stored(years: set[int]) -> dict[Key, tuple[int, str, set[int]]]:
    """(year, title folded) → (id, scope, author ids) for the initiatives of these years."""
    stored: dict[Key, tuple[int, str, set[int]]] = {}
    by_id: dict[int, tuple[int, str, set[int]]] = {}
    qs = Initiative.objects.filter(year__in=sorted(years)).values_list(
        "pk", "year", "title", "scope"
    )
    for pk, year, title, scope in qs:
        key = (year, normalize(title).casefold())
        by_id[pk] = stored.setdefault(key, (pk, scope, set[int]()))
    through = Initiative.authors.through.objects
    for part in chunks(sorted(by_id)):
        for initiative_id, person_id in through.filter(initiative_id__in=part).values_list(
            "initiative_id", "person_id"
        ):
            by_id[initiative_id][2].add(person_id)
    return stored
