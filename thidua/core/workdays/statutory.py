"""Public holidays of Vietnam and the compensatory days they bring (Bộ luật Lao động 2019).

Each day carries the clause that grants it. The Prime Minister fixes each year which five days
make up Tết and which day joins Quốc khánh (khoản 3 Điều 112), and often swaps working days
around them; those decisions are not law that can be computed, so the administrator records them
in the holiday calendar of the application (days off added, Saturdays made working days), and
this module gives the default the decisions have followed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from thidua.core.workdays.lunar import hung_kings_day, lunar_new_year

LABOUR_CODE = "Bộ luật Lao động số 45/2019/QH14"
ART_112_1 = "khoản 1 Điều 112 " + LABOUR_CODE
COMPENSATION = "khoản 3 Điều 111 " + LABOUR_CODE
# 24/11, Ngày Văn hóa Việt Nam, a paid day off from 2026 under Nghị quyết 80-NQ/TW (as the
# ``holidays`` package records it; the amending text of the Labour Code was not read: [U]).
CULTURE_DAY_FROM = 2026
CULTURE_DAY_BASIS = "Ngày Văn hóa Việt Nam (Nghị quyết số 80-NQ/TW), nghỉ hưởng nguyên lương"
SATURDAY = 5

# Day of the week of 2/9 → the adjacent day off, as the Prime Minister's decisions since 2021
# have chosen it: the one that joins the weekend where there is one (Mon 2/9 → Tue 3/9 keeps
# the week whole, 2024; Tue → Mon, 2025; Sat → Fri, 2023).
NATIONAL_DAY_NEIGHBOUR = {0: +1, 1: -1, 2: -1, 3: +1, 4: -1, 5: -1, 6: +1}


@dataclass(frozen=True, slots=True)
class Holiday:
    day: date
    name: str
    basis: str
    compensatory: bool = False


def is_weekend(day: date) -> bool:
    """Saturday and Sunday: the weekly rest of the public service (40-hour week)."""
    return day.weekday() >= SATURDAY


def _fixed(year: int) -> list[Holiday]:
    national_day = date(year, 9, 2)
    neighbour = national_day + timedelta(days=NATIONAL_DAY_NEIGHBOUR[national_day.weekday()])
    days = [
        Holiday(date(year, 1, 1), "Tết Dương lịch", f"điểm a {ART_112_1}"),
        Holiday(hung_kings_day(year), "Giỗ Tổ Hùng Vương (10/3 âm lịch)", f"điểm e {ART_112_1}"),
        Holiday(date(year, 4, 30), "Ngày Chiến thắng", f"điểm c {ART_112_1}"),
        Holiday(date(year, 5, 1), "Ngày Quốc tế lao động", f"điểm d {ART_112_1}"),
        Holiday(national_day, "Quốc khánh", f"điểm đ {ART_112_1}"),
        Holiday(neighbour, "Quốc khánh (ngày liền kề)", f"điểm đ {ART_112_1}"),
    ]
    if year >= CULTURE_DAY_FROM:
        days.append(Holiday(date(year, 11, 24), "Ngày Văn hóa Việt Nam", CULTURE_DAY_BASIS))
    return days


def _tet(year: int) -> list[Holiday]:
    """Five days of Tết (điểm b): by default the last day of the old lunar year and the
    first four of the new, the pattern of most years' decisions."""
    first = lunar_new_year(year)
    names = ["Tết Nguyên đán (ngày cuối năm âm lịch)"] + [
        f"Tết Nguyên đán (mùng {n})" for n in range(1, 5)
    ]
    return [
        Holiday(first + timedelta(days=offset), name, f"điểm b {ART_112_1}")
        for offset, name in zip(range(-1, 4), names, strict=True)
    ]


def statutory_holidays(year: int) -> tuple[Holiday, ...]:
    """The year's holidays with their compensatory days, in date order.

    A holiday on a Saturday or Sunday gives a day off on the next working day (khoản 3 Điều
    111); a run of such days (Tết) pushes the compensatory days past one another.
    """
    days = sorted(_fixed(year) + _tet(year), key=lambda h: h.day)
    taken = {h.day for h in days}
    result = list(days)
    for holiday in days:
        if not is_weekend(holiday.day):
            continue
        off = holiday.day + timedelta(days=1)
        while is_weekend(off) or off in taken:
            off += timedelta(days=1)
        taken.add(off)
        result.append(Holiday(off, f"Nghỉ bù {holiday.name}", COMPENSATION, compensatory=True))
    return tuple(sorted(result, key=lambda h: h.day))
