"""Keeping the materialised ``path`` of the unit tree right, and refusing cycles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Value
from django.db.models.functions import Concat, Substr

if TYPE_CHECKING:
    from thidua.orgs.models import Unit


def unit_path_rebuild(unit: Unit) -> None:
    """Set ``unit.path`` from its parent and carry the change down to its subtree."""
    from thidua.orgs.models import Unit

    parent_path = unit.parent.path if unit.parent_id and unit.parent else "/"
    new_path = f"{parent_path}{unit.pk}/"
    old_path = unit.path
    depth_change = new_path.count("/") - (old_path.count("/") if old_path else 0)
    Unit.objects.filter(pk=unit.pk).update(path=new_path, depth=new_path.count("/") - 2)
    if old_path:
        descendants = Unit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk)
        descendants.update(
            path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        )
        if depth_change:
            for child in Unit.objects.filter(path__startswith=new_path).exclude(pk=unit.pk):
                Unit.objects.filter(pk=child.pk).update(depth=child.path.count("/") - 2)
    unit.path = new_path
    unit.depth = new_path.count("/") - 2
