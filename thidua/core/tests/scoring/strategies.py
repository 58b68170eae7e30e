"""Hypothesis strategies for scoring: points, criteria trees, candidates."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from thidua.core.scoring import Candidate, CriteriaTree, Criterion, CriterionKind

points = st.integers(min_value=0, max_value=10_000).map(lambda n: Decimal(n) / 100)


@st.composite
def trees(draw: st.DrawFn) -> CriteriaTree:
    """A tree of up to three groups (some capped), items under them or at the top, and a
    few bonus and penalty rows."""
    criteria: list[Criterion] = []
    next_id = iter(range(1, 1000))
    for g in range(draw(st.integers(0, 3))):
        group_id = next(next_id)
        criteria.append(Criterion(group_id, f"G{g}", CriterionKind.GROUP, draw(points)))
        for i in range(draw(st.integers(1, 4))):
            kind = draw(st.sampled_from([CriterionKind.ITEM] * 4 + [CriterionKind.PENALTY]))
            criteria.append(Criterion(next(next_id), f"G{g}.{i}", kind, draw(points), group_id))
    for i in range(draw(st.integers(0, 4))):
        criteria.append(Criterion(next(next_id), f"I{i}", CriterionKind.ITEM, draw(points)))
    for i in range(draw(st.integers(0, 2))):
        kind = draw(st.sampled_from([CriterionKind.BONUS, CriterionKind.PENALTY]))
        criteria.append(Criterion(next(next_id), f"X{i}", kind, draw(points)))
    return CriteriaTree(criteria)


@st.composite
def candidates(draw: st.DrawFn, min_size: int = 0, max_size: int = 12) -> list[Candidate]:
    """Members with deliberately few distinct scores, so that ties are common."""
    keys = draw(
        st.lists(
            st.text("ABCDEFGH", min_size=1, max_size=3),
            min_size=min_size,
            max_size=max_size,
            unique=True,
        )
    )
    small = st.sampled_from([Decimal(v) for v in ("0", "1.5", "2", "80", "90.25", "95")])
    return [
        Candidate(
            key=key,
            name_key=draw(st.sampled_from(["phuong a", "phuong b", "xa c"])),
            score=draw(small),
            penalty=draw(st.sampled_from([Decimal(0), Decimal(2)])),
            criteria=tuple(draw(st.lists(small, min_size=2, max_size=2))),
        )
        for key in keys
    ]
