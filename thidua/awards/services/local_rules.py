"""Writes of "Quy định riêng của địa phương": one version of a unit's rules, from a date.
django-auditlog records each change (who, when, old → new)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from thidua.awards.local_rules import SHARE_FIELDS, can_edit_local_rules
from thidua.awards.models import UnitRuleSettings
from thidua.common.errors import DomainError
from thidua.orgs.models import Unit


def _require_editor(by: Any, unit: Unit, row: UnitRuleSettings | None) -> None:
    if not can_edit_local_rules(by, unit):
        raise PermissionDenied("Anh/chị không có quyền sửa quy định riêng của đơn vị này.")
    if row is not None and row.unit_id != unit.pk:
        raise PermissionDenied("Quy định này không phải của đơn vị đang chọn.")


def local_rules_save(
    *, unit: Unit, by: Any, data: dict[str, Any], row: UnitRuleSettings | None = None
) -> UnitRuleSettings:
    """Create a version of ``unit``'s rules, or change ``row`` (one of its versions)."""
    _require_editor(by, unit, row)
    same_day = UnitRuleSettings.objects.filter(unit=unit, valid_from=data["valid_from"])
    if row is not None:
        same_day = same_day.exclude(pk=row.pk)
    if same_day.exists():
        raise DomainError(
            "duplicate",
            f"{unit.name} đã có quy định áp dụng từ ngày {data['valid_from']:%d/%m/%Y}; "
            "hãy sửa quy định đó hoặc chọn ngày khác.",
            field="valid_from",
        )
    with transaction.atomic():
        row = row or UnitRuleSettings(unit=unit)
        row.valid_from = data["valid_from"]
        row.basis = data["basis"]
        for name in SHARE_FIELDS:
            setattr(row, name, data.get(name))
        row.giay_khen_min_rating = data.get("giay_khen_min_rating") or ""
        row.ldtt_barred_from = data.get("ldtt_barred_from") or ""
        row.full_clean()
        row.save()
    return row


def local_rules_delete(*, unit: Unit, by: Any, row: UnitRuleSettings) -> None:
    """Remove a version entered by mistake: from its date the version before it (or the
    rules of the units above, or the law) applies again. The audit log keeps what it said;
    decisions already taken keep the verdicts recorded on their candidates."""
    _require_editor(by, unit, row)
    row.delete()
