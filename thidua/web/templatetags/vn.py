"""Template filters for Vietnamese display (built in to every template)."""

from __future__ import annotations

from datetime import date, datetime

from django import template

from thidua.core.text import format_date

register = template.Library()


@register.filter
def ngay(value: date | datetime | None) -> str:
    """dd/mm/yyyy."""
    if isinstance(value, datetime):
        value = value.date()
    return format_date(value)


@register.filter
def so(value: int | None) -> str:
    """Thousands separated by dots, as Vietnamese writes numbers (1.234.567)."""
    if value is None:
        return ""
    return f"{value:,}".replace(",", ".")
