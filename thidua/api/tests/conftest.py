"""The fixtures the API tests share: a city, a district and two of its wards."""

from __future__ import annotations

import pytest

from thidua.orgs.services import unit_create


@pytest.fixture
def tree():
    city = unit_create(code="HP", name="Thành phố Hải Phòng", kind="tinh")
    district = unit_create(code="KA", name="Quận Kiến An", kind="huyen", parent=city)
    ward_a = unit_create(code="NS", name="Phường Ngọc Sơn", kind="xa", parent=district)
    ward_b = unit_create(code="BS", name="Phường Bắc Sơn", kind="xa", parent=district)
    return city, district, ward_a, ward_b
