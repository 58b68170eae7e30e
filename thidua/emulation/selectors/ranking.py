"""The ranking as a page and an export show it: the published snapshot when there is one,
otherwise the results as they stand (a preview no one may rely on)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from thidua.core.catalog import BY_CODE
from thidua.core.scoring import TIE_BREAK_LABELS, TieBreak
from thidua.emulation.models import Covenant, Nomination, Ranking
from thidua.emulation.results import ClusterResults, cluster_results, criteria_tree
from thidua.emulation.selectors.clusters import clusters_for_user
from thidua.orgs.models import Unit


@dataclass(frozen=True, slots=True)
class RankRow:
    position: int | None  # None: no final score yet
    rank: int | None
    unit: Unit
    self_total: Decimal | None
    final_total: Decimal | None
    reviews: int
    spread: Decimal
    disagreement: bool
    tie_break: str  # the sentence, "" when not tied
    award: str  # name of the honour nominated for, "" when none
    basis: str
    tie_at_boundary: bool


@dataclass(frozen=True, slots=True)
class RankingView:
    covenant: Covenant
    published: Ranking | None
    rows: list[RankRow]
    maximum: Decimal
    results: ClusterResults | None  # the live results (preview only)

    @property
    def nominated(self) -> list[RankRow]:
        return [r for r in self.rows if r.award]

    @property
    def disagreements(self) -> int:
        return sum(1 for r in self.rows if r.disagreement)


# The honours a province gives, named as the decision names them.
PROVINCE_HONOURS = {"co_thi_dua_tinh": "Cờ thi đua", "bang_khen_tinh": "Bằng khen"}


def honour_name(code: str, organiser: Unit | None) -> str:
    """ "Cờ thi đua của Ủy ban nhân dân thành phố Hải Phòng" rather than the catalog's
    "Cờ thi đua của Bộ, ban, ngành, tỉnh", when the organiser sits in a province."""
    base = PROVINCE_HONOURS.get(code)
    ids = [int(p) for p in organiser.path.strip("/").split("/") if p] if organiser else []
    province = (
        Unit.objects.filter(pk__in=ids, kind="tinh").order_by("depth").first() if ids else None
    )
    if base is None or province is None:
        return BY_CODE[code].name
    return f"{base} của Ủy ban nhân dân {province.name[0].lower()}{province.name[1:]}"


def _label(tie_break: str) -> str:
    return TIE_BREAK_LABELS[TieBreak(tie_break)] if tie_break else ""


def ranking_view(*, covenant: Covenant) -> RankingView:
    organiser = covenant.cluster.organiser
    names = {code: honour_name(code, organiser) for code in PROVINCE_HONOURS}

    def award_name(code: str) -> str:
        return names.get(code) or BY_CODE[code].name

    published = Ranking.objects.filter(covenant=covenant).first()
    if published is not None:
        nominations = {n.unit_id: n for n in Nomination.objects.filter(ranking=published)}
        rows = []
        for r in published.rows.select_related("unit").order_by("position"):
            n = nominations.get(r.unit_id)
            rows.append(
                RankRow(
                    position=r.position,
                    rank=r.rank,
                    unit=r.unit,
                    self_total=r.self_total,
                    final_total=r.final_total,
                    reviews=r.reviews,
                    spread=r.spread,
                    disagreement=r.disagreement,
                    tie_break=_label(r.tie_break),
                    award=award_name(n.award) if n else "",
                    basis=n.basis if n else "",
                    tie_at_boundary=bool(n and n.tie_at_boundary),
                )
            )
        maximum = criteria_tree(list(covenant.criteria.all())).maximum
        return RankingView(covenant, published, rows, maximum, None)
    results = cluster_results(covenant)
    rows = []
    for m in results.ranked:
        final = m.final
        rows.append(
            RankRow(
                position=m.placed.position if m.placed else None,
                rank=m.placed.rank if m.placed else None,
                unit=m.unit,
                self_total=m.self_totals.total if m.self_totals else None,
                final_total=final.value if final else None,
                reviews=final.reviews if final else 0,
                spread=final.spread if final else Decimal(0),
                disagreement=bool(final and final.disagreement),
                tie_break=_label(m.placed.tie_break.value) if m.placed else "",
                award=award_name(m.nomination.award) if m.nomination else "",
                basis=m.nomination.basis if m.nomination else "",
                tie_at_boundary=bool(m.nomination and m.nomination.tie_at_boundary),
            )
        )
    return RankingView(covenant, None, rows, results.tree.maximum, results)


def nominations_for_year(*, year: int, unit_ids: frozenset[int] | None = None) -> list[Nomination]:
    """Nominations of published rankings of ``year`` (optionally for some units): what the
    proposal workflow picks up."""
    rows = Nomination.objects.filter(ranking__covenant__cluster__year=year).select_related(
        "unit", "ranking__covenant__cluster"
    )
    if unit_ids is not None:
        rows = rows.filter(unit_id__in=unit_ids)
    return list(rows.order_by("ranking__covenant__cluster__name", "position"))


def nominations_for_user(
    *, user: Any, year: int | None = None, cluster: str = ""
) -> QuerySet[Nomination]:
    """Nominations of the published rankings of the clusters the user may see (optionally of
    one year, one cluster code), newest year first, in ranking order."""
    clusters = clusters_for_user(user=user, year=year)
    if cluster:
        clusters = clusters.filter(code=cluster)
    return (
        Nomination.objects.filter(ranking__covenant__cluster__in=clusters.values("pk"))
        .select_related("unit", "ranking__covenant__cluster")
        .order_by(
            "-ranking__covenant__cluster__year", "ranking__covenant__cluster__name", "position"
        )
    )
