"""Clauses the coverage audit (docs/law.md, "Coverage") found implemented but untested, or
tested without their boundaries: the Huân chương chains of both rule sets, the 2013 Bằng khen of
the Prime Minister broken by one year, the 20 % cap on Cờ thi đua của Chính phủ before 2024,
the household title's exclusions, the other grounds of Điều 44.2 and the citation of the
CSTĐTQ timing rule of 2013."""

from __future__ import annotations

import pytest

from thidua.core.rules import BY_NAME, Case
from thidua.core.rules.one_award import Granted, one_award_conflict
from thidua.core.rules.quotas import check_quotas
from thidua.core.rules.vocabulary import InitiativeScope, Rating, SubjectKind

from .builders import (
    BK_TINH,
    BK_TTG,
    CO_CP,
    CO_SO,
    CSTD_TINH,
    CSTDCS,
    CSTDTQ,
    GDVH,
    HCLD3,
    TINH,
    TOT,
    XS,
    case,
    eligible,
    household,
    judge,
    met,
    rec,
)

LUAT_2013 = BY_NAME["luat-2013"]
CO_TINH = "co_thi_dua_tinh"

# -- Huân chương Lao động hạng Ba, Luật 2022 (Điểm e khoản 1 Điều 44) --------------------------


def hcld3_2022(anchor: int, *, cstdcs: set[int], excellent: int | None, absent: int | None = None):
    """A Bằng khen of the Prime Minister for ``anchor``, then good years up to 2024."""
    records = [rec(anchor, XS, granted=[BK_TTG])]
    for year in range(anchor + 1, 2025):
        if year == absent:
            continue
        rating = XS if year == excellent else TOT
        records.append(rec(year, rating, granted=[CSTDCS] if year in cstdcs else []))
    return case(2024, *records)


@pytest.mark.parametrize(
    ("subject", "eligible_", "unmet"),
    [
        # 2020–2024: exactly five years after the anchor year, one excellent, three CSTĐCS.
        (hcld3_2022(2019, cstdcs={2020, 2021, 2023}, excellent=2022), True, set()),
        # The anchor year is not counted: four years after 2020.
        (
            hcld3_2022(2020, cstdcs={2021, 2022, 2023}, excellent=2022),
            False,
            {"huan_chuong_lao_dong_hang_ba.years"},
        ),
        # A year absent inside the chain: it cannot be shown.
        (
            hcld3_2022(2018, cstdcs={2019, 2020, 2023}, excellent=2023, absent=2021),
            False,
            {"huan_chuong_lao_dong_hang_ba.years"},
        ),
        # Two CSTĐCS only.
        (
            hcld3_2022(2019, cstdcs={2020, 2021}, excellent=2022),
            False,
            {"huan_chuong_lao_dong_hang_ba.chien_si_thi_dua_co_so"},
        ),
        # The excellence of the anchor year belongs to the Bằng khen, not to the new chain.
        (
            hcld3_2022(2019, cstdcs={2020, 2021, 2023}, excellent=None),
            False,
            {"huan_chuong_lao_dong_hang_ba.excellent"},
        ),
        # No Bằng khen of the Prime Minister at all.
        (
            case(2024, *(rec(y, XS, granted=[CSTDCS]) for y in range(2018, 2025))),
            False,
            {"huan_chuong_lao_dong_hang_ba.prior", "huan_chuong_lao_dong_hang_ba.years"},
        ),
    ],
)
def test_hcld3_2022_chain(subject, eligible_, unmet):
    verdict = judge(subject, HCLD3)

    assert verdict.eligible is eligible_
    assert {c.key for c in verdict.criteria if c.met is False} >= unmet
    assert {c.citation.text for c in verdict.criteria} == {
        "Điểm e khoản 1 Điều 44 Luật Thi đua, khen thưởng số 06/2022/QH15"
    }


def test_hcld3_2022_lists_the_grounds_of_workers_and_farmers():
    grounds = {
        g.citation.text
        for g in judge(hcld3_2022(2019, cstdcs=set(), excellent=None), HCLD3).other_grounds
    }

    assert "Khoản 2 Điều 44 Luật Thi đua, khen thưởng số 06/2022/QH15" in grounds


# -- Huân chương Lao động hạng Ba, before 2024 (Điểm a khoản 1 Điều 24 ND 91/2017) ------------


