"""The JSON API contract of spec/api.md: tokens, 401, scoping (404 to read, 403 to write),
the error shape, immutability of issued decisions, the schema and the health check."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError
from django.test import Client

from thidua.accounts.models import ApiToken, Role, RoleKind
from thidua.accounts.tests.factories import UserFactory, leader_of, officer_of
from thidua.api.tests.clients import bearer
from thidua.awards.models import Decision
from thidua.awards.tests.factories import issued_award
from thidua.orgs.services import unit_merge
from thidua.orgs.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ward_officer(tree):
    return officer_of(tree[2], username="canbo.ngocson")


def test_every_endpoint_but_the_schema_needs_a_token(client, tree):
    response = client.get("/api/units")

    assert response.status_code == 401
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert "Bearer" in body["detail"]
    assert client.get("/api/openapi.json").status_code == 200


def test_a_wrong_or_revoked_token_is_refused(tree, ward_officer):
    assert Client(headers={"Authorization": "Bearer td_nope"}).get("/api/units").status_code == 401
    api = bearer(ward_officer)
    ApiToken.objects.update(revoked=True)

    assert api.get("/api/units").status_code == 401


def test_a_token_reads_the_units_in_scope_only(tree, ward_officer):
    response = bearer(ward_officer).get("/api/units")

    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert [u["code"] for u in response.json()["items"]] == ["NS"]


def test_another_units_records_are_404_never_403(tree, ward_officer):
    _, _, _, ward_b = tree
    person = PersonFactory.create(unit=ward_b)
    api = bearer(ward_officer)

    for url in (
        "/api/units/BS",
        "/api/units/BS/awards",
        f"/api/people/{person.code}",
        f"/api/people/{person.code}/awards",
        "/api/people?unit=BS",
        "/api/awards?unit=BS",
    ):
        response = api.get(url)
        assert response.status_code == 404, url
        assert response.json()["errors"] == []


def test_people_search_ignores_diacritics_and_hides_other_units(tree, ward_officer):
    _, _, ward_a, ward_b = tree
    PersonFactory.create(unit=ward_a, full_name="Nguyễn Văn Hinh")
    PersonFactory.create(unit=ward_b, full_name="Nguyễn Văn Hinh")

    body = bearer(ward_officer).get("/api/people", {"q": "nguyen van hinh"}).json()

    assert body["count"] == 1
    assert body["items"][0]["full_name"] == "Nguyễn Văn Hinh"
    assert body["items"][0]["unit"]["code"] == "NS"


def test_award_counts_never_include_other_units(tree, ward_officer):
    _, _, ward_a, ward_b = tree
    issued_award(PersonFactory.create(unit=ward_a), year=2023)
    issued_award(PersonFactory.create(unit=ward_b), year=2023)
    issued_award(ward_b, code="tap_the_lao_dong_tien_tien", year=2023)

    body = bearer(ward_officer).get("/api/awards", {"year": 2023}).json()

    assert body["count"] == 1
    award = body["items"][0]
    assert award["code"] == "lao_dong_tien_tien"
    assert award["name"] == "Lao động tiên tiến"
    assert award["decision"]["status"] == "issued"


def test_a_merged_units_page_carries_its_predecessors_awards(tree):
    _, district, ward_a, ward_b = tree
    issued_award(ward_a, code="tap_the_lao_dong_xuat_sac", year=2023)
    merged = unit_merge(
        predecessors=[ward_a, ward_b],
        code="PKA",
        name="Phường Kiến An",
        kind="xa",
        parent=district,
        effective_date=date(2025, 7, 1),
    )
    api = bearer(officer_of(merged))

    unit = api.get("/api/units/PKA").json()
    awards = api.get("/api/units/PKA/awards").json()

    assert {u["code"] for u in unit["predecessors"]} == {"NS", "BS"}
    assert [a["recipient_code"] for a in awards["items"]] == ["NS"]


def draft_payload(**overrides):
    payload = {
        "origin": "recorded",
        "number": "12/QĐ-UBND",
        "date": "2024-01-15",
        "issuing_body": "UBND phường Ngọc Sơn",
        "issuing_unit": "NS",
        "signer_name": "Nguyễn Văn Ký",
    }
    return payload | overrides


def test_an_officer_drafts_fills_and_issues_a_decision(tree, ward_officer):
    _, _, ward_a, _ = tree
    person = PersonFactory.create(unit=ward_a)
    api = bearer(ward_officer)

    created = api.post("/api/decisions", draft_payload(), content_type="application/json")
    pk = created.json()["id"]
    added = api.post(
        f"/api/decisions/{pk}/awards",
        {
            "code": "lao_dong_tien_tien",
            "year": 2023,
            "recipient_kind": "individual",
            "recipient_code": person.code,
        },
        content_type="application/json",
    )
    issued = api.post(f"/api/decisions/{pk}/issue")

    assert created.status_code == 201
    assert added.status_code == 201
    assert issued.status_code == 200
    assert issued.json()["status"] == "issued"
    assert issued.json()["records"] == 1


def test_an_issued_decision_refuses_every_change_through_the_api(tree, ward_officer):
    api = bearer(ward_officer)
    pk = api.post("/api/decisions", draft_payload(), content_type="application/json").json()["id"]
    api.post(
        f"/api/decisions/{pk}/awards",
        {"code": "giay_khen", "year": 2023, "recipient_kind": "collective", "recipient_code": "NS"},
        content_type="application/json",
    )
    assert api.post(f"/api/decisions/{pk}/issue").status_code == 200

    edit = api.patch(f"/api/decisions/{pk}", {"number": "99/QĐ"}, content_type="application/json")
    delete = api.delete(f"/api/decisions/{pk}")
    add = api.post(
        f"/api/decisions/{pk}/awards",
        {
            "code": "tap_the_lao_dong_tien_tien",
            "year": 2023,
            "recipient_kind": "collective",
            "recipient_code": "NS",
        },
        content_type="application/json",
    )

    assert (edit.status_code, delete.status_code, add.status_code) == (409, 409, 409)
    assert "đã ban hành" in edit.json()["detail"]
    assert Decision.objects.get(pk=pk).number == "12/QĐ-UBND"


def test_writing_for_another_unit_is_403(tree, ward_officer):
    api = bearer(ward_officer)

    response = api.post(
        "/api/decisions", draft_payload(issuing_unit="BS"), content_type="application/json"
    )

    assert response.status_code == 403
    assert Decision.objects.count() == 0


def test_a_leader_reads_but_cannot_write(tree):
    _, district, _, _ = tree
    api = bearer(leader_of(district))

    assert api.get("/api/units").json()["count"] == 3
    response = api.post("/api/decisions", draft_payload(), content_type="application/json")
    assert response.status_code == 403


def test_bad_input_names_the_field(tree, ward_officer):
    api = bearer(ward_officer)

    response = api.post(
        "/api/decisions", draft_payload(date="31/02/2024"), content_type="application/json"
    )

    assert response.status_code == 422
    body = response.json()
    assert body["errors"][0]["field"] == "date"
    assert body["errors"][0]["message"].startswith("Ngày không hợp lệ")


def test_a_refused_service_call_is_400_with_the_field(tree, ward_officer):
    _, _, _, ward_b = tree
    outsider = PersonFactory.create(unit=ward_b)
    api = bearer(ward_officer)
    pk = api.post("/api/decisions", draft_payload(), content_type="application/json").json()["id"]

    response = api.post(
        f"/api/decisions/{pk}/awards",
        {
            "code": "lao_dong_tien_tien",
            "year": 2023,
            "recipient_kind": "individual",
            "recipient_code": outsider.code,
        },
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "recipient_code", "message": response.json()["detail"]}
    ]


def test_the_session_of_the_browser_also_works(client, tree, ward_officer):
    client.force_login(ward_officer)

    assert client.get("/api/me").json()["username"] == "canbo.ngocson"


def test_the_schema_lists_every_endpoint_with_its_errors(client):
    schema = client.get("/api/openapi.json").json()

    assert schema["openapi"].startswith("3.")
    for path in ("/api/units", "/api/people/{code}", "/api/awards", "/api/decisions/{pk}"):
        assert path in schema["paths"], path
    responses = schema["paths"]["/api/units/{code}"]["get"]["responses"]
    assert {"200", "401", "404"} <= set(responses)


def test_token_create_prints_a_token_that_works(tree, ward_officer):
    out = StringIO()
    call_command("token", "create", "canbo.ngocson", stdout=out, stderr=StringIO())
    token = out.getvalue().strip()

    api = Client(headers={"Authorization": f"Bearer {token}"})
    assert api.get("/api/me").status_code == 200
    assert ApiToken.objects.get().digest != token


def test_token_create_for_an_unknown_user_exits_2(tree):
    with pytest.raises(CommandError) as refused:
        call_command("token", "create", "khong.co", stdout=StringIO(), stderr=StringIO())

    assert refused.value.returncode == 2
    assert "khong.co" in str(refused.value)


def test_the_administrator_sees_everything(tree):
    admin = UserFactory.create()
    Role.objects.create(user=admin, kind=RoleKind.ADMIN)

    assert bearer(admin).get("/api/units").json()["count"] == 4


def test_health_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_answers_503_when_the_database_does_not(client, monkeypatch):
    from thidua.api import health

    class Broken:
        def cursor(self):
            raise DatabaseError("down")

    monkeypatch.setattr(health, "connection", Broken())

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "error"


def test_the_api_docs_load_nothing_from_the_internet(client):
    page = client.get("/api/docs").content.decode()

    assert "swagger-ui-bundle.js" in page
    assert "cdn." not in page
    assert "https://" not in page
