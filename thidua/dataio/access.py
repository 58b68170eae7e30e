"""Who may import, and into which units: the user's scope, as every read and write."""

from __future__ import annotations

from typing import Any

from thidua.accounts.scoping import WRITE_ROLES, scope_for
from thidua.dataio.workbook.guard import WriteGuard


def sees_everything(user: Any) -> bool:
    """A system administrator: may export the whole database."""
    return scope_for(user).everything


def may_import(user: Any) -> bool:
    """An administrator or an officer; a leader or a council member only reads."""
    scope = scope_for(user)
    return scope.everything or bool(scope.write_ids)


def import_units_label(user: Any) -> str:
    """The units the user acts for, by name ("Quận Kiến An"); empty for an administrator."""
    if scope_for(user).everything:
        return ""
    names = [
        r.unit.name
        for r in user.roles.select_related("unit").order_by("unit__path")
        if r.kind in WRITE_ROLES and r.unit is not None
    ]
    return ", ".join(names)


def import_guard(user: Any) -> WriteGuard | None:
    """The guard of the user's imports; ``None`` for an administrator, who may write anywhere."""
    scope = scope_for(user)
    if scope.everything:
        return None
    return WriteGuard(may_write=scope.can_write, label=import_units_label(user) or "đơn vị mình")
