"""CaNhan: people, their unit and their memberships."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from thidua.dataio.tests.workbooks import PEOPLE, UNIT_TREE, import_sheets, problem_lines
from thidua.orgs.models import Membership, Person

pytestmark = pytest.mark.django_db


def test_people_are_created_with_an_open_membership(tmp_path):
    # when
    result = import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": PEOPLE})
    # then
    assert result.ok, problem_lines(result)
    hinh = Person.objects.get(code="CN1")
    assert ("Nguyễn Văn Hinh", date(1980, 9, 5), "nam", "LH", "Chủ tịch UBND phường") == (
        hinh.full_name,
        hinh.birth_date,
        hinh.gender,
        hinh.unit.code,
        hinh.position,
    )
    assert [(m.unit.code, m.start, m.end) for m in Membership.objects.filter(person=hinh)] == [
        ("LH", None, None)
    ]
    search_key, sort_key = hinh.search_key, hinh.sort_key
    hinh.save()
    assert (search_key, sort_key) == (hinh.search_key, hinh.sort_key)


def test_an_excel_date_cell_is_read_as_a_date(tmp_path):
    row = {**PEOPLE[1], "Ngày sinh": date(1990, 2, 28)}

    import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": [row]})

    assert date(1990, 2, 28) == Person.objects.get().birth_date


def test_bad_cells_are_all_reported(tmp_path):
    # given
    row = {**PEOPLE[0], "Ngày sinh": "31/02/1980", "Giới tính": "Khác", "Mã đơn vị": "ZZ"}
    # when
    result = import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": [row]})
    # then
    assert problem_lines(result) == [
        "CaNhan!2 Ngày sinh: ngày 31/02/1980 không tồn tại.",
        "CaNhan!2 Giới tính: “Khác” không phải giới tính; ghi một trong: Nam, Nữ.",
    ]


def test_an_unknown_unit_is_reported(tmp_path):
    result = import_sheets(
        tmp_path, {"DonVi": UNIT_TREE, "CaNhan": [{**PEOPLE[0], "Mã đơn vị": "ZZ"}]}
    )

    assert problem_lines(result) == [
        "CaNhan!2 Mã đơn vị: đơn vị “ZZ” không có trong trang DonVi và chưa có trong hệ thống."
    ]


def test_a_date_that_is_not_a_date_is_reported(tmp_path):
    result = import_sheets(
        tmp_path, {"DonVi": UNIT_TREE, "CaNhan": [{**PEOPLE[0], "Ngày sinh": "1980"}]}
    )

    assert problem_lines(result) == [
        "CaNhan!2 Ngày sinh: “1980” không phải ngày theo dạng dd/mm/yyyy."
    ]


def test_duplicate_person_codes_are_reported(tmp_path):
    result = import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": [PEOPLE[0], PEOPLE[0]]})

    assert problem_lines(result) == ["CaNhan!3 Mã cá nhân: mã cá nhân “CN1” trùng với dòng 2."]


def test_a_new_unit_moves_the_person(tmp_path):
    # given
    import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": PEOPLE})
    # when
    result = import_sheets(tmp_path, {"CaNhan": [{**PEOPLE[0], "Mã đơn vị": "KA"}], "DonVi": []})
    # then
    assert result.counts["CaNhan"].updated == 1
    today = timezone.localdate()
    memberships = Membership.objects.filter(person__code="CN1").order_by("pk")
    assert [(m.unit.code, m.end is None) for m in memberships] == [("LH", False), ("KA", True)]
    assert today == memberships[1].start
    assert Person.objects.get(code="CN1").unit.code == "KA"


def test_reimporting_people_changes_nothing(tmp_path):
    import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": PEOPLE})

    again = import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": PEOPLE})

    assert (
        again.counts["CaNhan"].created,
        again.counts["CaNhan"].updated,
        again.counts["CaNhan"].unchanged,
    ) == (0, 0, 2)
    assert Membership.objects.count() == 2
