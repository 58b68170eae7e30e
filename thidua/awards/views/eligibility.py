"""Đủ điều kiện: who under a unit is eligible for which title or form in a year, who is one
criterion short and what is missing, the caps per unit, and the export of what is shown; and,
for a person's profile, the verdicts of one year with the "when next" path.

Thin: the request's filters are read here, the scoped reads and the engine sit in
``eligibility_selectors``."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from thidua.awards.eligibility import scan_workbook
from thidua.awards.eligibility_selectors import (
    KINDS,
    EligibilityInputError,
    EligibilityListing,
    Filters,
    check_year,
    default_unit,
    default_year,
    eligibility_listing,
    eligibility_unit_for_user,
    eligibility_units_for_user,
    eligibility_years,
    form_choices,
    person_eligibility,
)
from thidua.common.htmx import render_page
from thidua.common.params import page_param, text_param
from thidua.core.rules.next_steps import HORIZON_YEARS
from thidua.orgs.models import Unit
from thidua.orgs.selectors import person_get_for_user

PAGE_SIZE = 50
TABS = ("du", "thieu", "ty-le")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True, slots=True)
class _Request:
    unit: Unit | None
    year: int | None
    filters: Filters
    error: str = ""


def _year(raw: str, unit: Unit | None) -> int:
    if not raw:
        return default_year(unit=unit)
    try:
        year = int(raw)
    except ValueError:
        raise EligibilityInputError("year", f"Năm “{raw}” không hợp lệ: nhập 4 chữ số.") from None
    return check_year(year)


def _read(request: HttpRequest, units: list[Unit]) -> _Request:
    """The unit (404 outside the user's scope), the year and the filters of the address."""
    code = text_param(request, "don_vi")
    unit = eligibility_unit_for_user(user=request.user, code=code) if code else default_unit(units)
    try:
        filters = Filters.of(
            form=text_param(request, "hinh_thuc"),
            kind=text_param(request, "doi_tuong"),
            query=text_param(request, "q"),
            order=text_param(request, "sap_xep"),
        )
        year = _year(text_param(request, "nam"), unit)
    except EligibilityInputError as error:
        return _Request(unit, None, Filters(), error.message)
    return _Request(unit, year, filters)


def _tab(request: HttpRequest) -> str:
    tab = text_param(request, "xem")
    return tab if tab in TABS else "du"


@login_required
def eligibility(request: HttpRequest) -> HttpResponse:
    units = list(eligibility_units_for_user(user=request.user))
    asked = _read(request, units)
    tab = _tab(request)
    context: dict[str, Any] = {
        "units": units,
        "unit": asked.unit,
        "year": asked.year,
        "years": eligibility_years(),
        "filters": asked.filters,
        "forms": form_choices(),
        "kinds": KINDS,
        "tab": tab,
        "error": asked.error,
    }
    if asked.unit is not None and asked.year is not None:
        listing = eligibility_listing(unit=asked.unit, year=asked.year, filters=asked.filters)
        context["listing"] = listing
        rows = listing.one_short if tab == "thieu" else listing.eligible
        context["page"] = page_param(request, rows, per_page=PAGE_SIZE)
    return render_page(request, "awards/eligibility.html", context)


def _workbook_response(listing: EligibilityListing, tab: str) -> HttpResponse:
    shown = listing.shown_scan(eligible=tab != "thieu", one_short=tab != "du")
    buffer = BytesIO()
    scan_workbook(shown).save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    name = f"du-dieu-kien-{listing.scan.unit.code}-{listing.scan.year}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def eligibility_xlsx(request: HttpRequest) -> HttpResponse:
    """Exactly what the page lists with the same filters and tab (eligible, one criterion
    short; both from the caps tab), every page of it, and the caps per unit on a second
    sheet."""
    asked = _read(request, list(eligibility_units_for_user(user=request.user)))
    if asked.unit is None or asked.year is None:
        return HttpResponse(
            asked.error or "Anh/chị chưa được giao đơn vị nào.",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    listing = eligibility_listing(unit=asked.unit, year=asked.year, filters=asked.filters)
    return _workbook_response(listing, _tab(request))


@login_required
def person_eligibility_section(request: HttpRequest, code: str) -> HttpResponse:
    """The profile's "Xét danh hiệu, khen thưởng" section: loaded by htmx into the person's
    page (``orgs`` sits below ``awards``), a page of its own without JavaScript."""
    person = person_get_for_user(user=request.user, code=code)
    raw = text_param(request, "nam")
    context: dict[str, Any] = {
        "person": person,
        "years": eligibility_years(),
        "horizon": HORIZON_YEARS,
        "error": "",
    }
    try:
        year = check_year(int(raw)) if raw else default_year(person=person)
    except ValueError as error:
        message = getattr(error, "message", f"Năm “{raw}” không hợp lệ: nhập 4 chữ số.")
        context["error"] = message
    else:
        context["year"] = year
        context["found"] = person_eligibility(person=person, year=year)
    return render_page(request, "awards/eligibility_person.html", context, partial="section")
