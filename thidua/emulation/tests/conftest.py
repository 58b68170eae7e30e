from __future__ import annotations

import pytest

from thidua.emulation.tests.factories import WardYear, ward_year


@pytest.fixture
def year() -> WardYear:
    """Kiến An's ward cluster of 2025 with four wards, its covenant open for signing."""
    return ward_year()


@pytest.fixture
def signed(year: WardYear) -> WardYear:
    year.sign_all()
    return year
