"""Reads of movements: the launching unit's officers see drafts; once launched, every unit in
scope (and every unit under one) sees the movement."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.accounts.models import Role
from thidua.accounts.scoping import scope_for
from thidua.emulation.choices import MovementStatus
from thidua.emulation.models import Movement


def _ancestor_ids(user: Any) -> set[int]:
    """Units above the user's own units: a movement scoped to the district reaches its wards."""
    paths = Role.objects.filter(user=user, unit__isnull=False).values_list("unit__path", flat=True)
    return {int(part) for path in paths for part in path.strip("/").split("/") if part}


def movements_for_user(*, user: Any, year: int | None = None) -> QuerySet[Movement]:
    scope = scope_for(user)
    movements = Movement.objects.all()
    if not scope.everything:
        reach = set(scope.read_ids) | _ancestor_ids(user)
        launched = ~Q(status=MovementStatus.DRAFT) & Q(scope__in=reach)
        movements = movements.filter(
            pk__in=Movement.objects.filter(Q(launched_by_id__in=scope.read_ids) | launched).values(
                "pk"
            )
        )
    if year is not None:
        movements = movements.filter(year=year)
    return movements.select_related("launched_by").order_by("-year", "name")


def movement_get_for_user(*, user: Any, pk: int) -> Movement:
    movement = movements_for_user(user=user).filter(pk=pk).first()
    if movement is None:
        raise Http404("Không tìm thấy phong trào thi đua.")
    return movement


def movements_open_for_registration(*, user: Any, year: int) -> QuerySet[Movement]:
    return movements_for_user(user=user, year=year).filter(status=MovementStatus.REGISTRATION)
