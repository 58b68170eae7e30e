"""Giao ước thi đua: draft the criteria (a checked tree, editable while a draft), open it for
signing or take it back while nobody has signed, sign (each member, or all at the signing
conference), and correct a signature recorded wrongly, with its reason."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from thidua.common.audit import acting_as
from thidua.common.errors import DomainError
from thidua.core.scoring import CovenantError
from thidua.emulation.access import (
    can_act_for,
    can_manage,
    require,
    require_manager,
    require_unit,
)
from thidua.emulation.choices import CovenantStatus, CriterionKind
from thidua.emulation.models import (
    Cluster,
    Covenant,
    CovenantSignature,
    Criterion,
    Movement,
    SignatureCorrection,
)
from thidua.emulation.results import criteria_tree
from thidua.orgs.models import Unit


def _require_draft(covenant: Covenant) -> None:
    if covenant.status != CovenantStatus.DRAFT:
        raise DomainError(
            "covenant_not_draft",
            "Giao ước đã đưa ra ký kết: không thay đổi tiêu chí được nữa.",
        )


def _checked_tree(covenant: Covenant, *, field: str | None = None) -> None:
    """The tree as stored now scores, and no group holds more than its maximum (read afresh:
    the covenant may come with its criteria prefetched, as the pages and the API load it)."""
    try:
        tree = criteria_tree(list(Criterion.objects.filter(covenant=covenant)))
    except CovenantError as error:
        raise DomainError("covenant_tree", str(error), field=field) from error
    overfull = tree.overfull()
    if overfull:
        refusal = DomainError("group_overfull", overfull[0], field=field)
        refusal.details = tuple(overfull)
        raise refusal


def with_year(text: str, old: int, new: int) -> str:
    """``text`` with the year ``old`` written as ``new`` (a whole number, not part of a code
    such as "2025-KH"): last year's covenant brought to this year."""
    return re.sub(rf"(?<![\d/-]){old}(?![\d-])", str(new), text)


@transaction.atomic
def covenant_create(
    *,
    cluster: Cluster,
    by: Any,
    title: str = "",
    movement: Movement | None = None,
    copy_from: Covenant | None = None,
    update_year: bool = False,
) -> Covenant:
    """A draft covenant for the cluster's year, optionally with last year's criteria
    (``update_year``: the year of that covenant written as this year in their texts)."""
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
        old = copy_from.cluster.year
        _copy_criteria(
            copy_from,
            covenant,
            (lambda text: with_year(text, old, cluster.year)) if update_year else (lambda t: t),
        )
    return covenant


def _copy_criteria(source: Covenant, target: Covenant, reword: Any) -> None:
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
                text=reword(c.text),
                kind=c.kind,
                max_points=c.max_points,
                evidence=reword(c.evidence),
                per_occurrence=c.per_occurrence,
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
    per_occurrence: Decimal | None = None,
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
        per_occurrence=per_occurrence,
        order=(last or 0) + 1,
    )
    criterion.full_clean()
    criterion.save()
    _checked_tree(covenant, field="max_points")
    return criterion


@transaction.atomic
def criterion_update(
    *,
    criterion: Criterion,
    by: Any,
    number: str,
    text: str,
    kind: str,
    max_points: Decimal,
    evidence: str = "",
    parent: Criterion | None = None,
    per_occurrence: Decimal | None = None,
) -> Criterion:
    """Reword, rescore or move a criterion of a draft; the tree stays one that scores."""
    covenant = criterion.covenant
    require_manager(by, covenant.cluster)
    _require_draft(covenant)
    if parent is not None and (parent.covenant_id != covenant.pk or parent.pk == criterion.pk):
        raise DomainError("criterion_parent", "Nhóm tiêu chí không hợp lệ.", field="parent")
    if kind != CriterionKind.GROUP and criterion.children.exists():
        raise DomainError(
            "criterion_has_children",
            f"Nhóm {criterion.number} còn tiêu chí bên trong: chuyển hoặc xóa các tiêu chí đó "
            "trước khi đổi loại.",
            field="kind",
        )
    criterion.number = number.strip()
    criterion.text = text.strip()
    criterion.kind = kind
    criterion.max_points = max_points
    criterion.evidence = evidence.strip()
    criterion.parent = parent
    criterion.per_occurrence = per_occurrence
    with acting_as(by):
        criterion.full_clean()
        criterion.save()
    _checked_tree(covenant, field="max_points")
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
    _checked_tree(covenant)
    tree = criteria_tree(list(Criterion.objects.filter(covenant=covenant)))
    if tree.base_maximum <= 0:
        raise DomainError(
            "covenant_empty", "Giao ước cần ít nhất một tiêu chí có điểm trước khi ký kết."
        )
    covenant.status = CovenantStatus.OPEN
    covenant.save(update_fields=["status", "updated_at"])
    return covenant


