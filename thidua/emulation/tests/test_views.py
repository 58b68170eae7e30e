"""The emulation pages: each renders for the people who use it, refuses those who may not,
and carries a journey's steps through the services."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from thidua.emulation.choices import ScoreSheetStatus
from thidua.emulation.models import ScoreSheet
from thidua.emulation.services import reviewers_assign
from thidua.emulation.tests.factories import pdf

pytestmark = pytest.mark.django_db


def url(name: str, year, *args) -> str:
    return reverse(f"emulation:{name}", args=[year.cluster.code, year.cluster.year, *args])


@pytest.fixture
def scored(signed):
    for short in signed.wards:
        signed.self_score(short)
    reviewers_assign(covenant=signed.covenant, by=signed.officers["KA"])
    return signed


@pytest.mark.parametrize("page", ["cluster", "covenant", "scoring", "ranking"])
@pytest.mark.parametrize("who", ["NS", "KA"])
def test_the_cluster_pages_render_for_a_member_and_the_organiser(client, signed, page, who):
    client.force_login(signed.officers[who])

    response = client.get(url(page, signed))

    assert response.status_code == 200
    assert "Cụm thi đua khối phường quận Kiến An" in response.content.decode()


def test_the_lists_render(client, signed):
    client.force_login(signed.officers["NS"])
    for name in ("clusters", "movements", "registrations"):
        assert client.get(reverse(f"emulation:{name}")).status_code == 200


def test_a_unit_outside_the_cluster_does_not_see_it(client, signed):
    from thidua.accounts.tests.factories import officer_of
    from thidua.orgs.services import unit_create

    elsewhere = unit_create(code="HP-DS", name="Quận Đồ Sơn", kind="huyen")
    client.force_login(officer_of(elsewhere))

    assert client.get(url("cluster", signed)).status_code == 404
    assert "Kiến An" not in client.get(reverse("emulation:clusters")).content.decode()


def test_signing_through_the_page(client, year):
    client.force_login(year.officers["NS"])

    response = client.post(
        url("covenant_sign", year),
        {"unit": "HP-KA-NS", "signer_name": "Nguyễn Văn Hinh", "signer_title": "Chủ tịch"},
        follow=True,
    )

    assert "Phường Ngọc Sơn đã ký giao ước." in response.content.decode()
    assert year.covenant.signatures.filter(unit=year.ward("NS")).exists()


def test_the_last_signature_through_the_page_makes_the_covenant_signed(client, year):
    for short in ("TTN", "VD", "BS"):
        client.force_login(year.officers[short])
        client.post(url("covenant_sign", year), {"unit": f"HP-KA-{short}", "signer_name": "A"})
    client.force_login(year.officers["NS"])

    client.post(url("covenant_sign", year), {"unit": "HP-KA-NS", "signer_name": "B"})

    year.covenant.refresh_from_db()
    assert year.covenant.status == "signed"


def test_signing_for_another_ward_is_forbidden(client, year):
    client.force_login(year.officers["NS"])

    response = client.post(url("covenant_sign", year), {"unit": "HP-KA-BS", "signer_name": "X"})

    assert response.status_code == 403


def test_self_scoring_with_evidence_through_the_page(client, signed):
    client.force_login(signed.officers["NS"])
    response = client.post(url("sheet_start", signed), {"don_vi": "HP-KA-NS"})
    sheet = ScoreSheet.objects.get(unit=signed.ward("NS"), reviewer=None)
    assert response["Location"] == reverse("emulation:sheet", args=[sheet.pk])
    data: dict[str, object] = {
        f"diem_{c.pk}": str(c.max_points).replace(".", ",") for c in signed.items
    }
    data |= {f"diem_{signed.bonus.pk}": "2,5", f"diem_{signed.penalty.pk}": "0"}
    data["giai_trinh_" + str(signed.items[0].pk)] = "Vượt dự toán thu ngân sách"
    data[f"minh_chung_{signed.items[0].pk}"] = pdf()
    data["hanh_dong"] = "gui"

    response = client.post(reverse("emulation:sheet", args=[sheet.pk]), data, follow=True)

    sheet.refresh_from_db()
    assert sheet.status == ScoreSheetStatus.SUBMITTED
    html = response.content.decode()
    assert "Đã gửi bảng điểm." in html
    assert "102,5" in html  # 100 + 2,5 bonus
    line = sheet.lines.get(criterion=signed.items[0])
    evidence = client.get(reverse("emulation:evidence", args=[line.pk]))
    assert evidence.status_code == 200


def test_points_that_are_not_numbers_stay_on_the_page_with_the_error(client, signed):
    client.force_login(signed.officers["NS"])
    client.post(url("sheet_start", signed), {"don_vi": "HP-KA-NS"})
    sheet = ScoreSheet.objects.get(unit=signed.ward("NS"), reviewer=None)
    first, fourth = signed.items[0], signed.items[3]

    response = client.post(
        reverse("emulation:sheet", args=[sheet.pk]),
        {f"diem_{first.pk}": "mười", f"diem_{fourth.pk}": "12", "hanh_dong": "luu"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "“mười” không phải là số điểm." in html
    assert "Tiêu chí 4: điểm phải từ 0 đến 10, không phải 12." in html
    assert 'value="mười"' in html


def test_a_ward_opens_only_the_reviews_it_is_assigned(client, scored):
    # Ngọc Sơn (neither leader nor organiser) reviews Văn Đẩu and Bắc Sơn.
    def status(unit: str, reviewer: str | None) -> int:
        sheet = scored.covenant.score_sheets.get(
            unit=scored.ward(unit), reviewer=scored.ward(reviewer) if reviewer else None
        )
        return client.get(reverse("emulation:sheet", args=[sheet.pk])).status_code

    client.force_login(scored.officers["NS"])

    assert status("VD", "NS") == 200
    assert status("TTN", "BS") == 404
    # …and reads the own sheet (and evidence) of a ward it reviews, not of another.
    assert status("VD", None) == 200
    assert status("TTN", None) == 404


def test_a_ward_cannot_fill_in_another_wards_review(client, scored):
    other = scored.covenant.score_sheets.get(unit=scored.ward("VD"), reviewer=scored.ward("BS"))
    client.force_login(scored.officers["NS"])

    response = client.post(reverse("emulation:sheet", args=[other.pk]), {"hanh_dong": "luu"})

    assert response.status_code == 404


def test_the_ranking_publishes_and_exports(client, scored):
    for review in scored.covenant.score_sheets.filter(reviewer__isnull=False):
        scored.review(review, Decimal(1) if review.reviewer == scored.ward("BS") else Decimal(0))
    client.force_login(scored.officers["TTN"])

    response = client.post(url("ranking_publish", scored), follow=True)

    html = response.content.decode()
    assert "Đã công bố kết quả xếp hạng" in html
    assert "Đơn vị dẫn đầu cụm thi đua" in html
    xlsx = client.get(url("ranking_excel", scored))
    docx = client.get(url("ranking_word", scored))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert docx.content[:2] == b"PK"


def test_the_covenant_prints_as_a_word_document(client, signed):
    from io import BytesIO

    from docx import Document

    client.force_login(signed.officers["NS"])

    response = client.get(url("covenant_print", signed))

    text = "\n".join(p.text for p in Document(BytesIO(response.content)).paragraphs)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in "\n".join(
        c.text for t in Document(BytesIO(response.content)).tables for c in t._cells
    )
    assert "GIAO ƯỚC THI ĐUA" in text


def test_a_movement_is_drafted_launched_and_seen_by_the_wards(client, year):
    client.force_login(year.officers["KA"])
    response = client.post(
        reverse("emulation:movement_new"),
        {
            "name": "Phong trào thi đua “Dân vận khéo” năm 2025",
            "kind": "thematic",
            "year": "2025",
            "launched_by": "HP-KA",
            "scope": ["HP-KA"],
            "start": "01/03/2025",
            "end": "31/12/2025",
        },
    )
    movement = year.district.movements.get()
    assert response["Location"] == reverse("emulation:movement", args=[movement.pk])
    client.post(
        reverse("emulation:movement_advance", args=[movement.pk]), {"giai_doan": "launched"}
    )

    client.force_login(year.officers["NS"])
    html = client.get(reverse("emulation:movements") + "?nam=2025").content.decode()

    assert "Phong trào thi đua “Dân vận khéo” năm 2025" in html
    assert "Đã phát động" in html


def test_a_movement_with_its_end_before_its_start_is_shown_again_with_the_error(client, year):
    client.force_login(year.officers["KA"])

    response = client.post(
        reverse("emulation:movement_new"),
        {
            "name": "Phong trào",
            "kind": "regular",
            "year": "2025",
            "launched_by": "HP-KA",
            "scope": ["HP-KA"],
            "start": "31/12/2025",
            "end": "01/03/2025",
        },
    )

    html = response.content.decode()
    assert "Ngày kết thúc phải sau ngày bắt đầu phong trào." in html
    assert 'value="Phong trào"' in html


def test_the_district_approves_a_wards_registration_on_the_page(client, year):
    client.force_login(year.officers["NS"])
    client.post(
        reverse("emulation:registration_new"),
        {"nam": "2025", "unit": "HP-KA-NS", "target": "tap_the_lao_dong_xuat_sac"},
    )
    registration = year.ward("NS").registrations.get()
    client.force_login(year.officers["KA"])

    response = client.post(
        reverse("emulation:registration_approve", args=[registration.pk]), follow=True
    )

    assert "Đã phê duyệt đăng ký." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "approved"


def test_the_organiser_records_the_election_result(client, year):
    client.force_login(year.officers["KA"])

    response = client.post(
        url("cluster_leaders", year),
        {"leader": "HP-KA-BS", "deputy": "HP-KA-NS", "reason": "Biên bản hội nghị ngày 15/01"},
        follow=True,
    )

    html = response.content.decode()
    assert "Đã ghi cụm trưởng, cụm phó năm 2025." in html
    assert "Biên bản hội nghị ngày 15/01" in html
    leader = year.cluster.members.get(role="leader")
    assert leader.unit == year.ward("BS")
