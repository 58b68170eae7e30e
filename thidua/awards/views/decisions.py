"""Quyết định: the list, a draft from the council's result, issue, certificates, revocation."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from thidua.awards import docx_documents, forms
from thidua.awards.certificates import certificate_document
from thidua.awards.commendation_selectors import REVIEWER, can_act_for, proposal_get_for_user
from thidua.awards.decision_rows import bonus_total, decision_listing, revoked_total
from thidua.awards.models import Decision
from thidua.awards.selectors import (
    certificate_get_for_user,
    decision_get_for_user,
    decisions_for_user,
)
from thidua.awards.services import decision_flow, decisions, revocation
from thidua.awards.views.acting import form_errors
from thidua.common.actions import confirmed, run_confirmed
from thidua.common.errors import DomainError
from thidua.core.documents import body_of
from thidua.core.text import fold

ISSUE_CONFIRM = (
    "Sau khi ban hành, quyết định và danh sách kèm theo không sửa, xóa được; chỉ có thể hủy bỏ "
    "từng khen thưởng theo khoản 2 Điều 93 Luật Thi đua, khen thưởng"
)
REVOKE_CONFIRM = (
    "Khen thưởng bị hủy bỏ không tính vào bất cứ xét duyệt, báo cáo nào nữa; việc hủy bỏ không "
    "hoàn tác được"
)


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
    proposal = proposal_get_for_user(user=request.user, code=code, for_write=REVIEWER)
    unit = proposal.reviewing_unit
    initial = {
        "issuing_body": body_of(unit.name, unit.kind),
        "signer_title": "Chủ tịch",
        "signer_name": unit.head_name,
    }
    form = forms.DecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            decision = decision_flow.decision_from_candidates(
                proposals=[proposal], issuing_unit=unit, by=request.user, **form.cleaned_data
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


def _refusal(form: Any, error: DomainError, *, date_field: str) -> None:
    """The service's refusal next to the field it is about, else above the form."""
    field = date_field if error.field == "date" else error.field
    form.add_error(field if field in form.fields else None, error.message)


def _detail(
    request: HttpRequest, decision: Decision, issue_form: forms.DecisionIssueForm | None = None
) -> HttpResponse:
    listing = decision_listing(decision, user=request.user)
    rows = listing.rows
    return render(
        request,
        "awards/decision.html",
        {
            "decision": decision,
            "listing": listing,
            "rows": rows,
            "total": bonus_total(rows),
            "recovered": revoked_total(rows),
            "standing_total": bonus_total(rows) - revoked_total(rows),
            "can_write": can_act_for(request.user, decision.issuing_unit_id),
            "revoke_form": forms.RevokeForm(),
            "issue_form": issue_form
            or forms.DecisionIssueForm(
                initial={"number": decision.number, "issue_date": decision.date}
            ),
            "issue_confirm": ISSUE_CONFIRM,
            "revoke_confirm": REVOKE_CONFIRM,
            "amendments": decision.amendments.select_related("actor"),
        },
        status=400 if issue_form is not None and issue_form.errors else 200,
    )


@login_required
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, decision_get_for_user(user=request.user, pk=pk))


@login_required
def decision_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """A draft's số, date, body, signer and trích yếu, changed through ``decision_update``
    (as the API does); an issued decision refuses and the page says why."""
    decision = decision_get_for_user(user=request.user, pk=pk, for_write=True)
    initial = {
        "number": decision.number,
        "decision_date": decision.date,
        "issuing_body": decision.issuing_body,
        "signer_title": decision.signer_title,
        "signer_name": decision.signer_name,
        "title": decision.title,
    }
    form = forms.DecisionEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        changes = dict(form.cleaned_data)
        changes["date"] = changes.pop("decision_date")
        try:
            decisions.decision_update(decision=decision, by=request.user, **changes)
        except DomainError as error:
            _refusal(form, error, date_field="decision_date")
        else:
            messages.success(request, "Đã lưu dự thảo.")
            return redirect(_url(decision))
    return render(
        request,
        "awards/decision_edit.html",
        {"form": form, "decision": decision},
        status=400 if form.errors else 200,
    )


@login_required
def decision_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """The decision in the state format, with its list and bonuses, as .docx."""
    decision = decision_get_for_user(user=request.user, pk=pk)
    response = HttpResponse(
        docx_documents.quyet_dinh(decision, user=request.user), content_type=docx_documents.DOCX
    )
    name = slugify(fold(f"quyet-dinh-{decision.number}"))
    response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
    return response


@require_POST
@login_required
def decision_issue(request: HttpRequest, pk: int) -> HttpResponse:
    """Ban hành: the số and the date given now (blank: the draft's, or the body's next
    number); a refusal shows the page again with what was typed."""
    decision = decision_get_for_user(user=request.user, pk=pk, for_write=True)
    form = forms.DecisionIssueForm(request.POST)
    if not form.is_valid():
        return _detail(request, decision, form)
    if not confirmed(request):
        form.add_error(None, f"Chưa thực hiện: cần đánh dấu xác nhận “{ISSUE_CONFIRM}”.")
        return _detail(request, decision, form)
    try:
        issued = decisions.decision_issue(
            decision=decision,
            by=request.user,
            number=form.cleaned_data["number"],
            issue_date=form.cleaned_data["issue_date"],
        )
    except DomainError as error:
        _refusal(form, error, date_field="issue_date")
        return _detail(request, decision, form)
    messages.success(request, f"Đã ban hành Quyết định số {issued.number}.")
    return redirect(_url(issued))


@require_POST
@login_required
def award_revoke(request: HttpRequest, pk: int, record: int) -> HttpResponse:
    decision = decision_get_for_user(user=request.user, pk=pk, for_write=True)
    target = get_object_or_404(decision.records, pk=record)
    form = forms.RevokeForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect(_url(decision))
    return run_confirmed(
        request,
        lambda: revocation.award_revoke(record=target, by=request.user, **form.cleaned_data),
        success=f"Đã hủy bỏ khen thưởng đối với {target.recipient_name}.",
        back=_url(decision),
        asks=REVOKE_CONFIRM,
    )


@login_required
def certificate_download(request: HttpRequest, code: str) -> HttpResponse:
    certificate = certificate_get_for_user(user=request.user, code=code)
    if certificate.award_record.decision.date is None:
        raise Http404("Quyết định chưa ban hành.")
    url = request.build_absolute_uri(reverse("portal:verify", args=[certificate.code]))
    response = HttpResponse(
        certificate_document(certificate, verify_url=url), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="giay-khen-{certificate.code}.pdf"'
    return response
