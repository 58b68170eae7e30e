"""Forming a cluster, carrying it into the next year, and its leaders and rules."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from thidua.common.errors import DomainError
from thidua.core.scoring import Policy, RotationError, rotate
from thidua.core.text import fold, format_date
from thidua.emulation.access import require_organiser
from thidua.emulation.choices import ClusterChangeKind, MemberRole
from thidua.emulation.models import Cluster, ClusterChange, ClusterMember, Ranking
from thidua.orgs.models import Unit, UnitSuccession


def _record(cluster: Cluster, kind: str, unit: Unit | None = None, note: str = "") -> None:
    ClusterChange.objects.create(cluster=cluster, kind=kind, unit=unit, note=note)


def _set_roles(
    cluster: Cluster,
    leader: Unit | None,
    deputy: Unit | None,
    reason: str,
    deputy_reason: str | None = None,
) -> None:
    if leader is not None and deputy is not None and leader.pk == deputy.pk:
        raise DomainError(
            "leader_is_deputy",
            f"{cluster.leader_word} và {cluster.deputy_word.lower()} phải là hai đơn vị khác nhau.",
            field="deputy",
        )
    members = {m.unit_id: m for m in cluster.members.all()}
    for unit, field in ((leader, "leader"), (deputy, "deputy")):
        if unit is not None and unit.pk not in members:
            raise DomainError(
                "not_a_member",
                f"{unit.name} không phải thành viên {cluster.noun} năm {cluster.year}.",
                field=field,
            )
    # Clear first: the one-leader and one-deputy constraints hold after every statement.
    cluster.members.exclude(role=MemberRole.MEMBER).update(role=MemberRole.MEMBER)
    for unit, role, kind, why in (
        (leader, MemberRole.LEADER, ClusterChangeKind.LEADER, reason),
        (deputy, MemberRole.DEPUTY, ClusterChangeKind.DEPUTY, deputy_reason or reason),
    ):
        if unit is not None:
            ClusterMember.objects.filter(cluster=cluster, unit=unit).update(role=role)
            _record(cluster, kind, unit, why)


def _code_from(name: str) -> str:
    """A code kept from year to year, from the name: "Cụm thi đua số 3" → "CUM-THI-DUA-SO-3"."""
    words = "".join(ch if ch.isalnum() else " " for ch in fold(name)).upper().split()
    return "-".join(words)[:64].rstrip("-")


def _check_members(*, organiser: Unit, year: int, members: Sequence[Unit], noun: str) -> None:
    """At least two units, each in force in the year, none twice, none already in another
    cluster or block of the same organiser that year."""
    if len(members) < 2:
        raise DomainError(
            "too_few_members",
            f"{noun.capitalize()} cần ít nhất hai đơn vị thành viên.",
            field="members",
        )
    if len({u.pk for u in members}) != len(members):
        raise DomainError("member_twice", "Một đơn vị được chọn hai lần.", field="members")
    start = date(year, 1, 1)
    for unit in members:
        if unit.valid_to is not None and unit.valid_to < start:
            raise DomainError(
                "unit_ended",
                f"{unit.name} hoạt động đến hết ngày {format_date(unit.valid_to)}, không tham "
                f"gia {noun} năm {year} được.",
                field="members",
            )
    _check_elsewhere(organiser=organiser, year=year, units=members)


def _check_under(organiser: Unit, members: Sequence[Unit], noun: str) -> None:
    """The members of a new cluster are units the organiser manages (below it in the tree);
    the organiser itself does not compete in its own cluster."""
    for unit in members:
        if unit.pk == organiser.pk or not unit.path.startswith(organiser.path):
            raise DomainError(
                "member_outside",
                f"{unit.name} không phải đơn vị trực thuộc {organiser.name}: thành viên {noun} "
                "là các đơn vị do cơ quan tổ chức quản lý.",
                field="members",
            )


def _check_elsewhere(*, organiser: Unit | None, year: int, units: Sequence[Unit]) -> None:
    """A unit takes part in one cluster or block of an organiser a year."""
    if organiser is None:
        return
    taken = (
        ClusterMember.objects.filter(
            cluster__organiser=organiser, cluster__year=year, unit__in=units
        )
        .select_related("unit", "cluster")
        .order_by("unit__sort_key")
        .first()
    )
    if taken is not None:
        raise DomainError(
            "member_elsewhere",
            f"{taken.unit.name} đã là thành viên {taken.cluster.name} năm {year}; một đơn vị "
            f"chỉ tham gia một cụm, khối của cùng cơ quan tổ chức trong năm.",
            field="members",
        )


@transaction.atomic
def cluster_create(
    *,
    by: Any,
    name: str,
    kind: str,
    year: int,
    organiser: Unit,
    organiser_level: str,
    members: Sequence[Unit],
    code: str = "",
    leader: Unit | None = None,
    deputy: Unit | None = None,
    rotation_policy: str = Policy.DEPUTY_NEXT,
) -> Cluster:
    """Form a cluster for its first year (later years come from ``cluster_year_create``):
    the members in their rotation order, the leader and deputy of the founding decision.
    Without a ``code``, one is made from the name."""
    cluster = Cluster(
        code=code.strip() or _code_from(name),
        name=name.strip(),
        kind=kind,
        year=year,
        organiser=organiser,
        organiser_level=organiser_level,
        rotation_policy=rotation_policy,
    )
    require_organiser(by, cluster)
    if Cluster.objects.filter(code=cluster.code, year=year).exists():
        raise DomainError(
            "cluster_exists",
            f"Đã có cụm, khối mã “{cluster.code}” năm {year}; chọn mã khác.",
            field="code",
        )
    cluster.full_clean(validate_constraints=False)
    _check_under(organiser, members, cluster.noun)
    _check_members(organiser=organiser, year=year, members=members, noun=cluster.noun)
    cluster.save()
    for order, unit in enumerate(members, start=1):
        ClusterMember.objects.create(cluster=cluster, unit=unit, order=order)
    _record(cluster, ClusterChangeKind.CREATED, note=f"Thành lập với {len(members)} thành viên")
    _set_roles(cluster, leader, deputy, "Theo quyết định thành lập")
    return cluster


def _successor(unit: Unit, on: date) -> Unit | None:
    """The unit still in force that took over ``unit`` (following merges), if any."""
    seen = {unit.pk}
    current = unit
    while current.valid_to is not None and current.valid_to < on:
        link = (
            UnitSuccession.objects.filter(predecessor=current)
            .select_related("successor")
            .order_by("effective_date")
            .first()
        )
        if link is None or link.successor_id in seen:
            return None
        seen.add(link.successor_id)
        current = link.successor
    return current


@transaction.atomic
def cluster_year_create(
    *,
    previous: Cluster,
    by: Any,
    add: Sequence[Unit] = (),
    remove: Sequence[Unit] = (),
    elected: tuple[Unit, Unit] | None = None,
) -> Cluster:
    """The next year's cluster: members carry over in their order (a unit that ended is
    replaced by its successor), ``add`` and ``remove`` apply, leader and deputy follow the
    rotation policy, and every change is recorded on the new year."""
    require_organiser(by, previous)
    year = previous.year + 1
    if Cluster.objects.filter(code=previous.code, year=year).exists():
        raise DomainError(
            "cluster_year_exists", f"{previous.name} đã có danh sách thành viên năm {year}."
        )
    start = date(year, 1, 1)
    old = list(previous.members.select_related("unit").order_by("order", "pk"))
    removed = {u.pk for u in remove}
    cluster = Cluster.objects.create(
        year=year,
        previous=previous,
        **{
            f: getattr(previous, f)
            for f in (
                "code",
                "name",
                "kind",
                "organiser_level",
                "organiser",
                "rotation_policy",
                "score_method",
                "disagreement_spread",
                "reviewers_per_member",
                "flag_quota",
                "merit_quota",
            )
        },
    )
    _record(cluster, ClusterChangeKind.CREATED, note=f"Lập từ danh sách năm {previous.year}")
    units: list[Unit] = []
    for member in old:
        unit = member.unit
        if unit.pk in removed:
            _record(cluster, ClusterChangeKind.LEFT, unit, "Theo đề nghị của cơ quan tổ chức")
            continue
        heir = _successor(unit, start)
        if heir is None:
            _record(
                cluster,
                ClusterChangeKind.LEFT,
                unit,
                f"Đơn vị hoạt động đến hết ngày {format_date(unit.valid_to)}",
            )
            continue
        if heir.pk != unit.pk:
            _record(cluster, ClusterChangeKind.LEFT, unit, f"Đã sáp nhập vào {heir.name}")
            if heir in units or heir.pk in removed:
                continue
            _record(cluster, ClusterChangeKind.JOINED, heir, f"Kế thừa {unit.name}")
        units.append(heir)
    for unit in add:
        if unit not in units:
            units.append(unit)
            _record(cluster, ClusterChangeKind.JOINED, unit, "Theo đề nghị của cơ quan tổ chức")
    _check_elsewhere(organiser=cluster.organiser, year=year, units=units)
    for order, unit in enumerate(units, start=1):
        ClusterMember.objects.create(cluster=cluster, unit=unit, order=order)
    _rotate(cluster, previous, units, elected)
    return cluster


def _rotate(
    cluster: Cluster, previous: Cluster, units: list[Unit], elected: tuple[Unit, Unit] | None
) -> None:
    roles = {m.role: m.unit.code for m in previous.members.select_related("unit")}
    policy = Policy(cluster.rotation_policy)
    if policy is Policy.ELECTION and elected is None:
        _record(cluster, ClusterChangeKind.LEADER, note="Chờ kết quả bầu tại hội nghị")
        return
    by_code = {u.code: u for u in units}
    try:
        result = rotate(
            members=[u.code for u in units],
            leader=roles.get(MemberRole.LEADER),
            deputy=roles.get(MemberRole.DEPUTY),
            policy=policy,
            elected=(elected[0].code, elected[1].code) if elected else None,
        )
    except RotationError as error:
        raise DomainError("rotation", str(error)) from error
    deputy = by_code[result.deputy] if result.deputy else None
    _set_roles(cluster, by_code[result.leader], deputy, result.reason, result.deputy_reason)


@transaction.atomic
def cluster_leaders_set(
    *, cluster: Cluster, leader: Unit, deputy: Unit | None, by: Any, reason: str
) -> Cluster:
    """Record the result of the year-end election (or a change decided by the organiser)."""
    require_organiser(by, cluster)
    if not reason.strip():
        raise DomainError("reason_required", "Cần ghi căn cứ (kết quả bầu, quyết định).")
    _set_roles(cluster, leader, deputy, reason.strip())
    return cluster


CLUSTER_RULE_FIELDS = frozenset(
    {"score_method", "disagreement_spread", "reviewers_per_member", "flag_quota", "merit_quota"}
)


@transaction.atomic
def cluster_rules_update(*, cluster: Cluster, by: Any, **changes: Any) -> Cluster:
    """The cluster's scoring rules: method, spread that calls for a look, quotas."""
    require_organiser(by, cluster)
    if Ranking.objects.filter(covenant__cluster=cluster).exists():
        raise DomainError(
            "ranking_published", "Kết quả xếp hạng đã công bố: không thay đổi quy chế chấm điểm."
        )
    unknown = set(changes) - CLUSTER_RULE_FIELDS
    if unknown:
        field = sorted(unknown)[0]
        raise DomainError("not_editable", f"Trường “{field}” không sửa được.", field=field)
    for field, value in changes.items():
        setattr(cluster, field, Decimal(value) if field == "disagreement_spread" else value)
    cluster.full_clean()
    cluster.save()
    return cluster
