"""Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Chiến sĩ thi đua tỉnh and toàn quốc: one table
per criterion, boundaries included."""

from __future__ import annotations

import pytest

from thidua.core.rules.settings import ScopeSettings
from thidua.core.rules.vocabulary import Discipline

from .builders import (
    CO_SO,
    CSTD_TINH,
    CSTDCS,
    CSTDTQ,
    HT,
    KHT,
    LDTT,
    TINH,
    TOAN_QUOC,
    TOT,
    XS,
    case,
    eligible,
    judge,
    met,
    rec,
)

# -- Lao động tiên tiến ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rating", "expected"), [(XS, True), (TOT, True), (HT, False), (KHT, False), (None, False)]
)
def test_ldtt_needs_good_completion_or_better(rating, expected):
    assert expected is met(case(2024, rec(2024, rating)), LDTT, "ldtt.rating")


@pytest.mark.parametrize(
    ("year", "months", "expected"),
    [
        (2024, 6, True),  # exactly 06 months: considered (TT 01/2024: "dưới 06 tháng" not)
        (2024, 5, False),
        (2024, 12, True),
        (2023, 10, True),  # ND 91/2017: "dưới 10 tháng" not considered
        (2023, 9, False),
        (2023, 6, False),
    ],
)
def test_ldtt_minimum_service_months_by_rule_set(year, months, expected):
    assert expected is eligible(case(year, rec(year, TOT, months=months)), LDTT)


@pytest.mark.parametrize(
    ("discipline", "expected"),
    [(None, True), (Discipline.KHIEN_TRACH, False), (Discipline.CANH_CAO, False)],
)
def test_ldtt_is_barred_by_discipline_from_khien_trach(discipline, expected):
    assert expected is eligible(case(2024, rec(2024, XS, discipline=discipline)), LDTT)


def test_a_scope_may_bar_only_heavier_discipline():
    scope = ScopeSettings(ldtt_barred_from=Discipline.CANH_CAO)
    subject = case(2024, rec(2024, XS, discipline=Discipline.KHIEN_TRACH))

    assert eligible(subject, LDTT, scope=scope) is True


def test_a_scope_without_a_discipline_bar_drops_the_criterion():
    verdict = judge(case(2024, rec(2024, XS)), LDTT, scope=ScopeSettings(ldtt_barred_from=None))

    assert "ldtt.discipline" not in {c.key for c in verdict.criteria}


def test_an_absent_year_is_unknown_not_eligible():
    assert eligible(case(2024, rec(2023, XS)), LDTT) is False


# -- Chiến sĩ thi đua cơ sở -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (rec(2024, XS), True),  # excellence alone (Điều 23.2 Luật 2022)
        (rec(2024, TOT, initiatives=[CO_SO]), True),  # an initiative alone
        (rec(2024, TOT), False),
        (rec(2024, HT, initiatives=[CO_SO]), False),  # not Lao động tiên tiến
        (rec(2024, XS, months=5), False),  # under 06 months: not even Lao động tiên tiến
    ],
)
def test_cstdcs_2022(record, expected):
    assert expected is eligible(case(2024, record), CSTDCS)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (rec(2023, XS), False),  # ND 91/2017 Art 9.3: an initiative is required
        (rec(2023, TOT, initiatives=[CO_SO]), True),
        (rec(2023, TOT, initiatives=[TOAN_QUOC]), True),
    ],
)
def test_cstdcs_2013_needs_an_initiative(record, expected):
    assert expected is eligible(case(2023, record), CSTDCS)


def test_cstdcs_counts_a_listed_ldtt_of_the_year():
    # The decision already granted LĐTT for 2024, whatever the rating on file says.
    subject = case(2024, rec(2024, None, granted=[LDTT], initiatives=[CO_SO]))

    assert eligible(subject, CSTDCS) is True


# -- Chiến sĩ thi đua Bộ, ban, ngành, tỉnh ---------------------------------------------------


def three_years(*, last: int = 2024, this_year=None, **kw):
    """CSTĐCS listed for the two years before ``last``; ``last`` as given."""
    return [
        rec(last - 2, XS, granted=[LDTT, CSTDCS]),
        rec(last - 1, XS, granted=[LDTT, CSTDCS]),
        this_year or rec(last, XS, initiatives=[TINH]),
    ]


