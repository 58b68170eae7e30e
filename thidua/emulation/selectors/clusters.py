"""Reads of clusters and covenants, through the user's scope: a cluster is visible to the
officers of its members and of its organising body."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from thidua.accounts.scoping import scope_for
from thidua.emulation.choices import ClusterChangeKind, MemberRole
from thidua.emulation.models import (
    Cluster,
    ClusterChange,
    ClusterMember,
    Covenant,
    CovenantSignature,
    Criterion,
)


def _visible(user: Any) -> Q | None:
    """The condition on clusters for the user; None when everything is visible."""
    scope = scope_for(user)
    if scope.everything:
        return None
    return Q(organiser_id__in=scope.read_ids) | Q(members__unit_id__in=scope.read_ids)


def clusters_for_user(*, user: Any, year: int | None = None) -> QuerySet[Cluster]:
    condition = _visible(user)
    clusters = Cluster.objects.all()
    if condition is not None:
        clusters = clusters.filter(pk__in=Cluster.objects.filter(condition).values("pk"))
    if year is not None:
        clusters = clusters.filter(year=year)
    return (
        clusters.select_related("organiser")
        .annotate(member_count=Count("members", distinct=True))
        .prefetch_related(
            Prefetch(
                "members",
                queryset=ClusterMember.objects.filter(
                    role__in=(MemberRole.LEADER, MemberRole.DEPUTY)
                ).select_related("unit"),
                to_attr="heads",
            )
        )
        .order_by("-year", "name")
    )


def cluster_years_for_user(*, user: Any) -> list[int]:
    years = clusters_for_user(user=user).values_list("year", flat=True).distinct()
    return sorted(set(years), reverse=True)


def cluster_get_for_user(*, user: Any, code: str, year: int) -> Cluster:
    cluster = clusters_for_user(user=user).filter(code=code, year=year).first()
    if cluster is None:
        raise Http404("Không tìm thấy cụm, khối thi đua.")
    return cluster


def cluster_members(*, cluster: Cluster) -> list[ClusterMember]:
    return list(cluster.members.select_related("unit").order_by("order", "pk"))


@dataclass(frozen=True, slots=True)
class LeaderYear:
    year: int
    cluster: Cluster
    leader: ClusterMember | None
    deputy: ClusterMember | None
    reason: str


def cluster_leader_history(*, cluster: Cluster) -> list[LeaderYear]:
    """Every year of the cluster (same code), newest first, with its leader and deputy and
    why they were chosen — two queries."""
    years = list(Cluster.objects.filter(code=cluster.code).order_by("-year"))
    heads: dict[tuple[int, str], ClusterMember] = {
        (m.cluster_id, m.role): m
        for m in ClusterMember.objects.filter(
            cluster__code=cluster.code, role__in=(MemberRole.LEADER, MemberRole.DEPUTY)
        ).select_related("unit")
    }
    reasons: dict[int, str] = {}
    for change in ClusterChange.objects.filter(
        cluster__code=cluster.code, kind=ClusterChangeKind.LEADER, unit__isnull=False
    ).order_by("created_at", "pk"):
        reasons[change.cluster_id] = change.note
    return [
        LeaderYear(
            year=c.year,
            cluster=c,
            leader=heads.get((c.pk, MemberRole.LEADER)),
            deputy=heads.get((c.pk, MemberRole.DEPUTY)),
            reason=reasons.get(c.pk, ""),
        )
        for c in years
    ]


def cluster_changes(*, cluster: Cluster) -> QuerySet[ClusterChange]:
    return cluster.changes.select_related("unit").order_by("created_at", "pk")


def covenant_for_cluster(*, cluster: Cluster) -> Covenant | None:
    return (
        Covenant.objects.filter(cluster=cluster)
        .select_related("cluster", "movement")
        .prefetch_related(
            Prefetch("criteria", queryset=Criterion.objects.order_by("order", "pk")),
            Prefetch(
                "signatures",
                queryset=CovenantSignature.objects.select_related("unit").order_by(
                    "signed_at", "pk"
                ),
            ),
        )
        .first()
    )


@dataclass(frozen=True, slots=True)
class CriterionRow:
    criterion: Criterion
    level: int  # 0 at the top, 1 inside a group …


def criteria_rows(*, covenant: Covenant) -> list[CriterionRow]:
    """The criteria in tree order (each group followed by its children), for tables."""
    criteria = list(covenant.criteria.all())
    children: dict[int | None, list[Criterion]] = {}
    for c in sorted(criteria, key=lambda c: (c.order, c.pk)):
        children.setdefault(c.parent_id, []).append(c)
    rows: list[CriterionRow] = []

    def walk(parent: int | None, level: int) -> None:
        for c in children.get(parent, []):
            rows.append(CriterionRow(c, level))
            walk(c.pk, level + 1)

    walk(None, 0)
    return rows
