"""Quorum and pass thresholds of council ballots."""

from __future__ import annotations

from fractions import Fraction

import pytest

from thidua.core.council import (
    ANY,
    Base,
    Method,
    VotingRule,
    decide,
    has_quorum,
    rule_for,
    votes_needed,
)


def test_provincial_emulation_fighter_needs_ninety_percent_of_all_members():
    rule = rule_for("chien_si_thi_dua_tinh", "tinh")

    assert (rule.method, rule.base) == (Method.SECRET, Base.MEMBERS_TOTAL)
    assert Fraction(9, 10) == rule.threshold
    assert rule.basis == "khoản 7 Điều 30 Nghị định số 98/2023/NĐ-CP"


def test_the_most_specific_rule_wins():
    rules = (
        VotingRule(ANY, ANY, Method.SECRET, Base.PRESENT, Fraction(1, 2), True,
                   Fraction(1, 2), "a"),
        VotingRule("giay_khen", ANY, Method.SECRET, Base.PRESENT, Fraction(2, 3), False,
                   Fraction(1, 2), "b"),
        VotingRule("giay_khen", "xa", Method.SHOW_OF_HANDS, Base.PRESENT, Fraction(3, 4), False,
                   Fraction(1, 2), "c"),
    )  # fmt: skip
    assert rule_for("giay_khen", "xa", rules).basis == "c"
    assert rule_for("giay_khen", "tinh", rules).basis == "b"
    assert rule_for("lao_dong_tien_tien", "xa", rules).basis == "a"


@pytest.mark.parametrize(
    ("threshold", "strict", "base", "needed"),
    [
        (Fraction(9, 10), False, 11, 10),  # 9.9 → 10
        (Fraction(9, 10), False, 10, 9),  # exactly 90 % passes
        (Fraction(1, 2), True, 10, 6),  # more than half
        (Fraction(1, 2), True, 9, 5),
        (Fraction(2, 3), False, 9, 6),
    ],
)
def test_votes_needed_rounds_up_and_respects_more_than(threshold, strict, base, needed):
    rule = VotingRule(ANY, ANY, Method.SECRET, Base.PRESENT, threshold, strict, Fraction(0), "x")
    assert needed == votes_needed(rule, base)


def test_the_base_decides_between_members_in_total_and_present():
    on_total = rule_for("chien_si_thi_dua_tinh", "tinh")
    # 11 members, 9 present, 9 approve: 9/11 = 81.8 % of all members is not enough.
    outcome = decide(on_total, members_total=11, present=9, approvals=9)
    assert not outcome.passed
    assert "Không đạt: 9/11 phiếu đồng ý (81,82% tổng số thành viên Hội đồng)" in outcome.sentence
    assert outcome.needed == 10

    on_present = rule_for("giay_khen", "xa")
    assert decide(on_present, members_total=11, present=9, approvals=6).passed


def test_quorum_is_a_share_of_all_members():
    rule = rule_for("giay_khen", "xa")
    assert has_quorum(rule, members_total=9, present=6)
    assert not has_quorum(rule, members_total=9, present=5)
    assert not has_quorum(rule, members_total=0, present=0)


def test_impossible_counts_are_refused():
    with pytest.raises(ValueError, match="không khớp"):
        decide(rule_for("giay_khen", "xa"), members_total=5, present=6, approvals=1)


def test_a_rule_describes_itself_in_words():
    assert (
        rule_for("chien_si_thi_dua_toan_quoc", "tinh").describe()
    ) == "Bỏ phiếu kín; được từ 90% trở lên tổng số thành viên Hội đồng đồng ý"
