"""Files the import refuses as a whole, and the layout it accepts."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from thidua.dataio.tests.workbooks import UNIT_TREE, import_sheets, problem_lines, write_workbook
from thidua.dataio.workbook import workbook_import
from thidua.orgs.models import Unit

pytestmark = pytest.mark.django_db


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path):
    # given
    path = tmp_path / "danh-sach.xlsx"
    path.write_text("Mã đơn vị;Tên đơn vị\nHP;Hải Phòng\n", encoding="utf-8")
    # when
    result = workbook_import(path)
    # then
    assert problem_lines(result) == [
        "Tệp: “danh-sach.xlsx” không phải sổ Excel .xlsx; hãy lưu tệp dưới dạng Excel "
        "Workbook (.xlsx)."
    ]


def test_an_old_xls_file_is_refused(tmp_path):
    path = tmp_path / "cu.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)

    assert "không phải sổ Excel .xlsx" in problem_lines(workbook_import(path))[0]


def test_a_missing_file_is_named(tmp_path):
    assert problem_lines(workbook_import(tmp_path / "khong-co.xlsx")) == [
        "Tệp: không tìm thấy tệp “khong-co.xlsx”."
    ]


def test_the_units_sheet_is_required(tmp_path):
    # given: people only
    path = write_workbook(tmp_path / "x.xlsx", {"CaNhan": []})
    # when
    result = workbook_import(path)
    # then
    assert problem_lines(result) == ["DonVi: thiếu trang bắt buộc DonVi."]


def test_a_misspelt_sheet_name_gets_a_hint(tmp_path):
    book = Workbook()
    book.active.title = "Don Vi"
    book.save(tmp_path / "x.xlsx")

    assert "có trang “Don Vi”" in problem_lines(workbook_import(tmp_path / "x.xlsx"))[0]


def test_every_missing_header_of_a_present_sheet_is_reported(tmp_path):
    # given: CaNhan without "Ngày sinh" and with "Ho va ten" unaccented
    headers = {"CaNhan": ["Mã cá nhân", "Ho va ten", "Giới tính", "Mã đơn vị", "Chức vụ"]}
    path = write_workbook(tmp_path / "x.xlsx", {"DonVi": UNIT_TREE, "CaNhan": []}, headers=headers)
    # when
    result = workbook_import(path)
    # then
    assert problem_lines(result) == [
        "CaNhan!1 Họ và tên: thiếu cột này ở dòng 1 (có cột “Ho va ten”: tiêu đề phải ghi "
        "đúng “Họ và tên”).",
        "CaNhan!1 Ngày sinh: thiếu cột này ở dòng 1.",
    ]
    assert not Unit.objects.exists()


def test_sheets_in_any_order_with_extra_columns_and_blank_rows_are_read(tmp_path):
    # given
    book = Workbook()
    notes = book.active
    notes.title = "Ghi chú"
    ws = book.create_sheet("DonVi")
    ws.append(["Ghi chú", "Mã đơn vị cấp trên", "Loại đơn vị", "Tên đơn vị", "Mã đơn vị"])
    ws.append(["gốc", None, "Tỉnh", "Tỉnh Thái Bình", "TB"])
    ws.append([None, None, None, None, None])
    ws.append([None, "   ", None, None, None])
    ws.append([None, "TB", "Huyện", "Huyện Vũ Thư", "VT"])
    book.save(tmp_path / "x.xlsx")
    # when
    result = workbook_import(tmp_path / "x.xlsx")
    # then
    assert result.ok, problem_lines(result)
    assert [u.name for u in Unit.objects.order_by("path")] == ["Tỉnh Thái Bình", "Huyện Vũ Thư"]


def test_a_wrong_dimension_tag_does_not_cut_the_rows(tmp_path):
    # given: a writer that left <dimension ref="A1"/>, as some tools do
    import zipfile

    path = write_workbook(tmp_path / "x.xlsx", {"DonVi": UNIT_TREE})
    fixed = tmp_path / "dim.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(fixed, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b'<dimension ref="A1:D4"/>', b'<dimension ref="A1"/>')
            dst.writestr(item, data)
    # when
    result = workbook_import(fixed)
    # then
    assert result.counts["DonVi"].created == 3


def test_rows_are_reported_in_sheet_then_row_order(tmp_path):
    result = import_sheets(
        tmp_path,
        {
            "KhenThuong": [{"Năm": "x"}],
            "DonVi": [{"Mã đơn vị": "A"}, {"Tên đơn vị": "B"}],
        },
    )

    assert sorted({p.split(" ")[0] for p in problem_lines(result)}) == [
        "DonVi!2",
        "DonVi!3",
        "KhenThuong!2",
    ]
