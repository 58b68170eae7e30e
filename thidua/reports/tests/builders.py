"""Award records for the report tests: one record under its own decision."""

from __future__ import annotations

import itertools
from datetime import date

from thidua.awards.models import AwardRecord
from thidua.awards.services import award_record_add, decision_create, decision_issue
from thidua.awards.services.decisions import Subject

CITY = "UBND thành phố Hải Phòng"
DISTRICT = "UBND quận Kiến An"
_numbers = itertools.count(1)


def award(
    subject: Subject, code: str, *, year: int = 2023, body: str = DISTRICT, issue: bool = True
) -> AwardRecord:
    """One record under its own decision of ``body`` (issued unless told otherwise)."""
    decision = decision_create(
        number=f"{next(_numbers)}/QĐ-UBND",
        decision_date=date(year + 1, 1, 15),
        issuing_body=body,
    )
    record = award_record_add(decision=decision, code=code, year=year, subject=subject)
    if issue:
        decision_issue(decision=decision)
    return record
