"""API tokens live until their expiry or revocation; a read-only token never writes; the
owner creates (shown once) and revokes them on the account page, and nobody else's."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.models import ApiToken, TokenScope
from thidua.accounts.services import token_create
from thidua.accounts.tests.factories import UserFactory, officer_of
from thidua.common.errors import DomainError
from thidua.orgs.services import unit_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    district = unit_create(code="KA", name="Quận Kiến An", kind="huyen")
    return officer_of(district, username="canbo.kienan")


def bearer(token: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {token}"})


def test_a_token_works_until_it_expires(officer):
    issued = token_create(username=officer.username, days=30)
    api = bearer(issued.token)
    assert api.get("/api/units").status_code == 200
    assert issued.record.expires_at - timezone.now() > dt.timedelta(days=29)

    ApiToken.objects.filter(pk=issued.record.pk).update(expires_at=timezone.now())

    assert api.get("/api/units").status_code == 401
    assert ApiToken.objects.get().state == "Hết hạn"


@pytest.mark.parametrize("days", [0, 366, -5])
def test_a_lifetime_beyond_a_year_or_below_a_day_is_refused(officer, days):
    with pytest.raises(DomainError, match="từ 1 đến 365 ngày"):
        token_create(username=officer.username, days=days)
    assert not ApiToken.objects.exists()


def test_a_read_only_token_reads_and_never_writes(officer):
    api = bearer(token_create(username=officer.username, scope=TokenScope.READ).token)
    writer = bearer(token_create(username=officer.username).token)

    assert api.get("/api/units").status_code == 200
    refused = api.post("/api/proposals", {}, content_type="application/json")
    assert refused.status_code == 403
    assert "chỉ được đọc" in refused.json()["detail"]
    # The same request with a read-write token reaches the operation (and its own checks).
    assert writer.post("/api/proposals", {}, content_type="application/json").status_code == 422


def test_the_command_line_sets_scope_and_days(officer):
    out, err = StringIO(), StringIO()
    call_command(
        "token", "create", officer.username, "--scope", "read", "--days", "7",
        stdout=out, stderr=err,
    )  # fmt: skip
    record = ApiToken.objects.get()
    assert record.scope == TokenScope.READ
    assert (record.expires_at - timezone.now()).days == 6
    assert "Hiệu lực đến" in err.getvalue()
    with pytest.raises(CommandError, match="từ 1 đến 365 ngày"):
        call_command("token", "create", officer.username, "--days", "400", stdout=out, stderr=err)


def test_the_owner_creates_a_token_seen_once_and_revokes_it(officer):
    client = Client()
    client.force_login(officer)

    made = client.post(
        reverse("accounts:token_create"), {"name": "Đồng bộ cổng", "scope": "read", "days": "90"}
    )
    assert made.status_code == 200
    record = ApiToken.objects.get()
    shown = made.context["issued"].token
    assert shown in made.content.decode()
    # Once, in the notice: never in the page's title (a browser keeps titles in its history).
    assert made.content.decode().count(shown) == 1
    assert "<title>Tài khoản" in made.content.decode()
    assert record.prefix == shown[:12]
    assert record.scope == TokenScope.READ
    assert bearer(shown).get("/api/units").status_code == 200
    # Never shown again.
    assert shown not in client.get(reverse("accounts:account")).content.decode()

    revoked = client.post(reverse("accounts:token_revoke"), {"token": record.pk}, follow=True)
    assert "Đã thu hồi mã truy cập" in revoked.content.decode()
    assert bearer(shown).get("/api/units").status_code == 401


def test_a_refused_token_form_keeps_what_was_typed(officer):
    client = Client()
    client.force_login(officer)

    response = client.post(
        reverse("accounts:token_create"), {"name": "Báo cáo tháng", "scope": "read", "days": "999"}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="Báo cáo tháng"' in page
    assert "Chưa lưu" in page
    assert not ApiToken.objects.exists()


def test_nobody_revokes_another_persons_token(officer):
    other = UserFactory.create(username="canbo.khac")
    record = token_create(username=officer.username).record
    client = Client()
    client.force_login(other)

    response = client.post(reverse("accounts:token_revoke"), {"token": record.pk}, follow=True)

    assert "Không có mã truy cập này" in response.content.decode()
    record.refresh_from_db()
    assert not record.revoked


def test_an_administrator_revokes_a_token_and_cannot_edit_one(officer):
    record = token_create(username=officer.username).record
    admin = UserFactory.create(username="quantri", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    listing = reverse("admin:accounts_apitoken_changelist")

    response = client.post(
        listing, {"action": "revoke", "_selected_action": [record.pk]}, follow=True
    )

    assert "Đã thu hồi 1 mã truy cập." in response.content.decode()
    record.refresh_from_db()
    assert record.revoked
    assert client.get(reverse("admin:accounts_apitoken_add")).status_code == 403
