"""Entering points: a member's own sheet (with evidence) and a reviewer's sheet, sending
them, and changing a point after sending (with a reason kept in the history)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from thidua.common.errors import DomainError, ImmutableRecordError
from thidua.core.scoring import CovenantError, format_points
from thidua.core.text import format_count
from thidua.emulation.access import can_act_for, can_manage, require, require_unit
from thidua.emulation.choices import CovenantStatus, CriterionKind, ScoreSheetStatus
from thidua.emulation.evidence import evidence_check
from thidua.emulation.models import (
    Covenant,
    Ranking,
    ScoreChange,
    ScoreLine,
    ScoreSheet,
)
from thidua.emulation.results import criteria_tree
from thidua.orgs.models import Unit

# The explanation of one criterion's points, as long as the row holds.
NOTE_MAX_LENGTH: int = ScoreLine._meta.get_field("note").max_length or 1000


def note_problem(note: str) -> str:
    """Why ``note`` cannot be kept on a line, or "" when it can."""
    if len(note) > NOTE_MAX_LENGTH:
        return (
            f"Giải trình dài {format_count(len(note))} ký tự, tối đa "
            f"{format_count(NOTE_MAX_LENGTH)} ký tự; đề nghị rút gọn (tài liệu dài thì đính kèm "
            "làm minh chứng)."
        )
    return ""


@dataclass(frozen=True, slots=True)
class LineInput:
    """Points typed for a criterion; on one counted per occurrence, the count instead
    (``occurrences``), from which the service reckons the points."""

    points: Decimal
    note: str = ""
    occurrences: int | None = None


def require_not_published(covenant: Covenant) -> None:
    if Ranking.objects.filter(covenant=covenant).exists():
        raise ImmutableRecordError(
            "Kết quả xếp hạng đã công bố: điểm đã khóa, không thay đổi được."
        )


def require_sheet_owner(by: Any, sheet: ScoreSheet) -> None:
    """Own sheet: the member's officers; a review: the reviewing unit's officers alone."""
    unit = sheet.unit if sheet.reviewer is None else sheet.reviewer
    what = "chấm điểm" if sheet.reviewer is None else "chấm điểm thẩm định"
    require_unit(by, unit, what)


@transaction.atomic
def self_sheet_start(*, covenant: Covenant, unit: Unit, by: Any) -> ScoreSheet:
    """The member's own sheet, opened once the member has signed the covenant."""
    require_unit(by, unit, "tự chấm điểm")
    require_not_published(covenant)
    if covenant.status == CovenantStatus.DRAFT:
        raise DomainError("covenant_not_open", "Giao ước chưa được đưa ra ký kết.")
    if not covenant.signatures.filter(unit=unit).exists():
        raise DomainError("not_signed", f"{unit.name} chưa ký giao ước nên chưa tự chấm điểm được.")
    sheet, _ = ScoreSheet.objects.get_or_create(covenant=covenant, unit=unit, reviewer=None)
    return sheet


@transaction.atomic
def score_lines_save(
    *,
    sheet: ScoreSheet,
    by: Any,
    entries: Mapping[int, LineInput],
    evidence: Mapping[int, UploadedFile] | None = None,
) -> ScoreSheet:
    """Store points, notes and evidence files on a sheet not yet sent."""
    require_sheet_owner(by, sheet)
    require_not_published(sheet.covenant)
    if sheet.status != ScoreSheetStatus.DRAFT:
        raise DomainError(
            "sheet_sent",
            "Bảng điểm đã gửi: muốn thay đổi điểm cần ghi lý do ở từng tiêu chí.",
        )
    if sheet.reviewer_id is not None:
        _require_self_sent(sheet)
    criteria = {c.pk: c for c in sheet.covenant.criteria.all()}
    tree = criteria_tree(list(criteria.values()))
    entries = {k: _counted(tree, k, v) for k, v in entries.items()}
    problems = tree.problems({k: v.points for k, v in entries.items()})
    if problems:
        raise DomainError(
            "points_out_of_range", problems[0].message, field=str(problems[0].criterion)
        )
    for criterion_id, entry in entries.items():
        if problem := note_problem(entry.note.strip()):
            raise DomainError("note_too_long", problem, field=str(criterion_id))
    files = evidence or {}
    for criterion_id, upload in files.items():
        if criterion_id not in criteria or criteria[criterion_id].kind == CriterionKind.GROUP:
            raise DomainError("criterion_unknown", "Tiêu chí không thuộc giao ước này.")
        evidence_check(upload, field=str(criterion_id))
    existing = {line.criterion_id: line for line in sheet.lines.all()}
    for criterion_id in set(entries) | set(files):
        line = existing.get(criterion_id) or ScoreLine(
            sheet=sheet, criterion=criteria[criterion_id], points=Decimal(0)
        )
        if criterion_id in entries:
            line.points = entries[criterion_id].points
            line.occurrences = entries[criterion_id].occurrences
            line.note = entries[criterion_id].note.strip()
        if criterion_id in files:
            line.evidence = files[criterion_id]
        line.full_clean()
        line.save()
    return sheet


