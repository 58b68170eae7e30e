"""The one place where the commendation cycle asks the law engine (issue 4) about a candidate.

The engine answers in the shape of ``shared/spec/rules-cli.md`` (one result per code: eligible
true/false/null, criteria with ``met`` and citation, ``to_confirm``, ``other_grounds``); this
module turns that answer into the candidate's status and the snapshot kept on its row, so a
change in the engine's Python interface touches this file alone.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from thidua.awards.choices import CheckStatus
from thidua.awards.services.quotas import local_scope
from thidua.orgs.models import Enterprise, Unit

NOT_CHECKED = "Chưa kiểm tra tự động được: bộ quy tắc của Luật chưa sẵn sàng; Hội đồng xem xét."


@dataclass(frozen=True)
class CandidateCheck:
    status: CheckStatus
    snapshot: dict[str, Any]
    unmet: tuple[str, ...] = ()
    other_grounds: tuple[str, ...] = field(default=())

    @property
    def reason(self) -> str:
        """The sentence an officer reads: "Chưa đủ điều kiện: … (citation)"."""
        if self.status is CheckStatus.REFUSED:
            return "Chưa đủ điều kiện: " + "; ".join(self.unmet) + "."
        return ""


def _criterion_text(criterion: dict[str, Any]) -> str:
    citation = criterion.get("citation")
    return f"{criterion['text']} ({citation})" if citation else str(criterion["text"])


def from_result(result: dict[str, Any], *, rule_set: str = "") -> CandidateCheck:
    """One entry of the engine's ``results`` → the candidate's check."""
    criteria = list(result.get("criteria", []))
    unmet = tuple(_criterion_text(c) for c in criteria if c.get("met") is False)
    grounds = tuple(
        g if isinstance(g, str) else _criterion_text(g) for g in result.get("other_grounds", [])
    )
    eligible = result.get("eligible")
    if eligible is True:
        status = CheckStatus.ELIGIBLE
    elif eligible is None:
        status = CheckStatus.TO_CONFIRM
    else:
        status = CheckStatus.REFUSED
    snapshot = {
        "engine": True,
        "rule_set": rule_set,
        "code": result.get("code"),
        "name": result.get("name"),
        "eligible": eligible,
        "criteria": criteria,
        "to_confirm": list(result.get("to_confirm", [])),
        "other_grounds": list(result.get("other_grounds", [])),
        "decider": result.get("decider"),
    }
    return CandidateCheck(status, snapshot, unmet, grounds)


def _not_checked(code: str) -> CandidateCheck:
    return CandidateCheck(
        CheckStatus.TO_CONFIRM,
        {"engine": False, "code": code, "eligible": None, "criteria": [], "note": NOT_CHECKED},
    )


def _evaluate(subject: Any, code: str, year: int) -> tuple[dict[str, Any], str] | None:
    """The engine's result for ``code``, with the rule set's name, from
    ``thidua.awards.eligibility.evaluate_subject`` (the law engine's own reading of the
    database, issue 4); ``None`` when the engine cannot judge the subject (no rule set for the
    year, a kind of subject it does not read) or is not installed."""
    try:
        eligibility = importlib.import_module("thidua.awards.eligibility")
        evaluate_subject = eligibility.evaluate_subject
    except (ImportError, AttributeError):
        return None
    if isinstance(subject, Enterprise):  # the engine reads people, collectives, households
        return None
    unit = subject if isinstance(subject, Unit) else subject.unit
    answer = evaluate_subject(subject=subject, year=year, scope=local_scope(unit, year))
    if answer is None:
        return None
    for result in answer.get("results", []):
        if result.get("code") == code:
            return result, str(answer.get("rule_set", ""))
    return None


def candidate_check(*, subject: Any, code: str, year: int) -> CandidateCheck:
    found = _evaluate(subject, code, year)
    if found is None:
        return _not_checked(code)
    result, rule_set = found
    return from_result(result, rule_set=rule_set)
