"""The OpenAPI document holds for every answer: schemathesis generates requests for each
operation from the schema (valid and invalid bodies and query strings) on the demo, with
path arguments that name real rows, and checks that none fails with a server error and that
every answer matches its declared status codes, content type and shape."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from django.urls import resolve
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from thidua.accounts.services import token_create
from thidua.web.tests.demo_rows import ARGUMENTS, OFFICER, demo  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
CHECKS = (
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
)


@pytest.fixture(autouse=True)
def _test_connection_kept() -> Iterator[None]:
    """schemathesis calls the WSGI application itself, not through Django's test client, so
    each request's end would close the test's open connection (its transaction differs from
    autocommit) and PostgreSQL would lose the test's rows: keep it, as the test client does."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token() -> str:
    return token_create(username=OFFICER).token


def _real_rows(case: schemathesis.Case) -> None:
    """Path arguments of the demo's rows, so that the operation reaches past its 404."""
    if not case.path_parameters:
        return
    name = resolve(re.sub(r"\{\w+\}", "x", case.operation.path)).view_name
    known = ARGUMENTS[name]()
    case.path_parameters = {k: str(known.get(k, v)) for k, v in case.path_parameters.items()}


@pytest.mark.usefixtures("demo")
@schema.parametrize()
@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_its_schema_says(case, token):
    _real_rows(case)
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
