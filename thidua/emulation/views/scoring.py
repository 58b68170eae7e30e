"""Chấm điểm: a cluster's scoring at a glance, a score sheet to fill in (own scores with
evidence, or an assigned review), changes after sending, recusal."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from thidua.common.actions import attempt
from thidua.common.errors import DomainError
from thidua.common.params import clean_text, parse_int
from thidua.core.scoring import CriteriaTree, format_points
from thidua.core.scoring.covenant import MAX_OCCURRENCES
from thidua.emulation.access import can_act_for, can_manage
from thidua.emulation.choices import CriterionKind, ScoreSheetStatus
from thidua.emulation.evidence import evidence_check
from thidua.emulation.forms import PointsChangeForm, RecuseForm, ReviewerForm
from thidua.emulation.models import Covenant, Criterion, ScoreLine, ScoreSheet
from thidua.emulation.results import cluster_results, criteria_tree, sheet_totals
from thidua.emulation.selectors import (
    can_write_sheet,
    criteria_rows,
    line_get_for_user,
    scoring_tasks,
    sheet_changes,
    sheet_get_for_user,
    sheet_lines,
)
from thidua.emulation.services import (
    LineInput,
    review_recuse,
    review_shortfalls,
    reviewer_assign,
    reviewers_assign,
    score_line_change,
    score_lines_save,
    score_sheet_submit,
    self_sheet_start,
)
from thidua.emulation.services.scoring import NOTE_MAX_LENGTH, note_problem
from thidua.emulation.views.common import cluster_url, covenant_or_404
from thidua.orgs.models import Unit

MINUS = "\u2212"
# Longer than any number of points a person types ("100,00"): a paste is cut, not parsed.
POINTS_TYPED = 32


def sheet_url(sheet: ScoreSheet) -> str:
    return reverse("emulation:sheet", args=[sheet.pk])


@login_required
def scoring(request: HttpRequest, code: str, year: int) -> HttpResponse:
    covenant = covenant_or_404(request, code, year, opened=True)
    return _scoring_page(request, covenant)


def _reviewer_form(covenant: Covenant, data: Any = None) -> ReviewerForm:
    cluster = covenant.cluster
    members = Unit.objects.filter(cluster_memberships__cluster=cluster).order_by("sort_key")
    reviewers = (
        Unit.objects.filter(Q(cluster_memberships__cluster=cluster) | Q(pk=cluster.organiser_id))
        .distinct()
        .order_by("sort_key")
    )
    return ReviewerForm(data, members=members, reviewers=reviewers, auto_id="cham-thay-%s")


def _scoring_page(
    request: HttpRequest, covenant: Covenant, *, reviewer_form: ReviewerForm | None = None
) -> HttpResponse:
    """The cluster's scoring; a refused assignment by hand comes back in it (400)."""
    cluster = covenant.cluster
    manager = can_manage(request.user, cluster)
    return render(
        request,
        "emulation/scoring.html",
        {
            "cluster": cluster,
            "covenant": covenant,
            "results": cluster_results(covenant),
            "tasks": scoring_tasks(user=request.user, covenant=covenant),
            "can_manage": manager,
            "published": hasattr(covenant, "ranking"),
            "signed": set(covenant.signatures.values_list("unit_id", flat=True)),
            "shortfalls": review_shortfalls(covenant=covenant) if manager else [],
            "reviewer_form": reviewer_form or _reviewer_form(covenant),
        },
        status=400 if reviewer_form is not None else 200,
    )


@require_POST
@login_required
def assign_reviewer(request: HttpRequest, code: str, year: int) -> HttpResponse:
    covenant = covenant_or_404(request, code, year, opened=True)
    form = _reviewer_form(covenant, request.POST)
    if form.is_valid() and attempt(
        form, lambda: reviewer_assign(covenant=covenant, by=request.user, **form.cleaned_data)
    ):
        data = form.cleaned_data
        messages.success(
            request, f"Đã phân công {data['reviewer'].name} chấm thẩm định {data['unit'].name}."
        )
        return redirect(cluster_url(covenant.cluster, "scoring"))
    return _scoring_page(request, covenant, reviewer_form=form)


