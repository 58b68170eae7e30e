"""The bulk writer of an import: plain rows straight into the table, with what ``save``
would have set, and the guards of the models kept."""

from __future__ import annotations

import pytest
from django.utils import timezone

from thidua.awards.choices import DecisionStatus
from thidua.awards.models import AwardRecord, Decision
from thidua.common.errors import ImmutableRecordError
from thidua.dataio.tests.workbooks import PEOPLE, UNIT_TREE, award, import_sheets, write_workbook
from thidua.dataio.workbook import plan_import, read_workbook, workbook_apply
from thidua.dataio.workbook.context import ImportContext
from thidua.dataio.workbook.writer import insert_rows
from thidua.orgs.models import Membership, Person, Unit

pytestmark = pytest.mark.django_db


def test_rows_get_the_values_given_the_defaults_and_the_time_stamps(tmp_path):
    # given
    import_sheets(tmp_path, {"DonVi": UNIT_TREE})
    unit = Unit.objects.get(code="LH")
    ticks: list[int] = []
    ctx = ImportContext(tick=ticks.append)
    before = timezone.now()
    # when
    count = insert_rows(
        Person,
        ("code", "full_name", "unit_id", "search_key"),
        [("CN7", "Lê Thị Yến", unit.pk, "le thi yen cn7"), ("CN8", "Vũ Minh", unit.pk, "")],
        ctx,
    )
    # then
    assert count == 2
    assert ticks == [2]
    person = Person.objects.get(code="CN7")
    assert (person.full_name, person.unit, person.search_key) == (
        "Lê Thị Yến",
        unit,
        "le thi yen cn7",
    )
    assert (person.birth_date, person.gender, person.position, person.sort_key) == (
        None,
        "",
        "",
        "",
    )
    assert before <= person.created_at == person.updated_at <= timezone.now()


def test_rows_that_are_not_counted_do_not_move_the_progress(tmp_path):
    import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": PEOPLE})
    person = Person.objects.get(code="CN1")
    ticks: list[int] = []

    insert_rows(
        Membership,
        ("person_id", "unit_id"),
        [(person.pk, person.unit_id)],
        ImportContext(tick=ticks.append),
        counted=False,
    )

    assert ticks == []
    assert person.memberships.count() == 2


def test_imported_people_are_found_and_sorted_as_saved_ones_are(tmp_path):
    # when
    import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": PEOPLE})
    # then: the keys ``Person.save`` sets
    for person in Person.objects.all():
        search_key, sort_key = person.search_key, person.sort_key
        person.save()
        person.refresh_from_db()
        assert (search_key, sort_key) == (person.search_key, person.sort_key)
    assert Membership.objects.filter(end__isnull=True).count() == 2


def test_records_are_not_written_into_a_decision_issued_meanwhile(tmp_path):
    # given: a file planned against a legacy decision, which is revoked before the records
    # are written
    import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": PEOPLE, "KhenThuong": [award()]})
    path = write_workbook(
        tmp_path / "more.xlsx", {"DonVi": [], "KhenThuong": [award(**{"Mã đối tượng": "CN2"})]}
    )
    plan = plan_import(read_workbook(path))
    assert plan.counts["KhenThuong"].created == 1
    Decision.objects.filter(number="12/QĐ-UBND").update(
        status=DecisionStatus.REVOKED, revoked_at=timezone.now(), revoked_reason="Sai đối tượng"
    )
    # when, then
    with pytest.raises(ImmutableRecordError):
        workbook_apply(plan)
    assert AwardRecord.objects.count() == 1
    assert Decision.objects.get().status == DecisionStatus.REVOKED
