"""The "Đủ điều kiện" page, its .xlsx export and the profile's "Xét danh hiệu, khen thưởng"
section: scoped to the user's units, filtered in the address, a fixed number of queries."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from thidua.accounts.models import Role, RoleKind
from thidua.accounts.tests.factories import UserFactory, officer_of
from thidua.awards.eligibility import eligibility_scan, scan_text
from thidua.awards.services import proposals
from thidua.awards.services.quotas import local_scope
from thidua.awards.tests.eligibility_data import Tree, assessed, build_tree
from thidua.awards.tests.factories import issued_award
from thidua.awards.tests.local_rules import set_local_rules
from thidua.orgs.choices import Rating

pytestmark = pytest.mark.django_db

PAGE = reverse("awards:eligibility")
XLSX = reverse("awards:eligibility_xlsx")


@pytest.fixture
def tree() -> Tree:
    return build_tree()


@pytest.fixture
def officer(tree: Tree):
    return officer_of(tree.ward, username="canbo.ngocson")


@pytest.fixture
def client_in(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def admin_client(client, tree):
    admin = UserFactory.create(username="quantri", is_staff=True, is_superuser=True)
    Role.objects.create(user=admin, kind=RoleKind.ADMIN)
    client.force_login(admin)
    return client


def rows_of(html: str) -> list[str]:
    """The text of each body row of the results table, tags stripped."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [" ".join(re.sub(r"<[^>]+>", " ", r).split()) for r in body.split("<tr>")[1:]]


def found(pattern: str, text: str) -> str:
    match = re.search(pattern, text)
    assert match is not None, pattern
    return match[1]


def test_an_officer_sees_who_is_eligible_for_what_in_their_ward(client_in):
    response = client_in.get(PAGE, {"nam": 2024})

    assert response.status_code == 200
    html = response.content.decode()
    assert '<option value="NS" selected>Phường Ngọc Sơn</option>' in html
    rows = rows_of(html)
    mai = [r for r in rows if "Nguyễn Thị Mai" in r]
    assert any("Chiến sĩ thi đua cơ sở" in r and "Danh hiệu thi đua" in r for r in mai)
    assert any("Bằng khen của Bộ, ban, ngành, tỉnh" in r for r in mai)
    # The ground of each eligible row on demand: the met criteria with their articles.
    assert "Khoản 2 Điều 23 Luật Thi đua, khen thưởng số 06/2022/QH15" in html
    assert not any("Lê Thị Hòa" in r for r in rows)  # Bắc Sơn is not the officer's ward


def test_one_criterion_short_says_what_is_missing_and_the_article(client_in):
    html = client_in.get(PAGE, {"nam": 2024, "xem": "thieu"}).content.decode()

    binh = [r for r in rows_of(html) if "Trần Văn Bình" in r]
    title = [r for r in binh if "Danh hiệu thi đua Chiến sĩ thi đua cơ sở" in r]
    assert len(title) == 1
    assert "Hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến" in title[0]
    assert "Khoản 2 Điều 23 Luật Thi đua, khen thưởng số 06/2022/QH15" in title[0]
    # And the Bằng khen tỉnh, short of two years' chain, with its point and clause.
    assert any("Điểm d khoản 1 Điều 74" in r for r in binh)


def test_the_council_criteria_are_listed_for_the_titles_found(client_in):
    html = client_in.get(PAGE, {"nam": 2024}).content.decode()

    assert "Tiêu chuẩn do Hội đồng Thi đua – Khen thưởng xem xét" in html
    assert "Hội đồng xem xét:" in html


def test_an_officer_of_another_ward_gets_404(client, tree):
    client.force_login(officer_of(tree.other_ward))

    assert client.get(PAGE, {"don_vi": "NS", "nam": 2024}).status_code == 404
    assert client.get(XLSX, {"don_vi": "NS", "nam": 2024}).status_code == 404
    assert client.get(PAGE, {"don_vi": "KHONG-CO", "nam": 2024}).status_code == 404
    person = reverse("awards:person_eligibility", args=[tree.mai.code])
    assert client.get(person).status_code == 404


