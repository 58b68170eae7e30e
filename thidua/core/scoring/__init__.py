"""Scoring of covenants, final scores, ranking, nominations and leader rotation (pure)."""

from thidua.core.scoring.covenant import (
    CovenantError,
    CriteriaTree,
    Criterion,
    CriterionKind,
    PointProblem,
    Totals,
    format_points,
    quantize,
)
from thidua.core.scoring.nominations import (
    HONOURS_BY_LEVEL,
    Honours,
    Level,
    Nomination,
    Quota,
    leading_basis,
    nominate,
    quotas_for,
)
from thidua.core.scoring.ranking import TIE_BREAK_LABELS, Candidate, Placed, TieBreak, rank
from thidua.core.scoring.reviews import METHOD_LABELS, FinalScore, Method, Review, final_score
from thidua.core.scoring.rotation import Leaders, Policy, RotationError, rotate

__all__ = [
    "HONOURS_BY_LEVEL",
    "METHOD_LABELS",
    "TIE_BREAK_LABELS",
    "Candidate",
    "CovenantError",
    "CriteriaTree",
    "Criterion",
    "CriterionKind",
    "FinalScore",
    "Honours",
    "Leaders",
    "Level",
    "Method",
    "Nomination",
    "Placed",
    "PointProblem",
    "Policy",
    "Quota",
    "Review",
    "RotationError",
    "TieBreak",
    "Totals",
    "final_score",
    "format_points",
    "leading_basis",
    "nominate",
    "quantize",
    "quotas_for",
    "rank",
    "rotate",
]
