"""Tài khoản: who I am, my password, where I am signed in (and signing out elsewhere), my API
tokens (created, shown once, revoked)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from thidua.accounts.forms import SecondFactorForm, TokenForm
from thidua.accounts.selectors import (
    app_device,
    recovery_codes_left,
    second_factor_required,
    user_sessions,
    user_tokens,
)
from thidua.accounts.services import IssuedToken, token_create, token_revoke_own
from thidua.accounts.services.sessions import session_end, sessions_end_all
from thidua.common.actions import attempt, run
from thidua.common.params import parse_int


def _account_page(
    request: HttpRequest,
    *,
    token_form: TokenForm | None = None,
    issued: IssuedToken | None = None,
    status: int = 200,
) -> HttpResponse:
    sessions = user_sessions(user=request.user, current_key=request.session.session_key)
    return render(
        request,
        "accounts/account.html",
        {
            "sessions": sessions,
            "settings_idle": settings.THIDUA_SESSION_IDLE_MINUTES,
            "settings_max": settings.THIDUA_SESSION_MAX_HOURS,
            "tokens": user_tokens(user=request.user),
            "token_form": token_form or TokenForm(),
            "issued": issued,
            "second_factor": app_device(request.user),
            "recovery_left": recovery_codes_left(request.user),
            "second_factor_required": second_factor_required(request.user),
            "off_form": SecondFactorForm(auto_id="off_%s"),
        },
        status=status,
    )


@login_required
def account(request: HttpRequest) -> HttpResponse:
    return _account_page(request)


@require_POST
@login_required
def token_create_view(request: HttpRequest) -> HttpResponse:
    """The new token is shown on this answer only (never stored, so never shown again)."""
    form = TokenForm(request.POST)
    made: list[IssuedToken] = []
    if form.is_valid() and attempt(
        form,
        lambda: made.append(
            token_create(
                username=request.user.get_username(),
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                days=form.cleaned_data["days"],
            )
        ),
    ):
        return _account_page(request, issued=made[0])
    return _account_page(request, token_form=form, status=400)


@require_POST
@login_required
def token_revoke_view(request: HttpRequest) -> HttpResponse:
    pk = parse_int(request.POST.get("token", ""), minimum=1)
    return run(
        request,
        lambda: token_revoke_own(user=request.user, pk=pk or 0),
        success="Đã thu hồi mã truy cập: chương trình dùng mã này không truy cập được nữa.",
        back="accounts:account",
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
