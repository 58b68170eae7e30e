"""Quotas per unit and "one achievement, one award"."""

from __future__ import annotations

from dataclasses import replace

import pytest

from thidua.core.rules import BY_NAME
from thidua.core.rules.one_award import Granted, one_award_conflict
from thidua.core.rules.quotas import check_quotas
from thidua.core.rules.settings import RuleSettings, ScopeSettings, Share
from thidua.core.rules.vocabulary import Occasion

from .builders import BK_TINH, BK_TTG, CSTDCS, GIAY_KHEN, HCLD3, LDTT

LUAT_2013, LUAT_2022 = BY_NAME["luat-2013"], BY_NAME["luat-2022"]


@pytest.mark.parametrize(
    ("ldtt", "cstdcs", "limit", "within"),
    [
        (20, 3, 3, True),  # 15 % of 20 is exactly 3
        (20, 4, 3, False),
        (19, 3, 2, False),  # 2.85 rounds down: "không quá 15 %"
        (0, 0, 0, True),
    ],
)
def test_cstdcs_cap_of_2013(ldtt, cstdcs, limit, within):
    (check,) = [
        q for q in check_quotas(LUAT_2013, {LDTT: ldtt, CSTDCS: cstdcs}) if q.code == CSTDCS
    ]

    assert (limit, within) == (check.limit, check.within)
    assert check.citation.text == "Khoản 3 Điều 9 Nghị định số 91/2017/NĐ-CP"


def test_no_national_cap_from_2024():
    assert check_quotas(LUAT_2022, {LDTT: 20, CSTDCS: 20}) == ()


def test_a_province_may_cap_from_2024():
    scope = ScopeSettings(cstdcs_share_of_ldtt=Share(20), ldtt_share_of_members=Share(80))

    checks = {
        q.code: q for q in check_quotas(LUAT_2022, {LDTT: 80, CSTDCS: 17}, members=100, scope=scope)
    }

    assert checks[CSTDCS].excess == 1
    assert "vượt 1 so với giới hạn 16" in checks[CSTDCS].message
    assert checks[LDTT].within


def test_a_cap_the_province_set_cites_its_own_text():
    basis = "Quyết định số 15/2024/QĐ-UBND"
    scope = ScopeSettings(cstdcs_share_of_ldtt=Share(20), bases=(("cstdcs_share_of_ldtt", basis),))
    (local,) = check_quotas(LUAT_2022, {LDTT: 10, CSTDCS: 1}, scope=scope)
    assert local.cited == basis
    assert local.as_json()["citation"] == basis
    # The 2013 cap stays the decree's when the province asks for more: the decree is cited.
    (national,) = [
        q
        for q in check_quotas(
            LUAT_2013, {LDTT: 20}, scope=replace(scope, cstdcs_share_of_ldtt=Share(30))
        )
        if q.code == CSTDCS
    ]
    assert national.cited == national.citation.text


def test_a_province_may_not_raise_the_2013_cap():
    scope = ScopeSettings(cstdcs_share_of_ldtt=Share(30))

    (check,) = [q for q in check_quotas(LUAT_2013, {LDTT: 20}, scope=scope) if q.code == CSTDCS]

    assert check.share.percent == 15


def test_caps_over_members_need_the_headcount():
    scope = ScopeSettings(ldtt_share_of_members=Share(70))

    assert [q.code for q in check_quotas(LUAT_2022, {LDTT: 5}, scope=scope)] == []


# -- one achievement, one award ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "granted", "refused"),
    [
        (BK_TINH, [Granted(BK_TINH, 2024)], True),  # the same form twice
        (BK_TTG, [Granted(BK_TINH, 2024)], True),  # two forms for one achievement
        (GIAY_KHEN, [Granted(BK_TINH, 2024)], True),
        (BK_TINH, [Granted(BK_TINH, 2023)], False),  # another year
        (BK_TINH, [Granted(CSTDCS, 2024)], False),  # a title and a form (default)
        (CSTDCS, [Granted(LDTT, 2024)], False),  # titles of two levels
        (CSTDCS, [Granted(CSTDCS, 2024)], True),
        (BK_TINH, [Granted(BK_TINH, 2024, "dot_xuat:cuu_nguoi")], False),  # another achievement
    ],
)
def test_one_achievement_one_award(code, granted, refused):
    conflict = one_award_conflict(code=code, year=2024, granted=granted)

    assert refused is (conflict is not None)
    if conflict is not None:
        assert (
            conflict.citation.text
            == "Điểm c khoản 2 Điều 5 Luật Thi đua, khen thưởng số 06/2022/QH15"
        )


