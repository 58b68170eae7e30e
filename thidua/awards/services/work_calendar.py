"""The working-day calendar in force: the statutory holidays of the core with the
administrator's corrections from the database."""

from __future__ import annotations

from datetime import date

from thidua.awards.choices import CalendarDayKind
from thidua.awards.models import CalendarDay
from thidua.core.workdays import WorkCalendar


def work_calendar() -> WorkCalendar:
    rows = CalendarDay.objects.values_list("day", "kind")
    return WorkCalendar(
        days_off=frozenset(d for d, k in rows if k == CalendarDayKind.DAY_OFF),
        working_days=frozenset(d for d, k in rows if k == CalendarDayKind.WORKING_DAY),
    )


def working_days_after(start: date, count: int) -> date:
    return work_calendar().add_working_days(start, count)
