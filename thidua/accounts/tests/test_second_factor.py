"""The second factor: the authenticator app's code after the password for whoever enrolled
one; enrolling first for the roles that require it (administrators, council members); ten
recovery codes, each good once; wrong codes slowed down; the API's tokens unaffected."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.accounts.models import Role, RoleKind
from thidua.accounts.services import token_create
from thidua.accounts.services.second_factor import recovery_codes_renew
from thidua.accounts.tests.factories import UserFactory, officer_of
from thidua.orgs.services import unit_create

pytestmark = pytest.mark.django_db

ACCOUNT = "/tai-khoan/"


def code_of(device: TOTPDevice) -> str:
    return str(
        TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    ).zfill(device.digits)


@pytest.fixture
def district():
    return unit_create(code="KA", name="Quận Kiến An", kind="huyen")


@pytest.fixture
def require_admins_and_council(settings):
    settings.THIDUA_SECOND_FACTOR_ROLES = frozenset({"admin", "council"})


def signed_in(username: str) -> Client:
    client = Client()
    response = client.post(reverse("login"), {"username": username, "password": "matkhau"})
    assert response.status_code == 302
    return client


def enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Ứng dụng xác thực", confirmed=True)


def test_after_the_password_every_page_asks_the_code_first(district):
    user = officer_of(district, username="canbo.kienan")
    device = enrolled(user)
    client = signed_in("canbo.kienan")

    asked = client.get(ACCOUNT)
    assert asked.status_code == 302
    assert asked["Location"].startswith(reverse("accounts:second_factor_verify"))

    wrong = client.post(reverse("accounts:second_factor_verify"), {"code": "000000"})
    assert wrong.status_code == 400
    assert "không đúng" in wrong.content.decode()
    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wait after a wrong code is tested below
    device.save()

    right = client.post(
        reverse("accounts:second_factor_verify"), {"code": code_of(device), "next": ACCOUNT}
    )
    assert right.status_code == 302
    assert right["Location"] == ACCOUNT
    assert client.get(ACCOUNT).status_code == 200


def test_a_wrong_code_makes_the_next_try_wait(district):
    user = officer_of(district, username="canbo.kienan")
    device = enrolled(user)
    client = signed_in("canbo.kienan")
    client.post(reverse("accounts:second_factor_verify"), {"code": "000000"})

    again = client.post(reverse("accounts:second_factor_verify"), {"code": code_of(device)})

    assert again.status_code == 400
    assert "nhập sai mã nhiều lần" in again.content.decode()


def test_a_recovery_code_signs_in_once(district):
    user = officer_of(district, username="canbo.kienan")
    enrolled(user)
    codes = recovery_codes_renew(user=user)
    assert len(set(codes)) == 10

    first = signed_in("canbo.kienan")
    used = first.post(reverse("accounts:second_factor_verify"), {"code": codes[0].upper()})
    assert used.status_code == 302
    assert StaticToken.objects.count() == 9

    second = signed_in("canbo.kienan")
    reused = second.post(reverse("accounts:second_factor_verify"), {"code": codes[0]})
    assert reused.status_code == 400


@pytest.mark.usefixtures("require_admins_and_council")
@pytest.mark.parametrize("who", ["staff", "council"])
def test_administrators_and_council_members_enrol_before_any_page(district, who):
    user = UserFactory.create(username="quantri", is_staff=(who == "staff"))
    if who == "council":
        Role.objects.create(user=user, kind=RoleKind.COUNCIL, unit=district)
    client = signed_in("quantri")

    sent = client.get(ACCOUNT)
    assert sent.status_code == 302
    assert sent["Location"].startswith(reverse("accounts:second_factor_setup"))
    page = client.get(sent["Location"])
    assert page.status_code == 200
    assert "data:image/svg+xml" in page.content.decode()  # the QR code, from this server

    device = TOTPDevice.objects.get(user=user, confirmed=False)
    done = client.post(reverse("accounts:second_factor_setup"), {"code": code_of(device)})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == 10
    assert all(code in done.content.decode() for code in codes)
    assert client.get(ACCOUNT).status_code == 200
    # Required: it cannot be turned off.
    off = client.post(reverse("accounts:second_factor_off"), {"code": codes[1]}, follow=True)
    assert "bắt buộc xác thực hai bước" in off.content.decode()
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@pytest.mark.usefixtures("require_admins_and_council")
def test_an_officer_is_not_obliged_and_may_turn_it_on_and_off(district):
    user = officer_of(district, username="canbo.kienan")
    client = signed_in("canbo.kienan")
    assert client.get(ACCOUNT).status_code == 200

    client.get(reverse("accounts:second_factor_setup"))
    device = TOTPDevice.objects.get(user=user)
    client.post(reverse("accounts:second_factor_setup"), {"code": code_of(device)})
    codes = list(StaticToken.objects.values_list("token", flat=True))

    off = client.post(reverse("accounts:second_factor_off"), {"code": codes[0]}, follow=True)

    assert "Đã tắt xác thực hai bước" in off.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.exists()


@pytest.mark.usefixtures("require_admins_and_council")
def test_an_api_token_is_not_asked_for_a_second_factor(district):
    user = UserFactory.create(username="quantri", is_staff=True)
    Role.objects.create(user=user, kind=RoleKind.ADMIN)
    api = Client(headers={"Authorization": f"Bearer {token_create(username='quantri').token}"})

    assert api.get("/api/units").status_code == 200
