"""Đơn vị và cá nhân pages: scoping, Vietnamese search and order, merges, query counts."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from thidua.accounts.tests.factories import officer_of
from thidua.awards.tests.factories import issued_award, revoke
from thidua.orgs.models import Enterprise, Household, Person, Unit
from thidua.orgs.services import person_create, unit_create, unit_merge

pytestmark = pytest.mark.django_db


@pytest.fixture
def district() -> Unit:
    city = unit_create(code="HP", name="Thành phố Hải Phòng", kind="tinh")
    return unit_create(code="KA", name="Quận Kiến An", kind="huyen", parent=city)


@pytest.fixture
def ward(district: Unit) -> Unit:
    return unit_create(code="NS", name="Phường Ngọc Sơn", kind="xa", parent=district)


@pytest.fixture
def other_ward(district: Unit) -> Unit:
    return unit_create(code="BS", name="Phường Bắc Sơn", kind="xa", parent=district)


@pytest.fixture
def officer(ward: Unit):
    return officer_of(ward, full_name="Trần Thị Lan")


@pytest.fixture
def client_in(client, officer):
    client.force_login(officer)
    return client


def names(html: str) -> list[str]:
    """Person names in the order the people list shows them."""
    return re.findall(r'<a href="/don-vi/ca-nhan/[^"]+/">([^<]+)</a>', html)


def many_people(unit: Unit, count: int, prefix: str = "P") -> None:
    Person.objects.bulk_create(
        Person(
            code=f"{prefix}{i:04d}",
            full_name=f"Nguyễn Văn Số{i:04d}",
            unit=unit,
            search_key=f"nguyen van so{i:04d} {prefix.lower()}{i:04d}",
            sort_key=f"k{i:04d}",
        )
        for i in range(count)
    )


# --- Unit tree -------------------------------------------------------------------------------


def test_the_tree_shows_the_officers_units_only(client_in, ward, other_ward):
    unit_create(code="NS-VP", name="Văn phòng UBND phường Ngọc Sơn", parent=ward)

    html = client_in.get(reverse("orgs:units")).content.decode()

    assert "Phường Ngọc Sơn" in html
    assert "Văn phòng UBND phường Ngọc Sơn" in html
    assert "Phường Bắc Sơn" not in html
    assert "Quận Kiến An" not in html


def test_the_tree_marks_merged_units_with_their_successor(client, district, ward, other_ward):
    merged = unit_merge(
        predecessors=[ward, other_ward],
        code="PKA",
        name="Phường Kiến An",
        effective_date=date(2025, 7, 1),
    )
    client.force_login(officer_of(district))

    html = client.get(reverse("orgs:units")).content.decode()

    assert html.count("Đã sáp nhập") == 2
    assert f'href="/don-vi/{merged.code}/">Phường Kiến An</a>' in html
    assert "từ ngày 01/07/2025" in html


def test_the_tree_names_a_successor_out_of_scope_without_a_link(client, district, ward):
    city = district.parent
    merged = unit_merge(
        predecessors=[ward],
        code="PKA",
        name="Phường Kiến An",
        effective_date=date(2025, 7, 1),
        parent=city,
    )
    client.force_login(officer_of(district))

    html = client.get(reverse("orgs:units")).content.decode()

    assert "vào Phường Kiến An từ ngày 01/07/2025" in html
    assert f"/don-vi/{merged.code}/" not in html


def test_the_tree_is_balanced_html(client, district, ward):
    unit_create(code="NS-T1", name="Tổ dân phố số 1", parent=ward)
    unit_create(code="NS-T2", name="Tổ dân phố số 2", parent=ward)
    client.force_login(officer_of(district))

    html = client.get(reverse("orgs:units")).content.decode()
    tree = html[html.index('<ul class="tree"') :]
    tree = tree[: tree.index("</main>")]

    assert tree.count("<ul") == tree.count("</ul>")
    assert tree.count("<details") == tree.count("</details>")


def test_the_tree_search_ignores_diacritics(client_in, ward):
    html = client_in.get(reverse("orgs:units"), {"q": "ngoc son"}).content.decode()

    assert "1 đơn vị phù hợp" in html


def test_the_tree_costs_a_fixed_number_of_queries(client, district, django_assert_max_num_queries):
    for i in range(60):
        ward = unit_create(code=f"W{i}", name=f"Phường Số {i}", kind="xa", parent=district)
        unit_create(code=f"W{i}-VP", name=f"Văn phòng phường Số {i}", parent=ward)
    client.force_login(officer_of(district))

    with django_assert_max_num_queries(12):
        response = client.get(reverse("orgs:units"))
    assert response.status_code == 200


# --- Unit profile ----------------------------------------------------------------------------


def test_a_merged_units_page_shows_its_predecessors_awards(client, district, ward, other_ward):
    issued_award(ward, code="tap_the_lao_dong_tien_tien", year=2023)
    issued_award(other_ward, code="tap_the_lao_dong_xuat_sac", year=2024)
    merged = unit_merge(
        predecessors=[ward, other_ward],
        code="PKA",
        name="Phường Kiến An",
        effective_date=date(2025, 7, 1),
        basis="Nghị quyết số 1669/NQ-UBTVQH15",
    )
    client.force_login(officer_of(merged))

    html = client.get(reverse("orgs:unit", args=[merged.code])).content.decode()

    assert "Tập thể lao động tiên tiến" in html
    assert "Tập thể lao động xuất sắc" in html
    assert "Khi còn là Phường Ngọc Sơn" in html
    assert "Khi còn là Phường Bắc Sơn" in html
    assert "Thành tích năm 2024" in html
    assert html.index("Thành tích năm 2024") < html.index("Thành tích năm 2023")
    assert "Nghị quyết số 1669/NQ-UBTVQH15" in html


def test_a_predecessors_page_names_its_successor(client, district, ward, other_ward):
    unit_merge(
        predecessors=[ward, other_ward],
        code="PKA",
        name="Phường Kiến An",
        effective_date=date(2025, 7, 1),
    )
    client.force_login(officer_of(district))

    html = client.get(reverse("orgs:unit", args=[ward.code])).content.decode()

    assert "Đơn vị đã sáp nhập vào" in html
    assert "Phường Kiến An" in html
    assert "Hoạt động đến 30/06/2025" in html


def test_another_units_page_is_not_found(client_in, other_ward):
    assert client_in.get(reverse("orgs:unit", args=[other_ward.code])).status_code == 404
    assert client_in.get(reverse("orgs:unit", args=["KHONG-CO"])).status_code == 404


def test_the_unit_page_costs_a_fixed_number_of_queries(client, ward, django_assert_max_num_queries):
    many_people(ward, 80)
    for year in range(2018, 2025):
        issued_award(ward, code="tap_the_lao_dong_tien_tien", year=year)
    client.force_login(officer_of(ward))

    # session, user, unit, scope (6), relations (3), people (2), lineage, header, awards,
    # assessments: the same for 8 people or 80, 1 award or 100
    with django_assert_max_num_queries(18):
        response = client.get(reverse("orgs:unit", args=[ward.code]))
    assert response.status_code == 200
    assert "Xem đủ 80 cá nhân của đơn vị" in response.content.decode()


# --- People list -----------------------------------------------------------------------------


def test_people_search_ignores_diacritics(client_in, ward):
    person_create(code="A1", full_name="Nguyễn Văn Hinh", unit=ward)
    person_create(code="A2", full_name="Nguyễn Văn Hình", unit=ward)
    person_create(code="A3", full_name="Trần Thị Lan", unit=ward)

    html = client_in.get(reverse("orgs:people"), {"q": "nguyen van hinh"}).content.decode()

    assert sorted(names(html)) == ["Nguyễn Văn Hinh", "Nguyễn Văn Hình"]
    assert "Hiển thị 1–2 trên 2 cá nhân" in html


def test_people_are_listed_in_vietnamese_name_order(client_in, ward):
    for i, name in enumerate(
        ["Trần Văn Bình", "Lê Thị Anh", "Nguyễn Văn Ánh", "Phạm Đức Dũng", "Đỗ Văn Dung"]
    ):
        person_create(code=f"B{i}", full_name=name, unit=ward)

    html = client_in.get(reverse("orgs:people")).content.decode()

    # Given name first (Anh < Ánh < Bình < Dung < Dũng), then family and middle names.
    assert names(html) == [
        "Lê Thị Anh",
        "Nguyễn Văn Ánh",
        "Trần Văn Bình",
        "Đỗ Văn Dung",
        "Phạm Đức Dũng",
    ]


def test_people_of_other_units_are_hidden(client_in, ward, other_ward):
    person_create(code="C1", full_name="Nguyễn Văn Hinh", unit=ward)
    person_create(code="C2", full_name="Trần Văn Hinh", unit=other_ward)

    html = client_in.get(reverse("orgs:people"), {"q": "hinh"}).content.decode()
    assert names(html) == ["Nguyễn Văn Hinh"]

    # Filtering by a unit out of scope does not reveal it either.
    html = client_in.get(reverse("orgs:people"), {"don_vi": other_ward.code}).content.decode()
    assert names(html) == ["Nguyễn Văn Hinh"]


def test_people_pages_show_totals_and_keep_filters(client_in, ward):
    many_people(ward, 123)

    first = client_in.get(reverse("orgs:people"), {"q": "so"}).content.decode()
    third = client_in.get(reverse("orgs:people"), {"q": "so", "trang": 3}).content.decode()

    assert "Hiển thị 1–50 trên 123 cá nhân" in first
    assert "?q=so&amp;trang=2" in first
    assert "Hiển thị 101–123 trên 123 cá nhân" in third
    assert len(names(third)) == 23


def test_htmx_live_search_gets_only_the_results(client_in, ward):
    person_create(code="D1", full_name="Nguyễn Văn Hinh", unit=ward)

    response = client_in.get(reverse("orgs:people"), {"q": "hinh"}, headers={"HX-Request": "true"})
    html = response.content.decode()

    assert html.lstrip().startswith('<div id="results"')
    assert "<html" not in html
    assert names(html) == ["Nguyễn Văn Hinh"]
    assert "HX-Request" in response["Vary"]


def test_a_history_restore_gets_the_whole_page(client_in, ward):
    response = client_in.get(
        reverse("orgs:people"),
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in response.content.decode()


def test_the_people_list_costs_a_fixed_number_of_queries(
    client_in, ward, django_assert_max_num_queries
):
    for i in range(10):
        unit_create(code=f"NS-T{i}", name=f"Tổ dân phố số {i}", parent=ward)
    many_people(ward, 523)

    with django_assert_max_num_queries(12):
        response = client_in.get(reverse("orgs:people"))
    assert "Hiển thị 1–50 trên 523 cá nhân" in response.content.decode()

    with django_assert_max_num_queries(12):
        client_in.get(reverse("orgs:people"), {"q": "so", "trang": 2, "sap_xep": "don-vi"})


# --- Person profile ------------------------------------------------------------------------


def test_the_person_page_shows_history_and_marks_revoked_awards(client_in, ward):
    person = person_create(
        code="E1", full_name="Nguyễn Văn Hinh", unit=ward, start=date(2019, 1, 1)
    )
    kept = issued_award(person, code="chien_si_thi_dua_co_so", year=2023, number="12/QĐ-UBND")
    revoked = issued_award(person, code="giay_khen", year=2022, number="7/QĐ-UBND")
    revoke(revoked, reason="Sai hồ sơ")

    html = client_in.get(reverse("orgs:person", args=[person.code])).content.decode()

    assert "Chiến sĩ thi đua cơ sở" in html
    assert "Số 12/QĐ-UBND" in html
    assert f"ngày {kept.decision.date:%d/%m/%Y}" in html
    assert "UBND quận Kiến An" in html
    assert "Đã hủy" in html
    assert "Sai hồ sơ" in html
    # Titles and forms are told apart, never one label.
    assert "Danh hiệu thi đua" in html
    assert "Hình thức khen thưởng" in html
    assert "01/01/2019 – nay" in html


def test_another_units_person_is_not_found(client_in, other_ward):
    stranger = person_create(code="F1", full_name="Trần Văn Hinh", unit=other_ward)

    assert client_in.get(reverse("orgs:person", args=[stranger.code])).status_code == 404


def test_the_person_page_costs_a_fixed_number_of_queries(
    client_in, ward, django_assert_max_num_queries
):
    person = person_create(code="G1", full_name="Nguyễn Văn Hinh", unit=ward)
    for year in range(2015, 2025):
        issued_award(person, code="lao_dong_tien_tien", year=year)

    with django_assert_max_num_queries(14):
        response = client_in.get(reverse("orgs:person", args=[person.code]))
    assert response.content.decode().count("Lao động tiên tiến") == 10


# --- Households and enterprises --------------------------------------------------------------


def test_households_and_enterprises_are_scoped_and_counted(
    client_in, ward, other_ward, django_assert_max_num_queries
):
    Household.objects.bulk_create(
        Household(code=f"H{i:03d}", name=f"Nguyễn Văn Hộ {i}", unit=ward, search_key=f"h{i}")
        for i in range(60)
    )
    Household.objects.create(code="HX", name="Trần Văn Khác", unit=other_ward)
    Enterprise.objects.create(code="DN1", name="Công ty TNHH Ngọc Sơn", unit=ward)
    Enterprise.objects.create(code="DN2", name="Công ty TNHH Bắc Sơn", unit=other_ward)

    with django_assert_max_num_queries(11):
        households = client_in.get(reverse("orgs:households")).content.decode()
    with django_assert_max_num_queries(11):
        enterprises = client_in.get(reverse("orgs:enterprises")).content.decode()

    assert "Hiển thị 1–50 trên 60 hộ gia đình" in households
    assert "Trần Văn Khác" not in households
    assert "Công ty TNHH Ngọc Sơn" in enterprises
    assert "Công ty TNHH Bắc Sơn" not in enterprises


def test_the_pages_need_a_login(client, ward):
    for url in [reverse("orgs:units"), reverse("orgs:people"), reverse("orgs:unit", args=["NS"])]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
