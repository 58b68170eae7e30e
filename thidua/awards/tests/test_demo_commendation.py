"""The demo's commendation cycle for Kiến An: one proposal at each status, clickable.

The demo is loaded once for the module, inside a transaction rolled back at the end (as in
``thidua/web/tests/test_demo.py``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse

from thidua.accounts.models import User
from thidua.awards.candidate_sources import nomination_options
from thidua.awards.choices import MemberRole
from thidua.awards.models import Certificate, Comment, CouncilSession, Decision, Proposal
from thidua.awards.services.candidate_picks import candidates_add_nominations

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", stdout=None)
        yield
        transaction.set_rollback(True)


def _kien_an() -> Any:
    return Proposal.objects.filter(unit__code="HP-KA")


def test_kien_an_has_a_proposal_at_every_status(demo: None) -> None:
    statuses = Counter(_kien_an().values_list("status", flat=True))

    assert statuses == {
        "draft": 2,
        "submitted": 1,
        "public_comment": 1,
        "council": 1,
        "decided": 1,
    }
    # The cluster's nominees for the Bằng khen merged into Phường Kiến An on 01/07/2025: a
    # unit that ended is not proposed (test below); every other proposal holds two.
    assert [p.candidates.count() for p in _kien_an().exclude(award_code="bang_khen_tinh")] == [
        2
    ] * 5


def test_the_cluster_nominees_that_merged_are_not_proposed_and_their_successor_named(
    demo: None,
) -> None:
    flags = _kien_an().get(award_code="bang_khen_tinh")

    picked = candidates_add_nominations(
        proposal=flags, nominations=nomination_options(proposal=flags), by=flags.created_by
    )

    assert flags.reviewing_unit.code == "HP"
    assert not flags.candidates.exists()
    assert len(picked.refused) == 2
    assert all("đơn vị kế thừa là Phường Kiến An" in line for line in picked.refused)


def test_the_published_list_is_on_the_portal_with_a_comment_to_answer(demo: None) -> None:
    published = _kien_an().get(status="public_comment")
    listing = published.disclosures.get()
    (comment,) = Comment.objects.filter(disclosure=listing)

    page = Client().get(reverse("portal:disclosure", args=[listing.code]))

    assert page.status_code == 200
    assert comment.answer == ""
    for candidate in published.candidates.all():
        assert candidate.recipient_name in page.content.decode()


def test_the_council_member_sits_on_the_planned_session(demo: None) -> None:
    at_council = _kien_an().get(status="council")
    session = CouncilSession.objects.get(proposals=at_council)
    member = User.objects.get(username="hoidong.kienan")

    assert session.status == "planned"
    assert session.members.get(user=member).role == MemberRole.CHAIR
    client = Client()
    client.force_login(member)
    assert client.get(reverse("awards:session", args=[session.pk])).status_code == 200


def test_the_decision_is_issued_with_certificates_and_one_award_revoked(demo: None) -> None:
    decision = Decision.objects.get(number="245/QĐ-UBND", issuing_unit__code="HP-KA")
    standing, revoked = decision.records.order_by("pk")

    assert decision.status == "issued"
    assert (standing.revoked_at, revoked.revoked_at is not None) == (None, True)
    client = Client()
    for record, verdict in [
        (standing, "Giấy tờ hợp lệ: khen thưởng đang có hiệu lực"),
        (revoked, "Khen thưởng này đã bị hủy bỏ"),
    ]:
        certificate = Certificate.objects.get(award_record=record)
        page = client.get(reverse("portal:verify", args=[certificate.code]))
        assert verdict in page.content.decode()


def test_the_officer_of_kien_an_sees_the_whole_cycle(demo: None) -> None:
    client = Client()
    client.force_login(User.objects.get(username="canbo.kienan"))

    page = client.get(reverse("awards:proposals")).content.decode()

    assert page.count("(đợt 2,") == 5
