"""What a signed-in person meets before any page: the obligation to choose their own
password when an administrator gave it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

# The pages a person who must change their password can still open.
OPEN_WHILE_FORCED = frozenset({"accounts:password_change", "logout", "login"})


class ForcedPasswordChangeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

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
        target = reverse("accounts:password_change")
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
