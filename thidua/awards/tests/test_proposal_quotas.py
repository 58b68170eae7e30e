"""Caps on shares, on every add and on submit: the figure and the article in the refusal."""

from __future__ import annotations

import pytest

from thidua.accounts.tests.factories import officer_of
from thidua.awards.choices import ProposalStatus
from thidua.awards.services import proposal_flow, proposals
from thidua.awards.tests.commendation import people_of
from thidua.awards.tests.factories import issued_award
from thidua.awards.tests.local_rules import set_local_rules
from thidua.common.errors import DomainError
from thidua.demo.dossier import dossier_complete
from thidua.orgs.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

CSTDCS = "chien_si_thi_dua_co_so"
LDTT = "lao_dong_tien_tien"
BASIS = "Quyết định số 15/2024/QĐ-UBND của UBND thành phố Hải Phòng"


@pytest.fixture
def city_ward():
    city = UnitFactory.create(code="HP", name="Thành phố Hải Phòng")
    ward = UnitFactory.create(name="Phường Ngọc Sơn", parent=city)
    return ward, officer_of(ward, full_name="Trần Thị Lan")


def with_ldtt(ward, n: int, year: int):
    people = people_of(ward, n)
    for person in people:
        issued_award(person, code=LDTT, year=year)
    return people


def cstdcs_proposal(ward, officer, year: int):
    return proposals.proposal_create(unit=ward, award_code=CSTDCS, year=year, by=officer)


def test_the_province_cap_allows_up_to_the_limit_and_refuses_one_more(city_ward, fake_engine):
    set_local_rules("HP", cstdcs_share_of_ldtt=20, basis=BASIS)
    # given: 10 people with Lao động tiên tiến 2024, a cap of 20 %: at most 2
    ward, officer = city_ward
    people = with_ldtt(ward, 10, 2024)
    proposal = cstdcs_proposal(ward, officer, 2024)

    # when: two are added, then a third
    for person in people[:2]:
        proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=person)
    with pytest.raises(DomainError) as refused:
        proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=people[2])

    # then
    assert refused.value.code == "quota_exceeded"
    assert "Chiến sĩ thi đua cơ sở: 3, vượt 1 so với giới hạn 2" in refused.value.message
    assert "không quá 20% tổng số cá nhân đạt danh hiệu Lao động tiên tiến: 10" in (
        refused.value.message
    )
    assert BASIS in refused.value.message
    assert proposal.candidates.count() == 2


def test_the_national_cap_of_nd91_applies_to_years_before_2024(city_ward, fake_engine):
    # given: 2022, ND 91/2017 caps CSTĐCS at 15 % of LĐTT; 7 LĐTT allow 1
    ward, officer = city_ward
    people = with_ldtt(ward, 7, 2022)
    proposal = cstdcs_proposal(ward, officer, 2022)
    proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=people[0])

    with pytest.raises(DomainError, match="giới hạn 1") as refused:
        proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=people[1])

    assert "Khoản 3 Điều 9 Nghị định số 91/2017/NĐ-CP" in refused.value.message


def test_law_2022_sets_no_cap_of_its_own(city_ward, fake_engine):
    ward, officer = city_ward
    people = with_ldtt(ward, 3, 2024)
    proposal = cstdcs_proposal(ward, officer, 2024)

    for person in people:
        proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=person)

    assert proposal.candidates.count() == 3


def test_candidates_of_other_proposals_of_the_year_count_too(city_ward, fake_engine):
    set_local_rules("HP", cstdcs_share_of_ldtt=20)
    ward, officer = city_ward
    people = with_ldtt(ward, 5, 2024)
    first = cstdcs_proposal(ward, officer, 2024)
    proposals.candidate_add(by=first.created_by, proposal=first, subject=people[0])
    second = cstdcs_proposal(ward, officer, 2024)

    with pytest.raises(DomainError, match="giới hạn 1"):
        proposals.candidate_add(by=second.created_by, proposal=second, subject=people[1])


def test_a_refused_candidate_takes_no_share(city_ward, fake_engine):
    set_local_rules("HP", cstdcs_share_of_ldtt=20)
    ward, officer = city_ward
    people = with_ldtt(ward, 5, 2024)
    fake_engine.refused = {people[1].code}
    proposal = cstdcs_proposal(ward, officer, 2024)

    proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=people[0])
    with pytest.raises(proposals.CandidateRefusedError):
        proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=people[1])

    assert proposal.candidates.count() == 1  # nothing kept of the refusal, no share taken


def test_submit_is_refused_when_the_cap_was_lowered_since(city_ward, fake_engine):
    # given: two candidates added under a 40 % cap of 5 LĐTT (limit 2)
    ward, officer = city_ward
    people = with_ldtt(ward, 5, 2024)
    proposal = cstdcs_proposal(ward, officer, 2024)
    set_local_rules("HP", cstdcs_share_of_ldtt=40)
    for person in people[:2]:
        proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=person)
    dossier_complete(proposal=proposal, by=officer)

    # when: the city lowers the cap to 20 % (limit 1) before the proposal is sent
    set_local_rules("HP", cstdcs_share_of_ldtt=20)
    with pytest.raises(DomainError, match="vượt 1 so với giới hạn 1"):
        proposal_flow.proposal_submit(proposal=proposal, by=officer)

    # then: at 40 % it goes
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT
    set_local_rules("HP", cstdcs_share_of_ldtt=40)
    proposal_flow.proposal_submit(proposal=proposal, by=officer)
    assert proposal.status == ProposalStatus.SUBMITTED


def test_the_cap_over_all_members_counts_the_unit_headcount(city_ward, fake_engine):
    set_local_rules("HP", ldtt_share_of_members=50)
    # given: 4 people; at most 50 % may be Lao động tiên tiến
    ward, officer = city_ward
    people = people_of(ward, 4)
    proposal = proposals.proposal_create(unit=ward, award_code=LDTT, year=2024, by=officer)
    for person in people[:2]:
        proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=person)

    with pytest.raises(DomainError, match="không quá 50% tổng số cá nhân của đơn vị: 4"):
        proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=people[2])
