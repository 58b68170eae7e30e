"""The list attached to a decision: each award with its bonus (a multiple of the base salary
in force at the decision date) and its certificate, read once for the page and the .docx —
only the rows the reader may see, and how many others the decision holds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from thidua.awards.bonus import Bonus, bonus_for
from thidua.awards.models import AwardRecord, Certificate, Decision
from thidua.awards.selectors import decision_records_for_user


@dataclass(frozen=True, slots=True)
class DecisionRow:
    record: AwardRecord
    bonus: Bonus | None
    certificate: Certificate | None


@dataclass(frozen=True, slots=True)
class DecisionList:
    """The rows the reader may see, and what the decision grants as a whole — (code,
    achievement year, recipient kind) of every row and the grounds of its bonuses, its own
    words (Điều 1 counts them, Điều 2 cites them) — which name no one and sum no bonus."""

    rows: list[DecisionRow]
    grants: list[tuple[str, int, str]]
    bonus_bases: list[str]

    @property
    def hidden(self) -> int:
        """Rows of the decision outside the reader's scope: counted, never named nor summed."""
        return len(self.grants) - len(self.rows)

    @property
    def hidden_sentence(self) -> str:
        """What the page and the extract say of the rows left out, without naming them."""
        return (
            f"Quyết định còn {self.hidden} khen thưởng của cá nhân, tập thể thuộc đơn vị "
            "khác, không hiển thị."
        )

    @property
    def total_label(self) -> str:
        # An extract's sum, worded so that no one takes it for the decision's total.
        return "Cộng các trường hợp trên" if self.hidden else "Tổng cộng"


def decision_listing(decision: Decision, *, user: Any) -> DecisionList:
    """The list of ``decision`` as ``user`` may read it."""
    grants = list(decision.records.order_by("pk").values_list("code", "year", "recipient_kind"))
    bonuses = {(code, kind): _bonus(decision, code, kind) for code, _year, kind in grants}
    rows = [
        DecisionRow(r, bonuses[r.code, r.recipient_kind], getattr(r, "certificate", None))
        for r in decision_records_for_user(user=user, decision=decision)
        .select_related("certificate")
        .order_by("pk")
    ]
    bases = sorted({b.basis for b in bonuses.values() if b})
    return DecisionList(rows, grants, bases)


def _bonus(decision: Decision, code: str, recipient_kind: str) -> Bonus | None:
    if decision.date is None:
        return None
    return bonus_for(code=code, recipient_kind=recipient_kind, decision_date=decision.date)


def bonus_total(rows: list[DecisionRow]) -> int:
    """The total of the list as issued (a later revocation does not rewrite it)."""
    return sum(r.bonus.amount for r in rows if r.bonus)


def revoked_total(rows: list[DecisionRow]) -> int:
    """The bonuses of the revoked awards, to be recovered (khoản 3 Điều 93 Luật TĐKT)."""
    return sum(r.bonus.amount for r in rows if r.bonus and r.record.is_revoked)
