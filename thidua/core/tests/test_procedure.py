"""The procedure's law as dated data: the decree in force on the day decides."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.core.rules.procedure import base_salary_on, bonus_for, disclosure_rule


def test_the_period_of_a_state_award_follows_the_decree_in_force_on_the_day_published():
    before = disclosure_rule("chien_si_thi_dua_toan_quoc", published_on=date(2025, 3, 1))
    after = disclosure_rule("chien_si_thi_dua_toan_quoc", published_on=date(2025, 7, 1))

    assert (before.days, before.working, before.required) == (10, True, True)
    assert before.basis == "Khoản 2 Điều 46 Nghị định số 98/2023/NĐ-CP"
    assert after.basis == "Khoản 2 Điều 44 Nghị định số 152/2025/NĐ-CP"


def test_a_cultured_family_is_ten_calendar_days_and_other_forms_the_units_rule():
    family = disclosure_rule("gia_dinh_van_hoa", published_on=date(2025, 3, 1))
    other = disclosure_rule("lao_dong_tien_tien", published_on=date(2025, 3, 1))

    assert (family.days, family.working) == (10, False)
    assert not other.required


@pytest.mark.parametrize(
    ("day", "amount"),
    [(date(2023, 6, 30), 1_490_000), (date(2023, 7, 1), 1_800_000), (date(2024, 7, 1), 2_340_000)],
)
def test_the_base_salary_is_the_one_in_force_on_the_day(day, amount):
    salary = base_salary_on(day)
    assert salary is not None
    assert salary.amount == amount


def test_a_household_is_paid_only_under_the_decree_that_pays_households():
    assert (
        bonus_for(code="giay_khen", recipient_kind="household", decision_date=date(2025, 6, 1))
        is None
    )
    paid = bonus_for(code="giay_khen", recipient_kind="household", decision_date=date(2025, 8, 1))
    assert paid is not None
    assert paid.amount == 1_060_000  # 0.3 × 1.5 × 2,340,000 = 1,053,000, rounded up
    assert paid.basis.startswith("Điều 54 Nghị định số 152/2025/NĐ-CP")


def test_no_bonus_is_computed_under_texts_not_encoded():
    assert bonus_for(code="lao_dong_tien_tien", recipient_kind="individual",
                     decision_date=date(2023, 1, 10)) is None  # fmt: skip
