"""People, their moves between units, assessments and initiatives."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction

from thidua.orgs.models import Assessment, Initiative, Membership, Person, Unit


@transaction.atomic
def person_create(
    *,
    code: str,
    full_name: str,
    unit: Unit,
    position: str = "",
    birth_date: date | None = None,
    gender: str = "",
    start: date | None = None,
) -> Person:
    person = Person(
        code=code,
        full_name=full_name,
        unit=unit,
        position=position,
        birth_date=birth_date,
        gender=gender,
    )
    person.full_clean()
    person.save()
    Membership.objects.create(person=person, unit=unit, position=position, start=start)
    return person


@transaction.atomic
def person_move(*, person: Person, unit: Unit, start: date, position: str | None = None) -> Person:
    """Close the current membership the day before ``start`` and open one in ``unit``."""
    Membership.objects.filter(person=person, end__isnull=True).update(end=start - timedelta(days=1))
    new_position = person.position if position is None else position
    Membership.objects.create(person=person, unit=unit, position=new_position, start=start)
    person.unit = unit
    person.position = new_position
    person.save()
    return person


@transaction.atomic
def assessment_set(
    *,
    year: int,
    rating: str,
    person: Person | None = None,
    unit: Unit | None = None,
    discipline: str = "",
    service_months: int = 12,
    note: str = "",
) -> Assessment:
    """Create or replace the assessment of a person or a unit for a year."""
    assessment, _ = Assessment.objects.update_or_create(
        year=year,
        person=person,
        unit=unit if person is None else None,
        defaults={
            "rating": rating,
            "discipline": discipline,
            "service_months": service_months,
            "note": note,
        },
    )
    assessment.full_clean()
    return assessment


@transaction.atomic
def initiative_create(
    *,
    year: int,
    title: str,
    scope: str,
    authors: list[Person],
    unit: Unit | None = None,
    recognised_by: str = "",
) -> Initiative:
    initiative = Initiative(
        year=year, title=title, scope=scope, unit=unit, recognised_by=recognised_by
    )
    initiative.full_clean()
    initiative.save()
    initiative.authors.set(authors)
    return initiative
