"""Reads of "Quy định riêng của địa phương" (``UnitRuleSettings``): the rows in force for a unit
(one query over its path), who may change a unit's rules, and the page's view of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import capfirst

from thidua.accounts.models import RoleKind
from thidua.accounts.scoping import scope_for
from thidua.awards.models import UnitRuleSettings
from thidua.awards.models_local_rules import COUNCIL_DECIDES, NO_DISCIPLINE_BAR
from thidua.core.rules.registry import NoRuleSetError, rule_set_for_year
from thidua.core.rules.settings import ScopeSettings, Share
from thidua.core.rules.vocabulary import Discipline, Rating
from thidua.orgs.choices import Discipline as DisciplineChoice
from thidua.orgs.choices import Rating as RatingChoice
from thidua.orgs.choices import UnitKind
from thidua.orgs.models import Unit

SHARE_FIELDS = ("cstdcs_share_of_ldtt", "ldtt_share_of_members", "co_cp_share_of_co_tinh")
RULE_FIELDS = (*SHARE_FIELDS, "giay_khen_min_rating", "ldtt_barred_from")


def rules_in_force(unit: Unit, on: date) -> list[UnitRuleSettings]:
    """For each unit on the path of ``unit`` (itself first) that set rules in force on ``on``,
    its latest row: nearest first. One query."""
    ids = [int(i) for i in unit.path.strip("/").split("/") if i] or [unit.pk]
    depth = {unit_id: n for n, unit_id in enumerate(reversed(ids))}
    latest: dict[int, UnitRuleSettings] = {}
    rows = UnitRuleSettings.objects.filter(unit_id__in=ids, valid_from__lte=on).select_related(
        "unit"
    )
    for row in rows.order_by("-valid_from"):
        latest.setdefault(row.unit_id, row)
    return sorted(latest.values(), key=lambda r: depth[r.unit_id])


def share_of(row: UnitRuleSettings, name: str) -> Share | None:
    percent = getattr(row, name)
    return Share(percent) if percent is not None else None


def rating_of(row: UnitRuleSettings) -> Rating | None:
    value = row.giay_khen_min_rating
    return None if value == COUNCIL_DECIDES else Rating(value)


def discipline_of(row: UnitRuleSettings) -> Discipline | None:
    value = row.ldtt_barred_from
    return None if value == NO_DISCIPLINE_BAR else Discipline(value)


def can_edit_local_rules(user: Any, unit: Unit) -> bool:
    """An administrator; or an officer (cán bộ TĐKT) of the unit or a unit above it, when that
    unit is above ward level (a xã, phường sets no rules of its own)."""
    if scope_for(user).everything:
        return True
    if not getattr(user, "is_authenticated", False) or unit.kind == UnitKind.XA:
        return False
    roles = user.roles.filter(kind=RoleKind.OFFICER, unit__isnull=False).select_related("unit")
    return any(r.unit.kind != UnitKind.XA and unit.path.startswith(r.unit.path) for r in roles)


@dataclass(frozen=True, slots=True)
class RuleInForce:
    label: str
    value: str
    set_by: str  # the unit whose rule it is; "" for the law's own
    basis: str


@dataclass(frozen=True, slots=True)
class LocalRulesPage:
    unit: Unit
    on: date
    in_force: tuple[RuleInForce, ...]
    own: QuerySet[UnitRuleSettings]
    can_edit: bool


def _value(name: str, value: Any) -> str:
    if name in SHARE_FIELDS:
        return f"Không quá {value.percent}%" if isinstance(value, Share) else "Không giới hạn"
    if name == "giay_khen_min_rating":
        if value is None:
            return "Hội đồng xét từng trường hợp"
        return f"Từ mức “{RatingChoice(value.value).label}” trở lên"
    if value is None:
        return "Không loại trừ"
    return f"Bị kỷ luật từ hình thức {DisciplineChoice(value.value).label.lower()} trở lên"


def _national(on: date) -> tuple[ScopeSettings, str]:
    for year in (on.year - 1, on.year):
        try:
            rule_set = rule_set_for_year(year)
        except NoRuleSetError:
            continue
        return rule_set.scope, rule_set.title
    return ScopeSettings(), ""


def _own_value(row: UnitRuleSettings, name: str) -> Any:
    if name in SHARE_FIELDS:
        return share_of(row, name)
    return rating_of(row) if name == "giay_khen_min_rating" else discipline_of(row)


def local_rules_page(*, user: Any, unit: Unit) -> LocalRulesPage:
    """What applies to ``unit`` today, field by field, and who set it; the unit's own rows."""
    on = timezone.localdate()
    rows = rules_in_force(unit, on)
    national, law = _national(on)
    found: list[RuleInForce] = []
    for name in RULE_FIELDS:
        label = capfirst(getattr(UnitRuleSettings._meta.get_field(name), "verbose_name", name))
        setter = next((r for r in rows if getattr(r, name) not in (None, "")), None)
        if setter is None:
            found.append(RuleInForce(label, _value(name, getattr(national, name)), "", law))
        else:
            value = _value(name, _own_value(setter, name))
            found.append(RuleInForce(label, value, setter.unit.name, setter.basis))
    return LocalRulesPage(
        unit=unit,
        on=on,
        in_force=tuple(found),
        own=unit.local_rules.order_by("-valid_from"),
        can_edit=can_edit_local_rules(user, unit),
    )
