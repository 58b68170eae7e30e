"""What a signed-in person meets before any page: the end of a session left idle or open too
long, the obligation to choose their own password when an administrator gave it, and the
second factor (its code after the password; enrolling first where the role requires it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.selectors import ASKS_CODE, ASKS_NOTHING, second_factor_asks
from thidua.accounts.services.sessions import session_touch
from thidua.accounts.session_signals import LAST_SEEN_AT, SECOND_FACTOR, SIGNED_IN_AT

# "Last seen" is written at most this often: a session is not saved on every request, and an
# idle limit of minutes does not need seconds.
TOUCH_SECONDS = 60

# The pages a person who must change their password can still open.
OPEN_WHILE_FORCED = frozenset(
    {
        "accounts:password_change",
        "accounts:second_factor_verify",
        "accounts:second_factor_setup",
        "logout",
        "login",
    }
)
# Before the second code is given, only that page; before a required app is enrolled, the
# page that enrols it (and changing a password an administrator gave).
OPEN_BEFORE_CODE = frozenset({"accounts:second_factor_verify", "logout", "login"})
OPEN_BEFORE_ENROLMENT = frozenset(
    {"accounts:second_factor_setup", "accounts:password_change", "logout", "login"}
)


def _interrupt(request: HttpRequest, target: str) -> HttpResponse:
    """Send the person to ``target`` and back to this page afterwards."""
    if request.method == "GET":
        target += "?" + urlencode({"next": request.get_full_path()})
    if request.headers.get("HX-Request") == "true":
        # htmx would put the page inside the part it asked for.
        return HttpResponse(status=204, headers={"HX-Redirect": target})
    return redirect(target)


class _BeforeTheView:
    """A middleware that acts only in ``process_view``, once the URL is resolved (what it
    lets through depends on the view's name)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)


class SecondFactorMiddleware(_BeforeTheView):
    """What a session signed in with a password alone meets: the code of its app, or (the
    roles that require one) the page that enrols it. Worked out at sign-in and kept in the
    session (thidua.accounts.session_signals), so a page costs no query for it."""

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        user = request.user
        match = request.resolver_match
        # The API answers programs with tokens; static files need no user.
        if not user.is_authenticated or match is None or match.namespace == "api":
            return None
        if user.is_verified():  # type: ignore[attr-defined]
            return None
        asks = request.session.get(SECOND_FACTOR)
        if asks is None:
            asks = request.session[SECOND_FACTOR] = second_factor_asks(user)
        if asks == ASKS_CODE:
            if match.view_name in OPEN_BEFORE_CODE:
                return None
            return _interrupt(request, reverse("accounts:second_factor_verify"))
        if asks == ASKS_NOTHING or match.view_name in OPEN_BEFORE_ENROLMENT:
            return None
        messages.warning(
            request,
            "Tài khoản của anh/chị bắt buộc xác thực hai bước: vui lòng thiết lập ứng dụng "
            "xác thực trên điện thoại trước khi tiếp tục làm việc.",
        )
        return _interrupt(request, reverse("accounts:second_factor_setup"))


class ForcedPasswordChangeMiddleware(_BeforeTheView):
    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        user = request.user
        if not (user.is_authenticated and getattr(user, "must_change_password", False)):
            return None
        match = request.resolver_match
        # The API answers programs with tokens (never forced); static files need no user.
        if match is None or match.view_name in OPEN_WHILE_FORCED or match.namespace == "api":
            return None
        messages.warning(
            request,
            "Mật khẩu của anh/chị do quản trị viên đặt: vui lòng đổi sang mật khẩu của riêng "
            "mình trước khi tiếp tục làm việc.",
        )
        return _interrupt(request, reverse("accounts:password_change"))


class SessionLifetimeMiddleware:
    """Ends a session idle for ``THIDUA_SESSION_IDLE_MINUTES`` or older than
    ``THIDUA_SESSION_MAX_HOURS`` (its clock is kept in the session itself, so it holds for
    any session engine); the person signs in again and comes back to the page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            expired = self._expired(request)
            if expired:
                logout(request)
                messages.info(request, expired)
                if request.path.startswith("/api/"):
                    return self.get_response(request)  # answered as a caller without a session
                return _interrupt(request, reverse("login"))
        return self.get_response(request)

    def _expired(self, request: HttpRequest) -> str:
        session = request.session
        now = timezone.now().timestamp()
        signed_in = session.setdefault(SIGNED_IN_AT, now)
        last_seen = session.get(LAST_SEEN_AT, now)
        idle = settings.THIDUA_SESSION_IDLE_MINUTES
        if now - last_seen > idle * 60:
            return (
                f"Phiên làm việc đã kết thúc vì không có thao tác trong {idle} phút. "
                "Anh/chị vui lòng đăng nhập lại."
            )
        longest = settings.THIDUA_SESSION_MAX_HOURS
        if now - signed_in > longest * 3600:
            return (
                f"Phiên làm việc đã kết thúc sau {longest} giờ kể từ khi đăng nhập. "
                "Anh/chị vui lòng đăng nhập lại."
            )
        if now - last_seen >= TOUCH_SECONDS or LAST_SEEN_AT not in session:
            session[LAST_SEEN_AT] = now
            if session.session_key:
                session_touch(session_key=session.session_key, at=timezone.now())
        return ""
