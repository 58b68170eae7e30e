"""A proposal from draft to the council: every move, every refusal."""

from __future__ import annotations

from datetime import date

import pytest
from auditlog.models import LogEntry

from thidua.awards.choices import CheckStatus
from thidua.awards.choices import ProposalStatus as S
from thidua.awards.models import Candidate
from thidua.awards.services import disclosure, proposal_flow, proposals
from thidua.awards.services.eligibility_check import from_result
from thidua.awards.tests.commendation import (
    engine_result,
    people_of,
    proposal_with,
    published_list,
    ward_with_officer,
)
from thidua.awards.tests.factories import issued_award
from thidua.common.errors import DomainError
from thidua.orgs.tests.factories import AssessmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ward():
    return ward_with_officer()


def test_an_ineligible_candidate_is_not_added_and_the_refusal_names_each_article(ward, fake_engine):
    unit, officer = ward
    alice, bob = people_of(unit, 2)
    fake_engine.refused = {bob.code}
    proposal = proposal_with(unit, officer, [alice])

    with pytest.raises(proposals.CandidateRefusedError) as refused:
        proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=bob)

    assert refused.value.message.startswith(
        f"Không thêm {bob.full_name} vì chưa đủ điều kiện: Đạt danh hiệu Lao động tiên tiến"
    )
    assert refused.value.details == (
        "Đạt danh hiệu Lao động tiên tiến trong năm (Khoản 1 Điều 23 Luật Thi đua, khen thưởng "
        "số 06/2022/QH15)",
    )
    assert [c.person_id for c in proposal.candidates.all()] == [alice.pk]


def test_other_evidence_only_where_the_law_names_another_ground(ward, fake_engine):
    unit, officer = ward
    (bob,) = people_of(unit, 1)
    fake_engine.refused = {bob.code}
    proposal = proposal_with(unit, officer, [], code="bang_khen_tinh")

    with pytest.raises(proposals.CandidateRefusedError) as refused:
        proposals.candidate_add(
            by=proposal.created_by, proposal=proposal, subject=bob, other_ground="Cứu người"
        )
    assert "căn cứ khác" not in refused.value.message  # the form offers none here

    fake_engine.other_grounds = True
    with pytest.raises(proposals.CandidateRefusedError, match="Có thể đề nghị theo căn cứ khác"):
        proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=bob)
    candidate = proposals.candidate_add(
        by=proposal.created_by,
        proposal=proposal,
        subject=bob,
        other_ground="Dũng cảm cứu người bị nạn",
    )
    proposals.candidates_recheck(proposal=proposal)
    candidate.refresh_from_db()
    assert candidate.check_status == CheckStatus.OTHER_GROUNDS
    assert candidate.other_ground == "Dũng cảm cứu người bị nạn"


def test_a_second_award_for_the_same_achievement_is_refused(ward, fake_engine):
    unit, officer = ward
    (alice,) = people_of(unit, 1)
    issued_award(alice, code="chien_si_thi_dua_co_so", year=2024, number="12/QĐ-UBND")

    proposal = proposals.proposal_create(
        unit=unit, award_code="chien_si_thi_dua_co_so", year=2024, by=officer
    )
    with pytest.raises(DomainError, match="Quyết định số 12/QĐ-UBND"):
        proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=alice)


def test_the_same_person_twice_in_open_proposals_is_refused(ward, fake_engine):
    unit, officer = ward
    (alice,) = people_of(unit, 1)
    proposal_with(unit, officer, [alice])
    other = proposals.proposal_create(
        unit=unit, award_code="chien_si_thi_dua_co_so", year=2024, by=officer
    )
    with pytest.raises(DomainError, match="cho thành tích năm 2024 \\(trong đề nghị “"):
        proposals.candidate_add(by=other.created_by, proposal=other, subject=alice)


def test_a_second_form_for_the_year_results_is_refused_with_the_article(ward, fake_engine):
    unit, officer = ward
    (alice,) = people_of(unit, 1)
    issued_award(alice, code="bang_khen_tinh", year=2024, number="7/QĐ-UBND")
    proposal = proposals.proposal_create(unit=unit, award_code="giay_khen", year=2024, by=officer)

    with pytest.raises(DomainError) as refused:
        proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=alice)

    assert refused.value.message == (
        f"Không thể đề nghị {alice.full_name}: Thành tích năm 2024 đã được khen thưởng bằng "
        "Bằng khen của Bộ, ban, ngành, tỉnh; không tặng thêm Giấy khen cho cùng một thành tích "
        "(Quyết định số 7/QĐ-UBND); căn cứ điểm c khoản 2 Điều 5 Luật Thi đua, khen thưởng số "
        "06/2022/QH15."
    )


