"""Reads of ``accounts`` for the person's own pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.accounts.devices import device_label
from thidua.accounts.models import ApiToken, RoleKind, UserSession
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


def second_factor_required(user: Any) -> bool:
    """Whether ``user``'s roles oblige a second factor (``THIDUA_SECOND_FACTOR_ROLES``):
    "admin" covers staff accounts and superusers as well as the role."""
    roles = settings.THIDUA_SECOND_FACTOR_ROLES
    if not roles or not user.is_authenticated:
        return False
    if "admin" in roles and (user.is_staff or user.is_superuser):
        return True
    kinds = {RoleKind(kind).value for kind in roles if kind in RoleKind.values}
    return bool(kinds) and user.roles.filter(kind__in=kinds).exists()


def app_device(user: Any) -> TOTPDevice | None:
    """``user``'s enrolled authenticator app, if any."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def recovery_codes_left(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user).count()


ASKS_CODE, ASKS_ENROLMENT, ASKS_NOTHING = "code", "enrolment", "nothing"


def second_factor_asks(user: Any) -> str:
    """What a session signed in with ``user``'s password must still do."""
    if app_device(user) is not None:
        return ASKS_CODE
    return ASKS_ENROLMENT if second_factor_required(user) else ASKS_NOTHING
