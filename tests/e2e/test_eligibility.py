"""The officer of Phường Lãm Hà (demo data) opens "Đủ điều kiện": filters Chiến sĩ thi đua
cơ sở, reads who is one criterion short and the article behind it, downloads the list as
.xlsx, finds a person without diacritics and reads the next step on the profile."""

from __future__ import annotations

import re
from typing import Any

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from thidua.core.text import fold
from thidua.demo import build_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE = "Khoản 2 Điều 23 Luật Thi đua, khen thưởng số 06/2022/QH15"


@pytest.fixture
def officer_page(page: Page, live_server: Any) -> Page:
    build_demo()
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("canbo.lamha")
    page.get_by_label("Mật khẩu").fill("lamha")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan")).to_be_visible()
    return page


def test_an_officer_reads_who_is_eligible_and_what_is_missing(officer_page, tmp_path):
    page = officer_page
    page.get_by_role("link", name="Xét khen thưởng").first.click()
    expect(page.get_by_role("heading", name="Đủ điều kiện khen thưởng")).to_be_visible()
    expect(page.get_by_label("Đơn vị (gồm cả đơn vị trực thuộc)")).to_have_value("HP-KA-LH")
    results = page.locator("#results")
    expect(results).to_contain_text("Năm thành tích 2024 — Phường Lãm Hà")

    # Filter by the title: htmx replaces the results and keeps the filter in the address.
    page.get_by_label("Danh hiệu thi đua, hình thức khen thưởng").select_option(
        label="Chiến sĩ thi đua cơ sở"
    )
    expect(page).to_have_url(re.compile(r"hinh_thuc=chien_si_thi_dua_co_so"))
    page.get_by_role("link", name=re.compile(r"^Còn thiếu một tiêu chí")).click()
    expect(page).to_have_url(re.compile(r"xem=thieu"))
    expect(results.get_by_role("columnheader", name="Tiêu chí còn thiếu")).to_be_visible()
    first = results.locator("tbody tr").first
    expect(first).to_contain_text("Chiến sĩ thi đua cơ sở")
    expect(first).to_contain_text("Hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến")
    expect(first).to_contain_text(ARTICLE)
    name = first.get_by_role("link").first.inner_text()

    # The export holds exactly the rows of the filter and the tab, every page of them.
    with page.expect_download() as download:
        page.get_by_role("link", name="Xuất Excel").click()
    target = tmp_path / "du-dieu-kien.xlsx"
    download.value.save_as(target)
    assert download.value.suggested_filename == "du-dieu-kien-HP-KA-LH-2024.xlsx"
    sheet = load_workbook(target)["Đủ điều kiện"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert rows
    assert {(r[5], r[6]) for r in rows} == {("Chiến sĩ thi đua cơ sở", "Còn thiếu một tiêu chí")}
    total = re.search(r"Còn thiếu một tiêu chí \((\d+)\)", results.inner_text())
    assert total is not None
    assert len(rows) == int(total[1])
    assert (name, "Còn thiếu một tiêu chí", ARTICLE) in {(r[1], r[6], r[8]) for r in rows}

    # A search without diacritics finds the person; the profile shows the next step.
    page.get_by_label("Tên hoặc mã").fill(fold(name))
    expect(results.locator("tbody tr")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"q=" + fold(name).split(" ")[0]))
    results.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", name=name)).to_be_visible()
    section = page.locator("#xet-danh-hieu-khen-thuong")
    expect(section).to_contain_text("Kết quả đối chiếu năm 2024")
    steps = section.get_by_role("table", name="Lộ trình tiếp theo")
    step = steps.get_by_role("row", name=re.compile("Chiến sĩ thi đua cơ sở")).first
    expect(step).to_contain_text(ARTICLE)
    expect(step).to_contain_text("2025")
