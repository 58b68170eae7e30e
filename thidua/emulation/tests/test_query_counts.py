"""The cluster pages cost the same number of queries for four wards as for eight."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua.accounts.tests.factories import UserFactory
from thidua.emulation.services import reviewers_assign
from thidua.emulation.tests.factories import WardYear, ward_year

pytestmark = pytest.mark.django_db


def played(wards: int, city: str) -> WardYear:
    """A cluster year scored and reviewed all through."""
    year = ward_year(wards=wards, city=city)
    year.sign_all()
    for short in year.wards:
        year.self_score(short)
    reviewers_assign(covenant=year.covenant, by=year.officers["KA"])
    for review in year.covenant.score_sheets.filter(reviewer__isnull=False):
        year.review(review)
    return year


def queries(client, year: WardYear, page: str) -> int:
    client.force_login(year.officers["NS"])
    path = reverse(f"emulation:{page}", args=[year.cluster.code, year.cluster.year])
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["cluster", "covenant", "scoring", "ranking"])
def test_a_cluster_page_does_not_query_per_member(client, page):
    small, big = played(4, "HP"), played(8, "TN")

    assert queries(client, big, page) == queries(client, small, page)


def test_the_clusters_list_does_not_query_per_cluster(client):
    small = played(4, "HP")
    played(8, "TN")
    client.force_login(small.officers["KA"])
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("emulation:clusters"))
    admin = UserFactory.create(is_superuser=True)
    client.force_login(admin)
    with CaptureQueriesContext(connection) as both:
        html = client.get(reverse("emulation:clusters")).content.decode()

    assert "CUM-TN" in html
    assert len(both) <= len(one)
