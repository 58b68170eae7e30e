"""How the workbook looks, shared by the export and the template."""

from __future__ import annotations

from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from thidua.dataio.workbook.base import Sheet

DATE_FORMAT = "DD/MM/YYYY"
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")


def set_widths(ws: Any, sheet: type[Sheet[Any]]) -> None:
    for i, column in enumerate(sheet.columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = column.width


def header_cells(ws: Any, sheet: type[Sheet[Any]]) -> list[WriteOnlyCell]:
    cells = []
    for column in sheet.columns:
        cell = WriteOnlyCell(ws, value=column.header)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cells.append(cell)
    return cells
