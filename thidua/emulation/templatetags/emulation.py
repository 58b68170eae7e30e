"""Display of points and statuses on the emulation pages (``{% load emulation %}``)."""

from __future__ import annotations

from decimal import Decimal

from django import template

from thidua.core.scoring import format_points
from thidua.core.text import format_count

register = template.Library()

# The colour of each status's badge, beside its words (never the colour alone).
BADGES = {
    "approved": "passed",
    "signed": "issued",
    "launched": "open",
    "registration": "open",
    "interim": "pending",
    "final": "pending",
    "locked": "closed",
    "recused": "ended",
}


@register.filter
def diem(value: Decimal | float | None) -> str:
    """Points as a scoring table writes them: "98,5", "100", "—" when there are none."""
    if value is None or value == "":
        return "—"
    return format_points(Decimal(str(value)))


@register.inclusion_tag("emulation/_badge.html")
def badge(status: str, label: str) -> dict[str, str]:
    return {"css": BADGES.get(status, status), "label": label}


@register.filter
def get_item(mapping: dict[int, object] | None, key: int) -> object:
    """``mapping[key]`` in a template (a group's subtotal by criterion id)."""
    return None if mapping is None else mapping.get(key)


@register.filter
def dem(value: int) -> str:
    """A count as an office writes it: "1.000"."""
    return format_count(int(value))