def test_a_title_beside_a_form_and_a_form_for_another_achievement_are_allowed(ward, fake_engine):
    unit, officer = ward
    (alice,) = people_of(unit, 1)
    issued_award(alice, code="giay_khen", year=2024)
    issued_award(alice, code="lao_dong_tien_tien", year=2024)
    feat = proposals.proposal_create(
        unit=unit,
        award_code="bang_khen_tinh",
        year=2024,
        by=officer,
        occasion="dot_xuat",
        title="Đề nghị khen thưởng đột xuất: cứu người trong lũ",
    )

    proposals.candidate_add(by=feat.created_by, proposal=feat, subject=alice)
    proposals.candidate_add(by=officer, proposal=proposal_with(unit, officer, []), subject=alice)

    assert alice.candidacies.count() == 2


def test_one_state_level_form_a_year_before_2024(ward, fake_engine):
    unit, officer = ward
    alice, bob = people_of(unit, 2)
    for person in (alice, bob):
        issued_award(person, code="bang_khen_thu_tuong", year=2022)
    movement_medal = proposals.proposal_create(
        unit=unit,
        award_code="huan_chuong_lao_dong_hang_ba",
        year=2022,
        by=officer,
        occasion="chuyen_de",
    )
    feat_medal = proposals.proposal_create(
        unit=unit,
        award_code="huan_chuong_lao_dong_hang_ba",
        year=2022,
        by=officer,
        occasion="dot_xuat",
    )

    with pytest.raises(DomainError, match="căn cứ điều 3 Thông tư số 12/2019/TT-BNV"):
        proposals.candidate_add(
            by=movement_medal.created_by, proposal=movement_medal, subject=alice
        )
    proposals.candidate_add(
        by=feat_medal.created_by, proposal=feat_medal, subject=bob
    )  # đột xuất: outside the cap


def test_every_move_of_the_status_machine_leaves_a_timeline_row(ward, fake_engine):
    unit, officer = ward
    proposal = proposal_with(unit, officer, people_of(unit, 2))

    proposal_flow.proposal_submit(proposal=proposal, by=officer)
    assert proposal.review_due is not None
    proposal_flow.proposal_review_start(proposal=proposal, by=officer)
    proposal_flow.proposal_return(proposal=proposal, by=officer, reason="Thiếu báo cáo thành tích")
    assert proposal.is_editable
    proposal_flow.proposal_submit(proposal=proposal, by=officer)
    proposal_flow.proposal_review_start(proposal=proposal, by=officer)
    disclosure.disclosure_publish(proposal=proposal, by=officer)
    assert proposal.status == S.PUBLIC_COMMENT

    moves = list(proposal.events.values_list("from_status", "to_status"))
    assert moves == [
        ("", S.DRAFT),
        (S.DRAFT, S.SUBMITTED),
        (S.SUBMITTED, S.UNDER_REVIEW),
        (S.UNDER_REVIEW, S.RETURNED),
        (S.RETURNED, S.SUBMITTED),
        (S.SUBMITTED, S.UNDER_REVIEW),
        (S.UNDER_REVIEW, S.PUBLIC_COMMENT),
    ]
    assert proposal.events.get(to_status=S.RETURNED).note == "Thiếu báo cáo thành tích"
    assert LogEntry.objects.get_for_object(proposal).exists()


@pytest.mark.parametrize(
    ("status", "move"),
    [
        (S.DRAFT, proposal_flow.proposal_review_start),
        (S.SUBMITTED, proposal_flow.proposal_to_council),
    ],
)
def test_moves_out_of_order_are_refused(ward, fake_engine, status, move):
    unit, officer = ward
    proposal = proposal_with(unit, officer, people_of(unit, 1))
    if status == S.SUBMITTED:
        proposal_flow.proposal_submit(proposal=proposal, by=officer)

    with pytest.raises(DomainError, match="không thể chuyển sang"):
        move(proposal=proposal, by=officer)


