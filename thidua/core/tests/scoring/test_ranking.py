"""Ranking: explicit tie-breaks, independence from input order, stability."""

from __future__ import annotations

import itertools
import random
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.core.scoring import Candidate, TieBreak, rank
from thidua.core.tests.scoring.strategies import candidates


def c(key: str, score: str, penalty: str = "0", criteria: tuple[str, ...] = ()) -> Candidate:
    return Candidate(
        key, key.lower(), Decimal(score), Decimal(penalty), tuple(Decimal(p) for p in criteria)
    )


def test_higher_scores_come_first():
    result = rank([c("B", "80"), c("A", "95"), c("C", "90")])

    assert [p.key for p in result] == ["A", "C", "B"]
    assert [p.rank for p in result] == [1, 2, 3]


def test_on_equal_scores_fewer_penalty_points_go_first():
    result = rank([c("A", "90", penalty="2"), c("B", "90")])

    assert [p.key for p in result] == ["B", "A"]
    assert (result[1].rank, result[1].tie_break) == (2, TieBreak.PENALTY)


def test_then_the_first_criterion_decides():
    result = rank([c("A", "90", criteria=("18", "20")), c("B", "90", criteria=("20", "18"))])

    assert [p.key for p in result] == ["B", "A"]
    assert TieBreak.CRITERIA is result[1].tie_break


def test_members_equal_on_every_ground_share_the_rank_in_name_order():
    result = rank([c("B", "90"), c("A", "90"), c("C", "80")])

    assert [(p.key, p.rank) for p in result] == [("A", 1), ("B", 1), ("C", 3)]
    assert TieBreak.SHARED is result[1].tie_break
    assert [p.position for p in result] == [1, 2, 3]


def test_a_unit_ranked_twice_is_refused():
    with pytest.raises(ValueError, match="một lần"):
        rank([c("A", "1"), c("A", "2")])


@given(candidates(), st.randoms())
def test_ties_break_the_same_way_every_time(members, rng: random.Random):
    shuffled = list(members)
    rng.shuffle(shuffled)

    assert rank(members) == rank(shuffled)


@given(candidates(min_size=1), st.data())
def test_adding_a_lower_scoring_unit_never_changes_the_order_of_the_others(members, data):
    lowest = min(m.score for m in members)
    newcomer = Candidate(
        key="NEW",
        name_key=data.draw(st.sampled_from(["a", "phuong b", "zz"])),
        score=lowest - data.draw(st.sampled_from([Decimal("0.01"), Decimal(1), Decimal(50)])),
        penalty=data.draw(st.sampled_from([Decimal(0), Decimal(5)])),
    )

    before = [p.key for p in rank(members)]
    after = [p.key for p in rank([*members, newcomer])]

    assert [*before, "NEW"] == after


@given(candidates(min_size=1), st.data())
def test_adding_any_unit_keeps_the_relative_order_of_the_others(members, data):
    newcomer = Candidate(
        "NEW", "m", data.draw(st.sampled_from([Decimal(0), Decimal(90), Decimal(100)]))
    )

    after = [p.key for p in rank([*members, newcomer]) if p.key != "NEW"]

    assert [p.key for p in rank(members)] == after


@given(candidates())
def test_ranks_are_competition_ranks(members):
    result = rank(members)

    for above, below in itertools.pairwise(result):
        assert below.rank in (above.rank, below.position)
        assert (below.rank == above.rank) == (below.tie_break is TieBreak.SHARED)
