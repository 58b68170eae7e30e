"""CaNhan: people, each in a unit. A person whose unit changes is moved: the open
membership ends the day before the import and a new one starts on it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from thidua.core.text import fold, name_sort_key
from thidua.dataio.workbook.base import Column, Sheet, chunks, unique_rows
from thidua.dataio.workbook.cells import Cells
from thidua.dataio.workbook.context import ImportContext, PersonInfo, unknown_unit
from thidua.dataio.workbook.scope import ExportScope
from thidua.dataio.workbook.vocab import GENDER
from thidua.dataio.workbook.writer import bulk_create, bulk_update, insert_rows
from thidua.orgs.models import Membership, Person

CODE, NAME, BIRTH, GENDER_COL, UNIT, POSITION = (
    "Mã cá nhân",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Mã đơn vị",
    "Chức vụ",
)

# What ``apply`` writes of a new person, in this order.
NEW_PERSON = (
    "code",
    "full_name",
    "birth_date",
    "gender",
    "unit_id",
    "position",
    "search_key",
    "sort_key",
)


@dataclass(slots=True)
class PersonRow:
    row: int
    code: str
    full_name: str
    birth_date: date | None
    gender: str
    unit_code: str
    position: str

    def values(self) -> tuple[Any, ...]:
        return (self.full_name, self.birth_date, self.gender, self.unit_code, self.position)


class PeopleSheet(Sheet[PersonRow]):
    name = "CaNhan"
    title = "Cá nhân (cán bộ, công chức, viên chức, người lao động)"
    columns = (
        Column(CODE, "Mã duy nhất của người; bắt buộc.", width=14, required=True),
        Column(NAME, "Họ và tên đầy đủ, có dấu; bắt buộc.", width=28, required=True),
        Column(BIRTH, "Ngày sinh dd/mm/yyyy, hoặc để trống.", width=12, kind="date"),
        Column(GENDER_COL, "Nam, Nữ, hoặc để trống.", width=10, choices=GENDER),
        Column(UNIT, "Mã đơn vị đang công tác (trang DonVi hoặc đã có); bắt buộc.", required=True),
        Column(POSITION, "Chức vụ hiện tại.", width=24),
    )
    notes = (
        "Mỗi dòng một người; người đã có (cùng mã) được cập nhật. Đổi đơn vị là điều động: "
        "quá trình công tác cũ kết thúc trước ngày nhập, quá trình mới bắt đầu từ ngày nhập.",
    )

    def parse(self, cells: Cells) -> PersonRow | None:
        gender = cells.choice(GENDER_COL, GENDER, required=False)
        row = PersonRow(
            cells.row,
            cells.text(CODE, required=True, max_length=64),
            cells.text(NAME, required=True),
            cells.date(BIRTH),
            gender,
            cells.text(UNIT, required=True, max_length=64),
            cells.text(POSITION),
        )
        return row if cells.ok else None

    def check(self, rows: list[PersonRow], ctx: ImportContext) -> None:
        rows = unique_rows(
            rows,
            lambda r: r.code,
            lambda r, first: ctx.problem(
                self.name, r.row, CODE, f"mã cá nhân “{r.code}” trùng với dòng {first}."
            ),
        )
        ctx.load_units(r.unit_code for r in rows)
        stored: dict[str, tuple[Any, ...]] = {}
        fields = ("pk", "code", "full_name", "birth_date", "gender", "unit__code", "position")
        for part in chunks(sorted(r.code for r in rows)):
            for values in Person.objects.filter(code__in=part).values_list(*fields):
                stored[values[1]] = values
        self.creates: list[PersonRow] = []
        self.updates: list[tuple[int, PersonRow, bool]] = []
        for r in rows:
            if ctx.unit(r.unit_code) is None:
                ctx.problem(self.name, r.row, UNIT, unknown_unit(r.unit_code))
                continue
            old = stored.get(r.code)
            if old is None:
                self.creates.append(r)
                self.outcome(r, "created")
                ctx.writes(self.name, r.row, UNIT, r.unit_code)
                ctx.persons[r.code] = PersonInfo(r.code, None, r.full_name, r.unit_code)
                continue
            ctx.persons[r.code] = PersonInfo(r.code, old[0], r.full_name, r.unit_code)
            ctx.person_ids[r.code] = old[0]
            if r.values() == old[2:]:
                self.outcome(r, "unchanged")
            else:
                self.updates.append((old[0], r, r.unit_code != old[5]))
                self.outcome(r, "updated")
                ctx.writes(self.name, r.row, UNIT, r.unit_code)
                if r.unit_code != old[5]:
                    # Moving a person takes them out of their unit: that unit must be the
                    # importer's too.
                    ctx.writes(self.name, r.row, CODE, old[5])

    def apply(self, ctx: ImportContext) -> None:
        unit_ids = ctx.unit_ids
        insert_rows(
            Person,
            NEW_PERSON,
            (
                (
                    r.code,
                    r.full_name,
                    r.birth_date,
                    r.gender,
                    unit_ids[r.unit_code],
                    r.position,
                    *_keys(r),
                )
                for r in self.creates
            ),
            ctx,
        )
        for codes in chunks([r.code for r in self.creates]):
            ctx.person_ids.update(
                Person.objects.filter(code__in=codes).values_list("code", "pk").iterator()
            )
        insert_rows(
            Membership,
            ("person_id", "unit_id", "position"),
            ((ctx.person_ids[r.code], unit_ids[r.unit_code], r.position) for r in self.creates),
            ctx,
            counted=False,
        )
        now = timezone.now()
        changed = [_person(r, ctx, pk=pk, updated_at=now) for pk, r, _ in self.updates]
        fields = [
            "full_name",
            "birth_date",
            "gender",
            "unit",
            "position",
            "search_key",
            "sort_key",
            "updated_at",
        ]
        bulk_update(Person, changed, fields, ctx)
        moved = [p for p, (_, _, move) in zip(changed, self.updates, strict=True) if move]
        for part in chunks([p.pk for p in moved]):
            Membership.objects.filter(person_id__in=part, end__isnull=True).update(
                end=ctx.today - timedelta(days=1), updated_at=now
            )
        bulk_create(
            Membership,
            [
                Membership(person_id=p.pk, unit_id=p.unit_id, position=p.position, start=ctx.today)
                for p in moved
            ],
            ctx,
            counted=False,
        )

    def export(self, scope: ExportScope) -> Iterable[tuple[Any, ...]]:
        people = scope.people().values_list(
            "code", "full_name", "birth_date", "gender", "unit__code", "position"
        )
        for code, full_name, birth_date, gender, unit_code, position in people.order_by("code"):
            yield (
                code,
                full_name,
                birth_date,
                GENDER.word(gender) if gender else None,
                unit_code,
                position,
            )

    def describe(self, row: PersonRow) -> str:
        return f"{row.code} – {row.full_name}, {row.unit_code}"


def _keys(r: PersonRow) -> tuple[str, str]:
    """The search and sort keys ``Person.save`` would set."""
    return fold(f"{r.full_name} {r.code}")[:255], name_sort_key(r.full_name)[:512]


def _person(r: PersonRow, ctx: ImportContext, **extra: Any) -> Person:
    search_key, sort = _keys(r)
    return Person(
        code=r.code,
        full_name=r.full_name,
        birth_date=r.birth_date,
        gender=r.gender,
        unit_id=ctx.unit_ids[r.unit_code],
        position=r.position,
        search_key=search_key,
        sort_key=sort,
        **extra,
    )
