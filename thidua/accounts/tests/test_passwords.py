"""Passwords: Argon2 (older hashes upgraded at sign-in), Django's four validators in
Vietnamese, a forced change after an administrator sets one, and reset by e-mail."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from config import settings as production
from config.settings import email_settings
from thidua.accounts.models import User
from thidua.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

GOOD = "Hoa phượng đỏ 1975"


def refusals(password: str, user: User | None = None) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    return refused.value.messages


def test_each_validator_refuses_in_vietnamese():
    user = User(username="canbo.ngocson", full_name="Trần Thị Lan")

    assert refusals("12345", user) == [
        "Mật khẩu quá ngắn: cần ít nhất 12 ký tự.",
        "Mật khẩu này quá phổ biến, dễ bị dò ra: hãy chọn mật khẩu khác.",
        "Mật khẩu không được chỉ gồm chữ số: hãy thêm chữ cái hoặc ký hiệu.",
    ]
    assert refusals("canbo.ngocson1", user) == [
        "Mật khẩu quá giống tên đăng nhập của tài khoản: hãy chọn mật khẩu khác."
    ]
    assert refusals("password1234") == [
        "Mật khẩu này quá phổ biến, dễ bị dò ra: hãy chọn mật khẩu khác."
    ]
    validate_password(GOOD, user)


@override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS)
def test_a_pbkdf2_hash_becomes_argon2_at_the_next_sign_in(client):
    # given
    user = UserFactory.create(username="canbo.cu")
    User.objects.filter(pk=user.pk).update(
        password=make_password("matkhau-cu-2020", hasher="pbkdf2_sha256")
    )
    # when
    response = client.post(
        reverse("login"), {"username": "canbo.cu", "password": "matkhau-cu-2020"}
    )
    # then
    user.refresh_from_db()
    assert response.status_code == 302
    assert user.password.startswith("argon2$argon2id$")
    assert user.check_password("matkhau-cu-2020")


def test_an_account_an_administrator_creates_must_change_its_password_first(client):
    # given: the administrator creates the account in the data admin
    admin = UserFactory.create(username="quantri", is_staff=True, is_superuser=True)
    client.force_login(admin)
    client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "canbo.moi",
            "password1": GOOD,
            "password2": GOOD,
            "usable_password": "true",
            "roles-TOTAL_FORMS": "0",
            "roles-INITIAL_FORMS": "0",
        },
    )
    created = User.objects.get(username="canbo.moi")
    client.force_login(created)
    # when
    page = client.get(reverse("search"))
    change = client.get(page["Location"])
    changed = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": GOOD,
            "new_password1": "Sông Cấm chảy qua Kiến An",
            "new_password2": "Sông Cấm chảy qua Kiến An",
            "next": "/tra-cuu/",
        },
    )
    # then
    created.refresh_from_db()
    assert page.status_code == 302
    assert page["Location"] == "/tai-khoan/doi-mat-khau/?next=%2Ftra-cuu%2F"
    assert "Mật khẩu của anh/chị do quản trị viên đặt" in change.content.decode()
    assert changed["Location"] == "/tra-cuu/"
    assert created.must_change_password is False
    assert client.get(reverse("search")).status_code == 200


def test_a_reset_by_the_administrator_forces_a_change_again(client):
    admin = UserFactory.create(username="quantri", is_staff=True, is_superuser=True)
    lan = UserFactory.create(username="canbo.lan")
    client.force_login(admin)

    client.post(
        reverse("admin:auth_user_password_change", args=[lan.pk]),
        {"password1": GOOD, "password2": GOOD, "usable_password": "true"},
    )

    lan.refresh_from_db()
    assert lan.must_change_password is True
    assert lan.check_password(GOOD)


def test_a_reset_link_by_e_mail_sets_a_new_password(client):
    # given
    lan = UserFactory.create(username="canbo.lan", email="lan@kienan.gov.vn")
    lan.must_change_password = True
    lan.save()
    # when
    client.post(reverse("accounts:password_reset"), {"email": "lan@kienan.gov.vn"})
    (message,) = mail.outbox
    found = re.search(r"http://testserver(/dat-lai-mat-khau/\S+)", str(message.body))
    assert found is not None
    link = found.group(1)
    form = client.get(link, follow=True)
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": GOOD, "new_password2": GOOD},
        follow=True,
    )
    # then
    lan.refresh_from_db()
    assert message.subject == "Đặt lại mật khẩu tài khoản Thi đua"
    assert "Kính gửi" in message.body
    assert "Đặt mật khẩu mới" in form.content.decode()
    assert "Đã đặt mật khẩu mới" in done.content.decode()
    assert lan.check_password(GOOD)
    assert lan.must_change_password is False


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "ai@dau.vn"}, follow=True)

    assert "Đã gửi thư" in response.content.decode()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}),
        (
            {"EMAIL_URL": "smtps://thidua:p%40ss@mail.kienan.gov.vn"},
            {
                "EMAIL_HOST": "mail.kienan.gov.vn",
                "EMAIL_PORT": 465,
                "EMAIL_USE_SSL": True,
                "EMAIL_USE_TLS": False,
                "EMAIL_HOST_USER": "thidua",
                "EMAIL_HOST_PASSWORD": "p@ss",
            },
        ),
        (
            {"EMAIL_HOST": "smtp.kienan.gov.vn", "EMAIL_HOST_USER": "thidua"},
            {"EMAIL_HOST": "smtp.kienan.gov.vn", "EMAIL_PORT": 587, "EMAIL_USE_TLS": True},
        ),
    ],
)
def test_the_mail_server_comes_from_the_environment(environ, expected):
    assert email_settings(environ).items() >= expected.items()
