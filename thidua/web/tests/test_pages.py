"""The shell: login, navigation, Tổng quan, Tra cứu and Quản trị."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.models import Role, RoleKind
from thidua.accounts.tests.factories import UserFactory, officer_of
from thidua.awards.services import decision_issue
from thidua.awards.tests.factories import recorded_award_add, recorded_decision
from thidua.orgs.models import Unit
from thidua.orgs.services import person_create, unit_create
from thidua.web.context import NAVIGATION

pytestmark = pytest.mark.django_db


@pytest.fixture
def district() -> Unit:
    return unit_create(code="KA", name="Quận Kiến An", kind="huyen")


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


def test_the_login_page_is_vietnamese(client):
    html = client.get(reverse("login")).content.decode()

    assert '<html lang="vi">' in html
    assert "Đăng nhập" in html
    assert "Tên đăng nhập" in html
    assert "Mật khẩu" in html


def test_logging_in_through_the_form_opens_tong_quan(client, officer):
    response = client.post(
        reverse("login"), {"username": officer.username, "password": "matkhau"}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Tổng quan" in response.content.decode()


def test_a_wrong_password_is_refused_in_vietnamese(client, officer):
    response = client.post(reverse("login"), {"username": officer.username, "password": "sai"})

    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_logout_is_a_post(client_in):
    assert client_in.get(reverse("logout")).status_code == 405
    response = client_in.post(reverse("logout"))
    assert response.status_code == 302
    assert client_in.get(reverse("home")).status_code == 302


def test_the_shell_shows_the_user_and_every_module_in_order(client_in):
    html = client_in.get(reverse("home")).content.decode()

    assert "Trần Thị Lan" in html
    assert "Cán bộ thi đua – khen thưởng – Phường Ngọc Sơn" in html
    positions = [html.index(f">{label}</a>") for label, _ in NAVIGATION]
    assert positions == sorted(positions)
    assert 'aria-current="page">Tổng quan</a>' in html


def test_the_proposals_pages_sit_under_xet_khen_thuong_in_the_menu(client_in):
    html = client_in.get(reverse("awards:proposals")).content.decode()

    assert 'aria-current="page">Xét khen thưởng</a>' in html


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "search",
        "dataio:index",
        "admin_home",
        "orgs:units",
        "orgs:people",
        "orgs:households",
        "orgs:enterprises",
        "emulation:movements",
        "emulation:clusters",
        "emulation:registrations",
        "awards:eligibility",
        "awards:council",
        "awards:decisions",
        "reports:index",
    ],
)
def test_every_page_renders_for_an_officer(client_in, name):
    response = client_in.get(reverse(name))

    assert response.status_code == 200
    assert '<html lang="vi">' in response.content.decode()


def test_quan_tri_links_every_setting_for_administrators(client):
    admin = UserFactory.create(is_staff=True, is_superuser=True)
    Role.objects.create(user=admin, kind=RoleKind.ADMIN)
    client.force_login(admin)

    html = client.get(reverse("admin_home")).content.decode()

    for name in (
        "awards:local_rules",
        "admin:awards_calendarday_changelist",
        "admin:accounts_user_changelist",
        "admin:auditlog_logentry_changelist",
        "admin:index",
    ):
        assert f'href="{reverse(name)}"' in html
        assert client.get(reverse(name)).status_code == 200
    assert "đang được xây dựng" not in html


def test_quan_tri_shows_an_officer_only_what_they_may_open(client, officer):
    client.force_login(officer)

    html = client.get(reverse("admin_home")).content.decode()

    assert f'href="{reverse("awards:local_rules")}"' in html
    assert reverse("admin:index") not in html


# --- Tổng quan -------------------------------------------------------------------------------


def _award(person, *, decided: date, code: str, number: str) -> None:
    decision = recorded_decision(number=number, decision_date=decided)
    recorded_award_add(decision=decision, code=code, year=decided.year - 1, subject=person)
    decision_issue(decision=decision)


def test_tong_quan_counts_only_the_users_scope(client_in, ward, other_ward):
    today = timezone.localdate()
    mine = person_create(code="P1", full_name="Nguyễn Văn Hinh", unit=ward)
    theirs = person_create(code="P2", full_name="Trần Văn Hinh", unit=other_ward)
    _award(mine, decided=today, code="lao_dong_tien_tien", number="1/QĐ")
    _award(mine, decided=today, code="giay_khen", number="2/QĐ")
    _award(theirs, decided=today, code="lao_dong_tien_tien", number="3/QĐ")
    _award(theirs, decided=today, code="giay_khen", number="4/QĐ")

    response = client_in.get(reverse("home"))
    figures = {f.label: f for f in response.context["figures"]}

    assert figures["Đơn vị đang hoạt động"].now == 1
    assert figures["Cá nhân đang công tác"].now == 1
    assert figures["Lượt danh hiệu thi đua được tặng"].now == 1
    assert figures["Lượt hình thức khen thưởng"].now == 1


def test_tong_quan_costs_a_fixed_number_of_queries(client_in, ward, django_assert_max_num_queries):
    for i in range(30):
        person_create(code=f"Q{i}", full_name=f"Nguyễn Văn Số {i}", unit=ward)

    # session, user, roles, scope (5), 2 award counts, 4 unit/people counts, header roles,
    # and Việc cần làm (8, thidua/web/tasks.py; their own test: test_home_tasks.py)
    with django_assert_max_num_queries(23):
        assert client_in.get(reverse("home")).status_code == 200


# --- Tra cứu ---------------------------------------------------------------------------------


def test_search_ignores_diacritics_and_hides_other_units(client_in, ward, other_ward):
    person_create(code="S1", full_name="Nguyễn Văn Hinh", unit=ward)
    person_create(code="S2", full_name="Nguyễn Văn Hinh", unit=other_ward)
    unit_create(code="NS-VP", name="Văn phòng UBND phường Ngọc Sơn", parent=ward)

    html = client_in.get(reverse("search"), {"q": "nguyen van hinh"}).content.decode()
    assert html.count("Nguyễn Văn Hinh</a>") == 1
    assert "/don-vi/ca-nhan/S1/" in html
    assert "/don-vi/ca-nhan/S2/" not in html

    html = client_in.get(reverse("search"), {"q": "phuong"}).content.decode()
    assert "Phường Ngọc Sơn" in html
    assert "Văn phòng UBND phường Ngọc Sơn" in html
    assert "Phường Bắc Sơn" not in html


def test_search_finds_a_decision_by_part_of_its_number_and_an_unaccented_recipient(
    client_in, ward, other_ward
):
    hinh = person_create(code="S1", full_name="Nguyễn Văn Hinh", unit=ward)
    other = person_create(code="S2", full_name="Lê Thị Mai", unit=ward)
    _award(hinh, decided=date(2024, 1, 15), code="lao_dong_tien_tien", number="301/QĐ-UBND")
    _award(other, decided=date(2025, 1, 15), code="giay_khen", number="12/QĐ-UBND")

    by_number = client_in.get(reverse("search"), {"q": "301"}).content.decode()
    by_name = client_in.get(reverse("search"), {"q": "nguyen van hinh"}).content.decode()
    by_body = client_in.get(reverse("search"), {"q": "kien an", "nam": "2025"}).content.decode()
    by_form = client_in.get(reverse("search"), {"ma": "giay_khen"}).content.decode()

    assert "Quyết định số 301/QĐ-UBND" in by_number
    assert "Quyết định số 12/QĐ-UBND" not in by_number
    assert "Quyết định số 301/QĐ-UBND" in by_name
    assert "Quyết định số 12/QĐ-UBND" in by_body
    assert "Quyết định số 301/QĐ-UBND" not in by_body
    assert "Quyết định số 12/QĐ-UBND" in by_form
    assert "Quyết định số 301/QĐ-UBND" not in by_form
    # The filters stay in the form (and so in the URL); titles and forms apart.
    assert '<option value="giay_khen" selected>' in by_form
    assert '<optgroup label="Danh hiệu thi đua">' in by_form
    assert "sẽ có khi" not in by_form


def test_a_pasted_search_is_cut_to_the_length_of_the_box_and_the_page_says_so(client_in, ward):
    person_create(code="S4", full_name="Nguyễn Văn Hinh", unit=ward)

    response = client_in.get(reverse("search"), {"q": "hinh " + "a" * 50_001})

    html = response.content.decode()
    assert response.status_code == 200
    assert "chỉ tìm theo 200 ký tự đầu" in html
    assert 'value="hinh ' + "a" * 195 + '"' in html


def test_search_answers_htmx_with_the_results_only(client_in, ward):
    person_create(code="S3", full_name="Nguyễn Văn Hinh", unit=ward)

    html = client_in.get(
        reverse("search"), {"q": "hinh"}, headers={"HX-Request": "true"}
    ).content.decode()

    assert html.lstrip().startswith('<div id="results"')
    assert "Nguyễn Văn Hinh" in html


def test_search_costs_a_fixed_number_of_queries(client_in, ward, django_assert_max_num_queries):
    for i in range(40):
        person_create(code=f"T{i}", full_name=f"Nguyễn Văn Số {i}", unit=ward)
        unit_create(code=f"U{i}", name=f"Tổ dân phố số {i}", parent=ward)

    # People, units and decisions: each a page of rows and its count, whatever the rows.
    with django_assert_max_num_queries(15):
        html = client_in.get(reverse("search"), {"q": "so"}).content.decode()
    assert "Xem đủ 40 cá nhân" in html
