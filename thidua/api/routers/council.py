"""Hội đồng Thi đua – Khen thưởng over JSON: a session with its members and agenda, the roll
call that opens the ballots, a member's secret vote, the secretary's show of hands, counting.

The same selectors and services as the council's pages (``awards/views/council.py``): a
session is seen by its members and its organising unit; agenda, roll call, hands and closing
are the organiser's; only a present member votes, and no row says which way."""

# Annotations evaluated at import: see thidua/api/params.py.

import datetime as dt
from typing import Any
from uuid import UUID

from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field

from thidua.accounts.models import User
from thidua.api.params import Id, Pages, SearchText
from thidua.api.schemas import ERRORS, READ_ERRORS, Strict, UnitRef
from thidua.awards.choices import MemberRole
from thidua.awards.commendation_selectors import (
    acting_unit_by_code,
    council_member_pool,
    proposal_get_for_user,
    proposals_waiting_for_council,
    session_get_for_user,
    sessions_for_user,
)
from thidua.awards.models import Ballot, CouncilSession
from thidua.awards.services import council
from thidua.common.errors import DomainError

router = Router(tags=["Hội đồng Thi đua – Khen thưởng"])


class CouncilMemberOut(Schema):
    user_id: int
    full_name: str
    role: MemberRole
    is_present: bool

    @staticmethod
    def resolve_full_name(obj: Any) -> str:
        return str(obj.user.full_name)


class CouncilAgendaOut(Schema):
    order: int
    proposal: UUID
    title: str

    @staticmethod
    def resolve_proposal(obj: Any) -> UUID:
        return obj.proposal.code

    @staticmethod
    def resolve_title(obj: Any) -> str:
        return str(obj.proposal)


class CouncilBallotOut(Schema):
    id: int
    candidate_id: int
    recipient_name: str
    method: str
    # The tally is shown once counted, so a vote in progress does not sway the next.
    approvals: int | None
    rejections: int | None
    passed: bool | None
    result_text: str

    @staticmethod
    def resolve_recipient_name(obj: Ballot) -> str:
        return obj.candidate.recipient_name

    @staticmethod
    def resolve_approvals(obj: Ballot) -> int | None:
        return obj.approvals if obj.passed is not None else None

    @staticmethod
    def resolve_rejections(obj: Ballot) -> int | None:
        return obj.rejections if obj.passed is not None else None


class CouncilSessionOut(Schema):
    id: int
    title: str
    unit: UnitRef
    meeting_at: dt.datetime
    place: str
    status: str
    members_total: int
    present: int


class CouncilSessionDetailOut(CouncilSessionOut):
    members: list[CouncilMemberOut]
    agenda: list[CouncilAgendaOut]
    ballots: list[CouncilBallotOut]

    @staticmethod
    def resolve_members(obj: CouncilSession) -> list[Any]:
        return list(obj.members.select_related("user").order_by("pk"))

    @staticmethod
    def resolve_agenda(obj: CouncilSession) -> list[Any]:
        return list(obj.agenda.select_related("proposal").order_by("order"))

    @staticmethod
    def resolve_ballots(obj: CouncilSession) -> list[Ballot]:
        return list(obj.ballots.select_related("candidate").order_by("pk"))


class CouncilPoolOut(Schema):
    id: int
    username: str
    full_name: str


class CouncilSeatIn(Strict):
    user_id: int
    role: MemberRole = MemberRole.MEMBER


class CouncilSessionIn(Strict):
    unit: str = Field(max_length=50, description="Mã đơn vị có Hội đồng")
    title: str = Field(max_length=255)
    meeting_at: dt.datetime
    place: str = Field(default="", max_length=255)
    members: list[CouncilSeatIn] = Field(max_length=200)
    proposals: list[UUID] | None = Field(
        default=None,
        max_length=500,
        description="Đề nghị đưa vào chương trình họp; mặc định mọi đề nghị đã trình Hội đồng "
        "và chưa có trong phiên họp nào, như trên trang.",
    )


class CouncilAgendaIn(Strict):
    proposal: UUID


class CouncilRollIn(Strict):
    present: list[int] = Field(max_length=200, description="Mã người dùng của thành viên có mặt")


class CouncilVoteIn(Strict):
    approve: bool


class CouncilHandsIn(Strict):
    approvals: int = Field(ge=0, le=200)
    rejections: int = Field(ge=0, le=200)


def _ballot(session: CouncilSession, pk: Id) -> Ballot:
    ballot = session.ballots.select_related("session", "candidate").filter(pk=pk).first()
    if ballot is None:
        raise Http404("Không tìm thấy phiếu biểu quyết.")
    return ballot


