"""CumKhoi: members per cluster and year, one leader and one deputy at most."""

from __future__ import annotations

import pytest

from thidua.dataio.tests.workbooks import UNIT_TREE, import_sheets, problem_lines
from thidua.emulation.models import Cluster, ClusterMember

pytestmark = pytest.mark.django_db


def member(unit, role="Thành viên", year=2024, code="K1", name="Khối các quận", kind="Khối"):
    return {
        "Năm": year,
        "Mã cụm khối": code,
        "Tên cụm khối": name,
        "Loại": kind,
        "Mã đơn vị": unit,
        "Vai trò": role,
    }


def test_clusters_and_members_are_created(tmp_path):
    # when
    result = import_sheets(
        tmp_path,
        {"DonVi": UNIT_TREE, "CumKhoi": [member("KA", "Khối trưởng"), member("LH", "Khối phó")]},
    )
    # then
    assert result.ok, problem_lines(result)
    cluster = Cluster.objects.get()
    assert (
        cluster.code,
        cluster.year,
        cluster.kind,
        cluster.name,
    ) == ("K1", 2024, "khoi", "Khối các quận")
    assert {("KA", "leader"), ("LH", "deputy")} == {
        (m.unit.code, m.role) for m in ClusterMember.objects.all()
    }


def test_two_leaders_of_one_cluster_in_one_year_are_reported(tmp_path):
    rows = [
        member("KA", "Khối trưởng"),
        member("LH", "Khối trưởng"),
        member("HP", "Khối trưởng", year=2023),
    ]

    result = import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CumKhoi": rows})

    message = (
        "Vai trò: cụm, khối “K1” năm 2024 có nhiều hơn một khối trưởng (KA, LH); "
        "mỗi cụm, khối chỉ có một khối trưởng."
    )
    assert [f"CumKhoi!2 {message}", f"CumKhoi!3 {message}"] == problem_lines(result)
    assert not Cluster.objects.exists()


def test_a_leader_already_recorded_counts(tmp_path):
    # given
    import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CumKhoi": [member("KA", "Khối trưởng")]})
    # when: another leader, KA not mentioned
    result = import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CumKhoi": [member("LH", "Khối trưởng")]})
    # then
    assert [p.split(":")[0] for p in problem_lines(result)] == ["CumKhoi!2 Vai trò"]


def test_the_leader_can_pass_to_another_member(tmp_path):
    # given
    import_sheets(
        tmp_path,
        {"DonVi": UNIT_TREE, "CumKhoi": [member("KA", "Khối trưởng"), member("LH", "Khối phó")]},
    )
    # when
    result = import_sheets(
        tmp_path,
        {"DonVi": UNIT_TREE, "CumKhoi": [member("KA", "Khối phó"), member("LH", "Khối trưởng")]},
    )
    # then
    assert result.ok, problem_lines(result)
    assert result.counts["CumKhoi"].updated == 2
    assert {("KA", "deputy"), ("LH", "leader")} == {
        (m.unit.code, m.role) for m in ClusterMember.objects.all()
    }


def test_rows_of_one_cluster_must_agree_on_its_name(tmp_path):
    rows = [member("KA"), member("LH", name="Khối khác")]

    result = import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CumKhoi": rows})

    assert problem_lines(result) == [
        "CumKhoi!3 Tên cụm khối: cụm, khối “K1” năm 2024 đã ghi ở dòng 2 với tên "
        "“Khối các quận”, loại Khối."
    ]


def test_bad_years_kinds_and_roles_are_reported(tmp_path):
    rows = [member("KA", role="Chủ tịch", year="năm 2024", kind="Nhóm")]

    result = import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CumKhoi": rows})

    assert problem_lines(result) == [
        "CumKhoi!2 Năm: “năm 2024” không phải năm (từ 1945 đến 2100).",
        "CumKhoi!2 Loại: “Nhóm” không phải loại cụm, khối; ghi một trong: Cụm, Khối, "
        "Cụm thi đua, Khối thi đua.",
        "CumKhoi!2 Vai trò: “Chủ tịch” không phải vai trò trong cụm, khối; ghi một trong: "
        "Cụm trưởng, Khối trưởng, Cụm phó, Khối phó, Thành viên.",
    ]


def test_reimporting_clusters_changes_nothing(tmp_path):
    sheets = {"DonVi": UNIT_TREE, "CumKhoi": [member("KA", "Khối trưởng"), member("LH")]}
    import_sheets(tmp_path, sheets)

    again = import_sheets(tmp_path, sheets)

    assert (
        again.counts["CumKhoi"].created,
        again.counts["CumKhoi"].updated,
        again.counts["CumKhoi"].unchanged,
    ) == (0, 0, 2)
