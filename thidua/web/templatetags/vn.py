"""Template filters for Vietnamese display (built in to every template)."""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils import timezone

from thidua.core.text import format_date

register = template.Library()


@register.filter
def ngay(value: date | datetime | None) -> str:
    """dd/mm/yyyy, of the day in Việt Nam: an aware moment is first turned to local time
    (TIME_ZONE, Asia/Ho_Chi_Minh), so 20:00 UTC on the 1st is shown as the 2nd."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.date()
    return format_date(value)


@register.filter
def so(value: int | None) -> str:
    """Thousands separated by dots, as Vietnamese writes numbers (1.234.567)."""
    if value is None:
        return ""
    return f"{value:,}".replace(",", ".")
