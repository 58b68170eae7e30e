"""Public holidays and working days, Tết included."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.core.workdays import (
    WorkCalendar,
    holidays_in,
    hung_kings_day,
    lunar_new_year,
    statutory_holidays,
)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2007, date(2007, 2, 17)),  # UTC+7: a day before China's 18/02
        (2024, date(2024, 2, 10)),
        (2025, date(2025, 1, 29)),
        (2026, date(2026, 2, 17)),
        (2030, date(2030, 2, 2)),  # China: 03/02
    ],
)
def test_tet_follows_the_vietnamese_lunar_calendar(year, expected):
    assert expected == lunar_new_year(year)


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2024, date(2024, 4, 18)), (2025, date(2025, 4, 7)), (2026, date(2026, 4, 26))],
)
def test_hung_kings_day_is_the_tenth_of_the_third_lunar_month(year, expected):
    assert expected == hung_kings_day(year)


def test_a_year_without_a_lunar_table_is_refused():
    with pytest.raises(ValueError, match="2150"):
        lunar_new_year(2150)


def test_tet_is_five_days_and_weekend_days_are_made_up_on_the_next_working_days():
    days = {h.day: h for h in statutory_holidays(2024)}

    tet = [d for d, h in days.items() if "Tết Nguyên đán" in h.name and not h.compensatory]
    assert [date(2024, 2, 9) + timedelta(days=n) for n in range(5)] == sorted(tet)
    # Mùng 1 and mùng 2 fell on Saturday and Sunday: two days off after mùng 4.
    assert days[date(2024, 2, 14)].compensatory
    assert days[date(2024, 2, 15)].compensatory
    assert "khoản 3 Điều 111" in days[date(2024, 2, 14)].basis


def test_every_holiday_cites_its_clause():
    assert all(
        "Điều 112" in h.basis or "Điều 111" in h.basis or "80-NQ/TW" in h.basis
        for h in statutory_holidays(2026)
    )


def test_national_day_takes_the_adjacent_day_the_decisions_chose():
    assert date(2024, 9, 3) in {h.day for h in statutory_holidays(2024)}
    assert date(2025, 9, 1) in {h.day for h in statutory_holidays(2025)}


def test_ten_working_days_across_tet_skip_the_whole_holiday():
    calendar = WorkCalendar()
    # Posted on Wednesday 05/02/2024: 06, 07, 08 (3), Tết 09–15/02 off, 16 (4), 19–23 (9), 26.
    assert date(2024, 2, 26) == calendar.add_working_days(date(2024, 2, 5), 10)
    assert calendar.working_days_between(date(2024, 2, 5), date(2024, 2, 26)) == 10


def test_the_administrators_days_off_and_swapped_saturdays_count():
    # 2025: the Prime Minister gave Monday 27/01 off and made Saturday 08/02 a working day.
    calendar = WorkCalendar(
        days_off=frozenset({date(2025, 1, 27)}), working_days=frozenset({date(2025, 2, 8)})
    )
    assert not calendar.is_working_day(date(2025, 1, 27))
    assert calendar.is_working_day(date(2025, 2, 8))
    assert date(2025, 2, 8) not in {h.day for h in holidays_in(2025, calendar)}
    # Friday 24/01 + 1: the next working day is Tuesday 04/02 (Tết, its make-up day, 27/01).
    assert date(2025, 2, 4) == calendar.add_working_days(date(2025, 1, 24), 1)


@given(start=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 1)),
       count=st.integers(min_value=0, max_value=40))  # fmt: skip
def test_adding_and_counting_working_days_agree(start, count):
    calendar = WorkCalendar()
    end = calendar.add_working_days(start, count)

    assert count == calendar.working_days_between(start, end)
    assert count == 0 or calendar.is_working_day(end)


def test_counting_backwards_is_zero():
    assert WorkCalendar().working_days_between(date(2024, 3, 1), date(2024, 2, 1)) == 0
