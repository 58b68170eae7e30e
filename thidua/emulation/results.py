"""A cluster year's results, computed in the core from a few queries: each sheet's totals,
each member's final score and disagreement flag, the ranking and the nominations it gives.

The ranking page previews these before publication; ``ranking_publish`` stores them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from thidua.core.scoring import (
    HONOURS_BY_LEVEL,
    Candidate,
    CriteriaTree,
    FinalScore,
    Level,
    Method,
    Nomination,
    Placed,
    Review,
    Totals,
    final_score,
    nominate,
    quotas_for,
    rank,
)
from thidua.core.scoring import Criterion as CoreCriterion
from thidua.core.scoring import CriterionKind as CoreKind
from thidua.emulation.choices import MemberRole, ScoreSheetStatus
from thidua.emulation.models import Cluster, Covenant, Criterion, ScoreLine, ScoreSheet
from thidua.orgs.models import Unit

COUNTED = (ScoreSheetStatus.SUBMITTED, ScoreSheetStatus.LOCKED)


def criteria_tree(criteria: list[Criterion]) -> CriteriaTree:
    return CriteriaTree(
        CoreCriterion(c.pk, c.number, CoreKind(c.kind), c.max_points, c.parent_id, c.per_occurrence)
        for c in criteria
    )


def sheet_totals(tree: CriteriaTree, lines: list[ScoreLine]) -> Totals:
    return tree.totals({line.criterion_id: line.points for line in lines})


@dataclass
class MemberResult:
    unit: Unit
    role: str
    self_sheet: ScoreSheet | None
    self_totals: Totals | None
    reviews: list[tuple[ScoreSheet, Totals | None]] = field(default_factory=list)
    final: FinalScore | None = None
    penalty: Decimal = Decimal(0)  # mean penalty points of the counted reviews (tie-break 2)
    criteria: tuple[Decimal, ...] = ()  # mean reviewed points per item (tie-break 3)
    placed: Placed | None = None
    nomination: Nomination | None = None

    @property
    def pending_reviews(self) -> int:
        return sum(1 for s, _ in self.reviews if s.status == ScoreSheetStatus.DRAFT)


@dataclass
class ClusterResults:
    cluster: Cluster
    covenant: Covenant
    tree: CriteriaTree
    members: list[MemberResult]
    nominations: tuple[Nomination, ...]

    @property
    def complete(self) -> bool:
        """Every member has a final score and no review is still being entered."""
        return all(m.final is not None and m.final.value is not None for m in self.members) and (
            not any(m.pending_reviews for m in self.members)
        )

    @property
    def ranked(self) -> list[MemberResult]:
        return sorted(
            self.members,
            key=lambda m: (m.placed.position if m.placed else 10_000, m.unit.sort_key),
        )

    @property
    def disagreements(self) -> list[MemberResult]:
        return [m for m in self.members if m.final is not None and m.final.disagreement]


def _criteria_points(tree: CriteriaTree, reviews: list[Totals]) -> tuple[Decimal, ...]:
    """Mean reviewed points per scorable criterion, in the covenant's order (tie-break 3)."""
    if not reviews:
        return ()
    return tuple(
        sum((t.by_criterion.get(c.id, Decimal(0)) for t in reviews), Decimal(0)) / len(reviews)
        for c in tree.scorable
        if c.kind is CoreKind.ITEM
    )


def cluster_results(covenant: Covenant) -> ClusterResults:
    """Three queries: members, sheets, lines (plus the criteria)."""
    cluster = covenant.cluster
    tree = criteria_tree(list(covenant.criteria.order_by("order", "pk")))
    members = list(cluster.members.select_related("unit").order_by("order", "pk"))
    sheets = list(ScoreSheet.objects.filter(covenant=covenant).select_related("reviewer"))
    lines: dict[int, list[ScoreLine]] = defaultdict(list)
    for line in ScoreLine.objects.filter(sheet__covenant=covenant):
        lines[line.sheet_id].append(line)
    by_unit: dict[int, list[ScoreSheet]] = defaultdict(list)
    for sheet in sheets:
        by_unit[sheet.unit_id].append(sheet)
    leader = next((m.unit_id for m in members if m.role == MemberRole.LEADER), None)
    method = Method(cluster.score_method)
    results: list[MemberResult] = []
    for member in members:
        own = [s for s in by_unit[member.unit_id] if s.reviewer_id is None]
        self_sheet = own[0] if own else None
        result = MemberResult(
            unit=member.unit,
            role=member.role,
            self_sheet=self_sheet,
            self_totals=sheet_totals(tree, lines[self_sheet.pk]) if self_sheet else None,
        )
        counted: list[Review] = []
        counted_totals: list[Totals] = []
        for sheet in sorted(
            (s for s in by_unit[member.unit_id] if s.reviewer_id is not None),
            key=lambda s: s.reviewer.sort_key if s.reviewer else "",
        ):
            if sheet.status == ScoreSheetStatus.RECUSED:
                result.reviews.append((sheet, None))
                continue
            totals = sheet_totals(tree, lines[sheet.pk])
            result.reviews.append((sheet, totals))
            if sheet.status in COUNTED and sheet.reviewer is not None:
                counted.append(
                    Review(sheet.reviewer.code, totals.total, sheet.reviewer_id == leader)
                )
                counted_totals.append(totals)
        result.final = final_score(counted, method=method, spread_limit=cluster.disagreement_spread)
        result.criteria = _criteria_points(tree, counted_totals)
        result.penalty = (
            sum((t.penalty for t in counted_totals), Decimal(0)) / len(counted_totals)
            if counted_totals
            else Decimal(0)
        )
        results.append(result)
    placed = rank(
        Candidate(
            key=m.unit.code,
            name_key=m.unit.sort_key,
            score=m.final.value,
            penalty=m.penalty,
            criteria=m.criteria,
        )
        for m in results
        if m.final is not None and m.final.value is not None
    )
    by_code = {m.unit.code: m for m in results}
    for p in placed:
        by_code[p.key].placed = p
    quotas = quotas_for(
        Level(cluster.organiser_level), flags=cluster.flag_quota, merits=cluster.merit_quota
    )
    nominations = nominate(placed, quotas, cluster_noun=cluster.noun)
    for n in nominations:
        by_code[n.key].nomination = n
    return ClusterResults(cluster, covenant, tree, results, nominations)


def honours_citation(cluster: Cluster) -> str:
    return HONOURS_BY_LEVEL[Level(cluster.organiser_level)].citation
