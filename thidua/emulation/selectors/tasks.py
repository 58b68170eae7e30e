"""What of the emulation cycle waits on a user, across every cluster and year, in a fixed
number of queries (the home page's "Việc cần làm").

A member's work (signing, scoring itself, reviewing) waits on the officers of the units their
roles name — as in ``scoring_tasks``, an organiser is not asked to do its members' work. A
manager's (publishing) and an approver's (registrations) wait on whoever may do them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from django.db.models import Count, Exists, F, Max, OuterRef, Q

from thidua.accounts.models import Role
from thidua.accounts.scoping import WRITE_ROLES, scope_for
from thidua.emulation.choices import (
    CovenantStatus,
    MemberRole,
    RegistrationStatus,
    ScoreSheetStatus,
)
from thidua.emulation.models import (
    ClusterMember,
    Covenant,
    CovenantSignature,
    Registration,
    ScoreSheet,
)

SENT = (ScoreSheetStatus.SUBMITTED, ScoreSheetStatus.LOCKED)


class Work(StrEnum):
    """In the order of the year: registrations, covenant, scoring, ranking."""

    APPROVE = "approve"
    SIGN = "sign"
    SELF_SCORE = "self_score"
    REVIEW = "review"
    PUBLISH = "publish"


@dataclass(frozen=True, slots=True)
class Waiting:
    """One kind of work: how many, in which cluster years, by when."""

    work: Work
    count: int
    clusters: tuple[tuple[str, int], ...] = ()  # (code, year), in order of first appearance
    deadline: date | None = None  # the earliest end of a movement the work belongs to
    item: int | None = None  # the one score sheet or the newest year of registrations


def _named_units(user: Any) -> Any:
    """The units the user's own (writing) roles name, as a subquery."""
    return Role.objects.filter(user=user, kind__in=WRITE_ROLES, unit__isnull=False).values(
        "unit_id"
    )


def _waiting(
    work: Work, rows: list[tuple[str, int, date | None]], item: int | None = None
) -> Waiting:
    clusters = tuple(dict.fromkeys((code, year) for code, year, _ in rows))
    ends = [end for _, _, end in rows if end is not None]
    return Waiting(work, len(rows), clusters, min(ends) if ends else None, item)


def _member_work(user: Any) -> tuple[Waiting, Waiting]:
    """Covenants to sign, and own sheets not yet sent by members that have signed: one query."""
    signed = CovenantSignature.objects.filter(
        covenant__cluster_id=OuterRef("cluster_id"), unit_id=OuterRef("unit_id")
    )
    sent = ScoreSheet.objects.filter(
        covenant__cluster_id=OuterRef("cluster_id"),
        unit_id=OuterRef("unit_id"),
        reviewer__isnull=True,
        status__in=SENT,
    )
    rows = (
        ClusterMember.objects.filter(
            unit_id__in=_named_units(user),
            cluster__covenants__status__in=(CovenantStatus.OPEN, CovenantStatus.SIGNED),
            cluster__covenants__ranking__isnull=True,
        )
        .annotate(signed=Exists(signed), sent=Exists(sent))
        .order_by("cluster__year", "cluster__name", "unit__sort_key")
        .values_list(
            "cluster__code",
            "cluster__year",
            "cluster__covenants__movement__end",
            "cluster__covenants__status",
            "signed",
            "sent",
        )
    )
    to_sign, to_score = [], []
    for code, year, end, status, is_signed, is_sent in rows:
        if not is_signed and status == CovenantStatus.OPEN:
            to_sign.append((code, year, end))
        elif is_signed and not is_sent:
            to_score.append((code, year, end))
    return _waiting(Work.SIGN, to_sign), _waiting(Work.SELF_SCORE, to_score)


def _reviews(user: Any) -> Waiting:
    rows = list(
        ScoreSheet.objects.filter(
            reviewer_id__in=_named_units(user),
            status=ScoreSheetStatus.DRAFT,
            covenant__ranking__isnull=True,
        )
        .order_by("covenant__cluster__year", "covenant__cluster__name", "unit__sort_key")
        .values_list(
            "pk", "covenant__cluster__code", "covenant__cluster__year", "covenant__movement__end"
        )
    )
    only = rows[0][0] if len(rows) == 1 else None
    return _waiting(Work.REVIEW, [(code, year, end) for _, code, year, end in rows], only)


def _to_publish(user: Any) -> Waiting:
    """Covenants the user manages whose every member has a sent review and no review is still
    being entered: the ranking can be published."""
    scope = scope_for(user)
    covenants = Covenant.objects.filter(ranking__isnull=True).exclude(status=CovenantStatus.DRAFT)
    if not scope.everything:
        leads = ClusterMember.objects.filter(
            cluster_id=OuterRef("cluster_id"), role=MemberRole.LEADER, unit_id__in=scope.write_ids
        )
        covenants = covenants.filter(Q(cluster__organiser_id__in=scope.write_ids) | Exists(leads))
    reviews = Q(score_sheets__reviewer__isnull=False)
    rows = (
        covenants.annotate(
            members=Count("cluster__members", distinct=True),
            reviewed=Count(
                "score_sheets__unit",
                filter=reviews & Q(score_sheets__status=ScoreSheetStatus.SUBMITTED),
                distinct=True,
            ),
            pending=Count(
                "score_sheets",
                filter=reviews & Q(score_sheets__status=ScoreSheetStatus.DRAFT),
                distinct=True,
            ),
        )
        .filter(members__gt=0, reviewed=F("members"), pending=0)
        .order_by("cluster__year", "cluster__name")
        .values_list("cluster__code", "cluster__year", "movement__end")
    )
    return _waiting(Work.PUBLISH, list(rows))


def _approvals(user: Any) -> Waiting:
    """Registrations sent for approval to the user: a person's to its unit's officers, a
    unit's to the officers of the level above."""
    scope = scope_for(user)
    rows = Registration.objects.filter(status=RegistrationStatus.SUBMITTED)
    if not scope.everything:
        rows = rows.filter(
            Q(person__isnull=False, unit_id__in=scope.write_ids)
            | Q(person__isnull=True, unit__parent_id__in=scope.write_ids)
        )
    totals = rows.aggregate(n=Count("pk"), newest=Max("year"))
    return Waiting(Work.APPROVE, totals["n"], item=totals["newest"])


def emulation_waiting(*, user: Any) -> list[Waiting]:
    """Every kind of emulation work waiting on the user that is not empty, in the order of the
    year's cycle; five queries whatever the number of clusters."""
    if not getattr(user, "is_authenticated", False):
        return []
    found: Iterable[Waiting] = (
        *_member_work(user),
        _approvals(user),
        _reviews(user),
        _to_publish(user),
    )
    order = list(Work)
    return sorted((w for w in found if w.count), key=lambda w: order.index(w.work))
