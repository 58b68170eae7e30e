"""The emulation cycle through the JSON API: each endpoint, its scoping (404 to read outside,
403 to write), the reason a change after sending needs, and the lock of a published ranking
(409)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from thidua.api.tests.clients import bearer
from thidua.emulation.choices import RegistrationStatus, ScoreSheetStatus
from thidua.emulation.models import Movement, Registration, ScoreChange, ScoreSheet
from thidua.emulation.services import registration_create, reviewers_assign
from thidua.emulation.tests.factories import WardYear, pdf, ward_year
from thidua.orgs.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

BASE = "/api/emulation"
CLUSTER = f"{BASE}/clusters/CUM-KA-PHUONG/2025"


@pytest.fixture
def year() -> WardYear:
    return ward_year()


@pytest.fixture
def other() -> WardYear:
    """Another city's cluster: its officers see nothing of Kiến An's."""
    return ward_year(city="HN")


def api(year: WardYear, who: str) -> Client:
    return bearer(year.officers[who])


def scored(year: WardYear) -> WardYear:
    """Every ward signed, scored itself and was reviewed (one point apart per ward)."""
    year.sign_all()
    for short in year.wards:
        year.self_score(short)
    reviewers_assign(covenant=year.covenant, by=year.officers["KA"])
    for index, short in enumerate(year.wards):
        for review in year.covenant.score_sheets.filter(
            unit=year.ward(short), reviewer__isnull=False
        ):
            year.review(review, Decimal(index))
    return year


# Authentication and the schema ------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", f"{BASE}/clusters"),
        ("get", CLUSTER),
        ("get", f"{CLUSTER}/covenant"),
        ("post", f"{CLUSTER}/covenant/signatures"),
        ("get", f"{BASE}/movements"),
        ("post", f"{BASE}/movements"),
        ("get", f"{BASE}/registrations"),
        ("post", f"{BASE}/registrations/1/approve"),
        ("get", f"{BASE}/sheets/1"),
        ("put", f"{BASE}/sheets/1/lines/1"),
        ("get", f"{CLUSTER}/ranking"),
        ("post", f"{CLUSTER}/ranking/publish"),
        ("get", f"{BASE}/nominations"),
    ],
)
def test_every_emulation_endpoint_needs_a_token(client, method, url):
    response = getattr(client, method)(url, content_type="application/json")

    assert response.status_code == 401
    assert set(response.json()) == {"detail", "errors"}


def test_the_schema_lists_every_emulation_endpoint_with_bodies_and_errors(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    operations = {
        (method, path): op
        for path, ops in paths.items()
        if path.startswith("/api/emulation/")
        for method, op in ops.items()
    }

    assert len(operations) == 34
    for (method, path), op in operations.items():
        codes = set(op["responses"])
        assert {"401", "404", "422"} <= codes, path
        if method != "get":
            assert {"400", "403", "409"} <= codes, path
        success = next(c for c in codes if c.startswith("2"))
        assert "content" in op["responses"][success], path
    bodies = {path for (method, path), op in operations.items() if "requestBody" in op}
    assert "/api/emulation/sheets/{pk}/lines/{criterion}" in bodies
    assert "/api/emulation/registrations/{pk}/return" in bodies
    assert "/api/emulation/clusters/{code}/{year}/covenant/signatures" in bodies
    line = paths["/api/emulation/sheets/{pk}/lines/{criterion}"]["put"]
    schema = line["requestBody"]["content"]["application/json"]["schema"]
    assert schema["$ref"].endswith("/LineIn")


# Clusters ---------------------------------------------------------------------------------


def test_a_ward_lists_its_cluster_with_leader_and_deputy(year, other):
    response = api(year, "NS").get(f"{BASE}/clusters?year=2025")

    assert response.status_code == 200
    assert response.json()["count"] == 1
    row = response.json()["items"][0]
    assert (row["code"], row["kind"], row["organiser_level"]) == ("CUM-KA-PHUONG", "cum", "huyen")
    assert row["leader"]["name"] == "Phường Trần Thành Ngọ"
    assert row["deputy"]["name"] == "Phường Văn Đẩu"
    assert row["member_count"] == 4


def test_a_clusters_page_has_its_members_and_leader_history(year):
    response = api(year, "KA").get(CLUSTER)

    assert response.status_code == 200
    body = response.json()
    assert [m["unit"]["code"] for m in body["members"]] == [
        "HP-KA-NS",
        "HP-KA-TTN",
        "HP-KA-VD",
        "HP-KA-BS",
    ]
    assert [m["role"] for m in body["members"]] == ["member", "leader", "deputy", "member"]
    assert body["leader_history"] == [
        {
            "year": 2025,
            "leader": {"code": "HP-KA-TTN", "name": "Phường Trần Thành Ngọ"},
            "deputy": {"code": "HP-KA-VD", "name": "Phường Văn Đẩu"},
            "reason": "Theo quyết định thành lập",
        }
    ]
    assert body["rules"]["reviewers_per_member"] == 2
    assert body["has_covenant"] is True


def test_another_citys_cluster_is_404_and_never_listed(year, other):
    outsider = api(other, "NS")

    assert outsider.get(CLUSTER).status_code == 404
    assert outsider.get(f"{CLUSTER}/covenant").status_code == 404
    assert outsider.get(f"{CLUSTER}/ranking").status_code == 404
    assert outsider.get(f"{CLUSTER}/sheets").status_code == 404
    codes = [c["code"] for c in outsider.get(f"{BASE}/clusters").json()["items"]]
    assert codes == ["CUM-HN"]


# Movements --------------------------------------------------------------------------------


def movement_body(**overrides):
    return {
        "name": "Phong trào thi đua “Chung sức xây dựng phường văn minh”",
        "year": 2025,
        "launched_by": "HP-KA",
        "scope": ["HP-KA"],
        "start": "2025-03-01",
        "end": "2025-12-31",
        **overrides,
    }


def test_a_district_drafts_and_launches_a_movement_its_wards_then_see(year):
    district, ward = api(year, "KA"), api(year, "NS")

    created = district.post(f"{BASE}/movements", movement_body(), content_type="application/json")

    assert created.status_code == 201
    pk = created.json()["id"]
    assert created.json()["status"] == "draft"
    assert created.json()["next_status"] == "launched"
    assert created.json()["scope"] == [{"code": "HP-KA", "name": "Quận Kiến An"}]
    assert ward.get(f"{BASE}/movements/{pk}").status_code == 404
    launched = district.post(
        f"{BASE}/movements/{pk}/advance", {"to": "launched"}, content_type="application/json"
    )
    assert launched.status_code == 200
    assert launched.json()["status_label"] == "Đã phát động"
    assert ward.get(f"{BASE}/movements/{pk}").status_code == 200
    assert [m["id"] for m in ward.get(f"{BASE}/movements?year=2025").json()["items"]] == [pk]


def test_a_ward_cannot_move_the_districts_movement_nor_skip_a_stage(year):
    created = api(year, "KA").post(
        f"{BASE}/movements", movement_body(), content_type="application/json"
    )
    pk = created.json()["id"]
    api(year, "KA").post(
        f"{BASE}/movements/{pk}/advance", {"to": "launched"}, content_type="application/json"
    )

    by_ward = api(year, "NS").post(
        f"{BASE}/movements/{pk}/advance", {"to": "registration"}, content_type="application/json"
    )
    skipped = api(year, "KA").post(
        f"{BASE}/movements/{pk}/advance", {"to": "final"}, content_type="application/json"
    )

    assert by_ward.status_code == 403
    assert skipped.status_code == 400
    assert "Đăng ký thi đua" in skipped.json()["detail"]
    assert Movement.objects.get(pk=pk).status == "launched"


def test_launching_for_another_unit_is_403_and_bad_dates_are_400(year):
    ward = api(year, "NS")

    foreign = ward.post(f"{BASE}/movements", movement_body(), content_type="application/json")
    unknown = ward.post(
        f"{BASE}/movements", movement_body(launched_by="NOPE"), content_type="application/json"
    )
    dates = api(year, "KA").post(
        f"{BASE}/movements",
        movement_body(start="2025-12-31", end="2025-01-01"),
        content_type="application/json",
    )
    scope = api(year, "KA").post(
        f"{BASE}/movements", movement_body(scope=["NOPE"]), content_type="application/json"
    )

    assert (foreign.status_code, unknown.status_code) == (403, 403)
    assert dates.status_code == 400
    assert dates.json()["errors"] == [
        {"field": "end", "message": "Ngày kết thúc phải sau ngày bắt đầu phong trào."}
    ]
    assert scope.status_code == 400
    assert scope.json()["errors"][0]["field"] == "scope"
    assert not Movement.objects.exists()


# Covenant ---------------------------------------------------------------------------------


def test_the_covenant_is_a_tree_of_criteria_with_maximum_points(year):
    response = api(year, "NS").get(f"{CLUSTER}/covenant")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "open"
    assert [c["number"] for c in body["criteria"]] == ["I", "II", "III"]
    group = body["criteria"][0]
    assert (group["kind"], group["max_points"]) == ("group", "100.00")
    assert [(c["number"], c["max_points"]) for c in group["children"]] == [
        ("1", "20.00"),
        ("2", "20.00"),
        ("3", "20.00"),
        ("4", "10.00"),
        ("5", "15.00"),
        ("6", "15.00"),
    ]
    assert body["criteria"][1]["kind"] == "bonus"
    assert Decimal(body["maximum"]) == Decimal(105)
    assert len(body["unsigned"]) == 4
    assert body["signatures"] == []


def test_a_ward_signs_for_itself_only(year):
    ward = api(year, "NS")

    own = ward.post(
        f"{CLUSTER}/covenant/signatures",
        {"unit": "HP-KA-NS", "signer_name": "Nguyễn Văn A", "signer_title": "Chủ tịch UBND"},
        content_type="application/json",
    )
    other = ward.post(
        f"{CLUSTER}/covenant/signatures",
        {"unit": "HP-KA-BS", "signer_name": "Nguyễn Văn A"},
        content_type="application/json",
    )
    again = ward.post(
        f"{CLUSTER}/covenant/signatures",
        {"unit": "HP-KA-NS", "signer_name": "Nguyễn Văn A"},
        content_type="application/json",
    )

    assert own.status_code == 201
    assert own.json()["unit"]["code"] == "HP-KA-NS"
    assert own.json()["signer_name"] == "Nguyễn Văn A"
    assert other.status_code == 403
    assert again.status_code == 400
    covenant = ward.get(f"{CLUSTER}/covenant").json()
    assert [s["unit"]["code"] for s in covenant["signatures"]] == ["HP-KA-NS"]
    assert len(covenant["unsigned"]) == 3


def test_signing_without_a_name_is_400_on_that_field(year):
    response = api(year, "NS").post(
        f"{CLUSTER}/covenant/signatures",
        {"unit": "HP-KA-NS", "signer_name": "  "},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "signer_name"


# Registrations ----------------------------------------------------------------------------


def register(client: Client, **overrides):
    body = {"year": 2025, "unit": "HP-KA-NS", "target": "tap_the_lao_dong_tien_tien"}
    return client.post(
        f"{BASE}/registrations", {**body, **overrides}, content_type="application/json"
    )


def test_a_ward_registers_and_the_district_approves(year):
    created = register(api(year, "NS"))

    assert created.status_code == 201
    pk = created.json()["id"]
    assert created.json()["status"] == "submitted"
    assert created.json()["target_name"] == "Tập thể lao động tiên tiến"
    own = api(year, "NS").post(f"{BASE}/registrations/{pk}/approve")
    approved = api(year, "KA").post(f"{BASE}/registrations/{pk}/approve")

    assert own.status_code == 403  # a unit's registration is decided by the level above
    assert approved.status_code == 200
    assert approved.json()["status"] == "approved"
    assert api(year, "NS").get(f"{BASE}/registrations/{pk}").json()["status_label"] == "Đã duyệt"


def test_returning_needs_a_reason_and_the_ward_sends_again(year):
    pk = register(api(year, "NS")).json()["id"]
    district = api(year, "KA")

    blank = district.post(
        f"{BASE}/registrations/{pk}/return", {"reason": " "}, content_type="application/json"
    )
    returned = district.post(
        f"{BASE}/registrations/{pk}/return",
        {"reason": "Thiếu báo cáo thành tích"},
        content_type="application/json",
    )
    again = api(year, "NS").post(f"{BASE}/registrations/{pk}/submit")

    assert blank.status_code == 400
    assert blank.json()["errors"][0]["field"] == "reason"
    assert returned.status_code == 200
    assert returned.json()["return_reason"] == "Thiếu báo cáo thành tích"
    assert again.status_code == 200
    assert again.json()["status"] == "submitted"


def test_registrations_are_scoped_and_a_person_registers_through_their_unit(year, other):
    person = PersonFactory.create(unit=year.ward("NS"))
    mine = register(api(year, "NS"), person=person.code, target="lao_dong_tien_tien")
    registration_create(
        by=year.officers["BS"], year=2025, unit=year.ward("BS"), target="tap_the_lao_dong_tien_tien"
    )
    draft = register(api(year, "NS"), submit=False)

    assert mine.status_code == 201
    assert mine.json()["person"] == {"code": person.code, "full_name": person.full_name}
    assert draft.json()["status"] == "draft"
    listed = api(year, "NS").get(f"{BASE}/registrations?year=2025").json()
    assert listed["count"] == 2
    assert {r["unit"]["code"] for r in listed["items"]} == {"HP-KA-NS"}
    assert api(year, "KA").get(f"{BASE}/registrations?year=2025").json()["count"] == 3
    assert api(year, "KA").get(f"{BASE}/registrations?year=2025&unit=HP-KA-BS").json()["count"] == 1
    bs = Registration.objects.get(unit=year.ward("BS"))
    assert api(year, "NS").get(f"{BASE}/registrations/{bs.pk}").status_code == 404
    assert api(other, "NS").get(f"{BASE}/registrations/{mine.json()['id']}").status_code == 404
    assert api(year, "NS").get(f"{BASE}/registrations?unit=HP-KA-BS").status_code == 404


def test_registering_another_unit_is_403_and_a_form_of_commendation_400(year):
    foreign = register(api(year, "NS"), unit="HP-KA-BS")
    form = register(api(year, "NS"), target="bang_khen_tinh")
    stranger = register(api(year, "NS"), person="KHONG-CO")

    assert foreign.status_code == 403
    assert form.status_code == 400
    assert form.json()["errors"][0]["field"] == "target"
    assert stranger.status_code == 400
    assert stranger.json()["errors"][0]["field"] == "person"
    assert not Registration.objects.filter(status=RegistrationStatus.SUBMITTED).exists()


# Scoring ----------------------------------------------------------------------------------


def put_line(client: Client, sheet: int, criterion: int, **body):
    return client.put(
        f"{BASE}/sheets/{sheet}/lines/{criterion}", body, content_type="application/json"
    )


def test_a_ward_scores_itself_criterion_by_criterion_and_sends(year):
    year.sign_all()
    ward = api(year, "NS")

    started = ward.post(f"{CLUSTER}/sheets", {"unit": "HP-KA-NS"}, content_type="application/json")

    assert started.status_code == 201
    sheet = started.json()["id"]
    assert started.json()["reviewer"] is None
    early = ward.post(f"{BASE}/sheets/{sheet}/submit")
    assert early.status_code == 400
    assert "Chưa nhập điểm" in early.json()["detail"]
    for c in year.items:
        assert put_line(ward, sheet, c.pk, points=str(c.max_points - 1)).status_code == 200
    put_line(ward, sheet, year.bonus.pk, points="2", note="Mô hình “Phường xanh”")
    put_line(ward, sheet, year.penalty.pk, points=0)
    too_many = put_line(ward, sheet, year.items[0].pk, points="25")
    sent = ward.post(f"{BASE}/sheets/{sheet}/submit")

    assert too_many.status_code == 400
    assert too_many.json()["errors"][0]["field"] == str(year.items[0].pk)
    assert sent.status_code == 200
    body = sent.json()
    assert body["status"] == "submitted"
    assert Decimal(body["totals"]["total"]) == Decimal(96)
    assert [line["number"] for line in body["lines"]] == ["1", "2", "3", "4", "5", "6", "II", "III"]
    assert body["lines"][6]["note"] == "Mô hình “Phường xanh”"


def test_a_change_after_sending_needs_a_reason_and_is_kept(year):
    year.sign_all()
    sheet = year.self_score("NS")
    ward = api(year, "NS")
    first = year.items[0]

    silent = put_line(ward, sheet.pk, first.pk, points="15")
    changed = put_line(ward, sheet.pk, first.pk, points="15", reason="Sửa theo biên bản giải trình")

    assert silent.status_code == 400
    assert silent.json()["errors"] == [
        {"field": "reason", "message": "Điểm đã gửi chỉ thay đổi được khi có lý do."}
    ]
    assert changed.status_code == 200
    line = changed.json()["lines"][0]
    assert line["points"] == "15.00"
    assert [(c["old_points"], c["new_points"], c["reason"]) for c in line["changes"]] == [
        ("20.00", "15.00", "Sửa theo biên bản giải trình")
    ]
    assert ScoreChange.objects.count() == 1


def test_a_sheet_is_404_outside_and_403_to_a_reader_who_may_not_write(year, other):
    year.sign_all()
    sheet = year.self_score("NS")
    reviewers_assign(covenant=year.covenant, by=year.officers["KA"])
    review = ScoreSheet.objects.get(unit=year.ward("NS"), reviewer=year.ward("VD"))
    first = year.items[0].pk

    assert api(other, "NS").get(f"{BASE}/sheets/{sheet.pk}").status_code == 404
    assert api(year, "BS").get(f"{BASE}/sheets/{sheet.pk}").status_code == 404
    assert put_line(api(year, "BS"), sheet.pk, first, points=1, reason="x").status_code == 404
    # The reviewer (the deputy, not a manager) reads the ward's own sheet but writes only
    # its review.
    reviewer = api(year, "VD")
    assert reviewer.get(f"{BASE}/sheets/{sheet.pk}").status_code == 200
    assert put_line(reviewer, sheet.pk, first, points=1, reason="x").status_code == 403
    assert put_line(reviewer, review.pk, first, points=19).status_code == 200
    assert put_line(api(year, "NS"), review.pk, first, points=20).status_code == 404
    listed = {s["id"] for s in reviewer.get(f"{CLUSTER}/sheets").json()}
    assert {sheet.pk, review.pk} <= listed
    assert not listed & set(
        ScoreSheet.objects.filter(reviewer=year.ward("NS"), status="draft").values_list(
            "pk", flat=True
        )
    )


def test_starting_a_sheet_for_another_ward_is_403_and_before_signing_400(year):
    ward = api(year, "NS")

    foreign = ward.post(f"{CLUSTER}/sheets", {"unit": "HP-KA-BS"}, content_type="application/json")
    unsigned = ward.post(f"{CLUSTER}/sheets", {"unit": "HP-KA-NS"}, content_type="application/json")

    assert foreign.status_code == 403
    assert unsigned.status_code == 400
    assert not ScoreSheet.objects.exists()


def test_evidence_is_checked_by_content_and_kept(year):
    year.sign_all()
    ward = api(year, "NS")
    sheet = ward.post(f"{CLUSTER}/sheets", {"unit": "HP-KA-NS"}, content_type="application/json")
    pk, first = sheet.json()["id"], year.items[0].pk

    good = ward.post(f"{BASE}/sheets/{pk}/lines/{first}/evidence", {"file": pdf()})
    fake = SimpleUploadedFile("gia-mao.pdf", b"MZ not a pdf", content_type="application/pdf")
    bad = ward.post(f"{BASE}/sheets/{pk}/lines/{first}/evidence", {"file": fake})

    assert good.status_code == 200
    assert good.json()["lines"][0]["has_evidence"] is True
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == str(first)


def test_the_manager_assigns_reviews_and_a_reviewer_recuses(year):
    year.sign_all()
    for short in year.wards:
        year.self_score(short)

    by_ward = api(year, "NS").post(f"{CLUSTER}/reviewers")
    assigned = api(year, "KA").post(f"{CLUSTER}/reviewers")

    assert by_ward.status_code == 403
    assert assigned.status_code == 200
    assert len(assigned.json()) == 8
    review = ScoreSheet.objects.get(unit=year.ward("NS"), reviewer=year.ward("TTN"))
    recused = api(year, "TTN").post(
        f"{BASE}/sheets/{review.pk}/recuse",
        {"reason": "Chủ tịch hai phường là anh em ruột"},
        content_type="application/json",
    )
    assert recused.status_code == 200
    assert recused.json()["replacement"]["reviewer"]["code"] == "HP-KA-BS"
    review.refresh_from_db()
    assert review.status == ScoreSheetStatus.RECUSED


# Ranking and nominations ------------------------------------------------------------------


def test_the_ranking_previews_then_publishes_and_locks_every_score(year, other):
    scored(year)
    ward, leader = api(year, "NS"), api(year, "TTN")
    sheet = ScoreSheet.objects.get(unit=year.ward("NS"), reviewer__isnull=True)

    preview = ward.get(f"{CLUSTER}/ranking").json()
    refused = ward.post(f"{CLUSTER}/ranking/publish")
    published = leader.post(f"{CLUSTER}/ranking/publish")
    change = put_line(ward, sheet.pk, year.items[0].pk, points="1", reason="Sau công bố")
    twice = leader.post(f"{CLUSTER}/ranking/publish")

    assert (preview["published"], preview["complete"]) == (False, True)
    assert refused.status_code == 403
    assert published.status_code == 200
    body = published.json()
    assert body["published"] is True
    assert [r["unit"]["code"] for r in body["rows"]] == [
        "HP-KA-NS",
        "HP-KA-TTN",
        "HP-KA-VD",
        "HP-KA-BS",
    ]
    assert [r["rank"] for r in body["rows"]] == [1, 2, 3, 4]
    assert body["rows"][0]["award"].startswith("Cờ thi đua")
    assert change.status_code == 409
    assert "đã khóa" in change.json()["detail"]
    assert twice.status_code == 409
    assert ward.get(f"{BASE}/sheets/{sheet.pk}").json()["status"] == "locked"


def test_nominations_carry_their_basis_and_stay_in_scope(year, other):
    scored(year)
    api(year, "KA").post(f"{CLUSTER}/ranking/publish")

    response = api(year, "VD").get(f"{BASE}/nominations?year=2025")

    assert response.status_code == 200
    rows = response.json()["items"]
    assert [(r["unit"]["code"], r["award"], r["basis"]) for r in rows[:1]] == [
        ("HP-KA-NS", "co_thi_dua_tinh", "Đơn vị dẫn đầu cụm thi đua")
    ]
    assert all(r["cluster"] == "CUM-KA-PHUONG" and r["year"] == 2025 for r in rows)
    assert rows[0]["citation"]
    assert rows[0]["award_name"] == "Cờ thi đua của Ủy ban nhân dân thành phố HP"
    assert api(other, "NS").get(f"{BASE}/nominations").json()["count"] == 0
    assert api(year, "VD").get(f"{BASE}/nominations?year=2024").json()["count"] == 0


# The covenant as a checked tree, the conference, a correction (same services as the page) -


def test_the_draft_is_edited_through_the_api_and_an_overfull_group_is_400(year):
    district = api(year, "KA")
    reopened = district.post(
        f"{CLUSTER}/covenant/reopen", {"reason": "Sửa chỉ tiêu"}, content_type="application/json"
    )
    item = year.items[0]

    edited = district.put(
        f"{CLUSTER}/covenant/criteria/{item.pk}",
        {"number": "1", "text": "Thu ngân sách năm 2025", "max_points": "15",
         "parent": year.group.pk},
        content_type="application/json",
    )  # fmt: skip
    overfull = district.post(
        f"{CLUSTER}/covenant/criteria",
        {"number": "7", "text": "Chỉ tiêu 7", "max_points": "10", "parent": year.group.pk},
        content_type="application/json",
    )

    assert reopened.status_code == 200
    assert reopened.json()["status"] == "draft"
    assert edited.status_code == 200
    assert edited.json()["criteria"][0]["children"][0]["text"] == "Thu ngân sách năm 2025"
    assert overfull.status_code == 400
    assert "vượt điểm tối đa 100" in overfull.json()["detail"]
    assert district.post(f"{CLUSTER}/covenant/open").json()["status"] == "open"


def test_the_conference_and_a_correction_through_the_api(year):
    district = api(year, "KA")

    conference = district.post(
        f"{CLUSTER}/covenant/conference",
        {"held_on": "2025-02-28", "place": "UBND phường Trần Thành Ngọ",
         "signers": [{"unit": f"HP-KA-{s}", "signer_name": f"Chủ tịch {s}"}
                     for s in ("NS", "TTN", "VD", "BS")]},
        content_type="application/json",
    )  # fmt: skip
    signature = year.covenant.signatures.get(unit=year.ward("NS"))
    corrected = district.post(
        f"{CLUSTER}/covenant/signatures/{signature.pk}/correct",
        {"signer_name": "Nguyễn Văn Hinh", "reason": "Ghi nhầm người ký"},
        content_type="application/json",
    )
    by_ward = api(year, "BS").post(
        f"{CLUSTER}/covenant/conference",
        {"held_on": "2025-02-28", "place": "x"},
        content_type="application/json",
    )

    assert conference.status_code == 200
    body = conference.json()
    assert (body["status"], body["conference_on"], body["unsigned"]) == ("signed", "2025-02-28", [])
    assert corrected.status_code == 200
    assert corrected.json()["signer_name"] == "Nguyễn Văn Hinh"
    assert signature.corrections.get().old_signer_name == "Chủ tịch NS"
    assert by_ward.status_code == 403
