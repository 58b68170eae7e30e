"""Where candidates come from besides a pick by hand: the law engine's "eligible" list of the
proposing unit (``eligibility_scan``) and the nominations of the emulation clusters'
published rankings ("Đơn vị dẫn đầu cụm thi đua …"). Reads only; adding is a service."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from thidua.awards.eligibility.scan import UnitNotFoundError, eligibility_scan
from thidua.awards.models import Proposal
from thidua.awards.services.one_award import refused_keys, subject_key
from thidua.awards.services.quotas import local_scope
from thidua.core.rules.registry import NoRuleSetError
from thidua.core.rules.vocabulary import SubjectKind
from thidua.emulation.models import Nomination
from thidua.emulation.selectors.ranking import nominations_for_year
from thidua.orgs.models import Household, Person, Unit

# A subject in a form field: "p:12" (person), "c:3" (collective), "h:5" (household).
PREFIX = {SubjectKind.INDIVIDUAL: "p", SubjectKind.COLLECTIVE: "c", SubjectKind.HOUSEHOLD: "h"}
KIND_LABELS = {"p": "Cá nhân", "c": "Tập thể", "h": "Hộ gia đình"}


@dataclass(frozen=True, slots=True)
class EligibleOption:
    key: str
    code: str
    name: str
    unit_name: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.key[0]]


def _taken(proposal: Proposal) -> set[str]:
    """Subjects under the proposing unit to whom adding would be refused: already in this
    proposal, or holding or proposed for an award on the same achievement (one achievement,
    one award)."""
    under = proposal.unit.path
    recipients = (
        Q(person__unit__path__startswith=under)
        | Q(collective__path__startswith=under)
        | Q(household__unit__path__startswith=under)
    )
    return refused_keys(proposal=proposal, recipients=recipients) | {
        subject_key(c) for c in proposal.candidates.all()
    }


def eligible_options(*, proposal: Proposal) -> list[EligibleOption]:
    """Subjects under the proposing unit the engine finds eligible for the proposal's form in
    its year, less those already proposed; empty when no rule set covers the year."""
    try:
        scan = eligibility_scan(
            unit_code=proposal.unit.code,
            year=proposal.year,
            scope=local_scope(proposal.unit, proposal.year),
        )
    except (UnitNotFoundError, NoRuleSetError):
        return []
    taken = _taken(proposal)
    options: list[EligibleOption] = []
    for subject in scan.subjects:
        if not any(v.code == proposal.award_code for v in subject.eligible):
            continue
        key = f"{PREFIX[subject.row.kind]}:{subject.row.id}"
        if key not in taken:
            options.append(
                EligibleOption(key, subject.row.code, subject.row.name, subject.unit.name)
            )
    return options


def subject_for_key(*, proposal: Proposal, key: str) -> Any:
    """The person, collective or household a key names, if it is under the proposing unit."""
    prefix, _, raw = key.partition(":")
    if not raw.isdigit():
        return None
    under = proposal.unit.path
    if prefix == "p":
        return Person.objects.filter(pk=raw, unit__path__startswith=under).first()
    if prefix == "c":
        return Unit.objects.filter(pk=raw, path__startswith=under).first()
    if prefix == "h":
        return Household.objects.filter(pk=raw, unit__path__startswith=under).first()
    return None


def nomination_options(*, proposal: Proposal) -> list[Nomination]:
    """Nominations of the year for the proposal's form, of units under the proposing unit or
    of clusters it organises, less those already proposed."""
    taken = set(proposal.candidates.values_list("collective_id", flat=True))
    return [
        n
        for n in nominations_for_year(year=proposal.year)
        if n.award == proposal.award_code
        and n.unit_id not in taken
        and (
            n.unit.path.startswith(proposal.unit.path)
            or n.ranking.covenant.cluster.organiser_id == proposal.unit_id
        )
    ]


def nomination_basis(nomination: Nomination) -> str:
    """The basis as the candidate carries it: "Đơn vị dẫn đầu cụm thi đua, Cụm thi đua số 1
    năm 2024 (Điều 26 …)"."""
    cluster = nomination.ranking.covenant.cluster
    basis = f"{nomination.basis}, {cluster.name} năm {cluster.year}"
    return f"{basis} ({nomination.citation})" if nomination.citation else basis
