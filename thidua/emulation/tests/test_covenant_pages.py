"""The covenant on its page: a checked tree edited while a draft, taken back to a draft while
nobody signed, the signing conference, a signature corrected; the same refusals as the API."""

from __future__ import annotations

import pytest
from django.urls import reverse

from thidua.api.tests.clients import bearer
from thidua.emulation.choices import CovenantStatus

pytestmark = pytest.mark.django_db


def url(name: str, year, *args) -> str:
    return reverse(f"emulation:{name}", args=[year.cluster.code, year.cluster.year, *args])


def to_draft(year):
    year.covenant.status = CovenantStatus.DRAFT
    year.covenant.save()


def test_a_criterion_is_edited_on_the_page(client, year):
    to_draft(year)
    client.force_login(year.officers["KA"])
    item = year.items[2]

    response = client.post(
        url("criterion_edit", year, item.pk),
        {"number": "3", "text": "Giải ngân vốn đầu tư công", "kind": "item",
         "max_points": "20", "parent": year.group.pk},
        follow=True,
    )  # fmt: skip

    assert "Đã sửa tiêu chí 3." in response.content.decode()
    item.refresh_from_db()
    assert item.text == "Giải ngân vốn đầu tư công"


def test_an_overfull_group_is_refused_alike_on_the_page_and_through_the_api(client, year):
    to_draft(year)
    client.force_login(year.officers["KA"])
    data = {"number": "7", "text": "Chỉ tiêu bảy", "max_points": "10", "parent": year.group.pk}

    page = client.post(url("criterion_add", year), data | {"kind": "item"})
    api = bearer(year.officers["KA"]).post(
        "/api/emulation/clusters/CUM-KA-PHUONG/2025/covenant/criteria",
        data,
        content_type="application/json",
    )

    said = "Nhóm I: các tiêu chí trong nhóm cộng 110 điểm, vượt điểm tối đa 100 của nhóm"
    assert page.status_code == 400
    html = page.content.decode()
    assert said in html
    assert "Chỉ tiêu bảy" in html  # what was typed is still there
    assert api.status_code == 400
    assert said in api.json()["detail"]
    assert not year.covenant.criteria.filter(number="7").exists()


def test_the_covenant_goes_back_to_draft_on_the_page_while_nobody_signed(client, year):
    client.force_login(year.officers["KA"])

    page = client.get(url("covenant", year)).content.decode()
    response = client.post(url("covenant_reopen", year), {"reason": "Sửa chỉ tiêu 3"}, follow=True)

    assert "Đưa giao ước về dự thảo để sửa tiêu chí" in page
    assert "Đã đưa giao ước về dự thảo" in response.content.decode()
    year.covenant.refresh_from_db()
    assert year.covenant.status == CovenantStatus.DRAFT


def test_the_conference_is_recorded_on_the_page_with_each_signer(client, year):
    client.force_login(year.officers["KA"])
    signers = {f"ten_HP-KA-{s}": f"Chủ tịch {s}" for s in ("NS", "TTN", "VD", "BS")}

    refused = client.post(
        url("covenant_conference", year),
        {"held_on": "31/02/2025", "place": "UBND phường Trần Thành Ngọ"} | signers,
    )
    response = client.post(
        url("covenant_conference", year),
        {"held_on": "28/02/2025", "place": "UBND phường Trần Thành Ngọ",
         "chuc_vu_HP-KA-NS": "Chủ tịch UBND phường"} | signers,
        follow=True,
    )  # fmt: skip

    assert refused.status_code == 400
    html = refused.content.decode()
    assert "Ngày 31/02/2025 không tồn tại." in html
    assert 'value="Chủ tịch TTN"' in html
    text = response.content.decode()
    assert "Đã ghi hội nghị ký kết và chữ ký của 4 đơn vị." in text
    assert "hội nghị ký kết ngày 28/02/2025 tại UBND phường Trần Thành Ngọ" in text
    year.covenant.refresh_from_db()
    assert year.covenant.status == CovenantStatus.SIGNED


def test_a_signature_is_corrected_on_the_page_and_the_history_shows(client, signed):
    client.force_login(signed.officers["KA"])
    signature = signed.covenant.signatures.get(unit=signed.ward("VD"))

    response = client.post(
        url("signature_correct", signed, signature.pk),
        {"signer_name": "Trần Văn Dũng", "signer_title": "Chủ tịch UBND phường",
         "reason": "Ghi nhầm người ký"},
        follow=True,
    )  # fmt: skip

    html = response.content.decode()
    assert "Đã đính chính chữ ký của Phường Văn Đẩu." in html
    assert "Lý do: Ghi nhầm người ký" in html
