"""Nominations from the ranking by quota, with the basis a proposal cites."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from thidua.core.scoring import Candidate, Level, Quota, nominate, quotas_for, rank
from thidua.core.tests.scoring.strategies import candidates

NOUN = "cụm thi đua"


def ranked(*scores: str):
    return rank(Candidate(f"U{i}", f"u{i}", Decimal(s)) for i, s in enumerate(scores))


def test_the_leading_unit_gets_the_flag_and_the_next_two_bang_khen():
    quotas = quotas_for(Level.HUYEN, flags=1, merits=2)

    result = nominate(ranked("99", "97", "96", "90"), quotas, cluster_noun=NOUN)

    assert [(n.key, n.award, n.basis) for n in result] == [
        ("U0", "co_thi_dua_tinh", "Đơn vị dẫn đầu cụm thi đua"),
        ("U1", "bang_khen_tinh", "Đơn vị xếp thứ 2 cụm thi đua"),
        ("U2", "bang_khen_tinh", "Đơn vị xếp thứ 3 cụm thi đua"),
    ]


def test_the_organising_level_decides_the_flag():
    assert quotas_for(Level.TRUNG_UONG, flags=1, merits=0)[0].award == "co_thi_dua_chinh_phu"
    assert tuple(q.award for q in quotas_for(Level.CO_SO, flags=1, merits=2)) == ("giay_khen",)


def test_a_tie_across_the_last_place_of_a_quota_is_marked():
    result = nominate(ranked("99", "97", "97"), [Quota("bang_khen_tinh", 2)], cluster_noun=NOUN)

    assert [n.tie_at_boundary for n in result] == [False, True]


def test_units_below_the_minimum_score_are_not_nominated():
    result = nominate(
        ranked("99", "70"), [Quota("bang_khen_tinh", 2)], cluster_noun=NOUN, min_score=Decimal(80)
    )

    assert [n.key for n in result] == ["U0"]


@given(candidates(), st.integers(0, 3), st.integers(0, 4))
def test_nominations_follow_the_ranking_and_respect_the_quotas(members, flags, merits):
    placed = rank(members)
    quotas = quotas_for(Level.TINH, flags=flags, merits=merits)

    result = nominate(placed, quotas, cluster_noun=NOUN)

    assert len(result) == min(len(placed), flags + merits)
    assert [p.key for p in placed[: len(result)]] == [n.key for n in result]
    assert len({n.key for n in result}) == len(result)
    for n in result:
        assert (n.basis == "Đơn vị dẫn đầu cụm thi đua") == (placed[n.position - 1].rank == 1)