def hcld3_2013(
    *,
    ratings: dict[int, Rating] | None = None,
    initiatives: dict[int, list[InitiativeScope]],
) -> Case:
    ratings = ratings or {}
    return case(
        2022,
        rec(2017, XS, granted=[BK_TTG]),
        *(
            rec(y, ratings.get(y, XS), initiatives=initiatives.get(y, []))
            for y in range(2018, 2023)
        ),
    )


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        (hcld3_2013(initiatives={2019: [TINH], 2021: [TINH]}), True),
        # Initiatives of cơ sở scope do not do: Bộ/tỉnh scope is required.
        (hcld3_2013(initiatives={2019: [TINH], 2021: [CO_SO]}), False),
        (hcld3_2013(initiatives={2019: [TINH]}), False),
        # "liên tục lập được thành tích xuất sắc": one good year breaks it.
        (hcld3_2013(ratings={2020: TOT}, initiatives={2019: [TINH], 2021: [TINH]}), False),
    ],
)
def test_hcld3_2013_needs_five_excellent_years_and_two_provincial_initiatives(subject, expected):
    assert eligible(subject, HCLD3) is expected
    assert judge(subject, HCLD3).criteria[0].citation.text == (
        "Điểm a khoản 1 Điều 24 Nghị định số 91/2017/NĐ-CP"
    )


# -- Bằng khen of the Prime Minister before 2024: five excellent years up to the proposal ------


def test_bk_ttg_2013_a_good_year_inside_the_chain_breaks_it():
    records = [
        rec(2017, XS, granted=[BK_TINH]),
        *(rec(y, TOT if y == 2020 else XS, initiatives=[CO_SO]) for y in range(2018, 2023)),
    ]

    assert met(case(2022, *records), BK_TTG, "bang_khen_thu_tuong.years") is False


# -- Cờ thi đua của Chính phủ before 2024: ≤ 20 % of the collectives meeting the Cờ tỉnh standard


@pytest.mark.parametrize(
    ("co_tinh", "co_cp", "limit", "within"),
    [
        (10, 2, 2, True),  # 20 % of 10 is exactly 2
        (10, 3, 2, False),
        (9, 2, 1, False),  # 1.8 rounds down: "không quá 20 %"
    ],
)
def test_co_cp_cap_of_2013(co_tinh, co_cp, limit, within):
    (check,) = [
        q for q in check_quotas(LUAT_2013, {CO_TINH: co_tinh, CO_CP: co_cp}) if q.code == CO_CP
    ]

    assert (limit, within) == (check.limit, check.within)
    assert check.citation.text == "Khoản 1 Điều 11 Nghị định số 91/2017/NĐ-CP"


# -- Gia đình văn hóa (Nghị định 86/2023/NĐ-CP) ------------------------------------------------


@pytest.mark.parametrize(
    ("exclusions", "expected"),
    [
        ([], True),
        (["truy_cuu_trach_nhiem_hinh_su"], False),
        (["vi_pham_nghia_vu_quan_su"], False),
        (["bao_luc_gia_dinh"], False),
    ],
)
def test_household_title_is_barred_by_an_exclusion_of_the_year(exclusions, expected):
    subject = household(2024, rec(2024, None, exclusions=exclusions))

    assert eligible(subject, GDVH) is expected


def test_household_exclusion_of_another_year_does_not_bar():
    subject = household(2024, rec(2023, None, exclusions=["bao_luc_gia_dinh"]), rec(2024, None))

    assert eligible(subject, GDVH) is True


# -- Chiến sĩ thi đua toàn quốc before 2024: the year it is proposed -------------------------


def test_cstdtq_2013_cites_the_timing_rule_of_nd_91():
    records = [rec(y, XS, granted=[CSTDCS]) for y in range(2016, 2022)]
    records[2] = rec(2018, XS, granted=[CSTDCS, "chien_si_thi_dua_tinh"])
    records[5] = rec(2021, XS, granted=[CSTDCS, "chien_si_thi_dua_tinh"])
    subject = case(2022, *records, rec(2022, XS, initiatives=[TINH]))

    (criterion,) = [
        c for c in judge(subject, CSTDTQ).criteria if c.key == "cstd_toan_quoc.cstd_tinh"
    ]
    assert criterion.met is True
    assert "điểm a khoản 1 Điều 48 Nghị định số 91/2017/NĐ-CP" in criterion.citation.text


