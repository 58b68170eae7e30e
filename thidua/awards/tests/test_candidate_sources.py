"""Candidates pulled from the law engine's eligible list and from the clusters' nominations."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.tests.factories import officer_of
from thidua.awards.candidate_sources import eligible_options, nomination_options
from thidua.awards.choices import CheckStatus
from thidua.awards.services import proposals
from thidua.awards.services.candidate_picks import candidates_add_nominations
from thidua.awards.tests.factories import issued_award
from thidua.awards.tests.local_rules import set_local_rules
from thidua.emulation.choices import ClusterKind, OrganiserLevel, ScoreMethod
from thidua.emulation.models import Cluster, Covenant, Nomination, Ranking
from thidua.orgs.choices import Rating, UnitKind
from thidua.orgs.models import Assessment, Unit
from thidua.orgs.tests.factories import PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db

LDTT = "lao_dong_tien_tien"
CO_TINH = "co_thi_dua_tinh"
LEADING = "Đơn vị dẫn đầu cụm thi đua"
CITATION = "Điều 26 Luật Thi đua, khen thưởng 2022"


@pytest.fixture
def district():
    unit = UnitFactory.create(code="KA", name="Quận Kiến An", kind=UnitKind.HUYEN)
    return unit, officer_of(unit, full_name="Trần Thị Lan")


def rated(unit: Unit, names: list[str], rating: str, year: int = 2024):
    people = [PersonFactory.create(unit=unit, full_name=n) for n in names]
    for person in people:
        Assessment.objects.create(person=person, year=year, rating=rating, service_months=12)
    return people


def nomination(organiser: Unit, unit: Unit, *, award: str = CO_TINH, year: int = 2024):
    cluster = Cluster.objects.create(
        year=year,
        code=f"CUM-{unit.code}",
        name="Cụm thi đua khối phường",
        kind=ClusterKind.CUM,
        organiser=organiser,
        organiser_level=OrganiserLevel.HUYEN,
    )
    covenant = Covenant.objects.create(cluster=cluster, title="Giao ước thi đua năm 2024")
    ranking = Ranking.objects.create(
        covenant=covenant,
        published_at=timezone.now(),
        method=ScoreMethod.MEAN,
        spread_limit=Decimal(5),
    )
    return Nomination.objects.create(
        ranking=ranking, unit=unit, award=award, position=1, basis=LEADING, citation=CITATION
    )


def test_the_eligible_list_offers_those_the_engine_finds_eligible_and_not_yet_proposed(district):
    # given: two people rated "hoàn thành tốt" in 2024 and one rated lower
    unit, officer = district
    ward = UnitFactory.create(name="Phường Ngọc Sơn", parent=unit)
    lan, minh, tuan, ngoc = rated(
        ward, ["Trần Thị Lan", "Lê Văn Minh", "Đỗ Văn Tuấn", "Vũ Thị Ngọc"], Rating.TOT
    )
    rated(ward, ["Phạm Văn Hà"], Rating.HOAN_THANH)
    issued_award(tuan, code=LDTT, year=2024)
    other = proposals.proposal_create(unit=unit, award_code=LDTT, year=2024, by=officer)
    proposals.candidate_add(by=other.created_by, proposal=other, subject=ngoc)
    proposal = proposals.proposal_create(unit=unit, award_code=LDTT, year=2024, by=officer)
    proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=minh)

    # when
    options = eligible_options(proposal=proposal)

    # then: only Lan (Minh is already in, Tuấn already has it, Ngọc is in another proposal,
    # Hà is not eligible)
    assert [(o.key, o.name, o.unit_name) for o in options] == [
        (f"p:{lan.pk}", "Trần Thị Lan", "Phường Ngọc Sơn")
    ]


def test_the_eligible_picker_adds_the_ticked_people(client, district):
    unit, officer = district
    lan, _minh = rated(unit, ["Trần Thị Lan", "Lê Văn Minh"], Rating.TOT)
    proposal = proposals.proposal_create(unit=unit, award_code=LDTT, year=2024, by=officer)
    url = reverse("awards:candidates_from_eligible", args=[proposal.code])
    client.force_login(officer)

    page = client.get(url)
    assert "Thêm từ danh sách đủ điều kiện" in page.content.decode()
    assert "Lê Văn Minh" in page.content.decode()

    answer = client.post(url, {"chon": [f"p:{lan.pk}"]}, follow=True)

    assert [c.person for c in proposal.candidates.all()] == [lan]
    assert proposal.candidates.get().check_status == CheckStatus.ELIGIBLE
    assert "Đã thêm 1 đối tượng vào đề nghị." in answer.content.decode()


def test_a_person_outside_the_proposing_unit_cannot_be_slipped_in(client, district):
    unit, officer = district
    other = UnitFactory.create(name="Phường khác")
    (stranger,) = rated(other, ["Người Ngoài"], Rating.TOT)
    proposal = proposals.proposal_create(unit=unit, award_code=LDTT, year=2024, by=officer)
    client.force_login(officer)

    client.post(
        reverse("awards:candidates_from_eligible", args=[proposal.code]),
        {"chon": [f"p:{stranger.pk}"]},
    )

    assert not proposal.candidates.exists()


def test_the_nomination_picker_carries_the_basis_onto_the_candidate(client, district, fake_engine):
    # given: a ward under the district leads the cluster the district organises
    unit, officer = district
    ward = UnitFactory.create(name="Phường Trần Thành Ngọ", parent=unit)
    nominated = nomination(unit, ward)
    proposal = proposals.proposal_create(unit=unit, award_code=CO_TINH, year=2024, by=officer)
    url = reverse("awards:candidates_from_nominations", args=[proposal.code])
    client.force_login(officer)
    assert "Phường Trần Thành Ngọ" in client.get(url).content.decode()

    # when
    client.post(url, {"chon": [str(nominated.pk)]})

    # then
    candidate = proposal.candidates.get()
    assert candidate.collective == ward
    assert candidate.nomination == nominated
    assert candidate.basis == (f"{LEADING}, Cụm thi đua khối phường năm 2024 ({CITATION})")
    assert nomination_options(proposal=proposal) == []
    page = client.get(reverse("awards:proposal", args=[proposal.code])).content.decode()
    assert f"Căn cứ đề nghị:</strong> {LEADING}" in page


def test_nominations_for_another_form_or_year_are_not_offered(district, fake_engine):
    unit, officer = district
    ward = UnitFactory.create(name="Phường Quán Trữ", parent=unit)
    nomination(unit, ward, award="bang_khen_tinh")
    nomination(unit, UnitFactory.create(parent=unit), year=2023)
    proposal = proposals.proposal_create(unit=unit, award_code=CO_TINH, year=2024, by=officer)

    assert nomination_options(proposal=proposal) == []


def test_adding_a_nomination_for_another_form_is_refused_with_a_reason(district, fake_engine):
    unit, officer = district
    ward = UnitFactory.create(name="Phường Quán Trữ", parent=unit)
    other_form = nomination(unit, ward, award="bang_khen_tinh")
    proposal = proposals.proposal_create(unit=unit, award_code=CO_TINH, year=2024, by=officer)

    picked = candidates_add_nominations(
        proposal=proposal, nominations=[other_form], by=proposal.created_by
    )

    assert picked.added == []
    assert picked.refused == [
        "Phường Quán Trữ: cụm thi đua đề nghị Bằng khen của Bộ, ban, ngành, tỉnh, "
        "không phải Cờ thi đua của Bộ, ban, ngành, tỉnh."
    ]


def test_the_eligible_list_leaves_out_those_holding_another_form_for_the_year(district):
    # given: two people rated "hoàn thành tốt" in 2024, one already with a Bằng khen tỉnh for it
    unit, officer = district
    ward = UnitFactory.create(name="Phường Ngọc Sơn", parent=unit)
    _lan, minh = rated(ward, ["Trần Thị Lan", "Lê Văn Minh"], Rating.TOT)
    issued_award(minh, code="bang_khen_tinh", year=2024)
    set_local_rules("KA", giay_khen_min_rating=Rating.TOT.value)  # both meet the standard
    proposal = proposals.proposal_create(unit=unit, award_code="giay_khen", year=2024, by=officer)

    # when
    options = eligible_options(proposal=proposal)

    # then: offering Minh would only lead to a refusal (one achievement, one award)
    assert [o.name for o in options] == ["Trần Thị Lan"]
