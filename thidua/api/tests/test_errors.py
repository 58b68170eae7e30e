"""The field named in a 422: only ninja's source of the value is dropped from its location, never
a field that happens to be called like a source (``form``, ``payload``, ``body``)."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import HttpRequest
from ninja import NinjaAPI, Query, Schema
from ninja.testing import TestClient

from thidua.api import errors


@pytest.mark.parametrize(
    ("location", "field"),
    [
        (["query", "year"], "year"),
        (["query", "form"], "form"),
        (["path", "pk"], "pk"),
        (["header", "x-year"], "x-year"),
        (["form", "form"], "form"),
        (["form", "payload"], "payload"),
        (["body", "payload", "date"], "date"),
        (["body", "payload", "form"], "form"),
        (["body", "payload", "items", 2, "year"], "items.2.year"),
        (["body", "payload"], "payload"),
        (["body", "year"], "year"),
        (["query"], ""),
        (["year"], "year"),
        ([], ""),
    ],
)
def test_only_the_source_is_dropped(location: list[Any], field: str):
    assert errors._field(location) == field


class _Filters(Schema):
    form: int
    kind: str = ""


class _Payload(Schema):
    form: int


def _api() -> TestClient:
    api = NinjaAPI(urls_namespace="test_errors")
    errors.install(api)

    @api.get("/flat")
    def flat(request: HttpRequest, form: int) -> dict[str, int]:
        return {"form": form}

    @api.get("/schema")
    def schema(request: HttpRequest, params: Query[_Filters]) -> dict[str, int]:
        return {"form": params.form}

    @api.post("/body")
    def body(request: HttpRequest, payload: _Payload) -> dict[str, int]:
        return {"form": payload.form}

    return TestClient(api)


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("get", "/flat?form=abc", None),
        ("get", "/schema?form=abc", None),
        ("post", "/body", {"form": "abc"}),
    ],
)
def test_a_field_called_form_keeps_its_name(method: str, path: str, data: Any):
    client = _api()
    response = client.get(path) if method == "get" else client.post(path, json=data)

    assert response.status_code == 422
    assert response.json() == {
        "detail": "Dữ liệu gửi lên không hợp lệ.",
        "errors": [{"field": "form", "message": "Phải là số nguyên."}],
    }
