"""Who may write what: an officer imports only into the units they act for.

Each sheet names, for every row it will create or update, the unit the change falls in
(``ImportContext.writes``); rows left unchanged name nothing, so an officer may re-import a
file that also lists the units above theirs. A unit the import creates belongs where its
parent does, so an officer may add units under their own. The check runs after every sheet
is planned (a new unit's parent may come later in DonVi) and reports a problem per row, as
any other problem: the file is then refused whole.

The command line imports without a guard: whoever runs it administers the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from thidua.dataio.workbook.context import ImportContext

ROOT = ""  # the "unit" of a new unit without a parent


@dataclass
class WriteGuard:
    """``may_write(unit_id)`` says whether the importer acts for a stored unit; ``label``
    names their units in the messages ("Quận Kiến An")."""

    may_write: Callable[[int], bool]
    label: str
    _pending: list[tuple[str, int, str, str]] = field(default_factory=list)
    _known: dict[str, bool] = field(default_factory=dict)

    def touch(self, ctx: ImportContext, sheet: str, row: int, column: str, code: str) -> None:
        # Most rows of an officer's own file fall in a stored unit they act for: settle those
        # at once and keep only the rest for the final pass.
        info = ctx.units.get(code)
        if info is not None and info.id is not None and self.may_write(info.id):
            return
        self._pending.append((sheet, row, column, code))

    def check(self, ctx: ImportContext) -> None:
        ctx.load_units(code for _, _, _, code in self._pending if code != ROOT)
        seen: set[tuple[str, int, str]] = set()
        for sheet, row, column, code in self._pending:
            if (sheet, row, column) in seen or self._writable(code, ctx, set()):
                continue
            seen.add((sheet, row, column))
            ctx.problem(sheet, row, column, self._refusal(code))

    def _writable(self, code: str, ctx: ImportContext, visiting: set[str]) -> bool:
        if code == ROOT:
            return False
        if code in self._known:
            return self._known[code]
        info = ctx.units.get(code)
        if info is None or code in visiting:
            # An unknown unit or a cycle is reported by the sheet itself; one problem is enough.
            return True
        if info.id is not None:
            allowed = self.may_write(info.id)
        else:
            visiting.add(code)
            allowed = self._writable(ctx.new_unit_parents.get(code, ROOT), ctx, visiting)
        self._known[code] = allowed
        return allowed

    def _refusal(self, code: str) -> str:
        if code == ROOT:
            return (
                "chỉ quản trị hệ thống mới thêm được đơn vị cao nhất; "
                "hãy ghi mã đơn vị cấp trên là đơn vị bạn phụ trách."
            )
        return (
            f"bạn không phụ trách đơn vị “{code}”; chỉ nhập được dữ liệu của {self.label} "
            "và các đơn vị trực thuộc."
        )
