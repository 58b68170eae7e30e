"""A case cut down to what the checks declare they read is judged exactly as the whole case,
and the judge that shares results between equal cuts answers as judging each case afresh."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.core.rules import BY_NAME, Case, YearRecord, rule_set_for_year
from thidua.core.rules.checks import undecidable
from thidua.core.rules.model import Criterion
from thidua.core.rules.plan import Plan, plan_for
from thidua.core.rules.projection import Judge, Projection, _projection
from thidua.core.rules.reads import CURRENT, Reads, combined, declared, reads
from thidua.core.rules.vocabulary import (
    Discipline,
    InitiativeScope,
    Rating,
    SubjectKind,
    UnitKind,
)
from thidua.core.tests.rules.test_properties import cases, codes_for, members

GOOD = (Rating.XUAT_SAC, Rating.TOT)


@st.composite
def long_runs(draw: st.DrawFn) -> Case:
    """Histories with long runs of good years, grants of every code and initiatives of every
    scope, where cutting at the run's start matters most."""
    kind = draw(st.sampled_from(list(SubjectKind)))
    year = draw(st.sampled_from([2023, 2024, 2025, 2026]))
    codes = codes_for(kind)
    records = {}
    for y in range(year - 14, year + 1):
        if y != year and draw(st.integers(0, 9)) == 0:
            continue  # an unknown year breaks a run
        bad = draw(st.integers(0, 5)) == 0
        records[y] = YearRecord(
            year=y,
            rating=draw(st.sampled_from([Rating.HOAN_THANH, None] if bad else GOOD)),
            service_months=draw(st.sampled_from([12, 12, 12, 5])),
            discipline=draw(st.sampled_from([None, None, None, Discipline.CANH_CAO])),
            initiatives=tuple(draw(st.lists(st.sampled_from(list(InitiativeScope)), max_size=3))),
            granted=frozenset(draw(st.sets(st.sampled_from(codes), max_size=4))),
            members=draw(members()) if kind is SubjectKind.COLLECTIVE else None,
        )
    unit_kind = draw(st.sampled_from([None, *UnitKind]))
    return Case(year=year, kind=kind, unit_kind=unit_kind, years=records)


def projection_of(case: Case) -> Projection:
    plan = plan_for(rule_set_for_year(case.year), case.year)
    found = _projection(plan, case.kind, case.year)
    assert found is not None, "every check of the rule sets declares what it reads"
    return found


def judged(case: Case) -> dict[str, object]:
    return plan_for(rule_set_for_year(case.year), case.year).evaluate(case).as_json()


@settings(max_examples=300, deadline=None)
@given(st.one_of(cases(), long_runs()))
def test_a_case_cut_to_what_the_checks_read_is_judged_as_the_whole(case: Case):
    cut = projection_of(case).case(case)
    assert judged(cut) == judged(case)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(cases(), long_runs()), min_size=2, max_size=6))
def test_the_judge_answers_as_judging_each_case_afresh(many: list[Case]):
    by_year: dict[int, Judge] = {}
    for case in [*many, *many]:
        judge = by_year.setdefault(
            case.year, Judge(plan_for(rule_set_for_year(case.year), case.year), case.year)
        )
        assert judge.evaluate(case).as_json() == judged(case)


def _record(year: int, rating: Rating | None, **fields: object) -> YearRecord:
    return YearRecord(year=year, rating=rating, **fields)  # type: ignore[arg-type]


def test_the_cut_keeps_the_runs_and_the_grants_the_law_follows():
    # Runs back from 2025: rated xuất sắc 2024–2025, tốt or better 2022–2025; 2021 breaks both.
    tinh, co_so, toan_quoc = InitiativeScope.TINH, InitiativeScope.CO_SO, InitiativeScope.TOAN_QUOC
    years = {
        2017: _record(2017, Rating.XUAT_SAC, initiatives=(toan_quoc,)),
        2019: _record(2019, Rating.XUAT_SAC, granted=frozenset({"bang_khen_tinh", "giay_khen"})),
        2020: _record(2020, Rating.TOT, initiatives=(toan_quoc, co_so), service_months=5),
        2021: _record(2021, Rating.HOAN_THANH, discipline=Discipline.KHIEN_TRACH),
        2022: _record(2022, Rating.XUAT_SAC, granted=frozenset({"lao_dong_tien_tien"})),
        2023: _record(2023, Rating.TOT, initiatives=(co_so, tinh)),
        2024: _record(2024, Rating.XUAT_SAC, initiatives=(co_so,), service_months=9),
        2025: _record(2025, Rating.XUAT_SAC, discipline=Discipline.KHIEN_TRACH, service_months=7),
    }
    case = Case(year=2025, kind=SubjectKind.INDIVIDUAL, years=years)
    cut = projection_of(case).case(case).years
    assert cut[2025] is years[2025]  # the evaluation year whole
    # In the runs: ratings; grants only of the codes a check reads (not Lao động tiên tiến of
    # earlier years); no months, no discipline. Initiatives of any scope count within the run
    # of xuất sắc (Bằng khen tỉnh), of scope tỉnh within the last 03 years (CSTĐ tỉnh).
    assert cut[2024] == _record(2024, Rating.XUAT_SAC, initiatives=(co_so,))
    assert cut[2023] == _record(2023, Rating.TOT, initiatives=(tinh,))
    assert cut[2022] == _record(2022, Rating.XUAT_SAC)
    # Before the runs: no rating; only nationwide initiatives within the last 07 years (CSTĐ
    # toàn quốc); the Bằng khen tỉnh a chain starts from stays, Giấy khen goes.
    assert 2021 not in cut
    assert cut[2020] == _record(2020, None, initiatives=(toan_quoc,))
    assert cut[2019] == _record(2019, None, granted=frozenset({"bang_khen_tinh"}))
    assert 2017 not in cut
    assert judged(projection_of(case).case(case)) == judged(case)


