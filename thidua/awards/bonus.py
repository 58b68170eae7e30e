"""Bonuses of the awards (the law in ``thidua.core.rules.procedure``), with the base salaries
an administrator may set ahead of a new decree: the setting ``THIDUA_BASE_SALARY``, rows of
(from date, amount, basis)."""

from __future__ import annotations

from datetime import date

from django.conf import settings

from thidua.core.rules import procedure
from thidua.core.rules.procedure import BASE_SALARIES, BaseSalary, Bonus

__all__ = ["Bonus", "base_salary_on", "bonus_for"]


def _salaries() -> tuple[BaseSalary, ...]:
    rows = getattr(settings, "THIDUA_BASE_SALARY", None)
    if rows is None:
        return BASE_SALARIES
    return tuple(BaseSalary(start, amount, basis) for start, amount, basis in rows)


def base_salary_on(day: date) -> tuple[int, str] | None:
    row = procedure.base_salary_on(day, _salaries())
    return None if row is None else (row.amount, row.basis)


def bonus_for(*, code: str, recipient_kind: str, decision_date: date) -> Bonus | None:
    return procedure.bonus_for(
        code=code,
        recipient_kind=recipient_kind,
        decision_date=decision_date,
        salaries=_salaries(),
    )
