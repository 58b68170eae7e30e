"""An officer's import writes only into the units they act for (the browser's guard)."""

from __future__ import annotations

import pytest

from thidua.accounts.tests.factories import officer_of
from thidua.dataio.access import import_guard
from thidua.dataio.tests.workbooks import (
    PEOPLE,
    UNIT_TREE,
    award,
    import_sheets,
    problem_lines,
    write_workbook,
)
from thidua.dataio.workbook import workbook_import
from thidua.orgs.models import Person, Unit

pytestmark = pytest.mark.django_db

DO_SON = {
    "Mã đơn vị": "DS",
    "Tên đơn vị": "Quận Đồ Sơn",
    "Loại đơn vị": "Quận",
    "Mã đơn vị cấp trên": "HP",
}
NOT_MINE = "bạn không phụ trách đơn vị “{}”; chỉ nhập được dữ liệu của Quận Kiến An"


@pytest.fixture
def kien_an_officer(tmp_path):
    """The tree HP > KA > LH and HP > DS, with CN1 in LH and CN2 in KA; an officer of KA."""
    result = import_sheets(tmp_path, {"DonVi": [*UNIT_TREE, DO_SON], "CaNhan": PEOPLE})
    assert result.ok, problem_lines(result)
    return officer_of(Unit.objects.get(code="KA"))


def as_officer(tmp_path, user, sheets):
    path = write_workbook(tmp_path / "officer.xlsx", {"DonVi": [], **sheets})
    return workbook_import(path, guard=import_guard(user))


def test_an_officer_imports_into_their_unit_and_the_units_under_it(tmp_path, kien_an_officer):
    # when
    result = as_officer(tmp_path, kien_an_officer, {"KhenThuong": [award()]})
    # then
    assert result.ok, problem_lines(result)
    assert result.counts["KhenThuong"].created == 1


def test_rows_for_another_units_are_refused_row_by_row_and_nothing_is_written(
    tmp_path, kien_an_officer
):
    # given: a person of Đồ Sơn, then an award to Đồ Sơn and one to Lãm Hà (allowed)
    person = {"Mã cá nhân": "CN9", "Họ và tên": "Lê Văn Tám", "Mã đơn vị": "DS"}
    awards = [
        award(**{"Loại đối tượng": "Tập thể", "Mã đối tượng": "DS", "Mã danh hiệu": "giay_khen"}),
        award(),
    ]
    # when
    result = as_officer(tmp_path, kien_an_officer, {"CaNhan": [person], "KhenThuong": awards})
    # then
    assert [
        "CaNhan!2 Mã đơn vị: " + NOT_MINE.format("DS") + " và các đơn vị trực thuộc.",
        "KhenThuong!2 Mã đối tượng: " + NOT_MINE.format("DS") + " và các đơn vị trực thuộc.",
    ] == problem_lines(result)
    assert not Person.objects.filter(code="CN9").exists()


def test_an_officer_adds_units_under_their_own_but_not_a_new_root(tmp_path, kien_an_officer):
    ward = {"Mã đơn vị": "NS", "Tên đơn vị": "Phường Ngọc Sơn", "Mã đơn vị cấp trên": "KA"}
    group = {"Mã đơn vị": "NS-T1", "Tên đơn vị": "Tổ dân phố 1", "Mã đơn vị cấp trên": "NS"}
    root = {"Mã đơn vị": "TN", "Tên đơn vị": "Tỉnh Thái Nguyên", "Loại đơn vị": "Tỉnh"}
    # when: a child listed before its new parent, under the officer's district
    result = as_officer(tmp_path, kien_an_officer, {"DonVi": [group, ward, root]})
    # then
    assert problem_lines(result) == [
        "DonVi!4 Mã đơn vị cấp trên: chỉ quản trị hệ thống mới thêm được đơn vị cao nhất; "
        "hãy ghi mã đơn vị cấp trên là đơn vị bạn phụ trách."
    ]


def test_rows_that_change_nothing_are_allowed_even_above_the_officers_unit(
    tmp_path, kien_an_officer
):
    # given: the file lists the city and the district as they are, and renames the ward
    renamed = {**UNIT_TREE[2], "Tên đơn vị": "Phường Lãm Hà (mới)"}
    # when
    result = as_officer(tmp_path, kien_an_officer, {"DonVi": [*UNIT_TREE[:2], renamed]})
    # then
    assert result.ok, problem_lines(result)
    assert (
        result.counts["DonVi"].created,
        result.counts["DonVi"].updated,
        result.counts["DonVi"].unchanged,
    ) == (0, 1, 2)


def test_moving_units_or_people_out_of_another_unit_is_refused(tmp_path, kien_an_officer):
    # given: Đồ Sơn moved under Kiến An; a person of Đồ Sơn moved to Lãm Hà
    Person.objects.filter(code="CN2").update(unit=Unit.objects.get(code="DS"))
    moved_unit = {**DO_SON, "Mã đơn vị cấp trên": "KA"}
    moved_person = {**PEOPLE[1], "Mã đơn vị": "LH"}
    # when
    result = as_officer(
        tmp_path, kien_an_officer, {"DonVi": [moved_unit], "CaNhan": [moved_person]}
    )
    # then
    assert [
        "DonVi!2 Mã đơn vị: " + NOT_MINE.format("DS") + " và các đơn vị trực thuộc.",
        "CaNhan!2 Mã cá nhân: " + NOT_MINE.format("DS") + " và các đơn vị trực thuộc.",
    ] == problem_lines(result)


def test_an_administrator_has_no_guard(tmp_path, kien_an_officer, admin_user):
    assert import_guard(admin_user) is None
