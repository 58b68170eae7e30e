"""Reads for the reports: which units a report covers, and the awards counted in it.

A scope is a unit with its subtree, or a cluster of one year with each member's subtree.
Records count by ``AwardRecord.unit`` (the recipient's unit when awarded), so people,
households and enterprises come with the unit they were attached to, and only records that
stand (issued, not revoked) count. The counting is one grouped query whatever the number of
records; the paragraph is built by ``thidua.core.reports``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Q, QuerySet

from thidua.accounts.scoping import scope_for
from thidua.awards.models import AwardRecord
from thidua.common.errors import DomainError
from thidua.core.catalog import Recipient
from thidua.core.reports import (
    AwardCount,
    ReportRow,
    ScopeKind,
    Summary,
    common_issuer,
    compare_counts,
    comparison_paragraph,
    issuer_short_name,
)
from thidua.core.text import sort_key
from thidua.emulation.models import Cluster, ClusterMember
from thidua.orgs.models import Unit
from thidua.orgs.selectors import units_for_filter


class ReportScopeNotFoundError(DomainError):
    """The unit or cluster named for a report does not exist (or is not the user's to see)."""

    def __init__(self, message: str) -> None:
        super().__init__("report_scope_not_found", message)


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportScope:
    """What a report covers: the units whose subtrees are counted (their ``path``s)."""

    kind: ScopeKind
    code: str
    name: str
    unit_paths: tuple[str, ...]


def report_scope_unit(*, code: str, user: Any | None = None) -> ReportScope:
    """The unit ``code`` with its subtree; with ``user``, only a unit that user may read."""
    unit = Unit.objects.filter(code=code.strip()).only("code", "name", "path").first()
    if unit is None or (user is not None and not scope_for(user).can_read(unit.pk)):
        raise ReportScopeNotFoundError(f"Không có đơn vị mã “{code}”.")
    return ReportScope(kind="unit", code=unit.code, name=unit.name, unit_paths=(unit.path,))


def report_scope_cluster(*, code: str, year: int, user: Any | None = None) -> ReportScope:
    """The cluster ``code`` of ``year``: its members that year, each with its subtree. With
    ``user``, only a cluster with a member that user may read (the counts are then limited
    to the units the user may read, by ``award_records_in_scope``)."""
    cluster = Cluster.objects.filter(code=code.strip(), year=year).only("code", "name").first()
    if user is not None and cluster is not None:
        members = cluster.members.values_list("unit_id", flat=True)
        if not any(scope_for(user).can_read(unit_id) for unit_id in members):
            raise ReportScopeNotFoundError(f"Không có cụm, khối thi đua mã “{code}”.")
    if cluster is None:
        years = sorted(
            Cluster.objects.filter(code=code.strip()).values_list("year", flat=True).distinct()
        )
        if not years:
            raise ReportScopeNotFoundError(f"Không có cụm, khối thi đua mã “{code}”.")
        raise ReportScopeNotFoundError(
            f"Cụm, khối thi đua mã “{code}” không có trong năm {year} "
            f"(có các năm: {', '.join(str(y) for y in years)})."
        )
    paths = Unit.objects.filter(cluster_memberships__cluster=cluster).values_list("path", flat=True)
    return ReportScope(
        kind="cluster", code=cluster.code, name=cluster.name, unit_paths=tuple(sorted(paths))
    )


def award_records_in_scope(
    *, scope: ReportScope, year: int, user: Any | None = None
) -> QuerySet[AwardRecord]:
    """The standing records of ``year`` counted in ``scope`` (what each number links to);
    with ``user``, only records of units that user may read."""
    return _standing_in_scope(scope=scope, user=user).filter(year=year)


def latest_award_year(*, scope: ReportScope, at_most: int, user: Any | None = None) -> int | None:
    """The latest achievement year, up to ``at_most``, with a standing record in ``scope``."""
    records = _standing_in_scope(scope=scope, user=user).filter(year__lte=at_most)
    latest: int | None = records.aggregate(latest=Max("year"))["latest"]
    return latest


def _standing_in_scope(*, scope: ReportScope, user: Any | None) -> QuerySet[AwardRecord]:
    records: QuerySet[AwardRecord] = AwardRecord.objects.standing()
    if not scope.unit_paths:
        return records.none()
    # One prefix condition per root: a record under two overlapping roots is still one row.
    under = Q()
    for path in scope.unit_paths:
        under |= Q(unit__path__startswith=path)
    records = records.filter(under)
    if user is not None:
        records = scope_for(user).filter(records, "unit")
    return records


def award_summary(*, scope: ReportScope, year: int, user: Any | None = None) -> Summary:
    """The counts by award and recipient in ``scope`` for ``year``, with the body that issued
    each award when its decisions agree on one — in one grouped query."""
    rows = (
        award_records_in_scope(scope=scope, year=year, user=user)
        .order_by()
        .values(
            "code",
            "recipient_kind",
            "decision__issuing_body",
            "decision__issuing_unit__kind_label",
        )
        .annotate(n=Count("pk"))
    )
    totals: dict[tuple[str, str], int] = defaultdict(int)
    issuers: dict[str, set[str | None]] = defaultdict(set)
    for row in rows:
        totals[row["code"], row["recipient_kind"]] += row["n"]
        issuers[row["code"]].add(
            issuer_short_name(
                row["decision__issuing_body"] or "",
                unit_label=row["decision__issuing_unit__kind_label"] or "",
            )
        )
    counts = tuple(
        AwardCount(code=code, recipient=Recipient(kind), count=n)
        for (code, kind), n in totals.items()
    )
    agreed = {code: name for code, names in issuers.items() if (name := common_issuer(names))}
    return Summary(
        year=year,
        scope_kind=scope.kind,
        scope_code=scope.code,
        scope_name=scope.name,
        counts=counts,
        issuers=agreed,
    )


@dataclass(frozen=True, slots=True)
class ClusterChoice:
    code: str
    name: str
    years: tuple[int, ...]


def clusters_for_user(*, user: Any) -> list[ClusterChoice]:
    """The clusters with a member the user may read, by code: the latest name and every
    year (two queries)."""
    scope = scope_for(user)
    rows = Cluster.objects.order_by("code", "-year").values_list("pk", "code", "name", "year")
    if not scope.everything:
        visible = ClusterMember.objects.filter(unit_id__in=scope.read_ids).values("cluster_id")
        rows = rows.filter(pk__in=visible)
    found: dict[str, ClusterChoice] = {}
    for _, code, name, year in rows:
        old = found.get(code)
        found[code] = ClusterChoice(
            code, old.name if old else name, (*old.years, year) if old else (year,)
        )
    return sorted(found.values(), key=lambda c: sort_key(c.name))


def report_default_unit(*, user: Any) -> Unit | None:
    """The unit a report opens on: the user's own unit, or the top of the tree."""
    role = (
        user.roles.filter(unit__isnull=False).select_related("unit").order_by("unit__path").first()
    )
    if role is not None:
        return role.unit
    return units_for_filter(user=user).first()


@dataclass(frozen=True, slots=True)
class Report:
    """One scope and year against the year before: the paragraph, the rows, the sentence."""

    scope: ReportScope
    year: int
    summary: Summary
    rows: tuple[ReportRow, ...]
    comparison: str
    members: int = 0  # a cluster's member units
    members_visible: int = 0  # of which the user may read

    @property
    def total_now(self) -> int:
        return sum(r.now for r in self.rows)

    @property
    def total_before(self) -> int:
        return sum(r.before for r in self.rows)

    @property
    def total_change(self) -> int:
        return self.total_now - self.total_before

    @property
    def partial(self) -> bool:
        return self.members_visible < self.members


def report_build(*, scope: ReportScope, year: int, user: Any | None = None) -> Report:
    """The figures of the web report and its exports: ``award_summary`` of the year and of
    the year before, over the same units (like for like)."""
    summary = award_summary(scope=scope, year=year, user=user)
    previous = award_summary(scope=scope, year=year - 1, user=user)
    # A body named in either year names the row; this year's wins.
    rows = compare_counts(summary.counts, previous.counts, {**previous.issuers, **summary.issuers})
    members = visible = 0
    if scope.kind == "cluster":
        paths = scope.unit_paths
        members = len(paths)
        ids = Unit.objects.filter(path__in=paths).values_list("pk", flat=True)
        visible = sum(1 for pk in ids if user is None or scope_for(user).can_read(pk))
    return Report(
        scope=scope,
        year=year,
        summary=summary,
        rows=rows,
        comparison=comparison_paragraph(year, rows),
        members=members,
        members_visible=visible,
    )
