"""Council ballots (secret, totals only), the decision from the passed candidates, its
certificates and bonuses, and revocation."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.awards.bonus import bonus_for
from thidua.awards.choices import CouncilResult, RevocationGround
from thidua.awards.choices import ProposalStatus as S
from thidua.awards.models import AwardRecord, Ballot, BallotVoter, Certificate
from thidua.awards.services import council, decision_flow, decision_issue
from thidua.awards.tests.commendation import (
    people_of,
    proposal_at_council,
    session_with,
    ward_with_officer,
)
from thidua.awards.tests.factories import revoke
from thidua.common.errors import DomainError, ImmutableRecordError

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_council(fake_engine):
    unit, officer = ward_with_officer()
    people = people_of(unit, 2)
    proposal = proposal_at_council(unit, officer, people, "chien_si_thi_dua_co_so")
    session, members = session_with(unit, 9, proposal)
    return unit, officer, proposal, session, members


def _vote(session, members, approvals_by_candidate):
    for ballot in session.ballots.order_by("pk"):
        yes = approvals_by_candidate[ballot.candidate_id]
        for i, member in enumerate(members):
            council.ballot_vote(ballot=ballot, user=member, approve=i < yes)


def test_a_secret_ballot_keeps_totals_and_who_voted_never_how(at_council):
    _unit, _officer, _proposal, session, members = at_council
    council.session_open(session=session, present_user_ids=[m.pk for m in members], by=members[0])
    ballot = session.ballots.first()

    council.ballot_vote(ballot=ballot, user=members[0], approve=True)
    council.ballot_vote(ballot=ballot, user=members[1], approve=False)

    ballot.refresh_from_db()
    assert (ballot.approvals, ballot.rejections) == (1, 1)
    assert BallotVoter.objects.filter(ballot=ballot).count() == 2
    voter_fields = {f.name for f in BallotVoter._meta.get_fields()}
    assert voter_fields == {"id", "ballot", "member"}  # no column for the choice
    with pytest.raises(DomainError, match="đã bỏ phiếu"):
        council.ballot_vote(ballot=ballot, user=members[0], approve=True)


def test_only_present_members_vote(at_council):
    _unit, _officer, _proposal, session, members = at_council
    council.session_open(
        session=session, present_user_ids=[m.pk for m in members[:7]], by=members[0]
    )

    with pytest.raises(DomainError, match="có mặt mới được bỏ phiếu"):
        council.ballot_vote(ballot=session.ballots.first(), user=members[8], approve=True)


def test_without_quorum_the_session_cannot_open(at_council):
    _unit, _officer, _proposal, session, members = at_council
    with pytest.raises(DomainError, match="Không đủ số thành viên dự họp: có mặt 5/9"):
        council.session_open(
            session=session, present_user_ids=[m.pk for m in members[:5]], by=members[0]
        )


def test_the_threshold_decides_and_a_failed_candidate_stays_out_of_the_decision(at_council):
    unit, officer, proposal, session, members = at_council
    council.session_open(session=session, present_user_ids=[m.pk for m in members], by=members[0])
    first, second = proposal.candidates.order_by("pk")
    # CSTĐCS: secret, at least 80 % of all 9 members: 8 votes.
    _vote(session, members, {first.pk: 8, second.pk: 7})

    council.session_close(session=session, by=officer)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.council_result == CouncilResult.PASSED
    assert second.council_result == CouncilResult.FAILED
    assert "Không đạt: 7/9" in Ballot.objects.get(candidate=second).result_text
    decision = decision_flow.decision_from_candidates(
        proposals=[proposal],
        number="15/QĐ-UBND",
        decision_date=date(2025, 1, 20),
        issuing_body="Ủy ban nhân dân phường Ngọc Sơn",
        issuing_unit=unit,
        signer_name="Nguyễn Văn Ký",
        signer_title="Chủ tịch",
    )
    assert [r.person_id for r in decision.records.all()] == [first.person_id]

    decision_issue(decision=decision, by=officer)

    proposal.refresh_from_db()
    assert proposal.status == S.DECIDED
    record = decision.records.get()
    certificate = Certificate.objects.get(award_record=record)
    assert certificate.number == "0001/2025"
    assert len(certificate.code) == 10
    record.achievement = "sửa"
    with pytest.raises(ImmutableRecordError):
        record.save()


def test_a_proposal_none_of_whose_candidates_passed_is_rejected(at_council):
    _unit, officer, proposal, session, members = at_council
    council.session_open(session=session, present_user_ids=[m.pk for m in members], by=members[0])
    first, second = proposal.candidates.order_by("pk")
    _vote(session, members, {first.pk: 1, second.pk: 0})

    council.session_close(session=session, by=officer)

    proposal.refresh_from_db()
    assert proposal.status == S.REJECTED


def test_a_show_of_hands_is_recorded_by_the_secretary(fake_engine):
    unit, officer = ward_with_officer()
    proposal = proposal_at_council(unit, officer, people_of(unit, 1), "lao_dong_tien_tien")
    session, members = session_with(unit, 7, proposal)
    council.session_open(
        session=session, present_user_ids=[m.pk for m in members[:6]], by=members[0]
    )
    ballot = session.ballots.get()

    with pytest.raises(DomainError, match="giơ tay"):
        council.ballot_vote(ballot=ballot, user=members[0], approve=True)
    with pytest.raises(DomainError, match="không được vượt quá 6"):
        council.ballot_record_hands(ballot=ballot, approvals=6, rejections=1, by=members[0])
    council.ballot_record_hands(ballot=ballot, approvals=4, rejections=2, by=members[0])
    council.session_close(session=session, by=officer)

    ballot.refresh_from_db()
    assert ballot.passed  # more than half of the 6 present


def test_revocation_keeps_the_record_marked_and_rechecks_open_candidates(at_council):
    unit, officer, proposal, session, members = at_council
    council.session_open(session=session, present_user_ids=[m.pk for m in members], by=members[0])
    _vote(session, members, {c.pk: 9 for c in proposal.candidates.all()})
    council.session_close(session=session, by=officer)
    decision = decision_flow.decision_from_candidates(
        proposals=[proposal], number="16/QĐ-UBND", decision_date=date(2025, 1, 20),
        issuing_body="UBND phường", issuing_unit=unit, signer_name="A", signer_title="Chủ tịch",
    )  # fmt: skip
    decision_issue(decision=decision, by=officer)
    record = decision.records.order_by("pk")[0]

    revoke(record, ground=RevocationGround.B, reason="Báo cáo thành tích không trung thực")

    record = AwardRecord.objects.get(pk=record.pk)
    assert record.is_revoked
    assert record.revocation_ground.startswith("Điểm b khoản 2 Điều 93")
    assert AwardRecord.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize(
    ("code", "kind", "day", "amount"),
    [
        ("chien_si_thi_dua_co_so", "individual", date(2025, 1, 20), 2_340_000),
        ("lao_dong_tien_tien", "individual", date(2025, 1, 20), 710_000),  # 702,000 ↑
        ("bang_khen_tinh", "individual", date(2024, 3, 1), 2_700_000),  # 1.5 × 1,800,000
        ("co_thi_dua_chinh_phu", "collective", date(2025, 1, 20), 28_080_000),
        ("giay_khen", "household", date(2025, 8, 1), 1_060_000),  # 0.45 × 2,340,000 ↑
    ],
)
def test_bonus_is_the_multiplier_of_the_base_salary_at_the_decision_date(code, kind, day, amount):
    bonus = bonus_for(code=code, recipient_kind=kind, decision_date=day)
    assert bonus is not None
    assert bonus.amount == amount


def test_no_bonus_is_invented_where_the_notes_give_no_multiplier():
    assert (
        bonus_for(code="giay_khen", recipient_kind="household", decision_date=date(2025, 1, 1))
        is None
    )
    assert (
        bonus_for(
            code="gia_dinh_van_hoa", recipient_kind="household", decision_date=date(2025, 9, 1)
        )
        is None
    )
