"""POST-redirect-GET around one service call, the same for every app's buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect

from thidua.common.errors import DomainError


def run(
    request: HttpRequest, action: Callable[[], Any], *, success: str, back: str
) -> HttpResponseRedirect:
    """Call ``action``; on success say ``success``, on a refusal show its sentence as an
    error; either way go back to ``back``, which shows the state that stands
    (PermissionDenied goes on to the 403 page)."""
    try:
        action()
    except DomainError as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, success)
    return redirect(back)


CONFIRM_FIELD = "xac_nhan"


def confirmed(request: HttpRequest) -> bool:
    """An irreversible step goes ahead only when its form's box "Tôi đã kiểm tra …" (which
    says what will be locked) was ticked: checked here, so a form sent without it refuses."""
    return request.POST.get(CONFIRM_FIELD) == "1"


def run_confirmed(
    request: HttpRequest, action: Callable[[], Any], *, success: str, back: str, asks: str
) -> HttpResponseRedirect:
    """``run``, once the user ticked the confirmation; otherwise say what they must confirm."""
    if not confirmed(request):
        messages.error(request, f"Chưa thực hiện: cần đánh dấu xác nhận “{asks}”.")
        return redirect(back)
    return run(request, action, success=success, back=back)
