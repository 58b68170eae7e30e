"""Báo cáo, thống kê: the annual summary of a unit or cluster the user may see — the
paragraph, the table against the year before, a chart, every number a link to the records it
counts — and its exports. Thin: parse the scope, call the selectors, render."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from thidua.common.htmx import render_page
from thidua.common.params import page_param, text_param
from thidua.core.reports import scope_phrase
from thidua.orgs.selectors import units_for_filter
from thidua.reports.exports.docx import report_docx
from thidua.reports.exports.xlsx import report_xlsx
from thidua.reports.selectors import (
    Report,
    ReportScope,
    ReportScopeNotFoundError,
    award_records_in_scope,
    clusters_for_user,
    latest_award_year,
    report_build,
    report_default_unit,
    report_scope_cluster,
    report_scope_unit,
)

PAGE_SIZE = 50
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ScopeForm(forms.Form):
    """The scope in the URL: ``don_vi`` or ``cum`` (a cluster, as it stood in ``nam_cum``,
    by default the report's year), and the achievement year ``nam``."""

    don_vi = forms.CharField(required=False)
    cum = forms.CharField(required=False)
    nam = forms.IntegerField(required=False, min_value=1945, max_value=2100)
    nam_cum = forms.IntegerField(required=False, min_value=1945, max_value=2100)


@dataclass(frozen=True, slots=True)
class Asked:
    scope: ReportScope | None
    year: int
    query: dict[str, Any]  # the scope's parameters, for the links and the exports
    error: str = ""


def _asked(request: HttpRequest) -> Asked:
    form = ScopeForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    # The conferences report on the year just ended; when nothing of it is recorded yet (the
    # decisions on a year come in its following spring), on the latest year that has records.
    year = data.get("nam") or timezone.localdate().year - 1
    try:
        if data.get("cum"):
            cluster_year = data.get("nam_cum") or year
            scope = report_scope_cluster(code=data["cum"], year=cluster_year, user=request.user)
            query: dict[str, Any] = {"cum": scope.code, "nam_cum": cluster_year}
        else:
            unit = data.get("don_vi") or getattr(report_default_unit(user=request.user), "code", "")
            if not unit:
                return Asked(None, year, {}, "Chưa có đơn vị nào trong phạm vi bạn được xem.")
            scope = report_scope_unit(code=unit, user=request.user)
            query = {"don_vi": scope.code}
    except ReportScopeNotFoundError as error:
        return Asked(None, year, {}, error.message)
    if not data.get("nam") and not data.get("cum"):
        year = latest_award_year(scope=scope, at_most=year, user=request.user) or year
    return Asked(scope, year, query)


def _link(name: str, query: dict[str, Any]) -> str:
    return f"{reverse(name)}?{urlencode(query)}"


def _chart(report: Report, asked: Asked) -> dict[str, Any]:
    """The chart's data: one bar pair per honour and recipient, linking to its records."""
    return {
        "labels": [f"{r.name} – {r.recipient_label}" for r in report.rows],
        "now": [r.now for r in report.rows],
        "before": [r.before for r in report.rows],
        "year": report.year,
        "links": [_records_link(asked, r.code, r.recipient, report.year) for r in report.rows],
    }


def _records_link(asked: Asked, code: str, recipient: str, year: int) -> str:
    query = {**asked.query, "nam": year, "danh_hieu": code, "doi_tuong": recipient}
    if "cum" in query:
        query["nam_cum"] = asked.query["nam_cum"]
    return _link("reports:records", query)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    asked = _asked(request)
    context: dict[str, Any] = {
        "asked": asked,
        "year": asked.year,
        "years": range(timezone.localdate().year, timezone.localdate().year - 15, -1),
        "units": units_for_filter(user=request.user),
        "clusters": clusters_for_user(user=request.user),
    }
    if asked.scope is not None:
        report = report_build(scope=asked.scope, year=asked.year, user=request.user)
        context |= {
            "report": report,
            "scope_name": scope_phrase(asked.scope.name),
            "rows": [
                {
                    "row": r,
                    "now_link": _records_link(asked, r.code, r.recipient, asked.year),
                    "before_link": _records_link(asked, r.code, r.recipient, asked.year - 1),
                }
                for r in report.rows
            ],
            "all_now_link": _link("reports:records", {**asked.query, "nam": asked.year}),
            "all_before_link": _link("reports:records", {**asked.query, "nam": asked.year - 1}),
            "chart": _chart(report, asked),
            "chart_height": 5 + 2 * len(report.rows),  # rem: two bars a row
            "docx_link": _link("reports:docx", {**asked.query, "nam": asked.year}),
            "xlsx_link": _link("reports:xlsx", {**asked.query, "nam": asked.year}),
        }
    return render(request, "reports/index.html", context, status=404 if asked.error else 200)


@login_required
def records(request: HttpRequest) -> HttpResponse:
    """The records one number of the report counts (or every record of the year)."""
    asked = _asked(request)
    context: dict[str, Any] = {"asked": asked, "year": asked.year}
    if asked.scope is not None:
        rows = award_records_in_scope(scope=asked.scope, year=asked.year, user=request.user)
        code, recipient = text_param(request, "danh_hieu"), text_param(request, "doi_tuong")
        if code:
            rows = rows.filter(code=code)
        if recipient:
            rows = rows.filter(recipient_kind=recipient)
        rows = rows.select_related("decision", "unit").order_by(
            "code", "recipient_kind", "unit__path", "recipient_name", "pk"
        )
        context |= {
            "scope_name": scope_phrase(asked.scope.name),
            "page": page_param(request, rows, per_page=PAGE_SIZE),
            "back_link": _link("reports:index", {**asked.query, "nam": asked.year}),
        }
    if asked.error:
        return render(request, "reports/records.html", context, status=404)
    return render_page(request, "reports/records.html", context)


def _file(request: HttpRequest, write: Any, content_type: str, extension: str) -> HttpResponse:
    asked = _asked(request)
    if asked.scope is None:
        return HttpResponse(asked.error, status=404, content_type="text/plain; charset=utf-8")
    report = report_build(scope=asked.scope, year=asked.year, user=request.user)
    buffer = BytesIO()
    write(report, buffer)
    response = HttpResponse(buffer.getvalue(), content_type=content_type)
    name = f"bao-cao-khen-thuong-{asked.scope.code}-{asked.year}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def export_docx(request: HttpRequest) -> HttpResponse:
    return _file(request, report_docx, DOCX, "docx")


@login_required
def export_xlsx(request: HttpRequest) -> HttpResponse:
    return _file(request, report_xlsx, XLSX, "xlsx")
