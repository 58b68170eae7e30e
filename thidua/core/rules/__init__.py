"""The law engine: which titles and forms a subject can be proposed for in a year, and why.

Pure Python (no Django): plain data in (``Case``), plain data out (``CaseResult``). Rule sets
are data plus small named checks, each criterion with its citation and validity; see
``docs/law.md`` for every rule, its source and its confidence.
"""

from thidua.core.rules.facts import Case, Members, MovementLead, YearRecord
from thidua.core.rules.registry import (
    BY_NAME,
    RULE_SETS,
    NoRuleSetError,
    evaluate,
    rule_set_for_year,
)
from thidua.core.rules.settings import RuleSettings, ScopeSettings, Share
from thidua.core.rules.verdict import CaseResult, CriterionResult, Ground, Verdict

__all__ = [
    "BY_NAME",
    "RULE_SETS",
    "Case",
    "CaseResult",
    "CriterionResult",
    "Ground",
    "Members",
    "MovementLead",
    "NoRuleSetError",
    "RuleSettings",
    "ScopeSettings",
    "Share",
    "Verdict",
    "YearRecord",
    "evaluate",
    "rule_set_for_year",
]
