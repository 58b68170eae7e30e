"""From the council's result to the issued decision: a draft decision listing the candidates
who passed, then its issue, which creates the award records (through ``decisions``), locks
them and prints a certificate number and verification code for each."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction

from thidua.awards.choices import CouncilResult
from thidua.awards.choices import ProposalStatus as S
from thidua.awards.models import Candidate, Certificate, Decision, Proposal
from thidua.awards.services.decisions import award_record_add, decision_create, decision_issue
from thidua.awards.services.timeline import proposal_move
from thidua.common.errors import DomainError


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


@transaction.atomic
def decision_from_candidates(
    *,
    proposals: Iterable[Proposal],
    number: str,
    decision_date: date,
    issuing_body: str,
    issuing_unit: Any,
    signer_name: str,
    signer_title: str,
) -> Decision:
    """A draft decision with one record per passed candidate not yet in a decision. Several
    decisions may come from one movement; each candidate enters one of them only."""
    candidates = passed_candidates(proposals)
    if not candidates:
        raise DomainError(
            "no_passed_candidates", "Không có đối tượng nào đạt tỷ lệ phiếu để ra quyết định."
        )
    names = sorted({c.proposal.award_name for c in candidates})
    decision = decision_create(
        number=number,
        decision_date=decision_date,
        issuing_body=issuing_body,
        issuing_unit=issuing_unit,
        signer_name=signer_name,
        signer_title=signer_title,
        title=f"Về việc tặng {', '.join(names)}",
    )
    for candidate in candidates:
        record = award_record_add(
            decision=decision,
            code=candidate.proposal.award_code,
            year=candidate.proposal.year,
            subject=candidate.subject,
            achievement=candidate.achievement,
        )
        candidate.award_record = record
        candidate.save(update_fields=["award_record", "updated_at"])
    return decision


def _next_certificate_number(year: int, taken: int) -> str:
    return f"{taken + 1:04d}/{year}"


@transaction.atomic
def decision_issue_with_certificates(*, decision: Decision, by: Any) -> Decision:
    """Issue the decision (records locked) and number a certificate for each record; the
    proposals whose candidates are all decided move to "Đã ban hành"."""
    decision_issue(decision=decision)
    year = decision.date.year if decision.date else 0
    taken = Certificate.objects.filter(number__endswith=f"/{year}").count()
    Certificate.objects.bulk_create(
        Certificate(award_record=record, number=_next_certificate_number(year, taken + i))
        for i, record in enumerate(decision.records.order_by("pk"))
    )
    proposals = Proposal.objects.filter(candidates__award_record__decision=decision).distinct()
    for proposal in proposals:
        waiting = proposal.candidates.filter(
            council_result=CouncilResult.PASSED, award_record__isnull=True
        )
        if proposal.status == S.COUNCIL and not waiting.exists():
            proposal_move(
                proposal=proposal, to=S.DECIDED, by=by, note=f"Quyết định số {decision.number}"
            )
    return decision
