"""``workbook_import``: parse → validate → plan → apply, all or nothing.

The command line calls it directly; a web job can call the steps itself (``read_workbook``,
``plan_import``, then ``workbook_apply`` after the officer confirms) and pass a progress
callback ``(done, total)``.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from thidua.common.errors import DomainError
from thidua.dataio.workbook.base import Counts
from thidua.dataio.workbook.guard import WriteGuard
from thidua.dataio.workbook.problems import Problem, WorkbookRefused
from thidua.dataio.workbook.progress import Meter, Progress
from thidua.dataio.workbook.reader import FILE, Source, read_workbook
from thidua.dataio.workbook.validate import Plan, Samples, plan_import
from thidua.dataio.workbook.writer import wide_batches


@dataclass
class ImportResult:
    counts: dict[str, Counts] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False
    rows: int = 0
    samples: Samples = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def written(self) -> bool:
        return self.ok and not self.dry_run


def workbook_apply(plan: Plan, *, meter: Meter | None = None) -> None:
    """Step 4: carry a clean plan out, sheet after sheet, in one transaction. The meter
    counts the rows of the workbook: a sheet's unchanged rows at once, then each row as it
    is written (what a row brings along, a membership or a decision, is not counted)."""
    meter = meter or Meter(None)
    meter.start(2, plan.row_count)
    with transaction.atomic(), wide_batches():
        for sheet in plan.sheets:
            counts = sheet.counts
            end = meter.done + counts.created + counts.updated + counts.unchanged
            meter.tick(counts.unchanged)
            plan.ctx.tick = _within(meter, end)
            sheet.apply(plan.ctx)
            meter.tick(end - meter.done)
    meter.finish()


def _within(meter: Meter, end: int) -> Callable[[int], None]:
    """Ticks that stop at ``end``: one sheet's writes never run into the next sheet's rows,
    so the bar only moves forward."""

    def tick(n: int) -> None:
        meter.tick(min(n, end - meter.done))

    return tick


def workbook_import(
    source: Source,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    guard: WriteGuard | None = None,
) -> ImportResult:
    """Import ``source`` whole or not at all; with ``guard``, only into the units it allows."""
    meter = Meter(progress)
    try:
        parsed = read_workbook(source, meter=meter)
    except WorkbookRefused as refused:
        return ImportResult(problems=refused.problems, dry_run=dry_run)
    try:
        # A real run checks inside the transaction that writes, so that what was planned is
        # what is written; a dry run only reads and takes no write lock.
        with nullcontext() if dry_run else transaction.atomic():
            plan = plan_import(parsed, meter=meter, guard=guard)
            result = ImportResult(
                plan.counts, plan.problems, dry_run, parsed.row_count, plan.samples
            )
            if result.written:
                workbook_apply(plan, meter=meter)
    except (IntegrityError, DomainError) as error:
        # Another writer got in between, or a guard refused: nothing was written.
        message = f"không ghi được, chưa có gì thay đổi ({error}); hãy nhập lại."
        return ImportResult(problems=[Problem(FILE, message)], dry_run=dry_run)
    return result
