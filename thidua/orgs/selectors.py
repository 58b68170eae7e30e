"""Reads of units and people, always through the user's scope."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date as date_type
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404

from thidua.accounts.scoping import scope_for
from thidua.common.search import byte_order, search_terms
from thidua.orgs.models import (
    Assessment,
    Enterprise,
    Household,
    Initiative,
    Membership,
    Person,
    Unit,
    UnitSuccession,
)


def units_for_user(*, user: Any, query: str = "") -> QuerySet[Unit]:
    units = scope_for(user).filter(Unit.objects.all(), field="pk")
    for term in search_terms(query):
        units = units.filter(search_key__contains=term)
    return units.select_related("parent").order_by("path")


def unit_get_for_user(*, user: Any, code: str, for_write: bool = False) -> Unit:
    """The unit if the user may see it (or act for it); 404 otherwise, never a hint it exists."""
    unit = Unit.objects.filter(code=code).select_related("parent").first()
    scope = scope_for(user)
    if unit is None or not (scope.can_write(unit.pk) if for_write else scope.can_read(unit.pk)):
        raise Http404("Không tìm thấy đơn vị.")
    return unit


def people_for_user(*, user: Any, query: str = "", unit: Unit | None = None) -> QuerySet[Person]:
    """People the user may see, matching every word of ``query`` without regard to
    diacritics, in Vietnamese name order (given name first)."""
    people = scope_for(user).filter(Person.objects.all())
    if unit is not None:
        people = people.filter(unit__path__startswith=unit.path)
    for term in search_terms(query):
        people = people.filter(search_key__contains=term)
    return people.select_related("unit").order_by(byte_order("sort_key"), "code")


def person_get_for_user(*, user: Any, code: str) -> Person:
    person = Person.objects.filter(code=code).select_related("unit").first()
    if person is None or not scope_for(user).can_read(person.unit_id):
        raise Http404("Không tìm thấy cá nhân.")
    return person


def households_for_user(*, user: Any, query: str = "") -> QuerySet[Household]:
    households = scope_for(user).filter(Household.objects.all())
    for term in search_terms(query):
        households = households.filter(search_key__contains=term)
    return households.select_related("unit").order_by("code")


def enterprises_for_user(*, user: Any, query: str = "") -> QuerySet[Enterprise]:
    enterprises = scope_for(user).filter(Enterprise.objects.all())
    for term in search_terms(query):
        enterprises = enterprises.filter(search_key__contains=term)
    return enterprises.select_related("unit").order_by("code")


# --- Pages of "Đơn vị và cá nhân" -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LinkedUnit:
    """A unit named on a page, with whether the user may open it (a link) or not (text)."""

    unit: Unit
    visible: bool
    date: date_type | None = None
    kind: str = ""  # SuccessionKind code
    kind_label: str = ""
    basis: str = ""


@dataclass(frozen=True, slots=True)
class UnitNode:
    """One line of the unit tree, in depth-first order. ``closes`` counts the nested lists
    that end after this line, so a template can write balanced ``<ul>`` without recursion."""

    unit: Unit
    level: int
    has_children: bool
    closes: int
    successors: tuple[LinkedUnit, ...]  # with the date the succession took effect
    ended_kind: str  # SuccessionKind of the link to the successors; "" when none
    people_count: int

    @property
    def close_range(self) -> range:
        return range(self.closes)


def unit_tree_for_user(*, user: Any) -> list[UnitNode]:
    """The units the user may see as a tree: siblings in Vietnamese order, units still in
    force before those that ended, each ended unit with the units that succeeded it."""
    units = list(
        scope_for(user)
        .filter(Unit.objects.all(), field="pk")
        .annotate(people_count=Count("people", distinct=True))
        .order_by("path")
    )
    visible = {u.pk for u in units}
    scope = scope_for(user)
    successors: dict[int, list[LinkedUnit]] = defaultdict(list)
    ended_kind: dict[int, str] = {}
    for link in (
        UnitSuccession.objects.filter(predecessor_id__in=visible)
        .select_related("successor")
        .order_by("successor__sort_key")
    ):
        successors[link.predecessor_id].append(
            LinkedUnit(
                unit=link.successor,
                visible=scope.can_read(link.successor_id),
                date=link.effective_date,
                kind=link.kind,
            )
        )
        ended_kind[link.predecessor_id] = link.kind
    children: dict[int | None, list[Unit]] = defaultdict(list)
    for unit in units:
        children[unit.parent_id if unit.parent_id in visible else None].append(unit)
    for siblings in children.values():
        siblings.sort(key=lambda u: (u.valid_to is not None, u.sort_key))

    nodes: list[UnitNode] = []

    def walk(unit: Unit, level: int, closes_after: int) -> None:
        kids = children.get(unit.pk, [])
        nodes.append(
            UnitNode(
                unit=unit,
                level=level,
                has_children=bool(kids),
                closes=0 if kids else closes_after,
                successors=tuple(successors.get(unit.pk, ())),
                ended_kind=ended_kind.get(unit.pk, ""),
                people_count=unit.people_count,  # type: ignore[attr-defined]
            )
        )
        for i, kid in enumerate(kids):
            last = i == len(kids) - 1
            walk(kid, level + 1, closes_after + 1 if last else 0)

    for root in children.get(None, []):
        walk(root, 0, 0)
    return nodes


@dataclass(frozen=True, slots=True)
class UnitRelations:
    parent: LinkedUnit | None
    children: list[Unit]
    predecessors: list[LinkedUnit]
    successors: list[LinkedUnit]


def unit_relations(*, user: Any, unit: Unit) -> UnitRelations:
    """Parent, children in force or not, and the merges, splits and renames on both sides."""
    scope = scope_for(user)
    parent = (
        LinkedUnit(unit=unit.parent, visible=scope.can_read(unit.parent_id))
        if unit.parent is not None
        else None
    )
    children = list(
        scope.filter(Unit.objects.filter(parent=unit), field="pk").order_by(
            F("valid_to").asc(nulls_first=True), byte_order("sort_key")
        )
    )
    predecessors = [
        LinkedUnit(
            unit=s.predecessor,
            visible=scope.can_read(s.predecessor_id),
            date=s.effective_date,
            kind=s.kind,
            kind_label=s.get_kind_display(),
            basis=s.basis,
        )
        for s in unit.predecessions.select_related("predecessor").order_by(
            "effective_date", "predecessor__sort_key"
        )
    ]
    successors = [
        LinkedUnit(
            unit=s.successor,
            visible=scope.can_read(s.successor_id),
            date=s.effective_date,
            kind=s.kind,
            kind_label=s.get_kind_display(),
            basis=s.basis,
        )
        for s in unit.successions.select_related("successor").order_by(
            "effective_date", "successor__sort_key"
        )
    ]
    return UnitRelations(
        parent=parent, children=children, predecessors=predecessors, successors=successors
    )


def unit_people(*, user: Any, unit: Unit) -> QuerySet[Person]:
    """People whose current unit is exactly this one, in Vietnamese name order."""
    return people_for_user(user=user).filter(unit=unit)


def unit_assessments(*, user: Any, unit: Unit) -> QuerySet[Assessment]:
    """The unit's annual assessments, newest first (the unit is visible to the user)."""
    return Assessment.objects.filter(unit=unit).order_by("-year")


