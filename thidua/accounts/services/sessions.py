"""Where a user is signed in: a record per session written at sign-in, refreshed while the
session is used, and ended from the account page (one session, or every one)."""

from __future__ import annotations

from datetime import datetime
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction

from thidua.accounts.models import User, UserSession


def _store(session_key: str | None = None) -> SessionBase:
    engine = import_module(settings.SESSION_ENGINE)
    return engine.SessionStore(session_key)


def session_exists(session_key: str) -> bool:
    return _store().exists(session_key)


@transaction.atomic
def session_record(
    *, user: User, session_key: str, ip_address: str | None, user_agent: str, at: datetime
) -> UserSession:
    """The sign-in of ``session_key``; the user's records of sessions that ended without a
    sign-out (expired, or cut by a password change) go."""
    for stale in UserSession.objects.filter(user=user).exclude(session_key=session_key):
        if not session_exists(stale.session_key):
            stale.delete()
    record, _ = UserSession.objects.update_or_create(
        session_key=session_key,
        defaults={
            "user": user,
            "ip_address": ip_address,
            "user_agent": user_agent[:300],
            "signed_in_at": at,
            "last_active_at": at,
        },
    )
    return record


def session_touch(*, session_key: str, at: datetime) -> None:
    UserSession.objects.filter(session_key=session_key).update(last_active_at=at)


def session_rekey(*, old: str | None, new: str | None) -> None:
    """The session took a new key (Django does so when its password changes)."""
    if old and new and old != new:
        UserSession.objects.filter(session_key=old).update(session_key=new)


def session_forget(*, session_key: str) -> None:
    """The session was signed out (or timed out): its record goes."""
    UserSession.objects.filter(session_key=session_key).delete()


@transaction.atomic
def session_end(*, user: Any, session_key: str) -> bool:
    """Sign ``user`` out of one of their sessions (another browser); False if not theirs."""
    record = UserSession.objects.filter(user=user, session_key=session_key).first()
    if record is None:
        return False
    _store(session_key).delete(session_key)
    record.delete()
    return True


@transaction.atomic
def sessions_end_all(*, user: Any, keep: str | None = None) -> int:
    """Sign ``user`` out everywhere but the session ``keep`` (none: this browser too); the
    number of sessions ended."""
    records = list(UserSession.objects.filter(user=user).exclude(session_key=keep or ""))
    for record in records:
        _store(record.session_key).delete(record.session_key)
    UserSession.objects.filter(pk__in=[r.pk for r in records]).delete()
    return len(records)
