"""Text that a spreadsheet would take for a formula is written as text, in both of
openpyxl's modes, and reads back exactly as written."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from thidua.common.documents.xlsx import append_row, print_setup, set_cell
from thidua.dataio.workbook.template import workbook_template

DANGEROUS = ['=HYPERLINK("http://example.invalid","Bấm vào đây")', "+84 912", "-1+1", "@SUM(A1)"]
HIDDEN = ["\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("write_only", [True, False])
def test_formula_like_text_is_written_as_text_and_numbers_stay_numbers(tmp_path, write_only):
    # given
    book = Workbook(write_only=write_only)
    ws = book.create_sheet("a") if write_only else book.active
    row = [*DANGEROUS, *HIDDEN, -5, -2.5, "Nguyễn Văn A", None]
    # when
    append_row(ws, row)
    book.save(tmp_path / "x.xlsx")
    # then
    cells = next(load_workbook(tmp_path / "x.xlsx").active.iter_rows())
    assert [c.value for c in cells] == row[:-1]
    assert [c.data_type for c in cells] == ["s"] * 6 + ["n", "n", "s"]
    assert all(c.quotePrefix for c in cells[:6])
    assert not any(c.quotePrefix for c in cells[6:])


def test_a_single_cell_keeps_its_text(tmp_path):
    book = Workbook()

    set_cell(book.active, row=2, column=3, value="=1+1")
    book.save(tmp_path / "x.xlsx")

    cell = load_workbook(tmp_path / "x.xlsx").active["C2"]
    assert (cell.value, cell.data_type) == ("=1+1", "s")


@pytest.mark.parametrize(("columns", "orientation"), [(10, "landscape"), (4, "portrait")])
def test_a_sheet_prints_fitted_to_the_page_width_with_its_header_repeated(
    tmp_path, columns, orientation
):
    book = Workbook(write_only=True)
    ws = book.create_sheet("a")
    print_setup(ws, columns=columns, header_rows=1)
    for n in range(200):
        append_row(ws, [f"dòng {n}"] * columns)
    book.save(tmp_path / "a.xlsx")

    sheet = load_workbook(tmp_path / "a.xlsx").worksheets[0]
    assert sheet.page_setup.orientation == orientation
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.paperSize == 9  # A4 in the OOXML list of paper sizes


def test_the_import_template_sheets_print_with_the_rows_above_their_panes(tmp_path):
    workbook_template(tmp_path / "mau.xlsx")

    sheets = load_workbook(tmp_path / "mau.xlsx").worksheets
    assert all(s.sheet_properties.pageSetUpPr.fitToPage for s in sheets)
    assert all(s.page_setup.fitToWidth == 1 for s in sheets)
    wide = [s for s in sheets if s.max_column > 6]
    assert wide
    assert all(s.page_setup.orientation == "landscape" for s in wide)
