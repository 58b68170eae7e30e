"""Xếp hạng: the cluster's table of scores and ranks with a chart, publishing (which locks
it), the nominations, and the exports."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from thidua.core.scoring import METHOD_LABELS, Method, format_points
from thidua.emulation.access import can_manage
from thidua.emulation.documents import DOCX, ranking_docx
from thidua.emulation.exports import XLSX, ranking_xlsx
from thidua.emulation.results import honours_citation
from thidua.emulation.selectors import (
    RankingView,
    ranking_view,
)
from thidua.emulation.services import ranking_publish
from thidua.emulation.views.common import cluster_url, covenant_or_404, download, run


def _chart(view: RankingView) -> dict[str, Any]:
    """The chart's data: final and own scores per member, in ranking order."""
    rows = [r for r in view.rows if r.final_total is not None]
    return {
        "labels": [r.unit.name for r in rows],
        "final": [float(r.final_total or 0) for r in rows],
        "own": [float(r.self_total) if r.self_total is not None else None for r in rows],
        "flagged": [r.disagreement for r in rows],
        "maximum": float(view.maximum),
    }


@login_required
def ranking(request: HttpRequest, code: str, year: int) -> HttpResponse:
    covenant = covenant_or_404(request, code, year)
    cluster = covenant.cluster
    view = ranking_view(covenant=covenant)
    results = view.results
    return render(
        request,
        "emulation/ranking.html",
        {
            "cluster": cluster,
            "covenant": covenant,
            "view": view,
            "chart": _chart(view),
            "chart_height": max(12, round(2.2 * len(view.rows)) + 4),  # rem, an integer for CSS
            "can_manage": can_manage(request.user, cluster),
            "complete": results.complete if results else True,
            "method_label": METHOD_LABELS[Method(cluster.score_method)],
            "spread": format_points(cluster.disagreement_spread),
            "citation": honours_citation(cluster),
        },
    )


@require_POST
@login_required
def ranking_publish_view(request: HttpRequest, code: str, year: int) -> HttpResponse:
    covenant = covenant_or_404(request, code, year)
    return run(
        request,
        lambda: ranking_publish(covenant=covenant, by=request.user),
        success="Đã công bố kết quả xếp hạng; điểm của các đơn vị đã được khóa.",
        back=cluster_url(covenant.cluster, "ranking"),
    )


@login_required
def ranking_excel(request: HttpRequest, code: str, year: int) -> HttpResponse:
    covenant = covenant_or_404(request, code, year)
    return download(
        ranking_xlsx(ranking_view(covenant=covenant)),
        filename=f"xep-hang-{covenant.cluster.code}-{year}.xlsx",
        content_type=XLSX,
    )


@login_required
def ranking_word(request: HttpRequest, code: str, year: int) -> HttpResponse:
    covenant = covenant_or_404(request, code, year)
    return download(
        ranking_docx(ranking_view(covenant=covenant)),
        filename=f"xep-hang-{covenant.cluster.code}-{year}.docx",
        content_type=DOCX,
    )
