"""The unit that receives a proposal: a decider level the catalog allows for the form."""

from __future__ import annotations

import pytest
from django.urls import reverse

from thidua.accounts.tests.factories import officer_of
from thidua.awards.choices import ProposalStatus
from thidua.awards.reviewing_units import DECIDER_LEVELS, reviewing_unit_options
from thidua.awards.services import proposal_flow, proposals
from thidua.awards.tests.commendation import people_of
from thidua.common.errors import DomainError
from thidua.core.rules.registry import RULE_SETS
from thidua.demo.dossier import dossier_complete
from thidua.orgs.choices import UnitKind
from thidua.orgs.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

LDTT = "lao_dong_tien_tien"
CSTDCS = "chien_si_thi_dua_co_so"
BK_TINH = "bang_khen_tinh"


@pytest.fixture
def tree():
    city = UnitFactory.create(code="HP", name="Thành phố Hải Phòng", kind=UnitKind.TINH)
    district = UnitFactory.create(code="KA", name="Quận Kiến An", kind=UnitKind.HUYEN, parent=city)
    ward = UnitFactory.create(code="NS", name="Phường Ngọc Sơn", kind=UnitKind.XA, parent=district)
    return city, district, ward


def names(options):
    return [(o.unit.code, o.decider) for o in options]


def test_lao_dong_tien_tien_of_a_ward_is_decided_by_the_ward_or_the_district(tree):
    _city, _district, ward = tree

    options = reviewing_unit_options(unit=ward, award_code=LDTT, year=2024)

    assert names(options) == [
        ("NS", "Chủ tịch Ủy ban nhân dân cấp xã"),
        ("KA", "Chủ tịch Ủy ban nhân dân cấp huyện"),
    ]
    assert options[0].citation == "Khoản 3 Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15"
    assert options[1].label == "Quận Kiến An (Chủ tịch Ủy ban nhân dân cấp huyện quyết định)"


def test_the_district_decides_no_award_dated_after_30_06_2025(tree):
    _city, _district, ward = tree

    # 2024 achievements are decided in January 2025, 2025 ones in January 2026.
    assert names(reviewing_unit_options(unit=ward, award_code=CSTDCS, year=2024)) == [
        ("KA", "Chủ tịch Ủy ban nhân dân cấp huyện")
    ]
    assert names(reviewing_unit_options(unit=ward, award_code=LDTT, year=2025)) == [
        ("NS", "Chủ tịch Ủy ban nhân dân cấp xã")
    ]


def test_the_province_reviews_its_bang_khen_and_forwards_the_prime_ministers(tree):
    _city, _district, ward = tree

    assert names(reviewing_unit_options(unit=ward, award_code=BK_TINH, year=2024)) == [
        ("HP", "Chủ tịch Ủy ban nhân dân cấp tỉnh")
    ]
    (forwarded,) = reviewing_unit_options(unit=ward, award_code="bang_khen_thu_tuong", year=2024)
    assert forwarded.label == "Thành phố Hải Phòng (thẩm định, trình Thủ tướng Chính phủ)"


def test_without_a_known_decider_on_the_path_every_unit_on_it_is_offered():
    top = UnitFactory.create(name="Hội Nông dân", kind=UnitKind.KHAC)
    branch = UnitFactory.create(name="Chi hội", kind=UnitKind.KHAC, parent=top)

    options = reviewing_unit_options(unit=branch, award_code=CSTDCS, year=2024)

    assert [o.unit for o in options] == [branch, top]
    assert all(o.decider == "" for o in options)


def test_submit_sends_to_the_chosen_level_and_refuses_one_without_authority(tree, fake_engine):
    city, district, ward = tree
    officer = officer_of(ward)
    proposal = proposals.proposal_create(unit=ward, award_code=CSTDCS, year=2024, by=officer)
    proposals.candidate_add(
        by=proposal.created_by, proposal=proposal, subject=people_of(ward, 1)[0]
    )
    dossier_complete(proposal=proposal, by=officer)

    with pytest.raises(DomainError) as refused:
        proposal_flow.proposal_submit(proposal=proposal, by=officer, reviewing_unit=city)
    assert refused.value.message == (
        "Thành phố Hải Phòng không có thẩm quyền xét, quyết định Chiến sĩ thi đua cơ sở năm "
        "2024. Chọn: Quận Kiến An (Chủ tịch Ủy ban nhân dân cấp huyện quyết định), Khoản 2 "
        "Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15."
    )

    proposal_flow.proposal_submit(proposal=proposal, by=officer, reviewing_unit=district)

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal.reviewing_unit == district
    assert proposal.events.filter(note="Gửi Quận Kiến An xét, quyết định").exists()


def test_submit_refuses_a_default_reviewing_unit_without_authority(tree, fake_engine):
    # given: a ward's proposal for the city's Bằng khen, created to be reviewed by the ward
    _city, _district, ward = tree
    officer = officer_of(ward)
    proposal = proposals.proposal_create(unit=ward, award_code=BK_TINH, year=2024, by=officer)
    proposals.candidate_add(
        by=proposal.created_by, proposal=proposal, subject=people_of(ward, 1)[0]
    )

    with pytest.raises(DomainError, match="Phường Ngọc Sơn không có thẩm quyền"):
        proposal_flow.proposal_submit(proposal=proposal, by=officer)


def test_the_page_offers_the_allowed_levels_and_submits_to_the_chosen_one(
    client, tree, fake_engine
):
    _city, district, ward = tree
    officer = officer_of(ward)
    proposal = proposals.proposal_create(unit=ward, award_code=LDTT, year=2024, by=officer)
    proposals.candidate_add(
        by=proposal.created_by, proposal=proposal, subject=people_of(ward, 1)[0]
    )
    dossier_complete(proposal=proposal.__class__.objects.get(pk=proposal.pk), by=officer)
    client.force_login(officer)

    page = client.get(reverse("awards:proposal", args=[proposal.code])).content.decode()
    assert "Quận Kiến An (Chủ tịch Ủy ban nhân dân cấp huyện quyết định)" in page
    assert "Thành phố Hải Phòng" not in page

    client.post(
        reverse("awards:proposal_move", args=[proposal.code, "gui-duyet"]),
        {"reviewing_unit": "KA"},
    )

    proposal.refresh_from_db()
    assert (proposal.status, proposal.reviewing_unit) == (ProposalStatus.SUBMITTED, district)


def test_a_forged_reviewing_unit_is_refused(client, tree, fake_engine):
    _city, _district, ward = tree
    officer = officer_of(ward)
    proposal = proposals.proposal_create(unit=ward, award_code=LDTT, year=2024, by=officer)
    proposals.candidate_add(
        by=proposal.created_by, proposal=proposal, subject=people_of(ward, 1)[0]
    )
    client.force_login(officer)

    client.post(
        reverse("awards:proposal_move", args=[proposal.code, "gui-duyet"]),
        {"reviewing_unit": "HP"},
    )

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT


def test_every_decider_of_every_rule_set_has_a_unit_level():
    titles = {d.title for rule_set in RULE_SETS for d in rule_set.deciders}

    assert titles - DECIDER_LEVELS.keys() == set()
