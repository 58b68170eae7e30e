"""Rotation of the cụm trưởng and cụm phó by policy."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.core.scoring import Policy, RotationError, rotate

WARDS = ["NS", "TTN", "VD", "BS", "NAS"]


def test_the_deputy_becomes_leader_and_the_next_member_deputy():
    # Seed 000: Ngọc Sơn led in 2023 with Trần Thành Ngọ as deputy; Trần Thành Ngọ led 2024.
    result = rotate(members=WARDS, leader="NS", deputy="TTN", policy=Policy.DEPUTY_NEXT)

    assert (result.leader, result.deputy) == ("TTN", "VD")


def test_a_deputy_that_left_the_cluster_hands_over_to_the_next_member():
    result = rotate(
        members=["NS", "VD", "BS"], leader="NS", deputy="TTN", policy=Policy.DEPUTY_NEXT
    )

    assert (result.leader, result.deputy) == ("VD", "BS")


def test_fixed_order_goes_round_and_wraps():
    result = rotate(members=WARDS, leader="NAS", deputy="NS", policy=Policy.FIXED_ORDER)

    assert (result.leader, result.deputy) == ("NS", "TTN")


def test_an_election_takes_the_result_of_the_meeting():
    result = rotate(
        members=WARDS, leader="NS", deputy="TTN", policy=Policy.ELECTION, elected=("BS", "VD")
    )

    assert (
        result.leader,
        result.deputy,
        result.reason,
    ) == ("BS", "VD", "Bầu tại hội nghị tổng kết")


@pytest.mark.parametrize(
    ("elected", "message"),
    [
        (None, "cần nhập kết quả bầu"),
        (("XX", "VD"), "phải là thành viên"),
        (("VD", "VD"), "hai đơn vị khác nhau"),
        (("VD", None), "cụm phó"),
    ],
)
def test_an_election_result_must_name_two_members(elected, message):
    with pytest.raises(RotationError, match=message):
        rotate(members=WARDS, leader="NS", deputy="TTN", policy=Policy.ELECTION, elected=elected)


def test_a_cluster_of_one_has_no_deputy():
    assert (
        None is rotate(members=["NS"], leader="NS", deputy=None, policy=Policy.FIXED_ORDER).deputy
    )


@given(
    st.lists(st.sampled_from([*WARDS, "LH", "QT"]), min_size=2, unique=True),
    st.sampled_from([None, *WARDS]),
    st.sampled_from([None, *WARDS]),
    st.sampled_from([Policy.DEPUTY_NEXT, Policy.FIXED_ORDER]),
)
def test_leader_and_deputy_are_two_members(members, leader, deputy, policy):
    result = rotate(members=members, leader=leader, deputy=deputy, policy=policy)

    assert result.leader in members
    assert result.deputy in members
    assert result.leader != result.deputy


@given(st.lists(st.text("ABCDEFGHIJ", min_size=1, max_size=2), min_size=1, max_size=8, unique=True))
def test_fixed_order_gives_every_member_one_turn(members):
    leader, deputy, turns = None, None, []
    for _ in members:
        result = rotate(members=members, leader=leader, deputy=deputy, policy=Policy.FIXED_ORDER)
        leader, deputy = result.leader, result.deputy
        turns.append(leader)

    assert sorted(members) == sorted(turns)
