"""CumKhoi: clusters and blocks, one row per member per year. A cluster is (code, year);
at most one leader and one deputy, counting the members already recorded."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from thidua.dataio.workbook.base import Column, Sheet, chunks, unique_rows
from thidua.dataio.workbook.cells import Cells
from thidua.dataio.workbook.context import ImportContext, unknown_unit
from thidua.dataio.workbook.scope import ExportScope
from thidua.dataio.workbook.vocab import CLUSTER_KIND, MEMBER_ROLE, role_word
from thidua.dataio.workbook.writer import bulk_create, bulk_update
from thidua.emulation.choices import MemberRole
from thidua.emulation.models import Cluster, ClusterMember

YEAR, CODE, NAME, KIND, UNIT, ROLE = (
    "Năm",
    "Mã cụm khối",
    "Tên cụm khối",
    "Loại",
    "Mã đơn vị",
    "Vai trò",
)
ROLE_ORDER: dict[str, int] = {MemberRole.LEADER: 0, MemberRole.DEPUTY: 1, MemberRole.MEMBER: 2}


@dataclass(slots=True)
class MemberRow:
    row: int
    year: int
    code: str
    name: str
    kind: str
    unit_code: str
    role: str


class ClustersSheet(Sheet[MemberRow]):
    name = "CumKhoi"
    title = "Cụm, khối thi đua và thành viên theo năm"
    columns = (
        Column(YEAR, "Năm của cụm, khối (4 chữ số).", width=8, kind="year", required=True),
        Column(CODE, "Mã cụm, khối; giữ nguyên từ năm này sang năm khác.", width=14, required=True),
        Column(NAME, "Tên cụm, khối thi đua.", width=36, required=True),
        Column(KIND, "Cụm hoặc Khối.", width=8, choices=CLUSTER_KIND, required=True),
        Column(UNIT, "Mã đơn vị thành viên.", width=14, required=True),
        Column(
            ROLE,
            "Cụm trưởng / Khối trưởng, Cụm phó / Khối phó, hoặc Thành viên (để trống: Thành viên).",
            width=14,
            choices=MEMBER_ROLE,
        ),
    )
    notes = (
        "Mỗi dòng một đơn vị thành viên của một cụm, khối trong một năm; các dòng cùng năm "
        "và mã cụm khối phải cùng tên và loại.",
        "Mỗi cụm, khối mỗi năm có nhiều nhất một cụm (khối) trưởng và một cụm (khối) phó, "
        "kể cả thành viên đã có trong hệ thống.",
    )

    def parse(self, cells: Cells) -> MemberRow | None:
        row = MemberRow(
            cells.row,
            cells.year(YEAR) or 0,
            cells.text(CODE, required=True, max_length=64),
            cells.text(NAME, required=True),
            cells.choice(KIND, CLUSTER_KIND),
            cells.text(UNIT, required=True, max_length=64),
            cells.choice(ROLE, MEMBER_ROLE, required=False) or MemberRole.MEMBER,
        )
        return row if cells.ok else None

    def check(self, rows: list[MemberRow], ctx: ImportContext) -> None:
        rows = unique_rows(
            rows,
            lambda r: (r.code, r.year, r.unit_code),
            lambda r, first: ctx.problem(
                self.name,
                r.row,
                UNIT,
                f"đơn vị “{r.unit_code}” đã ghi ở dòng {first} cho cùng cụm, khối và năm.",
            ),
        )
        ctx.load_units(r.unit_code for r in rows)
        stored = _stored_clusters({(r.code, r.year) for r in rows})
        # Final roles per cluster: stored members, then the sheet over them.
        roles: dict[tuple[str, int], dict[str, str]] = {
            key: dict(members) for key, (_, _, _, members) in stored.items()
        }
        heads: dict[tuple[str, int], MemberRow] = {}
        self.clusters: dict[tuple[str, int], tuple[int | None, str, str, bool]] = {}
        self.members: list[tuple[MemberRow, str | None]] = []  # (row, stored role or None)
        for r in rows:
            key = (r.code, r.year)
            head = heads.setdefault(key, r)
            if (r.name, r.kind) != (head.name, head.kind):
                ctx.problem(
                    self.name,
                    r.row,
                    NAME if r.name != head.name else KIND,
                    f"cụm, khối “{r.code}” năm {r.year} đã ghi ở dòng {head.row} với "
                    f"tên “{head.name}”, loại {CLUSTER_KIND.word(head.kind)}.",
                )
                continue
            if ctx.unit(r.unit_code) is None:
                ctx.problem(self.name, r.row, UNIT, unknown_unit(r.unit_code))
                continue
            roles.setdefault(key, {})[r.unit_code] = r.role
            old = stored.get(key)
            self.clusters[key] = (
                old[0] if old else None,
                r.name,
                r.kind,
                old is not None and (old[1], old[2]) != (r.name, r.kind),
            )
            old_role = old[3].get(r.unit_code) if old else None
            self.members.append((r, old_role))
            if old_role is None:
                self.outcome(r, "created")
                ctx.writes(self.name, r.row, UNIT, r.unit_code)
            elif old_role != r.role or self.clusters[key][3]:
                self.outcome(r, "updated")
                ctx.writes(self.name, r.row, UNIT, r.unit_code)
            else:
                self.outcome(r, "unchanged")
        for r, _ in self.members:
            if r.role == MemberRole.MEMBER:
                continue
            holders = sorted(u for u, role in roles[(r.code, r.year)].items() if role == r.role)
            if len(holders) > 1:
                word = role_word(r.role, r.kind).lower()
                ctx.problem(
                    self.name,
                    r.row,
                    ROLE,
                    f"cụm, khối “{r.code}” năm {r.year} có nhiều hơn một {word} "
                    f"({', '.join(holders)}); mỗi cụm, khối chỉ có một {word}.",
                )

    def apply(self, ctx: ImportContext) -> None:
        now = timezone.now()
        new = {
            k: Cluster(code=k[0], year=k[1], name=v[1], kind=v[2])
            for k, v in self.clusters.items()
            if v[0] is None
        }
        bulk_create(Cluster, list(new.values()), ctx, counted=False)
        ids = {k: (v[0] if v[0] is not None else new[k].pk) for k, v in self.clusters.items()}
        renamed = [
            Cluster(pk=v[0], name=v[1], kind=v[2], updated_at=now)
            for v in self.clusters.values()
            if v[0] is not None and v[3]
        ]
        bulk_update(Cluster, renamed, ["name", "kind", "updated_at"], ctx, counted=False)
        # A role leaves its holder before it reaches the next: the one-leader constraint
        # holds after every statement.
        stored_ids = _member_ids(
            [
                (ids[(r.code, r.year)], ctx.unit_ids[r.unit_code])
                for r, old in self.members
                if old is not None
            ]
        )
        changed = [
            (r, stored_ids[(ids[(r.code, r.year)], ctx.unit_ids[r.unit_code])])
            for r, old in self.members
            if old is not None and old != r.role
        ]
        demoted = [
            ClusterMember(pk=pk, role=MemberRole.MEMBER, updated_at=now) for _, pk in changed
        ]
        bulk_update(ClusterMember, demoted, ["role", "updated_at"], ctx)
        promoted = [
            ClusterMember(pk=pk, role=r.role, updated_at=now)
            for r, pk in changed
            if r.role != MemberRole.MEMBER
        ]
        bulk_update(ClusterMember, promoted, ["role"], ctx, counted=False)
        created = [
            ClusterMember(
                cluster_id=ids[(r.code, r.year)],
                unit_id=ctx.unit_ids[r.unit_code],
                role=r.role,
                order=i,
            )
            for i, (r, old) in enumerate(self.members, start=1)
            if old is None
        ]
        bulk_create(ClusterMember, created, ctx)

    def export(self, scope: ExportScope) -> Iterable[tuple[Any, ...]]:
        members = scope.members().values_list(
            "cluster__year", "cluster__code", "cluster__name", "cluster__kind", "unit__code", "role"
        )
        rows = sorted(members, key=lambda m: (m[0], m[1], ROLE_ORDER.get(m[5], 3), m[4]))
        for year, code, name, kind, unit_code, role in rows:
            yield (year, code, name, CLUSTER_KIND.word(kind), unit_code, role_word(role, kind))

    def describe(self, row: MemberRow) -> str:
        role = role_word(row.role, row.kind)
        return f"{row.name} ({row.code}) năm {row.year}: {row.unit_code}, {role}"


def _stored_clusters(
    keys: set[tuple[str, int]],
) -> dict[tuple[str, int], tuple[int, str, str, dict[str, str]]]:
    """(code, year) → (id, name, kind, {unit code: role}) for the clusters already recorded."""
    stored: dict[tuple[str, int], tuple[int, str, str, dict[str, str]]] = {}
    codes = sorted({code for code, _ in keys})
    years = {year for _, year in keys}
    for part in chunks(codes):
        qs = Cluster.objects.filter(code__in=part, year__in=years).values_list(
            "pk", "code", "year", "name", "kind"
        )
        for pk, code, year, name, kind in qs:
            if (code, year) in keys:
                stored[(code, year)] = (pk, name, kind, {})
    by_id = {v[0]: v for v in stored.values()}
    for id_part in chunks(sorted(by_id)):
        members = ClusterMember.objects.filter(cluster_id__in=id_part).values_list(
            "cluster_id", "unit__code", "role"
        )
        for cluster_id, unit_code, role in members:
            by_id[cluster_id][3][unit_code] = role
    return stored


def _member_ids(pairs: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
    ids: dict[tuple[int, int], int] = {}
    clusters = sorted({c for c, _ in pairs})
    for part in chunks(clusters):
        qs = ClusterMember.objects.filter(cluster_id__in=part).values_list(
            "cluster_id", "unit_id", "pk"
        )
        for cluster_id, unit_id, pk in qs:
            ids[(cluster_id, unit_id)] = pk
    return ids
