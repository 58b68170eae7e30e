"""Quy định riêng của địa phương for tests: set (or change) a unit's local rules."""

from __future__ import annotations

from datetime import date
from typing import Any

from thidua.awards.models import UnitRuleSettings
from thidua.orgs.models import Unit

SINCE = date(2020, 1, 1)


def set_local_rules(
    code: str, *, valid_from: date = SINCE, basis: str = "Quyết định của UBND", **fields: Any
) -> UnitRuleSettings:
    """The local rules of the unit ``code`` from ``valid_from``, replacing those of that day."""
    row, _ = UnitRuleSettings.objects.update_or_create(
        unit=Unit.objects.get(code=code),
        valid_from=valid_from,
        defaults={"basis": basis, **fields},
    )
    return row
