"""Caps on shares (tỷ lệ) checked when a candidate is added and when a proposal is submitted:
"Chiến sĩ thi đua cơ sở" no more than a share of those with "Lao động tiên tiến", and the
others of ``thidua.core.rules.quotas``. The rule set of the year gives the national caps
(ND 91/2017 to 2023; none in Law 2022); a Bộ, ngành or tỉnh sets its own, with the Giấy khen
standard and the discipline that bars "Lao động tiên tiến", in "Quy định riêng của địa
phương" (``UnitRuleSettings``), in force from a date for every unit under it. Each field comes
from the nearest unit on the path that sets it, then from the rule set.

A cap is counted per unit, as the eligibility scan counts it: people by their unit,
collectives by the unit above them; holders are those with a standing award of the year and
those proposed for it and still in play.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from django.db.models import Q
from django.utils import timezone

from thidua.awards.choices import CheckStatus
from thidua.awards.local_rules import (
    SHARE_FIELDS,
    discipline_of,
    rating_of,
    rules_in_force,
    share_of,
)
from thidua.awards.models import AwardRecord, Candidate, Proposal
from thidua.common.errors import DomainError
from thidua.core.rules.model import RuleSet
from thidua.core.rules.quotas import QuotaCheck, check_quotas
from thidua.core.rules.registry import NoRuleSetError, rule_set_for_year
from thidua.core.rules.settings import ScopeSettings, Share
from thidua.core.rules.vocabulary import Discipline, Rating
from thidua.orgs.models import Person, Unit

Holder = tuple[str, int]


class Unset:
    """A field no unit on the path sets: the rule set's default stands."""


UNSET = Unset()


@dataclass(frozen=True, slots=True)
class LocalCaps:
    """What the units above a unit decided for it (``UnitRuleSettings``), field by field, and
    the text each field rests on."""

    name: str
    shares: dict[str, Share]
    basis: str
    bases: dict[str, str] = field(default_factory=dict)
    giay_khen_min_rating: Rating | Unset | None = UNSET
    ldtt_barred_from: Discipline | Unset | None = UNSET

    def basis_of(self, setting: str) -> str:
        return self.bases.get(setting, self.basis)

    def over(self, national: ScopeSettings) -> ScopeSettings:
        """The rule set's scope with what this one sets replaced, the rest kept."""

        def cap(name: str) -> Share | None:
            own = self.shares.get(name)
            return own if own is not None else getattr(national, name)

        return replace(
            national,
            name=self.name,
            bases=tuple((name, self.basis_of(name)) for name in sorted(self.shares)),
            cstdcs_share_of_ldtt=cap("cstdcs_share_of_ldtt"),
            ldtt_share_of_members=cap("ldtt_share_of_members"),
            co_cp_share_of_co_tinh=cap("co_cp_share_of_co_tinh"),
            giay_khen_min_rating=national.giay_khen_min_rating
            if isinstance(self.giay_khen_min_rating, Unset)
            else self.giay_khen_min_rating,
            ldtt_barred_from=national.ldtt_barred_from
            if isinstance(self.ldtt_barred_from, Unset)
            else self.ldtt_barred_from,
        )


def rules_date(year: int | None) -> date:
    """The day whose local rules apply to the achievement year ``year``: the day the decisions
    on that year are usually signed (the rule set's ``decision_date``); today without a year."""
    if year is None:
        return timezone.localdate()
    try:
        return rule_set_for_year(year).settings.decision_date(year)
    except NoRuleSetError:
        return date(year + 1, 1, 1)


def local_caps(unit: Unit, *, year: int | None = None) -> LocalCaps | None:
    """The local rules in force for ``unit`` for the achievement year ``year``: each field from
    the nearest unit on its path (itself first) that sets it. One query."""
    rows = rules_in_force(unit, rules_date(year))
    if not rows:
        return None
    caps = LocalCaps(rows[0].unit.name, {}, rows[0].basis)
    for row in reversed(rows):  # the farthest first: the nearest wins
        for name in SHARE_FIELDS:
            share = share_of(row, name)
            if share is not None:
                caps.shares[name] = share
                caps.bases[name] = row.basis
        if row.giay_khen_min_rating:
            caps = replace(caps, giay_khen_min_rating=rating_of(row))
        if row.ldtt_barred_from:
            caps = replace(caps, ldtt_barred_from=discipline_of(row))
    return caps


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


def _unit_checks(
    rule_set: RuleSet,
    owner: Unit,
    code: str,
    year: int,
    extra: Iterable[Any],
    caps: LocalCaps | None,
) -> list[QuotaCheck]:
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
    checks = check_quotas(rule_set, counts, members=members, scope=scope)
    return [check for check in checks if check.code == code]


def _refuse(owner: Unit, check: QuotaCheck) -> DomainError:
    return DomainError(
        "quota_exceeded",
        f"Vượt tỷ lệ khen thưởng của {owner.name}: {check.message} — theo {check.cited}.",
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
    caps = local_caps(proposal.unit, year=proposal.year)
    for owner, subject in owners:
        if owner is None:
            continue
        extra = [subject] if subject is not None else []
        for check in _unit_checks(rule_set, owner, proposal.award_code, proposal.year, extra, caps):
            if not check.within:
                raise _refuse(owner, check)


def local_scope(unit: Unit, year: int) -> ScopeSettings | None:
    """The rule set's scope for ``year`` with the local rules in force for ``unit``; None when
    no unit on its path set any (or no rule set covers the year): the national one applies."""
    caps = local_caps(unit, year=year)
    if caps is None:
        return None
    try:
        return caps.over(rule_set_for_year(year).scope)
    except NoRuleSetError:
        return None
