"""DonVi: the unit tree. Parents may come later in the sheet or already be in the database;
the tree that results must have no cycle."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from thidua.core.text import fold, sort_key
from thidua.dataio.workbook.base import Column, Sheet, chunks, unique_rows
from thidua.dataio.workbook.cells import Cells
from thidua.dataio.workbook.context import ImportContext, UnitInfo
from thidua.dataio.workbook.scope import ExportScope
from thidua.dataio.workbook.writer import bulk_create, bulk_update
from thidua.orgs.choices import UnitKind
from thidua.orgs.models import Unit

CODE, NAME, KIND, PARENT = "Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên"

# First match wins, on the folded text's first words ("thi xa" before "xa").
_KIND_PREFIXES: tuple[tuple[str, str], ...] = (
    ("thanh pho truc thuoc", UnitKind.TINH),
    ("thanh pho thuoc", UnitKind.HUYEN),
    ("tinh", UnitKind.TINH),
    ("quan", UnitKind.HUYEN),
    ("huyen", UnitKind.HUYEN),
    ("thi xa", UnitKind.HUYEN),
    ("thi tran", UnitKind.XA),
    ("phuong", UnitKind.XA),
    ("xa", UnitKind.XA),
    ("dac khu", UnitKind.XA),
    ("bo", UnitKind.BO),
    ("so", UnitKind.SO),
    ("ban", UnitKind.SO),
    ("nganh", UnitKind.SO),
    ("truong", UnitKind.TRUONG_HOC),
    ("doanh nghiep", UnitKind.DOANH_NGHIEP),
    ("cong ty", UnitKind.DOANH_NGHIEP),
    ("phong", UnitKind.PHONG_BAN),
    ("don vi truc thuoc", UnitKind.DON_VI_TRUC_THUOC),
)


def unit_kind(label: str, *, is_root: bool) -> str:
    """The kind a free-text ``Loại đơn vị`` names; a "Thành phố" is a province when it
    heads the tree and a district-level city inside one."""
    folded = fold(label)
    if folded == "thanh pho" or folded.startswith("thanh pho "):
        for prefix, kind in _KIND_PREFIXES[:2]:
            if folded.startswith(prefix):
                return kind
        return UnitKind.TINH if is_root else UnitKind.HUYEN
    for prefix, kind in _KIND_PREFIXES:
        if folded == prefix or folded.startswith((prefix + " ", prefix + ",")):
            return kind
    return UnitKind.KHAC


def kind_text(kind: str, kind_label: str) -> str:
    """What the workbook shows as ``Loại đơn vị``: the recorded text, else the kind's name."""
    return kind_label or UnitKind(kind).label


@dataclass(slots=True)
class UnitRow:
    row: int
    code: str
    name: str
    kind_label: str
    parent_code: str


@dataclass(slots=True)
class _Stored:
    id: int
    code: str
    name: str
    kind: str
    kind_label: str
    parent_id: int | None
    path: str


