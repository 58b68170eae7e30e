"""The Vietnamese display filters."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.test import override_settings

from thidua.web.templatetags.vn import ngay, so


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # Hà Nội is UTC+7: 16:59 UTC is 23:59 the same day, 17:00 UTC is already the next.
        (datetime(2024, 12, 31, 16, 59, tzinfo=UTC), "31/12/2024"),
        (datetime(2024, 12, 31, 17, 0, tzinfo=UTC), "01/01/2025"),
        (datetime(2025, 1, 1, 0, 0, tzinfo=UTC), "01/01/2025"),
        (datetime(2025, 1, 1, 0, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), "01/01/2025"),
    ],
)
def test_an_aware_moment_is_shown_as_the_day_in_viet_nam(moment, expected):
    assert expected == ngay(moment)


@override_settings(TIME_ZONE="Asia/Ho_Chi_Minh")
def test_the_filter_in_a_template_converts_around_midnight_utc():
    template = Template("{{ at|ngay }}")

    assert (
        template.render(Context({"at": datetime(2024, 2, 28, 23, 30, tzinfo=UTC)})) == "29/02/2024"
    )


def test_dates_and_naive_datetimes_are_shown_as_they_are():
    assert ngay(date(2016, 9, 5)) == "05/09/2016"
    assert ngay(datetime(2016, 9, 5, 23, 30)) == "05/09/2016"  # noqa: DTZ001 — naive on purpose
    assert ngay(None) == ""


def test_numbers_take_dots_between_thousands():
    assert so(4_680_000) == "4.680.000"
    assert so(None) == ""
