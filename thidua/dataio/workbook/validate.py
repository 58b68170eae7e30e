"""Steps 2 and 3, validate and plan: every sheet checks its rows against the others and the
database and decides what it will create, update or leave unchanged. Nothing is written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from thidua.dataio.workbook.base import Counts, Sheet
from thidua.dataio.workbook.context import ImportContext
from thidua.dataio.workbook.guard import WriteGuard
from thidua.dataio.workbook.problems import Problem
from thidua.dataio.workbook.progress import Meter
from thidua.dataio.workbook.reader import ParsedWorkbook

Samples = dict[str, dict[str, list[tuple[int, str]]]]


@dataclass
class Plan:
    sheets: list[Sheet[Any]]
    ctx: ImportContext
    row_count: int

    @property
    def problems(self) -> list[Problem]:
        return self.ctx.problems

    @property
    def counts(self) -> dict[str, Counts]:
        return {s.name: s.counts for s in self.sheets}

    @property
    def samples(self) -> Samples:
        """For each sheet, the first rows it will create and update: (row, description)."""
        return {
            s.name: {
                outcome: [(row.row, s.describe(row)) for row in rows]
                for outcome, rows in s.samples.items()
            }
            for s in self.sheets
        }


def plan_import(
    parsed: ParsedWorkbook, *, meter: Meter | None = None, guard: WriteGuard | None = None
) -> Plan:
    """The plan of ``parsed``; with ``guard``, also a problem for every row that would write
    into a unit the importer does not act for."""
    meter = meter or Meter(None)
    ctx = ImportContext(problems=list(parsed.problems), guard=guard)
    meter.start(1, parsed.row_count)
    for sheet in parsed.sheets:
        rows = parsed.rows[sheet.name]
        sheet.check(rows, ctx)
        meter.tick(len(rows))
    if guard is not None:
        guard.check(ctx)
    ctx.problems.sort(key=_position(parsed))
    return Plan(parsed.sheets, ctx, parsed.row_count)


def _position(parsed: ParsedWorkbook) -> Any:
    """Sheet, row, then column order, as a person reads the file."""
    order = {s.name: i for i, s in enumerate(parsed.sheets)}
    columns = {s.name: {h: i for i, h in enumerate(s.headers())} for s in parsed.sheets}
    return lambda p: (
        order.get(p.sheet, -1),
        p.row or 0,
        columns.get(p.sheet, {}).get(p.column, -1),
    )
