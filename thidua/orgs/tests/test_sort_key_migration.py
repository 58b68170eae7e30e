"""Migration 0002 writes people's sort keys again, in the order the given name decides."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from thidua.core.text import name_sort_key
from thidua.orgs.models import Person
from thidua.orgs.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("thidua.orgs.migrations.0002_recompute_person_sort_keys")


def test_stale_sort_keys_are_written_again():
    ha = PersonFactory.create(full_name="Nguyễn Văn Ha")
    ha_huyen = PersonFactory.create(full_name="Lê Thị Hà")
    Person.objects.filter(pk=ha.pk).update(sort_key="stale")

    migration.recompute(apps, None)

    ha.refresh_from_db()
    assert ha.sort_key == name_sort_key("Nguyễn Văn Ha")
    names = Person.objects.order_by("sort_key").values_list("full_name", flat=True)
    assert list(names.filter(pk__in=[ha.pk, ha_huyen.pk])) == ["Nguyễn Văn Ha", "Lê Thị Hà"]