@require_POST
@login_required
def sheet_start(request: HttpRequest, code: str, year: int) -> HttpResponse:
    covenant = covenant_or_404(request, code, year, opened=True)
    member = covenant.cluster.members.filter(unit__code=request.POST.get("don_vi", "")).first()
    if member is None:
        raise Http404("Đơn vị không phải thành viên.")
    try:
        sheet = self_sheet_start(covenant=covenant, unit=member.unit, by=request.user)
    except DomainError as refusal:
        messages.error(request, refusal.message)
        return redirect(cluster_url(covenant.cluster, "scoring"))
    return redirect(sheet_url(sheet))


@require_POST
@login_required
def assign_reviewers(request: HttpRequest, code: str, year: int) -> HttpResponse:
    covenant = covenant_or_404(request, code, year, opened=True)
    try:
        created = reviewers_assign(covenant=covenant, by=request.user)
    except DomainError as refusal:
        messages.error(request, refusal.message)
    else:
        if created:
            pairs = "; ".join(
                f"{s.reviewer.name if s.reviewer else ''} chấm {s.unit.name}" for s in created
            )
            messages.success(request, f"Đã phân công {len(created)} lượt chấm chéo: {pairs}.")
        else:
            messages.info(
                request,
                "Không có thay đổi: các đơn vị đã được phân công chấm chéo theo quy chế "
                f"(mỗi đơn vị {covenant.cluster.reviewers_per_member} đơn vị chấm); "
                "phân công đã có được giữ nguyên.",
            )
        for shortfall in review_shortfalls(covenant=covenant):
            messages.warning(request, shortfall.sentence)
    return redirect(cluster_url(covenant.cluster, "scoring"))


@dataclass
class SheetRow:
    criterion: Criterion
    level: int
    line: ScoreLine | None
    value: str  # what the input shows: the stored points, or what was typed
    note: str
    error: str = ""
    note_error: str = ""
    file_error: str = ""  # why the file sent with a refused sheet must be chosen again
    own: ScoreLine | None = None  # on a review: the member's own line, with its evidence
    change_form: PointsChangeForm | None = None

    @property
    def is_group(self) -> bool:
        return self.criterion.kind == "group"

    @property
    def per_occurrence(self) -> bool:
        return self.criterion.per_occurrence is not None

    @property
    def is_penalty(self) -> bool:
        return self.criterion.kind == CriterionKind.PENALTY

    @property
    def has_error(self) -> bool:
        return bool(self.error or self.note_error or self.file_error)


def _rows(sheet: ScoreSheet, own: ScoreSheet | None) -> list[SheetRow]:
    lines = sheet_lines(sheet=sheet)
    own_lines = sheet_lines(sheet=own) if own else {}
    rows = []
    for r in criteria_rows(covenant=sheet.covenant):
        line = lines.get(r.criterion.pk)
        rows.append(
            SheetRow(
                criterion=r.criterion,
                level=r.level,
                line=line,
                value=_shown(r.criterion, line),
                note=line.note if line else "",
                own=own_lines.get(r.criterion.pk),
            )
        )
    return rows


def _shown(criterion: Criterion, line: ScoreLine | None) -> str:
    """What the input holds for a stored line: the count of a criterion counted per
    occurrence; points otherwise, a penalty with the minus sign the table shows it with."""
    if line is None:
        return ""
    if criterion.per_occurrence is not None:
        return "" if line.occurrences is None else str(line.occurrences)
    points = format_points(line.points)
    return f"{MINUS}{points}" if criterion.kind == CriterionKind.PENALTY and line.points else points


