"""Tập thể lao động tiên tiến and xuất sắc, Cờ thi đua: shares of members with their
boundaries, discipline, clusters and movements."""

from __future__ import annotations

import pytest

from thidua.core.rules import Members, MovementLead
from thidua.core.rules.facts import YearRecord
from thidua.core.rules.vocabulary import ClusterLevel, MovementLauncher

from .builders import (
    CO_CP,
    CO_TINH,
    TOT,
    TTLDTT,
    TTLDXS,
    XS,
    collective,
    eligible,
    members,
    met,
    rec,
)


@pytest.mark.parametrize(
    ("year", "total", "ldtt", "expected"),
    [
        (2024, 10, 7, True),  # exactly 70 %: "ít nhất 70 %"
        (2024, 100, 69, False),
        (2024, 3, 2, False),  # 66.7 %
        (2023, 10, 5, False),  # exactly 50 %: the 2013 text wants "trên 50 %"
        (2023, 10, 6, True),
        (2023, 100, 51, True),
    ],
)
def test_ttldtt_share_of_members_with_ldtt(year, total, ldtt, expected):
    subject = collective(year, rec(year, TOT, members=members(total, ldtt)))

    assert expected is met(subject, TTLDTT, "ttldtt.ldtt")


@pytest.mark.parametrize(("disciplined", "expected"), [(0, True), (1, False)])
def test_ttldtt_no_member_disciplined_from_canh_cao(disciplined, expected):
    subject = collective(2024, rec(2024, TOT, members=members(10, 10, disciplined=disciplined)))

    assert expected is eligible(subject, TTLDTT)


def test_ttldtt_unknown_member_counts_cannot_be_shown():
    subject = collective(2024, rec(2024, TOT, members=Members(total=10)))

    assert met(subject, TTLDTT, "ttldtt.ldtt") is False
    assert eligible(collective(2024, rec(2024, TOT)), TTLDTT) is False


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (rec(2024, XS, members=members(10, 7, cstdcs=1)), True),
        (rec(2024, TOT, members=members(10, 7, cstdcs=1)), False),  # not excellent
        (rec(2024, XS, members=members(10, 7, cstdcs=1, completed=9)), False),  # not 100 %
        (rec(2024, XS, members=members(10, 6, cstdcs=1)), False),  # 60 %
        (rec(2024, XS, members=members(10, 7, cstdcs=0)), False),  # no CSTĐCS
        # The 2022 text has no discipline clause for TTLĐXS; the 2013 one had.
        (rec(2024, XS, members=members(10, 7, cstdcs=1, disciplined=1)), True),
        (rec(2023, XS, members=members(10, 7, cstdcs=1, disciplined=1)), False),
    ],
)
def test_ttldxs(record: YearRecord, expected):
    assert expected is eligible(collective(record.year, record), TTLDXS)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (rec(2024, XS, cluster=ClusterLevel.TINH), True),
        (rec(2024, TOT, cluster=ClusterLevel.TINH), False),
        (rec(2024, XS), False),
    ],
)
def test_co_thi_dua_tinh_goes_to_the_leader_of_a_provincial_cluster(record, expected):
    assert expected is eligible(collective(2024, record), CO_TINH)


def lead(launched_by: MovementLauncher, years: int) -> YearRecord:
    return YearRecord(
        year=2024,
        rating=XS,
        movement_leader=MovementLead(launched_by=launched_by, duration_years=years),
    )


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (rec(2024, XS, cluster=ClusterLevel.TINH), True),  # Điều 25.1
        (rec(2024, TOT, cluster=ClusterLevel.TINH), False),
        (rec(2024, TOT, cluster=ClusterLevel.TRUNG_UONG), True),  # Điều 25.2
        (lead(MovementLauncher.THU_TUONG, 5), True),  # Điều 25.3, five years exactly
        (lead(MovementLauncher.THU_TUONG, 4), False),
        (lead(MovementLauncher.TINH, 5), False),
    ],
)
def test_co_thi_dua_chinh_phu_grounds(record, expected):
    assert expected is eligible(collective(2024, record), CO_CP)
