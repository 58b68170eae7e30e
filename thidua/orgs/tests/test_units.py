"""The unit tree and reorganisations: a merge keeps history."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.awards.selectors import unit_awards
from thidua.awards.tests.factories import issued_award
from thidua.common.errors import DomainError
from thidua.orgs.models import Membership, Unit
from thidua.orgs.services import person_create, unit_create, unit_merge
from thidua.orgs.services.units import unit_lineage

pytestmark = pytest.mark.django_db


@pytest.fixture
def city() -> Unit:
    return unit_create(code="HP", name="Thành phố Hải Phòng", kind="tinh")


@pytest.fixture
def district(city: Unit) -> Unit:
    return unit_create(code="KA", name="Quận Kiến An", kind="huyen", parent=city)


def test_a_unit_path_lists_its_ancestors(city, district):
    ward = unit_create(code="NS", name="Phường Ngọc Sơn", kind="xa", parent=district)

    assert ward.path == f"/{city.pk}/{district.pk}/{ward.pk}/"
    assert ward.depth == 2


def test_moving_a_unit_carries_its_subtree(city, district):
    # given
    ward = unit_create(code="NS", name="Phường Ngọc Sơn", kind="xa", parent=district)
    office = unit_create(code="NS-VP", name="Văn phòng UBND phường", parent=ward)
    # when
    ward.parent = city
    ward.save()
    # then
    office.refresh_from_db()
    assert office.path == f"/{city.pk}/{ward.pk}/{office.pk}/"
    assert office.depth == 2


def test_a_unit_cannot_be_placed_under_its_own_subtree(city, district):
    city.parent = district

    with pytest.raises(DomainError, match="không được là chính nó hoặc đơn vị cấp dưới"):
        city.save()


def test_a_merge_keeps_the_history_of_the_merged_units(city, district):
    # given: two wards, each with an award as a collective and a person with an award
    first = unit_create(code="NS", name="Phường Ngọc Sơn", kind="xa", parent=district)
    second = unit_create(code="TTN", name="Phường Trần Thành Ngọ", kind="xa", parent=district)
    flag = issued_award(first, code="co_thi_dua_tinh", year=2023)
    excellent = issued_award(second, code="tap_the_lao_dong_xuat_sac", year=2024)
    person = person_create(
        code="KA-001", full_name="Nguyễn Văn Hinh", unit=first, start=date(2015, 3, 1)
    )
    person_award = issued_award(person, year=2023)
    # when: the 2025 reform merges them into a ward under the city
    merged = unit_merge(
        predecessors=[first, second],
        code="P-KA",
        name="Phường Kiến An",
        effective_date=date(2025, 7, 1),
        parent=city,
        basis="Nghị quyết 1669/NQ-UBTVQH15",
    )
    # then
    first.refresh_from_db()
    person.refresh_from_db()
    assert first.valid_to == date(2025, 6, 30)
    assert set(unit_lineage(merged)) == {merged, first, second}
    assert set(unit_awards(user=None, unit=merged)) == {flag, excellent}
    assert person.unit == merged
    person_award.refresh_from_db()
    assert person_award.unit == first, "an award stays with the unit of the time"
    periods = list(
        Membership.objects.filter(person=person).order_by("start").values_list("unit", "end")
    )
    assert periods[0] == (first.pk, date(2025, 6, 30))
    assert periods[-1] == (merged.pk, None)


def test_an_ended_unit_cannot_be_merged_again(city, district):
    ward = unit_create(code="NS", name="Phường Ngọc Sơn", kind="xa", parent=district)
    unit_merge(predecessors=[ward], code="M1", name="Phường Mới", effective_date=date(2025, 7, 1))

    with pytest.raises(DomainError, match="hết hiệu lực"):
        unit_merge(
            predecessors=[ward], code="M2", name="Phường Khác", effective_date=date(2026, 1, 1)
        )
