"""DanhGia: the annual assessment of a person or a unit, one per subject and year."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from thidua.dataio.workbook.base import Column, Sheet, chunks, unique_rows
from thidua.dataio.workbook.cells import Cells
from thidua.dataio.workbook.context import ImportContext, unknown_person, unknown_unit
from thidua.dataio.workbook.scope import ExportScope
from thidua.dataio.workbook.vocab import ASSESSED_KIND, DISCIPLINE, RATING
from thidua.dataio.workbook.writer import bulk_create, bulk_update
from thidua.orgs.models import Assessment

YEAR, KIND, SUBJECT, RATING_COL, DISCIPLINE_COL, MONTHS = (
    "Năm",
    "Loại đối tượng",
    "Mã đối tượng",
    "Mức độ hoàn thành nhiệm vụ",
    "Kỷ luật",
    "Số tháng công tác",
)
INDIVIDUAL = "individual"


@dataclass(slots=True)
class AssessmentRow:
    row: int
    year: int
    kind: str
    subject: str
    rating: str
    discipline: str
    months: int


class AssessmentsSheet(Sheet[AssessmentRow]):
    name = "DanhGia"
    title = "Đánh giá, xếp loại hằng năm của cá nhân và tập thể"
    columns = (
        Column(YEAR, "Năm đánh giá.", width=8, kind="year", required=True),
        Column(KIND, "Cá nhân hoặc Tập thể.", width=14, choices=ASSESSED_KIND, required=True),
        Column(SUBJECT, "Mã cá nhân (Cá nhân) hoặc mã đơn vị (Tập thể).", width=14, required=True),
        Column(
            RATING_COL,
            "Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, "
            "Không hoàn thành nhiệm vụ.",
            width=30,
            choices=RATING,
            required=True,
        ),
        Column(
            DISCIPLINE_COL,
            "Để trống nếu không bị kỷ luật; nếu có: Khiển trách, Cảnh cáo, Hạ bậc lương, "
            "Giáng chức, Cách chức, Buộc thôi việc.",
            width=16,
            choices=DISCIPLINE,
        ),
        Column(MONTHS, "Từ 0 đến 12; để trống là 12.", width=10, kind="number"),
    )
    notes = ("Mỗi đối tượng mỗi năm một dòng; đánh giá đã có được thay bằng dòng trong tệp.",)

    def parse(self, cells: Cells) -> AssessmentRow | None:
        row = AssessmentRow(
            cells.row,
            cells.year(YEAR) or 0,
            cells.choice(KIND, ASSESSED_KIND),
            cells.text(SUBJECT, required=True, max_length=64),
            cells.choice(RATING_COL, RATING),
            cells.choice(DISCIPLINE_COL, DISCIPLINE, required=False),
            cells.number(MONTHS, low=0, high=12, default=12) or 0,
        )
        return row if cells.ok else None

    def check(self, rows: list[AssessmentRow], ctx: ImportContext) -> None:
        rows = unique_rows(
            rows,
            lambda r: (r.year, r.kind, r.subject),
            lambda r, first: ctx.problem(
                self.name,
                r.row,
                SUBJECT,
                f"“{r.subject}” đã được đánh giá năm {r.year} ở dòng {first}.",
            ),
        )
        ctx.load_persons(r.subject for r in rows if r.kind == INDIVIDUAL)
        ctx.load_units(r.subject for r in rows if r.kind != INDIVIDUAL)
        stored = _stored(rows, ctx)
        self.creates: list[AssessmentRow] = []
        self.updates: list[tuple[int, AssessmentRow]] = []
        for r in rows:
            subject_id = _subject_id(r, ctx)
            if subject_id is None and not _known(r, ctx):
                message = (unknown_person if r.kind == INDIVIDUAL else unknown_unit)(r.subject)
                ctx.problem(self.name, r.row, SUBJECT, message)
                continue
            old = stored.get((r.year, r.kind, subject_id)) if subject_id else None
            if old is None:
                self.creates.append(r)
                self.outcome(r, "created")
            elif old[1:] == (r.rating, r.discipline, r.months):
                self.outcome(r, "unchanged")
                continue
            else:
                self.updates.append((old[0], r))
                self.outcome(r, "updated")
            ctx.writes(self.name, r.row, SUBJECT, _unit_code(r, ctx))

    def apply(self, ctx: ImportContext) -> None:
        bulk_create(Assessment, [_assessment(r, ctx) for r in self.creates], ctx)
        now = timezone.now()
        changed = [
            Assessment(
                pk=pk,
                rating=r.rating,
                discipline=r.discipline,
                service_months=r.months,
                updated_at=now,
            )
            for pk, r in self.updates
        ]
        bulk_update(
            Assessment, changed, ["rating", "discipline", "service_months", "updated_at"], ctx
        )

    def export(self, scope: ExportScope) -> Iterable[tuple[Any, ...]]:
        rows = scope.assessments().values_list(
            "year", "person__code", "unit__code", "rating", "discipline", "service_months"
        )
        out = [
            (
                year,
                ASSESSED_KIND.word(INDIVIDUAL if person else "collective"),
                person or unit,
                RATING.word(rating),
                DISCIPLINE.word(discipline) if discipline else None,
                months,
            )
            for year, person, unit, rating, discipline, months in rows
        ]
        yield from sorted(out, key=lambda r: (r[0], r[1], r[2]))

    def describe(self, row: AssessmentRow) -> str:
        return f"{row.subject} năm {row.year}: {RATING.word(row.rating)}"


def _unit_code(r: AssessmentRow, ctx: ImportContext) -> str:
    """The unit an assessment belongs to: the unit assessed, or the person's unit."""
    person = ctx.person(r.subject) if r.kind == INDIVIDUAL else None
    return person.unit_code if person is not None else r.subject


def _id(info: Any) -> int | None:
    return info.id if info is not None else None


def _stored(
    rows: list[AssessmentRow], ctx: ImportContext
) -> dict[tuple[int, str, int], tuple[Any, ...]]:
    """(year, kind, subject id) → (id, rating, discipline, months) of stored assessments."""
    stored: dict[tuple[int, str, int], tuple[Any, ...]] = {}
    years = sorted({r.year for r in rows})
    for kind, column in ((INDIVIDUAL, "person_id"), ("collective", "unit_id")):
        ids = sorted({i for r in rows if r.kind == kind and (i := _subject_id(r, ctx))})
        for part in chunks(ids):
            qs = Assessment.objects.filter(**{f"{column}__in": part}, year__in=years)
            for pk, year, subject, rating, discipline, months in qs.values_list(
                "pk", "year", column, "rating", "discipline", "service_months"
            ):
                stored[(year, kind, subject)] = (pk, rating, discipline, months)
    return stored


def _known(r: AssessmentRow, ctx: ImportContext) -> bool:
    info = ctx.person(r.subject) if r.kind == INDIVIDUAL else ctx.unit(r.subject)
    return info is not None


def _subject_id(r: AssessmentRow, ctx: ImportContext) -> int | None:
    return _id(ctx.person(r.subject) if r.kind == INDIVIDUAL else ctx.unit(r.subject))


def _assessment(r: AssessmentRow, ctx: ImportContext) -> Assessment:
    if r.kind == INDIVIDUAL:
        subject = {"person_id": ctx.person_ids[r.subject]}
    else:
        subject = {"unit_id": ctx.unit_ids[r.subject]}
    return Assessment(
        year=r.year, rating=r.rating, discipline=r.discipline, service_months=r.months, **subject
    )
