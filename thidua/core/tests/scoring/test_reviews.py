"""Final scores by method, and the disagreement flag."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.core.scoring import Method, Review, final_score
from thidua.core.tests.scoring.strategies import points

REVIEWS = [
    Review("VD", Decimal(92)),
    Review("BS", Decimal(85)),
    Review("TTN", Decimal("90.5"), is_leader=True),
]


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        (Method.MEAN, Decimal("89.17")),
        (Method.MEDIAN, Decimal("90.50")),
        (Method.LEADER, Decimal("90.50")),
    ],
)
def test_each_method_gives_its_final_score(method, expected):
    assert expected == final_score(REVIEWS, method=method, spread_limit=Decimal(10)).value


def test_reviewers_further_apart_than_the_limit_are_flagged():
    result = final_score(REVIEWS, method=Method.MEAN, spread_limit=Decimal(5))

    assert (True, Decimal(7)) == (result.disagreement, result.spread)


def test_a_spread_equal_to_the_limit_is_not_flagged():
    assert not final_score(REVIEWS, method=Method.MEAN, spread_limit=Decimal(7)).disagreement


def test_without_reviews_there_is_no_final_score():
    assert None is final_score([], method=Method.MEAN, spread_limit=Decimal(5)).value


def test_leader_only_waits_for_the_leader():
    reviews = [Review("VD", Decimal(92))]

    assert None is final_score(reviews, method=Method.LEADER, spread_limit=Decimal(5)).value


@given(st.lists(points, min_size=1, max_size=8), st.sampled_from([Method.MEAN, Method.MEDIAN]))
def test_the_final_score_lies_between_the_reviewers(totals, method):
    reviews = [Review(str(i), t) for i, t in enumerate(totals)]

    result = final_score(reviews, method=method, spread_limit=Decimal(5))

    assert result.value is not None
    assert min(totals) <= result.value <= max(totals)
    assert result.disagreement == (max(totals) - min(totals) > 5)
