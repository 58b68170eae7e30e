"""Who leads a cluster next year: the cụm trưởng and cụm phó by the cluster's policy.

In practice (domain notes §9.2) the deputy often becomes next year's leader, some clusters
elect at the year-end conference, and some go round in a fixed order. ``members`` is the new
year's membership in rotation order; a unit named before that is no longer a member is
passed over.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Policy(StrEnum):
    DEPUTY_NEXT = "deputy_next"
    ELECTION = "election"
    FIXED_ORDER = "fixed_order"


class RotationError(ValueError):
    """The rotation cannot be made (the message is for the user)."""


NEXT_IN_ORDER = "Đơn vị kế tiếp theo thứ tự luân phiên"
ELECTED = "Bầu tại hội nghị tổng kết"


@dataclass(frozen=True, slots=True)
class Leaders:
    leader: str
    deputy: str | None  # None in a cluster of one
    reason: str  # why the leader leads
    deputy_reason: str = NEXT_IN_ORDER


def _after(members: Sequence[str], key: str | None, skip: frozenset[str] = frozenset()) -> str:
    """The member following ``key`` in the cyclic order (the first member when ``key`` is
    not a member), passing over ``skip`` unless nobody else is left."""
    start = members.index(key) + 1 if key in members else 0
    ring = [members[(start + i) % len(members)] for i in range(len(members))]
    for m in ring:
        if m not in skip:
            return m
    return ring[0]


def rotate(
    *,
    members: Sequence[str],
    leader: str | None,
    deputy: str | None,
    policy: Policy,
    elected: tuple[str, str | None] | None = None,
) -> Leaders:
    if not members:
        raise RotationError("Cụm, khối chưa có thành viên nên chưa xác định được cụm trưởng.")
    if len(set(members)) != len(members):
        raise RotationError("Một đơn vị chỉ là thành viên một lần.")
    if policy is Policy.ELECTION:
        return _elected(members, elected)
    if policy is Policy.DEPUTY_NEXT and deputy in members:
        new_leader, reason = str(deputy), "Cụm phó năm trước làm cụm trưởng"
    elif policy is Policy.DEPUTY_NEXT:
        new_leader = _after(members, leader, frozenset({leader} if leader else ()))
        reason = "Cụm phó năm trước không còn trong cụm: đơn vị kế tiếp làm cụm trưởng"
    else:
        new_leader = _after(members, leader, frozenset({leader} if leader else ()))
        reason = "Luân phiên theo thứ tự cố định"
    if len(members) == 1:
        return Leaders(new_leader, None, reason)
    return Leaders(new_leader, _after(members, new_leader, frozenset({new_leader})), reason)


def _elected(members: Sequence[str], elected: tuple[str, str | None] | None) -> Leaders:
    if elected is None:
        raise RotationError("Cụm bầu cụm trưởng tại hội nghị tổng kết: cần nhập kết quả bầu.")
    leader, deputy = elected
    if leader not in members or (deputy is not None and deputy not in members):
        raise RotationError("Đơn vị được bầu phải là thành viên của cụm, khối năm nay.")
    if deputy == leader:
        raise RotationError("Cụm trưởng và cụm phó phải là hai đơn vị khác nhau.")
    if deputy is None and len(members) > 1:
        raise RotationError("Cần bầu cả cụm phó.")
    return Leaders(leader, deputy, ELECTED, ELECTED)