def test_a_year_rated_below_every_floor_leaves_no_run():
    years = {
        2023: _record(2023, Rating.XUAT_SAC, initiatives=(InitiativeScope.CO_SO,)),
        2024: _record(2024, Rating.XUAT_SAC),
        2025: _record(2025, Rating.HOAN_THANH),
    }
    case = Case(year=2025, kind=SubjectKind.INDIVIDUAL, years=years)
    assert projection_of(case).case(case).years == {2025: years[2025]}


def test_histories_that_differ_only_where_no_check_looks_are_judged_once():
    def history(old_rating: Rating, months: int) -> dict[int, YearRecord]:
        return {
            2017: _record(2017, old_rating),
            2018: _record(2018, Rating.HOAN_THANH),
            **{y: _record(y, Rating.TOT, service_months=months) for y in range(2019, 2025)},
            2025: _record(2025, Rating.XUAT_SAC),
        }

    plan = plan_for(rule_set_for_year(2025), 2025)
    judge = Judge(plan, 2025)
    current = _record(2025, Rating.XUAT_SAC)
    a = Case(year=2025, kind=SubjectKind.INDIVIDUAL, years={**history(Rating.TOT, 12)})
    b = Case(year=2025, kind=SubjectKind.INDIVIDUAL, years={**history(Rating.XUAT_SAC, 8)})
    a = replace(a, years={**a.years, 2025: current})
    b = replace(b, years={**b.years, 2025: current})
    assert judge.evaluate(a) is judge.evaluate(b)
    # A rating within the run is read: that history is judged apart.
    c = replace(b, years={**b.years, 2022: _record(2022, Rating.XUAT_SAC)})
    assert judge.evaluate(c).as_json() == judged(c)


def test_every_check_of_every_rule_set_declares_what_it_reads():
    for rule_set in BY_NAME.values():
        for rule in rule_set.rules:
            for criterion in rule.criteria:
                assert declared(criterion.check) is not None, (rule_set.name, criterion.key)


def test_a_check_that_declares_nothing_turns_the_cut_off_for_its_plan():
    def peeks_at_anything(ctx: object) -> bool:
        return True

    rule_set = rule_set_for_year(2025)
    secret = Criterion(key="x", text="x", citation=rule_set.one_award, check=peeks_at_anything)
    first = rule_set.rules[0]
    changed = replace(rule_set, rules=(replace(first, criteria=(*first.criteria, secret)),))
    plan = Plan(
        replace(changed, rules=(*changed.rules, *rule_set.rules[1:])),
        rule_set.settings.decision_date(2025),
        rule_set.settings,
        rule_set.scope,
    )
    assert _projection(plan, first.kinds[0], 2025) is None
    assert _projection(plan, SubjectKind.HOUSEHOLD, 2025) is not None


def test_reads_combine_to_the_lowest_floor_and_every_code():
    a = Reads(
        codes=frozenset({"a"}),
        floor=Rating.XUAT_SAC,
        initiatives_in_run=((Rating.XUAT_SAC, InitiativeScope.CO_SO),),
        initiatives_in_years=((3, InitiativeScope.TINH),),
    )
    b = Reads(
        codes=frozenset({"b"}),
        floor=Rating.TOT,
        initiatives_in_years=((lambda s: 7, InitiativeScope.TOAN_QUOC),),
    )
    both = a | b
    assert both.codes == {"a", "b"}
    assert both.floor is Rating.TOT
    assert both.initiatives_in_run == ((Rating.XUAT_SAC, InitiativeScope.CO_SO),)
    assert both.years_read(rule_set_for_year(2025).settings) == [
        (3, InitiativeScope.TINH),
        (7, InitiativeScope.TOAN_QUOC),
    ]
    assert (CURRENT | a).floor is Rating.XUAT_SAC
    assert (a | a) == a


def test_a_combination_of_checks_reads_what_its_parts_read():
    @reads(Reads(codes=frozenset({"x"})))
    def one(ctx: object) -> bool:
        return True

    def other(ctx: object) -> bool:
        return True

    assert combined((one, undecidable)) == Reads(codes=frozenset({"x"}))
    assert combined((one, other)) is None


@pytest.mark.parametrize("year", [2023, 2025])
def test_a_judge_judges_cases_of_another_year_in_full(year: int):
    plan = plan_for(rule_set_for_year(year), year)
    judge = Judge(plan, year)
    other = Case(
        year=year - 1, kind=SubjectKind.INDIVIDUAL, years={year - 1: _record(year - 1, Rating.TOT)}
    )
    assert judge.evaluate(other) is plan.evaluate(other)


def test_a_chain_after_bang_khen_tinh_is_seen_through_the_cut():
    """Bằng khen Thủ tướng: Bằng khen tỉnh in 2019, then six years hoàn thành tốt — the cut
    keeps every rating of the run and the grant the chain starts from."""
    years = {2019: _record(2019, Rating.XUAT_SAC, granted=frozenset({"bang_khen_tinh"}))}
    for y in range(2020, 2026):
        titles = frozenset({"chien_si_thi_dua_co_so"}) if y % 2 else frozenset()
        years[y] = _record(y, Rating.TOT, granted=titles)
    case = Case(year=2025, kind=SubjectKind.INDIVIDUAL, years=years)
    cut = projection_of(case).case(case)
    assert [cut.years[y].rating for y in range(2020, 2025)] == [Rating.TOT] * 5
    result = plan_for(rule_set_for_year(2025), 2025).evaluate(cut)
    assert "bang_khen_thu_tuong" in result.eligible_codes
    assert judged(cut) == judged(case)
