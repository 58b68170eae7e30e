"""What is wrong with a workbook, located as Excel shows it: ``KhenThuong!14 Ngày quyết định``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing to fix. ``row`` and ``column`` are empty for a problem of the whole file or
    sheet (not an .xlsx file, a missing sheet)."""

    sheet: str
    message: str
    row: int | None = None
    column: str = ""

    def __str__(self) -> str:
        where = self.sheet if self.row is None else f"{self.sheet}!{self.row}"
        if self.column:
            where = f"{where} {self.column}"
        return f"{where}: {self.message}"


class WorkbookRefused(Exception):  # noqa: N818 -- a refusal, not a programming error
    """The file cannot be read as the contract's workbook (not .xlsx, a sheet or header
    missing): nothing of it is checked further."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