def _detail(session: CouncilSession) -> CouncilSession:
    session.refresh_from_db()
    return session


@router.get(
    "/council/sessions",
    response={200: list[CouncilSessionOut], **READ_ERRORS},
    summary="Phiên họp Hội đồng",
)
@paginate(Pages, page_size=100)
def list_sessions(request: HttpRequest) -> Any:
    return sessions_for_user(user=request.user).order_by("-meeting_at", "-pk")


@router.get(
    "/council/sessions/{pk}",
    response={200: CouncilSessionDetailOut, **READ_ERRORS},
    summary="Một phiên họp: thành viên, chương trình, phiếu",
)
def get_session(request: HttpRequest, pk: Id) -> Any:
    return session_get_for_user(user=request.user, pk=pk)


@router.get(
    "/council/members",
    response={200: list[CouncilPoolOut], **ERRORS},
    summary="Người có thể là thành viên Hội đồng của đơn vị",
)
def member_pool(request: HttpRequest, unit: SearchText) -> Any:
    return council_member_pool(acting_unit_by_code(user=request.user, code=unit))


@router.post(
    "/council/sessions", response={201: CouncilSessionDetailOut, **ERRORS}, summary="Lập phiên họp"
)
def create_session(request: HttpRequest, payload: CouncilSessionIn) -> Any:
    unit = acting_unit_by_code(user=request.user, code=payload.unit)
    users = User.objects.in_bulk([seat.user_id for seat in payload.members])
    unknown = [seat.user_id for seat in payload.members if seat.user_id not in users]
    if unknown:
        raise DomainError("unknown_user", f"Không có người dùng mã {unknown[0]}.", field="members")
    if payload.proposals is None:
        agenda = list(proposals_waiting_for_council(unit))
    else:
        agenda = [proposal_get_for_user(user=request.user, code=c) for c in payload.proposals]
    session = council.session_create(
        unit=unit,
        title=payload.title,
        meeting_at=payload.meeting_at,
        place=payload.place,
        members=[(users[seat.user_id], seat.role) for seat in payload.members],
        by=request.user,
        agenda=agenda,
    )
    return Status(201, session)


@router.post(
    "/council/sessions/{pk}/agenda",
    response={200: CouncilSessionDetailOut, **ERRORS},
    summary="Đưa đề nghị vào chương trình họp",
)
def add_agenda(request: HttpRequest, pk: Id, payload: CouncilAgendaIn) -> Any:
    session = session_get_for_user(user=request.user, pk=pk, organiser=True)
    proposal = proposal_get_for_user(user=request.user, code=payload.proposal)
    council.session_agenda_add(session=session, proposal=proposal, by=request.user)
    return _detail(session)


@router.post(
    "/council/sessions/{pk}/open",
    response={200: CouncilSessionDetailOut, **ERRORS},
    summary="Điểm danh và mở bỏ phiếu",
)
def open_session(request: HttpRequest, pk: Id, payload: CouncilRollIn) -> Any:
    session = session_get_for_user(user=request.user, pk=pk, organiser=True)
    return council.session_open(session=session, present_user_ids=payload.present, by=request.user)


@router.post(
    "/council/sessions/{pk}/ballots/{ballot}/vote",
    response={204: None, **ERRORS},
    summary="Bỏ phiếu kín (thành viên có mặt)",
)
def vote(request: HttpRequest, pk: Id, ballot: Id, payload: CouncilVoteIn) -> Any:
    session = session_get_for_user(user=request.user, pk=pk)
    council.ballot_vote(ballot=_ballot(session, ballot), user=request.user, approve=payload.approve)
    return Status(204, None)


@router.post(
    "/council/sessions/{pk}/ballots/{ballot}/hands",
    response={200: CouncilBallotOut, **ERRORS},
    summary="Ghi kết quả biểu quyết giơ tay (Thư ký)",
)
def record_hands(request: HttpRequest, pk: Id, ballot: Id, payload: CouncilHandsIn) -> Any:
    session = session_get_for_user(user=request.user, pk=pk, organiser=True)
    return council.ballot_record_hands(
        ballot=_ballot(session, ballot),
        approvals=payload.approvals,
        rejections=payload.rejections,
        by=request.user,
    )


@router.post(
    "/council/sessions/{pk}/close",
    response={200: CouncilSessionDetailOut, **ERRORS},
    summary="Kiểm phiếu và kết thúc phiên họp",
)
def close_session(request: HttpRequest, pk: Id) -> Any:
    session = session_get_for_user(user=request.user, pk=pk, organiser=True)
    return council.session_close(session=session, by=request.user)