def _counted(tree: Any, criterion_id: int, entry: LineInput) -> LineInput:
    """A criterion counted per occurrence takes a count, and its points follow from it; a
    count on any other criterion, or points without a count on one, is refused."""
    c = tree.by_id.get(criterion_id)
    if c is None:
        return entry
    field = str(criterion_id)
    if c.per_occurrence is None:
        if entry.occurrences is not None:
            raise DomainError(
                "not_per_occurrence", f"Tiêu chí {c.number} không tính theo số lần.", field=field
            )
        return entry
    if entry.occurrences is None:
        raise DomainError(
            "occurrences_required",
            f"Tiêu chí {c.number} tính theo số lần: nhập số lần (không có thì nhập 0).",
            field=field,
        )
    try:
        points = tree.occurrence_points(criterion_id, entry.occurrences)
    except CovenantError as error:
        raise DomainError("occurrences_out_of_range", str(error), field=field) from error
    return LineInput(points, entry.note, entry.occurrences)


def _require_self_sent(sheet: ScoreSheet) -> None:
    own = ScoreSheet.objects.filter(
        covenant=sheet.covenant, unit=sheet.unit, reviewer__isnull=True
    ).first()
    if own is None or own.status == ScoreSheetStatus.DRAFT:
        raise DomainError(
            "self_not_sent",
            f"{sheet.unit.name} chưa gửi bảng tự chấm điểm: chưa chấm thẩm định được.",
        )


@transaction.atomic
def score_sheet_submit(*, sheet: ScoreSheet, by: Any) -> ScoreSheet:
    """Send the sheet: every criterion must have its points (0 is a value, blank is not)."""
    require_sheet_owner(by, sheet)
    require_not_published(sheet.covenant)
    if sheet.status != ScoreSheetStatus.DRAFT:
        raise DomainError("sheet_sent", "Bảng điểm đã gửi.")
    entered = set(sheet.lines.values_list("criterion_id", flat=True))
    missing = [
        c.number
        for c in sheet.covenant.criteria.exclude(kind=CriterionKind.GROUP).order_by("order")
        if c.pk not in entered
    ]
    if missing:
        raise DomainError(
            "points_missing",
            f"Chưa nhập điểm các tiêu chí: {', '.join(missing)} (không có điểm thì nhập 0).",
        )
    sheet.status = ScoreSheetStatus.SUBMITTED
    sheet.submitted_at = timezone.now()
    sheet.save(update_fields=["status", "submitted_at", "updated_at"])
    return sheet


@transaction.atomic
def score_line_change(*, line: ScoreLine, by: Any, points: Decimal, reason: str) -> ScoreChange:
    """Change a point on a sheet already sent; the reason and old → new stay in the history.
    The sheet's owner or a manager of the cluster (after the explanation meeting) may do it."""
    sheet = line.sheet
    cluster = sheet.covenant.cluster
    owner = sheet.unit if sheet.reviewer is None else sheet.reviewer
    require(
        can_act_for(by, owner) or can_manage(by, cluster),
        "Chỉ đơn vị lập bảng điểm hoặc cơ quan tổ chức cụm mới thay đổi được điểm đã gửi.",
    )
    require_not_published(sheet.covenant)
    if sheet.status != ScoreSheetStatus.SUBMITTED:
        raise DomainError("sheet_not_sent", "Bảng điểm chưa gửi: sửa điểm trực tiếp rồi lưu.")
    if not reason.strip():
        raise DomainError(
            "reason_required", "Điểm đã gửi chỉ thay đổi được khi có lý do.", field="reason"
        )
    tree = criteria_tree(list(sheet.covenant.criteria.all()))
    problems = tree.problems({line.criterion_id: points})
    if problems:
        raise DomainError("points_out_of_range", problems[0].message, field="points")
    if points == line.points:
        raise DomainError(
            "points_unchanged",
            f"Điểm mới bằng điểm cũ ({format_points(points)}): không có gì thay đổi.",
            field="points",
        )
    change = ScoreChange.objects.create(
        line=line, old_points=line.points, new_points=points, reason=reason.strip(), changed_by=by
    )
    line.points = points
    line.save(update_fields=["points", "updated_at"])
    return change
