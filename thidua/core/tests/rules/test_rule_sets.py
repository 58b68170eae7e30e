"""Which rule set governs a year, the switch between 2023 and 2024, deciders with their
validity, and the output as the contract shows it."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest

from thidua.core.catalog import CATALOG, Recipient
from thidua.core.rules import RULE_SETS, Case, NoRuleSetError, evaluate, rule_set_for_year
from thidua.core.rules.vocabulary import SubjectKind, UnitKind

from .builders import (
    CO_SO,
    CSTDCS,
    GDVH,
    LDTT,
    TINH,
    TOT,
    TTLDTT,
    XS,
    case,
    collective,
    household,
    judge,
    members,
    rec,
)


@pytest.mark.parametrize(
    ("year", "name"),
    [(2018, "luat-2013"), (2023, "luat-2013"), (2024, "luat-2022"), (2031, "luat-2022")],
)
def test_the_rule_set_is_chosen_by_the_evaluation_year(year, name):
    assert name == rule_set_for_year(year).name


@pytest.mark.parametrize("year", [2017, 1990])
def test_years_without_a_rule_set_are_refused(year):
    with pytest.raises(NoRuleSetError, match=str(year)):
        rule_set_for_year(year)


@pytest.mark.parametrize(
    ("code", "record", "in_2023", "in_2024"),
    [
        # Excellence alone makes a CSTĐCS from 2024, not before.
        (CSTDCS, lambda y: rec(y, XS), False, True),
        # 8 months of service: enough from 2024 (06), not under ND 91 (10).
        (LDTT, lambda y: rec(y, TOT, months=8), False, True),
    ],
)
def test_the_same_facts_under_2023_and_2024(code, record, in_2023, in_2024):
    assert in_2023 is judge(case(2023, record(2023)), code).eligible
    assert in_2024 is judge(case(2024, record(2024)), code).eligible


def test_ttldtt_with_60_percent_passes_in_2023_and_fails_in_2024():
    def subject(year: int) -> Case:
        return collective(year, rec(year, TOT, members=members(10, 6)))

    assert judge(subject(2023), TTLDTT).eligible is True
    assert judge(subject(2024), TTLDTT).eligible is False


def test_history_before_2024_counts_as_facts_in_a_2024_chain():
    # MOHA (law-2013.md §13): HTXSNV + initiative in 2023, then in 2024, meets Điều 74.1.d.
    records = [rec(2023, XS, initiatives=[CO_SO]), rec(2024, XS, initiatives=[CO_SO])]

    assert judge(case(2024, *records), "bang_khen_tinh").eligible is True


@pytest.mark.parametrize("kind", list(SubjectKind))
@pytest.mark.parametrize("year", [2023, 2024])
def test_results_cover_every_code_of_the_kind_in_catalog_order(kind, year):
    result = evaluate(case(year, kind=kind))
    expected = [a.code for a in CATALOG if a.accepts(Recipient(kind.value))]

    assert expected == [v.code for v in result.results]


@pytest.mark.parametrize(
    ("year", "unit_kind", "code", "decider"),
    [
        (2024, UnitKind.SO, CSTDCS, "Giám đốc Sở"),
        (2024, UnitKind.HUYEN, CSTDCS, "Chủ tịch Ủy ban nhân dân cấp huyện"),
        # Decided in 2026: the district level ended on 01/07/2025.
        (2025, UnitKind.HUYEN, CSTDCS, None),
        (2024, UnitKind.XA, LDTT, "Chủ tịch Ủy ban nhân dân cấp xã"),
        # Điều 80.3 does not give CSTĐCS to the commune chairman: the district chairman
        # (Điều 80.2) decided it for commune staff, until the district level ended.
        (2024, UnitKind.XA, CSTDCS, "Chủ tịch Ủy ban nhân dân cấp huyện"),
        (2025, UnitKind.XA, CSTDCS, None),
        (2025, UnitKind.XA, LDTT, "Chủ tịch Ủy ban nhân dân cấp xã"),
        (2024, UnitKind.XA, "giay_khen", "Chủ tịch Ủy ban nhân dân cấp xã"),
        (2024, UnitKind.DOANH_NGHIEP, CSTDCS, "Tổng giám đốc, Giám đốc doanh nghiệp, hợp tác xã"),
        # Điều 80.4: the chairman of the board may award the Giấy khen only.
        (
            2024,
            UnitKind.DOANH_NGHIEP,
            "giay_khen",
            "Tổng giám đốc, Giám đốc doanh nghiệp, hợp tác xã hoặc Chủ tịch Hội đồng quản trị, "
            "Chủ tịch Hội đồng thành viên",
        ),
        (2022, UnitKind.DOANH_NGHIEP, CSTDCS, "Tổng giám đốc, Giám đốc doanh nghiệp"),
        (2024, None, CSTDCS, None),
        (2024, None, "bang_khen_thu_tuong", "Thủ tướng Chính phủ"),
        (2024, UnitKind.SO, "bang_khen_tinh", "Chủ tịch Ủy ban nhân dân cấp tỉnh"),
        (2024, UnitKind.BO, "bang_khen_tinh", "Bộ trưởng, Thủ trưởng Bộ, ban, ngành"),
        (2022, UnitKind.XA, LDTT, "Chủ tịch Ủy ban nhân dân cấp huyện"),
    ],
)
def test_deciders_by_unit_kind_and_date(year, unit_kind, code, decider):
    assert decider == judge(case(year, unit_kind=unit_kind), code).decider


@pytest.mark.parametrize(
    ("decided_on", "decider"),
    [
        ((6, 30), "Chủ tịch Ủy ban nhân dân cấp huyện"),  # the district's last day
        ((7, 1), None),  # the two-level government: Điều 80.2 can no longer be used
    ],
)
@pytest.mark.parametrize(
    ("subject", "code"),
    [
        (case(2024, unit_kind=UnitKind.XA), CSTDCS),
        (collective(2024, unit_kind=UnitKind.XA), TTLDTT),
        (case(2024, unit_kind=UnitKind.HUYEN), CSTDCS),
        (collective(2024, unit_kind=UnitKind.HUYEN), TTLDTT),
    ],
)
def test_district_deciders_end_on_30_06_2025(subject, code, decided_on, decider):
    month, day = decided_on
    settings = replace(rule_set_for_year(2024).settings, decision_month=month, decision_day=day)

    assert judge(subject, code, settings=settings).decider == decider


def test_household_title_is_decided_by_the_commune_chairman():
    assert judge(household(2025), GDVH).decider == "Chủ tịch Ủy ban nhân dân cấp xã"


def test_decree_citations_follow_the_decision_date():
    # Titles of 2024 are decided in 2025 under ND 98/2023; those of 2025 under ND 152/2025.
    in_2024 = judge(case(2024, rec(2024, XS)), CSTDCS).to_confirm
    in_2025 = judge(case(2025, rec(2025, XS)), CSTDCS).to_confirm

    assert any("98/2023/NĐ-CP" in t for t in in_2024)
    assert not any("152/2025/NĐ-CP" in t for t in in_2024)
    assert any("152/2025/NĐ-CP" in t for t in in_2025)


def test_the_spec_example():
    subject = case(
        2024,
        rec(2023, XS, granted=[LDTT, CSTDCS], initiatives=[CO_SO]),
        rec(2024, XS, initiatives=[TINH]),
        unit_kind=UnitKind.SO,
    )

    output = evaluate(subject).as_json()
    cstdcs = next(r for r in output["results"] if r["code"] == CSTDCS)

    assert output["rule_set"] == "luat-2022"
    assert output["year"] == 2024
    assert cstdcs["name"] == "Chiến sĩ thi đua cơ sở"
    assert cstdcs["eligible"] is True
    assert cstdcs["decider"] == "Giám đốc Sở"
    assert cstdcs["criteria"][0] == {
        "text": "Đạt tiêu chuẩn danh hiệu Lao động tiên tiến",
        "met": True,
        "citation": "Khoản 1 Điều 23 Luật Thi đua, khen thưởng số 06/2022/QH15",
    }
    assert set(cstdcs) == {
        "code",
        "name",
        "eligible",
        "criteria",
        "to_confirm",
        "other_grounds",
        "decider",
    }


def test_every_text_is_vietnamese_in_nfc():
    for rule_set in RULE_SETS:
        year = rule_set.first_year
        for kind in SubjectKind:
            for verdict in evaluate(case(year, kind=kind, unit_kind=UnitKind.SO)).results:
                texts = [
                    verdict.name,
                    *(c.text for c in verdict.criteria),
                    *(c.citation.text for c in verdict.criteria),
                    *verdict.to_confirm,
                    *(g.text for g in verdict.other_grounds),
                ]
                for text in texts:
                    assert unicodedata.normalize("NFC", text) == text
                    assert "{" not in text, text
