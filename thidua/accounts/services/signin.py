"""Lifting a sign-in lock: an administrator's decision, kept in the audit log."""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from axes.models import AccessAttempt
from django.db import transaction


@transaction.atomic
def signin_unlock(*, username: str = "", ip_address: str = "", by: Any) -> int:
    """Forget the failures of ``username`` (at any address) or of ``ip_address`` (for any
    account), so they may sign in again at once; the number of records cleared."""
    attempts = AccessAttempt.objects.all()
    if username:
        attempts = attempts.filter(username=username)
    if ip_address:
        attempts = attempts.filter(ip_address=ip_address)
    if not (username or ip_address):
        return 0
    cleared = 0
    for attempt in attempts.select_for_update():
        LogEntry.objects.log_create(
            attempt,
            force_log=True,
            action=LogEntry.Action.DELETE,
            actor=by,
            changes={
                "mở khóa đăng nhập": [
                    f"{attempt.username} từ {attempt.ip_address}, "
                    f"{attempt.failures_since_start} lần sai",
                    "",
                ]
            },
        )
        attempt.delete()
        cleared += 1
    return cleared
