"""A unit as its documents see it (``thidua.core.documents.Body``): name, kind, the bodies
above it and the symbol it sets, from the unit's path in one query."""

from __future__ import annotations

from thidua.core.documents import Body
from thidua.orgs.models import Unit


def _ancestors(unit: Unit) -> list[Unit]:
    """The unit and the units above it, the unit first."""
    ids = [int(i) for i in unit.path.strip("/").split("/") if i]
    above = Unit.objects.in_bulk([i for i in ids if i != unit.pk]) if len(ids) > 1 else {}
    return [unit, *(above[i] for i in reversed(ids) if i != unit.pk and i in above)]


def body_for(unit: Unit | None) -> Body | None:
    if unit is None:
        return None
    body: Body | None = None
    for u in reversed(_ancestors(unit)):
        body = Body(u.name, u.kind, body, u.symbol)
    return body


def decider_for(unit: Unit | None, kinds: frozenset[str]) -> Body | None:
    """The nearest body of one of ``kinds`` from ``unit`` up (the unit itself first): whose
    head decides a form of that level for the unit's people."""
    body = body_for(unit)
    while body is not None and kinds and body.kind not in kinds:
        body = body.parent
    return body