# -- Chiến sĩ thi đua tỉnh before 2024 (Điều 22 Luật; Khoản 2 Điều 9 ND 91/2017) --------------


@pytest.mark.parametrize(("scope", "expected"), [(TINH, True), (CO_SO, False)])
def test_cstd_tinh_2013_three_cstdcs_and_an_initiative_recognised_by_the_province(scope, expected):
    subject = case(
        2023,
        rec(2021, XS, granted=[CSTDCS]),
        rec(2022, XS, granted=[CSTDCS]),
        rec(2023, TOT, initiatives=[scope]),  # CSTĐCS of 2023 found on its cơ sở initiative
    )
    verdict = judge(subject, CSTD_TINH)

    assert verdict.eligible is expected
    assert [c.citation.text for c in verdict.criteria] == [
        "Điều 22 Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2009, 2013)",
        "Khoản 2 Điều 9 Nghị định số 91/2017/NĐ-CP",
    ]


# -- One achievement, one award before 2024 (Điều 3 Thông tư 12/2019/TT-BNV) ------------------


def test_one_award_before_2024_cites_tt_12_2019():
    conflict = one_award_conflict(code=BK_TTG, year=2021, granted=[Granted(BK_TINH, 2021)])

    assert conflict is not None
    assert conflict.citation.text == "Điều 3 Thông tư số 12/2019/TT-BNV"


# -- Publicity before State-level titles and forms: ND 98/2023, then ND 152/2025 -------------


@pytest.mark.parametrize(
    ("code", "in_2024", "in_2025"),
    [
        (
            CSTDTQ,
            "Khoản 1 Điều 46 Nghị định số 98/2023/NĐ-CP",
            "Khoản 3 Điều 60 Nghị định số 152/2025/NĐ-CP",
        ),
        (
            HCLD3,
            "Khoản 2 Điều 46 Nghị định số 98/2023/NĐ-CP",
            "Khoản 2 Điều 44 Nghị định số 152/2025/NĐ-CP",
        ),
    ],
)
def test_publicity_cites_the_decree_in_force_on_the_decision_date(code, in_2024, in_2025):
    remarks_2024 = " ".join(judge(case(2024, rec(2024, XS)), code).to_confirm)
    remarks_2025 = " ".join(judge(case(2025, rec(2025, XS)), code).to_confirm)

    assert in_2024 in remarks_2024
    assert in_2025 not in remarks_2024
    assert in_2025 in remarks_2025
    assert in_2024 not in remarks_2025


# -- Qualitative criteria carry the clause they come from ------------------------------------


@pytest.mark.parametrize(
    ("year", "code", "citation"),
    [
        (2024, "lao_dong_tien_tien", "Khoản 1 Điều 24 Luật Thi đua, khen thưởng số 06/2022/QH15"),
        (2024, CSTD_TINH, "Điều 22 Luật Thi đua, khen thưởng số 06/2022/QH15"),
        (2024, CSTDTQ, "Điều 21 Luật Thi đua, khen thưởng số 06/2022/QH15"),
        (2024, BK_TINH, "Khoản 1 Điều 74 Luật Thi đua, khen thưởng số 06/2022/QH15"),
        (2024, BK_TTG, "Khoản 1 Điều 73 Luật Thi đua, khen thưởng số 06/2022/QH15"),
        (2024, "tap_the_lao_dong_xuat_sac", "Điểm đ khoản 1 Điều 27 Luật Thi đua"),
        (2024, CO_CP, "Khoản 1 Điều 25 Luật Thi đua, khen thưởng số 06/2022/QH15"),
        (2023, "lao_dong_tien_tien", "Điểm d khoản 1 Điều 24 Luật Thi đua, khen thưởng năm 2003"),
        (2023, CSTD_TINH, "Điều 22 Luật Thi đua, khen thưởng năm 2003"),
        (2023, "tap_the_lao_dong_xuat_sac", "Điểm b khoản 1 Điều 27 Luật Thi đua, khen thưởng năm"),
    ],
)
def test_qualitative_criteria_are_cited(year, code, citation):
    collective = code in {"tap_the_lao_dong_xuat_sac", CO_CP}
    subject = case(year, kind=SubjectKind.COLLECTIVE) if collective else case(year)

    remarks = judge(subject, code).to_confirm
    assert any(citation in r for r in remarks), remarks
