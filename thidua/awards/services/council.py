"""Council sessions: members, agenda, opening with the roll call, ballots per candidate and
their counting. Totals only: a member's vote increments a counter and marks the member as
having voted, in one transaction, and nothing records which way."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from fractions import Fraction
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from thidua.awards.choices import (
    BallotMethod,
    CheckStatus,
    CouncilResult,
    MemberRole,
    SessionStatus,
)
from thidua.awards.choices import ProposalStatus as S
from thidua.awards.commendation_selectors import council_member_pool
from thidua.awards.models import (
    AgendaItem,
    Ballot,
    BallotVoter,
    Candidate,
    CouncilMember,
    CouncilSession,
    Proposal,
)
from thidua.awards.services.timeline import proposal_move
from thidua.common.audit import acting_as
from thidua.common.errors import DomainError
from thidua.core.council import (
    DEFAULT_RULES,
    Base,
    Method,
    VotingRule,
    decide,
    has_quorum,
    rule_for,
)
from thidua.orgs.models import Unit


def voting_rules() -> tuple[VotingRule, ...]:
    """Rules from ``THIDUA_VOTING_RULES`` (dicts with the fields of ``VotingRule``, the
    fractions as "9/10"), placed before the defaults so that they win on equal footing."""
    custom = tuple(
        VotingRule(
            code=r.get("code", "*"),
            level=r.get("level", "*"),
            method=Method(r["method"]),
            base=Base(r["base"]),
            threshold=Fraction(r["threshold"]),
            strict=bool(r.get("strict", False)),
            quorum=Fraction(r.get("quorum", "2/3")),
            basis=r.get("basis", "Quy chế của Hội đồng"),
        )
        for r in getattr(settings, "THIDUA_VOTING_RULES", ())
    )
    return custom + tuple(r for r in DEFAULT_RULES if (r.code, r.level) not in
                          {(c.code, c.level) for c in custom})  # fmt: skip


def _rule_json(rule: VotingRule) -> dict[str, Any]:
    return {
        "method": rule.method.value,
        "base": rule.base.value,
        "threshold": str(rule.threshold),
        "strict": rule.strict,
        "quorum": str(rule.quorum),
        "basis": rule.basis,
        "text": rule.describe(),
    }


def _rule_from_json(data: dict[str, Any]) -> VotingRule:
    return VotingRule(
        "*", "*", Method(data["method"]), Base(data["base"]), Fraction(data["threshold"]),
        bool(data["strict"]), Fraction(data["quorum"]), data["basis"],
    )  # fmt: skip


@transaction.atomic
def session_create(
    *,
    unit: Unit,
    title: str,
    meeting_at: datetime,
    members: Iterable[tuple[Any, str]],
    by: Any,
    place: str = "",
    agenda: Iterable[Proposal] = (),
) -> CouncilSession:
    """A session with its members, (user, role) pairs chosen among those holding the council
    role for the unit or one above it, exactly one chair; ``agenda`` the proposals it weighs."""
    pool = {user.pk for user in council_member_pool(unit)}
    seats = [CouncilMember(user=u, role=role) for u, role in members]
    strangers = [s.user for s in seats if s.user.pk not in pool]
    if strangers:
        names = ", ".join(getattr(u, "full_name", "") or u.username for u in strangers)
        raise DomainError(
            "not_a_council_member",
            f"{names} không có vai trò thành viên Hội đồng của {unit.name}.",
            field="members",
        )
    if sum(s.role == MemberRole.CHAIR for s in seats) != 1:
        raise DomainError("one_chair", "Hội đồng phải có đúng một Chủ tịch.", field="members")
    if len({s.user.pk for s in seats}) != len(seats):
        raise DomainError("member_twice", "Mỗi thành viên chỉ có một ghế.", field="members")
    with acting_as(by):
        session = CouncilSession(unit=unit, title=title.strip(), meeting_at=meeting_at, place=place)
        session.full_clean()
        session.save()
        for seat in seats:
            seat.session = session
        CouncilMember.objects.bulk_create(seats)
        session.members_total = len(seats)
        session.save(update_fields=["members_total", "updated_at"])
        for proposal in agenda:
            session_agenda_add(session=session, proposal=proposal, by=by)
    return session


@transaction.atomic
def session_agenda_add(*, session: CouncilSession, proposal: Proposal, by: Any) -> AgendaItem:
    if proposal.status != S.COUNCIL:
        raise DomainError(
            "not_for_council", f"“{proposal}” chưa được trình Hội đồng.", field="proposal"
        )
    if session.status == SessionStatus.CLOSED:
        raise DomainError("session_closed", "Phiên họp đã kết thúc.")
    if proposal.reviewing_unit_id != session.unit_id:
        raise DomainError("wrong_council", "Đề nghị thuộc Hội đồng của đơn vị khác.")
    if session.agenda.filter(proposal=proposal).exists():
        raise DomainError(
            "already_on_agenda", f"“{proposal}” đã có trong chương trình họp.", field="proposal"
        )
    with acting_as(by):
        order = session.agenda.count() + 1
        return AgendaItem.objects.create(session=session, proposal=proposal, order=order)


def _level(unit: Unit) -> str:
    return str(unit.kind)


@transaction.atomic
def session_open(
    *, session: CouncilSession, present_user_ids: Iterable[int], by: Any
) -> CouncilSession:
    """Take the roll and open the ballots: one per candidate in play on the agenda, with the
    rule of its form at this council's level."""
    with acting_as(by):
        return _open(session, set(present_user_ids))


