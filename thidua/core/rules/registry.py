"""The rule sets the engine knows, and the one that governs an evaluation year."""

from __future__ import annotations

from thidua.core.rules.facts import Case
from thidua.core.rules.luat_2013 import LUAT_2013
from thidua.core.rules.luat_2022 import LUAT_2022
from thidua.core.rules.model import RuleSet
from thidua.core.rules.plan import plan_for
from thidua.core.rules.settings import RuleSettings, ScopeSettings
from thidua.core.rules.verdict import CaseResult

# Newest first: the catalog lists them so.
RULE_SETS: tuple[RuleSet, ...] = (LUAT_2022, LUAT_2013)
BY_NAME: dict[str, RuleSet] = {r.name: r for r in RULE_SETS}


class NoRuleSetError(ValueError):
    def __init__(self, year: int) -> None:
        covered = "; ".join(f"{r.name}: {r.years_label}" for r in RULE_SETS)
        super().__init__(f"không có bộ quy tắc cho năm {year} (hỗ trợ {covered})")
        self.year = year


def rule_set_for_year(year: int) -> RuleSet:
    """The rule set of the evaluation (achievement) year: Law 06/2022/QH15 for 2024 onward,
    the Law as amended in 2013 with ND 91/2017 for 2018–2023."""
    for rule_set in RULE_SETS:
        if rule_set.covers(year):
            return rule_set
    raise NoRuleSetError(year)


def evaluate(
    case: Case, *, settings: RuleSettings | None = None, scope: ScopeSettings | None = None
) -> CaseResult:
    """Every title and form that applies to the case's subject, judged under the rule set of
    its year. Settings default to the rule set's own."""
    rule_set = rule_set_for_year(case.year)
    return plan_for(rule_set, case.year, settings=settings, scope=scope).evaluate(case)
