"""Ballots of the Hội đồng Thi đua – Khen thưởng: who must be present, what passes.

A rule belongs to a form (or title) and the council's level, names its base (every member of
the council, or those present) and its threshold. The national thresholds are those the law
engine cites (``thidua/core/rules``): a secret ballot of at least 90 % of all members for
Chiến sĩ thi đua cấp tỉnh and toàn quốc, at least 80 % for Chiến sĩ thi đua cơ sở and the
emulation flags (khoản 7 Điều 30 Nghị định 98/2023/NĐ-CP; the clause of Nghị định 152/2025/NĐ-CP
that carries it on was not read, [U]). The rest follow provincial and unit regulations [U].
They are defaults; the deployment may replace them (setting ``THIDUA_VOTING_RULES``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction


class Method(StrEnum):
    SECRET = "secret"
    SHOW_OF_HANDS = "show_of_hands"


class Base(StrEnum):
    MEMBERS_TOTAL = "members_total"
    PRESENT = "present"


METHOD_LABELS = {Method.SECRET: "Bỏ phiếu kín", Method.SHOW_OF_HANDS: "Biểu quyết giơ tay"}
BASE_LABELS = {
    Base.MEMBERS_TOTAL: "tổng số thành viên Hội đồng",
    Base.PRESENT: "số thành viên có mặt",
}
ANY = "*"


@dataclass(frozen=True, slots=True)
class VotingRule:
    """``code`` and ``level`` may be ``ANY``; ``strict`` means "more than" the threshold."""

    code: str
    level: str
    method: Method
    base: Base
    threshold: Fraction
    strict: bool
    quorum: Fraction
    basis: str

    def specificity(self) -> int:
        return (self.code != ANY) * 2 + (self.level != ANY)

    def describe(self) -> str:
        relation = "trên" if self.strict else "từ"
        percent = f"{float(self.threshold * 100):.2f}".rstrip("0").rstrip(".").replace(".", ",")
        more = "" if self.strict else " trở lên"
        return (
            f"{METHOD_LABELS[self.method]}; được {relation} {percent}%{more} "
            f"{BASE_LABELS[self.base]} đồng ý"
        )


ND98_ART30 = "khoản 7 Điều 30 Nghị định số 98/2023/NĐ-CP"
LOCAL_PRACTICE = "Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng (mặc định, có thể sửa)"
TWO_THIRDS = Fraction(2, 3)
HALF = Fraction(1, 2)

DEFAULT_RULES: tuple[VotingRule, ...] = (
    VotingRule(
        "chien_si_thi_dua_tinh", ANY, Method.SECRET, Base.MEMBERS_TOTAL,
        Fraction(90, 100), False, TWO_THIRDS, ND98_ART30,
    ),
    VotingRule(
        "chien_si_thi_dua_toan_quoc", ANY, Method.SECRET, Base.MEMBERS_TOTAL,
        Fraction(90, 100), False, TWO_THIRDS, ND98_ART30,
    ),
    VotingRule(
        "chien_si_thi_dua_co_so", ANY, Method.SECRET, Base.MEMBERS_TOTAL,
        Fraction(80, 100), False, TWO_THIRDS, ND98_ART30,
    ),
    VotingRule(
        "co_thi_dua_tinh", ANY, Method.SECRET, Base.MEMBERS_TOTAL,
        Fraction(80, 100), False, TWO_THIRDS, ND98_ART30,
    ),
    VotingRule(
        "co_thi_dua_chinh_phu", ANY, Method.SECRET, Base.MEMBERS_TOTAL,
        Fraction(80, 100), False, TWO_THIRDS, ND98_ART30,
    ),
    VotingRule(
        "bang_khen_tinh", ANY, Method.SECRET, Base.MEMBERS_TOTAL,
        Fraction(80, 100), False, TWO_THIRDS, LOCAL_PRACTICE,
    ),
    VotingRule(
        "bang_khen_thu_tuong", ANY, Method.SECRET, Base.MEMBERS_TOTAL,
        Fraction(80, 100), False, TWO_THIRDS, LOCAL_PRACTICE,
    ),
    VotingRule(
        "lao_dong_tien_tien", ANY, Method.SHOW_OF_HANDS, Base.PRESENT,
        HALF, True, TWO_THIRDS, LOCAL_PRACTICE,
    ),
    VotingRule(
        ANY, ANY, Method.SECRET, Base.PRESENT,
        TWO_THIRDS, False, TWO_THIRDS, LOCAL_PRACTICE,
    ),
)  # fmt: skip


def rule_for(code: str, level: str, rules: tuple[VotingRule, ...] = DEFAULT_RULES) -> VotingRule:
    """The most specific rule that matches ``code`` and ``level``."""
    matching = [r for r in rules if r.code in (ANY, code) and r.level in (ANY, level)]
    if not matching:
        raise LookupError(f"Không có quy tắc bỏ phiếu cho {code} ({level}).")
    return max(matching, key=VotingRule.specificity)


@dataclass(frozen=True, slots=True)
class Outcome:
    passed: bool
    approvals: int
    base_count: int
    needed: int
    sentence: str


def has_quorum(rule: VotingRule, *, members_total: int, present: int) -> bool:
    """A session may vote only with the rule's share of the members present."""
    return members_total > 0 and Fraction(present, members_total) >= rule.quorum


def votes_needed(rule: VotingRule, base_count: int) -> int:
    """The fewest approvals that pass on a base of ``base_count`` votes."""
    exact = rule.threshold * base_count
    whole = exact.numerator // exact.denominator
    if rule.strict or whole < exact:
        return whole + 1
    return whole


def decide(rule: VotingRule, *, members_total: int, present: int, approvals: int) -> Outcome:
    if not 0 <= approvals <= present <= members_total:
        raise ValueError("Số phiếu đồng ý, số có mặt và tổng số thành viên không khớp nhau.")
    base_count = members_total if rule.base is Base.MEMBERS_TOTAL else present
    needed = votes_needed(rule, base_count)
    passed = base_count > 0 and approvals >= needed
    percent = f"{approvals * 100 / base_count:.2f}".replace(".", ",") if base_count else "0"
    verdict = "Đạt" if passed else "Không đạt"
    sentence = (
        f"{verdict}: {approvals}/{base_count} phiếu đồng ý ({percent}% "
        f"{BASE_LABELS[rule.base]}), cần ít nhất {needed} phiếu."
    )
    return Outcome(passed, approvals, base_count, needed, sentence)
