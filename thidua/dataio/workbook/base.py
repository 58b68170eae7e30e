"""The shape every sheet shares: its columns, and the four steps a sheet spec fills in.

A sheet is a subclass of :class:`Sheet` registered in ``sheets.SHEETS``:

- ``parse(cells)``: one row's cells into a small record (cell-level checks);
- ``check(rows, ctx)``: every cross-row and database check, then the plan (what will be
  created, updated or left unchanged), set-based: a few queries for the whole sheet;
- ``apply(ctx)``: carry the plan out with bulk writes (called inside the import transaction);
- ``export(scope)``: the rows of this sheet for an export;
- ``describe(row)``: one row in a few words, for the preview of an import in the browser.

``check`` reports each row's fate with ``outcome(row, …)``, which counts it and keeps the first
rows of each kind as samples for the preview.

The reader, the validator, the writer, the template and the export only go through these,
so adding a sheet is one module and one line in the table.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, Protocol, TypeVar

from thidua.dataio.workbook.cells import Cells
from thidua.dataio.workbook.vocab import Vocabulary

if TYPE_CHECKING:
    from thidua.dataio.workbook.context import ImportContext
    from thidua.dataio.workbook.scope import ExportScope

CHUNK = 900  # codes per ``__in`` query: under SQLite's oldest variable limit (999)
SAMPLES = 50  # rows kept per outcome and sheet for the preview: enough to recognise the file
T = TypeVar("T")
R = TypeVar("R")
Outcome = Literal["created", "updated", "unchanged"]


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    note: str
    width: int = 16
    kind: Literal["text", "year", "date", "number"] = "text"
    choices: Vocabulary | None = None
    required: bool = False


@dataclass(slots=True)
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def as_dict(self) -> dict[str, int]:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}


class Sheet(Generic[R]):
    name: ClassVar[str]
    title: ClassVar[str]  # what the sheet holds, for the notes sheet
    required: ClassVar[bool] = False
    columns: ClassVar[tuple[Column, ...]]
    notes: ClassVar[tuple[str, ...]] = ()

    def __init__(self) -> None:
        self.counts = Counts()
        self.samples: dict[Outcome, list[R]] = {"created": [], "updated": []}

    def outcome(self, row: R, outcome: Outcome) -> None:
        """What the import will do with ``row``; the first rows created or updated are kept
        (unchanged ones are not: the preview shows what will change)."""
        self.counts.add(outcome)
        kept = self.samples.get(outcome)
        if kept is not None and len(kept) < SAMPLES:
            kept.append(row)

    @classmethod
    def headers(cls) -> tuple[str, ...]:
        return tuple(c.header for c in cls.columns)

    def parse(self, cells: Cells) -> R | None:
        raise NotImplementedError

    def check(self, rows: list[R], ctx: ImportContext) -> None:
        raise NotImplementedError

    def apply(self, ctx: ImportContext) -> None:
        raise NotImplementedError

    def export(self, scope: ExportScope) -> Iterable[tuple[Any, ...]]:
        raise NotImplementedError

    def describe(self, row: R) -> str:
        raise NotImplementedError


class HasRow(Protocol):
    @property
    def row(self) -> int: ...


RowT = TypeVar("RowT", bound=HasRow)


def unique_rows(
    rows: Iterable[RowT], key: Callable[[RowT], Hashable], duplicate: Callable[[RowT, int], None]
) -> list[RowT]:
    """Keep the first row of each key; ``duplicate(row, first_row_number)`` for the others."""
    seen: dict[Hashable, int] = {}
    kept: list[RowT] = []
    for row in rows:
        k = key(row)
        if k in seen:
            duplicate(row, seen[k])
            continue
        seen[k] = row.row
        kept.append(row)
    return kept
