"""Clusters year to year: members carry over, changes are recorded, leaders rotate."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from thidua.common.errors import DomainError
from thidua.emulation.choices import ClusterChangeKind, MemberRole, RotationPolicy
from thidua.emulation.selectors import cluster_leader_history
from thidua.emulation.services import cluster_leaders_set, cluster_year_create
from thidua.orgs.services import unit_create, unit_merge

pytestmark = pytest.mark.django_db


def roles(cluster) -> dict[str, str]:
    return {m.role: m.unit.code for m in cluster.members.exclude(role=MemberRole.MEMBER)}


def test_next_year_keeps_the_members_and_the_deputy_becomes_leader(year):
    # when
    nxt = cluster_year_create(previous=year.cluster, by=year.officers["KA"])
    # then
    assert nxt.year == 2026
    assert nxt.previous == year.cluster
    assert [m.unit.code for m in nxt.members.order_by("order")] == [
        "HP-KA-NS",
        "HP-KA-TTN",
        "HP-KA-VD",
        "HP-KA-BS",
    ]
    assert roles(nxt) == {MemberRole.LEADER: "HP-KA-VD", MemberRole.DEPUTY: "HP-KA-BS"}
    assert nxt.changes.filter(
        kind=ClusterChangeKind.LEADER, note="Cụm phó năm trước làm cụm trưởng"
    ).exists()


def test_the_leader_history_lists_every_year(year):
    nxt = cluster_year_create(previous=year.cluster, by=year.officers["KA"])

    history = cluster_leader_history(cluster=nxt)

    assert [
        (h.year, h.leader and h.leader.unit.code, h.deputy and h.deputy.unit.code) for h in history
    ] == [
        (2026, "HP-KA-VD", "HP-KA-BS"),
        (2025, "HP-KA-TTN", "HP-KA-VD"),
    ]


def test_a_merged_member_is_replaced_by_its_successor_and_the_change_recorded(year):
    # given: two wards merge before the new year
    merged = unit_merge(
        predecessors=[year.ward("NS"), year.ward("BS")],
        code="HP-KA-NEW",
        name="Phường Kiến An Mới",
        effective_date=date(2026, 1, 1),
    )
    # when
    nxt = cluster_year_create(previous=year.cluster, by=year.officers["KA"])
    # then
    codes = [m.unit.code for m in nxt.members.order_by("order")]
    assert codes == ["HP-KA-NEW", "HP-KA-TTN", "HP-KA-VD"]
    notes = set(nxt.changes.values_list("kind", "unit__code", "note"))
    assert (ClusterChangeKind.LEFT, "HP-KA-NS", f"Đã sáp nhập vào {merged.name}") in notes
    assert (ClusterChangeKind.JOINED, "HP-KA-NEW", "Kế thừa Phường Ngọc Sơn") in notes


def test_members_added_and_removed_by_the_organiser(year):
    extra = unit_create(code="HP-KA-LH", name="Phường Lãm Hà", kind="xa", parent=year.district)

    nxt = cluster_year_create(
        previous=year.cluster, by=year.officers["KA"], add=[extra], remove=[year.ward("NS")]
    )

    assert [m.unit.code for m in nxt.members.order_by("order")][-1] == "HP-KA-LH"
    assert not nxt.members.filter(unit=year.ward("NS")).exists()


def test_an_election_cluster_waits_for_the_result_then_records_it(year):
    year.cluster.rotation_policy = RotationPolicy.ELECTION
    year.cluster.save()

    nxt = cluster_year_create(previous=year.cluster, by=year.officers["KA"])
    assert roles(nxt) == {}

    cluster_leaders_set(
        cluster=nxt,
        leader=year.ward("BS"),
        deputy=year.ward("NS"),
        by=year.officers["KA"],
        reason="Bầu tại hội nghị tổng kết ngày 15/01/2026",
    )
    assert roles(nxt) == {MemberRole.LEADER: "HP-KA-BS", MemberRole.DEPUTY: "HP-KA-NS"}


def test_a_ward_officer_cannot_form_next_years_cluster(year):
    with pytest.raises(PermissionDenied):
        cluster_year_create(previous=year.cluster, by=year.officers["NS"])


def test_a_year_is_created_once(year):
    cluster_year_create(previous=year.cluster, by=year.officers["KA"])

    with pytest.raises(DomainError, match="đã có danh sách thành viên năm 2026"):
        cluster_year_create(previous=year.cluster, by=year.officers["KA"])
