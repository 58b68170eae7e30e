"""The navigation of UI.md, in its order, with each module's landing URL name."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

NAVIGATION: tuple[tuple[str, str], ...] = (
    ("Tổng quan", "home"),
    ("Đơn vị và cá nhân", "orgs:units"),
    ("Phong trào thi đua", "emulation:movements"),
    ("Cụm, khối thi đua", "emulation:clusters"),
    ("Đăng ký thi đua", "emulation:registrations"),
    ("Xét khen thưởng", "awards:eligibility"),
    ("Hội đồng", "awards:council"),
    ("Quyết định", "awards:decisions"),
    ("Tra cứu", "search"),
    ("Báo cáo, thống kê", "reports:index"),
    ("Nhập, xuất dữ liệu", "dataio:index"),
    ("Quản trị", "admin_home"),
)


# Pages that belong to a menu entry without sitting under its landing URL.
ALSO_ACTIVE_UNDER: dict[str, tuple[str, ...]] = {
    "awards:eligibility": ("awards:proposals",),
}


def navigation(request: HttpRequest) -> dict[str, Any]:
    items = []
    for label, name in NAVIGATION:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        prefixes = [url, *(_reverse_or_none(also) for also in ALSO_ACTIVE_UNDER.get(name, ()))]
        active = request.path == url or any(
            prefix and prefix != "/" and request.path.startswith(prefix) for prefix in prefixes
        )
        items.append({"label": label, "url": url, "active": active})
    return {"navigation": items}


def _reverse_or_none(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None
