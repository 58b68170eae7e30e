"""Submit, review, return, reject, send to the council: the proposal's moves, each checked
against the status machine and written to its timeline."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from thidua.awards.choices import CheckStatus, CouncilResult
from thidua.awards.choices import ProposalStatus as S
from thidua.awards.models import Proposal
from thidua.awards.reviewing_units import reviewing_unit_options
from thidua.awards.services.dossier import require_complete_dossier
from thidua.awards.services.proposals import candidates_recheck
from thidua.awards.services.quotas import quota_check_submit
from thidua.awards.services.timeline import proposal_move
from thidua.awards.services.work_calendar import working_days_after
from thidua.common.errors import DomainError
from thidua.orgs.models import Unit

# Days the reviewing unit has to appraise a complete dossier. No national limit was found
# (law.md §8.5: ministries set their own, e.g. 25 working days); a setting.
REVIEW_WORKING_DAYS = 20


def _reviewing_unit(proposal: Proposal, chosen: Unit | None, code: str) -> Unit:
    """The unit chosen to receive the proposal (by the unit or its code; by default the one
    it names), if the catalog lets it decide or submit the form; refused with the units that
    may."""
    options = reviewing_unit_options(
        unit=proposal.unit, award_code=proposal.award_code, year=proposal.year
    )
    if code and chosen is None:
        chosen = next((o.unit for o in options if o.unit.code == code), None)
        named = chosen.name if chosen else f"Đơn vị “{code}”"
    else:
        chosen = chosen or proposal.reviewing_unit
        named = chosen.name
    if chosen is not None and any(o.unit.pk == chosen.pk for o in options):
        return chosen
    allowed = "; ".join(f"{o.label}, {o.citation}" if o.citation else o.label for o in options)
    raise DomainError(
        "reviewing_unit_not_allowed",
        f"{named} không có thẩm quyền xét, quyết định {proposal.award_name} "
        f"năm {proposal.year}. Chọn: {allowed}.",
        field="reviewing_unit",
    )


def _require_proposer_draft(proposal: Proposal) -> None:
    if not proposal.is_editable:
        raise DomainError(
            "bad_transition",
            f"Đề nghị đang ở trạng thái “{proposal.get_status_display()}”, không gửi lại được.",
        )


@transaction.atomic
def proposal_submit(
    *,
    proposal: Proposal,
    by: Any,
    reviewing_unit: Unit | None = None,
    reviewing_unit_code: str = "",
) -> Proposal:
    """Send the proposal up, to ``reviewing_unit`` (by default the one it names), which must
    be a level the catalog allows for the form. The engine checks every candidate again; at
    least one must be in play, and none may still be on hold."""
    _require_proposer_draft(proposal)
    proposal.reviewing_unit = _reviewing_unit(proposal, reviewing_unit, reviewing_unit_code)
    rows = candidates_recheck(proposal=proposal)
    if not any(c.check_status != CheckStatus.REFUSED for c in rows):
        raise DomainError(
            "no_candidates", "Đề nghị chưa có đối tượng nào đủ điều kiện để gửi duyệt."
        )
    require_complete_dossier(proposal)
    quota_check_submit(proposal=proposal)
    proposal_move(
        proposal=proposal,
        to=S.SUBMITTED,
        by=by,
        note=f"Gửi {proposal.reviewing_unit.name} xét, quyết định",
    )
    days = getattr(settings, "THIDUA_REVIEW_WORKING_DAYS", REVIEW_WORKING_DAYS)
    proposal.review_due = working_days_after(timezone.localdate(), days)
    proposal.returned_reason = ""
    proposal.save(update_fields=["reviewing_unit", "review_due", "returned_reason", "updated_at"])
    return proposal


@transaction.atomic
def proposal_review_start(*, proposal: Proposal, by: Any) -> Proposal:
    return proposal_move(proposal=proposal, to=S.UNDER_REVIEW, by=by)


@transaction.atomic
def proposal_return(*, proposal: Proposal, by: Any, reason: str) -> Proposal:
    if not reason.strip():
        raise DomainError("reason_required", "Cần ghi lý do trả lại.", field="reason")
    proposal_move(proposal=proposal, to=S.RETURNED, by=by, note=reason.strip())
    proposal.returned_reason = reason.strip()
    proposal.save(update_fields=["returned_reason", "updated_at"])
    return proposal


@transaction.atomic
def proposal_reject(*, proposal: Proposal, by: Any, reason: str) -> Proposal:
    if not reason.strip():
        raise DomainError("reason_required", "Cần ghi lý do không khen thưởng.", field="reason")
    return proposal_move(proposal=proposal, to=S.REJECTED, by=by, note=reason.strip())


@transaction.atomic
def proposal_to_council(*, proposal: Proposal, by: Any) -> Proposal:
    """Put the proposal before the council once no candidate is on hold for a comment and
    any public comment period has ended."""
    if proposal.candidates.filter(on_hold=True).exists():
        raise DomainError(
            "candidate_on_hold",
            "Còn đối tượng đang tạm dừng do có ý kiến phản ánh: cần trả lời ý kiến trước.",
        )
    open_disclosure = proposal.disclosures.filter(closed_at__isnull=True).first()
    if open_disclosure is not None:
        if open_disclosure.ends_on >= timezone.localdate():
            raise DomainError(
                "disclosure_open",
                f"Danh sách đang công khai đến hết ngày {open_disclosure.ends_on:%d/%m/%Y}.",
            )
        open_disclosure.closed_at = timezone.now()
        open_disclosure.save(update_fields=["closed_at", "updated_at"])
    proposal.candidates.exclude(check_status=CheckStatus.REFUSED).update(
        council_result=CouncilResult.PENDING
    )
    return proposal_move(proposal=proposal, to=S.COUNCIL, by=by)
