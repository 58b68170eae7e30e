"""Nominations from a published ranking: the cluster's quotas, in order of honour.

The leading unit (position 1) is named "Đơn vị dẫn đầu cụm thi đua" (or "khối"); the
organising level decides which flag it can be proposed for. The quotas themselves are set
by provincial or ministerial rules, not by the law, so they come in as data.

A nomination is a proposal's starting point, not a decision: it carries its basis so the
proposal workflow can cite it, and it says when the last place under a quota is shared with
a member left out (the council then has to choose).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from thidua.core.scoring.ranking import Placed


class Level(StrEnum):
    """Who organises the cluster (the values of the cluster's ``organiser_level``)."""

    TRUNG_UONG = "trung_uong"
    TINH = "tinh"
    HUYEN = "huyen"
    CO_SO = "co_so"


@dataclass(frozen=True, slots=True)
class Honours:
    """What a cluster organised at one level proposes: a flag for the leading unit (if the
    level has one) and a form of commendation for the next units."""

    flag: str | None
    merit: str
    citation: str


HONOURS_BY_LEVEL: dict[Level, Honours] = {
    # Điều 25 khoản 2 Luật TĐKT 2022: the unit leading a cluster of the Central Council.
    Level.TRUNG_UONG: Honours(
        "co_thi_dua_chinh_phu",
        "bang_khen_thu_tuong",
        "khoản 2 Điều 25 Luật Thi đua, khen thưởng 2022",
    ),
    # Điều 26: the unit leading a cluster organised by the province or ministry.
    Level.TINH: Honours(
        "co_thi_dua_tinh", "bang_khen_tinh", "Điều 26 Luật Thi đua, khen thưởng 2022"
    ),
    # Practice (shared/seeds/000): the leading ward of a district's cluster is proposed, through
    # the district, for the city's flag; others for the city's Bằng khen.
    Level.HUYEN: Honours(
        "co_thi_dua_tinh",
        "bang_khen_tinh",
        "Điều 26 Luật Thi đua, khen thưởng 2022 (cấp huyện đề nghị cấp tỉnh)",
    ),
    # A cluster inside one body proposes Giấy khen of its head; there is no flag to give.
    Level.CO_SO: Honours(None, "giay_khen", "Điều 75 Luật Thi đua, khen thưởng 2022"),
}


@dataclass(frozen=True, slots=True)
class Quota:
    award: str
    count: int


def quotas_for(level: Level, *, flags: int, merits: int) -> tuple[Quota, ...]:
    honours = HONOURS_BY_LEVEL[level]
    quotas: list[Quota] = []
    if honours.flag is not None and flags > 0:
        quotas.append(Quota(honours.flag, flags))
    if merits > 0:
        quotas.append(Quota(honours.merit, merits))
    return tuple(quotas)


@dataclass(frozen=True, slots=True)
class Nomination:
    key: str
    award: str
    position: int
    basis: str
    tie_at_boundary: bool  # shares its rank with a member the quota left out


def leading_basis(cluster_noun: str) -> str:
    """ "Đơn vị dẫn đầu cụm thi đua" — the words a proposal cites."""
    return f"Đơn vị dẫn đầu {cluster_noun}"


def nominate(
    placed: Sequence[Placed],
    quotas: Sequence[Quota],
    *,
    cluster_noun: str,
    min_score: Decimal | None = None,
) -> tuple[Nomination, ...]:
    """Walk the ranking in order and fill each quota in turn; a member receives at most one
    nomination, and none below ``min_score``."""
    eligible = [p for p in placed if min_score is None or p.candidate.score >= min_score]
    nominations: list[Nomination] = []
    start = 0
    for quota in quotas:
        taken = eligible[start : start + max(quota.count, 0)]
        start += len(taken)
        left_out = eligible[start] if start < len(eligible) else None
        for p in taken:
            boundary = left_out is not None and left_out.rank == p.rank
            basis = (
                leading_basis(cluster_noun)
                if p.rank == 1
                else f"Đơn vị xếp thứ {p.rank} {cluster_noun}"
            )
            nominations.append(Nomination(p.key, quota.award, p.position, basis, boundary))
    return tuple(nominations)
