"""The proposal's status machine: which moves are allowed, and the timeline row each leaves.

draft → submitted → under review → (returned → submitted …) → public comment → council →
decided | rejected. A valid public comment sends the proposal back to review.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from thidua.awards.choices import ProposalStatus as S
from thidua.awards.models import Proposal, ProposalEvent
from thidua.common.errors import DomainError

ALLOWED: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED}),
    S.RETURNED: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.UNDER_REVIEW, S.RETURNED}),
    S.UNDER_REVIEW: frozenset({S.RETURNED, S.PUBLIC_COMMENT, S.COUNCIL, S.REJECTED}),
    S.PUBLIC_COMMENT: frozenset({S.UNDER_REVIEW, S.COUNCIL}),
    S.COUNCIL: frozenset({S.UNDER_REVIEW, S.DECIDED, S.REJECTED}),
    S.DECIDED: frozenset(),
    S.REJECTED: frozenset(),
}


def proposal_move(*, proposal: Proposal, to: str, by: Any, note: str = "") -> Proposal:
    """Move ``proposal`` to ``to`` and write the timeline row; the caller holds the
    transaction. An unlisted move is refused, naming both states."""
    current = S(proposal.status)
    if to not in ALLOWED[current]:
        raise DomainError(
            "bad_transition",
            f"Đề nghị đang ở trạng thái “{current.label}”, không thể chuyển sang “{S(to).label}”.",
        )
    proposal.status = to
    if to == S.SUBMITTED:
        proposal.submitted_at = timezone.now()
    proposal.full_clean()
    proposal.save()
    ProposalEvent.objects.create(
        proposal=proposal,
        actor=by if getattr(by, "is_authenticated", False) else None,
        from_status=current,
        to_status=to,
        note=note,
    )
    return proposal