PEOPLE_ORDERS = {
    "ten": None,  # Vietnamese name order, the default
    "ma": ("code",),
    "don-vi": ("unit__sort_key", "sort_key", "code"),
}


def people_list_for_user(
    *, user: Any, query: str = "", unit: Unit | None = None, order: str = "ten"
) -> QuerySet[Person]:
    """``people_for_user`` sorted by one of ``PEOPLE_ORDERS`` (unknown keys: by name)."""
    people = people_for_user(user=user, query=query, unit=unit)
    fields = PEOPLE_ORDERS.get(order)
    if fields:
        people = people.order_by(*(byte_order(f) if "sort_key" in f else f for f in fields))
    return people


def units_for_filter(*, user: Any) -> QuerySet[Unit]:
    """Units in force that the user may see, for a "Đơn vị" filter (code and name only)."""
    return (
        scope_for(user)
        .filter(Unit.objects.filter(valid_to__isnull=True), field="pk")
        .only("code", "name", "depth", "path")
        .order_by("path")
    )


def unit_get_for_filter(*, user: Any, code: str) -> Unit | None:
    """The unit of a list filter, or ``None`` when the code is empty, unknown or out of scope."""
    if not code:
        return None
    unit = Unit.objects.filter(code=code).first()
    if unit is None or not scope_for(user).can_read(unit.pk):
        return None
    return unit


@dataclass(frozen=True, slots=True)
class MembershipRow:
    membership: Membership
    visible: bool


def person_memberships(*, user: Any, person: Person) -> list[MembershipRow]:
    """Where the person worked, oldest first; units outside the user's scope are named but
    not linked."""
    scope = scope_for(user)
    return [
        MembershipRow(membership=m, visible=scope.can_read(m.unit_id))
        for m in person.memberships.select_related("unit").order_by(
            F("start").asc(nulls_first=True), "pk"
        )
    ]


def person_assessments(*, user: Any, person: Person) -> QuerySet[Assessment]:
    return Assessment.objects.filter(person=person).order_by("-year")


def person_initiatives(*, user: Any, person: Person) -> QuerySet[Initiative]:
    """The person's initiatives, newest first, with their co-authors."""
    return (
        person.initiatives.select_related("unit")
        .prefetch_related(
            Prefetch("authors", queryset=Person.objects.only("code", "full_name", "unit_id"))
        )
        .order_by("-year", "title")
    )


def unit_count_on(*, user: Any, on: date_type) -> int:
    """Units in the user's scope that were in force on ``on``."""
    return (
        scope_for(user)
        .filter(Unit.objects.all(), field="pk")
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .count()
    )


def people_count_on(*, user: Any, on: date_type) -> int:
    """People who worked in a unit of the user's scope on ``on`` (from their memberships)."""
    return (
        scope_for(user)
        .filter(Membership.objects.all())
        .filter(Q(start__isnull=True) | Q(start__lte=on))
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .values("person_id")
        .distinct()
        .count()
    )
