"""What the engine knows of a subject: one record per year, as ``rules-cli.md`` describes it.

Plain immutable data: a province-wide scan builds millions of year records, so they hold codes
and small tuples, and the absent fields share one empty default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from thidua.core.rules.vocabulary import (
    ClusterLevel,
    Discipline,
    InitiativeScope,
    MovementLauncher,
    Rating,
    SubjectKind,
    UnitKind,
)

FULL_YEAR_MONTHS = 12
NO_CODES: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class Members:
    """Counts over the members of a collective in one year. Unknown counts are ``None`` (the
    criterion reading them then cannot be shown met); no disciplined member unless said."""

    total: int
    completed: int | None = None
    lao_dong_tien_tien: int | None = None
    chien_si_thi_dua_co_so: int | None = None
    disciplined_canh_cao_or_above: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class MovementLead:
    """The collective led a movement being summed up that year."""

    launched_by: MovementLauncher
    duration_years: int


class YearRecord(NamedTuple):
    """One year of a subject. A named tuple rather than a frozen dataclass: as immutable, and
    three times cheaper to build, which counts when a scan builds millions (change fields with
    ``record._replace(...)``)."""

    year: int
    rating: Rating | None = None
    service_months: int = FULL_YEAR_MONTHS
    discipline: Discipline | None = None
    initiatives: tuple[InitiativeScope, ...] = ()
    # Codes granted with this year as the achievement year, titles and forms together: the
    # engine asks "was X granted for year Y", never which list the input wrote it in.
    granted: frozenset[str] = NO_CODES
    members: Members | None = None
    cluster_leader: ClusterLevel | None = None
    movement_leader: MovementLead | None = None
    exclusions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    """One subject considered for the achievement year ``year``. ``years`` holds the known
    records by year; a year not in it is unknown, not bad."""

    year: int
    kind: SubjectKind
    unit_kind: UnitKind | None = None
    years: Mapping[int, YearRecord] = field(default_factory=dict)
