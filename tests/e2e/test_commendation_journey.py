"""From proposal to certificate in the browser, with the real law engine: an officer proposes
three people (one refused with its ground), submits, publishes the list; a citizen comments on
the public portal; the council votes in the app (one candidate misses the threshold); the
decision is issued, a certificate PDF downloaded and its verification page checked; then one
award is revoked and the page says so."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from thidua.accounts.models import Role, RoleKind
from thidua.accounts.tests.factories import UserFactory, officer_of
from thidua.awards.models import Disclosure
from thidua.demo.dossier import SCAN
from thidua.orgs.models import Assessment
from thidua.orgs.services import person_create, unit_create
from thidua.portal.models import Challenge

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "matkhau"


def _sign_in(browser, base: str, username: str):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator(".app-user")).to_be_visible()
    return page


def _answer(citizen) -> str:
    """The question's answer, as only the server knows it: the page holds its key."""
    key = citizen.locator("input[name=challenge]").get_attribute("value")
    return str(Challenge.objects.get(key=key).answer)


def _world():
    ward = unit_create(code="NS", name="Phường Ngọc Sơn", kind="xa")
    officer = officer_of(ward, username="canbo", full_name="Trần Thị Lan")
    people = []
    for code, name, rating in [
        ("NS-01", "Nguyễn Văn Hinh", "xuat_sac"),
        ("NS-02", "Phạm Thu Hà", "xuat_sac"),
        ("NS-03", "Lê Minh Đức", "hoan_thanh"),
    ]:
        person = person_create(code=code, full_name=name, unit=ward, position="Chuyên viên")
        Assessment.objects.create(person=person, year=2024, rating=rating)
        people.append(person)
    members = []
    for i, name in enumerate(["Đỗ Quang Vinh", "Vũ Thị Mai", "Hoàng Văn Nam", "Bùi Thị Hoa",
                              "Ngô Văn Tùng"]):  # fmt: skip
        user = UserFactory.create(username=f"hoidong{i}", full_name=name)
        Role.objects.create(user=user, kind=RoleKind.COUNCIL, unit=ward)
        members.append(user)
    return officer, people, members


