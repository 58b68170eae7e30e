"""One achievement, one award, read from the database: what each subject already holds or is
proposed for on the achievements of a year, judged by the core rule
(``thidua.core.rules.one_award``). One path for adding a candidate and for the list of
candidates offered, so the list never offers someone the add would refuse."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Q

from thidua.awards.models import AwardRecord, Candidate, Proposal
from thidua.core.rules.one_award import AwardConflict, Granted, one_award_conflict
from thidua.core.rules.vocabulary import Occasion

# A subject as a key: "p:12" (person), "c:3" (collective), "h:5" (household), "e:2".
_KEY_FIELDS = (
    ("p", "person_id"),
    ("c", "collective_id"),
    ("h", "household_id"),
    ("e", "enterprise_id"),
)


def subject_key(row: Any) -> str:
    for prefix, field in _KEY_FIELDS:
        value = getattr(row, field)
        if value:
            return f"{prefix}:{value}"
    raise ValueError("a grant without a recipient")


def _grant_of(proposal: Proposal | None) -> tuple[str, Occasion]:
    if proposal is None:  # an award imported or entered from a decision: the year's results
        return "", Occasion.THUONG_XUYEN
    return proposal.achievement_key, Occasion(proposal.occasion)


def granted_by_subject(*, year: int, proposal: Proposal, recipients: Q) -> dict[str, list[Granted]]:
    """The standing awards and the candidates still in play on the achievements of ``year``
    of the subjects ``recipients`` selects (a filter on the recipient fields), per subject."""
    granted: dict[str, list[Granted]] = defaultdict(list)
    records = (
        AwardRecord.objects.standing()
        .filter(recipients, year=year)
        .select_related("decision", "candidate__proposal__movement")
    )
    for record in records:
        origin = getattr(record, "candidate", None)
        key, occasion = _grant_of(origin.proposal if origin else None)
        source = f"Quyết định số {record.decision.number}"
        granted[subject_key(record)].append(Granted(record.code, year, key, occasion, source))
    candidates = (
        Candidate.objects.in_play_for(year=year)
        .filter(recipients, award_record__isnull=True)
        .select_related("proposal__movement")
    )
    for other in candidates:
        mine = other.proposal_id == proposal.pk
        source = "trong đề nghị này" if mine else f"trong đề nghị “{other.proposal}”"
        key, occasion = _grant_of(other.proposal)
        granted[subject_key(other)].append(
            Granted(other.proposal.award_code, year, key, occasion, source)
        )
    return granted


def conflict_for(proposal: Proposal, granted: list[Granted]) -> AwardConflict | None:
    key, occasion = _grant_of(proposal)
    return one_award_conflict(
        code=proposal.award_code,
        year=proposal.year,
        granted=granted,
        achievement=key,
        occasion=occasion,
    )


def refusal_text(subject_name: str, conflict: AwardConflict) -> str:
    basis = conflict.citation.text
    return f"{subject_name}: {conflict.message}; căn cứ {basis[0].lower()}{basis[1:]}"


def refused_keys(*, proposal: Proposal, recipients: Q) -> set[str]:
    """The subjects ``recipients`` selects whom the proposal's form would be refused to."""
    granted = granted_by_subject(year=proposal.year, proposal=proposal, recipients=recipients)
    return {key for key, grants in granted.items() if conflict_for(proposal, grants) is not None}
