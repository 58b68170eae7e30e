"""The scan's fast path (shared year records, people with equal facts judged once, results
shared between equal answers) answers as the one-subject path does, subject by subject."""

from __future__ import annotations

import gc
import random
import threading
from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

import pytest
from django.db import connection, transaction
from django.utils import timezone

from thidua.awards.eligibility import eligibility_scan, evaluate_subject, subject_case
from thidua.awards.eligibility import facts as eligibility_facts
from thidua.awards.models import AwardRecord, Decision
from thidua.awards.services import decision_create, decision_issue
from thidua.core.rules import YearRecord
from thidua.core.rules.vocabulary import Discipline as CoreDiscipline
from thidua.core.rules.vocabulary import InitiativeScope as CoreScope
from thidua.core.rules.vocabulary import Rating as CoreRating
from thidua.orgs.choices import Discipline, InitiativeScope, Rating, UnitKind
from thidua.orgs.models import Assessment, Household, Initiative, Person, Unit
from thidua.orgs.tests.factories import HouseholdFactory, PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db

YEARS = range(2014, 2025)
RATINGS = (Rating.XUAT_SAC, Rating.XUAT_SAC, Rating.TOT, Rating.TOT, Rating.HOAN_THANH)
# Codes a person may hold, weighted towards the chains the engine follows.
CODES = (
    "lao_dong_tien_tien",
    "chien_si_thi_dua_co_so",
    "chien_si_thi_dua_co_so",
    "bang_khen_tinh",
    "chien_si_thi_dua_tinh",
    "bang_khen_thu_tuong",
)


class YearFacts(NamedTuple):
    year: int
    rating: str
    discipline: str
    service_months: int
    codes: tuple[str, ...]
    initiative: str | None


def history(rng: random.Random) -> list[YearFacts]:
    """Some years of one person, with gaps, awards and now and then an initiative."""
    years = []
    for year in YEARS:
        if rng.random() < 0.1:
            continue
        years.append(
            YearFacts(
                year=year,
                rating=rng.choice(RATINGS),
                discipline=Discipline.KHIEN_TRACH if rng.random() < 0.05 else "",
                service_months=12 if rng.random() < 0.9 else rng.choice((5, 6, 11)),
                codes=tuple(sorted({c for c in CODES if rng.random() < 0.3})),
                initiative=rng.choice((None, None, None, InitiativeScope.CO_SO, "tinh")),
            )
        )
    return years


def give(person: Person, years: list[YearFacts], decision: Decision) -> None:
    for facts in years:
        Assessment.objects.create(
            person=person,
            year=facts.year,
            rating=facts.rating,
            discipline=facts.discipline,
            service_months=facts.service_months,
        )
        for code in facts.codes:
            AwardRecord.objects.create(
                decision=decision,
                year=facts.year,
                code=code,
                recipient_kind="individual",
                person=person,
                unit=person.unit,
                recipient_name=person.full_name,
            )
        if facts.initiative:
            initiative = Initiative.objects.create(
                year=facts.year,
                title=f"Sáng kiến {person.code} {facts.year}",
                scope=facts.initiative,
            )
            initiative.authors.add(person)


def test_the_scan_answers_as_evaluate_subject_for_every_person_and_unit():
    rng = random.Random(4)
    so = UnitFactory.create(code="SYT", name="Sở Y tế", kind=UnitKind.SO)
    offices = [
        UnitFactory.create(code=f"SYT-P{n}", kind=UnitKind.PHONG_BAN, parent=so) for n in (1, 2)
    ]
    decision = decision_create(
        number="12/QĐ-UBND",
        decision_date=date(2025, 1, 15),
        issuing_body="UBND tỉnh",
        signer_name="Nguyễn Văn Ký",
        is_legacy=True,
    )
    people: list[Person] = []
    facts: list[YearFacts] = []
    for n in range(25):
        person = PersonFactory.create(unit=offices[n % 2])
        # Every third person has the facts of the one before (in the other office).
        facts = facts if n % 3 == 2 else history(rng)
        give(person, facts, decision)
        people.append(person)
    decision_issue(decision=decision)
    for office in offices:
        Assessment.objects.create(unit=office, year=2024, rating=Rating.TOT)

    scan = eligibility_scan(unit_code="SYT", year=2024)

    assert gc.isenabled()  # paused during the scan only

    scanned = {s.row.code: s.result.as_json() for s in scan.subjects}
    subjects: list[Person | Unit] = [*people, so, *offices]
    for subject in subjects:
        assert scanned[subject.code] == evaluate_subject(subject=subject, year=2024), subject.code
    # The facts differ enough that the comparison covers more than one answer; equal facts
    # were judged once.
    assert len({str(scanned[p.code]) for p in people}) > 5
    results = {s.row.code: s.result for s in scan.subjects}
    for n in range(2, 25, 3):
        assert results[people[n].code] is results[people[n - 1].code]


def history_of(subject: Person | Unit | Household) -> Mapping[int, YearRecord]:
    case = subject_case(subject=subject, year=2024)
    assert case is not None
    return case.years