class UnitsSheet(Sheet[UnitRow]):
    name = "DonVi"
    title = "Đơn vị (cây tổ chức)"
    required = True
    columns = (
        Column(CODE, "Mã duy nhất của đơn vị; bắt buộc.", width=14, required=True),
        Column(NAME, "Tên đầy đủ, ví dụ “UBND phường Lãm Hà”; bắt buộc.", width=40, required=True),
        Column(
            KIND,
            "Tỉnh, Thành phố, Quận, Huyện, Thị xã, Phường, Xã, Thị trấn, Sở, Ban, Trường học, "
            "Doanh nghiệp… (ghi như trên văn bản).",
            width=18,
        ),
        Column(
            PARENT,
            "Để trống nếu là đơn vị cao nhất; nếu không, mã một đơn vị trong trang này "
            "hoặc đã có trong hệ thống.",
            width=18,
        ),
    )
    notes = (
        "Trang bắt buộc. Mỗi dòng một đơn vị; đơn vị đã có (cùng mã) được cập nhật tên, "
        "loại và đơn vị cấp trên.",
        "Đơn vị cấp trên có thể ghi ở dòng sau; cây đơn vị không được có vòng lặp.",
    )

    def parse(self, cells: Cells) -> UnitRow | None:
        row = UnitRow(
            cells.row,
            cells.text(CODE, required=True, max_length=64),
            cells.text(NAME, required=True),
            cells.text(KIND, max_length=64),
            cells.text(PARENT, max_length=64),
        )
        return row if cells.ok else None

    def check(self, rows: list[UnitRow], ctx: ImportContext) -> None:
        rows = unique_rows(
            rows,
            lambda r: r.code,
            lambda r, first: ctx.problem(
                self.name, r.row, CODE, f"mã đơn vị “{r.code}” trùng với dòng {first}."
            ),
        )
        stored = _load_with_ancestors({r.code for r in rows} | {r.parent_code for r in rows})
        by_code = {s.code: s for s in stored.values()}
        in_sheet = {r.code: r for r in rows}

        parent_of: dict[str, str | None] = {
            s.code: stored[s.parent_id].code if s.parent_id in stored else None
            for s in stored.values()
        }
        for r in rows:
            parent_of[r.code] = r.parent_code or None
            if r.parent_code and r.parent_code not in in_sheet and r.parent_code not in by_code:
                ctx.problem(
                    self.name,
                    r.row,
                    PARENT,
                    f"đơn vị cấp trên “{r.parent_code}” không có trong trang DonVi "
                    "và chưa có trong hệ thống.",
                )
                parent_of[r.code] = None
        for cycle in _cycles(rows, parent_of):
            first = min((in_sheet[c] for c in cycle if c in in_sheet), key=lambda r: r.row)
            ctx.problem(
                self.name,
                first.row,
                PARENT,
                "cây đơn vị có vòng lặp: " + " → ".join([*cycle, cycle[0]]) + ".",
            )

        self.creates: list[tuple[UnitRow, str]] = []
        self.updates: list[tuple[int, UnitRow, str]] = []
        for r in rows:
            old = by_code.get(r.code)
            is_root = not r.parent_code
            if old is None:
                self.creates.append((r, unit_kind(r.kind_label, is_root=is_root)))
                self.outcome(r, "created")
                ctx.units[r.code] = UnitInfo(r.code, None, r.name)
                ctx.new_unit_parents[r.code] = r.parent_code
                # A new unit belongs where its parent does.
                ctx.writes(self.name, r.row, PARENT, r.parent_code)
                continue
            ctx.units[r.code] = UnitInfo(r.code, old.id, r.name)
            ctx.unit_ids[r.code] = old.id
            kind, kind_label = old.kind, old.kind_label
            if r.kind_label != kind_text(old.kind, old.kind_label):
                kind, kind_label = unit_kind(r.kind_label, is_root=is_root), r.kind_label
            old_parent = stored[old.parent_id].code if old.parent_id in stored else ""
            if (r.name, kind, kind_label, r.parent_code) == (
                old.name,
                old.kind,
                old.kind_label,
                old_parent,
            ):
                self.outcome(r, "unchanged")
                continue
            self.updates.append(
                (old.id, UnitRow(r.row, r.code, r.name, kind_label, r.parent_code), kind)
            )
            self.outcome(r, "updated")
            ctx.writes(self.name, r.row, CODE, r.code)
            if r.parent_code != old_parent:
                ctx.writes(self.name, r.row, PARENT, r.parent_code)
        for s in stored.values():
            if s.code not in ctx.units:
                ctx.units[s.code] = UnitInfo(s.code, s.id, s.name)
                ctx.unit_ids[s.code] = s.id

    def apply(self, ctx: ImportContext) -> None:
        if not self.creates and not self.updates:
            return
        now = timezone.now()
        created = [
            Unit(
                code=r.code,
                name=r.name,
                kind=kind,
                kind_label=r.kind_label,
                parent_id=ctx.unit_ids.get(r.parent_code) if r.parent_code else None,
                search_key=fold(f"{r.name} {r.code}")[:255],
                sort_key=sort_key(r.name)[:512],
            )
            for r, kind in self.creates
        ]
        bulk_create(Unit, created, ctx)
        for unit in created:
            ctx.unit_ids[unit.code] = unit.pk
        # Parents created in this same import get their id now.
        late = []
        for unit, (r, _) in zip(created, self.creates, strict=True):
            if r.parent_code and unit.parent_id is None:
                unit.parent_id = ctx.unit_ids[r.parent_code]
                late.append(unit)
        bulk_update(Unit, late, ["parent"], ctx, counted=False)
        changed = []
        for pk, r, kind in self.updates:
            unit = Unit(
                pk=pk,
                name=r.name,
                kind=kind,
                kind_label=r.kind_label,
                parent_id=ctx.unit_ids[r.parent_code] if r.parent_code else None,
                search_key=fold(f"{r.name} {r.code}")[:255],
                sort_key=sort_key(r.name)[:512],
                updated_at=now,
            )
            changed.append(unit)
        fields = ["name", "kind", "kind_label", "parent", "search_key", "sort_key", "updated_at"]
        bulk_update(Unit, changed, fields, ctx)
        unit_paths_rebuild(ctx)

    def export(self, scope: ExportScope) -> Iterable[tuple[Any, ...]]:
        for unit in scope.units_in_order():
            parent = scope.unit_code(unit.parent_id) if unit.parent_id else None
            yield (unit.code, unit.name, kind_text(unit.kind, unit.kind_label), parent)

    def describe(self, row: UnitRow) -> str:
        under = f", thuộc {row.parent_code}" if row.parent_code else ""
        return f"{row.code} – {row.name}{under}"


