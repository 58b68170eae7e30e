"""From the council's result to a draft decision issued in Thi đua: one record per candidate
the council passed; ``decisions.decision_issue`` then locks it and numbers the certificates."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction

from thidua.awards.choices import CouncilResult
from thidua.awards.choices import ProposalStatus as S
from thidua.awards.models import Candidate, Decision, Proposal
from thidua.awards.services.decisions import decision_create, write_record
from thidua.common.audit import acting_as
from thidua.common.errors import DomainError
from thidua.core.documents import decision_subject, grants_of
from thidua.core.documents.bodies import is_deputy


def passed_candidates(proposals: Iterable[Proposal]) -> list[Candidate]:
    return list(
        Candidate.objects.filter(
            proposal__in=list(proposals),
            proposal__status=S.COUNCIL,
            council_result=CouncilResult.PASSED,
            on_hold=False,
            award_record__isnull=True,
        ).select_related("proposal", "person", "collective", "household", "enterprise")
    )


def _granted(candidates: list[Candidate]) -> list[tuple[str, int, str]]:
    return [(c.proposal.award_code, c.proposal.year, c.recipient_kind) for c in candidates]


@transaction.atomic
def decision_from_candidates(
    *,
    proposals: Iterable[Proposal],
    by: Any = None,
    number: str = "",
    decision_date: date | None = None,
    issuing_body: str,
    issuing_unit: Any,
    signer_name: str = "",
    signer_title: str,
    title: str = "",
) -> Decision:
    """A draft decision with one record per passed candidate not yet in a decision. Several
    decisions may come from one movement; each candidate enters one of them only. The số
    and the date may wait for the issue (``decisions.decision_issue``); the signer's name,
    left blank, is the one the issuing unit has set for the post."""
    proposals = list(proposals)
    candidates = passed_candidates(proposals)
    if not candidates:
        raise DomainError(
            "no_passed_candidates", "Không có đối tượng nào đạt tỷ lệ phiếu để ra quyết định."
        )

    if not signer_name.strip() and issuing_unit is not None:
        signer_name = (
            issuing_unit.deputy_name if is_deputy(signer_title) else issuing_unit.head_name
        )
    decision = decision_create(
        number=number,
        decision_date=decision_date,
        issuing_body=issuing_body,
        issuing_unit=issuing_unit,
        signer_name=signer_name,
        signer_title=signer_title,
        title=title
        or decision_subject(
            grants_of(
                (c.proposal.award_code, c.proposal.year, c.recipient_kind) for c in candidates
            )
        ),
        by=by,
    )
    for candidate in candidates:
        with acting_as(by):
            record = write_record(
                decision=decision,
                code=candidate.proposal.award_code,
                year=candidate.proposal.year,
                subject=candidate.subject,
                achievement=candidate.achievement,
            )
            candidate.award_record = record
            candidate.save(update_fields=["award_record", "updated_at"])
    return decision
