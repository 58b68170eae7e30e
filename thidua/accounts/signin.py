"""Sign-in throttling on top of django-axes: how failures count, and what the
administrator's Đăng nhập page reads (locks in force, every attempt)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.db.models import QuerySet, Sum
from django.utils import timezone


class SignInHandler(AxesDatabaseHandler):
    """Axes' database handler with two limits instead of one: ``AXES_FAILURE_LIMIT`` for one
    account at one address, ``AXES_ADDRESS_FAILURE_LIMIT`` for an address whatever the
    account (the counts of ``AXES_LOCKOUT_PARAMETERS``, in its order). Axes compares a single
    count with ``AXES_FAILURE_LIMIT``, so the address's count is scaled to it."""

    def get_failures(self, request: Any, credentials: dict[str, Any] | None = None) -> int:
        account, address = (
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        scaled = address * settings.AXES_FAILURE_LIMIT // settings.AXES_ADDRESS_FAILURE_LIMIT
        return max(account, scaled)

    def reset_user_attempts(self, request: Any, credentials: dict[str, Any] | None = None) -> int:
        """A success forgets the failures of that account at that address only: axes would
        also forget the address's, so one valid account would lift every lock on it."""
        account, _address = self.filter_user_attempts(request, credentials)
        deleted, _ = account.delete()
        return int(deleted)


def cool_off_start() -> datetime:
    return timezone.now() - settings.AXES_COOLOFF_TIME


def locks_in_force() -> QuerySet[AccessAttempt]:
    """Accounts at an address that have reached the limit within the cool-off, newest first
    (an address locked by many accounts shows as each of its rows)."""
    return AccessAttempt.objects.filter(
        attempt_time__gte=cool_off_start(),
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
    ).order_by("-attempt_time")


def address_locks_in_force() -> list[tuple[str, int]]:
    """Addresses past their own limit within the cool-off, with their failure counts."""
    counts: dict[str, int] = {}
    for ip, failures in AccessAttempt.objects.filter(
        attempt_time__gte=cool_off_start()
    ).values_list("ip_address", "failures_since_start"):
        if ip:
            counts[ip] = counts.get(ip, 0) + failures
    limit = settings.AXES_ADDRESS_FAILURE_LIMIT
    return sorted((ip, n) for ip, n in counts.items() if n >= limit)


@dataclass(frozen=True, slots=True)
class Attempt:
    """One line of the sign-in log: a success (AccessLog) or a failure (AccessFailureLog)."""

    at: datetime
    username: str
    ip_address: str
    user_agent: str
    succeeded: bool
    locked_out: bool
    signed_out_at: datetime | None


def recent_attempts(*, limit: int = 200, username: str = "") -> list[Attempt]:
    """The newest ``limit`` attempts, successes and failures together."""
    successes = AccessLog.objects.order_by("-attempt_time")
    failures = AccessFailureLog.objects.order_by("-attempt_time")
    if username:
        successes, failures = (
            successes.filter(username=username),
            failures.filter(username=username),
        )
    lines = [
        Attempt(
            a.attempt_time,
            a.username or "",
            a.ip_address or "",
            a.user_agent,
            True,
            False,
            a.logout_time,
        )
        for a in successes[:limit]
    ] + [
        Attempt(
            f.attempt_time,
            f.username or "",
            f.ip_address or "",
            f.user_agent,
            False,
            f.locked_out,
            None,
        )
        for f in failures[:limit]
    ]
    return sorted(lines, key=lambda a: a.at, reverse=True)[:limit]
