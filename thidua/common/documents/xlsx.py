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
