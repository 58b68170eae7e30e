"""The demo's cluster years: 2024 finished and published, 2025 ready to play."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction

from thidua.accounts.models import User
from thidua.demo import build_demo
from thidua.emulation.choices import CovenantStatus, MemberRole
from thidua.emulation.models import Cluster, Covenant, Nomination
from thidua.emulation.results import cluster_results
from thidua.emulation.selectors import scoring_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic():
        build_demo()
        yield
        transaction.set_rollback(True)


def covenant(year: int) -> Covenant:
    return Covenant.objects.get(cluster__code="CUM-KA-PHUONG", cluster__year=year)


def test_2024_is_published_with_the_ward_the_award_history_names_leading(demo):
    ranking = covenant(2024).ranking

    assert [r.unit.code for r in ranking.rows.all()[:1]] == ["HP-KA-TTN"]
    flag = Nomination.objects.get(ranking=ranking, award="co_thi_dua_tinh")
    assert (flag.unit.code, flag.basis) == ("HP-KA-TTN", "Đơn vị dẫn đầu cụm thi đua")


def test_2025_follows_from_2024_with_the_deputy_leading(demo):
    cluster = Cluster.objects.get(code="CUM-KA-PHUONG", year=2025)

    roles = dict(cluster.members.exclude(role=MemberRole.MEMBER).values_list("role", "unit__code"))
    assert roles == {MemberRole.LEADER: "HP-KA-VD", MemberRole.DEPUTY: "HP-KA-BS"}
    assert cluster.previous == Cluster.objects.get(code="CUM-KA-PHUONG", year=2024)


def test_2025_waits_for_ngoc_son(demo):
    current = covenant(2025)
    officer = User.objects.get(username="canbo.ngocson")

    tasks = scoring_tasks(user=officer, covenant=current)
    results = cluster_results(current)

    assert current.status == CovenantStatus.OPEN
    assert current.criteria.filter(kind="item").count() == 6
    assert [u.code for u in tasks.unsigned] == ["HP-KA-NS"]
    assert sorted(s.unit.code for s in tasks.reviews) == ["HP-KA-PL", "HP-KA-TM"]
    assert [m.unit.code for m in results.disagreements] == ["HP-KA-QT"]
    assert not results.complete
