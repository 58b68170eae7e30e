"""Dates of the Vietnamese lunar calendar that the public holidays follow.

The Vietnamese calendar is the Chinese lunisolar calendar reckoned at UTC+7, so in some years
Tết falls a day or a month apart from China's (17/02/2007 against 18/02/2007; 21/01/1985
against 20/02/1985). The dates come from the ``holidays`` package (vacanza/holidays), which
keeps a Vietnamese-calendar table with exactly these corrections; it is wrapped here so that
one module meets a change of that package.
"""

from __future__ import annotations

from datetime import date

from holidays.calendars.chinese import VIETNAMESE_CALENDAR, _ChineseLunisolar

_CALENDAR = _ChineseLunisolar(VIETNAMESE_CALENDAR)
FIRST_YEAR, LAST_YEAR = 1901, 2099


def _known(year: int, found: date | None, what: str) -> date:
    if found is None or not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"Không có lịch âm cho năm {year} ({what}).")
    return found


def lunar_new_year(year: int) -> date:
    """Mùng 1 Tết Nguyên đán of the lunar year beginning in ``year``."""
    found, _estimated = _CALENDAR.lunar_new_year_date(year)
    return _known(year, found, "Tết Nguyên đán")


def hung_kings_day(year: int) -> date:
    """Giỗ Tổ Hùng Vương, 10 tháng 3 âm lịch."""
    found, _estimated = _CALENDAR.hung_kings_date(year)
    return _known(year, found, "Giỗ Tổ Hùng Vương")
