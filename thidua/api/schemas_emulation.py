"""The shapes of the emulation cycle in the API (cụm, khối; phong trào; giao ước; đăng ký;
chấm điểm; xếp hạng). Points are decimals with two places, written as strings ("18.50") so
that no client rounds them; dates are ISO 8601."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Schema
from pydantic import Field

from thidua.api.schemas import Strict, UnitRef
from thidua.common.params import LONG_TEXT_MAX_LENGTH
from thidua.core.catalog import BY_CODE
from thidua.emulation.choices import CriterionKind
from thidua.emulation.results import criteria_tree, sheet_totals
from thidua.emulation.selectors import (
    cluster_leader_history,
    cluster_members,
    criteria_rows,
    sheet_lines,
)
from thidua.emulation.selectors.ranking import honour_name
from thidua.emulation.services.movements import next_status


def _label(obj: Any, field: str) -> str:
    return str(getattr(obj, f"get_{field}_display")())


class MemberOut(Schema):
    unit: UnitRef
    role: str = Field(description="leader | deputy | member")
    role_label: str
    order: int

    @staticmethod
    def resolve_role_label(member: Any) -> str:
        return _label(member, "role")


class ClusterOut(Schema):
    code: str
    year: int
    name: str
    kind: str = Field(description="cum | khoi")
    kind_label: str
    organiser: UnitRef | None
    organiser_level: str = Field(description="trung_uong | tinh | huyen | co_so")
    organiser_level_label: str
    rotation_policy: str = Field(description="deputy_next | election | fixed_order")
    rotation_policy_label: str
    leader: UnitRef | None
    deputy: UnitRef | None
    member_count: int

    @staticmethod
    def resolve_kind_label(cluster: Any) -> str:
        return _label(cluster, "kind")

    @staticmethod
    def resolve_organiser_level_label(cluster: Any) -> str:
        return _label(cluster, "organiser_level")

    @staticmethod
    def resolve_rotation_policy_label(cluster: Any) -> str:
        return _label(cluster, "rotation_policy")

    @staticmethod
    def resolve_leader(cluster: Any) -> Any:
        return next((m.unit for m in cluster.heads if m.role == "leader"), None)

    @staticmethod
    def resolve_deputy(cluster: Any) -> Any:
        return next((m.unit for m in cluster.heads if m.role == "deputy"), None)


class LeaderYearOut(Schema):
    year: int
    leader: UnitRef | None
    deputy: UnitRef | None
    reason: str

    @staticmethod
    def resolve_leader(row: Any) -> Any:
        return row.leader.unit if row.leader else None

    @staticmethod
    def resolve_deputy(row: Any) -> Any:
        return row.deputy.unit if row.deputy else None


class ClusterRules(Schema):
    score_method: str = Field(description="mean | median | leader_only")
    disagreement_spread: Decimal
    reviewers_per_member: int
    flag_quota: int
    merit_quota: int


class ClusterDetail(ClusterOut):
    members: list[MemberOut]
    leader_history: list[LeaderYearOut]
    rules: ClusterRules
    has_covenant: bool

    @staticmethod
    def resolve_members(cluster: Any) -> list[Any]:
        return cluster_members(cluster=cluster)

    @staticmethod
    def resolve_leader_history(cluster: Any) -> list[Any]:
        return cluster_leader_history(cluster=cluster)

    @staticmethod
    def resolve_rules(cluster: Any) -> Any:
        return cluster

    @staticmethod
    def resolve_has_covenant(cluster: Any) -> bool:
        return bool(cluster.covenants.exists())


class MovementOut(Schema):
    id: int
    name: str
    kind: str = Field(description="regular | thematic")
    year: int
    theme: str
    launched_by: UnitRef
    authority: str
    start: dt.date | None
    end: dt.date | None
    goals: str
    criteria: str
    status: str = Field(
        description="draft | launched | registration | interim | final | closed",
    )
    status_label: str
    next_status: str | None = Field(description="Giai đoạn tiếp theo (null khi đã kết thúc)")
    scope: list[UnitRef]

    @staticmethod
    def resolve_status_label(movement: Any) -> str:
        return _label(movement, "status")

    @staticmethod
    def resolve_next_status(movement: Any) -> str | None:
        return next_status(movement.status)

    @staticmethod
    def resolve_scope(movement: Any) -> list[Any]:
        return list(movement.scope.order_by("path"))


class MovementIn(Strict):
    name: str = Field(min_length=1, max_length=500)
    kind: str = Field(default="regular", description="regular | thematic")
    year: int = Field(ge=1945, le=2100)
    launched_by: str = Field(description="Mã cơ quan phát động (anh/chị phải có quyền)")
    scope: list[str] = Field(default_factory=list, description="Mã các đơn vị tham gia")
    theme: str = Field(default="", max_length=LONG_TEXT_MAX_LENGTH)
    authority: str = Field(default="", max_length=255)
    start: dt.date | None = None
    end: dt.date | None = None
    goals: str = Field(default="", max_length=LONG_TEXT_MAX_LENGTH)
    criteria: str = Field(default="", max_length=LONG_TEXT_MAX_LENGTH)


class AdvanceIn(Strict):
    to: str = Field(description="Giai đoạn tiếp theo, đúng một bước (xem next_status)")


class CriterionOut(Schema):
    id: int
    number: str
    text: str
    kind: str = Field(description="group | item | bonus | penalty")
    max_points: Decimal
    per_occurrence: Decimal | None = Field(description="Điểm mỗi lần; null: không theo số lần")
    evidence: str
    children: list[CriterionOut]


class SignatureOut(Schema):
    unit: UnitRef
    signer_name: str
    signer_title: str
    signed_at: dt.datetime


class CovenantOut(Schema):
    id: int
    cluster: str = Field(description="Mã cụm, khối")
    year: int
    title: str
    status: str = Field(description="draft | open | signed")
    status_label: str
    signed_on: dt.date | None
    conference_on: dt.date | None = Field(description="Ngày hội nghị ký kết")
    conference_place: str
    conference_note: str
    maximum: Decimal = Field(description="Điểm tối đa của giao ước (kể cả điểm thưởng)")
    criteria: list[CriterionOut]
    signatures: list[SignatureOut]
    unsigned: list[UnitRef]


class CriterionIn(Strict):
    number: str = Field(min_length=1, max_length=16, description="Số thứ tự: I, 1, 1.2 …")
    text: str = Field(min_length=1, max_length=2000)
    kind: str = Field(default="item", description="group | item | bonus | penalty")
    max_points: Decimal = Field(ge=0, max_digits=7, decimal_places=2)
    evidence: str = Field(default="", max_length=500)
    parent: int | None = Field(default=None, description="Mã số nhóm tiêu chí chứa tiêu chí")
    per_occurrence: Decimal | None = Field(
        default=None,
        gt=0,
        max_digits=7,
        decimal_places=2,
        description="Điểm mỗi lần (thưởng, trừ theo số lần); max_points là mức tối đa",
    )


class ConferenceSignerIn(Strict):
    unit: str = Field(description="Mã đơn vị thành viên ký tại hội nghị")
    signer_name: str = Field(min_length=1, max_length=255)
    signer_title: str = Field(default="", max_length=255)


class ConferenceIn(Strict):
    held_on: dt.date
    place: str = Field(min_length=1, max_length=255)
    note: str = Field(default="", max_length=500)
    signers: list[ConferenceSignerIn] = Field(default_factory=list, max_length=200)


class CorrectionIn(Strict):
    signer_name: str = Field(min_length=1, max_length=255)
    signer_title: str = Field(default="", max_length=255)
    reason: str = Field(min_length=1, max_length=500)


class SignIn(Strict):
    unit: str = Field(description="Mã đơn vị thành viên ký")
    signer_name: str = Field(min_length=1, max_length=255)
    signer_title: str = Field(default="", max_length=255)


class PersonRef(Schema):
    code: str
    full_name: str


class RegistrationOut(Schema):
    id: int
    year: int
    unit: UnitRef
    person: PersonRef | None
    target: str
    target_name: str
    movement: int | None = Field(description="Mã số phong trào (null: thi đua thường xuyên)")
    status: str = Field(description="draft | submitted | approved | returned")
    status_label: str
    return_reason: str
    submitted_at: dt.datetime | None
    decided_at: dt.datetime | None

    @staticmethod
    def resolve_target_name(registration: Any) -> str:
        return BY_CODE[registration.target].name

    @staticmethod
    def resolve_movement(registration: Any) -> int | None:
        return registration.movement_id

    @staticmethod
    def resolve_status_label(registration: Any) -> str:
        return _label(registration, "status")


class RegistrationIn(Strict):
    year: int = Field(ge=1945, le=2100)
    unit: str = Field(description="Mã đơn vị đăng ký (anh/chị phải có quyền)")
    target: str = Field(description="Mã danh hiệu thi đua (spec/rules-cli.md)")
    person: str = Field(default="", description="Mã cá nhân; để trống khi tập thể đăng ký")
    movement: int | None = Field(default=None, description="Phong trào đang nhận đăng ký")
    submit: bool = Field(default=True, description="Gửi duyệt ngay (false: lưu nháp)")


class ReasonIn(Strict):
    reason: str = Field(min_length=1, max_length=500)


class SheetOut(Schema):
    id: int
    cluster: str
    year: int
    unit: UnitRef
    reviewer: UnitRef | None = Field(description="null: bảng tự chấm của đơn vị")
    status: str = Field(description="draft | submitted | locked | recused")
    status_label: str
    submitted_at: dt.datetime | None
    recusal_reason: str

    @staticmethod
    def resolve_cluster(sheet: Any) -> str:
        return str(sheet.covenant.cluster.code)

    @staticmethod
    def resolve_year(sheet: Any) -> int:
        return int(sheet.covenant.cluster.year)

    @staticmethod
    def resolve_status_label(sheet: Any) -> str:
        return _label(sheet, "status")


class RecuseOut(Schema):
    replacement: SheetOut | None = Field(
        description="Đơn vị được phân công chấm thay (null: chưa có)"
    )


class ScoreChangeOut(Schema):
    criterion: int
    old_points: Decimal
    new_points: Decimal
    reason: str
    changed_by: str
    changed_at: dt.datetime


class LineOut(Schema):
    criterion: int
    number: str
    points: Decimal | None
    occurrences: int | None = None
    note: str
    has_evidence: bool
    changes: list[ScoreChangeOut]


class TotalsOut(Schema):
    base: Decimal
    bonus: Decimal
    penalty: Decimal
    total: Decimal
    maximum: Decimal


class SheetDetail(SheetOut):
    lines: list[LineOut] = Field(description="Điểm từng tiêu chí (trừ nhóm), theo thứ tự")
    totals: TotalsOut

    @staticmethod
    def resolve_lines(sheet: Any) -> list[dict[str, Any]]:
        lines = sheet_lines(sheet=sheet)
        rows = []
        for r in criteria_rows(covenant=sheet.covenant):
            if r.criterion.kind == CriterionKind.GROUP:
                continue
            line = lines.get(r.criterion.pk)
            rows.append(
                {
                    "criterion": r.criterion.pk,
                    "number": r.criterion.number,
                    "points": line.points if line else None,
                    "occurrences": line.occurrences if line else None,
                    "note": line.note if line else "",
                    "has_evidence": bool(line and line.evidence),
                    "changes": [
                        {
                            "criterion": r.criterion.pk,
                            "old_points": change.old_points,
                            "new_points": change.new_points,
                            "reason": change.reason,
                            "changed_by": change.changed_by.username if change.changed_by else "",
                            "changed_at": change.changed_at,
                        }
                        for change in (line.changes.all() if line else [])
                    ],
                }
            )
        return rows

    @staticmethod
    def resolve_totals(sheet: Any) -> Any:
        criteria = list(sheet.covenant.criteria.all())
        return sheet_totals(criteria_tree(criteria), list(sheet.lines.all()))


class ReviewerIn(Strict):
    unit: str = Field(description="Mã đơn vị được chấm")
    reviewer: str = Field(description="Mã đơn vị chấm thay: thành viên khác hoặc cơ quan tổ chức")


class ShortfallOut(Schema):
    unit: UnitRef
    reviewers: int = Field(description="Số đơn vị đang chấm (không kể đơn vị đã từ chối)")
    wanted: int = Field(description="Số đơn vị chấm quy chế cần")
    candidates: list[UnitRef] = Field(description="Đơn vị có thể phân công chấm thay")
    sentence: str


class StartIn(Strict):
    unit: str = Field(description="Mã đơn vị thành viên tự chấm điểm")


class LineIn(Strict):
    points: Decimal = Field(
        default=Decimal(0),
        ge=0,
        max_digits=7,
        decimal_places=2,
        description="Điểm (điểm trừ ghi số dương); bỏ qua khi tiêu chí tính theo số lần",
    )
    occurrences: int | None = Field(
        default=None, ge=0, le=366, description="Số lần, với tiêu chí tính theo số lần"
    )
    note: str = Field(default="", max_length=1000)
    reason: str = Field(
        default="",
        max_length=1000,
        description="Lý do thay đổi: bắt buộc khi bảng điểm đã gửi",
    )


class RankRowOut(Schema):
    position: int | None
    rank: int | None
    unit: UnitRef
    self_total: Decimal | None
    final_total: Decimal | None
    reviews: int
    spread: Decimal
    disagreement: bool
    tie_break: str
    award: str = Field(description="Danh hiệu, hình thức được đề xuất; rỗng khi không có")
    basis: str


class RankingOut(Schema):
    cluster: str
    year: int
    published: bool
    published_at: dt.datetime | None
    maximum: Decimal
    complete: bool = Field(description="Mọi thành viên đã có điểm thẩm định đã gửi")
    rows: list[RankRowOut]


class NominationOut(Schema):
    cluster: str
    year: int
    unit: UnitRef
    award: str
    award_name: str
    position: int
    basis: str
    citation: str
    tie_at_boundary: bool

    @staticmethod
    def resolve_cluster(nomination: Any) -> str:
        return str(nomination.ranking.covenant.cluster.code)

    @staticmethod
    def resolve_year(nomination: Any) -> int:
        return int(nomination.ranking.covenant.cluster.year)

    @staticmethod
    def resolve_award_name(nomination: Any) -> str:
        """As the decision names it ("Cờ thi đua của Ủy ban nhân dân thành phố …")."""
        return honour_name(nomination.award, nomination.ranking.covenant.cluster.organiser)
