"""Sessions end when idle (30 minutes) or old (12 hours); each one is listed on the person's
account page, and can be ended there, one or all."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.devices import device_label
from thidua.accounts.models import UserSession
from thidua.accounts.session_signals import LAST_SEEN_AT, SIGNED_IN_AT
from thidua.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CHROME_ON_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Safari/537.36"
)
SAFARI_ON_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


@pytest.fixture
def lan():
    return UserFactory.create(username="canbo.lan")


def signed_in(user_agent: str = CHROME_ON_WINDOWS, address: str = "203.0.113.7") -> Client:
    client = Client(HTTP_USER_AGENT=user_agent, REMOTE_ADDR=address)
    response = client.post(reverse("login"), {"username": "canbo.lan", "password": "matkhau"})
    assert response.status_code == 302
    return client


def age(client: Client, key: str, minutes: float) -> None:
    session = client.session
    session[key] = timezone.now().timestamp() - minutes * 60
    session.save()


def test_a_sign_in_is_listed_with_its_device_and_address(lan):
    client = signed_in()

    html = client.get(reverse("accounts:account")).content.decode()

    record = UserSession.objects.get(user=lan)
    assert record.ip_address == "203.0.113.7"
    assert "Chrome trên Windows" in html
    assert "Phiên này" in html
    assert "203.0.113.7" in html


def test_a_session_idle_for_more_than_30_minutes_ends(lan):
    # given
    client = signed_in()
    age(client, LAST_SEEN_AT, 31)
    # when
    response = client.get(reverse("search"), {"q": "hinh"})
    # then
    assert response.status_code == 302
    assert response["Location"] == "/dang-nhap/?next=%2Ftra-cuu%2F%3Fq%3Dhinh"
    page = client.get(response["Location"]).content.decode()
    assert "không có thao tác trong 30 phút" in page
    assert not UserSession.objects.exists()


def test_activity_keeps_a_session_alive(lan):
    client = signed_in()
    age(client, LAST_SEEN_AT, 29)

    assert client.get(reverse("search")).status_code == 200
    age(client, LAST_SEEN_AT, 0)  # the request above counted as activity
    assert client.session[LAST_SEEN_AT] > timezone.now().timestamp() - 60


def test_a_session_ends_twelve_hours_after_sign_in_even_when_used(lan):
    client = signed_in()
    age(client, SIGNED_IN_AT, 12 * 60 + 1)

    response = client.get(reverse("search"))

    assert response.status_code == 302
    assert "sau 12 giờ kể từ khi đăng nhập" in client.get(response["Location"]).content.decode()


def test_htmx_is_sent_to_the_login_page_instead_of_swapping_it_in(lan):
    client = signed_in()
    age(client, LAST_SEEN_AT, 31)

    response = client.get(reverse("search"), headers={"HX-Request": "true"})

    assert response.status_code == 204
    assert response["HX-Redirect"] == "/dang-nhap/?next=%2Ftra-cuu%2F"


def test_signing_out_everywhere_ends_every_session(lan):
    # given: the office computer and a phone
    office = signed_in()
    phone = signed_in(SAFARI_ON_IPHONE, "198.51.100.4")
    listed = office.get(reverse("accounts:account")).content.decode()
    # when
    response = office.post(reverse("accounts:sign_out_everywhere"), follow=True)
    # then
    assert "Safari trên iPhone" in listed
    assert "Đã đăng xuất khỏi mọi thiết bị (2 phiên)" in response.content.decode()
    assert phone.get(reverse("search")).status_code == 302
    assert office.get(reverse("search")).status_code == 302
    assert not UserSession.objects.exists()


def test_one_other_session_can_be_ended(lan):
    office = signed_in()
    phone = signed_in(SAFARI_ON_IPHONE)
    key = phone.session.session_key

    office.post(reverse("accounts:session_end"), {"session": key})

    assert phone.get(reverse("search")).status_code == 302
    assert office.get(reverse("search")).status_code == 200


def test_someone_elses_session_cannot_be_ended(lan):
    phone = signed_in()
    other = Client()
    other.force_login(UserFactory.create())

    other.post(reverse("accounts:session_end"), {"session": phone.session.session_key})

    assert phone.get(reverse("search")).status_code == 200


@pytest.mark.parametrize(
    ("agent", "label"),
    [
        (CHROME_ON_WINDOWS, "Chrome trên Windows"),
        (SAFARI_ON_IPHONE, "Safari trên iPhone"),
        (
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Firefox trên Linux",
        ),
        ("curl/8.5", "Trình duyệt không rõ"),
    ],
)
def test_devices_are_named_as_people_name_them(agent, label):
    assert device_label(agent) == label


def test_changing_the_password_signs_out_the_other_sessions(lan):
    office = signed_in()
    phone = signed_in(SAFARI_ON_IPHONE)
    new = "Sông Cấm chảy qua Kiến An"

    office.post(
        reverse("accounts:password_change"),
        {"old_password": "matkhau", "new_password1": new, "new_password2": new},
    )

    assert office.get(reverse("search")).status_code == 200
    assert phone.get(reverse("search")).status_code == 302
    assert list(UserSession.objects.values_list("session_key", flat=True)) == [
        office.session.session_key
    ]
