"""Guessing passwords at the login page: five wrong ones lock the account at that address,
twenty lock the address; the page says so in Vietnamese with the username kept; an
administrator sees every attempt and lifts a lock; API tokens are not affected."""

from __future__ import annotations

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.test import RequestFactory
from django.urls import reverse

from thidua.accounts.tests.factories import UserFactory
from thidua.api.tests.clients import bearer
from thidua.common.client import client_ip

pytestmark = pytest.mark.django_db

OFFICE = "203.0.113.7"
HOME = "198.51.100.4"


def sign_in(client, username, password, address=OFFICE):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


@pytest.fixture
def lan():
    return UserFactory.create(username="canbo.lan")


def test_the_fifth_wrong_password_locks_the_account_and_the_page_says_so_in_vietnamese(client, lan):
    # given
    for _ in range(4):
        assert sign_in(client, "canbo.lan", "doan-mo").status_code == 200
    fifth = sign_in(client, "canbo.lan", "doan-mo")
    # when: even the right password
    response = sign_in(client, "canbo.lan", "matkhau")
    # then
    html = response.content.decode()
    assert fifth.status_code == response.status_code == 429
    assert "Đăng nhập tạm thời bị khóa vì mật khẩu đã bị nhập sai quá 5 lần" in html
    assert "thử lại sau 15 phút" in html
    assert 'value="canbo.lan"' in html
    assert "_auth_user_id" not in client.session


def test_the_lock_holds_for_that_account_at_that_address_only(client, lan):
    UserFactory.create(username="canbo.hoa")
    for _ in range(5):
        sign_in(client, "canbo.lan", "doan-mo")

    assert sign_in(client, "canbo.hoa", "matkhau").status_code == 302
    assert sign_in(client, "canbo.lan", "matkhau", address=HOME).status_code == 302


def test_twenty_failures_from_one_address_lock_it_for_every_account(client, lan):
    for i in range(20):
        sign_in(client, f"khong-co-{i}", "doan-mo")

    assert sign_in(client, "canbo.lan", "matkhau").status_code == 429
    assert sign_in(client, "canbo.lan", "matkhau", address=HOME).status_code == 302


def test_the_lock_ends_after_the_cool_off(client, lan):
    for _ in range(5):
        sign_in(client, "canbo.lan", "doan-mo")

    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )

    assert sign_in(client, "canbo.lan", "matkhau").status_code == 302


def test_every_attempt_is_logged_and_shown_to_administrators(client, lan):
    # given
    sign_in(client, "canbo.lan", "doan-mo")
    sign_in(client, "canbo.lan", "matkhau")
    admin = UserFactory.create(username="quantri", is_staff=True, is_superuser=True)
    client.force_login(admin)
    # when
    html = client.get(reverse("accounts:signins"), {"tai_khoan": "canbo.lan"}).content.decode()
    # then
    assert AccessFailureLog.objects.filter(username="canbo.lan", ip_address=OFFICE).count() == 1
    assert AccessLog.objects.filter(username="canbo.lan", ip_address=OFFICE).count() == 1
    assert html.count("Đăng nhập thành công") == 1
    assert html.count("Sai tên đăng nhập hoặc mật khẩu") == 1
    assert OFFICE in html


def test_an_administrator_lifts_a_lock_and_the_log_says_who(client, lan):
    # given
    for _ in range(5):
        sign_in(client, "canbo.lan", "doan-mo")
    admin = UserFactory.create(username="quantri", is_staff=True, is_superuser=True)
    client.force_login(admin)
    page = client.get(reverse("accounts:signins")).content.decode()
    # when
    response = client.post(
        reverse("accounts:signin_unlock"), {"username": "canbo.lan"}, follow=True
    )
    client.logout()
    # then
    assert "Mở khóa tài khoản" in page
    assert "Đã mở khóa đăng nhập cho tài khoản “canbo.lan”." in response.content.decode()
    assert not AccessAttempt.objects.exists()
    entry = LogEntry.objects.get(action=LogEntry.Action.DELETE)
    assert entry.actor == admin
    assert sign_in(client, "canbo.lan", "matkhau").status_code == 302


def test_officers_may_not_see_or_lift_locks(client, lan):
    client.force_login(lan)

    assert client.get(reverse("accounts:signins")).status_code == 403
    assert client.post(reverse("accounts:signin_unlock"), {"username": "x"}).status_code == 403


def test_an_api_token_works_from_a_locked_address(lan):
    from django.test import Client

    browser = Client()
    for i in range(20):
        sign_in(browser, f"khong-co-{i}", "doan-mo")
    api = bearer(lan)

    response = api.get("/api/me", REMOTE_ADDR=OFFICE)

    assert response.status_code == 200
    assert response.json()["username"] == "canbo.lan"


def test_a_success_forgets_only_that_accounts_failures_at_the_address(client, lan):
    # given: canbo.lan is locked; another officer at the same address signs in
    for _ in range(5):
        sign_in(client, "canbo.lan", "doan-mo")
    UserFactory.create(username="canbo.hoa")
    # when
    assert sign_in(client, "canbo.hoa", "matkhau").status_code == 302
    client.logout()
    # then
    assert sign_in(client, "canbo.lan", "matkhau").status_code == 429
    assert AccessFailureLog.objects.filter(username="canbo.lan").count() == 6


def test_a_wrong_password_is_told_in_plain_vietnamese(client, lan):
    html = sign_in(client, "canbo.lan", "doan-mo").content.decode()

    assert "Tên đăng nhập hoặc mật khẩu không đúng." in html


def test_behind_the_proxy_sign_ins_count_by_the_address_the_proxy_saw(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9"
    )
    assert client_ip(request) == "127.0.0.1"
    settings.THIDUA_CLIENT_ADDRESS_HEADER = "HTTP_X_FORWARDED_FOR"
    assert client_ip(request) == "203.0.113.9"
    assert settings.AXES_CLIENT_IP_CALLABLE == "thidua.common.client.client_ip"
