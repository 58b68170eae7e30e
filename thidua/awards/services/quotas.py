"""Caps on shares (tỷ lệ) checked when a candidate is added and when a proposal is submitted:
"Chiến sĩ thi đua cơ sở" no more than a share of those with "Lao động tiên tiến", and the
others of ``thidua.core.rules.quotas``. The rule set of the year gives the national caps
(ND 91/2017 to 2023; none in Law 2022); a Bộ, ngành or tỉnh sets its own in the setting
``THIDUA_QUOTAS``, keyed by the code of the unit whose rules they are and applying to every
unit under it::

    THIDUA_QUOTAS = {
        "HP": {
            "basis": "Quyết định số 15/2024/QĐ-UBND của UBND thành phố Hải Phòng",
            "cstdcs_share_of_ldtt": 15,
            "ldtt_share_of_members": 80,
        },
    }

A cap is counted per unit, as the eligibility scan counts it: people by their unit,
collectives by the unit above them; holders are those with a standing award of the year and
those proposed for it and still in play.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from django.conf import settings
from django.db.models import Q

from thidua.awards.choices import CheckStatus
from thidua.awards.models import AwardRecord, Candidate, Proposal
from thidua.common.errors import DomainError
from thidua.core.rules.model import RuleSet
from thidua.core.rules.quotas import QuotaCheck, check_quotas
from thidua.core.rules.registry import NoRuleSetError, rule_set_for_year
from thidua.core.rules.settings import ScopeSettings, Share
from thidua.orgs.models import Person, Unit

SHARE_FIELDS = ("cstdcs_share_of_ldtt", "ldtt_share_of_members", "co_cp_share_of_co_tinh")
Holder = tuple[str, int]


@dataclass(frozen=True, slots=True)
class LocalCaps:
    """The caps a Bộ, ngành or tỉnh set for the units under it, and the text that sets them."""

    name: str
    shares: dict[str, Share]
    basis: str

    def over(self, national: ScopeSettings) -> ScopeSettings:
        """The rule set's scope with the caps this one names replaced, the others kept."""

        def cap(field: str) -> Share | None:
            own = self.shares.get(field)
            return own if own is not None else getattr(national, field)

        return replace(
            national,
            name=self.name,
            cstdcs_share_of_ldtt=cap("cstdcs_share_of_ldtt"),
            ldtt_share_of_members=cap("ldtt_share_of_members"),
            co_cp_share_of_co_tinh=cap("co_cp_share_of_co_tinh"),
        )


def local_caps(unit: Unit) -> LocalCaps | None:
    """The caps of the nearest unit on the path of ``unit`` (itself first) that has any."""
    configured: dict[str, dict[str, Any]] = getattr(settings, "THIDUA_QUOTAS", {}) or {}
    if not configured:
        return None
    ids = [int(i) for i in unit.path.strip("/").split("/") if i] or [unit.pk]
    by_id = {u.pk: u for u in Unit.objects.filter(pk__in=ids, code__in=list(configured))}
    for unit_id in reversed(ids):
        found = by_id.get(unit_id)
        if found is None:
            continue
        entry = configured[found.code]
        shares = {f: Share(int(entry[f])) for f in SHARE_FIELDS if entry.get(f) is not None}
        return LocalCaps(found.name, shares, str(entry.get("basis", "")))
    return None


def _owner(subject: Any) -> Unit | None:
    """The unit whose cap counts the subject: a person's unit, a collective's parent."""
    if isinstance(subject, Unit):
        return subject.parent
    return getattr(subject, "unit", None) if isinstance(subject, Person) else None


def _holders(owner: Unit, code: str, year: int) -> set[Holder]:
    mine = Q(person__unit=owner) | Q(collective__parent=owner)
    held = AwardRecord.objects.standing().filter(mine, code=code, year=year)
    proposed = Candidate.objects.in_play_for(code=code, year=year).filter(mine)
    found: set[Holder] = set()
    for rows in (held, proposed):
        for person_id, collective_id in rows.values_list("person_id", "collective_id"):
            found.add(("p", person_id) if person_id else ("c", collective_id))
    return found


def _key(subject: Any) -> Holder:
    return ("c", subject.pk) if isinstance(subject, Unit) else ("p", subject.pk)


def _citation(check: QuotaCheck, rule_set: RuleSet, caps: LocalCaps | None) -> str:
    quota = next(q for q in rule_set.quotas if q.code == check.code)
    national = getattr(rule_set.scope, quota.setting)
    if caps is not None and caps.basis and check.share != national:
        return caps.basis
    return check.citation.text


def _unit_checks(
    rule_set: RuleSet,
    owner: Unit,
    code: str,
    year: int,
    extra: Iterable[Any],
    caps: LocalCaps | None,
) -> list[tuple[QuotaCheck, str]]:
    quotas = [q for q in rule_set.quotas if q.code == code]
    if not quotas:
        return []
    counts: dict[str, int] = {}
    holders = _holders(owner, code, year) | {_key(s) for s in extra}
    counts[code] = len(holders)
    for quota in quotas:
        if quota.base is not None:
            counts[quota.base] = len(_holders(owner, quota.base, year))
    members = Person.objects.filter(unit=owner).count()
    scope = caps.over(rule_set.scope) if caps is not None else rule_set.scope
    return [
        (check, _citation(check, rule_set, caps))
        for check in check_quotas(rule_set, counts, members=members, scope=scope)
        if check.code == code
    ]


def _refuse(owner: Unit, check: QuotaCheck, citation: str) -> DomainError:
    return DomainError(
        "quota_exceeded",
        f"Vượt tỷ lệ khen thưởng của {owner.name}: {check.message} — theo {citation}.",
    )


def quota_check_add(*, proposal: Proposal, subject: Any) -> None:
    """Refuse adding ``subject`` when it would take its unit over a cap of the year."""
    _check(proposal, {(_owner(subject), subject)})


def quota_check_submit(*, proposal: Proposal) -> None:
    """Refuse sending a proposal whose candidates in play exceed a cap of their unit."""
    rows = proposal.candidates.exclude(check_status=CheckStatus.REFUSED).select_related(
        "person__unit", "collective__parent"
    )
    _check(proposal, {(_owner(c.subject), None) for c in rows})


def _check(proposal: Proposal, owners: set[tuple[Unit | None, Any]]) -> None:
    try:
        rule_set = rule_set_for_year(proposal.year)
    except NoRuleSetError:
        return
    if not any(q.code == proposal.award_code for q in rule_set.quotas):
        return
    caps = local_caps(proposal.unit)
    for owner, subject in owners:
        if owner is None:
            continue
        extra = [subject] if subject is not None else []
        for check, citation in _unit_checks(
            rule_set, owner, proposal.award_code, proposal.year, extra, caps
        ):
            if not check.within:
                raise _refuse(owner, check, citation)
