"""Bằng khen tỉnh, Bằng khen of the Prime Minister, Huân chương Lao động hạng Ba, Giấy khen:
chains anchored on the achievement year of the earlier award, and forms left to local
standards."""

from __future__ import annotations

import pytest

from thidua.core.rules.settings import ScopeSettings
from thidua.core.rules.vocabulary import Rating

from .builders import (
    BK_TINH,
    BK_TTG,
    CO_SO,
    CSTDCS,
    GIAY_KHEN,
    HCLD3,
    HT,
    LDTT,
    TOT,
    XS,
    case,
    collective,
    eligible,
    household,
    judge,
    met,
    rec,
)

# -- Bằng khen của Bộ, ban, ngành, tỉnh (Điều 74.1.d) -----------------------------------------


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        # two consecutive CSTĐCS, the second found this year
        ([rec(2023, XS, granted=[LDTT, CSTDCS]), rec(2024, XS)], True),
        # two excellent years with two initiatives, no CSTĐCS needed
        ([rec(2023, XS, initiatives=[CO_SO]), rec(2024, XS, initiatives=[CO_SO])], True),
        # two excellent years with one initiative: and 2023 was not CSTĐCS
        ([rec(2023, XS), rec(2024, XS, initiatives=[CO_SO])], False),
        # CSTĐCS only this year
        ([rec(2023, TOT), rec(2024, XS)], False),
        # absent year before
        ([rec(2024, XS, initiatives=[CO_SO, CO_SO])], False),
    ],
)
def test_bang_khen_tinh_for_an_individual(records, expected):
    assert expected is eligible(case(2024, *records), BK_TINH)


def test_bang_khen_tinh_again_needs_a_new_chain_after_the_last_one():
    records = [
        rec(2022, XS, granted=[CSTDCS]),
        rec(2023, XS, granted=[CSTDCS, BK_TINH]),
        rec(2024, XS),
    ]

    assert eligible(case(2024, *records), BK_TINH) is False


def test_bang_khen_tinh_lists_points_a_to_c_as_other_grounds():
    verdict = judge(case(2024, rec(2024, XS)), BK_TINH)

    assert [g.citation.point for g in verdict.other_grounds] == ["a", "b", "c"]
    assert verdict.other_grounds[0].citation.text.startswith("Điểm a khoản 1 Điều 74 Luật")


def test_bang_khen_tinh_2013_rests_on_two_excellent_years_and_two_initiatives():
    two_cstdcs = [rec(2022, XS, granted=[CSTDCS]), rec(2023, XS, granted=[CSTDCS])]
    with_initiatives = [rec(2022, XS, initiatives=[CO_SO]), rec(2023, XS, initiatives=[CO_SO])]

    assert eligible(case(2023, *two_cstdcs), BK_TINH) is False
    assert eligible(case(2023, *with_initiatives), BK_TINH) is True


# -- Bằng khen của Thủ tướng Chính phủ (Điều 73.1.b) -------------------------------------------


def after_bk_tinh(anchor: int, last: int, *, cstdcs=(), rating=TOT, extra=()):
    """A Bằng khen tỉnh for ``anchor``, then good years to ``last`` with CSTĐCS in ``cstdcs``."""
    return [
        rec(anchor, XS, granted=[BK_TINH]),
        *(
            rec(y, rating, granted=[CSTDCS] if y in cstdcs else [])
            for y in range(anchor + 1, last + 1)
        ),
        *extra,
    ]


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        (2019, True),  # 2020–2024: exactly five years after the anchor year
        (2020, False),  # 2021–2024: four years
        (2015, True),  # a longer chain is fine
    ],
)
def test_bk_ttg_counts_five_years_from_the_year_after_the_anchor(anchor, expected):
    subject = case(2024, *after_bk_tinh(anchor, 2024, cstdcs={2021, 2022, 2023}))

    assert expected is met(subject, BK_TTG, "bang_khen_thu_tuong.years")


def test_bk_ttg_the_anchor_year_itself_is_not_counted():
    # CSTĐCS in the anchor year 2019 belongs to the Bằng khen tỉnh, not to the new chain.
    records = after_bk_tinh(2019, 2024, cstdcs={2021, 2022})
    records[0] = rec(2019, XS, granted=[BK_TINH, CSTDCS])

    assert met(case(2024, *records), BK_TTG, "bang_khen_thu_tuong.chien_si_thi_dua_co_so") is False


def test_bk_ttg_counts_the_cstdcs_found_this_year():
    records = after_bk_tinh(2019, 2023, cstdcs={2021, 2022}, extra=[rec(2024, XS)])

    assert eligible(case(2024, *records), BK_TTG) is True


@pytest.mark.parametrize(
    "broken",
    [
        rec(2022, HT, granted=[]),  # a year below "hoàn thành tốt"
        None,  # an absent year
    ],
)
def test_bk_ttg_a_broken_chain_after_the_anchor_is_not_eligible(broken):
    records = [r for r in after_bk_tinh(2019, 2024, cstdcs={2021, 2023, 2024}) if r.year != 2022]
    if broken is not None:
        records.append(broken)

    assert eligible(case(2024, *records), BK_TTG) is False


