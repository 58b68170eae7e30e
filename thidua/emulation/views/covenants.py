"""Giao ước thi đua: the criteria (drafted by the cluster's managers), signing by each member,
and the printed covenant."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from thidua.emulation.access import can_act_for, can_manage
from thidua.emulation.choices import CovenantStatus, CriterionKind
from thidua.emulation.documents import DOCX, covenant_docx
from thidua.emulation.forms import CriterionForm, SignForm
from thidua.emulation.models import Criterion
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
from thidua.emulation.views.common import cluster_url, covenant_or_404, download, refuse_form, run


@login_required
def covenant(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster = cluster_get_for_user(user=request.user, code=code, year=year)
    covenant = covenant_for_cluster(cluster=cluster)
    manager = can_manage(request.user, cluster)
    context: dict[str, object] = {"cluster": cluster, "covenant": covenant, "can_manage": manager}
    if covenant is not None:
        signed = {s.unit_id: s for s in covenant.signatures.all()}
        members = cluster_members(cluster=cluster)
        rows = [(m, signed.get(m.unit_id)) for m in members]
        context |= {
            "rows": criteria_rows(covenant=covenant),
            "maximum": criteria_tree(list(covenant.criteria.all())).maximum,
            "signatures": rows,
            "signed_count": len(signed),
            "to_sign": [
                m
                for m in members
                if m.unit_id not in signed
                and covenant.status != CovenantStatus.DRAFT
                and can_act_for(request.user, m.unit_id)
            ],
            "criterion_form": CriterionForm(
                groups=covenant.criteria.filter(kind=CriterionKind.GROUP)
            ),
        }
    return render(request, "emulation/covenant.html", context)


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
    form = CriterionForm(request.POST, groups=covenant.criteria.filter(kind=CriterionKind.GROUP))
    back = cluster_url(covenant.cluster, "covenant")
    if not form.is_valid():
        return refuse_form(request, form, back=back)
    return run(
        request,
        lambda: criterion_add(covenant=covenant, by=request.user, **form.cleaned_data),
        success="Đã thêm tiêu chí.",
        back=back,
    )


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
    form = SignForm(request.POST)
    back = cluster_url(covenant.cluster, "covenant")
    if not form.is_valid():
        return refuse_form(request, form, back=back)
    member = covenant.cluster.members.filter(unit__code=form.cleaned_data["unit"]).first()
    if member is None:
        raise Http404("Đơn vị không phải thành viên.")
    return run(
        request,
        lambda: covenant_sign(
            covenant=covenant,
            unit=member.unit,
            by=request.user,
            signer_name=form.cleaned_data["signer_name"],
            signer_title=form.cleaned_data["signer_title"],
        ),
        success=f"{member.unit.name} đã ký giao ước.",
        back=back,
    )


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
