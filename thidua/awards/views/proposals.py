"""Đề nghị khen thưởng: list, create, the dossier page and each move of the proposal."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from thidua.accounts.scoping import units_acting_for
from thidua.awards import forms
from thidua.awards.choices import ProposalStatus as S
from thidua.awards.commendation_selectors import (
    PROPOSER,
    REVIEWER,
    acting_unit_by_code,
    can_act_for,
    people_for_proposal,
    proposal_get_for_user,
    proposals_for_user,
)
from thidua.awards.models import Candidate, Comment, DossierDocument, Proposal
from thidua.awards.reviewing_units import reviewing_unit_options
from thidua.awards.services import disclosure, dossier, proposals
from thidua.awards.services.proposal_moves import BY_SLUG
from thidua.awards.views.acting import form_errors
from thidua.common.actions import run
from thidua.common.errors import DomainError
from thidua.common.params import text_param


def _url(proposal: Proposal) -> str:
    return reverse("awards:proposal", args=[proposal.code])


def _writable(request: HttpRequest, code: UUID, *, reviewing: bool = False) -> Proposal:
    return proposal_get_for_user(
        user=request.user, code=code, for_write=REVIEWER if reviewing else PROPOSER
    )


@login_required
def proposal_list(request: HttpRequest) -> HttpResponse:
    status = text_param(request, "trang_thai")
    rows = proposals_for_user(user=request.user).order_by("-created_at")
    if status in S.values:
        rows = rows.filter(status=status)
    return render(
        request,
        "awards/proposals.html",
        {"proposals": rows[:200], "status": status, "statuses": S.choices},
    )


@login_required
def proposal_create(request: HttpRequest) -> HttpResponse:
    units = units_acting_for(request.user)
    if not units.exists():
        raise PermissionDenied("Anh/chị không có quyền lập đề nghị khen thưởng.")
    form = forms.ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        unit = acting_unit_by_code(user=request.user, code=request.POST.get("unit", ""))
        try:
            proposal = proposals.proposal_create(by=request.user, unit=unit, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect(_url(proposal))
    return render(request, "awards/proposal_form.html", {"form": form, "units": units})


@login_required
def proposal_detail(request: HttpRequest, code: UUID) -> HttpResponse:
    return _page(request, proposal_get_for_user(user=request.user, code=code))


def _page(
    request: HttpRequest,
    proposal: Proposal,
    *,
    candidate_form: forms.CandidateForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The proposal's page; after a refused addition, with the form as it was typed."""
    candidates = list(proposal.candidates.order_by("pk"))
    reviewing = proposal.status in (S.SUBMITTED, S.UNDER_REVIEW)
    overdue = bool(reviewing and proposal.review_due and proposal.review_due < timezone.localdate())
    published = proposal.disclosures.first()
    comment_open = bool(
        published and published.closed_at is None and published.ends_on >= timezone.localdate()
    )
    return render(
        request,
        "awards/proposal.html",
        {
            "proposal": proposal,
            "overdue": overdue,
            "candidates": candidates,
            "events": proposal.events.select_related("actor"),
            "documents": proposal.documents.select_related("candidate"),
            "checklist": dossier.dossier_checklist(proposal),
            "disclosure": published,
            "comment_open": comment_open,
            "comments": Comment.objects.filter(disclosure__proposal=proposal)
            .select_related("candidate")
            .order_by("created_at"),
            "people": people_for_proposal(user=request.user, proposal=proposal)[:500]
            if proposal.is_editable
            else [],
            "can_edit": can_act_for(request.user, proposal.unit_id),
            "review_options": reviewing_unit_options(
                unit=proposal.unit, award_code=proposal.award_code, year=proposal.year
            )
            if proposal.is_editable
            else [],
            "can_review": can_act_for(request.user, proposal.reviewing_unit_id),
            "candidate_form": candidate_form or forms.CandidateForm(),
            "upload_form": forms.UploadForm(),
        },
        status=status,
    )


