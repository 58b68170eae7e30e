"""Writes of the ``awards`` app."""

from thidua.awards.services.decisions import (
    award_record_add,
    award_revoke,
    decision_create,
    decision_issue,
    decision_revoke,
    legacy_award_record,
)

__all__ = [
    "award_record_add",
    "award_revoke",
    "decision_create",
    "decision_issue",
    "decision_revoke",
    "legacy_award_record",
]
