"""Đăng ký thi đua: the year's registrations of the user's units, registering, sending,
approving or returning, and the totals the level above receives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from thidua.accounts.scoping import Scope, scope_for
from thidua.common.actions import attempt
from thidua.common.htmx import render_page
from thidua.common.params import YEAR_MAX, YEAR_MIN, page_param, parse_int, text_param
from thidua.emulation.choices import MovementStatus, RegistrationStatus
from thidua.emulation.forms import RegistrationForm, ReturnForm
from thidua.emulation.models import Registration
from thidua.emulation.selectors import (
    movements_for_user,
    movements_open_for_registration,
    registration_get_for_user,
    registration_summary,
    registrations_for_user,
)
from thidua.emulation.services import (
    registration_approve,
    registration_create,
    registration_return,
    registration_submit,
)
from thidua.emulation.services.registrations import approver_unit
from thidua.emulation.views.common import run, year_from
from thidua.orgs.models import Person, Unit

PAGE_SIZE = 50


def _form(user: Any, year: int, data: Any = None) -> RegistrationForm:
    scope = scope_for(user)
    # Units in force at some time of the year (a ward merged mid-year still registers).
    units = Unit.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=date(year, 1, 1))
    ).order_by("path")
    if not scope.everything:
        units = units.filter(pk__in=scope.write_ids)
    movements = movements_open_for_registration(user=user, year=year)
    initial: dict[str, Any] = {"target": "tap_the_lao_dong_tien_tien"}
    # One unit, one movement open: nothing to choose, so the form starts with them.
    if len(own := list(units[:2])) == 1:
        initial["unit"] = own[0].code
    if len(open_ := list(movements[:2])) == 1:
        initial["movement"] = open_[0].pk
    return RegistrationForm(data, units=units, movements=movements, initial=initial)


@dataclass(frozen=True, slots=True)
class RegistrationRow:
    registration: Registration
    can_send: bool  # the registering unit's officer, on a draft or a returned one
    can_decide: bool  # the approving level's officer, on one waiting
    return_form: ReturnForm | None = None


def _return_form(registration: Registration, data: Any = None) -> ReturnForm:
    return ReturnForm(data, auto_id=f"tra-lai-{registration.pk}-%s")


def _actions(scope: Scope, r: Registration, refused: ReturnForm | None = None) -> RegistrationRow:
    approver = approver_unit(r)
    can_decide = (
        approver is not None
        and scope.can_write(approver.pk)
        and r.status == RegistrationStatus.SUBMITTED
    )
    return RegistrationRow(
        registration=r,
        can_send=scope.can_write(r.unit_id)
        and r.status in (RegistrationStatus.DRAFT, RegistrationStatus.RETURNED),
        can_decide=can_decide,
        return_form=(refused if refused is not None else _return_form(r)) if can_decide else None,
    )


def _back(year: int) -> str:
    return f"{reverse('emulation:registrations')}?nam={year}"


@login_required
def registrations(request: HttpRequest) -> HttpResponse:
    return _registrations_page(request, year=None)


def _registrations_page(
    request: HttpRequest,
    *,
    year: int | None,
    form: RegistrationForm | None = None,
    refused_return: tuple[int, ReturnForm] | None = None,
) -> HttpResponse:
    """The year's registrations; a refused form comes back in it with what was typed (400)."""
    scope = scope_for(request.user)
    years = sorted(
        set(scope.filter(Registration.objects.all()).values_list("year", flat=True))
        | set(
            movements_for_user(user=request.user)
            .filter(status=MovementStatus.REGISTRATION)
            .values_list("year", flat=True)
        ),
        reverse=True,
    )
    year = year or year_from(request, years)
    status = text_param(request, "trang_thai")
    if status not in RegistrationStatus.values:
        status = ""
    rows = registrations_for_user(user=request.user, year=year, status=status)
    page = page_param(request, rows, per_page=PAGE_SIZE)
    returned_pk, returned_form = refused_return or (None, None)
    actions = [
        _actions(scope, r, returned_form if r.pk == returned_pk else None) for r in page.object_list
    ]
    refused = form is not None or refused_return is not None
    response = render_page(
        request,
        "emulation/registrations.html",
        {
            "years": years if year in years else [year, *years],
            "year": year,
            "status": status,
            "statuses": RegistrationStatus.choices,
            "page": page,
            "actions": actions,
            "summary": registration_summary(user=request.user, year=year),
            "form": form or _form(request.user, year),
            "can_register": not scope.read_only,
        },
    )
    if refused:
        response.status_code = 400
    return response


@require_POST
@login_required
def registration_new(request: HttpRequest) -> HttpResponse:
    posted = parse_int(request.POST.get("nam", ""), minimum=YEAR_MIN, maximum=YEAR_MAX)
    year = posted or year_from(request, [])
    form = _form(request.user, year, request.POST)
    if not form.is_valid():
        return _registrations_page(request, year=year, form=form)
    data = form.cleaned_data
    person = None
    if data["person"]:
        person = Person.objects.filter(code=data["person"].strip()).first()
        if person is None or not scope_for(request.user).can_read(person.unit_id):
            form.add_error("person", f"Không tìm thấy cá nhân có mã “{data['person']}”.")
            return _registrations_page(request, year=year, form=form)

    def register() -> None:
        registration = registration_create(
            by=request.user,
            year=year,
            unit=data["unit"],
            person=person,
            target=data["target"],
            movement=data["movement"],
        )
        registration_submit(registration=registration, by=request.user)

    if not attempt(form, register):
        return _registrations_page(request, year=year, form=form)
    who = person.full_name if person else data["unit"].name
    messages.success(request, f"Đã gửi đăng ký thi đua của {who}; chờ duyệt.")
    return redirect(_back(year))


@require_POST
@login_required
def registration_send(request: HttpRequest, pk: int) -> HttpResponse:
    registration = registration_get_for_user(user=request.user, pk=pk)
    return run(
        request,
        lambda: registration_submit(
            registration=registration, by=request.user, target=request.POST.get("target") or None
        ),
        success="Đã gửi lại đăng ký để duyệt.",
        back=_back(registration.year),
    )


@require_POST
@login_required
def registration_approve_view(request: HttpRequest, pk: int) -> HttpResponse:
    registration = registration_get_for_user(user=request.user, pk=pk)
    return run(
        request,
        lambda: registration_approve(registration=registration, by=request.user),
        success="Đã phê duyệt đăng ký.",
        back=_back(registration.year),
    )


@require_POST
@login_required
def registration_return_view(request: HttpRequest, pk: int) -> HttpResponse:
    registration = registration_get_for_user(user=request.user, pk=pk)
    form = _return_form(registration, request.POST)
    if form.is_valid() and attempt(
        form,
        lambda: registration_return(
            registration=registration, by=request.user, reason=form.cleaned_data["reason"]
        ),
    ):
        messages.success(request, "Đã trả lại đăng ký kèm lý do.")
        return redirect(_back(registration.year))
    return _registrations_page(
        request, year=registration.year, refused_return=(registration.pk, form)
    )
