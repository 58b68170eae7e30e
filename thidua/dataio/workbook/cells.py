"""Reading one row's cells: text trimmed and in NFC, years, dates, small numbers and coded
words. Each reader records a located problem and returns ``None`` when the cell is wrong,
so a row reports every bad cell at once."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any

from thidua.common.params import YEAR_MAX, YEAR_MIN
from thidua.core.text import format_date, normalize, parse_date
from thidua.dataio.workbook.problems import Problem
from thidua.dataio.workbook.vocab import Vocabulary


@lru_cache(maxsize=1 << 16)
def _text(value: str) -> str:
    """A column repeats its words (an issuing body, a decision, an achievement): normalised
    once, and one string kept for all their cells."""
    return normalize(value)


def cell_text(value: Any) -> str:
    """A cell as text: numbers without a spurious ``.0``, dates as dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return format_date(value.date())
    if isinstance(value, date):
        return format_date(value)
    return normalize(str(value))


class Cells:
    """The cells of one data row, by header."""

    __slots__ = ("_index", "_values", "ok", "problems", "row", "sheet")

    def __init__(
        self,
        sheet: str,
        row: int,
        values: tuple[Any, ...],
        index: dict[str, int],
        problems: list[Problem],
    ) -> None:
        self.sheet = sheet
        self.row = row
        self._values = values
        self._index = index
        self.problems = problems
        self.ok = True

    def problem(self, column: str, message: str) -> None:
        self.ok = False
        self.problems.append(Problem(self.sheet, message, self.row, column))

    def raw(self, column: str) -> Any:
        i = self._index.get(column)
        if i is None or i >= len(self._values):
            return None
        return self._values[i]

    def text(self, column: str, *, required: bool = False, max_length: int = 255) -> str:
        value = cell_text(self.raw(column))
        if required and not value:
            self.problem(column, f"cần ghi {column[0].lower()}{column[1:]}.")
        elif len(value) > max_length:
            self.problem(column, f"dài {len(value)} ký tự, tối đa {max_length}.")
        return value

    def year(self, column: str) -> int | None:
        value = self.raw(column)
        text = cell_text(value)
        if not text:
            self.problem(column, "cần ghi năm.")
            return None
        if (isinstance(value, int | float) and not isinstance(value, bool)) or text.isdigit():
            number = float(value) if not isinstance(value, str) else int(text)
            if number == int(number) and YEAR_MIN <= int(number) <= YEAR_MAX:
                return int(number)
        self.problem(column, f"“{text}” không phải năm (từ {YEAR_MIN} đến {YEAR_MAX}).")
        return None

    def date(self, column: str) -> date | None:
        value = self.raw(column)
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = cell_text(value)
        if not text:
            return None
        try:
            return parse_date(text)
        except ValueError as error:
            self.problem(column, str(error))
            return None

    def number(self, column: str, *, low: int, high: int, default: int) -> int | None:
        text = cell_text(self.raw(column))
        if not text:
            return default
        if text.isdigit() and low <= int(text) <= high:
            return int(text)
        self.problem(column, f"“{text}” không phải số nguyên từ {low} đến {high}.")
        return None

    def choice(self, column: str, vocabulary: Vocabulary, *, required: bool = True) -> str:
        text = cell_text(self.raw(column))
        if not text:
            if required:
                self.problem(column, f"cần ghi {vocabulary.describe}.")
            return ""
        code = vocabulary.code(text)
        if code is None:
            self.problem(column, vocabulary.unknown(text))
            return ""
        return code
