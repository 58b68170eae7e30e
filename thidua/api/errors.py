"""Every refusal as ``{"detail": ..., "errors": [{"field", "message"}]}`` with a 4xx code
(spec/api.md). A 5xx stays what it is: a bug, logged by Django."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from thidua.common.errors import DomainError, ImmutableRecordError

# Pydantic's own sentences are English; these are the ones a client meets most.
PYDANTIC_MESSAGES = {
    "missing": "Thiếu trường bắt buộc.",
    "int_parsing": "Phải là số nguyên.",
    "int_type": "Phải là số nguyên.",
    "date_from_datetime_parsing": "Ngày không hợp lệ (dạng yyyy-mm-dd).",
    "date_parsing": "Ngày không hợp lệ (dạng yyyy-mm-dd).",
    "string_type": "Phải là chuỗi ký tự.",
    "json_invalid": "Nội dung không phải JSON hợp lệ.",
    "extra_forbidden": "Trường này không có.",
    "string_too_long": "Dài quá {max_length} ký tự.",
    "string_too_short": "Cần ít nhất {min_length} ký tự.",
    "too_long": "Nhiều quá {max_length} phần tử.",
    "bool_parsing": "Phải là true hoặc false.",
    "bool_type": "Phải là true hoặc false.",
    "uuid_parsing": "Mã không hợp lệ.",
    "datetime_parsing": "Thời gian không hợp lệ (dạng yyyy-mm-ddThh:mm).",
    "datetime_from_date_parsing": "Thời gian không hợp lệ (dạng yyyy-mm-ddThh:mm).",
    "enum": "Giá trị không hợp lệ.",
    "literal_error": "Giá trị không hợp lệ.",
    "greater_than_equal": "Phải từ {ge} trở lên.",
    "less_than_equal": "Không được lớn hơn {le}.",
    "model_attributes_type": "Phải là một đối tượng JSON.",
    "dict_type": "Phải là một đối tượng JSON.",
}
# The first part of a ninja location says where the value came from, not which field it is.
# Query, path, header, cookie and form parameters are flattened to the field's own name
# (``("query", "year")``); a body or file keeps the parameter's name next
# (``("body", "payload", "date")``). Only that first part, and the body parameter's name
# before a nested field, are dropped: a field may well be called ``form`` or ``payload``.
FLATTENED_SOURCES = frozenset({"query", "path", "header", "cookie", "form"})
NAMED_SOURCES = frozenset({"body", "file"})


def error_body(detail: str, errors: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {"detail": detail, "errors": errors or []}


def _field(location: list[Any]) -> str:
    parts = [str(p) for p in location]
    if parts and parts[0] in FLATTENED_SOURCES:
        parts = parts[1:]
    elif parts and parts[0] in NAMED_SOURCES:
        parts = parts[2:] if len(parts) > 2 else parts[1:]
    return ".".join(parts)


def _message(error: dict[str, Any]) -> str:
    """Pydantic's error in Vietnamese, with the bound it names (``{max_length}``, ``{le}``)."""
    template = PYDANTIC_MESSAGES.get(error.get("type", ""))
    try:
        return template.format_map(error.get("ctx") or {}) if template else str(error["msg"])
    except KeyError:  # a bound pydantic did not name
        return str(error.get("msg"))


def install(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, body, status=status)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
        detail = "Cần đăng nhập hoặc gửi mã truy cập hợp lệ (Authorization: Bearer <mã>)."
        return respond(request, 401, error_body(detail))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return respond(request, 404, error_body(str(exc) or "Không tìm thấy."))

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
        detail = str(exc) or "Anh/chị không có quyền thực hiện thao tác này."
        return respond(request, 403, error_body(detail))

    @api.exception_handler(ImmutableRecordError)
    def immutable(request: HttpRequest, exc: ImmutableRecordError) -> HttpResponse:
        return respond(request, 409, error_body(exc.message))

    @api.exception_handler(DomainError)
    def refused(request: HttpRequest, exc: DomainError) -> HttpResponse:
        field = exc.field
        messages = exc.details or (exc.message,)
        errors = [] if field is None else [{"field": field, "message": m} for m in messages]
        return respond(request, 400, error_body(exc.message, errors))

    @api.exception_handler(DjangoValidationError)
    def invalid_model(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        errors = [
            {"field": "" if field == "__all__" else field, "message": message}
            for field, messages in exc.message_dict.items()
            for message in messages
        ]
        return respond(request, 400, error_body("Dữ liệu không hợp lệ.", errors))

    @api.exception_handler(NinjaValidationError)
    def invalid_input(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        errors = [
            {
                "field": _field(list(error.get("loc", []))),
                "message": _message(error),
            }
            for error in exc.errors
        ]
        return respond(request, 422, error_body("Dữ liệu gửi lên không hợp lệ.", errors))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return respond(request, exc.status_code, error_body(str(exc)))
