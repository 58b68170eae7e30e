"""The JSON API: one NinjaAPI with its OpenAPI schema at ``/api/openapi.json``. Every
endpoint needs a bearer token or a session; the routers stay thin over the selectors and
services the pages use, so the page, the API and the command line never disagree."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import NinjaAPI

from thidua.accounts.scoping import scope_for
from thidua.api import errors
from thidua.api.auth import AUTH
from thidua.api.routers import awards, orgs
from thidua.api.schemas import READ_ERRORS, TokenOut

api = NinjaAPI(
    title="Thi đua API",
    version="1",
    description=(
        "API của Thi đua – phần mềm thi đua, khen thưởng. Xác thực bằng tiêu đề "
        "`Authorization: Bearer <mã>` (tạo mã: `thidua token create TÊN_ĐĂNG_NHẬP`) hoặc "
        "phiên đăng nhập của trình duyệt. Người dùng chỉ thấy các đơn vị mình phụ trách "
        "và các đơn vị trực thuộc."
    ),
    auth=AUTH,
    openapi_url="/openapi.json",
    docs_url="/docs",
    urls_namespace="api",
)
errors.install(api)
api.add_router("", orgs.router)
api.add_router("", awards.router)
api.add_router("", "thidua.api.routers.eligibility.router")
api.add_router("", "thidua.api.routers.proposals.router")
api.add_router("", "thidua.api.routers.council.router")
api.add_router("/emulation", "thidua.api.routers.emulation.router")


@api.get("/me", response={200: TokenOut, **READ_ERRORS}, summary="Người dùng hiện tại")
def me(request: HttpRequest) -> Any:
    user: Any = request.user
    scope = scope_for(user)
    roles = [str(role) for role in user.roles.select_related("unit")]
    if scope.everything and not roles:
        roles = ["Quản trị hệ thống"]
    return {"username": user.username, "full_name": user.full_name, "roles": roles}
