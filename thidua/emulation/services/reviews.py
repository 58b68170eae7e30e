"""Who reviews whom: cross-review round the cluster (or the leader alone), never one's own
unit, and recusal when a reviewer declares a conflict of interest."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from thidua.common.audit import acting_as
from thidua.common.errors import DomainError
from thidua.core.scoring import Method
from thidua.emulation.access import can_act_for, can_manage, require, require_manager
from thidua.emulation.choices import CovenantStatus, MemberRole, ScoreSheetStatus
from thidua.emulation.models import Covenant, ScoreSheet
from thidua.emulation.services.scoring import require_not_published
from thidua.orgs.models import Unit


def _members(covenant: Covenant) -> list[Unit]:
    return [m.unit for m in covenant.cluster.members.select_related("unit").order_by("order", "pk")]


def _assigned(covenant: Covenant) -> set[tuple[int, int]]:
    """(unit, reviewer) pairs already assigned, recused ones included (never reassigned)."""
    return set(
        ScoreSheet.objects.filter(covenant=covenant, reviewer__isnull=False).values_list(
            "unit_id", "reviewer_id"
        )
    )


def plan_reviewers(
    members: list[Unit], per_member: int, leader: Unit | None, method: Method
) -> list[tuple[Unit, Unit]]:
    """(member, reviewer) pairs: each member is reviewed by the next ``per_member`` members
    in the cluster's order (so every member also reviews ``per_member`` others); under
    "leader only" the leader reviews everyone and the deputy-in-order reviews the leader."""
    pairs: list[tuple[Unit, Unit]] = []
    n = len(members)
    if method is Method.LEADER and leader is not None:
        for unit in members:
            if unit.pk != leader.pk:
                pairs.append((unit, leader))
        index = members.index(leader)
        if n > 1:
            pairs.append((leader, members[(index + 1) % n]))
        return pairs
    for i, unit in enumerate(members):
        for step in range(1, min(per_member, n - 1) + 1):
            pairs.append((unit, members[(i + step) % n]))
    return pairs


@dataclass(frozen=True, slots=True)
class Shortfall:
    """A member with fewer reviewers than the quy chế asks (recusals, a small block), and
    the units a manager may still assign by hand."""

    unit: Unit
    reviewers: int
    wanted: int
    candidates: tuple[Unit, ...]

    @property
    def sentence(self) -> str:
        have = f"có {self.reviewers}" if self.reviewers else "chưa có"
        tail = (
            "phân công bằng tay một đơn vị chấm thay."
            if self.candidates
            else "không còn đơn vị nào chấm thay được."
        )
        return f"{self.unit.name} {have} đơn vị chấm, quy chế cần {self.wanted}: {tail}"


def review_shortfalls(*, covenant: Covenant) -> list[Shortfall]:
    """Members reviewed by fewer units than the quy chế asks (never more than the other
    members can give: a block of two has one reviewer each), with who may still review:
    another member not yet involved, or the organiser itself."""
    cluster = covenant.cluster
    members = _members(covenant)
    wanted = min(cluster.reviewers_per_member, max(len(members) - 1, 1))
    if Method(cluster.score_method) is Method.LEADER:
        wanted = 1
    sheets = list(
        ScoreSheet.objects.filter(covenant=covenant, reviewer__isnull=False).values_list(
            "unit_id", "reviewer_id", "status"
        )
    )
    if not sheets:
        return []  # nothing assigned yet: "Phân công chấm chéo" comes first
    found = []
    for unit in members:
        involved = {r for u, r, _ in sheets if u == unit.pk}
        active = sum(1 for u, _, st in sheets if u == unit.pk and st != ScoreSheetStatus.RECUSED)
        if active >= wanted:
            continue
        pool = [*members, *([cluster.organiser] if cluster.organiser else [])]
        candidates = tuple(m for m in pool if m.pk != unit.pk and m.pk not in involved)
        found.append(Shortfall(unit, active, wanted, candidates))
    return found


@transaction.atomic
def reviewers_assign(*, covenant: Covenant, by: Any) -> list[ScoreSheet]:
    """Assign the cross-review by the cluster's rule; pairs already assigned are kept."""
    cluster = covenant.cluster
    require_manager(by, cluster)
    require_not_published(covenant)
    if covenant.status == CovenantStatus.DRAFT:
        raise DomainError("covenant_not_open", "Giao ước chưa được đưa ra ký kết.")
    members = _members(covenant)
    leader = next(
        (m.unit for m in cluster.members.select_related("unit") if m.role == MemberRole.LEADER),
        None,
    )
    done = _assigned(covenant)
    created = []
    for unit, reviewer in plan_reviewers(
        members, cluster.reviewers_per_member, leader, Method(cluster.score_method)
    ):
        if (unit.pk, reviewer.pk) not in done:
            created.append(
                ScoreSheet.objects.create(covenant=covenant, unit=unit, reviewer=reviewer)
            )
            done.add((unit.pk, reviewer.pk))
    return created


