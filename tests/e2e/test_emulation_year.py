"""A year of the Kiến An ward cluster played in the browser on the demo data: Ngọc Sơn
signs the covenant, registers, scores itself with evidence and reviews the wards it is
assigned; Trần Thành Ngọ and Văn Đẩu review Ngọc Sơn far apart (a disagreement flag); the
leader publishes the ranking and sees the nominations."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from thidua.demo import build_demo
from thidua.emulation.models import ScoreSheet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
CLUSTER = "Cụm thi đua khối phường quận Kiến An"


@pytest.fixture
def demo() -> None:
    build_demo()


@pytest.fixture
def open_as(browser: Any, live_server: Any) -> Iterator[Any]:
    """A signed-in page for a demo account, each in its own browser context."""
    contexts = []

    def login(username: str, password: str) -> Page:
        context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(f"{live_server.url}/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(password)
        page.get_by_role("button", name="Đăng nhập").click()
        expect(page.get_by_role("heading", name="Tổng quan")).to_be_visible()
        return page

    yield login
    for context in contexts:
        context.close()


def go_to_cluster(page: Page, tab: str) -> None:
    page.get_by_role("link", name="Cụm, khối thi đua").first.click()
    page.get_by_role("link", name=CLUSTER).click()
    expect(page.get_by_role("heading", name=f"{CLUSTER} năm 2025")).to_be_visible()
    page.get_by_role("navigation", name=re.compile(CLUSTER)).get_by_role("link", name=tab).click()


def fill_sheet(page: Page, less: int = 0) -> None:
    """Full marks on every target (less ``less`` on the first), no bonus nor penalty."""
    rows = page.locator("tr:has(input.input--points)")
    for i in range(rows.count()):
        row = rows.nth(i)
        field = row.locator("input.input--points")
        if re.search("Điểm thưởng|Điểm trừ", row.inner_text()):
            field.fill("0")  # points, or a count of occurrences
            continue
        maximum = int(re.search(r"tối đa (\d+)", field.get_attribute("aria-label") or "")[1])
        value = maximum - (less if i == 0 else 0)
        field.fill(str(value))


def test_a_year_of_the_ward_cluster(demo, open_as):
    # --- Ngọc Sơn signs the covenant -----------------------------------------------------
    ns = open_as("canbo.ngocson", "ngocson")
    go_to_cluster(ns, "Giao ước thi đua")
    expect(ns.get_by_text("Đã ký 9/10 đơn vị")).to_be_visible()
    ns.get_by_label("Họ và tên người ký").fill("Nguyễn Văn Hinh")
    ns.get_by_label("Chức vụ").fill("Chủ tịch UBND phường")
    ns.get_by_role("button", name="Ký giao ước thay mặt Phường Ngọc Sơn").click()
    expect(ns.get_by_text("Phường Ngọc Sơn đã ký giao ước.")).to_be_visible()
    expect(ns.get_by_text("Đã ký 10/10 đơn vị")).to_be_visible()
    expect(ns.locator(".page-head__meta .badge")).to_have_text("Đã ký kết")

    # --- …registers the title it aims for -----------------------------------------------
    ns.get_by_role("link", name="Đăng ký thi đua", exact=True).click()
    expect(ns.get_by_role("heading", name="Đăng ký thi đua năm 2025")).to_be_visible()
    ns.get_by_label("Đơn vị").select_option(label="Phường Ngọc Sơn")
    ns.get_by_label("Danh hiệu thi đua đăng ký").select_option(label="Tập thể lao động xuất sắc")
    ns.get_by_role("button", name="Gửi đăng ký").click()
    expect(ns.get_by_text("Đã gửi đăng ký thi đua của Phường Ngọc Sơn; chờ duyệt.")).to_be_visible()
    row = ns.get_by_role("row", name=re.compile("Phường Ngọc Sơn.*Tập thể lao động xuất sắc"))
    expect(row).to_contain_text("Chờ duyệt")

    # --- …scores itself, with a report as evidence for the first target ------------------
    go_to_cluster(ns, "Chấm điểm")
    ns.get_by_role("button", name="Tự chấm điểm Phường Ngọc Sơn").click()
    expect(ns.get_by_role("heading", name="Bảng tự chấm điểm: Phường Ngọc Sơn")).to_be_visible()
    fill_sheet(ns)
    ns.get_by_label("Giải trình tiêu chí 1").fill("Thu ngân sách đạt 104% dự toán")
    ns.get_by_label("Minh chứng tiêu chí 1").set_input_files(
        {"name": "bao-cao-thu-ngan-sach.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    ns.get_by_role("button", name="Gửi bảng điểm").click()
    expect(ns.get_by_text("Đã gửi bảng điểm.")).to_be_visible()
    expect(ns.get_by_role("link", name="Tải minh chứng")).to_be_visible()
    expect(ns.locator("tfoot")).to_contain_text("105")

    # --- …and reviews the two wards it is assigned -------------------------------------
    for ward in ("Phường Phù Liễn", "Phường Tràng Minh"):
        go_to_cluster(ns, "Chấm điểm")
        task = ns.locator("li", has_text=f"Chấm thẩm định {ward}")
        task.get_by_role("link", name="Chấm điểm").click()
        expect(ns.get_by_role("heading", name=f"Chấm thẩm định: {ward}")).to_be_visible()
        expect(ns.get_by_role("link", name="Minh chứng của đơn vị")).to_be_visible()
        fill_sheet(ns, less=4)
        ns.get_by_role("button", name="Gửi bảng điểm").click()
        expect(ns.get_by_text("Đã gửi bảng điểm.")).to_be_visible()

    # --- Trần Thành Ngọ and Văn Đẩu review Ngọc Sơn, eight points apart -------------------
    for username, password, less in (
        ("canbo.tranthanhngo", "tranthanhngo", 0),
        ("canbo.vandau", "vandau", 8),
    ):
        reviewer = open_as(username, password)
        go_to_cluster(reviewer, "Chấm điểm")
        task = reviewer.locator("li", has_text="Chấm thẩm định Phường Ngọc Sơn")
        task.get_by_role("link", name="Chấm điểm").click()
        expect(reviewer.get_by_text("Thu ngân sách đạt 104% dự toán")).to_be_visible()
        fill_sheet(reviewer, less=less)
        reviewer.get_by_role("button", name="Gửi bảng điểm").click()
        expect(reviewer.get_by_text("Đã gửi bảng điểm.")).to_be_visible()

    # --- The leader sees the flag, publishes the ranking and reads the nominations -------
    leader = reviewer  # Văn Đẩu leads the cluster in 2025 (the 2024 deputy)
    go_to_cluster(leader, "Chấm điểm")
    ns_row = leader.get_by_role("row", name=re.compile("^Phường Ngọc Sơn"))
    expect(ns_row).to_contain_text("Chênh lệch vượt mức: 8 điểm")
    leader.get_by_role("link", name="Xếp hạng").click()
    expect(leader.get_by_text("Tạm tính, chưa công bố")).to_be_visible()
    leader.get_by_role("button", name="Công bố kết quả xếp hạng").click()
    expect(leader.get_by_text("Đã công bố kết quả xếp hạng")).to_be_visible()
    table = leader.locator("#ranking-table")
    expect(table.get_by_role("row", name=re.compile("Phường Ngọc Sơn"))).to_contain_text("96")
    nominations = leader.locator("#nominations")
    first = nominations.get_by_role("row", name=re.compile("Phường Văn Đẩu"))
    expect(first).to_contain_text("Cờ thi đua của Ủy ban nhân dân thành phố Hải Phòng")
    expect(first).to_contain_text("Đơn vị dẫn đầu cụm thi đua")
    expect(nominations.locator("tbody tr")).to_have_count(3)

    # Published: the scores are locked for everyone.
    go_to_cluster(ns, "Chấm điểm")
    expect(ns.get_by_text("Kết quả xếp hạng đã công bố: điểm đã khóa.")).to_be_visible()
    # Scope: Ngọc Sơn does not open the sheets of a ward it did not review.
    other = ScoreSheet.objects.get(
        covenant__cluster__year=2025, unit__code="HP-KA-TTN", reviewer=None
    )
    response = ns.goto(ns.url.split("/thi-dua/")[0] + reverse("emulation:sheet", args=[other.pk]))
    assert response is not None
    assert response.status == 404
