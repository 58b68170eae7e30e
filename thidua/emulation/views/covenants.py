"""Giao ước thi đua: the criteria (drafted by the cluster's managers, editable while a draft),
opening it for signing or taking it back, signing by each member or at the conference,
correcting a signature, and the printed covenant. A refused form comes back in the page with
what was typed."""

from __future__ import annotations

from dataclasses import dataclass
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
from thidua.emulation.forms import (
    ConferenceForm,
    CriterionForm,
    ReasonForm,
    SignatureCorrectionForm,
    SignForm,
)
from thidua.emulation.models import Cluster, Covenant, CovenantSignature, Criterion
from thidua.emulation.results import criteria_tree
from thidua.emulation.selectors import (
    cluster_get_for_user,
    cluster_members,
    covenant_for_cluster,
    criteria_rows,
)
from thidua.emulation.services import (
    ConferenceSigner,
    covenant_conference_record,
    covenant_create,
    covenant_open,
    covenant_reopen,
    covenant_sign,
    covenant_signature_correct,
    criterion_add,
    criterion_remove,
    criterion_update,
)
from thidua.emulation.views.common import cluster_url, covenant_or_404, download, run


@dataclass
class Refused:
    """The one form of the page the server refused, to show again as it was sent."""

    criterion: CriterionForm | None = None
    sign: SignForm | None = None
    edit: tuple[int, CriterionForm] | None = None
    reopen: ReasonForm | None = None
    conference: ConferenceForm | None = None
    correct: tuple[int, SignatureCorrectionForm] | None = None


def _sign_form(unit_code: str, data: Any = None) -> SignForm:
    # One form per member on the page: ids apart, names the same (the view reads ``unit``).
    return SignForm(data, initial={"unit": unit_code}, auto_id=f"ky-{unit_code}-%s")


def _groups(covenant: Covenant) -> Any:
    return covenant.criteria.filter(kind=CriterionKind.GROUP)


def _criterion_form(covenant: Covenant, data: Any = None) -> CriterionForm:
    return CriterionForm(data, groups=_groups(covenant))


def _correct_form(signature: CovenantSignature, data: Any = None) -> SignatureCorrectionForm:
    return SignatureCorrectionForm(
        data,
        auto_id=f"dinh-chinh-{signature.pk}-%s",
        initial={"signer_name": signature.signer_name, "signer_title": signature.signer_title},
    )


def _unsigned(covenant: Covenant) -> list[Any]:
    signed = set(covenant.signatures.values_list("unit_id", flat=True))
    return [m.unit for m in cluster_members(cluster=covenant.cluster) if m.unit_id not in signed]


def _conference_form(covenant: Covenant, data: Any = None) -> ConferenceForm:
    return ConferenceForm(
        data,
        members=_unsigned(covenant),
        initial={
            "held_on": covenant.conference_on,
            "place": covenant.conference_place,
            "note": covenant.conference_note,
        },
    )


def _covenant_page(
    request: HttpRequest, cluster: Cluster, refused: Refused | None = None
) -> HttpResponse:
    refused = refused or Refused()
    covenant = covenant_for_cluster(cluster=cluster)
    manager = can_manage(request.user, cluster)
    context: dict[str, object] = {"cluster": cluster, "covenant": covenant, "can_manage": manager}
    if covenant is not None:
        signatures = list(covenant.signatures.prefetch_related("corrections"))
        signed = {s.unit_id: s for s in signatures}
        members = cluster_members(cluster=cluster)
        refused_unit = refused.sign.data.get("unit") if refused.sign is not None else None
        edit_pk, edit_form = refused.edit or (None, None)
        correct_pk, correct_form = refused.correct or (None, None)
        draft = covenant.status == CovenantStatus.DRAFT
        rows = criteria_rows(covenant=covenant)
        groups = _groups(covenant)
        edit_forms = (
            {
                r.criterion.pk: edit_form
                if r.criterion.pk == edit_pk and edit_form is not None
                else CriterionForm.of(r.criterion, groups)
                for r in rows
            }
            if manager and draft
            else {}
        )
        published = hasattr(covenant, "ranking")
        context |= {
            "rows": rows,
            "edit_forms": edit_forms,
            "maximum": criteria_tree(list(covenant.criteria.all())).maximum,
            "signatures": [
                (
                    m,
                    signed.get(m.unit_id),
                    (correct_form if signed[m.unit_id].pk == correct_pk else None)
                    or _correct_form(signed[m.unit_id])
                    if m.unit_id in signed
                    and not published
                    and (manager or can_act_for(request.user, m.unit_id))
                    else None,
                )
                for m in members
            ],
            "signed_count": len(signed),
            "to_sign": [
                (
                    m,
                    refused.sign
                    if refused.sign is not None and refused_unit == m.unit.code
                    else _sign_form(m.unit.code),
                )
                for m in members
                if m.unit_id not in signed and not draft and can_act_for(request.user, m.unit_id)
            ],
            "criterion_form": refused.criterion or _criterion_form(covenant),
            "can_reopen": manager and covenant.status == CovenantStatus.OPEN and not signed,
            "reopen_form": refused.reopen or ReasonForm(auto_id="du-thao-%s"),
            "conference_form": refused.conference or _conference_form(covenant)
            if manager and not draft
            else None,
        }
    refused_any = any(value is not None for value in vars(refused).values())
    return render(request, "emulation/covenant.html", context, status=400 if refused_any else 200)