def test_the_unit_choice_holds_only_the_units_the_user_acts_for(client_in):
    html = client_in.get(PAGE).content.decode()
    choices = re.findall(r'<option value="([^"]*)"[^>]*>', html.split('id="don_vi"')[1])

    assert "NS" in choices
    assert "BS" not in choices
    assert "KA" not in choices


def test_the_administrator_sees_every_unit(admin_client):
    html = admin_client.get(PAGE, {"don_vi": "KA", "nam": 2024}).content.decode()
    rows = rows_of(html)

    assert any("Lê Thị Hòa" in r for r in rows)
    assert any("Nguyễn Thị Mai" in r for r in rows)
    assert '<option value="BS"' in html


def test_the_form_filter_and_a_search_without_diacritics(client_in):
    html = client_in.get(
        PAGE, {"nam": 2024, "hinh_thuc": "lao_dong_tien_tien", "q": "tran van binh"}
    ).content.decode()
    rows = rows_of(html)

    assert len(rows) == 1
    assert "Trần Văn Bình" in rows[0]
    assert "Lao động tiên tiến" in rows[0]
    assert "Hiển thị 1–1 trên 1 lượt đủ điều kiện" in html


def test_an_unknown_form_or_year_is_explained_not_a_crash(client_in):
    form = client_in.get(PAGE, {"hinh_thuc": "bang_khen_gia"}).content.decode()
    year = client_in.get(PAGE, {"nam": "1990"}).content.decode()

    assert "Không có danh hiệu thi đua, hình thức khen thưởng mã “bang_khen_gia”." in form
    assert "Năm 1990 chưa có bộ quy tắc xét thi đua, khen thưởng" in year


def test_people_are_listed_in_vietnamese_name_order(client_in, tree):
    for code, name in (("NS-0003", "Đỗ Văn Đức"), ("NS-0004", "Phạm Thị Dung")):
        assessed(tree.ward, code, name, {2024: Rating.TOT})
    html = client_in.get(
        PAGE, {"nam": 2024, "hinh_thuc": "lao_dong_tien_tien", "doi_tuong": "ca-nhan"}
    ).content.decode()
    names = [found(r"^\d+ (.+?) Cá nhân", r) for r in rows_of(html)]

    # Given name first, then the Vietnamese alphabet: Bình < Dung < Đức < Mai.
    assert names == ["Trần Văn Bình", "Phạm Thị Dung", "Đỗ Văn Đức", "Nguyễn Thị Mai"]


def test_htmx_gets_only_the_results(client_in):
    response = client_in.get(PAGE, {"nam": 2024, "xem": "thieu"}, headers={"HX-Request": "true"})
    html = response.content.decode()

    assert html.lstrip().startswith('<div id="results"')
    assert "<html" not in html
    assert "Tiêu chí còn thiếu" in html
    assert "HX-Request" in response["Vary"]


def eligible_count(html: str) -> int:
    return int(found(r"Đủ điều kiện \((\d+)\)", html))


def test_the_page_reads_the_facts_in_a_fixed_number_of_queries(client_in, tree):
    with CaptureQueriesContext(connection) as few:
        before = eligible_count(client_in.get(PAGE, {"nam": 2024}).content.decode())
    for n in range(25):
        assessed(tree.ward, f"NS-1{n:03d}", f"Người Thứ {n}", {2023: Rating.TOT, 2024: Rating.TOT})
    with CaptureQueriesContext(connection) as many:
        after = eligible_count(client_in.get(PAGE, {"nam": 2024}).content.decode())

    assert after >= before + 25  # each of them is a Lao động tiên tiến
    assert len(many.captured_queries) == len(few.captured_queries)
    assert len(many.captured_queries) <= 25