def test_from_proposal_to_a_verified_certificate_and_its_revocation(live_server, browser, tmp_path):
    base = live_server.url
    officer, _people, members = _world()

    # The officer proposes three people for Chiến sĩ thi đua cơ sở 2024.
    page = _sign_in(browser, base, officer.username)
    page.goto(f"{base}/khen-thuong/de-nghi/tao/")
    page.get_by_label("Danh hiệu, hình thức đề nghị").select_option("chien_si_thi_dua_co_so")
    page.get_by_label("Năm thành tích").fill("2024")
    page.get_by_role("button", name="Lưu").click()
    expect(
        page.get_by_role("heading", name=re.compile("Chiến sĩ thi đua cơ sở năm 2024"))
    ).to_be_visible()
    for code in ("NS-01", "NS-02", "NS-03"):
        page.get_by_label("Cá nhân").select_option(code)
        page.get_by_label("Tóm tắt thành tích").fill("Hoàn thành xuất sắc nhiệm vụ năm 2024")
        page.get_by_role("button", name="Thêm vào đề nghị").click()
    refused = page.locator(".message--error")
    expect(refused).to_contain_text("Không thêm Lê Minh Đức vì chưa đủ điều kiện")
    expect(refused).to_contain_text("Điều 23 Luật Thi đua, khen thưởng")
    expect(page.locator("#candidates")).not_to_contain_text("Lê Minh Đức")

    # Dossier, submit, review, publish.
    page.get_by_role("button", name="Tạo tờ trình, báo cáo thành tích (.docx)").click()
    expect(page.locator("#checklist")).to_contain_text("Đã có")
    page.get_by_role("button", name="Gửi duyệt").click()
    expect(page.locator(".message--error")).to_contain_text(
        "Hồ sơ còn thiếu: Giấy xác nhận hiệu quả áp dụng sáng kiến"
    )
    scan = tmp_path / "xac-nhan-sang-kien.pdf"
    scan.write_bytes(SCAN)
    for name in ("Nguyễn Văn Hinh", "Phạm Thu Hà"):
        page.get_by_label("Loại tài liệu").select_option("xac_nhan_sang_kien")
        page.get_by_label(re.compile("^Đối tượng \\(nếu")).select_option(label=name)
        page.get_by_label(re.compile("^Tệp")).set_input_files(scan)
        page.get_by_role("button", name="Tải lên").click()
        expect(page.locator(".message--success")).to_contain_text("Đã tải tài liệu lên hồ sơ")
    page.get_by_role("button", name="Gửi duyệt").click()
    expect(page.locator(".page-head__meta")).to_contain_text("Chờ duyệt")
    page.get_by_role("button", name="Tiếp nhận thẩm định").click()
    page.get_by_role("button", name="Công khai lấy ý kiến").click()
    expect(page.locator(".page-head__meta")).to_contain_text("Đang lấy ý kiến")

    # A citizen reads the list on the portal, without login, and comments.
    citizen = browser.new_context(locale="vi-VN").new_page()
    citizen.goto(f"{base}/cong-khai/")
    citizen.get_by_role("link", name=re.compile("Chiến sĩ thi đua cơ sở")).click()
    expect(citizen.locator("#public-list")).to_contain_text("Nguyễn Văn Hinh")
    expect(citizen.locator("#public-list")).not_to_contain_text("Lê Minh Đức")
    citizen.get_by_label("Về đối tượng").select_option(label="Phạm Thu Hà")
    citizen.get_by_label("Họ và tên").fill("Nguyễn Văn Dân")
    citizen.get_by_label(re.compile("Thư điện tử")).fill("dan@example.vn")
    citizen.get_by_label("Tiêu đề").fill("Đồng tình với đề nghị")
    citizen.get_by_label("Nội dung").fill("Chị Hà luôn tận tình với nhân dân trong khu phố.")
    citizen.get_by_label(re.compile("trả lời bằng chữ số")).fill(_answer(citizen))
    citizen.get_by_role("button", name="Gửi ý kiến").click()
    expect(citizen.locator(".messages")).to_contain_text("Cảm ơn ông/bà đã góp ý")

    # The officer answers; the period ends (ten working days later); to the council.
    page.reload()
    expect(page.locator("#cong-khai")).to_be_visible()
    page.get_by_label("Nội dung trả lời").fill("Cảm ơn ông đã góp ý.")
    page.get_by_role("button", name="Trả lời").click()
    # The answer's own navigation must end before the next one starts (a reload in flight
    # detached the page in CI: "Not attached to an active page").
    expect(page.locator(".message--success")).to_contain_text("Đã trả lời ý kiến")
    yesterday = timezone.localdate() - timedelta(days=1)
    Disclosure.objects.update(starts_on=yesterday - timedelta(days=14), ends_on=yesterday)
    page.goto(page.url)  # the button shows once the period has ended
    page.get_by_role("button", name="Trình Hội đồng").click()
    expect(page.locator(".page-head__meta")).to_contain_text("Trình Hội đồng")

    # The session: members, roll call, ballots.
    page.goto(f"{base}/khen-thuong/hoi-dong/tao/")
    page.get_by_label("Tên phiên họp").fill("Phiên họp xét khen thưởng năm 2024")
    page.get_by_label(re.compile("Thời gian họp")).fill("15/01/2025 08:00")
    page.get_by_label("Địa điểm").fill("Hội trường UBND phường")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_role("button", name="Điểm danh và mở bỏ phiếu").click()
    expect(page.locator(".messages")).to_contain_text("Đã điểm danh và mở bỏ phiếu")
    session_url = page.url

    # Everyone approves Nguyễn Văn Hinh; only three of five approve Phạm Thu Hà (< ⅔).
    for i, member in enumerate(members):
        voter = _sign_in(browser, base, member.username)
        voter.goto(session_url)
        voter.get_by_role("button", name="Đồng ý: Nguyễn Văn Hinh", exact=True).click()
        expect(voter.locator(".messages")).to_contain_text("Đã ghi nhận phiếu")
        choice = "Đồng ý: Phạm Thu Hà" if i < 3 else "Không đồng ý: Phạm Thu Hà"
        voter.get_by_role("button", name=choice, exact=True).click()
        expect(voter.locator("#ballots")).not_to_contain_text("Không đồng ý: Phạm")
        voter.context.close()

    page.goto(session_url)
    page.get_by_role("button", name="Kiểm phiếu và kết thúc phiên họp").click()
    ballots = page.locator("#ballots")
    expect(ballots.get_by_role("row", name=re.compile("Nguyễn Văn Hinh"))).to_contain_text(
        "Đạt 5/5 phiếu đồng ý"
    )
    expect(ballots.get_by_role("row", name=re.compile("Phạm Thu Hà"))).to_contain_text(
        "Không đạt 3/5 phiếu đồng ý"
    )
    with page.expect_download() as minutes:
        page.get_by_role("link", name="Tải biên bản họp (.docx)").click()
    assert minutes.value.suggested_filename.endswith(".docx")

    # The decision from the passed candidate, issued.
    page.get_by_role("link", name=re.compile("Chiến sĩ thi đua cơ sở năm 2024")).click()
    page.get_by_role("link", name="Lập quyết định khen thưởng").click()
    page.get_by_label("Số quyết định").fill("15/QĐ-UBND")
    page.get_by_label(re.compile("Ngày quyết định")).fill("20/01/2025")
    page.get_by_role("textbox", name="Người ký", exact=True).fill("Nguyễn Văn Ký")
    page.get_by_role("button", name="Lưu dự thảo").click()
    page.get_by_label(re.compile("Sau khi ban hành")).check()
    page.get_by_role("button", name="Ban hành quyết định").click()
    records = page.locator("#records")
    expect(records).to_contain_text("Nguyễn Văn Hinh")
    expect(records).not_to_contain_text("Phạm Thu Hà")
    expect(records).to_contain_text("2.340.000")

    # The certificate PDF, and the page its QR code leads to.
    with page.expect_download() as certificate:
        page.get_by_role("link", name="Tải PDF số 0001/2025").click()
    path = certificate.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    code = re.search(r"Mã xác thực (\w+)", records.inner_text()).group(1)
    citizen.goto(f"{base}/cong-khai/xac-thuc/{code}/")
    expect(citizen.locator("#ket-qua")).to_have_text("Giấy tờ hợp lệ: khen thưởng đang có hiệu lực")
    expect(citizen.locator(".facts")).to_contain_text("Số 15/QĐ-UBND ngày 20/01/2025")
    expect(citizen.locator(".facts")).to_contain_text("Ủy ban nhân dân phường Ngọc Sơn")

    # Revocation on a ground of Art 93.2: the record stays, marked; the page says so.
    page.locator("summary", has_text="Hủy bỏ khen thưởng").click()
    page.get_by_label("Căn cứ hủy bỏ").select_option("b")
    page.get_by_label(re.compile("^Lý do")).fill("Báo cáo thành tích có số liệu không trung thực.")
    page.get_by_label("Số quyết định hủy bỏ").fill("41/QĐ-UBND")
    page.get_by_label(re.compile("Ngày quyết định hủy bỏ")).fill("03/03/2025")
    page.get_by_label("Người ký quyết định hủy bỏ").fill("Nguyễn Văn Ký")
    page.get_by_label(re.compile("Khen thưởng bị hủy bỏ không tính")).check()
    page.get_by_role("button", name="Hủy bỏ khen thưởng").click()
    expect(records).to_contain_text("Đã hủy bỏ")
    expect(records).to_contain_text("Quyết định số 41/QĐ-UBND ngày 03/03/2025")
    expect(records).to_contain_text("Tiền thưởng phải thu hồi")
    # A fresh page: under load Chromium has detached the old one after the PDF download.
    citizen = browser.new_context(locale="vi-VN").new_page()
    citizen.goto(f"{base}/cong-khai/xac-thuc/{code}/")
    expect(citizen.locator("#ket-qua")).to_have_text("Khen thưởng này đã bị hủy bỏ")
    expect(citizen.locator(".facts")).to_contain_text("Quyết định số 41/QĐ-UBND ngày 03/03/2025")
    expect(citizen.locator(".facts")).not_to_contain_text("không trung thực")