@transaction.atomic
def covenant_reopen(*, covenant: Covenant, by: Any, reason: str) -> Covenant:
    """Take an opened covenant back to a draft to change its criteria: only while no member
    has signed (a signature is given to the criteria as they stood)."""
    require_manager(by, covenant.cluster)
    if covenant.status != CovenantStatus.OPEN:
        raise DomainError("covenant_not_open", "Chỉ giao ước đang ký kết mới đưa về dự thảo được.")
    signed = list(covenant.signatures.select_related("unit").order_by("unit__sort_key"))
    if signed:
        names = ", ".join(s.unit.name for s in signed)
        raise DomainError(
            "covenant_signed",
            f"Đã có đơn vị ký giao ước ({names}): không đưa về dự thảo được nữa.",
        )
    if not reason.strip():
        raise DomainError(
            "reason_required", "Cần ghi lý do đưa giao ước về dự thảo.", field="reason"
        )
    with acting_as(by):
        covenant.status = CovenantStatus.DRAFT
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
    for_conference: bool = False,
) -> CovenantSignature:
    """A member signs (who, when); the last signature makes the covenant signed. At the
    conference (``for_conference``) the managers record each member's signature."""
    if for_conference:
        require_manager(by, covenant.cluster)
    else:
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


@dataclass(frozen=True, slots=True)
class ConferenceSigner:
    """Who signed for a member at the conference."""

    unit: Unit
    signer_name: str
    signer_title: str = ""


@transaction.atomic
def covenant_conference_record(
    *,
    covenant: Covenant,
    by: Any,
    held_on: date,
    place: str,
    note: str = "",
    signers: Sequence[ConferenceSigner] = (),
) -> Covenant:
    """The signing conference (date, place, what it adopted) and, for each member that
    signed there, who signed: recorded by the cluster's managers from the minutes."""
    require_manager(by, covenant.cluster)
    if covenant.status == CovenantStatus.DRAFT:
        raise DomainError("covenant_not_open", "Giao ước chưa được đưa ra ký kết.")
    if not place.strip():
        raise DomainError("place_required", "Cần ghi nơi tổ chức hội nghị.", field="place")
    if held_on.year not in (covenant.cluster.year - 1, covenant.cluster.year):
        raise DomainError(
            "conference_year",
            f"Hội nghị ký kết giao ước năm {covenant.cluster.year} phải họp trong năm "
            f"{covenant.cluster.year} hoặc cuối năm trước.",
            field="held_on",
        )
    with acting_as(by):
        covenant.conference_on = held_on
        covenant.conference_place = place.strip()
        covenant.conference_note = note.strip()
        covenant.full_clean()
        covenant.save()
        at = timezone.make_aware(datetime.combine(held_on, time(8, 0)))
        for signer in signers:
            covenant_sign(
                covenant=covenant,
                unit=signer.unit,
                by=by,
                signer_name=signer.signer_name,
                signer_title=signer.signer_title,
                at=at,
                for_conference=True,
            )
    return covenant


@transaction.atomic
def covenant_signature_correct(
    *,
    signature: CovenantSignature,
    by: Any,
    signer_name: str,
    signer_title: str = "",
    reason: str,
) -> CovenantSignature:
    """Correct who signed for a member; what was recorded before and why it changed stay."""
    covenant = signature.covenant
    require(
        can_manage(by, covenant.cluster) or can_act_for(by, signature.unit),
        "Chỉ đơn vị đã ký hoặc cơ quan tổ chức cụm mới đính chính được chữ ký.",
    )
    if hasattr(covenant, "ranking"):
        raise DomainError("published", "Kết quả xếp hạng đã công bố: không đính chính được nữa.")
    if not signer_name.strip():
        raise DomainError("signer_required", "Cần ghi họ tên người ký.", field="signer_name")
    if not reason.strip():
        raise DomainError("reason_required", "Cần ghi lý do đính chính.", field="reason")
    if (signer_name.strip(), signer_title.strip()) == (
        signature.signer_name,
        signature.signer_title,
    ):
        raise DomainError(
            "unchanged",
            "Người ký và chức vụ không thay đổi: không có gì để đính chính.",
            field="signer_name",
        )
    with acting_as(by):
        correction = SignatureCorrection(
            signature=signature,
            old_signer_name=signature.signer_name,
            old_signer_title=signature.signer_title,
            new_signer_name=signer_name.strip(),
            new_signer_title=signer_title.strip(),
            reason=reason.strip(),
            corrected_by=by if getattr(by, "is_authenticated", False) else None,
        )
        correction.full_clean()
        correction.save()
        signature.signer_name = signer_name.strip()
        signature.signer_title = signer_title.strip()
        signature.full_clean()
        signature.save()
    return signature
