"""Đề nghị khen thưởng over JSON: list and read (scoped: another unit's proposal answers 404),
create a draft, add or remove a candidate, the dossier, every move of the proposal (made from
``proposal_moves.MOVES``, as the page's buttons: 403 unless the caller acts for the side that
makes it), the answers to public comments.

The law engine checks each candidate as on the page: both refuse an ineligible one and keep
nothing (400 here, the unmet criteria and their citations in ``errors``)."""

# Annotations evaluated at import: see thidua/api/params.py.

import datetime as dt
from typing import Any
from uuid import UUID

from django.http import Http404, HttpRequest
from ninja import File as NinjaFile
from ninja import Form, Router, Schema, Status
from ninja import UploadedFile as NinjaUploadedFile
from ninja.pagination import paginate
from pydantic import Field

from thidua.api.params import Id, Pages, QueryYear
from thidua.api.routers.awards import _subject
from thidua.api.schemas import ERRORS, READ_ERRORS, Error, RuleCriterionOut, Strict, UnitRef
from thidua.awards.choices import DocumentKind
from thidua.awards.commendation_selectors import (
    PROPOSER,
    REVIEWER,
    acting_unit_by_code,
    proposal_get_for_user,
    proposals_for_user,
)
from thidua.awards.models import Candidate, Comment, Proposal
from thidua.awards.services import disclosure, dossier, proposals
from thidua.awards.services.proposal_moves import MOVES, Move
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


class MoveIn(Strict):
    """What a move may read: the reason for returning or refusing, the reviewing unit for
    sending (by code; by default the one the proposal names)."""

    reason: str | None = Field(default=None, max_length=2000)
    reviewing_unit: str | None = Field(default=None, max_length=50)

    def given(self) -> dict[str, str]:
        return {"reason": self.reason or "", "reviewing_unit": self.reviewing_unit or ""}


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


def _register_move(move: Move) -> None:
    """``POST /api/proposals/{code}/<move>``, made from ``proposal_moves.MOVES`` as the page's
    buttons are: the same side may make it, the same service runs it."""

    def make_move(request: HttpRequest, code: UUID, payload: MoveIn) -> Any:
        proposal = proposal_get_for_user(user=request.user, code=code, for_write=move.side)
        move.run(proposal, request.user, payload.given())
        proposal.refresh_from_db()
        return proposal

    make_move.__name__ = "proposal_" + move.name.replace("-", "_")
    side = "đơn vị đề nghị" if move.side == PROPOSER else "đơn vị thẩm định"
    router.post(
        f"/proposals/{{code}}/{move.name}",
        response={200: ProposalDetailOut, **ERRORS},
        summary=move.summary,
        description=f"{move.summary} (do {side} thực hiện).",
        operation_id=make_move.__name__,
    )(make_move)


for _move in MOVES:
    _register_move(_move)


def _candidate_for(request: HttpRequest, code: UUID, pk: Id, side: str) -> Candidate:
    proposal = proposal_get_for_user(user=request.user, code=code, for_write=side)
    candidate = proposal.candidates.filter(pk=pk).first()
    if candidate is None:
        raise Http404("Đối tượng không thuộc đề nghị này.")
    return candidate


@router.delete(
    "/proposals/{code}/candidates/{pk}",
    response={204: None, **ERRORS},
    summary="Bỏ đối tượng khỏi đề nghị (nháp hoặc bị trả lại)",
)
def remove_candidate(request: HttpRequest, code: UUID, pk: Id) -> Any:
    candidate = _candidate_for(request, code, pk, PROPOSER)
    proposals.candidate_remove(candidate=candidate, by=request.user)
    return Status(204, None)


class GroundIn(Strict):
    ground: str = Field(max_length=2000, description="Căn cứ và thành tích (Điều 74)")


@router.post(
    "/proposals/{code}/candidates/{pk}/other-ground",
    response={200: CandidateOut, **ERRORS},
    summary="Đề nghị theo căn cứ khác Luật cho phép",
)
def candidate_other_ground(request: HttpRequest, code: UUID, pk: Id, payload: GroundIn) -> Any:
    candidate = _candidate_for(request, code, pk, PROPOSER)
    return proposals.candidate_other_ground(
        candidate=candidate, ground=payload.ground, by=request.user
    )


class NoteIn(Strict):
    note: str = Field(max_length=2000, description="Kết luận xác minh")


@router.post(
    "/proposals/{code}/candidates/{pk}/release",
    response={200: CandidateOut, **ERRORS},
    summary="Kết luận xác minh ý kiến: giữ đối tượng trong danh sách",
)
def candidate_release(request: HttpRequest, code: UUID, pk: Id, payload: NoteIn) -> Any:
    candidate = _candidate_for(request, code, pk, REVIEWER)
    return disclosure.candidate_release(candidate=candidate, by=request.user, note=payload.note)


class CommentOut(Schema):
    id: int
    candidate_id: int | None
    subject: str
    content: str
    status: str
    answer: str
    is_valid: bool | None
    created_at: dt.datetime


class AnswerIn(Strict):
    answer: str = Field(max_length=5000)
    valid: bool = Field(description="Ý kiến có cơ sở: giữ đối tượng lại để xác minh")


@router.get(
    "/proposals/{code}/comments",
    response={200: list[CommentOut], **READ_ERRORS},
    summary="Ý kiến nhận được khi công khai",
)
def list_comments(request: HttpRequest, code: UUID) -> Any:
    proposal = proposal_get_for_user(user=request.user, code=code)
    return Comment.objects.filter(disclosure__proposal=proposal).order_by("created_at", "pk")


@router.post(
    "/proposals/{code}/comments/{pk}/answer",
    response={200: CommentOut, **ERRORS},
    summary="Trả lời ý kiến",
)
def answer_comment(request: HttpRequest, code: UUID, pk: Id, payload: AnswerIn) -> Any:
    proposal = proposal_get_for_user(user=request.user, code=code, for_write=REVIEWER)
    comment = Comment.objects.filter(pk=pk, disclosure__proposal=proposal).first()
    if comment is None:
        raise Http404("Không tìm thấy ý kiến.")
    return disclosure.comment_answer(
        comment=comment, by=request.user, answer=payload.answer, is_valid=payload.valid
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
