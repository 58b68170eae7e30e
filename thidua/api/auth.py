"""Who calls the API: a bearer token (clients) or the browser's session (with CSRF)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from thidua.accounts.models import TokenScope
from thidua.accounts.services import token_authenticate

READING = frozenset({"GET", "HEAD", "OPTIONS"})


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        record = token_authenticate(token)
        if record is None:
            return None
        if record.scope == TokenScope.READ and request.method not in READING:
            raise PermissionDenied(
                "Mã truy cập này chỉ được đọc dữ liệu; để ghi, tạo mã truy cập có phạm vi "
                "“Đọc và ghi”."
            )
        request.user = record.user  # the audit log and the selectors name this user
        return record.user


AUTH = [BearerToken(), django_auth]