def test_bk_ttg_without_a_prior_bang_khen_tinh():
    records = [rec(y, XS, granted=[CSTDCS]) for y in range(2018, 2025)]

    assert met(case(2024, *records), BK_TTG, "bang_khen_thu_tuong.prior") is False


def test_bk_ttg_the_earliest_anchor_that_opens_an_unbroken_chain_is_taken():
    # Bằng khen tỉnh 2019 and again 2022: from 2019 every year is good, so the chain is 2020–2024.
    records = after_bk_tinh(2019, 2024, cstdcs={2020, 2021, 2022})
    records[3] = rec(2022, TOT, granted=[CSTDCS, BK_TINH])

    assert eligible(case(2024, *records), BK_TTG) is True


def test_bk_ttg_bang_khen_tinh_found_this_year_is_no_anchor():
    records = [rec(y, XS, granted=[CSTDCS]) for y in range(2019, 2024)]

    verdict = judge(case(2024, *records, rec(2024, XS)), BK_TTG)

    assert judge(case(2024, *records, rec(2024, XS)), BK_TINH).eligible is True
    assert verdict.eligible is False


def test_bk_ttg_again_needs_a_chain_after_the_last_one():
    records = after_bk_tinh(2015, 2024, cstdcs={2016, 2017, 2018, 2021, 2022, 2023})
    records[6] = rec(2021, TOT, granted=[CSTDCS, BK_TTG])

    assert met(case(2024, *records), BK_TTG, "bang_khen_thu_tuong.prior") is False


def test_bk_ttg_2013_needs_five_excellent_years_and_five_initiatives():
    records = [
        rec(2017, XS, granted=[BK_TINH]),
        *(rec(y, XS, initiatives=[CO_SO]) for y in range(2018, 2023)),
    ]
    short_of_initiatives = [*records[:-1], rec(2022, XS)]

    assert eligible(case(2022, *records), BK_TTG) is True
    assert eligible(case(2022, *short_of_initiatives), BK_TTG) is False


# -- Huân chương Lao động hạng Ba (Điều 44.1.e) -----------------------------------------------


def after_bk_ttg(rating_2022: Rating = XS):
    return [
        rec(2019, XS, granted=[BK_TTG]),
        rec(2020, TOT, granted=[CSTDCS]),
        rec(2021, TOT, granted=[CSTDCS]),
        rec(2022, rating_2022),
        rec(2023, TOT, granted=[CSTDCS]),
        rec(2024, TOT),
    ]


def test_hcld3_after_bk_ttg_with_one_excellent_year_and_three_cstdcs():
    assert eligible(case(2024, *after_bk_ttg()), HCLD3) is True


def test_hcld3_needs_one_excellent_year_in_the_chain():
    subject = case(2024, *after_bk_ttg(rating_2022=TOT))

    assert met(subject, HCLD3, "huan_chuong_lao_dong_hang_ba.excellent") is False


# -- Giấy khen: left to local regulation -------------------------------------------------------


def test_giay_khen_is_left_to_local_regulation():
    verdict = judge(case(2024, rec(2024, XS)), GIAY_KHEN)

    assert verdict.eligible is None
    assert [c.met for c in verdict.criteria] == [None]
    assert "Bộ, ban, ngành, tỉnh quy định" in verdict.criteria[0].text
    assert verdict.criteria[0].citation.text.startswith("Khoản 2 Điều 75")


@pytest.mark.parametrize(("rating", "expected"), [(XS, True), (TOT, False)])
def test_a_scope_may_set_a_rating_for_giay_khen(rating, expected):
    scope = ScopeSettings(name="tỉnh Hải Dương", giay_khen_min_rating=Rating.XUAT_SAC)

    verdict = judge(case(2024, rec(2024, rating)), GIAY_KHEN, scope=scope)

    assert expected is verdict.eligible
    assert "tỉnh Hải Dương" in verdict.criteria[0].text


def test_households_bang_khen_needs_evidence_beyond_the_facts():
    assert eligible(household(2024), BK_TINH) is None
    assert eligible(household(2024), BK_TTG) is None


def test_collective_bk_tinh_after_two_excellent_years():
    assert eligible(collective(2024, rec(2023, XS), rec(2024, XS)), BK_TINH) is True
    assert eligible(collective(2024, rec(2023, TOT), rec(2024, XS)), BK_TINH) is False


def test_collective_bk_ttg_after_bk_tinh_and_five_excellent_years():
    records = [rec(2019, XS, granted=[BK_TINH]), *(rec(y, XS) for y in range(2020, 2025))]

    assert eligible(collective(2024, *records), BK_TTG) is True
    assert eligible(collective(2024, *records[:-1], rec(2024, TOT)), BK_TTG) is False
