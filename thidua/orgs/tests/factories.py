"""Factories for units and people (factory_boy)."""

from __future__ import annotations

import factory

from thidua.orgs.choices import Rating, UnitKind
from thidua.orgs.models import Assessment, Household, Person, Unit


class UnitFactory(factory.django.DjangoModelFactory[Unit]):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"DV{n:04d}")
    name = factory.Sequence(lambda n: f"Phường Số {n}")
    kind = UnitKind.XA
    kind_label = "Phường"


class PersonFactory(factory.django.DjangoModelFactory[Person]):
    class Meta:
        model = Person

    code = factory.Sequence(lambda n: f"CN{n:05d}")
    full_name = factory.Iterator(
        ["Nguyễn Văn Hinh", "Trần Thị Lan", "Lê Minh Đức", "Phạm Thu Hà", "Đỗ Quang Vinh"]
    )
    unit = factory.SubFactory(UnitFactory)
    position = "Chuyên viên"


class HouseholdFactory(factory.django.DjangoModelFactory[Household]):
    class Meta:
        model = Household

    code = factory.Sequence(lambda n: f"HO{n:05d}")
    name = "Nguyễn Văn Bình"
    unit = factory.SubFactory(UnitFactory)


class AssessmentFactory(factory.django.DjangoModelFactory[Assessment]):
    class Meta:
        model = Assessment

    year = 2024
    person = factory.SubFactory(PersonFactory)
    rating = Rating.XUAT_SAC
