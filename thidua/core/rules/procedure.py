"""The law of the procedure, as dated data: what a decision pays and how long a list stays up
for comment. Each is chosen by the date the law names (a bonus by the decision's date, a
public comment by the day it is published), not by the achievement year, so a new decree
lands as one more row here.

Sources: ``shared/domain/law.md`` §8.3 (publicity) and §8.7 (bonuses).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal

from thidua.core.rules.citations import (
    ND_86_2023,
    ND_98_2023,
    ND_152_2025,
    Citation,
    Cite,
    LegalText,
)

ND_24_2023 = LegalText("Nghị định số 24/2023/NĐ-CP", date(2023, 7, 1), date(2024, 6, 30))
ND_73_2024 = LegalText("Nghị định số 73/2024/NĐ-CP", date(2024, 7, 1))

# -- bonuses ---------------------------------------------------------------------------------

# (code, recipient kind) → multiplier of the base salary; "*" is any recipient kind. The same
# in both decrees for the titles (law.md §8.7).
_MULTIPLIERS: Mapping[tuple[str, str], Decimal] = {
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


@dataclass(frozen=True, slots=True)
class BonusSchedule:
    """The multipliers a decree sets, for the decisions signed while it is in force.
    ``household_factor``: a household receives this times the individual amount; ``None``
    where the decree gives households no amount."""

    citation: Citation
    multipliers: Mapping[tuple[str, str], Decimal]
    household_factor: Decimal | None

    def in_force(self, on: date) -> bool:
        return self.citation.document.in_force(on)


BONUS_SCHEDULES: tuple[BonusSchedule, ...] = (
    BonusSchedule(Cite(ND_98_2023)(54), _MULTIPLIERS, None),
    BonusSchedule(Cite(ND_152_2025)(54), _MULTIPLIERS, Decimal("1.5")),
)
# The amount after multiplication is rounded up to 10,000 đồng, as a published decision paid
# it (law.md §8.7: the clause is not located, [U]).
ROUND_TO = Decimal(10_000)


@dataclass(frozen=True, slots=True)
class BaseSalary:
    """Lương cơ sở from ``start`` (until the next row), by the decree that set it."""

    start: date
    amount: int
    basis: str


BASE_SALARIES: tuple[BaseSalary, ...] = (
    BaseSalary(date(2019, 7, 1), 1_490_000, "Nghị định số 38/2019/NĐ-CP"),
    BaseSalary(date(2023, 7, 1), 1_800_000, ND_24_2023.name),
    BaseSalary(date(2024, 7, 1), 2_340_000, ND_73_2024.name),
)


def base_salary_on(day: date, table: tuple[BaseSalary, ...] = BASE_SALARIES) -> BaseSalary | None:
    found = None
    for row in sorted(table, key=lambda r: r.start):
        if row.start <= day:
            found = row
    return found


@dataclass(frozen=True, slots=True)
class Bonus:
    multiplier: Decimal
    base_salary: int
    amount: int
    basis: str


def bonus_for(
    *,
    code: str,
    recipient_kind: str,
    decision_date: date,
    salaries: tuple[BaseSalary, ...] = BASE_SALARIES,
) -> Bonus | None:
    """The bonus of one award decided on ``decision_date``; ``None`` where no decree in force
    that day gives a multiplier (a decision before 2024 pays under texts not encoded here)."""
    schedule = next((s for s in BONUS_SCHEDULES if s.in_force(decision_date)), None)
    salary = base_salary_on(decision_date, salaries)
    if schedule is None or salary is None:
        return None
    household = recipient_kind == "household"
    if household and schedule.household_factor is None:
        return None
    kind = "individual" if household else recipient_kind
    multiplier = schedule.multipliers.get((code, kind), schedule.multipliers.get((code, "*")))
    if multiplier is None:
        return None
    if household and schedule.household_factor is not None:
        multiplier *= schedule.household_factor
    raw = multiplier * salary.amount
    amount = int((raw / ROUND_TO).to_integral_value(rounding=ROUND_CEILING) * ROUND_TO)
    basis = f"{schedule.citation.text}; lương cơ sở theo {salary.basis}"
    return Bonus(multiplier, salary.amount, amount, basis)


# -- public comment --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DisclosureRule:
    days: int
    working: bool
    required: bool
    basis: str


# The State-level honours the proposing body publishes ≥ 10 working days before its council
# (Điều 84.5 Luật; law.md §8.3).
STATE_LEVEL = frozenset({"chien_si_thi_dua_toan_quoc", "huan_chuong_lao_dong_hang_ba"})
_STATE_RULES = (
    (ND_98_2023, Cite(ND_98_2023)(46, 2)),
    (ND_152_2025, Cite(ND_152_2025)(44, 2)),
)
_FAMILY = DisclosureRule(10, False, True, Cite(ND_86_2023)().text)
UNIT_RULE = DisclosureRule(
    10, True, False, "Quy chế thi đua, khen thưởng của đơn vị (mặc định 10 ngày làm việc)"
)


def disclosure_rule(code: str, *, published_on: date) -> DisclosureRule:
    """How long the list of ``code`` stays up when published on ``published_on``."""
    if code == "gia_dinh_van_hoa":
        return _FAMILY
    if code in STATE_LEVEL:
        for text, citation in reversed(_STATE_RULES):
            if text.valid_from <= published_on:
                return DisclosureRule(10, True, True, citation.text)
    return UNIT_RULE
