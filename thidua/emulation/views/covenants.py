"""Giao ước thi đua: the criteria (drafted by the cluster's managers), signing by each member,
and the printed covenant."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from thidua.common.actions import attempt
from thidua.emulation.access import can_act_for, can_manage
from thidua.emulation.choices import CovenantStatus, CriterionKind
from thidua.emulation.documents import DOCX, covenant_docx
from thidua.emulation.forms import CriterionForm, SignForm
from thidua.emulation.models import Cluster, Covenant, Criterion
from thidua.emulation.results import criteria_tree
from thidua.emulation.selectors import (
    cluster_get_for_user,
    cluster_members,
    covenant_for_cluster,
    criteria_rows,
)
from thidua.emulation.services import (
    covenant_create,
    covenant_open,
    covenant_sign,
    criterion_add,
    criterion_remove,
)
from thidua.emulation.views.common import cluster_url, covenant_or_404, download, run


def _sign_form(unit_code: str, data: Any = None) -> SignForm:
    # One form per member on the page: ids apart, names the same (the view reads ``unit``).
    return SignForm(data, initial={"unit": unit_code}, auto_id=f"ky-{unit_code}-%s")


def _covenant_page(
    request: HttpRequest,
    cluster: Cluster,
    *,
    criterion_form: CriterionForm | None = None,
    sign_form: SignForm | None = None,
) -> HttpResponse:
    """The covenant page; a refused form comes back in it with what was typed (400)."""
    covenant = covenant_for_cluster(cluster=cluster)
    manager = can_manage(request.user, cluster)
    context: dict[str, object] = {"cluster": cluster, "covenant": covenant, "can_manage": manager}
    if covenant is not None:
        signed = {s.unit_id: s for s in covenant.signatures.all()}
        members = cluster_members(cluster=cluster)
        rows = [(m, signed.get(m.unit_id)) for m in members]
        refused_unit = sign_form.data.get("unit") if sign_form is not None else None
        context |= {
            "rows": criteria_rows(covenant=covenant),
            "maximum": criteria_tree(list(covenant.criteria.all())).maximum,
            "signatures": rows,
            "signed_count": len(signed),
            "to_sign": [
                (
                    m,
                    sign_form
                    if sign_form is not None and refused_unit == m.unit.code
                    else _sign_form(m.unit.code),
                )
                for m in members
                if m.unit_id not in signed
                and covenant.status != CovenantStatus.DRAFT
                and can_act_for(request.user, m.unit_id)
            ],
            "criterion_form": criterion_form or _criterion_form(covenant),
        }
    refused = criterion_form is not None or sign_form is not None
    return render(request, "emulation/covenant.html", context, status=400 if refused else 200)


def _criterion_form(covenant: Covenant, data: Any = None) -> CriterionForm:
    return CriterionForm(data, groups=covenant.criteria.filter(kind=CriterionKind.GROUP))


@login_required
def covenant(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster = cluster_get_for_user(user=request.user, code=code, year=year)
    return _covenant_page(request, cluster)


@require_POST
@login_required
def covenant_new(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster = cluster_get_for_user(user=request.user, code=code, year=year)
    previous = covenant_for_cluster(cluster=cluster.previous) if cluster.previous else None
    return run(
        request,
        lambda: covenant_create(
            cluster=cluster, by=request.user, copy_from=previous, movement=None
        ),
        success="Đã lập dự thảo giao ước"
        + (f" từ các tiêu chí năm {cluster.year - 1}." if previous else "."),
        back=cluster_url(cluster, "covenant"),
    )


@require_POST
@login_required
def covenant_criterion_add(request: HttpRequest, code: str, year: int) -> HttpResponse:
    covenant = covenant_or_404(request, code, year)
    form = _criterion_form(covenant, request.POST)
    if form.is_valid() and attempt(
        form, lambda: criterion_add(covenant=covenant, by=request.user, **form.cleaned_data)
    ):
        messages.success(request, "Đã thêm tiêu chí.")
        return redirect(cluster_url(covenant.cluster, "covenant"))
    return _covenant_page(request, covenant.cluster, criterion_form=form)


@require_POST
@login_required
def covenant_criterion_remove(request: HttpRequest, code: str, year: int, pk: int) -> HttpResponse:
    covenant = covenant_or_404(request, code, year)
    criterion = get_object_or_404(Criterion, pk=pk, covenant=covenant)
    return run(
        request,
        lambda: criterion_remove(criterion=criterion, by=request.user),
        success=f"Đã xóa tiêu chí {criterion.number}.",
        back=cluster_url(covenant.cluster, "covenant"),
    )


@require_POST
@login_required
def covenant_open_view(request: HttpRequest, code: str, year: int) -> HttpResponse:
    covenant = covenant_or_404(request, code, year)
    return run(
        request,
        lambda: covenant_open(covenant=covenant, by=request.user),
        success="Đã đưa giao ước ra ký kết; các đơn vị thành viên ký trên trang này.",
        back=cluster_url(covenant.cluster, "covenant"),
    )


@require_POST
@login_required
def covenant_sign_view(request: HttpRequest, code: str, year: int) -> HttpResponse:
    covenant = covenant_or_404(request, code, year)
    unit_code = request.POST.get("unit", "")
    member = covenant.cluster.members.filter(unit__code=unit_code).first()
    if member is None:
        raise Http404("Đơn vị không phải thành viên.")
    form = _sign_form(unit_code, request.POST)
    if form.is_valid() and attempt(
        form,
        lambda: covenant_sign(
            covenant=covenant,
            unit=member.unit,
            by=request.user,
            signer_name=form.cleaned_data["signer_name"],
            signer_title=form.cleaned_data["signer_title"],
        ),
    ):
        messages.success(request, f"{member.unit.name} đã ký giao ước.")
        return redirect(cluster_url(covenant.cluster, "covenant"))
    return _covenant_page(request, covenant.cluster, sign_form=form)


@login_required
def covenant_print(request: HttpRequest, code: str, year: int) -> HttpResponse:
    covenant = covenant_or_404(request, code, year)
    content = covenant_docx(
        covenant,
        criteria_rows(covenant=covenant),
        list(covenant.signatures.all()),
    )
    return download(
        content, filename=f"giao-uoc-{covenant.cluster.code}-{year}.docx", content_type=DOCX
    )
