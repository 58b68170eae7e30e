"""Eligibility from the database (issue 4): facts read set-based, judged by the law engine in
``thidua.core.rules``; the scan of a unit, one subject's verdicts and its "when next"."""

from thidua.awards.eligibility.export import scan_as_json, scan_text, scan_workbook
from thidua.awards.eligibility.scan import (
    Scan,
    ScanSubject,
    UnitNotFoundError,
    UnitQuotas,
    eligibility_scan,
    evaluate_subject,
    evaluate_subjects,
    subject_case,
    subject_next_steps,
)

__all__ = [
    "Scan",
    "ScanSubject",
    "UnitNotFoundError",
    "UnitQuotas",
    "eligibility_scan",
    "evaluate_subject",
    "evaluate_subjects",
    "scan_as_json",
    "scan_text",
    "scan_workbook",
    "subject_case",
    "subject_next_steps",
]
