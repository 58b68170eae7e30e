"""Step 1, parse: open the file, check its sheets and headers, and stream each sheet's rows
(openpyxl read-only) through the sheet's ``parse``."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from thidua.core.text import fold
from thidua.dataio.workbook.base import Sheet
from thidua.dataio.workbook.cells import Cells, cell_text
from thidua.dataio.workbook.problems import Problem, WorkbookRefused
from thidua.dataio.workbook.progress import Meter
from thidua.dataio.workbook.sheets import SHEETS

FILE = "Tệp"
Source = str | Path | IO[bytes]


@dataclass
class ParsedWorkbook:
    sheets: list[Sheet[Any]]  # the registered sheets present in the file, in registry order
    rows: dict[str, list[Any]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def row_count(self) -> int:
        return sum(len(r) for r in self.rows.values())


def open_workbook(source: Source) -> Any:
    """The workbook, read-only; ``WorkbookRefused`` if it is not an .xlsx file."""
    name = Path(source).name if isinstance(source, str | Path) else "tệp tải lên"
    try:
        return load_workbook(source, read_only=True, data_only=True)
    except FileNotFoundError:
        raise WorkbookRefused([Problem(FILE, f"không tìm thấy tệp “{name}”.")]) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise WorkbookRefused([Problem(FILE, not_xlsx(name))]) from None


def not_xlsx(name: str) -> str:
    return f"“{name}” không phải sổ Excel .xlsx; hãy lưu tệp dưới dạng Excel Workbook (.xlsx)."


def read_workbook(source: Source, *, meter: Meter | None = None) -> ParsedWorkbook:
    """Every row parsed, with every cell problem; ``WorkbookRefused`` when the file, a
    required sheet or a header is missing (nothing is parsed then)."""
    meter = meter or Meter(None)
    book = open_workbook(source)
    try:
        sheets, headers, estimate = _check_layout(book)
        parsed = ParsedWorkbook(sheets=[s() for s in sheets])
        meter.start(0, estimate)
        for sheet in parsed.sheets:
            parsed.rows[sheet.name] = _read_sheet(book, sheet, headers[sheet.name], parsed, meter)
        meter.finish()
        return parsed
    finally:
        book.close()


def _check_layout(
    book: Any,
) -> tuple[list[type[Sheet[Any]]], dict[str, dict[str, int]], int]:
    """The sheets present, their header → column index, and about how many rows."""
    problems: list[Problem] = []
    estimate = 0
    present = {name.strip(): name for name in book.sheetnames}
    folded = {fold(name).replace(" ", ""): name for name in book.sheetnames}
    sheets: list[type[Sheet[Any]]] = []
    headers: dict[str, dict[str, int]] = {}
    for spec in SHEETS:
        if spec.name not in present:
            if spec.required:
                near = folded.get(fold(spec.name))
                hint = f" (có trang “{near}”: tên trang phải là “{spec.name}”)" if near else ""
                problems.append(Problem(spec.name, f"thiếu trang bắt buộc {spec.name}{hint}."))
            continue
        ws = book[present[spec.name]]  # the name as written, spaces and all
        estimate += _rows_below_header(ws)
        # Trust the rows, not the dimension tag some writers leave wrong (it would cut
        # reading short).
        ws.reset_dimensions()
        first = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ())
        index: dict[str, int] = {}
        for i, value in enumerate(first):
            index.setdefault(cell_text(value), i)
        loose = {fold(h): h for h in index}
        for header in spec.headers():
            if header not in index:
                near = loose.get(fold(header))
                hint = f" (có cột “{near}”: tiêu đề phải ghi đúng “{header}”)" if near else ""
                problems.append(Problem(spec.name, f"thiếu cột này ở dòng 1{hint}.", 1, header))
        sheets.append(spec)
        headers[spec.name] = index
    if problems:
        raise WorkbookRefused(problems)
    return sheets, headers, estimate


def _rows_below_header(ws: Any) -> int:
    """About how many rows a sheet has, for the progress bar: its dimension tag, or where the
    writer left none (openpyxl's write-only mode), its ``<row`` tags counted in one pass over
    the sheet's XML (a tenth of a second for 100,000 rows)."""
    if ws.max_row:
        return max(ws.max_row - 1, 0)
    count, tail = 0, b""
    with ws._get_source() as source:
        while chunk := source.read(1 << 20):
            data = tail + chunk
            count += data.count(b"<row")
            tail = data[-3:]  # a tag cut in two is counted once, in the next chunk
    return max(count - 1, 0)


def _read_sheet(
    book: Any, sheet: Sheet[Any], index: dict[str, int], parsed: ParsedWorkbook, meter: Meter
) -> list[Any]:
    ws = _sheet(book, sheet.name)
    rows = []
    parse = sheet.parse
    problems = parsed.problems
    for number, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        meter.tick()
        if not any(v is not None and (not isinstance(v, str) or v.strip()) for v in values):
            continue
        record = parse(Cells(sheet.name, number, values, index, problems))
        if record is not None:
            rows.append(record)
    return rows


def _sheet(book: Any, name: str) -> Any:
    return next(book[n] for n in book.sheetnames if n.strip() == name)
