"""Quy định riêng của địa phương: what applies to a unit (and who set it), the unit's own
versions, and the form to add or change one (administrators; officers above ward level)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from thidua.awards.eligibility_selectors import (
    default_unit,
    eligibility_unit_for_user,
    eligibility_units_for_user,
)
from thidua.awards.forms_local_rules import UnitRuleSettingsForm
from thidua.awards.local_rules import local_rules_page
from thidua.awards.services.local_rules import local_rules_delete, local_rules_save
from thidua.common.errors import DomainError
from thidua.common.params import int_param, text_param


@login_required
def local_rules(request: HttpRequest) -> HttpResponse:
    units = eligibility_units_for_user(user=request.user)
    code = text_param(request, "don_vi")
    unit = eligibility_unit_for_user(user=request.user, code=code) if code else default_unit(units)
    if unit is None:
        return render(request, "awards/local_rules.html", {"units": units, "page": None})
    page = local_rules_page(user=request.user, unit=unit)
    editing = deleting = None
    if "sua" in request.GET:
        editing = get_object_or_404(page.own, pk=int_param(request, "sua") or 0)
    if "xoa" in request.GET:
        deleting = get_object_or_404(page.own, pk=int_param(request, "xoa") or 0)
        if request.method == "POST":
            local_rules_delete(unit=unit, by=request.user, row=deleting)
            messages.success(
                request, f"Đã xóa quy định áp dụng từ ngày {deleting.valid_from:%d/%m/%Y}."
            )
            return redirect(f"{reverse('awards:local_rules')}?don_vi={unit.code}")
    form = None
    if page.can_edit:
        form = UnitRuleSettingsForm(request.POST or None, instance=editing)
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("Anh/chị chỉ được xem quy định riêng của đơn vị này.")
        if form.is_valid():
            try:
                local_rules_save(unit=unit, by=request.user, data=form.cleaned_data, row=editing)
            except DomainError as refusal:
                form.add_error(refusal.field, refusal.message)
            else:
                messages.success(request, "Đã lưu quy định riêng của đơn vị.")
                return redirect(f"{reverse('awards:local_rules')}?don_vi={unit.code}")
    return render(
        request,
        "awards/local_rules.html",
        {
            "units": units,
            "unit": unit,
            "page": page,
            "form": form,
            "editing": editing,
            "deleting": deleting,
        },
    )
