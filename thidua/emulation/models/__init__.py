"""Clusters and blocks, movements, covenants, registrations, score sheets and rankings (the
models; their workflows live in ``thidua.emulation.services``)."""

from thidua.emulation.models.clusters import Cluster, ClusterChange, ClusterMember
from thidua.emulation.models.covenants import (
    Covenant,
    CovenantSignature,
    Criterion,
    SignatureCorrection,
)
from thidua.emulation.models.movements import Movement, MovementAttachment
from thidua.emulation.models.ranking import Nomination, Ranking, RankingRow
from thidua.emulation.models.registrations import AWARD_CODE_CHOICES, Registration
from thidua.emulation.models.scoring import ScoreChange, ScoreLine, ScoreSheet

__all__ = [
    "AWARD_CODE_CHOICES",
    "Cluster",
    "ClusterChange",
    "ClusterMember",
    "Covenant",
    "CovenantSignature",
    "Criterion",
    "Movement",
    "MovementAttachment",
    "Nomination",
    "Ranking",
    "RankingRow",
    "Registration",
    "ScoreChange",
    "ScoreLine",
    "ScoreSheet",
    "SignatureCorrection",
]
