"""Award records for the report tests: one record under its own decision."""

from __future__ import annotations

import itertools

from thidua.awards.models import AwardRecord
from thidua.awards.services.decisions import Subject
from thidua.awards.tests.factories import issued_award

CITY = "UBND thành phố Hải Phòng"
DISTRICT = "UBND quận Kiến An"
_numbers = itertools.count(1)


def award(
    subject: Subject, code: str, *, year: int = 2023, body: str = DISTRICT, issue: bool = True
) -> AwardRecord:
    """One record under its own decision of ``body`` (issued unless told otherwise)."""
    return issued_award(
        subject,
        code=code,
        year=year,
        number=f"{next(_numbers)}/QĐ-UBND",
        issuing_body=body,
        issue=issue,
    )
