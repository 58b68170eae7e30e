"""Bonus amounts: a multiplier of the base salary (lương cơ sở) in force at the decision date.

Multipliers from law.md §8.7: Điều 54–55 Nghị định 98/2023/NĐ-CP until 30/06/2025, Điều 54
Nghị định 152/2025/NĐ-CP from 01/07/2025 (unchanged for titles; households receive 1.5 times
the individual amount). The amount is rounded up to the nearest 10,000 đồng, as a published
decision paid it (law.md: clause not located, [U]). Base salaries come from the setting
``THIDUA_BASE_SALARY``: (from date, amount, basis) rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal

from django.conf import settings

ND152_FROM = date(2025, 7, 1)
ROUND_TO = Decimal(10_000)
HOUSEHOLD_FACTOR = Decimal("1.5")

# (code, recipient kind) → multiplier; "*" is any recipient kind.
MULTIPLIERS: dict[tuple[str, str], Decimal] = {
    ("co_thi_dua_chinh_phu", "*"): Decimal(12),
    ("chien_si_thi_dua_toan_quoc", "*"): Decimal("4.5"),
    ("huan_chuong_lao_dong_hang_ba", "individual"): Decimal("4.5"),
    ("bang_khen_thu_tuong", "individual"): Decimal("3.5"),
    ("co_thi_dua_tinh", "*"): Decimal(8),
    ("chien_si_thi_dua_tinh", "*"): Decimal(3),
    ("bang_khen_tinh", "individual"): Decimal("1.5"),
    ("tap_the_lao_dong_xuat_sac", "*"): Decimal("1.5"),
    ("chien_si_thi_dua_co_so", "*"): Decimal(1),
    ("tap_the_lao_dong_tien_tien", "*"): Decimal("0.8"),
    ("giay_khen", "individual"): Decimal("0.3"),
    ("lao_dong_tien_tien", "*"): Decimal("0.3"),
}

DEFAULT_BASE_SALARY: tuple[tuple[date, int, str], ...] = (
    (date(2023, 7, 1), 1_800_000, "Nghị định số 24/2023/NĐ-CP"),
    (date(2024, 7, 1), 2_340_000, "Nghị định số 73/2024/NĐ-CP"),
)


@dataclass(frozen=True)
class Bonus:
    multiplier: Decimal
    base_salary: int
    amount: int
    basis: str


def base_salary_on(day: date) -> tuple[int, str] | None:
    rows = sorted(getattr(settings, "THIDUA_BASE_SALARY", DEFAULT_BASE_SALARY))
    found = None
    for start, amount, basis in rows:
        if start <= day:
            found = (amount, basis)
    return found


def bonus_for(*, code: str, recipient_kind: str, decision_date: date) -> Bonus | None:
    """The bonus of one award, or ``None`` where these notes give no multiplier."""
    household = recipient_kind == "household" and decision_date >= ND152_FROM
    lookup_kind = "individual" if household else recipient_kind
    multiplier = MULTIPLIERS.get((code, lookup_kind), MULTIPLIERS.get((code, "*")))
    salary = base_salary_on(decision_date)
    if multiplier is None or salary is None:
        return None
    if household:
        multiplier *= HOUSEHOLD_FACTOR
    elif recipient_kind == "household":
        return None
    base, salary_basis = salary
    raw = multiplier * base
    amount = int((raw / ROUND_TO).to_integral_value(rounding=ROUND_CEILING) * ROUND_TO)
    decree = (
        "Điều 54 Nghị định số 152/2025/NĐ-CP"
        if decision_date >= ND152_FROM
        else "Điều 54, 55 Nghị định số 98/2023/NĐ-CP"
    )
    return Bonus(multiplier, base, amount, f"{decree}; lương cơ sở theo {salary_basis}")
