"""Báo cáo, thống kê in the browser: the numbers of ``thidua report summary``, the year
before, every number a link to its records, the chart, the exports — and only within the
units the user may see."""

from __future__ import annotations

import io
import json
import re
from html import unescape

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from thidua.accounts.tests.factories import officer_of
from thidua.emulation.choices import ClusterKind
from thidua.emulation.models import Cluster, ClusterMember
from thidua.orgs.tests.factories import HouseholdFactory, PersonFactory
from thidua.reports.tests.builders import CITY, award

pytestmark = pytest.mark.django_db


@pytest.fixture
def awards(tree):
    """Kiến An: 2 LĐTT and a household's Giấy khen in 2023, 1 LĐTT in 2022; Đồ Sơn: a flag."""
    award(PersonFactory.create(unit=tree["ngoc_son"]), "lao_dong_tien_tien")
    award(PersonFactory.create(unit=tree["tran_thanh_ngo"]), "lao_dong_tien_tien")
    award(HouseholdFactory.create(unit=tree["ngoc_son"]), "giay_khen")
    award(PersonFactory.create(unit=tree["ngoc_son"]), "lao_dong_tien_tien", year=2022)
    award(tree["do_son"], "co_thi_dua_tinh", body=CITY)
    award(PersonFactory.create(unit=tree["ngoc_xuyen"]), "lao_dong_tien_tien")


@pytest.fixture
def kien_an(client, tree):
    client.force_login(officer_of(tree["kien_an"]))
    return client


def page(client, **params):
    return client.get(reverse("reports:index"), params)


def table(html: str) -> list[tuple[str, str, str, str]]:
    """(honour, recipient, this year, last year) for each row of the report's table."""
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = [
            unescape(re.sub(r"<[^>]+>", "", c)).strip()
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)
        ]
        rows.append((cells[0], cells[2], cells[3], cells[4]))
    return rows


def command_counts(*args: str) -> dict[tuple[str, str], int]:
    out = io.StringIO()
    call_command("report", "summary", *args, "--json", stdout=out)
    return {(c["code"], c["recipient"]): c["count"] for c in json.loads(out.getvalue())["counts"]}


def test_the_page_shows_the_commands_numbers_and_the_year_before(kien_an, awards):
    # when
    html = page(kien_an, don_vi="HP-KA", nam=2023).content.decode()
    # then: the paragraph and the numbers of ``thidua report summary``
    assert command_counts("--year", "2023", "--unit", "HP-KA") == {
        ("giay_khen", "household"): 1,
        ("lao_dong_tien_tien", "individual"): 2,
    }
    assert "Năm 2023, quận Kiến An có 1 hộ gia đình được tặng Giấy khen của UBND quận" in html
    assert table(html) == [
        ("Giấy khen của UBND quận", "hộ gia đình", "1", "0"),
        ("Lao động tiên tiến", "cá nhân", "2", "1"),
    ]
    assert "So với năm 2022, tổng số lượt khen thưởng tăng 2 (từ 1 lên 3)" in html


def test_each_number_links_to_the_records_it_counts(kien_an, awards):
    # given
    html = page(kien_an, don_vi="HP-KA", nam=2023).content.decode()
    links = re.findall(r'<a href="(/bao-cao/danh-sach/\?[^"]+)"[^>]*>(\d+)</a>', html)
    # when / then: each list holds as many records as the number says
    # then: three numbers (a zero has no link) and the two totals
    assert [n for _, n in links] == ["1", "2", "1", "3", "1"]
    for href, number in links:
        listed = kien_an.get(unescape(href)).content.decode()
        assert f"trên {number} lượt khen thưởng" in listed


def test_an_officer_never_sees_another_units_numbers(kien_an, awards, ward_cluster, tree):
    # when: Đồ Sơn, the city above, and a cluster with a member outside Kiến An
    do_son = page(kien_an, don_vi="HP-DS", nam=2023)
    city = page(kien_an, don_vi="HP", nam=2023)
    listed = kien_an.get(reverse("reports:records"), {"don_vi": "HP-DS", "nam": 2023})
    word = kien_an.get(reverse("reports:docx"), {"don_vi": "HP-DS", "nam": 2023})
    # then
    assert (do_son.status_code, city.status_code, listed.status_code, word.status_code) == (
        404,
        404,
        404,
        404,
    )
    assert "Không có đơn vị mã “HP-DS”." in do_son.content.decode()
    assert "Cờ thi đua" not in do_son.content.decode()


