"""What is missing and when next."""

from __future__ import annotations

from thidua.core.rules.next_steps import NextStep, next_steps
from thidua.core.rules.settings import ScopeSettings

from .builders import (
    BK_TINH,
    BK_TTG,
    CO_SO,
    CSTD_TINH,
    CSTDCS,
    HCLD3,
    HT,
    LDTT,
    TOT,
    TTLDTT,
    XS,
    case,
    collective,
    rec,
)


def by_code(steps: tuple[NextStep, ...]) -> dict[str, NextStep]:
    return {s.code: s for s in steps}


def test_a_good_worker_sees_the_path_ahead():
    subject = case(2024, rec(2023, XS, granted=[LDTT, CSTDCS], initiatives=[CO_SO]), rec(2024, TOT))

    steps = by_code(next_steps(subject))

    assert steps[CSTDCS].earliest_year == 2025
    assert [c.key for c in steps[CSTDCS].missing] == ["cstdcs.excellence"]
    assert steps[BK_TINH].earliest_year == 2026  # CSTĐCS 2025 and 2026
    assert steps[CSTD_TINH].earliest_year == 2027
    assert steps[BK_TTG].earliest_year == 2031  # five years after the Bằng khen tỉnh of 2026
    assert steps[HCLD3].earliest_year == 2036
    assert LDTT not in steps  # already eligible


def test_nearest_first():
    steps = next_steps(case(2024, rec(2024, TOT)))

    years = [s.earliest_year or 9999 for s in steps]
    assert years == sorted(years)


def test_an_unknown_evaluation_year_is_taken_to_go_well():
    steps = by_code(next_steps(collective(2024)))

    assert steps[TTLDTT].earliest_year == 2024


def test_beyond_the_horizon_there_is_no_year():
    steps = by_code(next_steps(case(2024, rec(2024, TOT)), horizon=3))

    assert steps[HCLD3].earliest_year is None
    assert steps[HCLD3].as_json()["missing"][0]["met"] is False


def test_the_local_rules_in_force_shape_the_path():
    """A province's Giấy khen standard ("hoàn thành tốt nhiệm vụ trở lên"): a year rated
    "hoàn thành" misses it, and the path says next year; without the standard Giấy khen is left
    to the council and is not on the path."""
    subject = case(2024, rec(2024, HT))
    local = ScopeSettings(giay_khen_min_rating=TOT)

    assert "giay_khen" not in by_code(next_steps(subject))
    step = by_code(next_steps(subject, scope=local))["giay_khen"]
    assert step.earliest_year == 2025
    assert [c.key for c in step.missing] == ["giay_khen.rating"]
