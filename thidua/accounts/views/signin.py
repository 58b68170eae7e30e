"""Sign-in protection as people meet it: the lock-out on the login page, and for
administrators the locks in force (with "Mở khóa") and the log of every attempt."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from thidua.accounts.forms import LoginForm
from thidua.accounts.services.signin import signin_unlock
from thidua.accounts.signin import address_locks_in_force, locks_in_force, recent_attempts
from thidua.common.params import text_param


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return (
        f"Đăng nhập tạm thời bị khóa vì mật khẩu đã bị nhập sai quá "
        f"{settings.AXES_FAILURE_LIMIT} lần. Anh/chị vui lòng thử lại sau {minutes} phút "
        f"hoặc đề nghị quản trị viên của đơn vị mở khóa."
    )


def locked_out(
    request: HttpRequest, response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """django-axes' lock-out answer: the login page again, with the username as typed and
    the reason in Vietnamese (429, so that a script sees it is throttled). The form is not
    bound: validating it would try the password once more."""
    form = LoginForm(request, initial={"username": request.POST.get("username", "")[:150]})
    context = {"form": form, "next": request.POST.get("next", ""), "refusal": lockout_message()}
    return render(request, "registration/login.html", context, status=429)


def _staff(request: HttpRequest) -> None:
    if not request.user.is_staff:
        raise PermissionDenied("Chỉ quản trị viên được xem và mở khóa đăng nhập.")


@login_required
def signins(request: HttpRequest) -> HttpResponse:
    """Quản trị → Đăng nhập: who is locked out now, and every attempt, newest first."""
    _staff(request)
    username = text_param(request, "tai_khoan", max_length=150)
    return render(
        request,
        "accounts/signins.html",
        {
            "locks": list(locks_in_force()[:100]),
            "address_locks": address_locks_in_force(),
            "attempts": recent_attempts(username=username),
            "username": username,
            "limit": settings.AXES_FAILURE_LIMIT,
            "address_limit": settings.AXES_ADDRESS_FAILURE_LIMIT,
            "cool_off_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        },
    )


@require_POST
@login_required
def signin_unlock_view(request: HttpRequest) -> HttpResponse:
    _staff(request)
    username = request.POST.get("username", "")[:150]
    ip_address = request.POST.get("ip_address", "")[:45]
    cleared = signin_unlock(username=username, ip_address=ip_address, by=request.user)
    who = f"tài khoản “{username}”" if username else f"địa chỉ {ip_address}"
    if cleared:
        messages.success(request, f"Đã mở khóa đăng nhập cho {who}.")
    else:
        messages.info(request, f"{who.capitalize()} không bị khóa.")
    return redirect("accounts:signins")
