"""DonVi: the unit tree, checked whole before anything is written."""

from __future__ import annotations

import unicodedata

import pytest

from thidua.dataio.tests.workbooks import UNIT_TREE, import_sheets, problem_lines
from thidua.dataio.workbook.sheets.units import unit_kind
from thidua.orgs.models import Unit
from thidua.orgs.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def unit(code, name, parent=None, kind=None):
    return {
        "Mã đơn vị": code,
        "Tên đơn vị": name,
        "Loại đơn vị": kind,
        "Mã đơn vị cấp trên": parent,
    }


def test_units_are_created_with_the_tree_path_as_save_computes_it(tmp_path):
    # given: the child listed before its parent
    rows = [UNIT_TREE[2], UNIT_TREE[0], UNIT_TREE[1]]
    # when
    result = import_sheets(tmp_path, {"DonVi": rows})
    # then
    assert result.ok, problem_lines(result)
    hp, ka, lh = (Unit.objects.get(code=c) for c in ("HP", "KA", "LH"))
    assert (f"/{hp.pk}/{ka.pk}/{lh.pk}/", 2, ka) == (lh.path, lh.depth, lh.parent)
    keys = (lh.search_key, lh.sort_key)
    lh.save()
    assert (lh.search_key, lh.sort_key) == keys


@pytest.mark.parametrize(
    ("label", "is_root", "expected"),
    [
        ("Tỉnh", True, "tinh"),
        ("Thành phố", True, "tinh"),
        ("Thành phố", False, "huyen"),
        ("Thành phố trực thuộc Trung ương", False, "tinh"),
        ("Thành phố thuộc tỉnh", False, "huyen"),
        ("Quận", False, "huyen"),
        ("Huyện", False, "huyen"),
        ("Thị xã", False, "huyen"),
        ("Phường", False, "xa"),
        ("Xã", False, "xa"),
        ("Thị trấn", False, "xa"),
        ("Sở", False, "so"),
        ("Ban", False, "so"),
        ("Ngành", False, "so"),
        ("Bộ", True, "bo"),
        ("Trường học", False, "truong_hoc"),
        ("Trường THCS", False, "truong_hoc"),
        ("Doanh nghiệp", False, "doanh_nghiep"),
        ("Công ty TNHH", False, "doanh_nghiep"),
        ("Phòng", False, "phong_ban"),
        ("Hội Nông dân", False, "khac"),
        ("", False, "khac"),
    ],
)
def test_the_free_text_kind_names_a_unit_kind(label, is_root, expected):
    assert expected == unit_kind(label, is_root=is_root)


def test_the_kind_text_is_kept_as_written(tmp_path):
    import_sheets(tmp_path, {"DonVi": [unit("HP", "Hải Phòng", kind="Thành phố")]})

    hp = Unit.objects.get()
    assert (hp.kind, hp.kind_label) == ("tinh", "Thành phố")


def test_a_parent_that_exists_nowhere_is_reported(tmp_path):
    result = import_sheets(tmp_path, {"DonVi": [unit("KA", "Quận Kiến An", parent="HPX")]})

    assert problem_lines(result) == [
        "DonVi!2 Mã đơn vị cấp trên: đơn vị cấp trên “HPX” không có trong trang DonVi và chưa "
        "có trong hệ thống."
    ]
    assert not Unit.objects.exists()


def test_a_parent_already_in_the_database_is_used(tmp_path):
    # given
    hp = UnitFactory.create(code="HP")
    # when
    result = import_sheets(tmp_path, {"DonVi": [unit("KA", "Quận Kiến An", parent="HP")]})
    # then
    assert result.ok
    assert f"{hp.path}{Unit.objects.get(code='KA').pk}/" == Unit.objects.get(code="KA").path


def test_a_cycle_in_the_sheet_is_reported_once(tmp_path):
    rows = [unit("A", "Đơn vị A", "C"), unit("B", "Đơn vị B", "A"), unit("C", "Đơn vị C", "B")]

    result = import_sheets(tmp_path, {"DonVi": rows})

    assert problem_lines(result) == [
        "DonVi!2 Mã đơn vị cấp trên: cây đơn vị có vòng lặp: A → C → B → A."
    ]


