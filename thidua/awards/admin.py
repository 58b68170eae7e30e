from typing import Any

from django.contrib import admin

from thidua.awards.models import AwardRecord, CalendarDay, Comment, Decision, Proposal
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


# The commendation cycle: the holiday calendar is the administrator's to edit; proposals,
# comments and sessions are shown for support, changed through the pages and their services.
@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["day", "kind", "name", "basis"]
    list_filter = ["kind"]
    search_fields = ["name", "basis"]
    date_hierarchy = "day"


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "unit", "year", "status", "review_due"]
    list_filter = ["status", "year"]


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = ["subject", "name", "status", "is_valid", "created_at"]
    list_filter = ["status"]
