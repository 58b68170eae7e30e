"""``GET /api/eligibility`` and ``GET /api/people/{code}/eligibility``: the engine's verdicts
with their articles, through the caller's scope (404 outside it), errors in the API's shape."""

from __future__ import annotations

import pytest
from django.test import Client

from thidua.accounts.models import Role, RoleKind
from thidua.accounts.tests.factories import UserFactory, officer_of
from thidua.api.tests.clients import bearer
from thidua.awards.tests.eligibility_data import Tree, build_tree
from thidua.awards.tests.factories import issued_award
from thidua.awards.tests.local_rules import set_local_rules
from thidua.orgs.choices import Rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree() -> Tree:
    return build_tree()


@pytest.fixture
def api(tree: Tree) -> Client:
    return bearer(officer_of(tree.ward, username="canbo.ngocson"))


def subject(body: dict, code: str) -> dict:
    return next(s for s in body["subjects"] if s["code"] == code)


def test_the_unit_scan_lists_the_eligible_and_those_one_short(api):
    response = api.get("/api/eligibility", {"unit": "NS", "year": 2024})

    assert response.status_code == 200
    body = response.json()
    assert body["year"] == 2024
    assert body["rule_set"] == "luat-2022"
    assert body["unit"] == {"code": "NS", "name": "Phường Ngọc Sơn"}
    mai = subject(body, "NS-0001")
    assert mai["kind"] == "individual"
    assert mai["unit"] == {"code": "NS", "name": "Phường Ngọc Sơn"}
    title = next(v for v in mai["eligible"] if v["code"] == "chien_si_thi_dua_co_so")
    assert title["kind"] == "danh_hieu"
    assert title["eligible"] is True
    assert title["missing"] == []
    assert all(c["met"] and c["citation"] for c in title["criteria"])
    assert title["to_confirm"]
    binh = subject(body, "NS-0002")
    short = next(v for v in binh["one_short"] if v["code"] == "chien_si_thi_dua_co_so")
    assert short["eligible"] is False
    assert [c["citation"] for c in short["missing"]] == [
        "Khoản 2 Điều 23 Luật Thi đua, khen thưởng số 06/2022/QH15"
    ]
    assert "BS-0001" not in {s["code"] for s in body["subjects"]}


def test_an_eligible_form_already_decided_or_ruled_out_says_so(api, tree):
    issued_award(tree.mai, code="lao_dong_tien_tien", year=2024)
    issued_award(tree.mai, code="bang_khen_tinh", year=2024)
    set_local_rules("HP", giay_khen_min_rating=Rating.TOT.value)

    body = api.get("/api/eligibility", {"unit": "NS", "year": 2024}).json()

    standing = {v["code"]: v["standing"] for v in subject(body, "NS-0001")["eligible"]}
    assert standing["lao_dong_tien_tien"] == "Đã có quyết định"
    assert standing["giay_khen"] == "Đã có Bằng khen của Bộ, ban, ngành, tỉnh"
    assert standing["chien_si_thi_dua_co_so"] == ""  # a title beside a form is allowed


def test_the_form_and_search_narrow_the_answer(api):
    body = api.get(
        "/api/eligibility",
        {"unit": "NS", "year": 2024, "form": "lao_dong_tien_tien", "q": "nguyen thi mai"},
    ).json()

    assert [s["code"] for s in body["subjects"]] == ["NS-0001"]
    assert [v["code"] for v in body["subjects"][0]["eligible"]] == ["lao_dong_tien_tien"]
    assert body["subjects"][0]["one_short"] == []


def test_another_ward_and_an_unknown_unit_are_404(api):
    for unit in ("BS", "KHONG-CO"):
        response = api.get("/api/eligibility", {"unit": unit, "year": 2024})

        assert response.status_code == 404
        assert response.json() == {"detail": "Không tìm thấy đơn vị.", "errors": []}


def test_the_administrator_scans_every_unit(tree):
    admin = UserFactory.create(username="quantri", is_superuser=True)
    Role.objects.create(user=admin, kind=RoleKind.ADMIN)

    query: dict[str, str | int] = {"unit": "KA", "year": 2024}
    body = bearer(admin).get("/api/eligibility", query).json()

    assert {"NS-0001", "NS-0002", "BS-0001"} <= {s["code"] for s in body["subjects"]}


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"unit": "NS"}, "year", "Thiếu trường bắt buộc."),
        ({"unit": "NS", "year": "hai"}, "year", "Phải là số nguyên."),
        (
            {"unit": "NS", "year": 1990},
            "year",
            "Năm 1990 chưa có bộ quy tắc xét thi đua, khen thưởng",
        ),
        (
            {"unit": "NS", "year": 2024, "form": "bang_khen_gia"},
            "form",
            "Không có danh hiệu thi đua, hình thức khen thưởng mã “bang_khen_gia”.",
        ),
        ({"unit": "NS", "year": 2024, "kind": "ca_nhan"}, "kind", "Đối tượng phải là"),
    ],
)
def test_invalid_input_is_422_naming_the_field(api, query: dict[str, str | int], field, message):
    response = api.get("/api/eligibility", query)

    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Dữ liệu gửi lên không hợp lệ."
    assert body["errors"][0]["field"] == field
    assert body["errors"][0]["message"].startswith(message)


def test_a_persons_verdicts_and_next_steps(api, tree):
    response = api.get(f"/api/people/{tree.binh.code}/eligibility", {"year": 2024})

    assert response.status_code == 200
    body = response.json()
    assert body["person"] == {
        "code": "NS-0002",
        "full_name": "Trần Văn Bình",
        "unit": {"code": "NS", "name": "Phường Ngọc Sơn"},
    }
    assert body["year"] == 2024
    verdicts = {v["code"]: v for v in body["results"]}
    assert verdicts["lao_dong_tien_tien"]["eligible"] is True
    assert verdicts["chien_si_thi_dua_co_so"]["eligible"] is False
    first = body["next_steps"][0]
    assert first["code"] == "chien_si_thi_dua_co_so"
    assert first["earliest_year"] == 2025
    assert first["missing"][0]["citation"].startswith("Khoản 2 Điều 23")


def test_a_persons_year_defaults_to_the_latest_assessed(api, tree):
    assert api.get(f"/api/people/{tree.binh.code}/eligibility").json()["year"] == 2024


def test_a_person_of_another_ward_is_404(api, tree):
    response = api.get(f"/api/people/{tree.hoa.code}/eligibility")

    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy cá nhân.", "errors": []}


def test_no_token_is_401(client, tree):
    assert client.get("/api/eligibility", {"unit": "NS", "year": 2024}).status_code == 401


def test_the_schema_documents_the_bodies_and_the_errors(client):
    schema = client.get("/api/openapi.json").json()

    for path in ("/api/eligibility", "/api/people/{code}/eligibility"):
        responses = schema["paths"][path]["get"]["responses"]
        assert {"200", "401", "404", "422"} <= set(responses)
        assert responses["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")
    parameters = {p["name"] for p in schema["paths"]["/api/eligibility"]["get"]["parameters"]}
    assert {"unit", "year", "form", "kind", "q"} <= parameters
    verdict = schema["components"]["schemas"]["VerdictOut"]["properties"]
    assert {"criteria", "missing", "to_confirm", "other_grounds", "decider"} <= set(verdict)
