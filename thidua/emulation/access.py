"""Who may act on a cluster's year: the members' officers for their own unit, the cluster's
managers (officers of the organising body or of the leading unit) for the cluster.

Services call ``require_*`` so that the web pages and the API refuse the same things (403);
selectors use the ``can_*`` tests to hide what a user may not see (404).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from thidua.accounts.scoping import scope_for
from thidua.emulation.choices import MemberRole
from thidua.emulation.models import Cluster, ClusterMember
from thidua.orgs.models import Unit


def leader_unit_id(cluster: Cluster) -> int | None:
    return (
        ClusterMember.objects.filter(cluster=cluster, role=MemberRole.LEADER)
        .values_list("unit_id", flat=True)
        .first()
    )


def can_organise(user: Any, cluster: Cluster) -> bool:
    """The organising body's officers: they form the cluster, its members and its rules."""
    scope = scope_for(user)
    return scope.everything or (
        cluster.organiser_id is not None and scope.can_write(cluster.organiser_id)
    )


def can_manage(user: Any, cluster: Cluster) -> bool:
    """The organiser's officers and the leading unit's: they run the year (covenant,
    reviewers, ranking)."""
    if can_organise(user, cluster):
        return True
    leader = leader_unit_id(cluster)
    return leader is not None and scope_for(user).can_write(leader)


def can_act_for(user: Any, unit: Unit | int | None) -> bool:
    unit_id = unit.pk if isinstance(unit, Unit) else unit
    return unit_id is not None and scope_for(user).can_write(unit_id)


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def require_organiser(user: Any, cluster: Cluster) -> None:
    require(
        can_organise(user, cluster),
        f"Chỉ cơ quan tổ chức {cluster.noun} mới thực hiện được việc này.",
    )


def require_manager(user: Any, cluster: Cluster) -> None:
    require(
        can_manage(user, cluster),
        f"Chỉ cơ quan tổ chức hoặc đơn vị {cluster.leader_word.lower()} mới thực hiện được "
        "việc này.",
    )


def require_unit(user: Any, unit: Unit, what: str) -> None:
    require(can_act_for(user, unit), f"Anh/chị không được {what} thay cho {unit.name}.")
