"""Reads of ``accounts`` for the person's own pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from thidua.accounts.devices import device_label
from thidua.accounts.models import ApiToken, UserSession
from thidua.accounts.services.sessions import session_exists


@dataclass(frozen=True, slots=True)
class SessionLine:
    record: UserSession
    device: str
    current: bool


def user_sessions(*, user: Any, current_key: str | None) -> list[SessionLine]:
    """``user``'s sessions still alive, the most recently active first."""
    return [
        SessionLine(record, device_label(record.user_agent), record.session_key == current_key)
        for record in UserSession.objects.filter(user=user)
        if record.session_key == current_key or session_exists(record.session_key)
    ]


def user_tokens(*, user: Any) -> list[ApiToken]:
    """``user``'s API tokens, live ones first, the newest first within each."""
    return list(ApiToken.objects.filter(user=user).order_by("revoked", "-created_at"))
