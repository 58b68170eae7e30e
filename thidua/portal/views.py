from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(
        request,
        "portal/rate_limited.html",
        {"message": "Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút."},
        status=429,
    )