@transaction.atomic
def reviewer_assign(*, covenant: Covenant, unit: Unit, reviewer: Unit, by: Any) -> ScoreSheet:
    """A reviewer assigned by hand (the cluster's leader or organiser): where recusal or a
    small block left a member short of the reviewers its quy chế asks."""
    require_manager(by, covenant.cluster)
    require_not_published(covenant)
    if covenant.status == CovenantStatus.DRAFT:
        raise DomainError("covenant_not_open", "Giao ước chưa được đưa ra ký kết.")
    _check_pair(covenant, unit, reviewer)
    with acting_as(by):
        return ScoreSheet.objects.create(covenant=covenant, unit=unit, reviewer=reviewer)


def _check_pair(covenant: Covenant, unit: Unit, reviewer: Unit) -> None:
    if unit.pk == reviewer.pk:
        raise DomainError("own_unit", "Không đơn vị nào chấm điểm thẩm định cho chính mình.")
    members = {u.pk for u in _members(covenant)}
    # The organiser may review by hand when the members cannot (recusal in a small block).
    if unit.pk not in members or reviewer.pk not in members | {covenant.cluster.organiser_id}:
        raise DomainError(
            "not_a_member",
            f"Đơn vị được chấm phải là thành viên {covenant.cluster.noun}; đơn vị chấm là "
            "thành viên hoặc cơ quan tổ chức.",
            field="reviewer",
        )
    if (unit.pk, reviewer.pk) in _assigned(covenant):
        raise DomainError(
            "already_assigned", f"{reviewer.name} đã được phân công chấm {unit.name}."
        )


@transaction.atomic
def review_recuse(*, sheet: ScoreSheet, by: Any, reason: str) -> ScoreSheet | None:
    """The reviewer declares a conflict of interest and steps aside; the next member in the
    cluster's order not yet involved with the unit takes the review over (returned), unless
    nobody is left."""
    if sheet.reviewer is None:
        raise DomainError("not_a_review", "Bảng tự chấm không từ chối được.")
    cluster = sheet.covenant.cluster
    require(
        can_act_for(by, sheet.reviewer) or can_manage(by, cluster),
        "Chỉ đơn vị được phân công chấm hoặc cơ quan tổ chức cụm mới ghi nhận từ chối chấm.",
    )
    require_not_published(sheet.covenant)
    if sheet.status != ScoreSheetStatus.DRAFT:
        raise DomainError("sheet_sent", "Bảng điểm đã gửi: không từ chối chấm được nữa.")
    if not reason.strip():
        raise DomainError(
            "reason_required", "Cần nêu rõ xung đột lợi ích để từ chối chấm.", field="reason"
        )
    sheet.status = ScoreSheetStatus.RECUSED
    sheet.recusal_reason = reason.strip()
    sheet.save(update_fields=["status", "recusal_reason", "updated_at"])
    sheet.lines.all().delete()
    members = _members(sheet.covenant)
    involved = {r for u, r in _assigned(sheet.covenant) if u == sheet.unit_id}
    start = next(i for i, m in enumerate(members) if m.pk == sheet.reviewer_id)
    for step in range(1, len(members)):
        candidate = members[(start + step) % len(members)]
        if candidate.pk != sheet.unit_id and candidate.pk not in involved:
            return ScoreSheet.objects.create(
                covenant=sheet.covenant, unit=sheet.unit, reviewer=candidate
            )
    return None
