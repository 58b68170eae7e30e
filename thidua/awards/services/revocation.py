"""Revocation (khoản 2 Điều 93 Luật Thi đua, khen thưởng): the one way an issued award
changes. The record stays, marked revoked by a named decision; from then on it counts nowhere
(chains, eligibility, one achievement one award, reports: ``AwardRecord.objects.standing``);
a revocation for discipline writes the discipline onto that year's assessment, so the facts
the engine reads agree; candidates still under consideration are checked again."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from thidua.awards.choices import DecisionStatus, RevocationGround
from thidua.awards.models import AwardRecord, Candidate, Decision, Proposal
from thidua.awards.models_proposals import OPEN_STATUSES
from thidua.awards.services.decisions import check_decision_date
from thidua.awards.services.proposals import candidates_recheck
from thidua.common.audit import acting_as
from thidua.common.errors import DomainError
from thidua.orgs.choices import Discipline
from thidua.orgs.models import Assessment


def _ground_label(ground: str) -> str:
    if ground in RevocationGround.values:
        return str(RevocationGround(ground).label)
    if ground in RevocationGround.labels:
        return ground
    raise DomainError(
        "revocation_ground",
        "Căn cứ hủy bỏ phải là một điểm của khoản 2 Điều 93 Luật Thi đua, khen thưởng.",
        field="ground",
    )


def _check_revoking_decision(number: str, when: date | None, signer: str) -> None:
    missing = [
        label
        for label, value in (("số", number.strip()), ("ngày", when), ("người ký", signer.strip()))
        if not value
    ]
    if missing:
        raise DomainError(
            "revoking_decision_required",
            "Cần ghi " + ", ".join(missing) + " của quyết định hủy bỏ khen thưởng.",
            field="revoked_by_number" if not number.strip() else "revoked_by_date",
        )
    check_decision_date(when)


def _write_discipline(record: AwardRecord, discipline: str) -> None:
    if discipline not in Discipline.values:
        raise DomainError(
            "discipline_unknown", "Hình thức kỷ luật không hợp lệ.", field="discipline"
        )
    if record.person_id is None:
        raise DomainError(
            "discipline_person_only",
            "Chỉ ghi hình thức kỷ luật cho khen thưởng cá nhân.",
            field="discipline",
        )
    assessment = Assessment.objects.filter(person_id=record.person_id, year=record.year).first()
    if assessment is None:
        raise DomainError(
            "discipline_no_assessment",
            f"Chưa có đánh giá, xếp loại năm {record.year} của {record.recipient_name}: nhập "
            "đánh giá năm đó trước để ghi hình thức kỷ luật.",
            field="discipline",
        )
    assessment.discipline = discipline
    assessment.full_clean()
    assessment.save()


@transaction.atomic
def award_revoke(
    *,
    record: AwardRecord,
    ground: str,
    reason: str,
    revoked_by_number: str,
    revoked_by_date: date | None,
    revoked_by_signer: str,
    by: Any = None,
    discipline: str = "",
) -> list[Candidate]:
    """Revoke ``record`` by the named decision; returns the candidates checked again."""
    record = AwardRecord.objects.select_for_update().select_related("decision").get(pk=record.pk)
    if record.revoked_at is not None:
        raise DomainError("already_revoked", "Khen thưởng này đã bị hủy bỏ trước đó.")
    if record.decision.status != DecisionStatus.ISSUED:
        raise DomainError(
            "decision_not_issued", "Chỉ hủy bỏ khen thưởng của quyết định đã ban hành."
        )
    label = _ground_label(ground)
    if not reason.strip():
        raise DomainError("revoke_needs_reason", "Cần ghi lý do hủy bỏ.", field="reason")
    _check_revoking_decision(revoked_by_number, revoked_by_date, revoked_by_signer)
    with acting_as(by):
        record.revoked_at = timezone.now()
        record.revocation_ground = label
        record.revoked_reason = reason.strip()
        record.revoked_by_number = revoked_by_number.strip()
        record.revoked_by_date = revoked_by_date
        record.revoked_by_signer = revoked_by_signer.strip()
        record.save()
        if discipline:
            _write_discipline(record, discipline)
        return _recheck_subject(record)


def _recheck_subject(record: AwardRecord) -> list[Candidate]:
    key = {
        f: getattr(record, f)
        for f in ("person_id", "collective_id", "household_id", "enterprise_id")
        if getattr(record, f) is not None
    }
    proposals = Proposal.objects.filter(
        status__in=OPEN_STATUSES, candidates__in=Candidate.objects.filter(**key)
    ).distinct()
    rechecked: list[Candidate] = []
    for proposal in proposals:
        rechecked += [
            c for c in candidates_recheck(proposal=proposal)
            if all(getattr(c, k) == v for k, v in key.items())
        ]  # fmt: skip
    return rechecked


@transaction.atomic
def decision_revoke(*, decision: Decision, reason: str, by: Any = None) -> Decision:
    """Annul a whole decision (e.g. issued without the authority): every record falls."""
    if decision.status != DecisionStatus.ISSUED:
        raise DomainError("decision_not_issued", "Chỉ hủy được quyết định đã ban hành.")
    if not reason.strip():
        raise DomainError("revoke_needs_reason", "Cần ghi lý do hủy bỏ.", field="reason")
    with acting_as(by):
        decision.status = DecisionStatus.REVOKED
        decision.revoked_at = timezone.now()
        decision.revoked_reason = reason.strip()
        decision.save()
    return decision
