"""Đề nghị khen thưởng over the API: scoped reads, a draft, candidates checked by the law
engine (a refusal answers 400 with the unmet criteria and citations), submit."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from thidua.accounts.tests.factories import officer_of
from thidua.api.tests.clients import bearer
from thidua.awards.models import Candidate, Proposal
from thidua.awards.services import proposals
from thidua.awards.tests.commendation import FakeEngine
from thidua.demo.dossier import SCAN
from thidua.orgs.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

CSTDCS = "chien_si_thi_dua_co_so"
LDTT = "lao_dong_tien_tien"


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    """The law engine's answer, decided by the test (as in the awards tests)."""
    return FakeEngine().install(monkeypatch)


@pytest.fixture
def ns(tree):
    return officer_of(tree[2], username="canbo.ngocson")


def draft(api: Client, unit: str = "NS", code: str = LDTT) -> dict:
    response = api.post(
        "/api/proposals",
        {"unit": unit, "award_code": code, "year": 2024},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    return response.json()


def test_an_officer_creates_a_draft_adds_a_candidate_and_submits(tree, ns, fake_engine):
    # given
    api = bearer(ns)
    person = PersonFactory.create(code="NS-01", unit=tree[2], full_name="Nguyễn Văn Hinh")

    # when
    created = draft(api)
    added = api.post(
        f"/api/proposals/{created['code']}/candidates",
        {"recipient_kind": "individual", "recipient_code": person.code, "achievement": "Tốt"},
        content_type="application/json",
    )
    incomplete = api.post(
        f"/api/proposals/{created['code']}/submit",
        {"reviewing_unit": "KA"},
        content_type="application/json",
    )
    generated = api.post(f"/api/proposals/{created['code']}/dossier")
    minutes = api.post(
        f"/api/proposals/{created['code']}/documents",
        {
            "kind": "bien_ban_hop",
            "file": SimpleUploadedFile("bien-ban.pdf", SCAN, "application/pdf"),
        },
    )
    checklist = api.get(f"/api/proposals/{created['code']}/dossier").json()
    submitted = api.post(
        f"/api/proposals/{created['code']}/submit",
        {"reviewing_unit": "KA"},
        content_type="application/json",
    )

    # then
    assert incomplete.status_code == 400
    assert incomplete.json()["detail"].startswith("Hồ sơ còn thiếu: Tờ trình đề nghị khen thưởng")
    assert generated.status_code == 201
    assert {d["kind"] for d in generated.json()} == {"to_trinh", "bao_cao_thanh_tich"}
    assert minutes.status_code == 201
    assert all(r["present"] for r in checklist)
    assert created["status"] == "draft"
    assert created["title"] == "Đề nghị tặng Lao động tiên tiến năm 2024"
    assert created["unit"] == {"code": "NS", "name": "Phường Ngọc Sơn"}
    assert added.status_code == 201
    assert added.json()["check_status"] == "eligible"
    assert added.json()["criteria"][0]["citation"] == "Khoản 2 Điều 23"
    assert submitted.status_code == 200
    body = submitted.json()
    assert (body["status"], body["reviewing_unit"]["code"]) == ("submitted", "KA")
    assert [c["recipient_name"] for c in body["candidates"]] == ["Nguyễn Văn Hinh"]


def test_an_ineligible_candidate_is_refused_with_the_unmet_criteria_and_citations(
    tree, ns, fake_engine
):
    api = bearer(ns)
    person = PersonFactory.create(code="NS-02", unit=tree[2], full_name="Lê Minh Đức")
    fake_engine.refused = {person.code}
    created = draft(api, code=CSTDCS)

    response = api.post(
        f"/api/proposals/{created['code']}/candidates",
        {"recipient_kind": "individual", "recipient_code": person.code},
        content_type="application/json",
    )

    assert response.status_code == 400
    body = response.json()
    assert body["detail"].startswith("Không thêm Lê Minh Đức vì chưa đủ điều kiện: Đạt danh hiệu")
    assert body["errors"] == [
        {
            "field": "recipient_code",
            "message": "Đạt danh hiệu Lao động tiên tiến trong năm (Khoản 1 Điều 23 Luật Thi "
            "đua, khen thưởng số 06/2022/QH15)",
        }
    ]
    assert not Candidate.objects.exists()


def test_another_units_proposal_is_404_and_its_unit_403(tree, ns, fake_engine):
    bs_officer = officer_of(tree[3], username="canbo.bacson")
    theirs = proposals.proposal_create(unit=tree[3], award_code=LDTT, year=2024, by=bs_officer)
    api = bearer(ns)

    assert api.get(f"/api/proposals/{theirs.code}").status_code == 404
    submit = api.post(f"/api/proposals/{theirs.code}/submit", {}, content_type="application/json")
    assert submit.status_code == 404
    refused = api.post(
        "/api/proposals",
        {"unit": "BS", "award_code": LDTT, "year": 2024},
        content_type="application/json",
    )
    assert refused.status_code == 403
    assert set(refused.json()) == {"detail", "errors"}


def test_the_list_shows_only_the_callers_proposals(tree, ns, fake_engine):
    api = bearer(ns)
    mine = draft(api)
    bs_officer = officer_of(tree[3], username="canbo.bacson")
    proposals.proposal_create(unit=tree[3], award_code=LDTT, year=2024, by=bs_officer)

    listing = api.get("/api/proposals").json()

    assert listing["count"] == 1
    assert [p["code"] for p in listing["items"]] == [mine["code"]]
    assert Proposal.objects.count() == 2
    assert api.get("/api/proposals?status=submitted").json()["count"] == 0


def test_submit_to_a_level_without_authority_is_refused(tree, ns, fake_engine):
    api = bearer(ns)
    person = PersonFactory.create(unit=tree[2])
    created = draft(api)
    api.post(
        f"/api/proposals/{created['code']}/candidates",
        {"recipient_kind": "individual", "recipient_code": person.code},
        content_type="application/json",
    )

    response = api.post(
        f"/api/proposals/{created['code']}/submit",
        {"reviewing_unit": "HP"},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "reviewing_unit"
    assert "Đơn vị “HP” không có thẩm quyền" in response.json()["detail"]
    assert "Chọn: Phường Ngọc Sơn" in response.json()["detail"]


def test_the_schema_names_the_proposal_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]

    for path in ("/api/proposals", "/api/proposals/{code}", "/api/proposals/{code}/submit"):
        assert path in paths, path
    assert "400" in paths["/api/proposals/{code}/candidates"]["post"]["responses"]


def test_the_kind_of_achievement_is_set_on_create_and_a_wrong_one_refused(tree, ns):
    api = bearer(ns)

    made = api.post(
        "/api/proposals",
        {"unit": "NS", "award_code": "giay_khen", "year": 2024, "occasion": "dot_xuat"},
        content_type="application/json",
    )
    usual = draft(api, code="giay_khen")
    wrong = api.post(
        "/api/proposals",
        {"unit": "NS", "award_code": "giay_khen", "year": 2024, "occasion": "bat_ky"},
        content_type="application/json",
    )

    assert (made.json()["occasion"], made.json()["occasion_label"]) == ("dot_xuat", "Đột xuất")
    assert usual["occasion"] == "thuong_xuyen"
    assert wrong.status_code == 422
    assert "occasion" in str(wrong.json())


def test_a_submit_whose_body_is_not_an_object_is_refused_and_the_draft_stays(tree, ns, fake_engine):
    api = bearer(ns)
    created = draft(api)

    response = api.post(
        f"/api/proposals/{created['code']}/submit", "[null,null]", content_type="application/json"
    )

    assert response.status_code == 422
    assert api.get(f"/api/proposals/{created['code']}").json()["status"] == "draft"
