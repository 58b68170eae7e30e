from typing import Any

from django.contrib import admin

from thidua.awards.models import AwardRecord, Decision
from thidua.common.admin_base import LockableAdmin


class AwardRecordInline(admin.TabularInline):
    model = AwardRecord
    extra = 0
    fields = ("code", "year", "recipient_kind", "recipient_name", "unit", "revoked_at")
    readonly_fields = fields

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return obj is None or not obj.is_locked

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return obj is None or not obj.is_locked


@admin.register(Decision)
class DecisionAdmin(LockableAdmin):
    list_display = ["number", "date", "issuing_body", "signer_name", "status", "is_legacy"]
    list_filter = ["status", "is_legacy"]
    search_fields = ["number", "issuing_body", "title"]
    inlines = [AwardRecordInline]

    def is_locked(self, obj: Decision) -> bool:
        return obj.is_locked


@admin.register(AwardRecord)
class AwardRecordAdmin(LockableAdmin):
    list_display = ["year", "code", "recipient_kind", "recipient_name", "unit", "decision"]
    list_filter = ["year", "code", "recipient_kind"]
    search_fields = ["recipient_name", "decision__number"]
    autocomplete_fields = ["person", "collective", "household", "enterprise", "unit", "decision"]

    def is_locked(self, obj: AwardRecord) -> bool:
        return obj.decision.is_locked
