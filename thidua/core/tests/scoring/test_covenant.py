"""Totals of a score sheet under a covenant's criteria tree."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.core.scoring import CovenantError, CriteriaTree, Criterion, CriterionKind
from thidua.core.tests.scoring.strategies import points, trees

G, IT, B, P = CriterionKind.GROUP, CriterionKind.ITEM, CriterionKind.BONUS, CriterionKind.PENALTY


def ward_covenant() -> CriteriaTree:
    """The shape of the Kiến An covenant: six targets in one group, a bonus, two penalties."""
    return CriteriaTree(
        [
            Criterion(1, "I", G, Decimal(100)),
            *(
                Criterion(10 + n, str(n), IT, Decimal(m), 1)
                for n, m in enumerate([20, 20, 20, 10, 15, 15], 1)
            ),
            Criterion(20, "II", B, Decimal(5)),
            Criterion(21, "III.1", P, Decimal(2)),
            Criterion(22, "III.2", P, Decimal(5)),
        ]
    )


def test_full_marks_and_the_bonus_reach_the_maximum():
    tree = ward_covenant()
    full = {c.id: c.max_points for c in tree.scorable if c.kind is not P}

    totals = tree.totals(full)

    assert (Decimal(100), Decimal(5), Decimal(0), Decimal(105), Decimal(105)) == (
        totals.base,
        totals.bonus,
        totals.penalty,
        totals.total,
        totals.maximum,
    )


def test_penalties_are_subtracted_and_the_group_shows_its_subtotal():
    tree = ward_covenant()

    totals = tree.totals({11: Decimal("18.5"), 12: Decimal(20), 21: Decimal(2)})

    assert Decimal("38.50") == totals.by_criterion[1]
    assert Decimal("36.50") == totals.total


def test_a_capped_group_never_counts_more_than_its_maximum():
    tree = CriteriaTree(
        [
            Criterion(1, "I", G, Decimal(30)),
            Criterion(2, "1", IT, Decimal(20), 1),
            Criterion(3, "2", IT, Decimal(20), 1),
        ]
    )

    assert Decimal(30) == tree.maximum
    assert Decimal(30) == tree.totals({2: Decimal(20), 3: Decimal(20)}).total


def test_penalties_never_take_the_total_below_zero():
    tree = CriteriaTree([Criterion(1, "1", IT, Decimal(5)), Criterion(2, "2", P, Decimal(10))])

    assert Decimal(0) == tree.totals({1: Decimal(3), 2: Decimal(10)}).total


@pytest.mark.parametrize(
    ("points", "message"),
    [
        ({11: Decimal(21)}, "Tiêu chí 1: điểm phải từ 0 đến 20, không phải 21."),
        ({11: Decimal(-1)}, "Tiêu chí 1: điểm phải từ 0 đến 20, không phải -1."),
        ({11: Decimal("1.255")}, "Tiêu chí 1: điểm lấy tối đa hai chữ số thập phân."),
        ({1: Decimal(5)}, "Nhóm I được cộng từ các tiêu chí trong nhóm."),
        ({99: Decimal(1)}, "Tiêu chí không thuộc giao ước này."),
    ],
)
def test_entries_out_of_range_are_named(points, message):
    assert [message] == [p.message for p in ward_covenant().problems(points)]


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        (
            [Criterion(1, "1", IT, Decimal(5)), Criterion(2, "2", IT, Decimal(5), 1)],
            "chỉ được đặt trong một nhóm",
        ),
        ([Criterion(1, "1", IT, Decimal(5), 7)], "thuộc một nhóm không có"),
        ([Criterion(1, "1", IT, Decimal(-5))], "không được âm"),
        (
            [Criterion(1, "A", G, Decimal(0), 2), Criterion(2, "B", G, Decimal(0), 1)],
            "nằm trong chính nó",
        ),
    ],
)
def test_a_malformed_tree_is_refused(criteria, message):
    with pytest.raises(CovenantError, match=message):
        CriteriaTree(criteria)


@given(trees(), st.data())
def test_the_total_never_exceeds_the_maximum(tree, data):
    entered = {c.id: data.draw(points) for c in tree.scorable}

    totals = tree.totals(entered)

    assert Decimal(0) <= totals.total <= totals.maximum
    assert totals.base <= tree.base_maximum


@given(trees(), st.data())
def test_points_within_range_raise_no_problem(tree, data):
    entered = {
        c.id: data.draw(st.integers(0, int(c.max_points * 100)).map(lambda n: Decimal(n) / 100))
        for c in tree.scorable
    }

    assert tree.problems(entered) == []


def test_a_group_whose_items_add_up_to_more_than_its_maximum_is_named():
    tree = CriteriaTree(
        [
            *ward_covenant().criteria,
            Criterion(17, "7", IT, Decimal(10), 1),
        ]
    )

    assert tree.overfull() == [
        "Nhóm I: các tiêu chí trong nhóm cộng 110 điểm, vượt điểm tối đa 100 của nhóm; "
        "giảm điểm các tiêu chí hoặc tăng điểm tối đa của nhóm."
    ]
    assert ward_covenant().overfull() == []


def late_reports() -> CriteriaTree:
    """ "Chậm gửi báo cáo … (mỗi lần) −2", at most 5 points off."""
    return CriteriaTree(
        [
            *ward_covenant().criteria,
            Criterion(23, "III.3", P, Decimal(5), per_occurrence=Decimal(2)),
        ]
    )


@pytest.mark.parametrize(("times", "points"), [(0, 0), (1, 2), (2, 4), (3, 5), (9, 5)])
def test_occurrences_count_per_time_up_to_the_limit(times, points):
    assert late_reports().occurrence_points(23, times) == Decimal(points)


def test_a_count_out_of_range_or_on_another_criterion_is_refused():
    with pytest.raises(CovenantError, match="số lần phải từ 0 đến 366"):
        late_reports().occurrence_points(23, 400)
    with pytest.raises(CovenantError, match="không tính theo số lần"):
        late_reports().occurrence_points(11, 1)
    with pytest.raises(CovenantError, match="chỉ điểm thưởng, điểm trừ"):
        CriteriaTree([Criterion(1, "1", IT, Decimal(10), per_occurrence=Decimal(1))])
