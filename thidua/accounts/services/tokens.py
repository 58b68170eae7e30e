"""API tokens: created per user with a scope and a lifetime, shown once, stored only as a
SHA-256 digest, revoked by their owner on the account page or by an administrator."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from thidua.accounts.models import ApiToken, TokenScope, User
from thidua.common.errors import DomainError

TOKEN_PREFIX = "td_"
# Marking a token "used" on every request would write on every read; once a minute is enough
# to tell an officer which tokens are alive.
LAST_USED_RESOLUTION_SECONDS = 60
# A program that runs a quarter without its owner looking at it should need a new token; a
# year is the longest a province's security rules would let one live.
DEFAULT_DAYS = 90
MAX_DAYS = 365
NAME_MAX_LENGTH = 100


@dataclass(frozen=True)
class IssuedToken:
    token: str
    record: ApiToken


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _checked_days(days: int) -> int:
    if not 1 <= days <= MAX_DAYS:
        raise DomainError(
            "token_lifetime",
            f"Thời hạn của mã truy cập từ 1 đến {MAX_DAYS} ngày.",
            field="days",
        )
    return days


@transaction.atomic
def token_create(
    *,
    username: str,
    name: str = "",
    scope: str = TokenScope.WRITE,
    days: int = DEFAULT_DAYS,
) -> IssuedToken:
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise DomainError(
            "unknown_user", f"Không có người dùng “{username}” đang hoạt động.", field="username"
        )
    if scope not in TokenScope.values:
        raise DomainError(
            "token_scope", "Phạm vi của mã truy cập là “read” hoặc “write”.", field="scope"
        )
    name = name.strip()
    if len(name) > NAME_MAX_LENGTH:
        raise DomainError(
            "token_name", f"Tên gợi nhớ dài tối đa {NAME_MAX_LENGTH} ký tự.", field="name"
        )
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    record = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=token[:12],
        digest=_digest(token),
        scope=scope,
        expires_at=timezone.now() + dt.timedelta(days=_checked_days(days)),
    )
    return IssuedToken(token=token, record=record)


def token_authenticate(token: str) -> ApiToken | None:
    """The live token (its user active, not revoked, not expired) that ``token`` is, or None."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    now = timezone.now()
    record = (
        ApiToken.objects.filter(
            digest=_digest(token), revoked=False, expires_at__gt=now, user__is_active=True
        )
        .select_related("user")
        .first()
    )
    if record is None:
        return None
    if (
        record.last_used_at is None
        or (now - record.last_used_at).total_seconds() > LAST_USED_RESOLUTION_SECONDS
    ):
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
    return record


@transaction.atomic
def token_revoke(*, prefix: str) -> int:
    """Revoke every token starting with ``prefix``; the number revoked. One by one, so that
    the audit log shows each."""
    records = list(ApiToken.objects.filter(prefix=prefix[:12], revoked=False))
    for record in records:
        record.revoked = True
        record.save(update_fields=["revoked", "updated_at"])
    return len(records)


@transaction.atomic
def token_revoke_own(*, user: Any, pk: int) -> ApiToken:
    """Revoke one of ``user``'s own tokens (the account page): another's token is unknown."""
    record = ApiToken.objects.select_for_update().filter(user=user, pk=pk).first()
    if record is None:
        raise DomainError("unknown_token", "Không có mã truy cập này trong tài khoản.")
    if not record.revoked:
        record.revoked = True
        record.save(update_fields=["revoked", "updated_at"])
    return record
