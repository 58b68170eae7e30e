"""API tokens: created per user, shown once, stored only as a SHA-256 digest."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from thidua.accounts.models import ApiToken, User
from thidua.common.errors import DomainError

TOKEN_PREFIX = "td_"
# Marking a token "used" on every request would write on every read; once a minute is enough
# to tell an officer which tokens are alive.
LAST_USED_RESOLUTION_SECONDS = 60


@dataclass(frozen=True)
class IssuedToken:
    token: str
    record: ApiToken


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def token_create(*, username: str, name: str = "") -> IssuedToken:
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise DomainError(
            "unknown_user", f"Không có người dùng “{username}” đang hoạt động.", field="username"
        )
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    record = ApiToken.objects.create(
        user=user, name=name.strip(), prefix=token[:12], digest=_digest(token)
    )
    return IssuedToken(token=token, record=record)


def token_authenticate(token: str) -> User | None:
    """The active user a token belongs to, or None for an unknown or revoked token."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    record = (
        ApiToken.objects.filter(digest=_digest(token), revoked=False, user__is_active=True)
        .select_related("user")
        .first()
    )
    if record is None:
        return None
    now = timezone.now()
    if (
        record.last_used_at is None
        or (now - record.last_used_at).total_seconds() > LAST_USED_RESOLUTION_SECONDS
    ):
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
    return record.user


def token_revoke(*, prefix: str) -> int:
    """Revoke every token starting with ``prefix``; the number revoked."""
    return ApiToken.objects.filter(prefix=prefix[:12], revoked=False).update(revoked=True)
