"""The scoping selector: which units a user may see and act for.

Every list, count, search and API read filters through ``scope_for(user)``. A user acting for
a unit sees it, every unit under it, and the units it succeeded (merges keep their history
visible to the successor's officers).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet

from thidua.accounts.models import RoleKind
from thidua.orgs.models import Unit, UnitSuccession

M = TypeVar("M", bound=Model)
WRITE_ROLES = (RoleKind.ADMIN, RoleKind.OFFICER)


@dataclass(frozen=True)
class Scope:
    """``everything`` for a system administrator; otherwise explicit unit ids."""

    everything: bool
    read_ids: frozenset[int]
    write_ids: frozenset[int]

    def filter(self, queryset: QuerySet[M], field: str = "unit") -> QuerySet[M]:
        """Rows of ``queryset`` whose ``field`` (a unit foreign key path) is visible."""
        if self.everything:
            return queryset
        lookup = "pk__in" if field == "pk" else f"{field}__in"
        return queryset.filter(**{lookup: self.read_ids})

    def can_read(self, unit_id: int | None) -> bool:
        return self.everything or unit_id in self.read_ids

    def can_write(self, unit_id: int | None) -> bool:
        return self.everything or unit_id in self.write_ids

    @property
    def read_only(self) -> bool:
        return not self.everything and not self.write_ids


NOTHING = Scope(everything=False, read_ids=frozenset(), write_ids=frozenset())


def _subtree_ids(units: QuerySet[Unit]) -> set[int]:
    paths = list(units.values_list("path", flat=True))
    if not paths:
        return set()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return set(Unit.objects.filter(condition).values_list("pk", flat=True))


def _with_predecessors(unit_ids: set[int]) -> set[int]:
    """Add, transitively, every unit these units succeeded, with the subtrees they had."""
    links: dict[int, list[int]] = {}
    for pred, succ in UnitSuccession.objects.values_list("predecessor_id", "successor_id"):
        links.setdefault(succ, []).append(pred)
    found = set(unit_ids)
    frontier = list(unit_ids)
    while frontier:
        new = {p for u in frontier for p in links.get(u, []) if p not in found}
        if not new:
            break
        new |= _subtree_ids(Unit.objects.filter(pk__in=new)) - found
        found |= new
        frontier = list(new)
    return found


def scope_for(user: Any) -> Scope:
    """The user's scope, computed once per user object (a request, a command)."""
    if not getattr(user, "is_authenticated", False):
        return NOTHING
    cached: Scope | None = getattr(user, "_thidua_scope", None)
    if cached is not None:
        return cached
    roles = list(user.roles.all())
    if user.is_superuser or any(r.kind == RoleKind.ADMIN for r in roles):
        scope = Scope(everything=True, read_ids=frozenset(), write_ids=frozenset())
    else:
        read_roots = {r.unit_id for r in roles if r.unit_id}
        write_roots = {r.unit_id for r in roles if r.unit_id and r.kind in WRITE_ROLES}
        read = _with_predecessors(_subtree_ids(Unit.objects.filter(pk__in=read_roots)))
        write = _subtree_ids(Unit.objects.filter(pk__in=write_roots))
        scope = Scope(everything=False, read_ids=frozenset(read), write_ids=frozenset(write))
    user._thidua_scope = scope
    return scope


def units_acting_for(user: Any) -> QuerySet[Unit]:
    """The units in force (not merged away or closed) the user acts for, in tree order: the
    only units a write may name as its author (a proposal, a session, a cluster, a
    movement). One selector for every door, so the web and the API agree."""
    units = Unit.objects.filter(valid_to__isnull=True).order_by("path")
    scope = scope_for(user)
    return units if scope.everything else units.filter(pk__in=scope.write_ids)
