"""An officer takes the template, fills it, uploads it, reads the error, fixes the file,
imports it, and finds the award in the annual report — in Chromium."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from thidua.accounts.tests.factories import officer_of
from thidua.orgs.services import unit_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill(path, *, birth: str) -> None:
    """A person of Phường Lãm Hà and their Lao động tiên tiến of 2023, at row 2 as an
    officer types them into the template."""
    book = load_workbook(path)
    person = ["KA-LH-0001", "Nguyễn Thị Mai", birth, "Nữ", "KA-LH", "Chuyên viên"]
    award = [2023, "Lao động tiên tiến", "Cá nhân", "KA-LH-0001", "Nguyễn Thị Mai", None]
    award += ["15/QĐ-UBND", "10/01/2024", "UBND quận Kiến An", "Hoàn thành xuất sắc nhiệm vụ"]
    for sheet, values in (("CaNhan", person), ("KhenThuong", award)):
        for column, value in enumerate(values, start=1):
            book[sheet].cell(row=2, column=column, value=value)
    book.save(path)


def test_template_upload_error_fix_import_report(live_server, page, tmp_path):
    # given: Quận Kiến An with Phường Lãm Hà, and its officer
    district = unit_create(code="KA", name="Quận Kiến An", kind="huyen", kind_label="Quận")
    unit_create(code="KA-LH", name="Phường Lãm Hà", kind="xa", kind_label="Phường", parent=district)
    officer = officer_of(district, username="canbo.kienan", full_name="Trần Thị Lan")
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(officer.username)
    page.get_by_label("Mật khẩu").fill("matkhau")
    page.get_by_role("button", name="Đăng nhập").click()

    # the template
    page.get_by_role("link", name="Nhập, xuất dữ liệu").click()
    expect(page.get_by_text("Bạn nhập được dữ liệu của Quận Kiến An")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải sổ mẫu (.xlsx)").click()
    workbook = tmp_path / "so-lieu-kien-an.xlsx"
    download.value.save_as(workbook)

    # a first upload, with an impossible date: every problem by sheet and row, nothing written
    fill(workbook, birth="31/02/1985")
    page.get_by_label("Tệp sổ dữ liệu").set_input_files(workbook)
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.locator(".import-status")).to_contain_text("Có lỗi, chưa nhập")
    expect(page.get_by_role("alert")).to_contain_text("chưa ghi gì vào cơ sở dữ liệu")
    errors = page.locator("section", has=page.get_by_role("heading", name="Danh sách lỗi"))
    expect(errors.get_by_role("heading", name=re.compile("Trang CaNhan"))).to_be_visible()
    expect(errors.get_by_role("row", name=re.compile("Ngày sinh"))).to_contain_text(
        "Ngày 31/02/1985 không tồn tại."
    )

    # the fixed file: a preview of what will be created, then the import
    fill(workbook, birth="28/02/1985")
    page.get_by_label("Tệp sổ dữ liệu").set_input_files(workbook)
    page.get_by_role("button", name="Tải lên và kiểm tra lại").click()
    expect(page.locator(".import-status")).to_contain_text("Chờ xác nhận")
    preview = page.get_by_role("table").filter(has_text="Tạo mới")
    expect(preview.get_by_role("row", name=re.compile("^CaNhan"))).to_contain_text("1")
    page.get_by_text("Trang KhenThuong: xem các dòng tạo mới").click()
    expect(page.get_by_text("Lao động tiên tiến năm 2023: KA-LH-0001")).to_be_visible()
    page.get_by_role("button", name="Xác nhận nhập").click()
    expect(page.locator(".import-status")).to_contain_text("Đã nhập xong 2 dòng")

    # the report counts it, and its number leads to the record
    page.get_by_role("link", name="Xem báo cáo tổng hợp").click()
    page.get_by_label("Năm thành tích").select_option("2023")
    page.get_by_role("button", name="Xem báo cáo").click()
    expect(page.get_by_text("Năm 2023, quận Kiến An có 1 cá nhân đạt danh hiệu")).to_be_visible()
    row = page.get_by_role("row", name=re.compile("^Lao động tiên tiến"))
    expect(row).to_contain_text("cá nhân")
    expect(page.locator("#report-chart")).to_be_visible()
    row.get_by_role("link", name=re.compile("^1 cá nhân")).click()
    expect(
        page.get_by_role("heading", name="Khen thưởng năm 2023 của quận Kiến An")
    ).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Nguyễn Thị Mai"))).to_contain_text(
        "Số 15/QĐ-UBND"
    )
