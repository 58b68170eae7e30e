from __future__ import annotations

from datetime import date
from typing import Any

from thidua.awards.choices import RevocationGround
from thidua.awards.models import AwardRecord, Candidate, Decision
from thidua.awards.services import award_revoke, decision_create, decision_issue
from thidua.awards.services import recorded_award_add as recorded_award_add
from thidua.awards.services.decisions import Subject
from thidua.orgs.models import Unit


def recorded_decision(
    *,
    number: str | None = None,
    decision_date: date = date(2024, 1, 15),
    issuing_body: str = "UBND quận Kiến An",
    **fields: Any,
) -> Decision:
    """A draft of a decision recorded from elsewhere (the facts of the history)."""
    return decision_create(
        number=number or f"{Decision.objects.count() + 1}/QĐ-UBND",
        decision_date=decision_date,
        issuing_body=issuing_body,
        signer_name=fields.pop("signer_name", "Nguyễn Văn Ký"),
        is_legacy=True,
        **fields,
    )


def issued_award(
    subject: Subject,
    *,
    code: str = "lao_dong_tien_tien",
    year: int = 2023,
    number: str | None = None,
    issuing_body: str = "UBND quận Kiến An",
    issue: bool = True,
    issuing_unit: Unit | None = None,
) -> AwardRecord:
    """One award under a freshly recorded decision of the following January."""
    decision = recorded_decision(
        number=number,
        decision_date=date(year + 1, 1, 15),
        issuing_body=issuing_body,
        issuing_unit=issuing_unit,
    )
    record = recorded_award_add(decision=decision, code=code, year=year, subject=subject)
    if issue:
        decision_issue(decision=decision)
        record.refresh_from_db()
    return record


def revoke(
    record: AwardRecord, *, ground: str = RevocationGround.A, reason: str = "Kê khai sai", **kw: Any
) -> list[Candidate]:
    """Revoke ``record`` by a decision of 01/03/2025 (ground a unless told)."""
    return award_revoke(
        record=record,
        ground=ground,
        reason=reason,
        revoked_by_number=kw.pop("revoked_by_number", "99/QĐ-UBND"),
        revoked_by_date=kw.pop("revoked_by_date", date(2025, 3, 1)),
        revoked_by_signer=kw.pop("revoked_by_signer", "Nguyễn Văn Ký"),
        **kw,
    )
