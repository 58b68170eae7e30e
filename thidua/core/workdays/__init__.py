"""Vietnamese public holidays and working-day counting (pure; no Django)."""

from thidua.core.workdays.counting import WorkCalendar, holidays_in
from thidua.core.workdays.lunar import hung_kings_day, lunar_new_year
from thidua.core.workdays.statutory import Holiday, is_weekend, statutory_holidays

__all__ = [
    "Holiday",
    "WorkCalendar",
    "holidays_in",
    "hung_kings_day",
    "is_weekend",
    "lunar_new_year",
    "statutory_holidays",
]
