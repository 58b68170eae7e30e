"""A member's final score from its reviewers' totals, and the flag where they disagree.

The method is the cluster's choice: the mean of the reviewers (the default), their median
(one outlying reviewer moves it less), or the leader's score alone (clusters whose rules give
the cụm trưởng the final word). The disagreement flag looks at every reviewer whatever the
method, because a wide spread calls for a look at the evidence before the ranking is
published.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from statistics import median

from thidua.core.scoring.covenant import ZERO, quantize


class Method(StrEnum):
    MEAN = "mean"
    MEDIAN = "median"
    LEADER = "leader_only"


METHOD_LABELS: dict[Method, str] = {
    Method.MEAN: "Trung bình cộng điểm của các đơn vị chấm",
    Method.MEDIAN: "Trung vị điểm của các đơn vị chấm",
    Method.LEADER: "Điểm của đơn vị cụm trưởng",
}


@dataclass(frozen=True, slots=True)
class Review:
    reviewer: str
    total: Decimal
    is_leader: bool = False


@dataclass(frozen=True, slots=True)
class FinalScore:
    """``value`` is None while no review counts under the method."""

    value: Decimal | None
    method: Method
    reviews: int
    lowest: Decimal | None
    highest: Decimal | None
    spread: Decimal  # highest − lowest reviewer total; 0 with fewer than two reviews
    disagreement: bool  # spread strictly beyond the limit


def final_score(reviews: Sequence[Review], *, method: Method, spread_limit: Decimal) -> FinalScore:
    totals = [r.total for r in reviews]
    lowest = min(totals) if totals else None
    highest = max(totals) if totals else None
    spread = (highest - lowest) if highest is not None and lowest is not None else ZERO
    value: Decimal | None
    if not totals:
        value = None
    elif method is Method.MEAN:
        value = quantize(sum(totals, ZERO) / len(totals))
    elif method is Method.MEDIAN:
        value = quantize(Decimal(median(totals)))
    else:
        leaders = [r.total for r in reviews if r.is_leader]
        value = quantize(leaders[0]) if leaders else None
    return FinalScore(
        value=value,
        method=method,
        reviews=len(totals),
        lowest=lowest,
        highest=highest,
        spread=quantize(spread),
        disagreement=spread > spread_limit,
    )
