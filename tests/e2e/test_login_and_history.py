"""An officer logs in through the form and reads a person's award history."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from thidua.accounts.tests.factories import officer_of
from thidua.awards.tests.factories import issued_award
from thidua.orgs.services import person_create, unit_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_logs_in_and_sees_a_persons_award(live_server, page):
    ward = unit_create(code="NS", name="Phường Ngọc Sơn", kind="xa")
    officer = officer_of(ward, username="canbo.ngocson", full_name="Trần Thị Lan")
    person = person_create(code="KA-NS-0001", full_name="Nguyễn Văn Hinh", unit=ward)
    issued_award(person, code="chien_si_thi_dua_co_so", year=2023, number="243/QĐ-UBND")

    page.goto(f"{live_server.url}/don-vi/ca-nhan/{person.code}/")
    # Not signed in: the login form, which then leads back to the person.
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()
    page.get_by_label("Tên đăng nhập").fill(officer.username)
    page.get_by_label("Mật khẩu").fill("matkhau")
    page.get_by_role("button", name="Đăng nhập").click()

    expect(page.get_by_role("heading", name="Nguyễn Văn Hinh")).to_be_visible()
    expect(page.locator(".app-user")).to_contain_text("Trần Thị Lan")
    history = page.locator("section", has=page.get_by_role("heading", name="Lịch sử khen thưởng"))
    expect(history).to_contain_text("Thành tích năm 2023")
    row = history.get_by_role("row", name="Chiến sĩ thi đua cơ sở")
    expect(row).to_contain_text("Danh hiệu thi đua")
    expect(row).to_contain_text("Số 243/QĐ-UBND")
    expect(row).to_contain_text("ngày 15/01/2024")
    expect(row).to_contain_text("Đã ban hành")

    # The live search of the people list finds the person without diacritics.
    page.get_by_role("link", name="Cá nhân", exact=True).first.click()
    page.get_by_label("Họ tên hoặc mã cá nhân").fill("nguyen van hinh")
    expect(page.locator("#results")).to_contain_text("Hiển thị 1–1 trên 1 cá nhân")
    expect(page).to_have_url(re.compile(r"/don-vi/ca-nhan/\?q=nguyen(\+|%20)van(\+|%20)hinh"))
