from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from thidua.accounts.forms import AdminPasswordChangeForm
from thidua.accounts.models import ApiToken, Role, User
from thidua.accounts.services import token_revoke
from thidua.accounts.services.passwords import password_set_by_administrator


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "full_name", "is_active", "is_superuser", "must_change_password"]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        ("Thi đua", {"fields": ["full_name", "must_change_password"]}),
    )
    inlines = [RoleInline]
    change_password_form = AdminPasswordChangeForm

    def save_model(self, request: Any, obj: User, form: Any, change: bool) -> None:
        """A new account's password was chosen by the administrator: the person chooses
        their own at first sign-in."""
        if change:
            super().save_model(request, obj, form, change)
        else:
            password_set_by_administrator(user=obj, password=None)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Seen and revoked here; made only by ``thidua token create`` or the owner's account page
    (the token must be shown once to whoever will use it, which this page cannot do)."""

    list_display = [
        "user",
        "name",
        "prefix",
        "scope",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked",
    ]
    list_filter = ["scope", "revoked"]
    search_fields = ["user__username", "name", "prefix"]
    actions = ["revoke"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    @admin.action(description="Thu hồi các mã truy cập đã chọn")
    def revoke(self, request: Any, queryset: Any) -> None:
        revoked = sum(
            token_revoke(prefix=prefix) for prefix in queryset.values_list("prefix", flat=True)
        )
        self.message_user(request, f"Đã thu hồi {revoked} mã truy cập.")
