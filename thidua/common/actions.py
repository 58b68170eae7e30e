"""POST-redirect-GET around one service call, the same for every app's buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
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


def attempt(form: Any, action: Callable[[], Any]) -> bool:
    """Call ``action`` for a valid ``form``; a refusal becomes the form's own error (next to
    the field it names, else above the form), so the page shows it with what was typed.
    True when the action was done."""
    try:
        action()
    except DomainError as refusal:
        field = refusal.field if refusal.field in form.fields else None
        form.add_error(field, refusal.message)
        for detail in refusal.details:
            form.add_error(field, detail)
        return False
    except ValidationError as invalid:  # a row's own check (``full_clean``) in a service
        for name, sentences in invalid.message_dict.items():
            for sentence in sentences:
                form.add_error(name if name in form.fields else None, sentence)
        return False
    return True
