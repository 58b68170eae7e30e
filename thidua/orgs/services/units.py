"""Creating units and reorganising them (merges keep the predecessors' history)."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction

from thidua.common.errors import DomainError
from thidua.orgs.choices import SuccessionKind, UnitKind
from thidua.orgs.models import Person, Unit, UnitSuccession


@transaction.atomic
def unit_create(
    *,
    code: str,
    name: str,
    kind: str = UnitKind.KHAC,
    kind_label: str = "",
    parent: Unit | None = None,
    valid_from: date | None = None,
) -> Unit:
    unit = Unit(
        code=code,
        name=name,
        kind=kind,
        kind_label=kind_label,
        parent=parent,
        valid_from=valid_from,
    )
    unit.full_clean(exclude=["path"])
    unit.save()
    return unit


@transaction.atomic
def unit_merge(
    *,
    predecessors: list[Unit],
    code: str,
    name: str,
    effective_date: date,
    parent: Unit | None = None,
    kind: str | None = None,
    kind_label: str = "",
    basis: str = "",
    successor: Unit | None = None,
) -> Unit:
    """Merge ``predecessors`` into a new unit (or into an existing ``successor``).

    The predecessors end the day before; their people move to the successor; their award
    records stay where they are (recorded against the unit of the time) and the successor's
    history reaches them through the succession links.
    """
    if len(predecessors) < 1:
        raise DomainError("merge_needs_units", "Cần ít nhất một đơn vị để sáp nhập.")
    ended = [u.name for u in predecessors if u.valid_to is not None]
    if ended:
        raise DomainError(
            "merge_unit_ended", f"Đơn vị đã hết hiệu lực, không thể sáp nhập: {', '.join(ended)}."
        )
    if successor is None:
        successor = unit_create(
            code=code,
            name=name,
            kind=kind or predecessors[0].kind,
            kind_label=kind_label or predecessors[0].kind_label,
            parent=parent if parent is not None else predecessors[0].parent,
            valid_from=effective_date,
        )
    for unit in predecessors:
        if unit.pk == successor.pk:
            continue
        UnitSuccession.objects.create(
            predecessor=unit,
            successor=successor,
            kind=SuccessionKind.MERGE,
            effective_date=effective_date,
            basis=basis,
        )
        unit.valid_to = effective_date - timedelta(days=1)
        unit.save(update_fields=["valid_to", "updated_at"])
        for child in unit.children.filter(valid_to__isnull=True):
            child.parent = successor
            child.save()
        from thidua.orgs.services.people import person_move

        for person in Person.objects.filter(unit=unit):
            person_move(person=person, unit=successor, start=effective_date)
    return successor


def unit_lineage(unit: Unit) -> list[Unit]:
    """The unit and every unit it succeeded, transitively (oldest last)."""
    seen: dict[int, Unit] = {unit.pk: unit}
    frontier = [unit.pk]
    while frontier:
        links = UnitSuccession.objects.filter(successor_id__in=frontier).select_related(
            "predecessor"
        )
        frontier = []
        for link in links:
            if link.predecessor_id not in seen:
                seen[link.predecessor_id] = link.predecessor
                frontier.append(link.predecessor_id)
    return list(seen.values())


@transaction.atomic
def unit_signers_set(
    *,
    unit: Unit,
    head_name: str | None = None,
    deputy_name: str | None = None,
    symbol: str | None = None,
) -> Unit:
    """Who signs the unit's papers and its part of their số ký hiệu; ``None`` keeps a value."""
    for field, value in (
        ("head_name", head_name),
        ("deputy_name", deputy_name),
        ("symbol", symbol),
    ):
        if value is not None:
            setattr(unit, field, " ".join(value.split()))
    unit.full_clean(exclude=["path"])
    unit.save()
    return unit
