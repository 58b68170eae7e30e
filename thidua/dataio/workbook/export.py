"""``workbook_export``: the same sheets, written from the database (write-only, streamed);
dates are Excel dates shown as dd/mm/yyyy."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from thidua.common.documents.xlsx import append_row, print_setup
from thidua.dataio.workbook.scope import ExportScope
from thidua.dataio.workbook.sheets import SHEETS
from thidua.dataio.workbook.styles import DATE_FORMAT, header_cells, set_widths


def workbook_export(
    dest: str | Path | IO[bytes],
    *,
    unit_code: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> dict[str, int]:
    """Write the workbook; the number of rows per sheet. ``DomainError`` for an unknown unit."""
    scope = ExportScope.build(unit_code=unit_code, year_from=year_from, year_to=year_to)
    book = Workbook(write_only=True)
    written: dict[str, int] = {}
    for spec in SHEETS:
        ws = book.create_sheet(spec.name)
        set_widths(ws, spec)
        ws.freeze_panes = "A2"
        print_setup(ws, columns=len(spec.columns), header_rows=1)
        ws.append(header_cells(ws, spec))
        dates = [i for i, c in enumerate(spec.columns) if c.kind == "date"]
        count = 0
        for row in spec().export(scope):
            append_row(ws, _with_dates(ws, row, dates) if dates else row)
            count += 1
        written[spec.name] = count
    book.save(dest)
    return written


def _with_dates(ws: Any, row: tuple[Any, ...], dates: list[int]) -> list[Any]:
    out = list(row)
    for i in dates:
        if isinstance(out[i], date):
            cell = WriteOnlyCell(ws, value=out[i])
            cell.number_format = DATE_FORMAT
            out[i] = cell
    return out
