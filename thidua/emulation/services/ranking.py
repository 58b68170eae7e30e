"""Publishing a cluster's ranking: the results are stored as they stand, every sheet is
locked, and the nominations are recorded with their basis."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from thidua.common.errors import DomainError
from thidua.emulation.access import require_manager
from thidua.emulation.choices import ScoreSheetStatus
from thidua.emulation.models import Covenant, Nomination, Ranking, RankingRow, ScoreSheet
from thidua.emulation.results import cluster_results, honours_citation
from thidua.emulation.services.scoring import require_not_published


@transaction.atomic
def ranking_publish(*, covenant: Covenant, by: Any) -> Ranking:
    cluster = covenant.cluster
    require_manager(by, cluster)
    require_not_published(covenant)
    results = cluster_results(covenant)
    unscored = [m.unit.name for m in results.members if m.final is None or m.final.value is None]
    if unscored:
        raise DomainError(
            "ranking_incomplete",
            f"Chưa có điểm thẩm định của: {', '.join(unscored)}. Cần chấm xong mới công bố.",
        )
    pending = [m.unit.name for m in results.members if m.pending_reviews]
    if pending:
        raise DomainError(
            "reviews_pending",
            f"Còn bảng chấm thẩm định chưa gửi cho: {', '.join(pending)}.",
        )
    ranking = Ranking.objects.create(
        covenant=covenant,
        published_at=timezone.now(),
        published_by=by,
        method=cluster.score_method,
        spread_limit=cluster.disagreement_spread,
    )
    rows = []
    for m in results.ranked:
        if m.final is None or m.final.value is None or m.placed is None:
            continue  # not reached: an unscored member stopped the publication above
        rows.append(
            RankingRow(
                ranking=ranking,
                unit=m.unit,
                position=m.placed.position,
                rank=m.placed.rank,
                self_total=m.self_totals.total if m.self_totals else None,
                final_total=m.final.value,
                penalty=m.penalty,
                reviews=m.final.reviews,
                spread=m.final.spread,
                disagreement=m.final.disagreement,
                tie_break=m.placed.tie_break.value,
            )
        )
    RankingRow.objects.bulk_create(rows)
    units = {m.unit.code: m.unit for m in results.members}
    citation = honours_citation(cluster)
    Nomination.objects.bulk_create(
        Nomination(
            ranking=ranking,
            unit=units[n.key],
            award=n.award,
            position=n.position,
            basis=n.basis,
            citation=citation,
            tie_at_boundary=n.tie_at_boundary,
        )
        for n in results.nominations
    )
    ScoreSheet.objects.filter(covenant=covenant).exclude(status=ScoreSheetStatus.RECUSED).update(
        status=ScoreSheetStatus.LOCKED
    )
    return ranking
