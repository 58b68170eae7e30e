"""Every public form and look-up counts its requests per address, in the database that every
web worker shares; one too many is a 429 that says how long to wait."""

from __future__ import annotations

import math
from datetime import timedelta

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from thidua.awards.models import Comment
from thidua.awards.tests.commendation import people_of, published_list, ward_with_officer
from thidua.common.client import client_address
from thidua.portal.models import RequestCount
from thidua.portal.services.rate_limits import request_count
from thidua.portal.tests.forms import TYPED, comment_form

pytestmark = pytest.mark.django_db

HERE, THERE = "203.0.113.5", "198.51.100.7"  # documentation addresses (RFC 5737)
LIMIT = 3


@pytest.fixture(autouse=True)
def _small_limits(settings):
    settings.THIDUA_PORTAL_RATE_LIMITS = dict.fromkeys(
        ("comment", "form", "lookup", "verify"), (LIMIT, 600)
    )


@pytest.fixture
def url(fake_engine):
    unit, officer = ward_with_officer()
    published = published_list(unit, officer, people_of(unit, 2))
    return reverse("portal:disclosure", args=[published.code])


def _too_many(response) -> bool:
    html = response.content.decode()
    return response.status_code == 429 and "Anh/chị gửi quá nhiều yêu cầu" in html


@pytest.mark.parametrize(
    "path",
    [
        reverse("portal:decisions") + "?so=30",
        reverse("portal:decisions") + "?ten=nguyen",
        reverse("portal:verify_form") + "?ma=KHONGCO123",
        reverse("portal:verify", args=["KHONGCO123"]),
    ],
)
def test_a_lookup_is_refused_past_the_limit_for_that_address_only(path):
    here = Client(REMOTE_ADDR=HERE)
    for _ in range(LIMIT):
        assert here.get(path).status_code == 200

    refused = here.get(path)

    assert _too_many(refused)
    wait = int(refused["Retry-After"])
    assert 0 < wait <= 600
    assert f"xin thử lại sau {math.ceil(wait / 60)} phút." in refused.content.decode()
    assert Client(REMOTE_ADDR=THERE).get(path).status_code == 200


def test_the_empty_lookup_forms_are_not_counted():
    here = Client(REMOTE_ADDR=HERE)
    for _ in range(LIMIT + 2):
        assert here.get(reverse("portal:decisions")).status_code == 200
        assert here.get(reverse("portal:verify_form")).status_code == 200


def test_the_count_is_shared_by_every_client_of_one_address():
    # Separate clients (no shared cookie) stand for separate workers: the count is the
    # database's, so the third one sees what the first two counted.
    path = reverse("portal:decisions") + "?so=30"
    for _ in range(LIMIT):
        assert Client(REMOTE_ADDR=HERE).get(path).status_code == 200

    assert _too_many(Client(REMOTE_ADDR=HERE).get(path))
    assert RequestCount.objects.get(scope="lookup").hits == LIMIT + 1
    assert HERE not in RequestCount.objects.get().client  # a keyed hash, not the address


def test_a_new_window_starts_afresh_and_clears_the_old_ones():
    for _ in range(LIMIT + 1):
        request_count(scope="lookup", address=HERE)
    assert request_count(scope="lookup", address=HERE) > 0
    RequestCount.objects.update(window_ends_at=timezone.now() - timedelta(seconds=1))

    assert request_count(scope="lookup", address=HERE) == 0
    assert RequestCount.objects.get().hits == 1


def test_too_many_comments_keep_what_was_typed(url):
    here = Client(REMOTE_ADDR=HERE)
    for _ in range(LIMIT):
        assert here.post(url, comment_form(here, url)).status_code == 302

    refused = here.post(url, {**TYPED, "content": "Ý kiến thứ tư, gõ lại mất công."})

    assert _too_many(refused)
    html = refused.content.decode()
    assert "Ý kiến thứ tư, gõ lại mất công." in html
    assert TYPED["name"] in html
    assert 'name="challenge"' not in html  # the next question comes after the wait
    assert Comment.objects.count() == LIMIT
    there = Client(REMOTE_ADDR=THERE)
    assert there.post(url, comment_form(there, url)).status_code == 302


def test_the_form_is_refused_past_the_limit(url):
    here = Client(REMOTE_ADDR=HERE)
    for _ in range(LIMIT):
        assert here.get(url).status_code == 200
    assert _too_many(here.get(url))


def _request(**meta):
    return RequestFactory().get("/", **meta)


def test_the_forwarded_address_is_ignored_unless_behind_the_proxy(settings):
    settings.THIDUA_CLIENT_ADDRESS_HEADER = None
    spoofed = _request(REMOTE_ADDR=HERE, HTTP_X_FORWARDED_FOR=THERE)
    assert client_address(spoofed) == HERE


def test_behind_the_proxy_the_address_it_appended_is_counted(settings):
    settings.THIDUA_CLIENT_ADDRESS_HEADER = "HTTP_X_FORWARDED_FOR"
    # What the browser wrote comes first; nginx appends the address it saw.
    forwarded = _request(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"10.9.9.9, {THERE}")
    assert client_address(forwarded) == THERE
    assert client_address(_request(REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"
    garbled = _request(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="<script>")
    assert client_address(garbled) == "127.0.0.1"


def test_an_ipv6_address_counts_for_its_64():
    one = client_address(_request(REMOTE_ADDR="2001:db8:1:2::a"))
    other = client_address(_request(REMOTE_ADDR="2001:db8:1:2:ffff::1"))
    assert one == other == "2001:db8:1:2::/64"
    assert client_address(_request(REMOTE_ADDR="2001:db8:1:3::a")) != one
