"""Building small workbooks for the tests: rows as ``{header: value}``, headers from the
sheet specs unless a test gives its own."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from django.core.management import call_command
from openpyxl import Workbook, load_workbook

from thidua.dataio.workbook import ImportResult, workbook_import
from thidua.dataio.workbook.sheets import SHEETS

SPECS = {s.name: s for s in SHEETS}
Rows = Sequence[dict[str, Any]]
Sheets = Mapping[str, Rows]


def write_workbook(
    path: Path, sheets: Sheets, *, headers: dict[str, list[str]] | None = None
) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        columns = (headers or {}).get(name) or list(SPECS[name].headers())
        ws.append(columns)
        for row in rows:
            unknown = set(row) - set(columns)
            assert not unknown, f"no such column in {name}: {unknown}"
            ws.append([row.get(c) for c in columns])
    book.save(path)
    return path


def import_sheets(tmp_path: Path, sheets: Sheets, **options: Any) -> ImportResult:
    return workbook_import(write_workbook(tmp_path / "in.xlsx", sheets), **options)


def problem_lines(result: ImportResult) -> list[str]:
    return [str(p) for p in result.problems]


def read_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Each sheet's rows, padded to the width of its header row."""
    book = load_workbook(path, read_only=True)
    rows = {}
    for ws in book.worksheets:
        values = list(ws.iter_rows(values_only=True))
        width = len(values[0]) if values else 0
        rows[ws.title] = [tuple(v) + (None,) * (width - len(v)) for v in values]
    book.close()
    return rows


def export_rows(path: Path, *args: str) -> dict[str, list[tuple[Any, ...]]]:
    call_command("export", "workbook", str(path), *args, stdout=open("/dev/null", "w"))  # noqa: SIM115
    return read_rows(path)


UNIT_TREE: list[dict[str, Any]] = [
    {"Mã đơn vị": "HP", "Tên đơn vị": "Thành phố Hải Phòng", "Loại đơn vị": "Thành phố"},
    {
        "Mã đơn vị": "KA",
        "Tên đơn vị": "Quận Kiến An",
        "Loại đơn vị": "Quận",
        "Mã đơn vị cấp trên": "HP",
    },
    {
        "Mã đơn vị": "LH",
        "Tên đơn vị": "Phường Lãm Hà",
        "Loại đơn vị": "Phường",
        "Mã đơn vị cấp trên": "KA",
    },
]
PEOPLE: list[dict[str, Any]] = [
    {
        "Mã cá nhân": "CN1",
        "Họ và tên": "Nguyễn Văn Hinh",
        "Ngày sinh": "05/09/1980",
        "Giới tính": "Nam",
        "Mã đơn vị": "LH",
        "Chức vụ": "Chủ tịch UBND phường",
    },
    {"Mã cá nhân": "CN2", "Họ và tên": "Trần Thị Lan", "Giới tính": "Nữ", "Mã đơn vị": "KA"},
]


def award(**values: Any) -> dict[str, Any]:
    """A KhenThuong row: Lao động tiên tiến 2023 for CN1 unless told otherwise."""
    row = {
        "Năm": 2023,
        "Mã danh hiệu": "lao_dong_tien_tien",
        "Loại đối tượng": "Cá nhân",
        "Mã đối tượng": "CN1",
        "Số quyết định": "12/QĐ-UBND",
        "Ngày quyết định": "15/01/2024",
        "Cơ quan quyết định": "UBND quận Kiến An",
    }
    row.update(values)
    return row