def test_a_unit_cannot_be_its_own_parent(tmp_path):
    result = import_sheets(tmp_path, {"DonVi": [unit("A", "Đơn vị A", "A")]})

    assert problem_lines(result) == ["DonVi!2 Mã đơn vị cấp trên: cây đơn vị có vòng lặp: A → A."]


def test_a_cycle_through_the_database_is_reported(tmp_path):
    # given: A above B in the database
    a = UnitFactory.create(code="A")
    UnitFactory.create(code="B", parent=a)
    # when: A is put under B
    result = import_sheets(tmp_path, {"DonVi": [unit("A", "Đơn vị A", "B")]})
    # then
    assert problem_lines(result) == [
        "DonVi!2 Mã đơn vị cấp trên: cây đơn vị có vòng lặp: A → B → A."
    ]


def test_duplicate_codes_are_reported_with_the_first_row(tmp_path):
    rows = [unit("A", "Đơn vị A"), unit("B", "Đơn vị B"), unit("A", "Đơn vị A khác")]

    result = import_sheets(tmp_path, {"DonVi": rows})

    assert problem_lines(result) == ["DonVi!4 Mã đơn vị: mã đơn vị “A” trùng với dòng 2."]


def test_required_cells_are_reported(tmp_path):
    result = import_sheets(tmp_path, {"DonVi": [{"Loại đơn vị": "Xã"}]})

    assert problem_lines(result) == [
        "DonVi!2 Mã đơn vị: cần ghi mã đơn vị.",
        "DonVi!2 Tên đơn vị: cần ghi tên đơn vị.",
    ]


def test_nfd_text_and_stray_spaces_are_normalised(tmp_path):
    # given: decomposed Vietnamese, doubled and trailing spaces
    name = unicodedata.normalize("NFD", "  Phường   Lãm Hà ")
    # when
    import_sheets(tmp_path, {"DonVi": [unit(" LH ", name, kind=" Phường ")]})
    # then
    lh = Unit.objects.get()
    assert (lh.code, lh.name, lh.kind_label) == ("LH", "Phường Lãm Hà", "Phường")
    assert unicodedata.is_normalized("NFC", lh.name)


def test_reimporting_changes_nothing_and_a_change_is_an_update(tmp_path):
    # given
    import_sheets(tmp_path, {"DonVi": UNIT_TREE})
    # when
    again = import_sheets(tmp_path, {"DonVi": UNIT_TREE})
    moved = import_sheets(
        tmp_path, {"DonVi": [*UNIT_TREE[:2], {**UNIT_TREE[2], "Mã đơn vị cấp trên": "HP"}]}
    )
    # then
    assert (
        again.counts["DonVi"].created,
        again.counts["DonVi"].updated,
        again.counts["DonVi"].unchanged,
    ) == (0, 0, 3)
    assert (
        moved.counts["DonVi"].created,
        moved.counts["DonVi"].updated,
        moved.counts["DonVi"].unchanged,
    ) == (0, 1, 2)
    hp, lh = Unit.objects.get(code="HP"), Unit.objects.get(code="LH")
    assert (f"{hp.path}{lh.pk}/", 1) == (lh.path, lh.depth)


def test_moving_a_unit_carries_its_subtree_paths(tmp_path):
    # given: HP > KA > LH, and a second root
    import_sheets(tmp_path, {"DonVi": [*UNIT_TREE, unit("TB", "Tỉnh Thái Bình", kind="Tỉnh")]})
    # when: KA moves under TB
    import_sheets(tmp_path, {"DonVi": [{**UNIT_TREE[1], "Mã đơn vị cấp trên": "TB"}]})
    # then
    tb, ka, lh = (Unit.objects.get(code=c) for c in ("TB", "KA", "LH"))
    assert (f"/{tb.pk}/{ka.pk}/{lh.pk}/", 2) == (lh.path, lh.depth)


def test_a_unit_kind_set_in_the_system_survives_a_reimport_of_its_text(tmp_path):
    # given: a unit whose kind the text would not give
    UnitFactory.create(
        code="TT", name="Trung tâm Y tế", kind="don_vi_truc_thuoc_bo", kind_label="Trung tâm"
    )
    # when
    result = import_sheets(tmp_path, {"DonVi": [unit("TT", "Trung tâm Y tế", kind="Trung tâm")]})
    # then
    assert result.counts["DonVi"].unchanged == 1
    assert Unit.objects.get().kind == "don_vi_truc_thuoc_bo"
