"""Every change is recorded: who, when, what, old → new."""

from __future__ import annotations

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry

from thidua.accounts.tests.factories import UserFactory
from thidua.orgs.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_a_change_records_the_actor_and_the_old_and_new_values():
    officer = UserFactory.create()
    person = PersonFactory.create(position="Chuyên viên")

    with set_actor(officer):
        person.position = "Phó Chủ tịch UBND phường"
        person.save()

    entry = LogEntry.objects.get_for_object(person).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == officer
    assert entry.changes_dict["position"] == ["Chuyên viên", "Phó Chủ tịch UBND phường"]