def test_a_cluster_counts_only_the_members_the_officer_may_see(client, awards, tree):
    # given: a cluster of a Kiến An ward and a Đồ Sơn ward; an officer of the Kiến An ward
    cluster = Cluster.objects.create(
        code="CUM-X", year=2023, name="Cụm thi đua số 1", kind=ClusterKind.CUM
    )
    ClusterMember.objects.create(cluster=cluster, unit=tree["ngoc_son"])
    ClusterMember.objects.create(cluster=cluster, unit=tree["ngoc_xuyen"])
    client.force_login(officer_of(tree["ngoc_son"]))
    # when
    html = page(client, cum="CUM-X", nam=2023).content.decode()
    # then: Ngọc Sơn's LĐTT and household, not Ngọc Xuyên's LĐTT
    assert table(html) == [
        ("Giấy khen của UBND quận", "hộ gia đình", "1", "0"),
        ("Lao động tiên tiến", "cá nhân", "1", "1"),
    ]
    assert "Số liệu chỉ gồm 1/2 đơn vị thành viên thuộc phạm vi bạn được xem." in html
    listed = client.get(
        reverse("reports:records"),
        {"cum": "CUM-X", "nam_cum": 2023, "nam": 2023, "danh_hieu": "lao_dong_tien_tien"},
    )
    assert "Hiển thị 1–1 trên 1 lượt khen thưởng" in listed.content.decode()


def test_the_report_opens_on_the_officers_unit_and_last_year(kien_an, awards):
    html = page(kien_an).content.decode()

    assert '<option value="HP-KA" selected>' in html
    assert "Báo cáo tổng hợp khen thưởng năm" in html


def test_without_records_of_the_year_just_ended_it_opens_on_the_latest_recorded_year(
    kien_an, awards
):
    # given: the fixture's latest year is 2023, before the year just ended
    assert timezone.localdate().year - 1 > 2023
    # when
    html = page(kien_an).content.decode()
    # then
    assert "Báo cáo tổng hợp khen thưởng năm 2023" in html


def test_with_records_of_the_year_just_ended_it_opens_on_that_year(kien_an, awards, tree):
    # given
    just_ended = timezone.localdate().year - 1
    award(PersonFactory.create(unit=tree["ngoc_son"]), "lao_dong_tien_tien", year=just_ended)
    # when
    html = page(kien_an).content.decode()
    # then
    assert f"Báo cáo tổng hợp khen thưởng năm {just_ended}" in html


def test_the_chart_uses_the_vendored_chartjs_and_the_same_numbers(kien_an, awards):
    # when
    html = page(kien_an, don_vi="HP-KA", nam=2023).content.decode()
    # then
    found = re.search(r'id="report-chart-data"[^>]*>(.*?)</script>', html, re.S)
    assert found is not None
    data = json.loads(found[1])
    assert data["now"] == [1, 2]
    assert data["before"] == [0, 1]
    assert '/static/vendor/chart.umd.min.js"' in html
    assert not re.search(r'<script[^>]+src="https?://', html)


def test_a_year_with_nothing_says_so(kien_an, awards):
    html = page(kien_an, don_vi="HP-KA", nam=2010).content.decode()

    assert "Năm 2010 và năm 2009 chưa có khen thưởng nào được ghi nhận trong phạm vi này." in html


def test_the_word_export_is_a_state_document_with_the_same_numbers(kien_an, awards):
    # when
    response = kien_an.get(reverse("reports:docx"), {"don_vi": "HP-KA", "nam": 2023})
    # then
    assert 'filename="bao-cao-khen-thuong-HP-KA-2023.docx"' in response["Content-Disposition"]
    doc = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    header = doc.tables[0].rows[0].cells
    assert "ỦY BAN NHÂN DÂN\nQUẬN KIẾN AN" in header[0].text.replace("\xa0", " ")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header[1].text
    assert "Độc lập - Tự do - Hạnh phúc" in header[1].text
    assert "Kiến An, ngày" in header[1].text
    assert "BÁO CÁO" in text
    assert "I. KẾT QUẢ CHUNG" in text
    assert "II. SỐ LIỆU CHI TIẾT, SO SÁNH VỚI NĂM 2022" in text
    numbers = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert numbers[1][1:5] == [
        "Giấy khen của UBND quận (hình thức khen thưởng)",
        "hộ gia đình",
        "1",
        "0",
    ]
    assert numbers[-1][1] == "Tổng cộng"


def test_the_excel_export_has_the_same_rows(kien_an, awards):
    response = kien_an.get(reverse("reports:xlsx"), {"don_vi": "HP-KA", "nam": 2023})

    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[4][1:6] == ("Giấy khen của UBND quận", "Hình thức khen thưởng", "hộ gia đình", 1, 0)
    assert rows[6][1:6] == ("Tổng cộng", None, None, 3, 1)
