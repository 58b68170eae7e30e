"""Đề nghị khen thưởng over JSON: list and read (scoped: another unit's proposal answers 404),
create a draft, add a candidate, submit (403 unless the caller acts for the proposing unit).

The law engine checks each candidate as on the page: both refuse an ineligible one and keep
nothing (400 here, the unmet criteria and their citations in ``errors``)."""

# Annotations evaluated at import: see thidua/api/params.py.

import datetime as dt
from typing import Any
from uuid import UUID

from django.http import HttpRequest
from ninja import File as NinjaFile
from ninja import Form, Router, Schema, Status
from ninja import UploadedFile as NinjaUploadedFile
from ninja.pagination import paginate
from pydantic import Field

from thidua.api.params import Pages, QueryYear
from thidua.api.routers.awards import _subject
from thidua.api.schemas import ERRORS, READ_ERRORS, Error, RuleCriterionOut, Strict, UnitRef
from thidua.awards.choices import DocumentKind
from thidua.awards.commendation_selectors import (
    PROPOSER,
    acting_unit_by_code,
    proposal_get_for_user,
    proposals_for_user,
)
from thidua.awards.models import Candidate, Proposal
from thidua.awards.services import dossier, proposal_flow, proposals
from thidua.common.errors import DomainError
from thidua.core.rules.vocabulary import Occasion

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
    achievement: str = Field(default="", max_length=5000)
    other_ground: str = Field(
        default="",
        max_length=2000,
        description="Căn cứ khác Luật cho phép khi chưa đủ tiêu chuẩn (điểm a–c khoản 1 Điều 74)",
    )


class RequirementOut(Schema):
    kind: str
    candidate_id: int | None
    label: str
    basis: str
    present: bool


class DocumentOut(Schema):
    id: int
    kind: str
    candidate_id: int | None
    original_name: str
    size: int
    generated: bool


class SubmitIn(Strict):
    reviewing_unit: str | None = None


def _criteria(candidate: Candidate) -> list[dict[str, Any]]:
    return [
        {
            "text": str(c.get("text", "")),
            "met": c.get("met"),
            "citation": str(c.get("citation", "")),
        }
        for c in candidate.verdict.get("criteria") or []
    ]


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
    unit = acting_unit_by_code(user=request.user, code=payload.unit)
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
    """The law engine checks the candidate; an ineligible one is refused with 400, each unmet
    criterion with its citation in ``errors`` (field ``recipient_code``), and nothing is kept
    — unless the form allows another ground and ``other_ground`` states it."""
    proposal = proposal_get_for_user(user=request.user, code=code, for_write=PROPOSER)
    subject = _subject(request, payload.recipient_kind, payload.recipient_code)
    candidate = proposals.candidate_add(
        proposal=proposal,
        subject=subject,
        by=request.user,
        achievement=payload.achievement,
        other_ground=payload.other_ground,
    )
    return Status(201, candidate)


@router.post(
    "/proposals/{code}/submit", response={200: ProposalDetailOut, **ERRORS}, summary="Gửi duyệt"
)
def submit_proposal(request: HttpRequest, code: UUID, payload: SubmitIn) -> Any:
    """Send the draft to the reviewing unit (by code: one the catalog allows for the form;
    by default the one the proposal names), once the dossier holds what it must."""
    proposal = proposal_get_for_user(user=request.user, code=code, for_write=PROPOSER)
    return proposal_flow.proposal_submit(
        proposal=proposal, by=request.user, reviewing_unit_code=payload.reviewing_unit or ""
    )


@router.get(
    "/proposals/{code}/dossier",
    response={200: list[RequirementOut], **READ_ERRORS},
    summary="Hồ sơ: các tài liệu cần có và đã có",
)
def get_dossier(request: HttpRequest, code: UUID) -> Any:
    return dossier.dossier_checklist(proposal_get_for_user(user=request.user, code=code))


@router.post(
    "/proposals/{code}/dossier",
    response={201: list[DocumentOut], **ERRORS},
    summary="Tạo tờ trình, báo cáo thành tích từ dữ liệu",
)
def generate_dossier(request: HttpRequest, code: UUID) -> Any:
    proposal = proposal_get_for_user(user=request.user, code=code, for_write=PROPOSER)
    return Status(201, dossier.dossier_generate(proposal=proposal, by=request.user))


@router.post(
    "/proposals/{code}/documents",
    response={201: DocumentOut, **ERRORS},
    summary="Tải tài liệu lên hồ sơ (PDF, Word, JPG, PNG; tối đa 10 MB)",
)
def upload_document(
    request: HttpRequest,
    code: UUID,
    file: NinjaFile[NinjaUploadedFile],
    kind: Form[DocumentKind],
    candidate: Form[int | None] = None,
) -> Any:
    proposal = proposal_get_for_user(user=request.user, code=code, for_write=PROPOSER)
    target = proposal.candidates.filter(pk=candidate).first() if candidate else None
    if candidate and target is None:
        raise DomainError(
            "wrong_candidate", "Đối tượng không thuộc đề nghị này.", field="candidate"
        )
    document = dossier.document_upload(
        proposal=proposal, kind=kind.value, upload=file, by=request.user, candidate=target
    )
    return Status(201, document)
