"""What the engine answers, and its JSON form (``shared/spec/rules-cli.md``, "Output")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from thidua.core.catalog import BY_CODE
from thidua.core.rules.citations import Citation


@dataclass(frozen=True, slots=True)
class CriterionResult:
    key: str
    text: str
    met: bool | None
    citation: Citation

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "met": self.met, "citation": self.citation.text}


@dataclass(frozen=True, slots=True)
class Ground:
    """An alternative legal ground: it needs evidence beyond the facts."""

    text: str
    citation: Citation

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "citation": self.citation.text}


def eligibility(criteria: Iterable[CriterionResult]) -> bool | None:
    """False when a criterion is not met; else None when one cannot be decided; else True."""
    undecided = False
    for criterion in criteria:
        if criterion.met is False:
            return False
        if criterion.met is None:
            undecided = True
    return None if undecided else True


@dataclass(frozen=True, slots=True)
class Verdict:
    code: str
    eligible: bool | None
    criteria: tuple[CriterionResult, ...]
    to_confirm: tuple[str, ...]
    other_grounds: tuple[Ground, ...]
    decider: str | None

    @property
    def name(self) -> str:
        return BY_CODE[self.code].name

    @property
    def unmet(self) -> tuple[CriterionResult, ...]:
        return tuple(c for c in self.criteria if c.met is False)

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "eligible": self.eligible,
            "criteria": [c.as_json() for c in self.criteria],
            "to_confirm": list(self.to_confirm),
            "other_grounds": [g.as_json() for g in self.other_grounds],
            "decider": self.decider,
        }


@dataclass(frozen=True, slots=True)
class CaseResult:
    year: int
    rule_set: str
    results: tuple[Verdict, ...]

    def verdict(self, code: str) -> Verdict:
        for verdict in self.results:
            if verdict.code == code:
                return verdict
        raise KeyError(code)

    @property
    def eligible_codes(self) -> tuple[str, ...]:
        return tuple(v.code for v in self.results if v.eligible)

    def as_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "rule_set": self.rule_set,
            "results": [v.as_json() for v in self.results],
        }