def test_a_setting_may_forbid_a_title_and_a_form_for_one_year():
    settings = RuleSettings(
        min_service_months=6, ttldtt_ldtt_share=Share(70), title_and_form_share_year=False
    )

    conflict = one_award_conflict(
        code=BK_TINH, year=2024, granted=[Granted(CSTDCS, 2024)], settings=settings
    )

    assert conflict is not None
    assert "Chiến sĩ thi đua cơ sở" in conflict.message


def test_the_message_names_both_forms():
    conflict = one_award_conflict(code=BK_TTG, year=2022, granted=[Granted(BK_TINH, 2022)])

    assert conflict is not None
    assert conflict.message == (
        "Thành tích năm 2022 đã được khen thưởng bằng Bằng khen của Bộ, ban, ngành, tỉnh; "
        "không tặng thêm Bằng khen của Thủ tướng Chính phủ cho cùng một thành tích"
    )
    assert conflict.citation.text == "Điều 3 Thông tư số 12/2019/TT-BNV"


# -- one State-level form a year before 2024 (Điều 3 Thông tư 12/2019/TT-BNV) ----------------

_MOVEMENT = "phong trào Chung sức xây dựng nông thôn mới"


@pytest.mark.parametrize(
    ("year", "occasion", "granted", "refused"),
    [
        # A Huân chương on another achievement of the same year: two State-level forms.
        (2022, Occasion.CHUYEN_DE, [Granted(BK_TTG, 2022)], True),
        (2022, Occasion.THUONG_XUYEN, [Granted(BK_TTG, 2022, _MOVEMENT, Occasion.CHUYEN_DE)], True),
        # The exceptions: đột xuất, quá trình cống hiến, niên hạn, on either side.
        (2022, Occasion.DOT_XUAT, [Granted(BK_TTG, 2022)], False),
        (2022, Occasion.CONG_HIEN, [Granted(BK_TTG, 2022)], False),
        (2022, Occasion.CHUYEN_DE, [Granted(BK_TTG, 2022, "cứu người", Occasion.DOT_XUAT)], False),
        (2022, Occasion.CHUYEN_DE, [Granted(BK_TTG, 2022, "", Occasion.NIEN_HAN)], False),
        # A Bằng khen tỉnh is not a State-level form; another year is another year.
        (2022, Occasion.CHUYEN_DE, [Granted(BK_TINH, 2022)], False),
        (2022, Occasion.CHUYEN_DE, [Granted(BK_TTG, 2021)], False),
        # The Law of 2022 has no such cap.
        (2024, Occasion.CHUYEN_DE, [Granted(BK_TTG, 2024)], False),
    ],
)
def test_one_state_form_a_year_before_2024(year, occasion, granted, refused):
    achievement = "" if occasion is Occasion.THUONG_XUYEN else _MOVEMENT
    conflict = one_award_conflict(
        code=HCLD3, year=year, granted=granted, achievement=achievement, occasion=occasion
    )

    assert refused is (conflict is not None)
    if conflict is not None:
        assert conflict.citation.text == "Điều 3 Thông tư số 12/2019/TT-BNV"
        assert conflict.message.startswith(
            "Thành tích năm 2022 đã được đề nghị hoặc tặng Bằng khen của Thủ tướng Chính phủ; "
            "mỗi năm chỉ đề nghị một hình thức khen thưởng cấp Nhà nước"
        )


def test_the_message_says_where_the_other_grant_is():
    conflict = one_award_conflict(
        code=GIAY_KHEN,
        year=2025,
        granted=[Granted(BK_TINH, 2025, source="Quyết định số 12/QĐ-UBND")],
    )

    assert conflict is not None
    assert conflict.message.endswith("cho cùng một thành tích (Quyết định số 12/QĐ-UBND)")
