"""The public portal: the list up for comment, the comment form (question, honeypot, rate
limit), decision look-up and certificate verification — all without login."""

from __future__ import annotations

import pytest
from django.urls import reverse

from thidua.awards.choices import RevocationGround
from thidua.awards.models import AwardRecord, Certificate, Comment
from thidua.awards.tests.commendation import (
    issued_after_unanimous_vote,
    people_of,
    proposal_at_council,
    published_list,
    session_with,
    ward_with_officer,
)
from thidua.awards.tests.factories import revoke
from thidua.core.text import fold
from thidua.portal.tests.forms import comment_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(fake_engine):
    unit, officer = ward_with_officer()
    return published_list(unit, officer, people_of(unit, 2))


def test_the_list_is_public_and_takes_a_comment(client, published):
    url = reverse("portal:disclosure", args=[published.code])
    html = client.get(url).content.decode()
    assert published.proposal.candidates.first().recipient_name in html
    assert published.proposal.title in client.get(reverse("portal:index")).content.decode()

    response = client.post(url, comment_form(client, url), follow=True)

    assert "Cảm ơn ông/bà đã góp ý" in response.content.decode()
    assert Comment.objects.get().email == "dan@example.vn"
    assert "dan@example.vn" not in client.get(url).content.decode()


def test_a_filled_honeypot_is_refused(client, published):
    url = reverse("portal:disclosure", args=[published.code])
    html = client.post(url, comment_form(client, url, website="http://spam")).content.decode()
    assert "Không gửi được ý kiến" in html
    assert not Comment.objects.exists()


@pytest.fixture
def certificate(fake_engine):
    unit, officer = ward_with_officer()
    proposal = proposal_at_council(unit, officer, people_of(unit, 1), "giay_khen")
    session, members = session_with(unit, 3, proposal)
    issued_after_unanimous_vote(unit, officer, proposal, session, members, number="30/QĐ-UBND")
    return Certificate.objects.get()


def test_verification_shows_the_decision_and_that_the_award_stands(client, certificate):
    html = client.get(reverse("portal:verify", args=[certificate.code])).content.decode()

    assert "khen thưởng đang có hiệu lực" in html
    assert "Số 30/QĐ-UBND ngày 03/02/2025" in html
    assert "Ủy ban nhân dân phường Ngọc Sơn" in html
    assert certificate.award_record.recipient_name in html


def test_verification_says_when_the_award_was_revoked(client, certificate):
    record = AwardRecord.objects.get(pk=certificate.award_record_id)
    revoke(record, ground=RevocationGround.A, reason="Kê khai sai")

    html = client.get(
        reverse("portal:verify_form") + f"?ma={certificate.code.lower()}"
    ).content.decode()

    assert "Khen thưởng này đã bị hủy bỏ" in html
    assert "Quyết định số 99/QĐ-UBND ngày 01/03/2025" in html
    assert "Căn cứ: Điểm a khoản 2 Điều 93" in html
    assert "Kê khai sai" not in html  # the internal reason stays inside


def test_an_unknown_code_says_so(client):
    html = client.get(reverse("portal:verify", args=["KHONGCO123"])).content.decode()
    assert "Không tìm thấy giấy khen, bằng khen có mã" in html


def test_decision_lookup_lists_the_records(client, certificate):
    html = client.get(reverse("portal:decisions") + "?so=30/QĐ-UBND").content.decode()
    assert "Quyết định số 30/QĐ-UBND ngày 03/02/2025" in html
    assert "Giấy khen năm 2024" in html


def test_decision_lookup_takes_part_of_the_number_and_an_unaccented_name(client, certificate):
    name = certificate.award_record.recipient_name
    unaccented = fold(name)

    by_part = client.get(reverse("portal:decisions"), {"so": "30"}).content.decode()
    by_name = client.get(reverse("portal:decisions"), {"ten": unaccented}).content.decode()
    neither = client.get(reverse("portal:decisions"), {"ten": "khong co ai"}).content.decode()

    assert "Quyết định số 30/QĐ-UBND ngày 03/02/2025" in by_part
    assert "Quyết định số 30/QĐ-UBND ngày 03/02/2025" in by_name
    assert name in by_name
    assert "Không tìm thấy quyết định nào khen thưởng “khong co ai”" in neither
