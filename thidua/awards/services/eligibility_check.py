"""The one place where the commendation cycle asks the law engine (issue 4) about a candidate.

The engine answers in the shape of ``shared/spec/rules-cli.md`` (one result per code: eligible
true/false/null, criteria with ``met`` and citation, ``to_confirm``, ``other_grounds``); this
module turns that answer into the candidate's status and the snapshot kept on its row, so a
change in the engine's Python interface touches this file alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from thidua.awards.choices import CheckStatus
from thidua.awards.eligibility import evaluate_subjects
from thidua.awards.eligibility.scan import SubjectKey, subject_key
from thidua.awards.services.quotas import local_scope
from thidua.core.rules import ScopeSettings
from thidua.core.rules.registry import rule_set_for_year
from thidua.orgs.models import Enterprise, Unit

NOT_JUDGED = (
    "Bộ quy tắc không xét tự động doanh nghiệp; Hội đồng xem xét hồ sơ thành tích của doanh nghiệp."
)


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


def _not_judged(code: str) -> CandidateCheck:
    """An enterprise: the engine reads people, collectives and households only (the spec's
    catalog), so the council weighs the enterprise's dossier itself."""
    return CandidateCheck(
        CheckStatus.TO_CONFIRM,
        {"engine": False, "code": code, "eligible": None, "criteria": [], "note": NOT_JUDGED},
    )


def _evaluate_many(
    root: Unit, subjects: Sequence[Any], code: str, year: int
) -> dict[SubjectKey, tuple[dict[str, Any], str]]:
    """The engine's result for ``code`` of each subject, with the rule set's name, read
    set-based (``thidua.awards.eligibility.evaluate_subjects``). A year no rule set governs
    is an error the caller has refused before (a proposal's year), never "not checked"."""
    rule_set = rule_set_for_year(year).name
    scopes: dict[int, ScopeSettings | None] = {}

    def scope_of(unit_id: int) -> ScopeSettings | None:
        if unit_id not in scopes:
            scopes[unit_id] = local_scope(Unit.objects.get(pk=unit_id), year)
        return scopes[unit_id]

    answers = evaluate_subjects(root=root, subjects=subjects, year=year, scope_of=scope_of)
    found: dict[SubjectKey, tuple[dict[str, Any], str]] = {}
    for key, answer in answers.items():
        result = next((r for r in answer.get("results", []) if r.get("code") == code), None)
        if result is None:
            raise LookupError(f"the engine gave no result for {code} of {key}")
        found[key] = (result, rule_set)
    return found


def candidates_check(
    *, root: Unit, subjects: Sequence[Any], code: str, year: int
) -> dict[SubjectKey, CandidateCheck]:
    """Each subject under ``root`` checked for ``code`` in ``year``, in a number of queries
    that does not grow with the subjects (a proposal's re-check on submit, on revocation)."""
    judged = [s for s in subjects if not isinstance(s, Enterprise)]
    checks = {
        key: from_result(result, rule_set=rule_set)
        for key, (result, rule_set) in _evaluate_many(root, judged, code, year).items()
    }
    for subject in subjects:
        if isinstance(subject, Enterprise):
            checks[("e", subject.pk)] = _not_judged(code)
    return checks


def check_key(subject: Any) -> SubjectKey:
    return ("e", subject.pk) if isinstance(subject, Enterprise) else subject_key(subject)


def candidate_check(*, subject: Any, code: str, year: int) -> CandidateCheck:
    root = subject if isinstance(subject, Unit) else subject.unit
    return candidates_check(root=root, subjects=[subject], code=code, year=year)[check_key(subject)]