def _done(request: HttpRequest, covenant: Covenant, said: str) -> HttpResponse:
    messages.success(request, said)
    return redirect(cluster_url(covenant.cluster, "covenant"))


@login_required
def covenant(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster = cluster_get_for_user(user=request.user, code=code, year=year)
    return _covenant_page(request, cluster)


@require_POST
@login_required
def covenant_new(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster = cluster_get_for_user(user=request.user, code=code, year=year)
    previous = covenant_for_cluster(cluster=cluster.previous) if cluster.previous else None
    update_year = previous is not None and request.POST.get("cap_nhat_nam") == "1"
    return run(
        request,
        lambda: covenant_create(
            cluster=cluster,
            by=request.user,
            copy_from=previous,
            movement=None,
            update_year=update_year,
        ),
        success="Đã lập dự thảo giao ước"
        + (f" từ các tiêu chí năm {cluster.year - 1}" if previous else "")
        + (
            f", năm {cluster.year - 1} trong nội dung đã đổi thành {cluster.year}."
            if update_year
            else "."
        ),
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
        return _done(request, covenant, "Đã thêm tiêu chí.")
    return _covenant_page(request, covenant.cluster, Refused(criterion=form))


@require_POST
@login_required
def covenant_criterion_edit(request: HttpRequest, code: str, year: int, pk: int) -> HttpResponse:
    covenant = covenant_or_404(request, code, year)
    criterion = get_object_or_404(Criterion, pk=pk, covenant=covenant)
    form = CriterionForm.of(criterion, _groups(covenant), request.POST)
    if form.is_valid() and attempt(
        form, lambda: criterion_update(criterion=criterion, by=request.user, **form.cleaned_data)
    ):
        return _done(request, covenant, f"Đã sửa tiêu chí {criterion.number}.")
    return _covenant_page(request, covenant.cluster, Refused(edit=(pk, form)))


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
def covenant_reopen_view(request: HttpRequest, code: str, year: int) -> HttpResponse:
    covenant = covenant_or_404(request, code, year)
    form = ReasonForm(request.POST, auto_id="du-thao-%s")
    if form.is_valid() and attempt(
        form,
        lambda: covenant_reopen(
            covenant=covenant, by=request.user, reason=form.cleaned_data["reason"]
        ),
    ):
        return _done(
            request, covenant, "Đã đưa giao ước về dự thảo; sửa tiêu chí rồi đưa ra ký kết lại."
        )
    return _covenant_page(request, covenant.cluster, Refused(reopen=form))


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
        return _done(request, covenant, f"{member.unit.name} đã ký giao ước.")
    return _covenant_page(request, covenant.cluster, Refused(sign=form))


@require_POST
@login_required
def covenant_conference_view(request: HttpRequest, code: str, year: int) -> HttpResponse:
    covenant = covenant_or_404(request, code, year)
    form = _conference_form(covenant, request.POST)
    if form.is_valid() and attempt(
        form,
        lambda: covenant_conference_record(
            covenant=covenant,
            by=request.user,
            held_on=form.cleaned_data["held_on"],
            place=form.cleaned_data["place"],
            note=form.cleaned_data["note"],
            signers=[ConferenceSigner(u, name, title) for u, name, title in form.signers()],
        ),
    ):
        count = len(form.signers())
        return _done(
            request,
            covenant,
            "Đã ghi hội nghị ký kết" + (f" và chữ ký của {count} đơn vị." if count else "."),
        )
    return _covenant_page(request, covenant.cluster, Refused(conference=form))


@require_POST
@login_required
def covenant_signature_correct_view(
    request: HttpRequest, code: str, year: int, pk: int
) -> HttpResponse:
    covenant = covenant_or_404(request, code, year)
    signature = get_object_or_404(CovenantSignature, pk=pk, covenant=covenant)
    form = _correct_form(signature, request.POST)
    if form.is_valid() and attempt(
        form,
        lambda: covenant_signature_correct(
            signature=signature, by=request.user, **form.cleaned_data
        ),
    ):
        return _done(request, covenant, f"Đã đính chính chữ ký của {signature.unit.name}.")
    return _covenant_page(request, covenant.cluster, Refused(correct=(pk, form)))


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
