"""Builders for the commendation cycle's tests: a ward with its officer, people, a stand-in
for the law engine's answer, and a proposal carried to any status."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from thidua.accounts.models import Role, RoleKind
from thidua.accounts.tests.factories import UserFactory, officer_of
from thidua.awards.choices import MemberRole
from thidua.awards.models import CouncilSession, Decision, Disclosure, Proposal
from thidua.awards.services import (
    council,
    decision_flow,
    decisions,
    disclosure,
    proposal_flow,
    proposals,
)
from thidua.awards.services.eligibility_check import check_key
from thidua.demo.dossier import dossier_complete
from thidua.orgs.models import Person, Unit
from thidua.orgs.tests.factories import PersonFactory, UnitFactory

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
UNMET = {
    "text": "Đạt danh hiệu Lao động tiên tiến trong năm",
    "met": False,
    "citation": "Khoản 1 Điều 23 Luật Thi đua, khen thưởng số 06/2022/QH15",
}


def engine_result(
    code: str, *, eligible: bool | None, other_grounds: bool = False
) -> dict[str, Any]:
    met = {"text": "Hoàn thành xuất sắc nhiệm vụ", "met": True, "citation": "Khoản 2 Điều 23"}
    return {
        "code": code,
        "name": code,
        "eligible": eligible,
        "criteria": [met] if eligible else [met, UNMET],
        "to_confirm": [],
        "other_grounds": (
            [{"text": "Thành tích xuất sắc đột xuất", "citation": "Điểm b khoản 1 Điều 74"}]
            if other_grounds
            else []
        ),
    }


class FakeEngine:
    """Eligible unless the person's code is listed in ``refused``."""

    def __init__(self) -> None:
        self.refused: set[str] = set()
        self.other_grounds = False
        self.calls = 0

    def __call__(self, subject: Any, code: str, year: int) -> tuple[dict[str, Any], str]:
        eligible = getattr(subject, "code", "") not in self.refused
        return engine_result(code, eligible=eligible, other_grounds=self.other_grounds), "luat-2022"

    def install(self, monkeypatch: Any) -> FakeEngine:
        """Stand in for the engine in ``eligibility_check`` for one test."""
        from thidua.awards.services import eligibility_check

        monkeypatch.setattr(eligibility_check, "_evaluate_many", self.many)
        return self

    def many(
        self, root: Any, subjects: Any, code: str, year: int
    ) -> dict[Any, tuple[dict[str, Any], str]]:
        """In the shape of ``eligibility_check._evaluate_many``, counting its calls."""
        self.calls += 1
        return {check_key(s): self(s, code, year) for s in subjects}


def ward_with_officer(name: str = "Phường Ngọc Sơn") -> tuple[Unit, Any]:
    ward = UnitFactory.create(name=name)
    return ward, officer_of(ward, full_name="Trần Thị Lan")


def people_of(unit: Unit, n: int) -> list[Person]:
    return [PersonFactory.create(unit=unit) for _ in range(n)]


def council_member(unit: Unit, **kwargs: Any) -> Any:
    user = UserFactory.create(**kwargs)
    Role.objects.create(user=user, kind=RoleKind.COUNCIL, unit=unit)
    return user


def proposal_with(
    unit: Unit, officer: Any, people: list[Person], code: str = "chien_si_thi_dua_co_so"
) -> Proposal:
    proposal = proposals.proposal_create(unit=unit, award_code=code, year=2024, by=officer)
    for person in people:
        proposals.candidate_add(
            by=proposal.created_by, proposal=proposal, subject=person, achievement="Thành tích tốt"
        )
    dossier_complete(proposal=proposal, by=officer)
    return proposal


def proposal_at_council(unit: Unit, officer: Any, people: list[Person], code: str) -> Proposal:
    proposal = proposal_with(unit, officer, people, code)
    proposal_flow.proposal_submit(proposal=proposal, by=officer)
    proposal_flow.proposal_review_start(proposal=proposal, by=officer)
    return proposal_flow.proposal_to_council(proposal=proposal, by=officer)


def session_with(unit: Unit, members: int, proposal: Proposal) -> tuple[CouncilSession, list[Any]]:
    users = [council_member(unit, full_name=f"Ủy viên {i}") for i in range(members)]
    roles = [MemberRole.CHAIR] + [MemberRole.MEMBER] * (members - 1)
    session = council.session_create(
        unit=unit,
        title="Phiên họp xét khen thưởng năm 2024",
        meeting_at=datetime(2025, 1, 10, 8, 0, tzinfo=HANOI),
        members=zip(users, roles, strict=True),
        by=proposal.created_by,
        agenda=[proposal],
    )
    return session, users


def issued_after_unanimous_vote(
    unit: Unit, officer: Any, proposal: Proposal, session: CouncilSession, members: list[Any],
    number: str = "1/QĐ-UBND",
) -> Decision:  # fmt: skip
    """Everyone present approves every candidate; the decision is drafted and issued."""
    council.session_open(session=session, present_user_ids=[m.pk for m in members], by=members[0])
    for ballot in session.ballots.all():
        for member in members:
            council.ballot_vote(ballot=ballot, user=member, approve=True)
    council.session_close(session=session, by=officer)
    decision = decision_flow.decision_from_candidates(
        proposals=[proposal], number=number, decision_date=date(2025, 2, 3),
        issuing_body="Ủy ban nhân dân phường Ngọc Sơn", issuing_unit=unit,
        signer_name="Nguyễn Văn Ký", signer_title="Chủ tịch",
    )  # fmt: skip
    return decisions.decision_issue(decision=decision, by=officer)


def published_list(unit: Unit, officer: Any, people: list[Person]) -> Disclosure:
    """A proposal submitted, taken up for review and published on the portal."""
    proposal = proposal_with(unit, officer, people)
    proposal_flow.proposal_submit(proposal=proposal, by=officer)
    proposal_flow.proposal_review_start(proposal=proposal, by=officer)
    return disclosure.disclosure_publish(proposal=proposal, by=officer)
