"""Every page and API read answers in a bounded number of database queries on the demo (a
district with a year of history): a loop that queries per row shows here as a page past its
budget, long before a province's 300,000 people make it slow (issue 17).

The budget is one number for every GET, with the few pages that legitimately read more named
with theirs; the URLs come from the URL configuration, so a new page is measured at once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from thidua.accounts.models import User
from thidua.web.tests.demo_rows import OFFICER, demo  # noqa: F401 - a fixture
from thidua.web.tests.test_every_url import URLS, _path

pytestmark = pytest.mark.django_db

# The most any GET needs on the demo today is 31 (the registrations page); /api/decisions
# needed 53, one count per decision, before its list counted them in one query.
BUDGET = 40
# Pages that read more by design, with the reason.
BUDGETS: dict[str, int] = {}


@pytest.mark.usefixtures("demo")
def test_every_read_stays_within_its_query_budget() -> None:
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.get(username=OFFICER))
    counts: dict[str, int] = {}
    for name, (_n, pattern) in sorted(URLS.items()):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(_path(name, pattern))
        if response.status_code == 200:
            counts[name] = len(queries)
    over = {n: c for n, c in counts.items() if c > BUDGETS.get(n, BUDGET)}
    assert len(counts) > 80  # the walk reached the pages (88 today), not only their 404s
    assert not over, over
