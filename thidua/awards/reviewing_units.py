"""Which units may receive a proposal for review and decision: the proposing unit or a unit
above it whose head the rule set of the year names as decider of the form (Điều 80 Luật Thi
đua, khen thưởng 2022 and the texts before it), in force on the date the decisions of that
year are signed (the rule set's ``decision_date``: the district level decides no award dated
after 30/06/2025).

Forms the Prime Minister or the President decides go through the Bộ, ban, ngành or tỉnh,
which reviews them and submits them up. Where the catalog names no decider among the units
on the path (a unit of a kind the catalog does not know), every unit on the path is offered
and the council settles the authority.
"""

from __future__ import annotations

from dataclasses import dataclass

from thidua.core.rules.luat_2022 import ENTERPRISE_DIRECTOR, ENTERPRISE_DIRECTOR_OR_BOARD
from thidua.core.rules.model import Decider
from thidua.core.rules.registry import NoRuleSetError, rule_set_for_year
from thidua.core.rules.vocabulary import UnitKind
from thidua.orgs.models import Unit

# The kind of unit whose head each decider of the rule sets is.
DECIDER_LEVELS: dict[str, frozenset[UnitKind]] = {
    "Chủ tịch Ủy ban nhân dân cấp xã": frozenset({UnitKind.XA}),
    "Chủ tịch Ủy ban nhân dân cấp huyện": frozenset({UnitKind.HUYEN}),
    "Chủ tịch Ủy ban nhân dân cấp tỉnh": frozenset({UnitKind.TINH}),
    "Giám đốc Sở": frozenset({UnitKind.SO}),
    "Thủ trưởng đơn vị trực thuộc Bộ, ban, ngành": frozenset({UnitKind.DON_VI_TRUC_THUOC_BO}),
    "Bộ trưởng, Thủ trưởng Bộ, ban, ngành": frozenset({UnitKind.BO}),
    "Tổng giám đốc, Giám đốc doanh nghiệp": frozenset({UnitKind.DOANH_NGHIEP}),
    ENTERPRISE_DIRECTOR: frozenset({UnitKind.DOANH_NGHIEP}),
    ENTERPRISE_DIRECTOR_OR_BOARD: frozenset({UnitKind.DOANH_NGHIEP}),
    "Thủ tướng Chính phủ": frozenset({UnitKind.TINH, UnitKind.BO}),
    "Chủ tịch nước": frozenset({UnitKind.TINH, UnitKind.BO}),
}
FORWARDED = frozenset({"Thủ tướng Chính phủ", "Chủ tịch nước"})


@dataclass(frozen=True, slots=True)
class ReviewOption:
    unit: Unit
    decider: str  # "" when the catalog names none on the path
    citation: str

    @property
    def label(self) -> str:
        if not self.decider:
            return self.unit.name
        if self.decider in FORWARDED:
            return f"{self.unit.name} (thẩm định, trình {self.decider})"
        return f"{self.unit.name} ({self.decider} quyết định)"


def _path_units(unit: Unit) -> list[Unit]:
    """The unit and the units above it, the unit first."""
    ids = [int(i) for i in unit.path.strip("/").split("/") if i] or [unit.pk]
    by_id = Unit.objects.in_bulk(ids)
    return [by_id[i] for i in reversed(ids) if i in by_id]


def _deciders(code: str, year: int) -> list[Decider]:
    try:
        rule_set = rule_set_for_year(year)
    except NoRuleSetError:
        return []
    on = rule_set.settings.decision_date(year)
    return [d for d in rule_set.deciders if code in d.codes and d.in_force(on)]


def reviewing_unit_options(*, unit: Unit, award_code: str, year: int) -> list[ReviewOption]:
    """The units that may review a proposal of ``unit`` for ``award_code`` of ``year``, the
    lowest level first."""
    path = _path_units(unit)
    deciders = _deciders(award_code, year)
    options: list[ReviewOption] = []
    for candidate in path:
        for decider in deciders:
            if candidate.kind in DECIDER_LEVELS.get(decider.title, frozenset()):
                options.append(ReviewOption(candidate, decider.title, decider.citation.text))
                break
    if options:
        return options
    return [ReviewOption(u, "", "") for u in path]
