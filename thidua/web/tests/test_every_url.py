"""Every GET of every URL the app has, with oversize, huge and malformed values in the query
parameters the views read, is answered without a server error (issue 14: a 50,001-character
search, a page number past any page, ``?nam=99999999999``, ``?sua=abc``).

The URLs come from the URL configuration, so a new page is walked as soon as it exists; its
path arguments are real rows of the demo (``ARGUMENTS``), and a pattern with arguments that
has no row there fails the test until it gets one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from thidua.accounts.models import User
from thidua.web.tests.demo_rows import ARGUMENTS, OFFICER, demo  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

# Django's own admin (/quan-tri-du-lieu/) is not the app's code and refuses officers anyway.
SKIPPED_PREFIXES = ("quan-tri-du-lieu/",)
# Every name a view, a form or an API operation reads from the query string.
PARAMETERS = (
    *("q", "trang", "page", "sap_xep", "xem", "nam", "year", "sua", "xoa", "don_vi", "unit"),
    *("hinh_thuc", "form", "doi_tuong", "kind", "trang_thai", "status", "de_nghi", "so", "ma"),
    *("danh_hieu", "code", "tu_nam", "den_nam", "year_from", "year_to", "next", "cum", "movement"),
    *("page_size", "offset", "limit", "order", "person", "unit_code", "recipient", "ky"),
)
# Names that pick a unit or a row: a wrong one is a 404 before the others are read, so a
# value refused is tried again without them.
PICKERS = frozenset({"don_vi", "unit", "code", "ma", "so", "de_nghi", "person", "unit_code"})
VALUES = {
    "oversize": "a" * 50_001 + " nguyễn" * 2_000,
    "huge number": "9" * 30,
    "malformed": "1a'\"<>%_\\\x00",
}


def _patterns(
    patterns: list[Any], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    for p in patterns:
        if isinstance(p, URLResolver):
            inner = f"{namespace}:{p.namespace}" if namespace and p.namespace else p.namespace
            yield from _patterns(p.url_patterns, prefix + str(p.pattern), inner or namespace)
        elif not (prefix + str(p.pattern)).startswith(SKIPPED_PREFIXES):
            name = f"{namespace}:{p.name}" if namespace else str(p.name)
            yield name, p


def _urls() -> dict[str, tuple[str, URLPattern]]:
    found: dict[str, tuple[str, URLPattern]] = {}
    for name, pattern in _patterns(get_resolver().url_patterns):
        # The API names one pattern per path; its GET and POST share it.
        found.setdefault(name, (name, pattern))
    return found


URLS = _urls()


def _path(name: str, pattern: URLPattern) -> str:
    converters = pattern.pattern.converters
    if not converters and "<" not in str(pattern.pattern):
        return reverse(name)
    assert name in ARGUMENTS, f"{name}: add its path arguments to ARGUMENTS"
    return reverse(name, kwargs=ARGUMENTS[name]())


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("name", sorted(URLS))
def test_no_query_string_makes_a_page_fail(name: str) -> None:
    # given: an officer of a district with a year of history
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.get(username=OFFICER))
    path = _path(*URLS[name])
    failures = []
    for label, value in VALUES.items():
        for names in (PARAMETERS, [p for p in PARAMETERS if p not in PICKERS]):
            # when
            response = client.get(f"{path}?{urlencode(dict.fromkeys(names, value))}")
            # then
            if response.status_code < 400:
                break
            if response.status_code >= 500:
                error = getattr(response, "exc_info", None)
                cause = repr(error[1])[:300] if error else ""
                failures.append(f"{label} ({len(names)} names): {response.status_code} {cause}")
    assert not failures, f"{path}: {failures}"
