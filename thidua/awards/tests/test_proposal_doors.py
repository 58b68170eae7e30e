"""The same proposal refusals through the web and the API: a year no rule set governs, and a
unit merged away, which neither proposes nor is proposed."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from thidua.accounts.tests.factories import officer_of
from thidua.api.tests.clients import bearer
from thidua.awards.models import Proposal
from thidua.awards.services import proposals
from thidua.common.errors import DomainError
from thidua.orgs.services.units import unit_merge
from thidua.orgs.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def district():
    district = UnitFactory.create(code="KA", name="Quận Kiến An", kind="huyen")
    wards = [
        UnitFactory.create(code=code, name=name, parent=district)
        for code, name in (("NS", "Phường Ngọc Sơn"), ("VD", "Phường Văn Đẩu"))
    ]
    unit_merge(
        predecessors=wards,
        code="PKA",
        name="Phường Kiến An",
        kind="xa",
        parent=district,
        effective_date=date(2025, 7, 1),
    )
    return district, officer_of(district, username="canbo.kienan")


def _web(client, officer, unit: str, year: int) -> str:
    client.force_login(officer)
    response = client.post(
        reverse("awards:proposal_create"),
        {"unit": unit, "award_code": "lao_dong_tien_tien", "year": year,
         "occasion": "thuong_xuyen"},
    )  # fmt: skip
    return f"{response.status_code} {response.content.decode()}"


def _api(officer, unit: str, year: int):
    return bearer(officer).post(
        "/api/proposals",
        {"unit": unit, "award_code": "lao_dong_tien_tien", "year": year},
        content_type="application/json",
    )


def test_a_year_without_rules_is_refused_on_both_doors(district, client):
    _district, officer = district

    page = _web(client, officer, "KA", 1990)
    api = _api(officer, "KA", 1990)

    assert "Năm 1990 chưa có bộ quy tắc xét thi đua, khen thưởng" in page
    assert api.status_code == 400
    assert api.json()["errors"][0]["field"] == "year"
    assert "Năm 1990 chưa có bộ quy tắc" in api.json()["detail"]
    assert not Proposal.objects.exists()


def test_a_merged_ward_proposes_on_neither_door(district, client):
    _district, officer = district

    page = _web(client, officer, "NS", 2024)
    api = _api(officer, "NS", 2024)

    assert page.startswith("403")
    assert api.status_code == 403
    assert not Proposal.objects.exists()


def test_a_merged_ward_is_not_proposed_and_its_successor_is_named(district, fake_engine):
    district_unit, officer = district
    proposal = proposals.proposal_create(
        unit=district_unit, award_code="tap_the_lao_dong_xuat_sac", year=2024, by=officer
    )
    ward = proposal.unit.children.get(code="NS")

    with pytest.raises(DomainError, match="đơn vị kế thừa là Phường Kiến An"):
        proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=ward)
