"""Sign-in and sign-out keep the record of each session (thidua.accounts.services.sessions)
and the session's own clock (thidua.accounts.middleware)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.utils import timezone

from thidua.accounts.selectors import second_factor_asks
from thidua.accounts.services.sessions import session_forget, session_record

SIGNED_IN_AT = "thidua_signed_in_at"
LAST_SEEN_AT = "thidua_last_seen_at"
# What the second factor asks of this session (thidua.accounts.middleware), worked out at
# sign-in rather than on every request.
SECOND_FACTOR = "thidua_second_factor"


def _signed_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    now = timezone.now()
    request.session[SECOND_FACTOR] = second_factor_asks(user)
    request.session[SIGNED_IN_AT] = request.session[LAST_SEEN_AT] = now.timestamp()
    request.session.save()  # a key for the record, even before the response saves it
    session_record(
        user=user,
        session_key=request.session.session_key,
        # django-axes' reading of the address (behind a proxy too), else the socket's.
        ip_address=getattr(request, "axes_ip_address", None) or request.META.get("REMOTE_ADDR"),
        user_agent=request.headers.get("User-Agent", ""),
        at=now,
    )


def _signed_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        session_forget(session_key=key)


def connect() -> None:
    user_logged_in.connect(_signed_in, dispatch_uid="thidua-session-record")
    user_logged_out.connect(_signed_out, dispatch_uid="thidua-session-forget")
