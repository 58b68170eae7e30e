"""Dates as Vietnamese offices write them: dd/mm/yyyy and "ngày … tháng … năm …"."""

from __future__ import annotations

import re
from datetime import date

_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def format_date(value: date | None) -> str:
    """``05/09/2016``; an unknown date is an empty string."""
    return value.strftime("%d/%m/%Y") if value else ""


def format_date_long(value: date, place: str = "") -> str:
    """The date line of a state document (NĐ 30/2020): "Hải Phòng, ngày 05 tháng 9 năm 2016".

    Days and months below 10 (and months 1, 2 only) take a leading zero (Phụ lục I, NĐ 30/2020).
    """
    day = f"{value.day:02d}"
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    text = f"ngày {day} tháng {month} năm {value.year}"
    return f"{place}, {text}" if place else text


def parse_date(text: str) -> date:
    """Parse dd/mm/yyyy; ``ValueError`` with a Vietnamese message for anything else."""
    match = _DMY.match(text)
    if not match:
        raise ValueError(f"“{text.strip()}” không phải ngày theo dạng dd/mm/yyyy.")
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"ngày {day:02d}/{month:02d}/{year} không tồn tại.") from None