def _parse(rows: list[SheetRow], tree: CriteriaTree, request: HttpRequest) -> dict[int, LineInput]:
    """Read the typed points (comma or point as decimal mark) and notes into the rows; an
    error stays next to its field and nothing typed is lost."""
    entries: dict[int, LineInput] = {}
    for row in rows:
        if row.is_group:
            continue
        pk = row.criterion.pk
        row.value = clean_text(request.POST.get(f"diem_{pk}", ""), max_length=POINTS_TYPED)
        row.note = request.POST.get(f"giai_trinh_{pk}", "").replace("\x00", "").strip()
        row.note_error = note_problem(row.note)
        if not row.value:
            continue
        if row.per_occurrence:
            count = parse_int(row.value, maximum=MAX_OCCURRENCES)
            if count is None:
                row.error = (
                    f"Số lần phải là số nguyên từ 0 đến {MAX_OCCURRENCES}, không phải "
                    f"“{row.value}”."
                )
            elif not row.note_error:
                entries[pk] = LineInput(Decimal(0), row.note, count)
            continue
        typed = row.value
        if row.is_penalty and typed[:1] in ("-", MINUS):
            # The table shows a penalty as −2; typed with its sign, it means the same.
            typed = typed[1:].strip()
        try:
            points = Decimal(typed.replace(",", "."))
        except InvalidOperation:
            row.error = f"“{row.value}” không phải là số điểm."
            continue
        if not points.is_finite():
            row.error = f"“{row.value}” không phải là số điểm."
            continue
        problems = tree.problems({pk: points})
        if problems:
            row.error = problems[0].message
            continue
        if not row.note_error:
            entries[pk] = LineInput(points, row.note)
    return entries


def _uploads(rows: list[SheetRow], request: HttpRequest) -> dict[int, UploadedFile]:
    """The evidence files sent, each checked on its own: every bad file is named next to its
    criterion, not only the first."""
    uploads = {}
    for row in rows:
        upload = request.FILES.get(f"minh_chung_{row.criterion.pk}")
        if upload is None or row.is_group:
            continue
        try:
            evidence_check(upload, field=str(row.criterion.pk))
        except DomainError as refusal:
            row.file_error = f"{refusal.message} Đề nghị chọn tệp khác."
        else:
            uploads[row.criterion.pk] = upload
    return uploads


def _choose_again(rows: list[SheetRow], uploads: dict[int, UploadedFile]) -> None:
    """A sheet sent back keeps every score and note typed, but no browser keeps a file:
    each one sent is named so that it is chosen again."""
    for row in rows:
        if row.criterion.pk in uploads and not row.file_error:
            row.file_error = (
                f"Tệp “{uploads[row.criterion.pk].name}” chưa được lưu vì bảng điểm còn ô chưa "
                "hợp lệ: đề nghị chọn lại tệp rồi lưu."
            )


def _own_sheet(sheet: ScoreSheet) -> ScoreSheet | None:
    if sheet.reviewer_id is None:
        return None
    return ScoreSheet.objects.filter(
        covenant_id=sheet.covenant_id, unit_id=sheet.unit_id, reviewer__isnull=True
    ).first()


@login_required
def sheet(request: HttpRequest, pk: int) -> HttpResponse:
    sheet = sheet_get_for_user(user=request.user, pk=pk)
    own = _own_sheet(sheet)
    rows = _rows(sheet, own)
    if request.method != "POST":
        return _sheet_page(request, sheet, own=own, rows=rows)
    if not can_write_sheet(request.user, sheet):
        raise Http404("Không tìm thấy bảng điểm.")
    tree = criteria_tree([r.criterion for r in rows])
    entries = _parse(rows, tree, request)
    uploads = _uploads(rows, request)
    form_error = "Có ô chưa hợp lệ; sửa theo ghi chú bên cạnh rồi lưu lại."
    if not any(r.has_error for r in rows):
        try:
            score_lines_save(sheet=sheet, by=request.user, entries=entries, evidence=uploads)
            if request.POST.get("hanh_dong") == "gui":
                score_sheet_submit(sheet=sheet, by=request.user)
                messages.success(request, "Đã gửi bảng điểm.")
            else:
                messages.success(request, "Đã lưu bảng điểm.")
            return redirect(sheet_url(sheet))
        except DomainError as refusal:
            form_error = refusal.message
            for row in rows:
                if refusal.field == str(row.criterion.pk):
                    row.error = refusal.message
    _choose_again(rows, uploads)
    return _sheet_page(request, sheet, own=own, rows=rows, form_error=form_error)


