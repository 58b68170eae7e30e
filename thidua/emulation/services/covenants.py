"""Giao ước thi đua: draft the criteria, open it for signing, and each member signs."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from thidua.common.errors import DomainError
from thidua.core.scoring import CovenantError
from thidua.emulation.access import require_manager, require_unit
from thidua.emulation.choices import CovenantStatus, CriterionKind
from thidua.emulation.models import Cluster, Covenant, CovenantSignature, Criterion, Movement
from thidua.emulation.results import criteria_tree
from thidua.orgs.models import Unit


def _require_draft(covenant: Covenant) -> None:
    if covenant.status != CovenantStatus.DRAFT:
        raise DomainError(
            "covenant_not_draft",
            "Giao ước đã đưa ra ký kết: không thay đổi tiêu chí được nữa.",
        )


@transaction.atomic
def covenant_create(
    *,
    cluster: Cluster,
    by: Any,
    title: str = "",
    movement: Movement | None = None,
    copy_from: Covenant | None = None,
) -> Covenant:
    """A draft covenant for the cluster's year, optionally with last year's criteria."""
    require_manager(by, cluster)
    if cluster.covenants.exists():
        raise DomainError(
            "covenant_exists", f"{cluster.name} đã có giao ước thi đua năm {cluster.year}."
        )
    covenant = Covenant(
        cluster=cluster,
        movement=movement,
        title=title.strip()
        or f"Giao ước thi đua năm {cluster.year} của {cluster.name[0].lower()}{cluster.name[1:]}",
    )
    covenant.full_clean()
    covenant.save()
    if copy_from is not None:
        _copy_criteria(copy_from, covenant)
    return covenant


def _copy_criteria(source: Covenant, target: Covenant) -> None:
    new_ids: dict[int, Criterion] = {}
    # A parent is created before its children, whatever order the rows come in.
    pending = list(source.criteria.order_by("order", "pk"))
    while pending:
        rest = []
        for c in pending:
            if c.parent_id is not None and c.parent_id not in new_ids:
                rest.append(c)
                continue
            new_ids[c.pk] = Criterion.objects.create(
                covenant=target,
                parent=new_ids[c.parent_id] if c.parent_id else None,
                number=c.number,
                text=c.text,
                kind=c.kind,
                max_points=c.max_points,
                evidence=c.evidence,
                order=c.order,
            )
        if len(rest) == len(pending):
            raise DomainError("covenant_tree", "Cây tiêu chí của giao ước cũ bị lỗi.")
        pending = rest


@transaction.atomic
def criterion_add(
    *,
    covenant: Covenant,
    by: Any,
    number: str,
    text: str,
    kind: str = CriterionKind.ITEM,
    max_points: Decimal,
    evidence: str = "",
    parent: Criterion | None = None,
) -> Criterion:
    require_manager(by, covenant.cluster)
    _require_draft(covenant)
    if parent is not None and parent.covenant_id != covenant.pk:
        raise DomainError("criterion_parent", "Nhóm tiêu chí không thuộc giao ước này.")
    last = covenant.criteria.order_by("-order").values_list("order", flat=True).first()
    criterion = Criterion(
        covenant=covenant,
        parent=parent,
        number=number.strip(),
        text=text.strip(),
        kind=kind,
        max_points=max_points,
        evidence=evidence.strip(),
        order=(last or 0) + 1,
    )
    criterion.full_clean()
    criterion.save()
    try:
        criteria_tree(list(covenant.criteria.all()))
    except CovenantError as error:
        raise DomainError("covenant_tree", str(error)) from error
    return criterion


@transaction.atomic
def criterion_remove(*, criterion: Criterion, by: Any) -> None:
    require_manager(by, criterion.covenant.cluster)
    _require_draft(criterion.covenant)
    criterion.delete()


@transaction.atomic
def covenant_open(*, covenant: Covenant, by: Any) -> Covenant:
    """Put the covenant to the members for signing; its criteria are fixed from now on."""
    require_manager(by, covenant.cluster)
    _require_draft(covenant)
    try:
        tree = criteria_tree(list(covenant.criteria.all()))
    except CovenantError as error:
        raise DomainError("covenant_tree", str(error)) from error
    if tree.base_maximum <= 0:
        raise DomainError(
            "covenant_empty", "Giao ước cần ít nhất một tiêu chí có điểm trước khi ký kết."
        )
    covenant.status = CovenantStatus.OPEN
    covenant.save(update_fields=["status", "updated_at"])
    return covenant


@transaction.atomic
def covenant_sign(
    *,
    covenant: Covenant,
    unit: Unit,
    by: Any,
    signer_name: str,
    signer_title: str = "",
    at: datetime | None = None,
) -> CovenantSignature:
    """A member signs (who, when); the last signature makes the covenant signed."""
    require_unit(by, unit, "ký giao ước")
    if covenant.status == CovenantStatus.DRAFT:
        raise DomainError("covenant_not_open", "Giao ước chưa được đưa ra ký kết.")
    cluster = covenant.cluster
    if not cluster.members.filter(unit=unit).exists():
        raise DomainError("not_a_member", f"{unit.name} không phải thành viên {cluster.noun}.")
    if covenant.signatures.filter(unit=unit).exists():
        raise DomainError("already_signed", f"{unit.name} đã ký giao ước.")
    if not signer_name.strip():
        raise DomainError("signer_required", "Cần ghi họ tên người ký.", field="signer_name")
    signature = CovenantSignature(
        covenant=covenant,
        unit=unit,
        signer_name=signer_name.strip(),
        signer_title=signer_title.strip(),
        signed_at=at or timezone.now(),
    )
    signature.full_clean()
    signature.save()
    # Counted afresh: the covenant may come with its signatures prefetched (the page's).
    if CovenantSignature.objects.filter(covenant=covenant).count() == cluster.members.count():
        covenant.status = CovenantStatus.SIGNED
        covenant.signed_on = timezone.localdate(signature.signed_at)
        covenant.save(update_fields=["status", "signed_on", "updated_at"])
    return signature
