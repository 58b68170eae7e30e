"""Reads of registrations, and their totals rolled up to the level above."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.accounts.models import Role
from thidua.accounts.scoping import scope_for
from thidua.core.catalog import BY_CODE, PRECEDENCE
from thidua.emulation.choices import RegistrationStatus
from thidua.emulation.models import Registration
from thidua.orgs.models import Unit


def registrations_for_user(
    *, user: Any, year: int, status: str = "", unit: Unit | None = None
) -> QuerySet[Registration]:
    rows = scope_for(user).filter(Registration.objects.filter(year=year))
    if status:
        rows = rows.filter(status=status)
    if unit is not None:
        rows = rows.filter(unit__path__startswith=unit.path)
    return rows.select_related("unit", "person", "movement").order_by(
        "unit__path", "person__sort_key", "pk"
    )


def registration_get_for_user(*, user: Any, pk: int) -> Registration:
    registration = (
        Registration.objects.filter(pk=pk).select_related("unit__parent", "person").first()
    )
    if registration is None or not scope_for(user).can_read(registration.unit_id):
        raise Http404("Không tìm thấy đăng ký thi đua.")
    return registration


@dataclass
class SummaryRow:
    """One unit of the level below the user's, with its subtree's registrations counted."""

    unit: Unit
    counts: Counter[str] = field(default_factory=Counter)  # target → approved + waiting
    waiting: int = 0
    returned: int = 0

    def count(self, code: str) -> int:
        return self.counts[code]


@dataclass
class Summary:
    rows: list[SummaryRow]
    targets: list[str]  # title codes present, in order of precedence
    totals: Counter[str]

    @property
    def target_names(self) -> list[tuple[str, str]]:
        return [(code, BY_CODE[code].name) for code in self.targets]


def registration_summary(*, user: Any, year: int) -> Summary:
    """Registrations of the year rolled up to the units directly under each unit the user
    acts for (and that unit itself): what the level above receives."""
    roots = list(
        Unit.objects.filter(
            pk__in=Role.objects.filter(user=user, unit__isnull=False).values("unit_id")
        )
    )
    if not roots:  # an administrator: the top of the tree
        roots = list(Unit.objects.filter(parent__isnull=True))
    row_units: list[Unit] = []
    for root in roots:
        row_units.append(root)
        # Units in force at some time of the year: a ward merged mid-year keeps its row.
        row_units.extend(
            Unit.objects.filter(parent=root)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=date(year, 1, 1)))
            .order_by("sort_key")
        )
    rows = [SummaryRow(u) for u in row_units]
    # Longest path first, so a registration counts in the deepest row that contains it.
    by_depth = sorted(rows, key=lambda r: -len(r.unit.path))
    totals: Counter[str] = Counter()
    for path, target, status in registrations_for_user(user=user, year=year).values_list(
        "unit__path", "target", "status"
    ):
        row = next((r for r in by_depth if path.startswith(r.unit.path)), None)
        if row is None:
            continue
        if status == RegistrationStatus.RETURNED:
            row.returned += 1
            continue
        if status == RegistrationStatus.SUBMITTED:
            row.waiting += 1
        if status in (RegistrationStatus.APPROVED, RegistrationStatus.SUBMITTED):
            row.counts[target] += 1
            totals[target] += 1
    targets = sorted(totals, key=lambda code: PRECEDENCE.get(code, 999))
    return Summary(
        rows=[r for r in rows if r.counts or r.waiting or r.returned],
        targets=targets,
        totals=totals,
    )