def _open(session: CouncilSession, present: set[int]) -> CouncilSession:
    if session.status != SessionStatus.PLANNED:
        raise DomainError("session_not_planned", "Phiên họp đã mở hoặc đã kết thúc.")
    meeting_day = timezone.localtime(session.meeting_at).date()
    if timezone.localdate() < meeting_day:
        raise DomainError(
            "session_not_yet",
            f"Phiên họp dự kiến ngày {meeting_day:%d/%m/%Y}: chỉ mở phiên họp từ ngày họp.",
        )
    session.members.update(is_present=False)
    session.members.filter(user_id__in=present).update(is_present=True)
    session.present = session.members.filter(is_present=True).count()
    rules = voting_rules()
    candidates = (
        Candidate.objects.filter(proposal__agenda_items__session=session, on_hold=False)
        .exclude(check_status=CheckStatus.REFUSED)
        .select_related("proposal")
    )
    ballots = []
    for candidate in candidates:
        rule = rule_for(candidate.proposal.award_code, _level(session.unit), rules)
        if not has_quorum(rule, members_total=session.members_total, present=session.present):
            raise DomainError(
                "no_quorum",
                f"Không đủ số thành viên dự họp: có mặt {session.present}/"
                f"{session.members_total}, cần ít nhất {float(rule.quorum * 100):.0f}%.",
            )
        ballots.append(
            Ballot(session=session, candidate=candidate, method=rule.method.value,
                   rule=_rule_json(rule))
        )  # fmt: skip
    if not ballots:
        raise DomainError("empty_agenda", "Chương trình họp chưa có đối tượng nào để bỏ phiếu.")
    Ballot.objects.bulk_create(ballots)
    session.status = SessionStatus.OPEN
    session.opened_at = timezone.now()
    session.save()
    return session


def _open_ballot(ballot: Ballot) -> None:
    if ballot.passed is not None or ballot.session.status != SessionStatus.OPEN:
        raise DomainError("ballot_closed", "Đã kết thúc bỏ phiếu đối với đối tượng này.")


@transaction.atomic
def ballot_vote(*, ballot: Ballot, user: Any, approve: bool) -> None:
    """A present member's secret vote: the counter moves, the member is marked as having
    voted, and no row keeps the link between the two."""
    ballot = Ballot.objects.select_for_update().select_related("session").get(pk=ballot.pk)
    _open_ballot(ballot)
    if ballot.method != BallotMethod.SECRET:
        raise DomainError("not_secret", "Đối tượng này biểu quyết giơ tay; Thư ký ghi kết quả.")
    member = ballot.session.members.filter(user=user, is_present=True).first()
    if member is None:
        raise DomainError("not_a_voter", "Chỉ thành viên Hội đồng có mặt mới được bỏ phiếu.")
    if BallotVoter.objects.filter(ballot=ballot, member=member).exists():
        raise DomainError("already_voted", "Anh/chị đã bỏ phiếu cho đối tượng này.")
    BallotVoter.objects.create(ballot=ballot, member=member)
    field = "approvals" if approve else "rejections"
    Ballot.objects.filter(pk=ballot.pk).update(**{field: F(field) + 1})


@transaction.atomic
def ballot_record_hands(*, ballot: Ballot, approvals: int, rejections: int, by: Any) -> Ballot:
    """The secretary records a show of hands."""
    _open_ballot(ballot)
    if approvals < 0 or rejections < 0 or approvals + rejections > ballot.session.present:
        raise DomainError(
            "bad_count",
            f"Tổng số biểu quyết không được vượt quá {ballot.session.present} thành viên có mặt.",
        )
    ballot.approvals, ballot.rejections = approvals, rejections
    with acting_as(by):
        ballot.save(update_fields=["approvals", "rejections", "updated_at"])
    return ballot


def ballot_count(ballot: Ballot) -> Ballot:
    """Count one ballot by its rule and write the result onto the candidate."""
    ballot.refresh_from_db()
    session = ballot.session
    outcome = decide(
        _rule_from_json(ballot.rule),
        members_total=session.members_total,
        present=session.present,
        approvals=ballot.approvals,
    )
    ballot.passed = outcome.passed
    ballot.result_text = outcome.sentence
    ballot.save(update_fields=["passed", "result_text", "updated_at"])
    Candidate.objects.filter(pk=ballot.candidate_id).update(
        council_result=CouncilResult.PASSED if outcome.passed else CouncilResult.FAILED
    )
    return ballot


@transaction.atomic
def session_close(*, session: CouncilSession, by: Any) -> CouncilSession:
    """Count every ballot and close. A proposal none of whose candidates passed is rejected."""
    if session.status != SessionStatus.OPEN:
        raise DomainError("session_not_open", "Phiên họp chưa mở hoặc đã kết thúc.")
    with acting_as(by):
        return _close(session, by)


def _close(session: CouncilSession, by: Any) -> CouncilSession:
    for ballot in session.ballots.select_related("session"):
        ballot_count(ballot)
    session.status = SessionStatus.CLOSED
    session.closed_at = timezone.now()
    session.save()
    for proposal in session.proposals.filter(status=S.COUNCIL):
        if not proposal.candidates.filter(council_result=CouncilResult.PASSED).exists():
            proposal_move(
                proposal=proposal, to=S.REJECTED, by=by, note="Không đối tượng nào đạt tỷ lệ phiếu."
            )
    return session
