"""Caps on shares within a unit: "Chiến sĩ thi đua cơ sở" no more than 15 % of those with "Lao
động tiên tiến" (ND 91/2017, to 2023), or whatever a province sets now. The scan counts per
unit; this module compares the counts with the caps in force."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from thidua.core.catalog import BY_CODE
from thidua.core.rules.citations import Citation
from thidua.core.rules.model import Quota, RuleSet
from thidua.core.rules.settings import ScopeSettings, Share


@dataclass(frozen=True, slots=True)
class QuotaCheck:
    code: str
    count: int
    base: int
    share: Share
    text: str
    citation: Citation
    # The local text the cap rests on, when the scope set it rather than the law.
    basis: str | None = None

    @property
    def cited(self) -> str:
        """What the cap rests on: the local text, else the article."""
        return self.basis or self.citation.text

    @property
    def limit(self) -> int:
        return self.share.limit(self.base)

    @property
    def excess(self) -> int:
        return max(self.count - self.limit, 0)

    @property
    def within(self) -> bool:
        return self.excess == 0

    @property
    def message(self) -> str:
        name = BY_CODE[self.code].name
        cap = f"không quá {self.share.percent}% {self.text}: {self.base}"
        if self.within:
            return f"{name}: {self.count}, trong giới hạn {self.limit} ({cap})"
        return f"{name}: {self.count}, vượt {self.excess} so với giới hạn {self.limit} ({cap})"

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "count": self.count,
            "base": self.base,
            "percent": self.share.percent,
            "limit": self.limit,
            "within": self.within,
            "message": self.message,
            "citation": self.cited,
        }


def _share(rule_set: RuleSet, quota: Quota, scope: ScopeSettings) -> Share | None:
    """The scope's cap, never above the national one where the rule set fixes one ("các Bộ,
    tỉnh quy định cho phù hợp, nhưng không quá 15 %")."""
    local = getattr(scope, quota.setting)
    national = getattr(rule_set.scope, quota.setting)
    if not isinstance(local, Share):
        return None
    if isinstance(national, Share) and national.percent < local.percent:
        return national
    return local


def check_quotas(
    rule_set: RuleSet,
    counts: Mapping[str, int],
    *,
    members: int | None = None,
    scope: ScopeSettings | None = None,
) -> tuple[QuotaCheck, ...]:
    """Each cap in force for one unit. ``counts`` holds, per code, how many subjects of the
    unit hold (or are proposed for) it; ``members`` the unit's headcount, for caps over all
    members. Caps whose base is unknown are skipped."""
    scope = scope or rule_set.scope
    checks: list[QuotaCheck] = []
    for quota in rule_set.quotas:
        share = _share(rule_set, quota, scope)
        base = counts.get(quota.base, 0) if quota.base is not None else members
        if share is None or base is None:
            continue
        local = share != getattr(rule_set.scope, quota.setting)
        checks.append(
            QuotaCheck(
                quota.code,
                counts.get(quota.code, 0),
                base,
                share,
                quota.text,
                quota.citation,
                scope.basis_of(quota.setting) if local else None,
            )
        )
    return tuple(checks)