def test_the_caps_per_unit_with_the_provinces_basis(client_in):
    set_local_rules("HP", cstdcs_share_of_ldtt=20, basis="Quyết định số 15/2024/QĐ-UBND")
    html = client_in.get(PAGE, {"nam": 2024, "xem": "ty-le"}).content.decode()

    assert "Tỷ lệ theo đơn vị (1)" in html
    assert "Tỷ lệ theo Quyết định số 15/2024/QĐ-UBND." in html
    (row,) = rows_of(html)
    # Mai and Bình hold Lao động tiên tiến; 20 % of 2 is 0 whole places: Mai is over.
    assert row.startswith("Phường Ngọc Sơn Chiến sĩ thi đua cơ sở Không quá 20%")
    assert "Vượt 1" in row
    # The basis column cites the province's decision, not the national article.
    assert row.endswith("Vượt 1 Quyết định số 15/2024/QĐ-UBND")


def test_the_caps_leave_out_the_unit_above_the_one_scanned(client_in):
    html = client_in.get(PAGE, {"nam": 2023, "xem": "ty-le"}).content.decode()
    units = {r.split(" Chiến sĩ")[0].split(" Cờ")[0] for r in rows_of(html)}

    # The ward's collective counts towards Kiến An's caps, which this officer does not see.
    assert units == {"Phường Ngọc Sơn"}


def test_the_caps_of_the_2013_law_for_an_earlier_year(client_in):
    html = client_in.get(PAGE, {"nam": 2023, "xem": "ty-le"}).content.decode()

    assert "Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2013)" in html
    assert any("Chiến sĩ thi đua cơ sở Không quá 15%" in r for r in rows_of(html))


def export(client, **query) -> list[tuple]:
    response = client.get(XLSX, {"nam": 2024, "hinh_thuc": "chien_si_thi_dua_co_so", **query})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="du-dieu-kien-NS-2024.xlsx"'
    sheet = load_workbook(BytesIO(response.content))["Đủ điều kiện"]
    assert sheet["A1"].value == "Danh sách đủ điều kiện năm 2024 — Phường Ngọc Sơn"
    return list(sheet.iter_rows(min_row=3, values_only=True))


def test_the_export_has_exactly_the_rows_shown(client_in):
    eligible = export(client_in)
    short = export(client_in, xem="thieu")
    both = export(client_in, xem="ty-le")

    assert [(r[0], r[1], r[5], r[6]) for r in eligible] == [
        (1, "Nguyễn Thị Mai", "Chiến sĩ thi đua cơ sở", "Đủ điều kiện"),
    ]
    assert [(r[0], r[1], r[5], r[6], r[8]) for r in short] == [
        (
            1,
            "Trần Văn Bình",
            "Chiến sĩ thi đua cơ sở",
            "Còn thiếu một tiêu chí",
            "Khoản 2 Điều 23 Luật Thi đua, khen thưởng số 06/2022/QH15",
        ),
    ]
    assert [r[1] for r in both] == ["Nguyễn Thị Mai", "Trần Văn Bình"]


def test_a_title_already_granted_for_the_year_is_marked_on_the_page_and_in_the_export(
    client_in, tree
):
    issued_award(tree.mai, code="chien_si_thi_dua_co_so", year=2024)

    page = client_in.get(PAGE, {"nam": 2024, "hinh_thuc": "chien_si_thi_dua_co_so"})

    rows = re.findall(r"<tr>.*?</tr>", page.content.decode(), flags=re.S)
    mai = next(r for r in rows if "Nguyễn Thị Mai" in r)
    assert "Đã có quyết định" in mai
    assert [(r[1], r[6]) for r in export(client_in)] == [
        ("Nguyễn Thị Mai", "Đủ điều kiện, đã có quyết định"),
    ]
    short = client_in.get(PAGE, {"nam": 2024, "xem": "thieu"}).content.decode()
    assert "Đã có quyết định" not in short
    # The command's text says it too.
    text = scan_text(eligibility_scan(unit_code="NS", year=2024))
    assert "Nguyễn Thị Mai" in text
    assert "Chiến sĩ thi đua cơ sở (đã có quyết định)" in text


