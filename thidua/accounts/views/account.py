"""Tài khoản: who I am, my password, where I am signed in (and signing out elsewhere)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from thidua.accounts.selectors import user_sessions
from thidua.accounts.services.sessions import session_end, sessions_end_all


@login_required
def account(request: HttpRequest) -> HttpResponse:
    sessions = user_sessions(user=request.user, current_key=request.session.session_key)
    return render(
        request,
        "accounts/account.html",
        {
            "sessions": sessions,
            "settings_idle": settings.THIDUA_SESSION_IDLE_MINUTES,
            "settings_max": settings.THIDUA_SESSION_MAX_HOURS,
        },
    )


@require_POST
@login_required
def session_end_view(request: HttpRequest) -> HttpResponse:
    key = request.POST.get("session", "")[:40]
    if (
        key
        and key != request.session.session_key
        and session_end(user=request.user, session_key=key)
    ):
        messages.success(request, "Đã đăng xuất phiên đăng nhập đó.")
    else:
        messages.info(request, "Phiên đăng nhập đó đã kết thúc.")
    return redirect("accounts:account")


@require_POST
@login_required
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    ended = sessions_end_all(user=request.user)
    logout(request)
    messages.success(
        request,
        f"Đã đăng xuất khỏi mọi thiết bị ({ended} phiên). Anh/chị đăng nhập lại để tiếp tục.",
    )
    return redirect("login")
