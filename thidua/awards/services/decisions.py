"""Decisions and the award records they grant: create as a draft, add records, issue (which
locks them), and revoke with a legal ground."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from thidua.awards.choices import DecisionStatus, RecipientKind
from thidua.awards.models import AwardRecord, Decision
from thidua.common.errors import DomainError
from thidua.core.catalog import BY_CODE, RECIPIENT_LABELS, Recipient
from thidua.orgs.models import Enterprise, Household, Person, Unit

Subject = Person | Unit | Household | Enterprise


@transaction.atomic
def decision_create(
    *,
    number: str,
    decision_date: date | None,
    issuing_body: str,
    issuing_unit: Unit | None = None,
    signer_name: str = "",
    signer_title: str = "",
    title: str = "",
    is_legacy: bool = False,
) -> Decision:
    decision = Decision(
        number=number.strip(),
        date=decision_date,
        issuing_body=issuing_body.strip(),
        issuing_unit=issuing_unit,
        signer_name=signer_name,
        signer_title=signer_title,
        title=title,
        is_legacy=is_legacy,
    )
    decision.full_clean()
    decision.save()
    return decision


DECISION_EDITABLE_FIELDS = frozenset(
    {"number", "date", "issuing_body", "signer_name", "signer_title", "title"}
)


@transaction.atomic
def decision_update(*, decision: Decision, **changes: object) -> Decision:
    """Change a draft's fields; an issued decision refuses (the model enforces it too)."""
    unknown = set(changes) - DECISION_EDITABLE_FIELDS
    if unknown:
        field = sorted(unknown)[0]
        raise DomainError("not_editable", f"Trường “{field}” không sửa được.", field=field)
    for field, value in changes.items():
        setattr(decision, field, value.strip() if isinstance(value, str) else value)
    decision.full_clean()
    decision.save()
    return decision


def _recipient(subject: Subject) -> tuple[RecipientKind, dict[str, Subject], Unit, str]:
    if isinstance(subject, Person):
        return RecipientKind.INDIVIDUAL, {"person": subject}, subject.unit, subject.full_name
    if isinstance(subject, Unit):
        return RecipientKind.COLLECTIVE, {"collective": subject}, subject, subject.name
    if isinstance(subject, Household):
        return RecipientKind.HOUSEHOLD, {"household": subject}, subject.unit, str(subject)
    return RecipientKind.ENTERPRISE, {"enterprise": subject}, subject.unit, subject.name


def _check_code(code: str, kind: RecipientKind) -> None:
    award = BY_CODE.get(code)
    if award is None:
        raise DomainError("unknown_code", f"Mã danh hiệu, hình thức “{code}” không có.")
    if not award.accepts(Recipient(kind.value)):
        raise DomainError(
            "wrong_recipient",
            f"{award.name} không tặng cho {RECIPIENT_LABELS[Recipient(kind.value)]}.",
        )


@transaction.atomic
def award_record_add(
    *,
    decision: Decision,
    code: str,
    year: int,
    subject: Subject,
    unit: Unit | None = None,
    achievement: str = "",
) -> AwardRecord:
    """Add one record to a draft decision; ``unit`` is the recipient's unit at the time
    (default: the person's current unit)."""
    kind, recipient, default_unit, name = _recipient(subject)
    _check_code(code, kind)
    record = AwardRecord(
        decision=decision,
        code=code,
        year=year,
        recipient_kind=kind,
        unit=unit or default_unit,
        recipient_name=name,
        achievement=achievement,
        **recipient,
    )
    record.full_clean(exclude=["decision"])
    record.save()
    return record


@transaction.atomic
def decision_issue(*, decision: Decision) -> Decision:
    """Issue a draft decision: from now on it and its records cannot change."""
    if decision.status != DecisionStatus.DRAFT:
        raise DomainError(
            "decision_not_draft", f"Quyết định số {decision.number} không ở trạng thái nháp."
        )
    if not decision.date:
        raise DomainError(
            "decision_needs_date", "Cần ghi ngày quyết định trước khi ban hành.", field="date"
        )
    decision.status = DecisionStatus.ISSUED
    decision.save()
    return decision


@transaction.atomic
def legacy_award_record(
    *,
    code: str,
    year: int,
    subject: Subject,
    number: str,
    decision_date: date | None,
    issuing_body: str,
    unit: Unit | None = None,
    signer_name: str = "",
    achievement: str = "",
) -> AwardRecord:
    """Record an award decided outside the system (imported history): the decision is found
    or created by number and issuing body, the record added, and the decision left issued."""
    decision = Decision.objects.filter(number=number, issuing_body=issuing_body).first()
    if decision is None:
        decision = decision_create(
            number=number,
            decision_date=decision_date,
            issuing_body=issuing_body,
            signer_name=signer_name,
            is_legacy=True,
        )
    reissue = decision.status == DecisionStatus.ISSUED
    if reissue:
        if not decision.is_legacy:
            raise DomainError(
                "decision_issued",
                f"Quyết định số {number} đã ban hành trong hệ thống, không thể bổ sung.",
            )
        Decision.objects.filter(pk=decision.pk).reopen_legacy()
        decision.status = DecisionStatus.DRAFT
    record = award_record_add(
        decision=decision, code=code, year=year, subject=subject, unit=unit, achievement=achievement
    )
    decision_issue(decision=decision)
    return record


@transaction.atomic
def award_revoke(*, record: AwardRecord, ground: str, reason: str) -> AwardRecord:
    """Revoke one award (Điều 93 khoản 2 Luật TĐKT): it stays in the history, marked revoked."""
    if record.revoked_at is not None:
        raise DomainError("already_revoked", "Khen thưởng này đã bị hủy bỏ trước đó.")
    if not reason.strip() or not ground.strip():
        raise DomainError("revoke_needs_reason", "Cần ghi căn cứ và lý do hủy bỏ.", field="reason")
    record.revoked_at = timezone.now()
    record.revocation_ground = ground.strip()
    record.revoked_reason = reason.strip()
    record.save()
    return record


@transaction.atomic
def decision_revoke(*, decision: Decision, reason: str) -> Decision:
    if decision.status != DecisionStatus.ISSUED:
        raise DomainError("decision_not_issued", "Chỉ hủy được quyết định đã ban hành.")
    if not reason.strip():
        raise DomainError("revoke_needs_reason", "Cần ghi lý do hủy bỏ.", field="reason")
    decision.status = DecisionStatus.REVOKED
    decision.revoked_at = timezone.now()
    decision.revoked_reason = reason.strip()
    decision.save()
    return decision


@transaction.atomic
def decision_delete(*, decision: Decision) -> None:
    """Delete a draft and its records; an issued decision refuses (it can only be revoked)."""
    decision.records.all().delete()
    decision.delete()
