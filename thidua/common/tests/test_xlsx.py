"""Text that a spreadsheet would take for a formula is written as text, in both of
openpyxl's modes, and reads back exactly as written."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from thidua.common.documents.xlsx import append_row, set_cell

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
