"""Publishing the ranking: final scores, the disagreement flag, locks, nominations."""

from __future__ import annotations

from decimal import Decimal

import pytest

from thidua.common.errors import DomainError, ImmutableRecordError
from thidua.emulation.choices import ScoreSheetStatus
from thidua.emulation.models import Nomination
from thidua.emulation.results import cluster_results
from thidua.emulation.services import ranking_publish, reviewers_assign, score_line_change

pytestmark = pytest.mark.django_db

# Points below full marks each ward's reviewers give it: the order is TTN, NS, VD, BS.
LESS = {"NS": (1, 2), "TTN": (0, 0), "VD": (3, 3), "BS": (4, 12)}


@pytest.fixture
def scored(signed):
    for short in signed.wards:
        signed.self_score(short)
    reviewers_assign(covenant=signed.covenant, by=signed.officers["KA"])
    for short, less in LESS.items():
        reviews = signed.covenant.score_sheets.filter(
            unit=signed.ward(short), reviewer__isnull=False
        ).order_by("reviewer__code")
        for review, points in zip(reviews, less, strict=True):
            signed.review(review, Decimal(points))
    return signed


def test_the_results_rank_by_the_mean_and_flag_a_wide_spread(scored):
    results = cluster_results(scored.covenant)

    ranked = [
        (m.unit.code[6:], m.final.value, m.final.disagreement)
        for m in results.ranked
        if m.final is not None
    ]
    assert ranked == [
        ("TTN", Decimal("100.00"), False),
        ("NS", Decimal("98.50"), False),
        ("VD", Decimal("97.00"), False),
        ("BS", Decimal("92.00"), True),
    ]


def test_publishing_locks_the_sheets_and_names_the_leading_unit(scored):
    ranking = ranking_publish(covenant=scored.covenant, by=scored.officers["TTN"])

    assert [r.unit.code[6:] for r in ranking.rows.all()] == ["TTN", "NS", "VD", "BS"]
    assert not scored.covenant.score_sheets.exclude(status=ScoreSheetStatus.LOCKED).exists()
    nominations = list(Nomination.objects.filter(ranking=ranking).order_by("position"))
    assert [(n.unit.code[6:], n.award, n.basis) for n in nominations] == [
        ("TTN", "co_thi_dua_tinh", "Đơn vị dẫn đầu cụm thi đua"),
        ("NS", "bang_khen_tinh", "Đơn vị xếp thứ 2 cụm thi đua"),
        ("VD", "bang_khen_tinh", "Đơn vị xếp thứ 3 cụm thi đua"),
    ]


def test_a_published_ranking_refuses_changes(scored):
    ranking_publish(covenant=scored.covenant, by=scored.officers["KA"])
    line = scored.covenant.score_sheets.filter(reviewer__isnull=True).first().lines.first()

    with pytest.raises(ImmutableRecordError):
        score_line_change(line=line, by=scored.officers["KA"], points=Decimal(1), reason="Sửa")
    with pytest.raises(ImmutableRecordError):
        ranking_publish(covenant=scored.covenant, by=scored.officers["KA"])


def test_the_ranking_waits_for_every_review(signed):
    for short in signed.wards:
        signed.self_score(short)
    reviewers_assign(covenant=signed.covenant, by=signed.officers["KA"])

    with pytest.raises(DomainError, match="Chưa có điểm thẩm định của"):
        ranking_publish(covenant=signed.covenant, by=signed.officers["KA"])
