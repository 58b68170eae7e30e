"""Phong trào thi đua: the list, launching a new one, a movement's page with its stages and
attachments."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from thidua.accounts.scoping import scope_for, units_acting_for
from thidua.common.actions import attempt
from thidua.common.errors import DomainError
from thidua.common.htmx import render_page
from thidua.emulation.access import can_act_for
from thidua.emulation.choices import MovementStatus
from thidua.emulation.forms import AttachmentForm, MovementForm
from thidua.emulation.models import Movement, MovementAttachment
from thidua.emulation.selectors import movement_get_for_user, movements_for_user
from thidua.emulation.services import (
    movement_advance,
    movement_attachment_add,
    movement_create,
)
from thidua.emulation.services.movements import next_status
from thidua.emulation.views.common import run, year_from
from thidua.orgs.selectors import units_for_filter


def movement_url(movement: Movement) -> str:
    return reverse("emulation:movement", args=[movement.pk])


@login_required
def movements(request: HttpRequest) -> HttpResponse:
    years = sorted(
        set(movements_for_user(user=request.user).values_list("year", flat=True)), reverse=True
    )
    year = year_from(request, years)
    rows = movements_for_user(user=request.user, year=year).prefetch_related("scope")
    return render_page(
        request,
        "emulation/movements.html",
        {
            "years": years,
            "year": year,
            "rows": rows,
            "can_launch": not scope_for(request.user).read_only,
        },
    )


def _launchers(user: Any) -> Any:
    return units_acting_for(user)


@login_required
def movement_new(request: HttpRequest) -> HttpResponse:
    launchers = _launchers(request.user).order_by("path")
    scope_units = units_for_filter(user=request.user)
    form = MovementForm(request.POST or None, launchers=launchers, scope_units=scope_units)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            movement = movement_create(
                by=request.user,
                launched_by=data.pop("launched_by"),
                scope=list(data.pop("scope")),
                **data,
            )
        except DomainError as refusal:
            form.add_error(refusal.field if refusal.field in form.fields else None, refusal.message)
        else:
            return redirect(movement_url(movement))
    return render(
        request, "emulation/movement_form.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def movement(request: HttpRequest, pk: int) -> HttpResponse:
    return _movement_page(request, movement_get_for_user(user=request.user, pk=pk))


def _movement_page(
    request: HttpRequest, movement: Movement, *, attachment_form: AttachmentForm | None = None
) -> HttpResponse:
    """The movement's page; a refused attachment comes back in it, its title kept and its
    file named to be chosen again (400)."""
    following = next_status(movement.status)
    return render(
        request,
        "emulation/movement.html",
        {
            "movement": movement,
            "scope": movement.scope.order_by("path"),
            "attachments": movement.attachments.all(),
            "covenants": movement.covenants.select_related("cluster"),
            "can_edit": can_act_for(request.user, movement.launched_by_id),
            "following": following,
            "following_label": MovementStatus(following).label if following else "",
            "stages": [(s.value, s.label) for s in MovementStatus],
            "attachment_form": attachment_form or AttachmentForm(),
        },
        status=400 if attachment_form is not None else 200,
    )


@require_POST
@login_required
def movement_advance_view(request: HttpRequest, pk: int) -> HttpResponse:
    movement = movement_get_for_user(user=request.user, pk=pk)
    to = request.POST.get("giai_doan", "")
    label = MovementStatus(to).label if to in MovementStatus.values else to
    return run(
        request,
        lambda: movement_advance(movement=movement, by=request.user, to=to),
        success=f"Phong trào chuyển sang giai đoạn “{label}”.",
        back=movement_url(movement),
    )


@require_POST
@login_required
def movement_attach(request: HttpRequest, pk: int) -> HttpResponse:
    movement = movement_get_for_user(user=request.user, pk=pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid() and attempt(
        form,
        lambda: movement_attachment_add(movement=movement, by=request.user, **form.cleaned_data),
    ):
        messages.success(request, "Đã đính kèm tài liệu.")
        return redirect(movement_url(movement))
    return _movement_page(request, movement, attachment_form=form)


@login_required
def attachment(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponseBase:
    movement = movement_get_for_user(user=request.user, pk=pk)
    item = get_object_or_404(MovementAttachment, pk=attachment_pk, movement=movement)
    name = str(item.file.name).rsplit("/", 1)[-1]
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=name)