def test_a_form_ruled_out_by_another_form_of_the_year_is_marked(client_in, tree):
    # Mai meets the province's Giấy khen standard but holds a Bằng khen tỉnh for 2024: a
    # proposal would refuse a Giấy khen for the same year's results (Điều 5.2.c).
    set_local_rules("HP", giay_khen_min_rating=Rating.TOT.value)
    issued_award(tree.mai, code="bang_khen_tinh", year=2024)

    page = client_in.get(PAGE, {"nam": 2024, "hinh_thuc": "giay_khen"}).content.decode()

    rows = re.findall(r"<tr>.*?</tr>", page, flags=re.S)
    mai = next(r for r in rows if "Nguyễn Thị Mai" in r)
    assert "Đã có Bằng khen của Bộ, ban, ngành, tỉnh" in mai
    others = [r for r in rows if "Nguyễn Thị Mai" not in r]
    assert others
    assert not any("Đã có" in r for r in others)
    scope = local_scope(tree.ward, 2024)  # what `thidua rules scan` applies
    text = scan_text(eligibility_scan(unit_code="NS", year=2024, scope=scope))
    assert "Giấy khen (đã có Bằng khen của Bộ, ban, ngành, tỉnh)" in text


def test_the_profile_loads_the_eligibility_section(client_in, tree):
    html = client_in.get(reverse("orgs:person", args=[tree.binh.code])).content.decode()
    url = reverse("awards:person_eligibility", args=[tree.binh.code])

    assert f'hx-get="{url}" hx-trigger="load"' in html
    assert "Xét danh hiệu, khen thưởng" in html


def test_the_section_shows_the_verdicts_and_the_next_step(client_in, tree):
    url = reverse("awards:person_eligibility", args=[tree.binh.code])
    response = client_in.get(url, {"nam": 2024}, headers={"HX-Request": "true"})
    html = response.content.decode()

    assert html.lstrip().startswith('<section id="xet-danh-hieu-khen-thuong"')
    assert "Kết quả đối chiếu năm 2024" in html
    assert "Đủ điều kiện</span>" in html
    assert "Chưa đủ điều kiện</span>" in html
    steps = html.split("Lộ trình tiếp theo", 1)[1]
    # The nearest: Chiến sĩ thi đua cơ sở, missing an excellent year, reachable in 2025.
    first = rows_of(steps)[0]
    assert "Chiến sĩ thi đua cơ sở" in first
    assert "Khoản 2 Điều 23" in first
    assert first.endswith("2025")


def test_the_path_follows_the_local_rules_in_force(client_in, tree):
    url = reverse("awards:person_eligibility", args=[tree.binh.code])

    def path() -> list[str]:
        html = client_in.get(url, {"nam": 2024}, headers={"HX-Request": "true"}).content.decode()
        return rows_of(html.split("Lộ trình tiếp theo", 1)[1])

    # Giấy khen is left to the council until the province sets its standard.
    assert not any("Giấy khen" in row for row in path())
    set_local_rules("HP", giay_khen_min_rating=Rating.XUAT_SAC, basis="Quyết định số 15/QĐ-UBND")
    giay_khen = next(row for row in path() if "Giấy khen" in row)
    assert giay_khen.endswith("2025")


def test_the_section_defaults_to_the_latest_assessed_year_and_stands_alone(client_in, tree):
    html = client_in.get(
        reverse("awards:person_eligibility", args=[tree.binh.code])
    ).content.decode()

    assert "<html" in html
    assert "Trần Văn Bình" in html
    assert "Kết quả đối chiếu năm 2024" in html


def test_someone_already_proposed_for_the_year_is_marked_not_offered_again(client_in, tree):
    ward = tree.mai.unit
    proposal = proposals.proposal_create(
        unit=ward, award_code="chien_si_thi_dua_co_so", year=2024, by=None
    )
    proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=tree.mai)

    page = client_in.get(PAGE, {"nam": 2024, "hinh_thuc": "chien_si_thi_dua_co_so"})

    rows = re.findall(r"<tr>.*?</tr>", page.content.decode(), flags=re.S)
    mai = next(r for r in rows if "Nguyễn Thị Mai" in r)
    assert f"Đang trong đề nghị “{proposal}”" in mai
