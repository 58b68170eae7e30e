"""Revoke an award on a ground of khoản 2 Điều 93 Luật Thi đua, khen thưởng: the record stays,
marked revoked (the verification page says so), and candidates still under consideration whose
chain may have leaned on it are checked again by the law engine."""

from __future__ import annotations

from django.db import transaction

from thidua.awards.choices import RevocationGround
from thidua.awards.models import AwardRecord, Candidate, Proposal
from thidua.awards.models_proposals import OPEN_STATUSES
from thidua.awards.services.decisions import award_revoke
from thidua.awards.services.proposals import candidates_recheck


@transaction.atomic
def award_revocation(*, record: AwardRecord, ground: str, reason: str) -> list[Candidate]:
    """Revoke ``record``; returns the candidates re-checked because of it."""
    label = RevocationGround(ground).label if ground in RevocationGround.values else ground
    award_revoke(record=record, ground=label, reason=reason)
    subject = {
        "person_id": record.person_id,
        "collective_id": record.collective_id,
        "household_id": record.household_id,
        "enterprise_id": record.enterprise_id,
    }
    key = {k: v for k, v in subject.items() if v is not None}
    proposals = Proposal.objects.filter(
        status__in=OPEN_STATUSES, candidates__in=Candidate.objects.filter(**key)
    ).distinct()
    rechecked: list[Candidate] = []
    for proposal in proposals:
        rechecked += [c for c in candidates_recheck(proposal=proposal) if any(
            getattr(c, k) == v for k, v in key.items())]  # fmt: skip
    return rechecked
