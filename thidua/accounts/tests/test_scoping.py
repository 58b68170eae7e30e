"""A user sees the units they act for, the units under them, and their predecessors."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.accounts.models import Role, RoleKind
from thidua.accounts.scoping import scope_for
from thidua.accounts.tests.factories import UserFactory, leader_of, officer_of
from thidua.orgs.selectors import people_for_user, units_for_user
from thidua.orgs.services import unit_create, unit_merge
from thidua.orgs.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    city = unit_create(code="HP", name="Thành phố Hải Phòng", kind="tinh")
    district = unit_create(code="KA", name="Quận Kiến An", kind="huyen", parent=city)
    ward_a = unit_create(code="NS", name="Phường Ngọc Sơn", kind="xa", parent=district)
    ward_b = unit_create(code="BS", name="Phường Bắc Sơn", kind="xa", parent=district)
    return city, district, ward_a, ward_b


def test_a_ward_officer_sees_the_ward_only(tree):
    _, _, ward_a, ward_b = tree
    officer = officer_of(ward_a)
    PersonFactory.create(unit=ward_a, full_name="Nguyễn Văn Hinh")
    PersonFactory.create(unit=ward_b, full_name="Trần Văn Hinh")

    assert set(units_for_user(user=officer)) == {ward_a}
    assert [p.full_name for p in people_for_user(user=officer, query="hinh")] == ["Nguyễn Văn Hinh"]
    assert people_for_user(user=officer).count() == 1


def test_a_district_officer_acts_for_the_wards_under_it(tree):
    _, district, ward_a, ward_b = tree
    scope = scope_for(officer_of(district))

    assert scope.read_ids == {district.pk, ward_a.pk, ward_b.pk}
    assert scope.can_write(ward_b.pk)


def test_a_leader_reads_but_does_not_write(tree):
    _, district, ward_a, _ = tree
    scope = scope_for(leader_of(district))

    assert scope.can_read(ward_a.pk)
    assert not scope.can_write(ward_a.pk)
    assert scope.read_only


def test_the_administrator_sees_everything(tree):
    admin = UserFactory.create()
    Role.objects.create(user=admin, kind=RoleKind.ADMIN)

    assert units_for_user(user=admin).count() == 4


def test_a_user_without_a_role_sees_nothing(tree):
    assert units_for_user(user=UserFactory.create()).count() == 0


def test_the_officer_of_a_merged_unit_sees_its_predecessors(tree):
    city, _, ward_a, ward_b = tree
    merged = unit_merge(
        predecessors=[ward_a, ward_b],
        code="P-KA",
        name="Phường Kiến An",
        effective_date=date(2025, 7, 1),
        parent=city,
    )

    scope = scope_for(officer_of(merged))

    assert scope.read_ids == {merged.pk, ward_a.pk, ward_b.pk}
    assert scope.write_ids == {merged.pk}
