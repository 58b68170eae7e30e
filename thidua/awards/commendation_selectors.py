"""Reads of the commendation cycle, each through the user's scope.

An officer sees the proposals of the units they act for, and those sent to those units for
review; nothing of another unit's dossiers. A council member sees only the sessions they sit
on; the officers of the council's unit see its sessions to organise them.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.accounts.models import RoleKind, User
from thidua.accounts.scoping import scope_for, units_acting_for
from thidua.awards.choices import ProposalStatus
from thidua.awards.models import Certificate, CouncilSession, Disclosure, Proposal
from thidua.orgs.models import Person, Unit


def proposals_for_user(*, user: Any) -> QuerySet[Proposal]:
    scope = scope_for(user)
    rows = Proposal.objects.select_related("unit", "reviewing_unit")
    if scope.everything:
        return rows
    return rows.filter(Q(unit_id__in=scope.read_ids) | Q(reviewing_unit_id__in=scope.read_ids))


# Who a write on a proposal needs: the proposing unit's officer (its draft, candidates,
# dossier, submit) or the reviewing unit's (receive, return, publish, answer, the council).
PROPOSER = "proposer"
REVIEWER = "reviewer"


def proposal_get_for_user(*, user: Any, code: UUID, for_write: str | None = None) -> Proposal:
    """404 if not visible; with ``for_write`` (``PROPOSER`` or ``REVIEWER``), 403 unless the
    user acts for that side of the proposal. The one permission check of every door."""
    proposal = proposals_for_user(user=user).filter(code=code).first()
    if proposal is None:
        raise Http404("Không tìm thấy đề nghị.")
    if for_write is not None:
        unit_id = proposal.reviewing_unit_id if for_write == REVIEWER else proposal.unit_id
        if not scope_for(user).can_write(unit_id):
            raise PermissionDenied(
                "Chỉ đơn vị xét khen thưởng mới thực hiện được thao tác này."
                if for_write == REVIEWER
                else "Chỉ đơn vị lập đề nghị mới thực hiện được thao tác này."
            )
    return proposal


def acting_unit_by_code(*, user: Any, code: str) -> Unit:
    """The unit in force named by ``code`` if the user acts for it; 403 otherwise (a unit
    merged away can no longer author anything)."""
    unit = units_acting_for(user).filter(code=code).first()
    if unit is None:
        raise PermissionDenied(
            f"Anh/chị không có quyền thao tác cho đơn vị “{code}”, hoặc đơn vị đã sáp nhập, "
            "giải thể."
        )
    return unit


def can_act_for(user: Any, unit_id: int | None) -> bool:
    return scope_for(user).can_write(unit_id)


def people_for_proposal(*, user: Any, proposal: Proposal) -> QuerySet[Person]:
    """People of the proposing unit and the units under it (the candidates' pool)."""
    return (
        Person.objects.filter(unit__path__startswith=proposal.unit.path)
        .select_related("unit")
        .order_by("sort_key")
    )


def sessions_for_user(*, user: Any) -> QuerySet[CouncilSession]:
    scope = scope_for(user)
    rows = CouncilSession.objects.select_related("unit")
    if scope.everything:
        return rows
    return rows.filter(Q(members__user=user) | Q(unit_id__in=scope.write_ids)).distinct()


def session_get_for_user(*, user: Any, pk: int, organiser: bool = False) -> CouncilSession:
    """A session the user sits on or organises; ``organiser`` for the standing officer's
    moves (agenda, roll call, show of hands, closing)."""
    session = sessions_for_user(user=user).filter(pk=pk).first()
    if session is None:
        raise Http404("Không tìm thấy phiên họp.")
    if organiser:
        require_organiser(user, session)
    return session


def council_member_pool(unit: Unit) -> QuerySet[Any]:
    """Users holding the council role for the unit or a unit above it: who may sit on its
    council."""
    ancestors = [int(p) for p in unit.path.strip("/").split("/") if p]
    return (
        User.objects.filter(roles__kind=RoleKind.COUNCIL, roles__unit_id__in=ancestors)
        .distinct()
        .order_by("full_name")
    )


def proposals_waiting_for_council(unit: Unit) -> QuerySet[Proposal]:
    """Proposals sent to the unit's council and on no session's agenda yet."""
    return Proposal.objects.filter(reviewing_unit=unit, status=ProposalStatus.COUNCIL).exclude(
        agenda_items__isnull=False
    )


def session_organiser(user: Any, session: CouncilSession) -> bool:
    return scope_for(user).can_write(session.unit_id)


def session_seat(user: Any, session: CouncilSession) -> Any:
    return session.members.filter(user=user).first()


def require_organiser(user: Any, session: CouncilSession) -> None:
    if not session_organiser(user, session):
        raise PermissionDenied("Chỉ cán bộ thường trực của Hội đồng mới được thao tác.")


def disclosures_open() -> QuerySet[Disclosure]:
    """Lists currently up for comment (the portal; no login)."""
    return Disclosure.objects.filter(closed_at__isnull=True).select_related(
        "proposal", "proposal__unit", "proposal__reviewing_unit"
    )


def certificate_by_code(code: str) -> Certificate | None:
    return (
        Certificate.objects.filter(code=code.strip().upper())
        .select_related("award_record", "award_record__decision", "award_record__unit")
        .first()
    )
