"""The summary report as an Excel sheet: the same title, paragraph and table as the page."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from thidua.common.documents.xlsx import append_row, book_print_setup
from thidua.core.reports import scope_phrase
from thidua.reports.selectors import Report

THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
WIDTHS = {"A": 6, "B": 48, "C": 22, "D": 13, "E": 13, "F": 12, "G": 12}
NUMBER = "#,##0"


def report_xlsx(report: Report, dest: str | Path | IO[bytes]) -> None:
    year = report.year
    book = Workbook()
    ws = book.active
    ws.title = f"BaoCao{year}"
    for letter, width in WIDTHS.items():
        ws.column_dimensions[letter].width = width
    append_row(ws, [f"Kết quả khen thưởng năm {year} của {scope_phrase(report.scope.name)}"])
    ws["A1"].font = Font(bold=True, size=14)
    append_row(ws, [report.summary.text])
    ws.merge_cells("A2:G2")
    ws["A2"].alignment = WRAP
    ws.row_dimensions[2].height = max(30, 15 * (len(report.summary.text) // 110 + 1))
    append_row(ws, [])
    headers = [
        "TT",
        "Danh hiệu thi đua, hình thức khen thưởng",
        "Loại",
        "Đối tượng",
        f"Năm {year}",
        f"Năm {year - 1}",
        "Tăng, giảm",
    ]
    append_row(ws, headers)
    for cell in ws[ws.max_row]:
        cell.font, cell.border, cell.alignment = Font(bold=True), GRID, WRAP
    for i, r in enumerate(report.rows, start=1):
        append_row(ws, [i, r.name, r.kind_label, r.recipient_label, r.now, r.before, r.change])
        _style(ws)
    append_row(
        ws,
        [
            "",
            "Tổng cộng",
            "",
            "",
            report.total_now,
            report.total_before,
            report.total_now - report.total_before,
        ],
    )
    _style(ws, bold=True)
    append_row(ws, [])
    append_row(ws, [report.comparison])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=7)
    ws.cell(row=ws.max_row, column=1).alignment = WRAP
    ws.row_dimensions[ws.max_row].height = 45
    ws.freeze_panes = "A5"
    book_print_setup(book)
    book.save(dest)


def _style(ws: object, *, bold: bool = False) -> None:
    for cell in ws[ws.max_row]:  # type: ignore[index,attr-defined]
        cell.border = GRID
        cell.font = Font(bold=bold)
        if isinstance(cell.value, int):
            cell.number_format = NUMBER
