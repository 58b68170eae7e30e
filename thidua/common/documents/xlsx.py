"""Every cell the app writes to an Excel workbook goes through here, so that text a person
or an import put in the database cannot become a live formula in someone else's spreadsheet
(CSV/formula injection: a name ``=HYPERLINK(…)`` would run when the file is opened).

openpyxl takes any string that starts with ``=`` for a formula; Excel and LibreOffice also
start a formula from ``+``, ``-`` and ``@`` when a cell is edited, and a leading tab or
carriage return hides the rest. Such text is written as a string cell with Excel's quote
prefix (what typing an apostrophe first does): shown and read back exactly as written, never
evaluated, and still text if someone edits the cell. Numbers, negative ones included, stay
numbers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def text_cell(ws: Any, value: str) -> Cell:
    """A cell holding ``value`` as text, whatever it starts with."""
    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def safe_row(ws: Any, values: Iterable[Any]) -> list[Any]:
    """``values`` ready for ``ws.append`` (both write-only and ordinary sheets)."""
    return [text_cell(ws, v) if is_formula_like(v) else v for v in values]


def append_row(ws: Any, values: Iterable[Any]) -> None:
    ws.append(safe_row(ws, values))


def set_cell(ws: Any, *, row: int, column: int, value: Any) -> Any:
    """``ws.cell(row, column, value)`` for an ordinary sheet, text kept as text."""
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


# A sheet wider than this many columns prints across the page (landscape).
PORTRAIT_MAX_COLUMNS = 6


def print_setup(ws: Any, *, columns: int | None = None, header_rows: int | None = None) -> None:
    """Every sheet the app writes prints as its .docx do: A4, as wide as the page (landscape
    where wide), the header rows repeated on each page, fitted to the page width (any number
    of pages down). ``columns`` and ``header_rows`` default to what an ordinary sheet holds
    (its last column, the rows above its frozen panes); a write-only sheet, set up before its
    rows are written, names them."""
    if columns is None:
        columns = ws.max_column
    if header_rows is None:
        frozen = getattr(ws, "freeze_panes", None)
        header_rows = (
            max(int("".join(c for c in frozen if c.isdigit()) or 1) - 1, 1) if frozen else 1
        )
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if columns > PORTRAIT_MAX_COLUMNS else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"1:{header_rows}"
    ws.print_options.horizontalCentered = True
    # The margins of Nghị định 30/2020/NĐ-CP, in inches: 2 cm top and bottom, 3 cm left,
    # 1.5 cm right.
    ws.page_margins.top = ws.page_margins.bottom = 2 / 2.54
    ws.page_margins.left, ws.page_margins.right = 3 / 2.54, 1.5 / 2.54


def book_print_setup(book: Any) -> None:
    """``print_setup`` on every sheet of an ordinary workbook, once its rows are written."""
    for ws in book.worksheets:
        print_setup(ws)
