"""Đăng ký thi đua: a unit registers itself and its people at the start of the year; the
unit's officer approves a person's registration, the level above approves a unit's."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from thidua.common.errors import DomainError
from thidua.core.catalog import BY_CODE, RECIPIENT_LABELS, Kind, Recipient
from thidua.core.text import format_date
from thidua.emulation.access import can_act_for, require, require_unit
from thidua.emulation.choices import MovementStatus, RegistrationStatus
from thidua.emulation.models import Movement, Registration
from thidua.orgs.models import Person, Unit

OPEN = (RegistrationStatus.DRAFT, RegistrationStatus.SUBMITTED, RegistrationStatus.APPROVED)


def approver_unit(registration: Registration) -> Unit | None:
    """Whose officer decides: the unit itself for its people, the level above for the unit."""
    return registration.unit if registration.person_id else registration.unit.parent


def _check_target(target: str, person: Person | None) -> None:
    award = BY_CODE.get(target)
    recipient = Recipient.INDIVIDUAL if person else Recipient.COLLECTIVE
    if award is None:
        raise DomainError("unknown_code", f"Mã danh hiệu “{target}” không có.", field="target")
    if award.kind is not Kind.TITLE:
        # A registration names the emulation title aimed for; forms of commendation are
        # proposed at the end of the year, not registered (UI.md: never mix the two).
        raise DomainError(
            "not_a_title",
            f"{award.name} là hình thức khen thưởng, không phải danh hiệu thi đua để đăng ký.",
            field="target",
        )
    if not award.accepts(recipient):
        raise DomainError(
            "wrong_recipient",
            f"Danh hiệu {award.name} không dành cho {RECIPIENT_LABELS[recipient]}.",
            field="target",
        )


def _check_movement(movement: Movement | None, unit: Unit) -> None:
    if movement is None:
        return
    if movement.status != MovementStatus.REGISTRATION:
        raise DomainError(
            "registration_closed",
            f"Phong trào “{movement.name}” không trong giai đoạn đăng ký thi đua.",
        )
    paths = movement.scope.values_list("path", flat=True)
    if not any(unit.path.startswith(p) for p in paths):
        raise DomainError(
            "not_in_scope", f"{unit.name} không thuộc phạm vi phong trào “{movement.name}”."
        )


@transaction.atomic
def registration_create(
    *,
    by: Any,
    year: int,
    unit: Unit,
    target: str,
    person: Person | None = None,
    movement: Movement | None = None,
) -> Registration:
    require_unit(by, unit, "đăng ký thi đua")
    if unit.valid_to is not None and unit.valid_to < date(year, 1, 1):
        raise DomainError(
            "unit_ended",
            f"{unit.name} hoạt động đến hết ngày {format_date(unit.valid_to)}, không đăng ký "
            f"thi đua năm {year} được.",
        )
    if person is not None and not person.unit.path.startswith(unit.path):
        raise DomainError(
            "person_elsewhere",
            f"{person.full_name} không công tác tại {unit.name}.",
            field="person",
        )
    _check_target(target, person)
    _check_movement(movement, unit)
    duplicate = Registration.objects.filter(
        year=year, unit=unit, person=person, movement=movement, status__in=OPEN
    )
    if duplicate.exists():
        who = person.full_name if person else unit.name
        raise DomainError("already_registered", f"{who} đã đăng ký thi đua năm {year}.")
    registration = Registration(
        year=year, unit=unit, person=person, movement=movement, target=target
    )
    registration.full_clean()
    registration.save()
    return registration


@transaction.atomic
def registration_submit(
    *, registration: Registration, by: Any, target: str | None = None
) -> Registration:
    """Send for approval (again, after a return: the target may change)."""
    require_unit(by, registration.unit, "gửi đăng ký thi đua")
    if registration.status not in (RegistrationStatus.DRAFT, RegistrationStatus.RETURNED):
        raise DomainError("registration_sent", "Đăng ký đã gửi duyệt.")
    if target is not None:
        _check_target(target, registration.person)
        registration.target = target
    registration.status = RegistrationStatus.SUBMITTED
    registration.submitted_at = timezone.now()
    registration.save()
    return registration


def _decide(registration: Registration, by: Any) -> None:
    approver = approver_unit(registration)
    require(
        approver is not None and can_act_for(by, approver),
        "Đăng ký của cá nhân do đơn vị duyệt; đăng ký của tập thể do đơn vị cấp trên duyệt.",
    )
    if registration.status != RegistrationStatus.SUBMITTED:
        raise DomainError("registration_not_sent", "Chỉ duyệt được đăng ký đang chờ duyệt.")
    registration.decided_by = by
    registration.decided_at = timezone.now()


@transaction.atomic
def registration_approve(*, registration: Registration, by: Any) -> Registration:
    _decide(registration, by)
    registration.status = RegistrationStatus.APPROVED
    registration.return_reason = ""
    registration.save()
    return registration


@transaction.atomic
def registration_return(*, registration: Registration, by: Any, reason: str) -> Registration:
    if not reason.strip():
        raise DomainError(
            "reason_required", "Cần ghi lý do trả lại để đơn vị bổ sung.", field="reason"
        )
    _decide(registration, by)
    registration.status = RegistrationStatus.RETURNED
    registration.return_reason = reason.strip()
    registration.save()
    return registration