def test_cstd_tinh_in_the_year_of_the_third_cstdcs():
    # 2024's CSTĐCS is found eligible by the engine and counts (levels considered together).
    assert eligible(case(2024, *three_years()), CSTD_TINH) is True


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        # broken chain: 2023 without CSTĐCS
        (
            [rec(2022, XS, granted=[CSTDCS]), rec(2023, XS), rec(2024, XS, initiatives=[TINH])],
            False,
        ),
        # absent year inside the chain: cannot be shown
        ([rec(2022, XS, granted=[CSTDCS]), rec(2024, XS, initiatives=[TINH])], False),
        # only two CSTĐCS
        ([rec(2023, XS, granted=[CSTDCS]), rec(2024, XS, initiatives=[TINH])], False),
        # the evaluation year itself not CSTĐCS
        ([rec(2022, XS, granted=[CSTDCS]), rec(2023, XS, granted=[CSTDCS]), rec(2024, TOT)], False),
    ],
)
def test_cstd_tinh_needs_three_consecutive_cstdcs(records, expected):
    assert expected is met(case(2024, *records), CSTD_TINH, "cstd_tinh.cstdcs")


def test_cstd_tinh_chain_restarts_after_the_previous_cstd_tinh():
    records = [
        rec(2021, XS, granted=[CSTDCS]),
        rec(2022, XS, granted=[CSTDCS]),
        rec(2023, XS, granted=[CSTDCS, CSTD_TINH], initiatives=[TINH]),
        rec(2024, XS, initiatives=[TINH]),
    ]

    assert met(case(2024, *records), CSTD_TINH, "cstd_tinh.cstdcs") is False


@pytest.mark.parametrize(("scope", "expected"), [(CO_SO, False), (TINH, True), (TOAN_QUOC, True)])
def test_cstd_tinh_needs_an_initiative_of_provincial_scope_or_wider(scope, expected):
    subject = case(2024, *three_years(this_year=rec(2024, XS, initiatives=[scope])))

    assert expected is met(subject, CSTD_TINH, "cstd_tinh.initiative")


def test_cstd_tinh_initiative_may_come_from_an_earlier_year_of_the_chain():
    records = [
        rec(2022, XS, granted=[CSTDCS], initiatives=[TINH]),
        rec(2023, XS, granted=[CSTDCS]),
        rec(2024, XS),
    ]

    assert eligible(case(2024, *records), CSTD_TINH) is True


# -- Chiến sĩ thi đua toàn quốc --------------------------------------------------------------


def national_history(second: int, *, gap: int = 3):
    first = second - gap
    return [
        *(rec(y, XS, granted=[CSTDCS]) for y in range(first - 2, first)),
        rec(first, XS, granted=[CSTDCS, CSTD_TINH], initiatives=[TOAN_QUOC]),
        *(rec(y, XS, granted=[CSTDCS]) for y in range(first + 1, second)),
        rec(second, XS, granted=[CSTDCS, CSTD_TINH]),
    ]


@pytest.mark.parametrize(
    ("gap", "year", "expected"),
    [
        (3, 2024, True),  # second CSTĐ tỉnh (2023) the year before: within the lag
        (3, 2025, False),  # two years after the second one: too late
        (4, 2024, False),  # 2019 and 2023: not two in a row
    ],
)
def test_cstdtq_needs_two_cstd_tinh_in_a_row(gap, year, expected):
    later = [rec(y, TOT) for y in range(2024, year + 1)]
    subject = case(year, *national_history(2023, gap=gap), *later)

    assert expected is met(subject, CSTDTQ, "cstd_toan_quoc.cstd_tinh")


def test_cstdtq_in_the_year_of_the_second_cstd_tinh_found_eligible():
    records = [
        *(rec(y, XS, granted=[CSTDCS]) for y in (2019, 2020)),
        rec(2021, XS, granted=[CSTDCS, CSTD_TINH]),
        rec(2022, XS, granted=[CSTDCS]),
        rec(2023, XS, granted=[CSTDCS]),
        rec(2024, XS, initiatives=[TOAN_QUOC]),
    ]
    # 2024: CSTĐCS (excellent), CSTĐ tỉnh (3 CSTĐCS + national initiative), so CSTĐTQ.

    assert eligible(case(2024, *records), CSTDTQ) is True


def test_cstdtq_needs_a_national_initiative():
    records = [*national_history(2023), rec(2024, XS, initiatives=[TINH])]
    records = [
        r if not r.initiatives else rec(r.year, XS, granted=r.granted, initiatives=[TINH])
        for r in records
    ]

    assert met(case(2024, *records), CSTDTQ, "cstd_toan_quoc.initiative") is False
