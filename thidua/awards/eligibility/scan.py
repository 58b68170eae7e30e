"""Eligibility from the database: every subject under a unit for one year (``thidua rules
scan``, the "Đủ điều kiện" page), and one subject for a proposal or a profile.

Selectors read the facts set-based (``facts``); the core judges them with one plan per rule
set, year and settings.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple

from thidua.awards.eligibility.facts import (
    NO_YEARS,
    History,
    Lookups,
    MemberShare,
    MemberTally,
    SubjectRow,
    UnitKinds,
    UnitRow,
    case_of,
    collectives_history,
    household_rows,
    households_history,
    member_share,
    people_facts,
    people_history,
    units_with_ancestors,
)
from thidua.core.catalog import BY_CODE
from thidua.core.rules import Case, CaseResult, RuleSettings, ScopeSettings, Verdict, YearRecord
from thidua.core.rules.facts import NO_CODES
from thidua.core.rules.next_steps import NextStep, next_steps
from thidua.core.rules.one_award import Granted, one_award_conflict
from thidua.core.rules.plan import Plan, plan_for
from thidua.core.rules.projection import Judge
from thidua.core.rules.quotas import QuotaCheck, check_quotas
from thidua.core.rules.registry import NoRuleSetError, rule_set_for_year
from thidua.core.rules.vocabulary import SubjectKind, UnitKind
from thidua.orgs.models import Household, Person, Unit


class UnitNotFoundError(LookupError):
    def __init__(self, code: str) -> None:
        super().__init__(f"không có đơn vị mã {code}")
        self.code = code


class ScanSubject(NamedTuple):
    """One subject of a scan. A named tuple: a province builds hundreds of thousands, three
    times cheaper than a frozen dataclass."""

    row: SubjectRow
    unit: UnitRow
    result: CaseResult
    # Codes already granted for the evaluation year: eligible and already decided.
    granted: frozenset[str] = NO_CODES

    @property
    def eligible(self) -> tuple[Verdict, ...]:
        return tuple(v for v in self.result.results if v.eligible is True)

    @property
    def one_short(self) -> tuple[Verdict, ...]:
        """Not eligible for want of exactly one criterion the facts decide."""
        return tuple(v for v in self.result.results if v.eligible is False and len(v.unmet) == 1)

    def standing(self, code: str, year: int) -> str:
        """What the decisions on ``year`` already say of ``code`` for this subject: "đã có
        quyết định" when they grant it; "đã có …" another form that rules it out for the
        same year's results (one achievement, one award: a proposal would be refused);
        "" otherwise."""
        if code in self.granted:
            return "đã có quyết định"
        if not self.granted:
            return ""
        held = [Granted(other, year) for other in sorted(self.granted)]
        conflict = one_award_conflict(code=code, year=year, granted=held)
        return f"đã có {BY_CODE[conflict.existing.code].name}" if conflict else ""


@dataclass(frozen=True, slots=True)
class UnitQuotas:
    unit: UnitRow
    checks: tuple[QuotaCheck, ...]


@dataclass(frozen=True, slots=True)
class Scan:
    year: int
    rule_set: str
    unit: UnitRow
    subjects: tuple[ScanSubject, ...]
    quotas: tuple[UnitQuotas, ...]


def _unit(code: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise UnitNotFoundError(code)
    return unit


def _judge_people(
    plan: Plan,
    year: int,
    rows: list[SubjectRow],
    history: History,
    units: dict[int, UnitRow],
    kinds: UnitKinds,
) -> tuple[list[ScanSubject], dict[int, MemberTally]]:
    """People judged one by one with the shared plan; what they hold this year is tallied per
    unit for the collective criteria ("at least 70 % Lao động tiên tiến").

    People whose facts are equal (one shared history, the same unit kind) are judged once:
    their cases are equal, so are their results. So are people whose histories differ only
    where no criterion looks (``Judge``)."""
    subjects: list[ScanSubject] = []
    append = subjects.append
    # Per kind, unit kind and history: the result, the person's share in the unit's tally and
    # what the history already grants for the year — all three follow from the key.
    judged: dict[
        tuple[SubjectKind, UnitKind | None, int],
        tuple[CaseResult, MemberShare | None, frozenset[str]],
    ] = {}
    shares: dict[tuple[int, int], MemberShare | None] = {}
    # People counted per unit and share, folded into tallies at the end: cheaper than adding
    # each person's share to a tally one by one.
    counted: dict[tuple[int, MemberShare | None], int] = defaultdict(int)
    unit_info = {unit_id: (unit, kinds.of(unit_id)) for unit_id, unit in units.items()}
    judge = Judge(plan, year)
    for row in rows:
        years = history.get(row.id, NO_YEARS)
        unit_id = row.unit_id
        unit, unit_kind = unit_info[unit_id]
        key = (row.kind, unit_kind, id(years))
        found = judged.get(key)
        if found is None:
            result = judge.judged(row.kind, unit_kind, years, year=year)
            current = years.get(year)
            share_key = (id(current), id(result))
            if share_key in shares:
                share = shares[share_key]
            else:
                share = shares[share_key] = member_share(current, result.eligible_codes)
            found = judged[key] = (result, share, _granted(current))
        append(ScanSubject(row, unit, found[0], found[2]))
        counted[(unit_id, found[1])] += 1
    tallies: dict[int, MemberTally] = defaultdict(MemberTally)
    for (unit_id, share), count in counted.items():
        tallies[unit_id].add(share, count)
    return subjects, tallies


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cycle collector paused while a scan builds its millions of small objects (none of
    them in a cycle): left on, it walks the growing heap again and again, a tenth of the time
    of a province. Restored as it was, whatever happens."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def eligibility_scan(
    *,
    unit_code: str,
    year: int,
    settings: RuleSettings | None = None,
    scope: ScopeSettings | None = None,
) -> Scan:
    """Every person, collective and household under the unit ``unit_code`` (its subtree),
    judged for the achievement year ``year``. Raises ``UnitNotFoundError``, or
    ``NoRuleSetError`` for a year no rule set covers."""
    root = _unit(unit_code)
    rule_set = rule_set_for_year(year)
    plan = plan_for(rule_set, year, settings=settings, scope=scope)
    units = units_with_ancestors(root)
    kinds = UnitKinds(units)
    under = {"unit__path__startswith": root.path}
    with _no_cycle_collection():
        people, tallies = _judge_people(plan, year, *people_facts(under, year=year), units, kinds)
        collectives = _judge_collectives(plan, year, root, units, kinds, tallies)
        households = _judge_households(plan, year, under, units, kinds)
        subjects = (*collectives, *people, *households)
    return Scan(
        year=year,
        rule_set=rule_set.name,
        unit=units[root.pk],
        subjects=subjects,
        quotas=_quotas(plan, subjects, units, tallies),
    )


def _judge_collectives(
    plan: Plan,
    year: int,
    root: Unit,
    units: dict[int, UnitRow],
    kinds: UnitKinds,
    tallies: dict[int, MemberTally],
) -> list[ScanSubject]:
    history = collectives_history({"path__startswith": root.path}, year=year)
    in_tree = _subtree_ids(units, root.pk) | {root.pk}
    subjects: list[ScanSubject] = []
    for unit in units.values():
        if unit.id not in in_tree:
            continue
        row = SubjectRow(SubjectKind.COLLECTIVE, unit.id, unit.code, unit.name, unit.id)
        tally = tallies.get(unit.id)
        case = case_of(
            row,
            history,
            year=year,
            unit_kind=kinds.above(unit.id),
            members=tally.members() if tally is not None else None,
        )
        granted = _granted(case.years.get(year))
        subjects.append(ScanSubject(row, unit, plan.evaluate(case), granted))
    return subjects


def _granted(record: YearRecord | None) -> frozenset[str]:
    return record.granted if record is not None else NO_CODES


def _subtree_ids(units: dict[int, UnitRow], root_id: int) -> set[int]:
    children: dict[int | None, list[int]] = defaultdict(list)
    for unit in units.values():
        children[unit.parent_id].append(unit.id)
    found: set[int] = set()
    stack = [root_id]
    while stack:
        for child in children[stack.pop()]:
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def _judge_households(
    plan: Plan, year: int, under: Lookups, units: dict[int, UnitRow], kinds: UnitKinds
) -> list[ScanSubject]:
    rows = household_rows(under)
    if not rows:
        return []
    history = households_history(under, year=year)
    subjects: list[ScanSubject] = []
    for row in rows:
        case = case_of(row, history, year=year, unit_kind=kinds.of(row.unit_id))
        granted = _granted(case.years.get(year))
        subjects.append(ScanSubject(row, units[row.unit_id], plan.evaluate(case), granted))
    return subjects


def _quotas(
    plan: Plan,
    subjects: tuple[ScanSubject, ...],
    units: dict[int, UnitRow],
    tallies: dict[int, MemberTally],
) -> tuple[UnitQuotas, ...]:
    """Caps per unit, over its own people and the collectives directly under it."""
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    eligible: dict[int, tuple[str, ...]] = {}
    for subject in subjects:
        if subject.row.kind is SubjectKind.HOUSEHOLD:
            continue
        owner = (
            subject.unit.parent_id
            if subject.row.kind is SubjectKind.COLLECTIVE
            else subject.unit.id
        )
        if owner is None:
            continue
        result = subject.result  # shared between subjects: its codes listed once
        codes = eligible.get(id(result))
        if codes is None:
            codes = eligible[id(result)] = result.eligible_codes
        for code in codes:
            counts[owner][code] += 1
    found: list[UnitQuotas] = []
    for unit_id, by_code in counts.items():
        tally = tallies.get(unit_id)
        checks = check_quotas(
            plan.rule_set,
            by_code,
            members=tally.total if tally is not None else None,
            scope=plan.scope,
        )
        if checks and unit_id in units:
            found.append(UnitQuotas(units[unit_id], checks))
    return tuple(sorted(found, key=lambda q: q.unit.code))


# -- one subject ----------------------------------------------------------------------------


def subject_case(*, subject: Person | Unit | Household, year: int) -> Case | None:
    """The case of one person, collective or household, read as the scan reads it; None for a
    year no rule set covers."""
    root = subject if isinstance(subject, Unit) else subject.unit
    try:
        cases = subject_cases(root=root, subjects=[subject], year=year)
    except NoRuleSetError:
        return None
    return cases[subject_key(subject)][0]


SubjectKey = tuple[str, int]


def subject_key(subject: Person | Unit | Household) -> SubjectKey:
    """ "p"/"c"/"h" and the id: one key for a person, a collective and a household."""
    prefix = "p" if isinstance(subject, Person) else "c" if isinstance(subject, Unit) else "h"
    return (prefix, subject.pk)


def subject_cases(
    *, root: Unit, subjects: Sequence[Person | Unit | Household], year: int
) -> dict[SubjectKey, tuple[Case, int]]:
    """The cases of many subjects under ``root`` (with the unit whose local rules apply to
    each), read set-based as the scan reads them: the queries do not grow with the number of
    subjects. Raises ``NoRuleSetError`` for a year no rule set covers."""
    plan = plan_for(rule_set_for_year(year), year)
    units = units_with_ancestors(root)
    kinds = UnitKinds(units)
    cases: dict[SubjectKey, tuple[Case, int]] = {}
    people = [s for s in subjects if isinstance(s, Person)]
    households = [s for s in subjects if isinstance(s, Household)]
    collectives = [s for s in subjects if isinstance(s, Unit)]
    for group, kind, load in (
        (people, SubjectKind.INDIVIDUAL, people_history),
        (households, SubjectKind.HOUSEHOLD, households_history),
    ):
        if not group:
            continue
        history = load({"pk__in": [s.pk for s in group]}, year=year)
        for subject in group:
            name = subject.full_name if isinstance(subject, Person) else subject.name
            row = SubjectRow(kind, subject.pk, subject.code, name, subject.unit_id)
            case = case_of(row, history, year=year, unit_kind=kinds.of(subject.unit_id))
            cases[subject_key(subject)] = (case, subject.unit_id)
    if collectives:
        ids = [u.pk for u in collectives]
        members = people_facts({"unit_id__in": ids}, year=year, side_by_side=False)
        _, tallies = _judge_people(plan, year, *members, units, kinds)
        history = collectives_history({"pk__in": ids}, year=year)
        for unit in collectives:
            row = SubjectRow(SubjectKind.COLLECTIVE, unit.pk, unit.code, unit.name, unit.pk)
            tally = tallies.get(unit.pk)
            case = case_of(
                row,
                history,
                year=year,
                unit_kind=kinds.above(unit.pk),
                members=tally.members() if tally is not None else None,
            )
            cases[subject_key(unit)] = (case, unit.pk)
    return cases


def evaluate_subjects(
    *,
    root: Unit,
    subjects: Sequence[Person | Unit | Household],
    year: int,
    scope_of: Callable[[int], ScopeSettings | None] = lambda unit_id: None,
) -> dict[SubjectKey, dict[str, Any]]:
    """The engine's answers for many subjects under ``root``, each under the local rules of
    its unit (``scope_of``), in the JSON shape of ``rules-cli.md``. Proposals call this
    (``services.eligibility_check``)."""
    rule_set = rule_set_for_year(year)
    return {
        key: plan_for(rule_set, year, scope=scope_of(unit_id)).evaluate(case).as_json()
        for key, (case, unit_id) in subject_cases(root=root, subjects=subjects, year=year).items()
    }


def evaluate_subject(
    *, subject: Person | Unit | Household, year: int, scope: ScopeSettings | None = None
) -> dict[str, Any] | None:
    """The engine's answer for one subject, in the JSON shape of ``rules-cli.md``, under the
    local rules ``scope`` if given; None when no rule set covers the year. Proposals call this
    (``services.eligibility_check``)."""
    case = subject_case(subject=subject, year=year)
    if case is None:
        return None
    return plan_for(rule_set_for_year(year), year, scope=scope).evaluate(case).as_json()


def subject_next_steps(
    *, subject: Person | Unit | Household, year: int, scope: ScopeSettings | None = None
) -> tuple[NextStep, ...]:
    """For a profile: the titles and forms not reached, what is missing, and when next, under
    the local rules ``scope`` if given."""
    case = subject_case(subject=subject, year=year)
    return () if case is None else next_steps(case, scope=scope)
