"""A comment is plain text: markup is refused when it is sent, and whatever a row holds is
shown escaped, on the portal and to the officer."""

from __future__ import annotations

import pytest
from django.urls import reverse

from thidua.awards.models import Comment
from thidua.awards.tests.commendation import people_of, published_list, ward_with_officer
from thidua.portal.tests.forms import comment_form

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('xss')</script>"


@pytest.fixture
def published(fake_engine):
    unit, officer = ward_with_officer()
    return published_list(unit, officer, people_of(unit, 2)), officer


@pytest.mark.parametrize("field", ["name", "subject", "content"])
def test_markup_is_refused_with_what_was_typed_kept_escaped(client, published, field):
    url = reverse("portal:disclosure", args=[published[0].code])
    typed = f"Ý kiến {SCRIPT} <b>đậm</b>"

    response = client.post(url, comment_form(client, url, **{field: typed}))

    html = response.content.decode()
    assert response.status_code == 200
    assert "không được chứa thẻ HTML" in html
    assert SCRIPT not in html
    assert "<b>đậm" not in html
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in html
    assert not Comment.objects.exists()


def test_text_with_angle_brackets_that_is_not_markup_is_taken(client, published):
    url = reverse("portal:disclosure", args=[published[0].code])
    content = "Điểm của anh ấy < 5 nhưng > 3, tôi vẫn <3 khu phố"

    assert client.post(url, comment_form(client, url, content=content)).status_code == 302

    assert Comment.objects.get().content == content


def test_a_row_holding_markup_is_shown_escaped_to_the_officer(client, published):
    # Written around the service (an older row, the admin): the pages still escape it.
    listing, officer = published
    Comment.objects.create(
        disclosure=listing, name=SCRIPT, email="x@example.vn", subject=SCRIPT, content=SCRIPT
    )
    client.force_login(officer)

    page = client.get(reverse("awards:proposal", args=[listing.proposal.code])).content.decode()
    api = client.get(f"/api/proposals/{listing.proposal.code}/comments")

    assert "&lt;script&gt;" in page
    assert SCRIPT not in page
    assert api["Content-Type"].startswith("application/json")
    assert api.json()[0]["content"] == SCRIPT  # data for a program, never HTML
