"""Phong trào thi đua: create as a draft, launch, and move through its stages (Điều 17 Luật
Thi đua, khen thưởng 2022: launch and carry out; sơ kết, tổng kết and commend)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from thidua.common.errors import DomainError
from thidua.emulation.access import require_unit
from thidua.emulation.choices import MovementStatus
from thidua.emulation.evidence import evidence_check
from thidua.emulation.models import Movement, MovementAttachment
from thidua.orgs.models import Unit

LIFECYCLE: tuple[str, ...] = (
    MovementStatus.DRAFT,
    MovementStatus.LAUNCHED,
    MovementStatus.REGISTRATION,
    MovementStatus.INTERIM,
    MovementStatus.FINAL,
    MovementStatus.CLOSED,
)
EDITABLE_FIELDS = frozenset(
    {"name", "theme", "kind", "year", "authority", "start", "end", "goals", "criteria"}
)


def next_status(status: str) -> str | None:
    index = LIFECYCLE.index(status)
    return LIFECYCLE[index + 1] if index + 1 < len(LIFECYCLE) else None


def _check_dates(movement: Movement) -> None:
    if movement.start and movement.end and movement.end < movement.start:
        raise DomainError(
            "movement_dates", "Ngày kết thúc phải sau ngày bắt đầu phong trào.", field="end"
        )


@transaction.atomic
def movement_create(
    *,
    by: Any,
    launched_by: Unit,
    scope: Sequence[Unit],
    **fields: Any,
) -> Movement:
    require_unit(by, launched_by, "phát động phong trào")
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise DomainError("not_editable", f"Trường “{sorted(unknown)[0]}” không có.")
    movement = Movement(launched_by=launched_by, status=MovementStatus.DRAFT, **fields)
    _check_dates(movement)
    movement.full_clean()
    movement.save()
    movement.scope.set(scope)
    return movement


@transaction.atomic
def movement_update(
    *, movement: Movement, by: Any, scope: Sequence[Unit] | None = None, **changes: Any
) -> Movement:
    """Change a draft; once launched, the units in scope rely on what was published."""
    require_unit(by, movement.launched_by, "sửa phong trào")
    if movement.status != MovementStatus.DRAFT:
        raise DomainError(
            "movement_launched", "Phong trào đã phát động: không sửa nội dung được nữa."
        )
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise DomainError("not_editable", f"Trường “{sorted(unknown)[0]}” không sửa được.")
    for field, value in changes.items():
        setattr(movement, field, value)
    _check_dates(movement)
    movement.full_clean()
    movement.save()
    if scope is not None:
        movement.scope.set(scope)
    return movement


@transaction.atomic
def movement_advance(*, movement: Movement, by: Any, to: str) -> Movement:
    """Move to the next stage, one at a time; a movement launches only with units in scope."""
    require_unit(by, movement.launched_by, "chuyển giai đoạn phong trào")
    expected = next_status(movement.status)
    if expected is None or to != expected:
        current = MovementStatus(movement.status).label
        raise DomainError(
            "movement_stage",
            f"Phong trào đang ở giai đoạn “{current}”"
            + (
                f": giai đoạn tiếp theo là “{MovementStatus(expected).label}”."
                if expected
                else " nên không chuyển tiếp được."
            ),
        )
    if to == MovementStatus.LAUNCHED and not movement.scope.exists():
        raise DomainError(
            "movement_scope", "Cần chọn các đơn vị tham gia trước khi phát động phong trào."
        )
    movement.status = to
    movement.save(update_fields=["status", "updated_at"])
    return movement


@transaction.atomic
def movement_attachment_add(
    *, movement: Movement, by: Any, title: str, file: UploadedFile
) -> MovementAttachment:
    require_unit(by, movement.launched_by, "đính kèm tài liệu cho phong trào")
    evidence_check(file, field="file")
    attachment = MovementAttachment(
        movement=movement, title=title.strip() or file.name or "", file=file
    )
    attachment.full_clean()
    attachment.save()
    return attachment
