"""Add several candidates at once, from the eligible list or from the clusters' nominations.

Each addition is its own transaction, as if added one by one: those the law refuses (a second
award, a quota) are reported and the others stay added."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from thidua.awards.candidate_sources import nomination_basis
from thidua.awards.models import Candidate, Proposal
from thidua.awards.services.proposals import candidate_add
from thidua.common.errors import DomainError
from thidua.emulation.models import Nomination


@dataclass
class Picked:
    added: list[Candidate] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return f"Đã thêm {len(self.added)} đối tượng vào đề nghị."


def _add(picked: Picked, name: str, **kwargs: Any) -> None:
    try:
        candidate = candidate_add(**kwargs)
    except DomainError as error:
        picked.refused.append(f"{name}: {error.message}")
        return
    picked.added.append(candidate)
    if candidate.verdict.get("reason"):
        picked.refused.append(f"{candidate.recipient_name}: {candidate.verdict['reason']}")


def candidates_add_subjects(*, proposal: Proposal, subjects: Iterable[Any], by: Any) -> Picked:
    """People, collectives or households picked from the eligible list."""
    picked = Picked()
    for subject in subjects:
        _add(picked, str(subject), proposal=proposal, subject=subject, by=by)
    return picked


def candidates_add_nominations(
    *, proposal: Proposal, nominations: Iterable[Nomination], by: Any
) -> Picked:
    """Units nominated by their cluster's ranking, each with the nomination's basis."""
    picked = Picked()
    for nomination in nominations:
        if nomination.award != proposal.award_code:
            picked.refused.append(
                f"{nomination.unit.name}: cụm thi đua đề nghị "
                f"{nomination.get_award_display()}, không phải {proposal.award_name}."
            )
            continue
        _add(
            picked,
            nomination.unit.name,
            proposal=proposal,
            subject=nomination.unit,
            basis=nomination_basis(nomination),
            nomination=nomination,
            by=by,
        )
    return picked