@require_POST
@login_required
def candidate_add(request: HttpRequest, code: UUID) -> HttpResponse:
    proposal = _writable(request, code)
    form = forms.CandidateForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect(_url(proposal))
    pool = people_for_proposal(user=request.user, proposal=proposal)
    person = pool.filter(code=form.cleaned_data["person"]).first()
    if person is None:
        raise Http404("Không tìm thấy cá nhân trong đơn vị.")
    try:
        proposals.candidate_add(
            proposal=proposal,
            subject=person,
            by=request.user,
            achievement=form.cleaned_data["achievement"],
            other_ground=form.cleaned_data["other_ground"],
        )
    except DomainError as refusal:
        # Shown with what was typed, so the office can add the other ground and send again.
        messages.error(request, refusal.message)
        return _page(request, proposal, candidate_form=form, status=400)
    messages.success(request, f"Đã thêm {person.full_name} vào đề nghị.")
    return redirect(_url(proposal))


def _candidate(proposal: Proposal, pk: int) -> Candidate:
    return get_object_or_404(proposal.candidates, pk=pk)


@require_POST
@login_required
def candidate_other_ground(request: HttpRequest, code: UUID, pk: int) -> HttpResponse:
    proposal = _writable(request, code)
    candidate = _candidate(proposal, pk)
    ground = request.POST.get("ground", "")
    return run(
        request,
        lambda: proposals.candidate_other_ground(
            candidate=candidate, ground=ground, by=request.user
        ),
        success=f"Đã ghi căn cứ khác đối với {candidate.recipient_name}.",
        back=_url(proposal),
    )


@require_POST
@login_required
def candidate_remove(request: HttpRequest, code: UUID, pk: int) -> HttpResponse:
    proposal = _writable(request, code)
    candidate = _candidate(proposal, pk)
    return run(
        request,
        lambda: proposals.candidate_remove(candidate=candidate, by=request.user),
        success=f"Đã bỏ {candidate.recipient_name} khỏi đề nghị.",
        back=_url(proposal),
    )


@require_POST
@login_required
def candidate_release(request: HttpRequest, code: UUID, pk: int) -> HttpResponse:
    proposal = _writable(request, code, reviewing=True)
    candidate = _candidate(proposal, pk)
    note = request.POST.get("note", "")
    return run(
        request,
        lambda: disclosure.candidate_release(candidate=candidate, by=request.user, note=note),
        success=f"Đã ghi kết luận xác minh đối với {candidate.recipient_name}.",
        back=_url(proposal),
    )


@require_POST
@login_required
def proposal_move(request: HttpRequest, code: UUID, move: str) -> HttpResponse:
    chosen = BY_SLUG.get(move)
    if chosen is None:
        raise Http404("Thao tác không có.")
    proposal = proposal_get_for_user(user=request.user, code=code, for_write=chosen.side)
    return run(
        request,
        lambda: chosen.run(proposal, request.user, request.POST),
        success=chosen.done,
        back=_url(proposal),
    )


@require_POST
@login_required
def dossier_generate(request: HttpRequest, code: UUID) -> HttpResponse:
    proposal = _writable(request, code)
    return run(
        request,
        lambda: dossier.dossier_generate(proposal=proposal, by=request.user),
        success="Đã tạo tờ trình và báo cáo thành tích từ dữ liệu.",
        back=_url(proposal),
    )


@require_POST
@login_required
def document_upload(request: HttpRequest, code: UUID) -> HttpResponse:
    proposal = _writable(request, code)
    form = forms.UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        form_errors(request, form)
        return redirect(_url(proposal))
    cid = form.cleaned_data["candidate"]
    candidate = _candidate(proposal, cid) if cid else None
    return run(
        request,
        lambda: dossier.document_upload(
            proposal=proposal,
            kind=form.cleaned_data["kind"],
            upload=form.cleaned_data["file"],
            by=request.user,
            candidate=candidate,
        ),
        success="Đã tải tài liệu lên hồ sơ.",
        back=_url(proposal),
    )


@login_required
def document_download(request: HttpRequest, code: UUID, pk: int) -> FileResponse:
    proposal = proposal_get_for_user(user=request.user, code=code)
    document: DossierDocument = get_object_or_404(proposal.documents, pk=pk)
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.original_name
    )


@require_POST
@login_required
def comment_answer(request: HttpRequest, code: UUID, pk: int) -> HttpResponse:
    proposal = _writable(request, code, reviewing=True)
    comment = get_object_or_404(Comment, pk=pk, disclosure__proposal=proposal)
    form = forms.AnswerForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect(_url(proposal))
    return run(
        request,
        lambda: disclosure.comment_answer(
            comment=comment,
            by=request.user,
            answer=form.cleaned_data["answer"],
            is_valid=form.cleaned_data["valid"],
        ),
        success="Đã trả lời ý kiến.",
        back=_url(proposal),
    )
