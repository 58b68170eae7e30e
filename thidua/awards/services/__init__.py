"""Writes of the ``awards`` app: one service per operation, called by every door."""

from thidua.awards.services.decisions import (
    RecordedAward,
    decision_amend,
    decision_create,
    decision_delete,
    decision_issue,
    decision_update,
    recorded_award_add,
)
from thidua.awards.services.revocation import award_revoke, decision_revoke

__all__ = [
    "RecordedAward",
    "award_revoke",
    "decision_amend",
    "decision_create",
    "decision_delete",
    "decision_issue",
    "decision_revoke",
    "decision_update",
    "recorded_award_add",
]
