from __future__ import annotations

from datetime import date

from thidua.awards.models import AwardRecord, Decision
from thidua.awards.services import award_record_add, decision_create, decision_issue
from thidua.orgs.models import Person, Unit


def issued_award(
    subject: Person | Unit,
    *,
    code: str = "lao_dong_tien_tien",
    year: int = 2023,
    number: str | None = None,
) -> AwardRecord:
    """One award under a freshly issued decision."""
    decision: Decision = decision_create(
        number=number or f"{Decision.objects.count() + 1}/QĐ-UBND",
        decision_date=date(year + 1, 1, 15),
        issuing_body="UBND quận Kiến An",
        signer_name="Nguyễn Văn Ký",
    )
    record = award_record_add(decision=decision, code=code, year=year, subject=subject)
    decision_issue(decision=decision)
    record.refresh_from_db()
    return record
