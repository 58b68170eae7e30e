"""Writes of the ``emulation`` app, one module per use case. Each checks who may act (403)
and what the cycle allows (``DomainError``), in one transaction; the web pages and the API
call these same functions."""

from thidua.emulation.services.clusters import (
    cluster_create,
    cluster_leaders_set,
    cluster_rules_update,
    cluster_year_create,
)
from thidua.emulation.services.covenants import (
    ConferenceSigner,
    covenant_conference_record,
    covenant_create,
    covenant_open,
    covenant_reopen,
    covenant_sign,
    covenant_signature_correct,
    criterion_add,
    criterion_remove,
    criterion_update,
)
from thidua.emulation.services.movements import (
    movement_advance,
    movement_attachment_add,
    movement_create,
    movement_update,
)
from thidua.emulation.services.ranking import ranking_publish
from thidua.emulation.services.registrations import (
    registration_approve,
    registration_create,
    registration_return,
    registration_submit,
)
from thidua.emulation.services.reviews import (
    Shortfall,
    review_recuse,
    review_shortfalls,
    reviewer_assign,
    reviewers_assign,
)
from thidua.emulation.services.scoring import (
    LineInput,
    score_line_change,
    score_lines_save,
    score_sheet_submit,
    self_sheet_start,
)

__all__ = [
    "ConferenceSigner",
    "LineInput",
    "Shortfall",
    "cluster_create",
    "cluster_leaders_set",
    "cluster_rules_update",
    "cluster_year_create",
    "covenant_conference_record",
    "covenant_create",
    "covenant_open",
    "covenant_reopen",
    "covenant_sign",
    "covenant_signature_correct",
    "criterion_add",
    "criterion_remove",
    "criterion_update",
    "movement_advance",
    "movement_attachment_add",
    "movement_create",
    "movement_update",
    "ranking_publish",
    "registration_approve",
    "registration_create",
    "registration_return",
    "registration_submit",
    "review_recuse",
    "review_shortfalls",
    "reviewer_assign",
    "reviewers_assign",
    "score_line_change",
    "score_lines_save",
    "score_sheet_submit",
    "self_sheet_start",
]
