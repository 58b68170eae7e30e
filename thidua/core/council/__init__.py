"""Council ballots: quorum and pass thresholds per form and level (pure; no Django)."""

from thidua.core.council.voting import (
    ANY,
    BASE_LABELS,
    DEFAULT_RULES,
    METHOD_LABELS,
    Base,
    Method,
    Outcome,
    VotingRule,
    decide,
    has_quorum,
    rule_for,
    votes_needed,
)

__all__ = [
    "ANY",
    "BASE_LABELS",
    "DEFAULT_RULES",
    "METHOD_LABELS",
    "Base",
    "Method",
    "Outcome",
    "VotingRule",
    "decide",
    "has_quorum",
    "rule_for",
    "votes_needed",
]