def test_histories_joined_by_the_database_hold_every_fact_of_every_year():
    """The database joins each subject's facts into texts (``group_concat``/``string_agg``);
    read back, they give the records the model rows hold: two initiatives in one year, an
    award in a year without assessment, a revoked award left out, a collective's rating and a
    household's award."""
    xa = UnitFactory.create(code="XA", name="Xã Thử", kind=UnitKind.XA)
    person = PersonFactory.create(unit=xa)
    household = HouseholdFactory.create(unit=xa)
    decision = decision_create(
        number="3/QĐ-UBND",
        decision_date=date(2025, 1, 15),
        issuing_body="UBND xã",
        signer_name="Lê Văn Ký",
        is_legacy=True,
    )
    Assessment.objects.create(
        person=person,
        year=2023,
        rating=Rating.TOT,
        discipline=Discipline.KHIEN_TRACH,
        service_months=7,
    )
    Assessment.objects.create(person=person, year=2024, rating=Rating.XUAT_SAC)
    Assessment.objects.create(unit=xa, year=2024, rating=Rating.TOT)
    for scope in (InitiativeScope.CO_SO, InitiativeScope.TINH):
        initiative = Initiative.objects.create(year=2024, title=f"Sáng kiến {scope}", scope=scope)
        initiative.authors.add(person)

    def award(year: int, code: str, **recipient: object) -> AwardRecord:
        return AwardRecord.objects.create(
            decision=decision, year=year, code=code, unit=xa, recipient_name="x", **recipient
        )

    award(2022, "lao_dong_tien_tien", recipient_kind="individual", person=person)
    award(2024, "lao_dong_tien_tien", recipient_kind="individual", person=person)
    revoked = award(2024, "chien_si_thi_dua_co_so", recipient_kind="individual", person=person)
    award(2023, "tap_the_lao_dong_tien_tien", recipient_kind="collective", collective=xa)
    award(2024, "gia_dinh_van_hoa", recipient_kind="household", household=household)
    decision_issue(decision=decision)
    AwardRecord.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now())

    # A year written short ("2024 tot") and one with months but no discipline ("2024 tot  5").
    newcomer = PersonFactory.create(unit=xa)
    Assessment.objects.create(person=newcomer, year=2023, rating=Rating.TOT)
    Assessment.objects.create(person=newcomer, year=2024, rating=Rating.TOT, service_months=5)
    assert history_of(newcomer) == {
        2023: YearRecord(2023, CoreRating.TOT),
        2024: YearRecord(2024, CoreRating.TOT, 5),
    }

    years = history_of(person)
    assert sorted(years) == [2022, 2023, 2024]
    assert years[2022] == YearRecord(2022, granted=frozenset({"lao_dong_tien_tien"}))
    assert years[2023] == YearRecord(2023, CoreRating.TOT, 7, CoreDiscipline.KHIEN_TRACH)
    assert years[2024].rating is CoreRating.XUAT_SAC
    assert years[2024].service_months == 12
    assert years[2024].discipline is None
    assert sorted(years[2024].initiatives) == [CoreScope.CO_SO, CoreScope.TINH]
    assert years[2024].granted == {"lao_dong_tien_tien"}

    collective = history_of(xa)
    assert collective[2023].granted == {"tap_the_lao_dong_tien_tien"}
    assert collective[2024].rating is CoreRating.TOT
    household_years = history_of(household)
    assert household_years == {2024: YearRecord(2024, granted=frozenset({"gia_dinh_van_hoa"}))}


@pytest.mark.django_db(transaction=True)
def test_facts_read_side_by_side_are_the_facts_read_one_after_the_other(monkeypatch):
    """Outside a transaction the scan may read its queries in threads, each on its own
    connection (PostgreSQL); whatever the database, the facts are the same."""
    rng = random.Random(7)
    unit = UnitFactory.create(code="SBS", kind=UnitKind.XA)
    decision = decision_create(
        number="5/QĐ-UBND",
        decision_date=date(2025, 1, 15),
        issuing_body="UBND xã",
        signer_name="Trần Văn Ký",
        is_legacy=True,
    )
    for _ in range(12):
        give(PersonFactory.create(unit=unit), history(rng), decision)
    decision_issue(decision=decision)
    under = {"unit__path__startswith": unit.path}
    # Side by side on PostgreSQL only, and never inside a transaction.
    assert eligibility_facts._reads_side_by_side() is (connection.vendor == "postgresql")
    with transaction.atomic():
        assert not eligibility_facts._reads_side_by_side()

    monkeypatch.setattr(eligibility_facts, "_reads_side_by_side", lambda: False)
    rows, one_by_one = eligibility_facts.people_facts(under, year=2024)
    threads: list[str] = []
    read = eligibility_facts._on_own_connection

    def on_own_connection(work):
        threads.append(threading.current_thread().name)
        return read(work)

    monkeypatch.setattr(eligibility_facts, "_reads_side_by_side", lambda: True)
    monkeypatch.setattr(eligibility_facts, "_on_own_connection", on_own_connection)
    side_rows, side_by_side = eligibility_facts.people_facts(under, year=2024)

    assert len(threads) == 4
    assert all(name.startswith("thidua-facts") for name in threads)
    assert side_rows == rows
    assert len(rows) == 12
    assert {k: dict(v) for k, v in side_by_side.items()} == {
        k: dict(v) for k, v in one_by_one.items()
    }
