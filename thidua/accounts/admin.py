from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from thidua.accounts.forms import AdminPasswordChangeForm
from thidua.accounts.models import ApiToken, Role, User
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
    list_display = ["user", "name", "prefix", "created_at", "last_used_at", "revoked"]
    readonly_fields = ["prefix", "digest", "last_used_at"]