def test_returning_and_rejecting_need_a_reason(ward, fake_engine):
    unit, officer = ward
    proposal = proposal_with(unit, officer, people_of(unit, 1))
    proposal_flow.proposal_submit(proposal=proposal, by=officer)
    proposal_flow.proposal_review_start(proposal=proposal, by=officer)

    with pytest.raises(DomainError, match="lý do trả lại"):
        proposal_flow.proposal_return(proposal=proposal, by=officer, reason=" ")
    proposal_flow.proposal_reject(proposal=proposal, by=officer, reason="Không đủ thành tích")
    assert proposal.status == S.REJECTED


def test_a_submitted_proposal_cannot_take_new_candidates(ward, fake_engine):
    unit, officer = ward
    proposal = proposal_with(unit, officer, people_of(unit, 1))
    proposal_flow.proposal_submit(proposal=proposal, by=officer)

    with pytest.raises(DomainError, match="chỉ sửa được khi còn là nháp"):
        proposals.candidate_add(
            by=proposal.created_by, proposal=proposal, subject=people_of(unit, 1)[0]
        )


def test_a_proposal_with_only_refused_candidates_cannot_be_submitted(ward, fake_engine):
    unit, officer = ward
    (bob,) = people_of(unit, 1)
    proposal = proposal_with(unit, officer, [bob])
    fake_engine.refused = {bob.code}  # the facts changed after the candidate was added

    with pytest.raises(DomainError, match="chưa có đối tượng nào đủ điều kiện"):
        proposal_flow.proposal_submit(proposal=proposal, by=officer)


def test_a_valid_comment_holds_the_candidate_and_sends_the_proposal_back(ward, fake_engine):
    unit, officer = ward
    published = published_list(unit, officer, people_of(unit, 2))
    proposal = published.proposal
    target = proposal.candidates.order_by("pk")[0]
    comment = disclosure.comment_submit(
        disclosure=published,
        name="Nguyễn Văn Dân",
        email="dan@example.vn",
        subject="Về ông A",
        content="Ông A đi làm muộn thường xuyên.",
        candidate=target,
    )

    disclosure.comment_answer(comment=comment, by=officer, answer="Đã xác minh", is_valid=True)

    proposal.refresh_from_db()
    assert proposal.status == S.UNDER_REVIEW
    assert Candidate.objects.get(pk=target.pk).on_hold
    with pytest.raises(DomainError, match="tạm dừng"):
        proposal_flow.proposal_to_council(proposal=proposal, by=officer)
    disclosure.candidate_release(candidate=target, by=officer, note="Phản ánh không đúng")
    with pytest.raises(DomainError, match="đang công khai"):
        proposal_flow.proposal_to_council(proposal=proposal, by=officer)


def test_comments_are_refused_after_the_period(ward, fake_engine):
    unit, officer = ward
    published = published_list(unit, officer, people_of(unit, 1))
    proposal = published.proposal
    published.ends_on = date(2020, 1, 1)
    published.starts_on = date(2019, 12, 1)
    published.save()

    with pytest.raises(DomainError, match="hết thời hạn"):
        disclosure.comment_submit(
            disclosure=published, name="A", email="a@b.vn", subject="x", content="y"
        )
    proposal_flow.proposal_to_council(proposal=proposal, by=officer)
    assert proposal.status == S.COUNCIL


def test_the_engines_null_verdict_leaves_the_judgement_to_the_council():
    check = from_result(engine_result("giay_khen", eligible=None))
    assert check.status == CheckStatus.TO_CONFIRM
    assert check.reason == ""


def test_the_real_law_engine_refuses_with_its_citation(ward):
    # given: one person rated "hoàn thành tốt", one "hoàn thành" in 2024 (no stand-in engine)
    unit, officer = ward
    good, weak = people_of(unit, 2)
    AssessmentFactory.create(person=good, year=2024, rating="xuat_sac")
    AssessmentFactory.create(person=weak, year=2024, rating="hoan_thanh")
    # when
    proposal = proposal_with(unit, officer, [good])
    with pytest.raises(proposals.CandidateRefusedError) as refused:
        proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=weak)
    # then
    assert proposal.candidates.get().check_status == CheckStatus.ELIGIBLE
    assert proposal.candidates.get().verdict["rule_set"]
    assert "Điều 23 Luật Thi đua, khen thưởng số 06/2022/QH15" in refused.value.message
