"""Properties over random histories: improving a rating never removes a title; the order of the
year records does not matter; a wider initiative scope never hurts."""

from __future__ import annotations

import json
import random
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.core.catalog import CATALOG, Recipient
from thidua.core.rules import Case, Members, YearRecord, evaluate
from thidua.core.rules.parse import parse_case
from thidua.core.rules.vocabulary import (
    RATING_RANK,
    SCOPE_RANK,
    ClusterLevel,
    Discipline,
    InitiativeScope,
    Rating,
    SubjectKind,
    UnitKind,
)

KINDS = (SubjectKind.INDIVIDUAL, SubjectKind.COLLECTIVE)
BY_RANK = {rank: rating for rating, rank in RATING_RANK.items()}
BY_SCOPE_RANK = {rank: scope for scope, rank in SCOPE_RANK.items()}


def codes_for(kind: SubjectKind) -> list[str]:
    return [a.code for a in CATALOG if a.accepts(Recipient(kind.value))]


@st.composite
def members(draw: st.DrawFn) -> Members:
    total = draw(st.integers(1, 20))
    part = st.integers(0, total)
    return Members(
        total=total,
        completed=draw(part),
        lao_dong_tien_tien=draw(part),
        chien_si_thi_dua_co_so=draw(part),
        disciplined_canh_cao_or_above=draw(st.sampled_from([0, 0, 0, 1])),
    )


@st.composite
def year_record(draw: st.DrawFn, year: int, kind: SubjectKind) -> YearRecord:
    collective = kind is SubjectKind.COLLECTIVE
    return YearRecord(
        year=year,
        rating=draw(st.sampled_from([*Rating, None, Rating.XUAT_SAC, Rating.TOT])),
        service_months=draw(st.sampled_from([12, 12, 10, 9, 6, 5])),
        discipline=draw(st.sampled_from([None, None, None, *Discipline])),
        initiatives=tuple(draw(st.lists(st.sampled_from(list(InitiativeScope)), max_size=2))),
        granted=frozenset(draw(st.sets(st.sampled_from(codes_for(kind)), max_size=3))),
        members=draw(members()) if collective else None,
        cluster_leader=draw(st.sampled_from([None, None, *ClusterLevel])) if collective else None,
    )


@st.composite
def cases(draw: st.DrawFn) -> Case:
    kind = draw(st.sampled_from(KINDS))
    year = draw(st.sampled_from([2022, 2023, 2024, 2025]))
    present = draw(st.lists(st.booleans(), min_size=12, max_size=12))
    records = {
        y: draw(year_record(y, kind))
        for y, here in zip(range(year - 11, year + 1), present, strict=True)
        if here or y == year
    }
    unit_kind = draw(st.sampled_from([None, *UnitKind]))
    return Case(year=year, kind=kind, unit_kind=unit_kind, years=records)


def eligible_set(subject: Case) -> set[str]:
    return set(evaluate(subject).eligible_codes)


def with_record(subject: Case, record: YearRecord) -> Case:
    return replace(subject, years={**subject.years, record.year: record})


@settings(max_examples=300, deadline=None)
@given(cases(), st.data())
def test_improving_a_rating_never_removes_a_title(subject, data):
    year = data.draw(st.sampled_from(sorted(subject.years)))
    record = subject.years[year]
    rank = -1 if record.rating is None else RATING_RANK[record.rating]
    better = data.draw(st.integers(rank + 1, 3)) if rank < 3 else 3

    improved = with_record(subject, record._replace(rating=BY_RANK[better]))

    assert eligible_set(subject) <= eligible_set(improved)


@settings(max_examples=300, deadline=None)
@given(cases(), st.data())
def test_a_wider_initiative_scope_never_hurts(subject, data):
    year = data.draw(st.sampled_from(sorted(subject.years)))
    record = subject.years[year]
    scopes = list(record.initiatives) or [InitiativeScope.CO_SO]
    i = data.draw(st.integers(0, len(scopes) - 1))
    scopes[i] = BY_SCOPE_RANK[data.draw(st.integers(SCOPE_RANK[scopes[i]], 2))]
    if not record.initiatives:
        # Adding an initiative is a wider scope than none.
        scopes = scopes[:1]

    widened = with_record(subject, record._replace(initiatives=tuple(scopes)))

    assert eligible_set(subject) <= eligible_set(widened)


def as_input(subject: Case) -> dict[str, object]:
    """The case as the JSON input of ``thidua rules evaluate``."""
    years = []
    for record in subject.years.values():
        item: dict[str, object] = {
            "year": record.year,
            "rating": record.rating,
            "service_months": record.service_months,
            "discipline": record.discipline,
            "initiatives": list(record.initiatives),
            "titles": sorted(record.granted),
        }
        if record.members is not None:
            m = record.members
            item["members"] = {
                "total": m.total,
                "completed": m.completed,
                "lao_dong_tien_tien": m.lao_dong_tien_tien,
                "chien_si_thi_dua_co_so": m.chien_si_thi_dua_co_so,
                "disciplined_canh_cao_or_above": m.disciplined_canh_cao_or_above,
            }
            item["cluster_leader"] = record.cluster_leader
        years.append(item)
    return {
        "year": subject.year,
        "subject": {"kind": subject.kind, "unit_kind": subject.unit_kind},
        "years": years,
    }


@settings(max_examples=200, deadline=None)
@given(cases(), st.randoms(use_true_random=False))
def test_the_order_of_year_records_does_not_matter(subject, rng: random.Random):
    data = json.loads(json.dumps(as_input(subject)))
    shuffled = json.loads(json.dumps(data))
    rng.shuffle(shuffled["years"])

    first = evaluate(parse_case(data)).as_json()
    second = evaluate(parse_case(shuffled)).as_json()

    assert first == second


@settings(max_examples=200, deadline=None)
@given(cases())
def test_eligible_means_every_decidable_criterion_met(subject):
    for verdict in evaluate(subject).results:
        mets = [c.met for c in verdict.criteria]
        if verdict.eligible is True:
            assert all(m is True for m in mets)
        elif verdict.eligible is False:
            assert False in mets
        else:
            assert None in mets
            assert False not in mets
