"""The ranking as an Excel workbook: exactly the rows the page shows."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from thidua.common.documents.xlsx import append_row, book_print_setup
from thidua.emulation.selectors import RankingView

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADERS = (
    ("Hạng", 7),
    ("Thứ tự", 7),
    ("Đơn vị", 34),
    ("Điểm tự chấm", 12),
    ("Điểm thẩm định", 14),
    ("Số đơn vị chấm", 10),
    ("Chênh lệch", 10),
    ("Chênh lệch vượt mức", 12),
    ("Căn cứ xếp khi bằng điểm", 36),
    ("Đề nghị khen thưởng", 32),
    ("Căn cứ đề nghị", 32),
)


def ranking_xlsx(view: RankingView) -> bytes:
    cluster = view.covenant.cluster
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has its first sheet
    sheet.title = f"Xếp hạng {cluster.year}"
    state = "đã công bố" if view.published else "tạm tính, chưa công bố"
    append_row(sheet, [f"{cluster.name} – kết quả xếp hạng thi đua năm {cluster.year} ({state})"])
    append_row(sheet, [f"Tổng điểm tối đa theo giao ước: {view.maximum}"])
    append_row(sheet, [h for h, _ in HEADERS])
    for r in view.rows:
        append_row(
            sheet,
            [
                r.rank,
                r.position,
                r.unit.name,
                r.self_total,
                r.final_total,
                r.reviews,
                r.spread,
                "Có" if r.disagreement else "",
                r.tie_break,
                r.award,
                r.basis,
            ],
        )
    sheet["A1"].font = Font(bold=True, size=13)
    for i, (_, width) in enumerate(HEADERS, start=1):
        cell = sheet.cell(row=3, column=i)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DCE6F1")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(i)].width = width
    for row in sheet.iter_rows(min_row=4, min_col=4, max_col=7):
        for cell in row:
            cell.number_format = "0.00"
    sheet.freeze_panes = "A4"
    book_print_setup(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
