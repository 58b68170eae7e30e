"""The commendation cycle of Quận Kiến An for the achievements of 2024 (a second round, after
the decisions of January 2025), played through the services so that every status can be
clicked through after ``make run`` — as canbo.kienan (the officer) and hoidong.kienan (the
council):

- a draft for Chiến sĩ thi đua cơ sở with two people from the "eligible" list, and a draft
  for the city's Bằng khen with the wards the 2024 cluster ranking nominated (their basis
  carried onto the candidates);
- one submitted (waiting to be taken up for review);
- one published on the portal for comment, with a citizen's comment waiting for an answer;
- one before the council, with a planned session (hoidong.kienan chairs it);
- one decided: the session voted, Quyết định số 245/QĐ-UBND issued with its certificates,
  and one of the two awards revoked (điểm d khoản 2 Điều 93), which the portal's
  verification page then shows.

Candidates are the people the law engine finds eligible for Chiến sĩ thi đua cơ sở 2024 who
did not receive it in January, taken in the order of their codes.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from thidua.accounts.models import Role, RoleKind, User
from thidua.awards.candidate_sources import (
    eligible_options,
    nomination_options,
    subject_for_key,
)
from thidua.awards.choices import MemberRole, RevocationGround
from thidua.awards.models import CouncilSession, Decision, Proposal
from thidua.awards.services import (
    council,
    decision_flow,
    decisions,
    disclosure,
    proposal_flow,
    proposals,
)
from thidua.awards.services.candidate_picks import (
    candidates_add_nominations,
    candidates_add_subjects,
)
from thidua.awards.services.revocation import award_revoke
from thidua.demo.dossier import dossier_complete
from thidua.demo.emulation import VN
from thidua.orgs.choices import Discipline
from thidua.orgs.models import Unit
from thidua.orgs.services import unit_signers_set

DISTRICT = "HP-KA"
CITY = "HP"
YEAR = 2024
CSTDCS = "chien_si_thi_dua_co_so"
BK_TINH = "bang_khen_tinh"
OFFICER = "canbo.kienan"
COUNCIL = "hoidong.kienan"
ROUND = "đợt 2"
DECISION_NUMBER = "245/QĐ-UBND"
DECISION_DATE = date(2025, 2, 10)
# The decision that revokes one of its awards (Điều 93), forty days later.
REVOKING_NUMBER = "318/QĐ-UBND"
ISSUER = "Ủy ban nhân dân quận Kiến An"
SIGNER = ("Nguyễn Xuân Hậu", "Chủ tịch")


def _cstdcs(district: Unit, officer: User, people: list[Any], note: str) -> Proposal:
    proposal = proposals.proposal_create(
        unit=district,
        award_code=CSTDCS,
        year=YEAR,
        by=officer,
        title=f"Đề nghị tặng danh hiệu Chiến sĩ thi đua cơ sở năm {YEAR} ({ROUND}, {note})",
    )
    candidates_add_subjects(proposal=proposal, subjects=people, by=officer)
    for candidate in proposal.candidates.all():
        candidate.achievement = (
            "Hoàn thành xuất sắc nhiệm vụ năm 2024; có sáng kiến được công nhận ở cơ sở."
        )
        candidate.save(update_fields=["achievement", "updated_at"])
    return proposal


def _submit(proposal: Proposal, officer: User) -> Proposal:
    dossier_complete(proposal=proposal, by=officer)
    return proposal_flow.proposal_submit(proposal=proposal, by=officer)


def _to_review(proposal: Proposal, officer: User) -> Proposal:
    _submit(proposal, officer)
    return proposal_flow.proposal_review_start(proposal=proposal, by=officer)


def _session(
    district: Unit, officer: User, members: list[User], proposal: Proposal, when: datetime
) -> Any:
    session = council.session_create(
        unit=district,
        title=f"Phiên họp Hội đồng Thi đua – Khen thưởng quận Kiến An xét khen thưởng năm "
        f"{YEAR} ({ROUND})",
        meeting_at=when,
        place="Phòng họp số 1, trụ sở UBND quận Kiến An",
        members=zip(members, (MemberRole.CHAIR, MemberRole.SECRETARY), strict=True),
        by=officer,
        agenda=[proposal],
    )
    return session


def _decide(district: Unit, officer: User, members: list[User], proposal: Proposal) -> Decision:
    session = _session(
        district,
        officer,
        members,
        proposal,
        datetime.combine(date(2025, 2, 5), time(8, 0), tzinfo=VN),
    )
    council.session_open(session=session, present_user_ids=[m.pk for m in members], by=officer)
    for ballot in session.ballots.all():
        for member in members:
            council.ballot_vote(ballot=ballot, user=member, approve=True)
    council.session_close(session=session, by=officer)
    decision = decision_flow.decision_from_candidates(
        proposals=[proposal],
        number=DECISION_NUMBER,
        decision_date=DECISION_DATE,
        issuing_body=ISSUER,
        issuing_unit=district,
        signer_name=SIGNER[0],
        signer_title=SIGNER[1],
    )
    return decisions.decision_issue(decision=decision, by=officer)


def play_commendation() -> dict[str, int]:
    district = unit_signers_set(unit=Unit.objects.get(code=DISTRICT), head_name=SIGNER[0])
    city = Unit.objects.get(code=CITY)
    officer = User.objects.get(username=OFFICER)
    # The officer keeping the emulation files is the council's secretary (Thư ký Hội đồng),
    # so holds its role as well: only those who hold it may sit on the council.
    Role.objects.get_or_create(user=officer, kind=RoleKind.COUNCIL, unit=district)
    members = [User.objects.get(username=COUNCIL), officer]

    draft = proposals.proposal_create(
        unit=district,
        award_code=CSTDCS,
        year=YEAR,
        by=officer,
        title=f"Đề nghị tặng danh hiệu Chiến sĩ thi đua cơ sở năm {YEAR} ({ROUND}, bổ sung)",
    )
    keys = sorted(eligible_options(proposal=draft), key=lambda o: o.code)
    people = [subject_for_key(proposal=draft, key=o.key) for o in keys if o.key[0] == "p"]
    candidates_add_subjects(proposal=draft, subjects=people[0:2], by=officer)

    flags = proposals.proposal_create(
        unit=district, award_code=BK_TINH, year=YEAR, by=officer, reviewing_unit=city
    )
    candidates_add_nominations(
        proposal=flags, nominations=nomination_options(proposal=flags), by=officer
    )

    submitted = _cstdcs(district, officer, people[2:4], "Phòng Nội vụ")
    _submit(submitted, officer)

    published = _to_review(_cstdcs(district, officer, people[4:6], "lấy ý kiến"), officer)
    listing = disclosure.disclosure_publish(proposal=published, by=officer)
    disclosure.comment_submit(
        disclosure=listing,
        name="Nguyễn Văn Bình",
        email="nvbinh@example.com",
        subject="Đề nghị làm rõ sáng kiến",
        content="Đề nghị Hội đồng làm rõ sáng kiến được công nhận năm 2024 của đồng chí "
        "có tên trong danh sách, vì sáng kiến này đã được áp dụng từ năm 2023.",
        candidate=published.candidates.order_by("pk").first(),
    )

    at_council = _to_review(_cstdcs(district, officer, people[6:8], "trình Hội đồng"), officer)
    proposal_flow.proposal_to_council(proposal=at_council, by=officer)
    soon = timezone.localdate() + timedelta(days=7)
    _session(district, officer, members, at_council, datetime.combine(soon, time(8, 0), tzinfo=VN))

    decided = _to_review(_cstdcs(district, officer, people[8:10], "đã quyết định"), officer)
    proposal_flow.proposal_to_council(proposal=decided, by=officer)
    decision = _decide(district, officer, members, decided)
    revoked = decision.records.order_by("pk").last()
    if revoked is not None:
        award_revoke(
            record=revoked,
            ground=RevocationGround.D,
            revoked_by_number=REVOKING_NUMBER,
            revoked_by_date=DECISION_DATE + timedelta(days=40),
            revoked_by_signer=SIGNER[0],
            discipline=Discipline.KHIEN_TRACH,
            by=officer,
            reason="Sau khi quyết định ban hành, phát hiện đồng chí bị xử lý kỷ luật khiển trách "
            "trong năm 2024 nhưng hồ sơ đề nghị không kê khai.",
        )
    return {
        "proposals": Proposal.objects.filter(unit=district).count(),
        "council_sessions": CouncilSession.objects.filter(unit=district).count(),
    }
