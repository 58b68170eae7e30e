"""Đề nghị khen thưởng over JSON: list and read (scoped: another unit's proposal answers 404),
create a draft, add a candidate, submit (403 unless the caller acts for the proposing unit).

The law engine checks each candidate as on the page; the API refuses an ineligible one with
400, the unmet criteria and their citations in ``errors``, and keeps nothing — the page keeps
the refused row so that an officer can propose it on another ground the law allows."""

# Annotations evaluated at import: see thidua/api/params.py.

import datetime as dt
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from thidua.accounts.scoping import scope_for
from thidua.api.errors import error_body
from thidua.api.params import Pages, QueryYear
from thidua.api.routers.awards import _subject
from thidua.api.schemas import ERRORS, READ_ERRORS, Error, RuleCriterionOut, Strict, UnitRef
from thidua.awards.choices import CheckStatus
from thidua.awards.commendation_selectors import (
    can_act_for,
    proposal_get_for_user,
    proposals_for_user,
)
from thidua.awards.models import Candidate, Proposal
from thidua.awards.reviewing_units import reviewing_unit_options
from thidua.awards.services import proposal_flow, proposals
from thidua.common.errors import DomainError
from thidua.core.rules.vocabulary import Occasion
from thidua.orgs.models import Unit

router = Router(tags=["Đề nghị khen thưởng"])


class CandidateOut(Schema):
    id: int
    recipient_kind: str
    recipient_name: str
    position: str
    achievement: str
    basis: str
    check_status: str
    check_label: str
    reason: str
    criteria: list[RuleCriterionOut]
    council_result: str

    @staticmethod
    def resolve_check_label(obj: Candidate) -> str:
        return obj.get_check_status_display()

    @staticmethod
    def resolve_reason(obj: Candidate) -> str:
        return str(obj.verdict.get("reason", ""))

    @staticmethod
    def resolve_criteria(obj: Candidate) -> list[dict[str, Any]]:
        return _criteria(obj)


class ProposalOut(Schema):
    code: UUID
    title: str
    award_code: str
    award_name: str
    year: int
    occasion: str
    occasion_label: str
    status: str
    status_label: str
    unit: UnitRef
    reviewing_unit: UnitRef
    submitted_at: dt.datetime | None
    review_due: dt.date | None

    @staticmethod
    def resolve_title(obj: Proposal) -> str:
        return str(obj)

    @staticmethod
    def resolve_status_label(obj: Proposal) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_occasion_label(obj: Proposal) -> str:
        return obj.get_occasion_display()


class ProposalDetailOut(ProposalOut):
    candidates: list[CandidateOut]

    @staticmethod
    def resolve_candidates(obj: Proposal) -> list[Candidate]:
        return list(obj.candidates.order_by("pk"))


class ProposalIn(Strict):
    unit: str
    award_code: str
    year: int
    title: str = ""
    # Loại hình khen thưởng; by default a thematic movement's summing-up or the year's results.
    occasion: Occasion | None = None


class CandidateIn(Strict):
    recipient_kind: str
    recipient_code: str
    achievement: str = ""


class SubmitIn(Strict):
    reviewing_unit: str | None = None


class IneligibleError(Exception):
    """Raised inside the transaction so that the refused candidate is not kept."""

    def __init__(self, candidate: Candidate) -> None:
        super().__init__(candidate.verdict.get("reason", ""))
        self.candidate = candidate


def _criteria(candidate: Candidate) -> list[dict[str, Any]]:
    return [
        {
            "text": str(c.get("text", "")),
            "met": c.get("met"),
            "citation": str(c.get("citation", "")),
        }
        for c in candidate.verdict.get("criteria") or []
    ]


def _writable(request: HttpRequest, code: UUID) -> Proposal:
    proposal = proposal_get_for_user(user=request.user, code=code)
    if not can_act_for(request.user, proposal.unit_id):
        raise PermissionDenied("Anh/chị không có quyền thao tác trên đề nghị này.")
    return proposal


