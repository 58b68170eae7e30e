"""Quyết định: the list, a draft from the council's result, issue, certificates, revocation."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from thidua.awards import forms
from thidua.awards.bonus import bonus_for
from thidua.awards.certificates import certificate_document
from thidua.awards.commendation_selectors import can_act_for, proposal_get_for_user
from thidua.awards.models import Certificate, Decision
from thidua.awards.selectors import decision_get_for_user, decisions_for_user
from thidua.awards.services import decision_flow, revocation
from thidua.awards.views.acting import act, form_errors
from thidua.common.errors import DomainError


def _url(decision: Decision) -> str:
    return reverse("awards:decision", args=[decision.pk])


@login_required
def decision_list(request: HttpRequest) -> HttpResponse:
    rows = decisions_for_user(user=request.user).order_by("-date", "-pk")
    return render(request, "awards/decisions.html", {"decisions": rows[:200]})


@login_required
def decision_create(request: HttpRequest) -> HttpResponse:
    """A draft decision from one proposal's passed candidates."""
    try:
        code = UUID(request.GET.get("de_nghi", ""))
    except ValueError:
        raise Http404("Không tìm thấy đề nghị.") from None
    proposal = proposal_get_for_user(user=request.user, code=code)
    if not can_act_for(request.user, proposal.reviewing_unit_id):
        raise PermissionDenied("Chỉ đơn vị xét khen thưởng mới lập quyết định.")
    unit = proposal.reviewing_unit
    # "Ủy ban nhân dân phường Ngọc Sơn": the unit's kind word in lower case, its name as is.
    body = (
        f"Ủy ban nhân dân {unit.name[:1].lower()}{unit.name[1:]}"
        if unit.kind == "xa"
        else unit.name
    )
    initial = {"issuing_body": body, "signer_title": "Chủ tịch"}
    form = forms.DecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            decision = decision_flow.decision_from_candidates(
                proposals=[proposal], issuing_unit=unit, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect(_url(decision))
    return render(
        request,
        "awards/decision_form.html",
        {"form": form, "proposal": proposal,
         "candidates": decision_flow.passed_candidates([proposal])},
    )  # fmt: skip


def _rows(decision: Decision) -> list[dict[str, Any]]:
    rows = []
    for record in decision.records.select_related("unit", "certificate").order_by("pk"):
        bonus = (
            bonus_for(code=record.code, recipient_kind=record.recipient_kind,
                      decision_date=decision.date)
            if decision.date else None
        )  # fmt: skip
        certificate = getattr(record, "certificate", None)
        rows.append({"record": record, "bonus": bonus, "certificate": certificate})
    return rows


@login_required
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    decision = decision_get_for_user(user=request.user, pk=pk)
    rows = _rows(decision)
    return render(
        request,
        "awards/decision.html",
        {
            "decision": decision,
            "rows": rows,
            "total": sum(r["bonus"].amount for r in rows if r["bonus"]),
            "can_write": can_act_for(request.user, decision.issuing_unit_id),
            "revoke_form": forms.RevokeForm(),
        },
    )


@require_POST
@login_required
def decision_issue(request: HttpRequest, pk: int) -> HttpResponse:
    decision = decision_get_for_user(user=request.user, pk=pk, for_write=True)
    return act(
        request,
        lambda: decision_flow.decision_issue_with_certificates(decision=decision, by=request.user),
        done=f"Đã ban hành Quyết định số {decision.number}.",
        to=_url(decision),
    )


@require_POST
@login_required
def award_revoke(request: HttpRequest, pk: int, record: int) -> HttpResponse:
    decision = decision_get_for_user(user=request.user, pk=pk, for_write=True)
    target = get_object_or_404(decision.records, pk=record)
    form = forms.RevokeForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect(_url(decision))
    return act(
        request,
        lambda: revocation.award_revocation(
            record=target, ground=form.cleaned_data["ground"], reason=form.cleaned_data["reason"]
        ),
        done=f"Đã hủy bỏ khen thưởng đối với {target.recipient_name}.",
        to=_url(decision),
    )


@login_required
def certificate_download(request: HttpRequest, code: str) -> HttpResponse:
    certificate = get_object_or_404(
        Certificate.objects.select_related("award_record__decision", "award_record__person"),
        code=code,
    )
    decision_get_for_user(user=request.user, pk=certificate.award_record.decision_id)
    if certificate.award_record.decision.date is None:
        raise Http404("Quyết định chưa ban hành.")
    url = request.build_absolute_uri(reverse("portal:verify", args=[certificate.code]))
    response = HttpResponse(
        certificate_document(certificate, verify_url=url), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="giay-khen-{certificate.code}.pdf"'
    return response
