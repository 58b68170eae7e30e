"""``workbook_template``: every sheet with its headers, drop-down lists where a column takes
fixed words, and two more sheets the import ignores: HuongDan (how to fill each sheet and
column) and DanhMuc (the lists, with the award catalog's codes and names)."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from thidua.common.documents.xlsx import append_row, book_print_setup, set_cell
from thidua.core.catalog import CATALOG
from thidua.dataio.workbook.sheets import SHEETS
from thidua.dataio.workbook.styles import BOLD, DATE_FORMAT, HEADER_FILL, WRAP, set_widths
from thidua.dataio.workbook.vocab import AWARD, Vocabulary

NOTES, LISTS = "HuongDan", "DanhMuc"
LAST_ROW = 100_001  # data validation reaches this far down each column

GENERAL = (
    "Sổ dữ liệu thi đua, khen thưởng: điền các trang rồi nhập bằng lệnh "
    "“thidua import workbook TỆP.xlsx” hoặc trang Nhập dữ liệu.",
    "Trang DonVi là bắt buộc; các trang khác có thể bỏ, nhưng trang nào có thì dòng 1 phải "
    "có đủ các cột tiêu đề, ghi đúng từng chữ như mẫu. Các trang xếp theo thứ tự nào cũng "
    "được; cột thêm và trang HuongDan, DanhMuc được bỏ qua.",
    "Nhập tất cả hoặc không gì: nếu một dòng sai, không dòng nào được ghi; mọi lỗi được "
    "liệt kê theo dạng TRANG!DÒNG CỘT: nội dung lỗi.",
    "Ngày ghi dd/mm/yyyy hoặc để ô kiểu ngày của Excel; năm ghi 4 chữ số. Khoảng trắng thừa "
    "được bỏ, chữ tiếng Việt được chuẩn hóa (NFC).",
    "Nhập lại cùng một tệp không tạo thêm gì: dòng đã có được giữ nguyên hoặc cập nhật.",
)


def workbook_template(dest: str | Path | IO[bytes]) -> None:
    book = Workbook()
    notes = book.active
    notes.title = NOTES
    lists = _lists_sheet(book)
    for spec in SHEETS:
        ws = book.create_sheet(spec.name)
        set_widths(ws, spec)
        ws.freeze_panes = "A2"
        for i, column in enumerate(spec.columns, start=1):
            cell = set_cell(ws, row=1, column=i, value=column.header)
            cell.font, cell.fill = BOLD, HEADER_FILL
            letter = get_column_letter(i)
            if column.kind == "date":
                for row in ws.iter_rows(min_row=2, max_row=200, min_col=i, max_col=i):
                    row[0].number_format = DATE_FORMAT
            if column.choices is not None:
                validation = DataValidation(
                    type="list",
                    formula1=lists[id(column.choices)],
                    allow_blank=True,
                    showErrorMessage=True,
                    errorStyle="warning",
                    errorTitle=column.header,
                    error=f"Chọn một giá trị trong danh sách (xem trang {LISTS}).",
                )
                validation.add(f"{letter}2:{letter}{LAST_ROW}")
                ws.add_data_validation(validation)
    _notes(notes)
    book.move_sheet(LISTS, offset=len(book.sheetnames))
    book_print_setup(book)
    book.save(dest)


def _lists_sheet(book: Workbook) -> dict[int, str]:
    """One column per list; returns each vocabulary's range for a data validation."""
    ws = book.create_sheet(LISTS)
    ranges: dict[int, str] = {}
    vocabularies: dict[int, tuple[str, Vocabulary]] = {}
    for spec in SHEETS:
        for column in spec.columns:
            if column.choices is not None:
                vocabularies.setdefault(id(column.choices), (column.header, column.choices))
    col = 1
    for key, (header, vocabulary) in vocabularies.items():
        words = [a.name for a in CATALOG] if vocabulary is AWARD else vocabulary.all_words
        letter = get_column_letter(col)
        set_cell(ws, row=1, column=col, value=header).font = BOLD
        for row, word in enumerate(words, start=2):
            set_cell(ws, row=row, column=col, value=word)
        ws.column_dimensions[letter].width = max(len(w) for w in words) + 2
        ranges[key] = f"{LISTS}!${letter}$2:${letter}${len(words) + 1}"
        col += 1
    letter = get_column_letter(col)
    set_cell(ws, row=1, column=col, value="Mã danh hiệu (mã)").font = BOLD
    for row, award in enumerate(CATALOG, start=2):
        set_cell(ws, row=row, column=col, value=award.code)
    ws.column_dimensions[letter].width = 32
    return ranges


def _notes(ws: Any) -> None:
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 90
    append_row(ws, ["Hướng dẫn nhập sổ dữ liệu thi đua, khen thưởng"])
    ws["A1"].font = BOLD
    for line in GENERAL:
        append_row(ws, ["", "", line])
    for spec in SHEETS:
        append_row(ws, [])
        required = "Bắt buộc" if spec.required else "Không bắt buộc"
        append_row(ws, [f"Trang {spec.name}", required, spec.title])
        for cell in ws[ws.max_row]:
            cell.font = BOLD
        for line in spec.notes:
            append_row(ws, ["", "", line])
        for column in spec.columns:
            append_row(ws, [column.header, "Bắt buộc" if column.required else "", column.note])
    for row in ws.iter_rows(min_row=2):
        row[2].alignment = WRAP
