"""What an officer reads on the way through the cycle: the tab bar, no button that is bound
to be refused, the People's Committee as the default issuer of a decision."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.tests.factories import officer_of
from thidua.awards.tests.commendation import (
    people_of,
    proposal_at_council,
    published_list,
    ward_with_officer,
)
from thidua.orgs.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

WAIT = "Trình Hội đồng được sau khi hết thời gian lấy ý kiến"


def test_the_council_button_waits_for_the_end_of_the_comment_period(client, fake_engine):
    ward, officer = ward_with_officer()
    published = published_list(ward, officer, people_of(ward, 1))
    client.force_login(officer)
    page = reverse("awards:proposal", args=[published.proposal.code])
    council_move = reverse("awards:proposal_move", args=[published.proposal.code, "trinh-hoi-dong"])

    html = client.get(page).content.decode()
    assert f"{WAIT} (hết ngày {published.ends_on:%d/%m/%Y})" in html
    assert council_move not in html

    published.ends_on = timezone.localdate() - timedelta(days=1)
    published.save(update_fields=["ends_on"])
    html = client.get(page).content.decode()
    assert WAIT not in html
    assert council_move in html


@pytest.mark.parametrize("tab", ["awards:eligibility", "awards:proposals", "awards:local_rules"])
def test_the_proposal_page_carries_the_tab_bar(client, fake_engine, tab):
    ward, officer = ward_with_officer()
    proposal = published_list(ward, officer, people_of(ward, 1)).proposal
    client.force_login(officer)

    html = client.get(reverse("awards:proposal", args=[proposal.code])).content.decode()

    assert f'href="{reverse(tab)}"' in html


def test_a_district_decision_is_issued_by_its_peoples_committee(client, fake_engine):
    district = UnitFactory.create(name="Quận Kiến An", kind="huyen")
    officer = officer_of(district)
    proposal = proposal_at_council(district, officer, people_of(district, 1), "giay_khen")
    client.force_login(officer)

    html = client.get(reverse("awards:decision_create"), {"de_nghi": proposal.code}).content

    assert 'value="Ủy ban nhân dân quận Kiến An"' in html.decode()


def test_the_council_column_is_empty_before_the_council(client, fake_engine):
    ward, officer = ward_with_officer()
    published = published_list(ward, officer, people_of(ward, 1))
    client.force_login(officer)

    html = client.get(reverse("awards:proposal", args=[published.proposal.code])).content

    assert "Chưa bỏ phiếu" not in html.decode()
