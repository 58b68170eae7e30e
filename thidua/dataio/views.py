"""Nhập, xuất dữ liệu: the template, an upload with its preview and confirmation, the export.
Thin: parse, authorize, call ``services`` or the workbook module, render."""

from __future__ import annotations

from io import BytesIO
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from thidua.common.errors import DomainError
from thidua.common.htmx import render_page
from thidua.dataio.access import import_units_label, may_import, sees_everything
from thidua.dataio.forms import ExportForm, UploadForm
from thidua.dataio.selectors import (
    RECENT,
    workbook_import_get_for_user,
    workbook_imports_for_user,
)
from thidua.dataio.services import (
    workbook_import_cancel,
    workbook_import_confirm,
    workbook_import_retry,
    workbook_import_start,
)
from thidua.dataio.workbook import workbook_export, workbook_template
from thidua.dataio.workbook.sheets import SHEETS
from thidua.orgs.selectors import unit_get_for_filter, units_for_filter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PROBLEMS_SHOWN = 500  # on the page; the download has every one


def _xlsx(write: Any, filename: str) -> HttpResponse:
    buffer = BytesIO()
    write(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _index(
    request: HttpRequest,
    *,
    upload_form: UploadForm | None = None,
    export_form: ExportForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    context = {
        "upload_form": upload_form or UploadForm(),
        "export_form": export_form or ExportForm(),
        "may_import": may_import(user),
        "sees_everything": sees_everything(user),
        "units_label": import_units_label(user),
        "unit_choices": units_for_filter(user=user),
        "imports": workbook_imports_for_user(user=user)[:RECENT],
        "sheets": SHEETS,
    }
    return render(request, "dataio/index.html", context, status=status)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    return _index(request)


@login_required
def template(request: HttpRequest) -> HttpResponse:
    return _xlsx(workbook_template, "so-du-lieu-thi-dua-khen-thuong-mau.xlsx")


@require_POST
@login_required
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _index(request, upload_form=form, status=400)
    try:
        job = workbook_import_start(user=request.user, upload=form.cleaned_data["file"])
    except DomainError as error:
        form.add_error("file", error.message)
        return _index(request, upload_form=form, status=400)
    return redirect("dataio:import", code=job.code)


@login_required
def import_detail(request: HttpRequest, code: UUID) -> HttpResponse:
    """The import's state; htmx polls its ``status`` part while a job runs."""
    job = workbook_import_get_for_user(user=request.user, code=code)
    problems = [
        {"sheet": sheet, "row": row, "column": column, "message": message}
        for sheet, row, column, message in job.problems[:PROBLEMS_SHOWN]
    ]
    context = {
        "job": job,
        "problems": problems,
        "problem_total": len(job.problems),
        "sheets": _sheet_rows(job),
        "upload_form": UploadForm(),
        "now": timezone.now(),
    }
    return render_page(request, "dataio/import.html", context, partial="status")


def _sheet_rows(job: Any) -> list[dict[str, Any]]:
    """Per sheet of the workbook's order: its counts and its sample rows, for the preview."""
    rows = []
    for spec in SHEETS:
        counts = job.counts.get(spec.name)
        if counts is None:
            continue
        samples = job.samples.get(spec.name, {})
        rows.append(
            {
                "name": spec.name,
                "title": spec.title,
                "counts": counts,
                "created": samples.get("created", []),
                "updated": samples.get("updated", []),
            }
        )
    return rows


@require_POST
@login_required
def import_confirm(request: HttpRequest, code: UUID) -> HttpResponse:
    job = workbook_import_get_for_user(user=request.user, code=code)
    try:
        workbook_import_confirm(job=job, user=request.user)
    except DomainError as error:
        messages.warning(request, error.message)
    return redirect("dataio:import", code=job.code)


@require_POST
@login_required
def import_cancel(request: HttpRequest, code: UUID) -> HttpResponse:
    job = workbook_import_get_for_user(user=request.user, code=code)
    try:
        workbook_import_cancel(job=job, user=request.user)
        messages.info(request, "Đã hủy lần nhập; không có dữ liệu nào được ghi.")
    except DomainError as error:
        messages.warning(request, error.message)
    return redirect("dataio:import", code=job.code)


@require_POST
@login_required
def import_retry(request: HttpRequest, code: UUID) -> HttpResponse:
    job = workbook_import_get_for_user(user=request.user, code=code)
    try:
        workbook_import_retry(job=job, user=request.user)
    except DomainError as error:
        messages.warning(request, error.message)
    return redirect("dataio:import", code=job.code)


@login_required
def import_problems(request: HttpRequest, code: UUID) -> HttpResponse:
    """Every problem, one a line as the command line prints them, to fix the file by."""
    job = workbook_import_get_for_user(user=request.user, code=code)
    lines = []
    for sheet, row, column, message in job.problems:
        where = sheet if row is None else f"{sheet}!{row}"
        lines.append(f"{where} {column}: {message}" if column else f"{where}: {message}")
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="loi-nhap-du-lieu.txt"'
    return response


@login_required
def export(request: HttpRequest) -> HttpResponse:
    """The workbook of a unit's subtree (every unit for an administrator) and years."""
    form = ExportForm(request.GET)
    if not form.is_valid():
        return _index(request, export_form=form, status=400)
    data = form.cleaned_data
    unit = unit_get_for_filter(user=request.user, code=data["don_vi"] or "")
    if unit is None and not sees_everything(request.user):
        form.add_error("don_vi", "Hãy chọn một đơn vị bạn được xem.")
        return _index(request, export_form=form, status=400)
    year = f"-{data['tu_nam'] or ''}-{data['den_nam'] or ''}".rstrip("-")
    name = f"so-du-lieu-{unit.code if unit else 'toan-bo'}{year}.xlsx"
    return _xlsx(
        lambda dest: workbook_export(
            dest,
            unit_code=unit.code if unit else None,
            year_from=data["tu_nam"],
            year_to=data["den_nam"],
        ),
        name,
    )
