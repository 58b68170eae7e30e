""" "What is missing" and "when next": for a subject, the titles and forms it is not eligible
for this year, the criteria it misses, and the earliest year it could reach each one if every
year from now goes well.

"Goes well" is the best year the subject could have by its own effort: an individual excellent,
in service all year, with an initiative of the widest scope; a collective excellent, leading its
cluster, every member completing the year with "Lao động tiên tiến" and one "Chiến sĩ thi đua
cơ sở"; a household without exclusions. Every title and form found eligible on the way is taken
as granted, so the chains move on as they would. The answer is the earliest year, not a promise.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from thidua.core.catalog import BY_CODE, PRECEDENCE
from thidua.core.rules.facts import Case, Members, YearRecord
from thidua.core.rules.registry import evaluate, rule_set_for_year
from thidua.core.rules.settings import ScopeSettings
from thidua.core.rules.verdict import CaseResult, CriterionResult
from thidua.core.rules.vocabulary import ClusterLevel, InitiativeScope, Rating, SubjectKind

# From nothing to the Huân chương: 2 years to Bằng khen tỉnh, 5 more to the Prime Minister's,
# 5 more to the Huân chương. Beyond this the answer is "not within sight".
HORIZON_YEARS = 15
_IDEAL_MEMBERS = 10


@dataclass(frozen=True, slots=True)
class NextStep:
    code: str
    missing: tuple[CriterionResult, ...]
    earliest_year: int | None

    @property
    def name(self) -> str:
        return BY_CODE[self.code].name

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "missing": [c.as_json() for c in self.missing],
            "earliest_year": self.earliest_year,
        }


def _ideal_year(case: Case, year: int) -> YearRecord:
    if case.kind is SubjectKind.INDIVIDUAL:
        return YearRecord(
            year=year, rating=Rating.XUAT_SAC, initiatives=(InitiativeScope.TOAN_QUOC,)
        )
    if case.kind is SubjectKind.COLLECTIVE:
        known = [r.members.total for r in case.years.values() if r.members is not None]
        total = max(known[-1] if known else _IDEAL_MEMBERS, 1)
        return YearRecord(
            year=year,
            rating=Rating.XUAT_SAC,
            members=Members(
                total=total,
                completed=total,
                lao_dong_tien_tien=total,
                chien_si_thi_dua_co_so=1,
            ),
            cluster_leader=ClusterLevel.TINH,
        )
    return YearRecord(year=year)


def _granting(record: YearRecord, result: CaseResult) -> YearRecord:
    return record._replace(granted=record.granted | frozenset(result.eligible_codes))


def next_steps(
    case: Case, *, scope: ScopeSettings | None = None, horizon: int = HORIZON_YEARS
) -> tuple[NextStep, ...]:
    """The titles and forms the subject is not eligible for in ``case.year``, nearest first.
    When the evaluation year has no record yet, it is taken to go well too. ``scope``: the
    local rules in force (a province's Giấy khen standard…), applied to the years judged under
    the same rule set as ``case.year``; later rule sets start from their own defaults."""
    own = rule_set_for_year(case.year)

    def scope_of(year: int) -> ScopeSettings | None:
        return scope if rule_set_for_year(year) is own else None

    result = evaluate(case, scope=scope)
    missing = {v.code: v.unmet for v in result.results if v.eligible is False}
    earliest: dict[str, int] = {}
    history = dict(case.years)
    first = case.year
    if case.year in history:
        history[case.year] = _granting(history[case.year], result)
        first += 1
    for year in range(first, case.year + horizon + 1):
        if len(earliest) == len(missing):
            break
        history[year] = _ideal_year(case, year)
        outcome = evaluate(replace(case, year=year, years=history), scope=scope_of(year))
        for code in outcome.eligible_codes:
            if code in missing:
                earliest.setdefault(code, year)
        history[year] = _granting(history[year], outcome)
    steps = [NextStep(code, unmet, earliest.get(code)) for code, unmet in missing.items()]
    never = case.year + horizon + 1
    steps.sort(key=lambda s: (s.earliest_year or never, -PRECEDENCE[s.code]))
    return tuple(steps)