def _load_with_ancestors(codes: set[str]) -> dict[int, _Stored]:
    """The units with these codes and all their ancestors (two or three queries)."""
    fields = ("pk", "code", "name", "kind", "kind_label", "parent_id", "path")
    stored: dict[int, _Stored] = {}
    for part in chunks(sorted(c for c in codes if c)):
        for values in Unit.objects.filter(code__in=part).values_list(*fields):
            stored[values[0]] = _Stored(*values)
    ancestor_ids = sorted(
        {int(i) for s in stored.values() for i in s.path.strip("/").split("/") if i} - set(stored)
    )
    for id_part in chunks(ancestor_ids):
        for values in Unit.objects.filter(pk__in=id_part).values_list(*fields):
            stored[values[0]] = _Stored(*values)
    return stored


def _cycles(rows: list[UnitRow], parent_of: dict[str, str | None]) -> list[list[str]]:
    """Each cycle of the tree-to-be once, starting at its first code in sheet order."""
    done: set[str] = set()
    found: list[list[str]] = []
    for r in rows:
        walk: list[str] = []
        on_walk: dict[str, int] = {}
        code: str | None = r.code
        while code is not None and code not in done:
            if code in on_walk:
                found.append(walk[on_walk[code] :])
                break
            on_walk[code] = len(walk)
            walk.append(code)
            code = parent_of.get(code)
        done.update(walk)
    return found


def unit_paths_rebuild(ctx: ImportContext) -> None:
    """Recompute ``path`` and ``depth`` of the whole tree in memory and write what changed
    (one read; as ``Unit.save`` does one unit at a time)."""
    rows = list(Unit.objects.values_list("pk", "parent_id", "path", "depth"))
    parent = {pk: parent_id for pk, parent_id, _, _ in rows}
    paths: dict[int, str] = {}

    def path_of(pk: int) -> str:
        chain = []
        node: int | None = pk
        while node is not None and node not in paths:
            chain.append(node)
            node = parent[node]
        prefix = paths[node] if node is not None else "/"
        for n in reversed(chain):
            prefix = f"{prefix}{n}/"
            paths[n] = prefix
        return paths[pk]

    stale = []
    for pk, _, path, depth in rows:
        new = path_of(pk)
        if new != path or depth != new.count("/") - 2:
            stale.append(Unit(pk=pk, path=new, depth=new.count("/") - 2))
    bulk_update(Unit, stale, ["path", "depth"], ctx, counted=False)
