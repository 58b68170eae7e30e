"""Writes of the ``awards`` app."""

from thidua.awards.services.decisions import (
    award_record_add,
    award_revoke,
    decision_create,
    decision_delete,
    decision_issue,
    decision_revoke,
    decision_update,
    legacy_award_record,
)

__all__ = [
    "award_record_add",
    "award_revoke",
    "decision_create",
    "decision_delete",
    "decision_issue",
    "decision_revoke",
    "decision_update",
    "legacy_award_record",
]