def _sheet_page(
    request: HttpRequest,
    sheet: ScoreSheet,
    *,
    own: ScoreSheet | None,
    rows: list[SheetRow],
    form_error: str = "",
    recuse_form: RecuseForm | None = None,
) -> HttpResponse:
    """The sheet; a refused entry (points, a change, a recusal) comes back in it as typed."""
    writable = can_write_sheet(request.user, sheet)
    tree = criteria_tree([r.criterion for r in rows])
    changeable = sheet.status == ScoreSheetStatus.SUBMITTED and (
        writable or can_manage(request.user, sheet.covenant.cluster)
    )
    for row in rows:
        if changeable and row.line is not None and row.change_form is None:
            row.change_form = _change_form(row.line)
    refused = (
        bool(form_error)
        or recuse_form is not None
        or any(r.change_form is not None and r.change_form.is_bound for r in rows)
    )
    return render(
        request,
        "emulation/sheet.html",
        {
            "sheet": sheet,
            "cluster": sheet.covenant.cluster,
            "own": own,
            "rows": rows,
            "totals": sheet_totals(tree, [r.line for r in rows if r.line]),
            "own_totals": sheet_totals(tree, [r.own for r in rows if r.own]) if own else None,
            "editable": writable and sheet.status == ScoreSheetStatus.DRAFT,
            "changeable": changeable,
            "can_recuse": sheet.reviewer_id is not None
            and sheet.status == ScoreSheetStatus.DRAFT
            and can_act_for(request.user, sheet.reviewer_id),
            "changes": sheet_changes(sheet=sheet),
            "form_error": form_error,
            "recuse_form": recuse_form or RecuseForm(),
            "published": hasattr(sheet.covenant, "ranking"),
            "note_max": NOTE_MAX_LENGTH,
        },
        status=400 if refused else 200,
    )


def _change_form(line: ScoreLine, data: Any = None) -> PointsChangeForm:
    return PointsChangeForm(data, auto_id=f"thay-doi-{line.pk}-%s")


@require_POST
@login_required
def sheet_recuse(request: HttpRequest, pk: int) -> HttpResponse:
    sheet = sheet_get_for_user(user=request.user, pk=pk)
    form = RecuseForm(request.POST)
    replaced: list[ScoreSheet | None] = []
    if not form.is_valid() or not attempt(
        form,
        lambda: replaced.append(
            review_recuse(sheet=sheet, by=request.user, reason=form.cleaned_data["reason"])
        ),
    ):
        own = _own_sheet(sheet)
        return _sheet_page(request, sheet, own=own, rows=_rows(sheet, own), recuse_form=form)
    messages.success(request, "Đã ghi nhận từ chối chấm do xung đột lợi ích.")
    if replaced[0] is not None and replaced[0].reviewer is not None:
        messages.info(request, f"{replaced[0].reviewer.name} được phân công chấm thay.")
    else:
        messages.warning(request, "Không còn đơn vị nào chấm thay: đề nghị cụm phân công.")
    return redirect(cluster_url(sheet.covenant.cluster, "scoring"))


@require_POST
@login_required
def line_change(request: HttpRequest, pk: int) -> HttpResponse:
    line = line_get_for_user(user=request.user, pk=pk)
    form = _change_form(line, request.POST)
    if form.is_valid() and attempt(
        form, lambda: score_line_change(line=line, by=request.user, **form.cleaned_data)
    ):
        messages.success(request, "Đã thay đổi điểm; lý do được lưu trong lịch sử của bảng điểm.")
        return redirect(sheet_url(line.sheet) + f"#tieu-chi-{line.criterion_id}")
    own = _own_sheet(line.sheet)
    rows = _rows(line.sheet, own)
    for row in rows:
        if row.line is not None and row.line.pk == line.pk:
            row.change_form = form
    return _sheet_page(request, line.sheet, own=own, rows=rows)


@login_required
def evidence(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Evidence is not public: it is served to those who may read the sheet."""
    line = line_get_for_user(user=request.user, pk=pk)
    if not line.evidence:
        raise Http404("Tiêu chí này không có minh chứng.")
    return FileResponse(line.evidence.open("rb"), as_attachment=True, filename=_name(line))


def _name(line: ScoreLine) -> str:
    return str(line.evidence.name).rsplit("/", 1)[-1]
