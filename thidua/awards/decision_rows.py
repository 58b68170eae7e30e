"""The list attached to a decision: each award with its bonus (a multiple of the base salary
in force at the decision date) and its certificate, read once for the page and the .docx."""

from __future__ import annotations

from dataclasses import dataclass

from thidua.awards.bonus import Bonus, bonus_for
from thidua.awards.models import AwardRecord, Certificate, Decision


@dataclass(frozen=True, slots=True)
class DecisionRow:
    record: AwardRecord
    bonus: Bonus | None
    certificate: Certificate | None


def decision_rows(decision: Decision) -> list[DecisionRow]:
    rows = []
    for record in decision.records.select_related("unit", "certificate").order_by("pk"):
        bonus = (
            bonus_for(
                code=record.code,
                recipient_kind=record.recipient_kind,
                decision_date=decision.date,
            )
            if decision.date
            else None
        )
        rows.append(DecisionRow(record, bonus, getattr(record, "certificate", None)))
    return rows


def bonus_total(rows: list[DecisionRow]) -> int:
    """The total of the list as issued (a later revocation does not rewrite it)."""
    return sum(r.bonus.amount for r in rows if r.bonus)


def revoked_total(rows: list[DecisionRow]) -> int:
    """The bonuses of the revoked awards, to be recovered (khoản 3 Điều 93 Luật TĐKT)."""
    return sum(r.bonus.amount for r in rows if r.bonus and r.record.is_revoked)
