"""Working days: Monday to Friday, less public holidays and compensatory days, with the
administrator's corrections (days off the Prime Minister added, Saturdays swapped in as
working days)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from thidua.core.workdays.statutory import Holiday, is_weekend, statutory_holidays


@dataclass(frozen=True)
class WorkCalendar:
    """``days_off`` and ``working_days`` override the statutory calendar, day by day."""

    days_off: frozenset[date] = frozenset()
    working_days: frozenset[date] = frozenset()
    _holidays: dict[int, frozenset[date]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def _statutory(self, year: int) -> frozenset[date]:
        if year not in self._holidays:
            self._holidays[year] = frozenset(h.day for h in statutory_holidays(year))
        return self._holidays[year]

    def is_working_day(self, day: date) -> bool:
        if day in self.working_days:
            return True
        if day in self.days_off:
            return False
        return not is_weekend(day) and day not in self._statutory(day.year)

    def add_working_days(self, start: date, count: int) -> date:
        """The ``count``-th working day after ``start`` (``start`` itself not counted): a
        list posted on ``start`` for 10 working days stays up through the returned day."""
        if count < 0:
            raise ValueError("Số ngày làm việc không được âm.")
        day = start
        remaining = count
        while remaining:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 if ``end`` ≤ ``start``)."""
        total = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            total += self.is_working_day(day)
        return total


def holidays_in(year: int, calendar: WorkCalendar | None = None) -> tuple[Holiday, ...]:
    """The statutory days off of ``year`` that the calendar still treats as days off."""
    calendar = calendar or WorkCalendar()
    return tuple(h for h in statutory_holidays(year) if h.day not in calendar.working_days)
