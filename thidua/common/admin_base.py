"""Shared admin behaviour: Vietnamese dates, and read-only rows once they are locked."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest


class LockableAdmin(admin.ModelAdmin):
    """Rows for which ``is_locked(obj)`` holds can be viewed, not changed or deleted."""

    def is_locked(self, obj: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and self.is_locked(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and self.is_locked(obj):
            return False
        return super().has_delete_permission(request, obj)