@router.get(
    "/proposals", response={200: list[ProposalOut], **READ_ERRORS}, summary="Đề nghị khen thưởng"
)
@paginate(Pages, page_size=100)
def list_proposals(request: HttpRequest, status: str = "", year: QueryYear = None) -> Any:
    """Proposals of the units the caller acts for or reviews for, newest first."""
    rows = proposals_for_user(user=request.user)
    if status:
        rows = rows.filter(status=status)
    if year is not None:
        rows = rows.filter(year=year)
    return rows.order_by("-created_at", "-pk")


@router.get(
    "/proposals/{code}",
    response={200: ProposalDetailOut, **READ_ERRORS},
    summary="Một đề nghị, với các đối tượng",
)
def get_proposal(request: HttpRequest, code: UUID) -> Any:
    return proposal_get_for_user(user=request.user, code=code)


@router.post(
    "/proposals", response={201: ProposalDetailOut, **ERRORS}, summary="Lập đề nghị (nháp)"
)
def create_proposal(request: HttpRequest, payload: ProposalIn) -> Any:
    unit = Unit.objects.filter(code=payload.unit).first()
    if unit is None or not scope_for(request.user).can_write(unit.pk):
        raise PermissionDenied("Anh/chị không có quyền lập đề nghị cho đơn vị này.")
    proposal = proposals.proposal_create(
        unit=unit,
        award_code=payload.award_code,
        year=payload.year,
        title=payload.title,
        occasion=payload.occasion.value if payload.occasion else "",
        by=request.user,
    )
    return Status(201, proposal)


@router.post(
    "/proposals/{code}/candidates",
    response={201: CandidateOut, 400: Error, **ERRORS},
    summary="Thêm đối tượng vào đề nghị",
)
def add_candidate(request: HttpRequest, code: UUID, payload: CandidateIn) -> Any:
    """The law engine checks the candidate; an ineligible one is refused with 400 and each
    unmet criterion with its citation in ``errors`` (field ``recipient_code``)."""
    proposal = _writable(request, code)
    subject = _subject(request, payload.recipient_kind, payload.recipient_code)
    try:
        with transaction.atomic():
            candidate = proposals.candidate_add(
                proposal=proposal, subject=subject, achievement=payload.achievement
            )
            if candidate.check_status == CheckStatus.REFUSED:
                raise IneligibleError(candidate)
    except IneligibleError as refused:
        unmet = [c for c in _criteria(refused.candidate) if c["met"] is False]
        errors = [
            {
                "field": "recipient_code",
                "message": f"{c['text']} ({c['citation']})" if c["citation"] else c["text"],
            }
            for c in unmet
        ]
        detail = f"{refused.candidate.recipient_name}: {refused.candidate.verdict['reason']}"
        return Status(400, error_body(detail, errors))
    return Status(201, candidate)


@router.post(
    "/proposals/{code}/submit", response={200: ProposalDetailOut, **ERRORS}, summary="Gửi duyệt"
)
def submit_proposal(request: HttpRequest, code: UUID, payload: SubmitIn) -> Any:
    """Send the draft to the reviewing unit (by code: one the catalog allows for the form;
    by default the one the proposal names)."""
    proposal = _writable(request, code)
    chosen = None
    if payload.reviewing_unit:
        options = reviewing_unit_options(
            unit=proposal.unit, award_code=proposal.award_code, year=proposal.year
        )
        chosen = next((o.unit for o in options if o.unit.code == payload.reviewing_unit), None)
        if chosen is None:
            allowed = ", ".join(o.unit.code for o in options)
            raise DomainError(
                "reviewing_unit_not_allowed",
                f"Đơn vị “{payload.reviewing_unit}” không được xét, quyết định "
                f"{proposal.award_name}; chọn một trong: {allowed}.",
                field="reviewing_unit",
            )
    return proposal_flow.proposal_submit(proposal=proposal, by=request.user, reviewing_unit=chosen)
