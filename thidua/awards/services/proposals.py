"""Create a proposal and manage its candidates: each addition asks the law engine, refuses a
second award for the same achievement, and keeps the verdict on the row."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from thidua.awards.choices import CheckStatus, ProposalStatus
from thidua.awards.models import Candidate, Proposal
from thidua.awards.services.decisions import Subject, check_code, recipient_of
from thidua.awards.services.eligibility_check import (
    CandidateCheck,
    candidate_check,
    candidates_check,
    check_key,
)
from thidua.awards.services.one_award import conflict_for, granted_by_subject, refusal_text
from thidua.awards.services.quotas import quota_check_add
from thidua.common.audit import acting_as
from thidua.common.errors import DomainError
from thidua.core.catalog import BY_CODE
from thidua.core.rules.registry import RULE_SETS, NoRuleSetError, rule_set_for_year
from thidua.core.rules.vocabulary import Occasion
from thidua.emulation.choices import MovementKind
from thidua.emulation.models import Movement, Nomination
from thidua.orgs.models import Unit, UnitSuccession


@transaction.atomic
def proposal_create(
    *,
    unit: Unit,
    award_code: str,
    year: int,
    by: Any,
    reviewing_unit: Unit | None = None,
    movement: Movement | None = None,
    title: str = "",
    occasion: str = "",
) -> Proposal:
    """A draft proposal. ``occasion`` (loại hình khen thưởng) defaults to a thematic
    movement's summing-up when the proposal names one, else the year's results."""
    if award_code not in BY_CODE:
        raise DomainError(
            "unknown_code",
            f"Mã danh hiệu, hình thức “{award_code}” không có.",
            field="award_code",
        )
    _check_year(year)
    _require_in_force(unit, "lập đề nghị")
    proposal = Proposal(
        unit=unit,
        reviewing_unit=reviewing_unit or unit,
        award_code=award_code,
        year=year,
        movement=movement,
        title=title.strip() or f"Đề nghị tặng {BY_CODE[award_code].name} năm {year}",
        occasion=occasion or _default_occasion(movement),
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    proposal.full_clean()
    proposal.save()
    proposal.events.create(to_status=ProposalStatus.DRAFT, actor=proposal.created_by)
    return proposal


def _check_year(year: int) -> None:
    """A proposal judges the achievement of a year a rule set of the law governs, and not a
    year still to come."""
    this_year = timezone.localdate().year
    try:
        rule_set_for_year(year)
    except NoRuleSetError:
        covered = min(r.first_year for r in RULE_SETS)
        raise DomainError(
            "year_without_rules",
            f"Năm {year} chưa có bộ quy tắc xét thi đua, khen thưởng; chọn một năm từ {covered} "
            f"đến {this_year}.",
            field="year",
        ) from None
    if year > this_year:
        raise DomainError(
            "year_in_future",
            f"Năm thành tích {year} chưa đến; chọn một năm đến {this_year}.",
            field="year",
        )


def _require_in_force(unit: Unit, what: str) -> None:
    """A unit merged away or closed neither proposes nor is proposed: its successor does,
    and the refusal names it."""
    if unit.valid_to is None:
        return
    successors = [
        s.successor.name
        for s in UnitSuccession.objects.filter(predecessor=unit).select_related("successor")
    ]
    then = (
        f"đơn vị kế thừa là {', '.join(successors)}" if successors else "đơn vị không còn hoạt động"
    )
    raise DomainError(
        "unit_ended",
        f"{unit.name} đã sáp nhập hoặc giải thể từ ngày {unit.valid_to:%d/%m/%Y}, không {what} "
        f"được nữa ({then}).",
        field="unit",
    )


class CandidateRefusedError(DomainError):
    """The law engine finds the candidate ineligible: nothing is kept; each unmet criterion
    with its article is in ``details``, the other grounds the law allows in ``other_grounds``."""

    def __init__(self, name: str, check: CandidateCheck) -> None:
        message = f"Không thêm {name} vì {check.reason[0].lower()}{check.reason[1:]}"
        if check.other_grounds:
            message += (
                " Có thể đề nghị theo căn cứ khác ("
                + "; ".join(check.other_grounds)
                + "): ghi căn cứ và thành tích vào ô “Đề nghị theo căn cứ khác” rồi thêm lại."
            )
        super().__init__("candidate_ineligible", message, field="recipient_code")
        self.name = name
        self.check = check
        self.details = check.unmet


def _default_occasion(movement: Movement | None) -> str:
    if movement is not None and movement.kind == MovementKind.THEMATIC:
        return Occasion.CHUYEN_DE.value
    return Occasion.THUONG_XUYEN.value


def _require_editable(proposal: Proposal) -> None:
    if not proposal.is_editable:
        raise DomainError(
            "proposal_locked",
            f"Đề nghị đang ở trạng thái “{proposal.get_status_display()}”: "
            "chỉ sửa được khi còn là nháp hoặc bị trả lại.",
        )


def one_award_refusal(*, subject: Subject, proposal: Proposal) -> str | None:
    """Why ``subject`` cannot be added to ``proposal`` (one achievement, one award: điểm c
    khoản 2 Điều 5 Luật TĐKT; before 2024 also one State-level form a year, Điều 3 Thông tư
    12/2019/TT-BNV), or ``None``."""
    _kind, fields, _unit, name = recipient_of(subject)
    granted = granted_by_subject(year=proposal.year, proposal=proposal, recipients=Q(**fields))
    conflict = conflict_for(proposal, [g for grants in granted.values() for g in grants])
    return None if conflict is None else refusal_text(name, conflict)


def _apply_check(candidate: Candidate, check: CandidateCheck) -> None:
    # A candidate proposed on another legal ground keeps it while the facts still fail.
    if candidate.other_ground and check.status is CheckStatus.REFUSED:
        candidate.check_status = CheckStatus.OTHER_GROUNDS
    else:
        candidate.check_status = check.status
    candidate.verdict = {**check.snapshot, "unmet": list(check.unmet), "reason": check.reason}
    candidate.checked_at = timezone.now()


@transaction.atomic
def candidate_add(
    *,
    proposal: Proposal,
    subject: Subject,
    by: Any,
    achievement: str = "",
    position: str = "",
    basis: str = "",
    nomination: Nomination | None = None,
    other_ground: str = "",
) -> Candidate:
    """Add a candidate the law engine does not refuse. One it refuses is not kept
    (``CandidateRefusedError`` names each unmet criterion and its article), unless the law allows
    another ground for the form and ``other_ground`` states it (điểm a–c khoản 1 Điều 74)."""
    _require_editable(proposal)
    if isinstance(subject, Unit):
        _require_in_force(subject, "được đề nghị khen thưởng")
    kind, fields, _unit, name = recipient_of(subject)
    check_code(proposal.award_code, kind)
    refusal = one_award_refusal(subject=subject, proposal=proposal)
    if refusal:
        raise DomainError("duplicate_award", f"Không thể đề nghị {refusal}.")
    candidate = Candidate(
        proposal=proposal,
        recipient_kind=kind,
        recipient_name=name,
        position=position or getattr(subject, "position", ""),
        achievement=achievement.strip(),
        basis=basis.strip(),
        nomination=nomination,
        **fields,
    )
    check = candidate_check(subject=subject, code=proposal.award_code, year=proposal.year)
    if check.status is CheckStatus.REFUSED:
        if not (other_ground.strip() and check.other_grounds):
            raise CandidateRefusedError(name, check)
        candidate.other_ground = other_ground.strip()
    _apply_check(candidate, check)
    if candidate.is_in_play:
        quota_check_add(proposal=proposal, subject=subject)
    candidate.full_clean(exclude=["proposal"])
    with acting_as(by):
        candidate.save()
    return candidate


@transaction.atomic
def candidate_other_ground(*, candidate: Candidate, ground: str, by: Any) -> Candidate:
    """Propose a refused candidate on another legal ground the engine names (e.g. điểm a–c
    khoản 1 Điều 74), with the evidence uploaded to the dossier. Only where the law allows."""
    _require_editable(candidate.proposal)
    allowed = candidate.verdict.get("other_grounds") or []
    if not allowed:
        raise DomainError(
            "no_other_ground",
            f"{BY_CODE[candidate.proposal.award_code].name} không có căn cứ khác để đề nghị "
            f"{candidate.recipient_name}.",
        )
    if not ground.strip():
        raise DomainError("ground_required", "Cần ghi căn cứ và thành tích.", field="ground")
    candidate.other_ground = ground.strip()
    candidate.check_status = CheckStatus.OTHER_GROUNDS
    with acting_as(by):
        candidate.save()
    return candidate


@transaction.atomic
def candidate_remove(*, candidate: Candidate, by: Any) -> None:
    _require_editable(candidate.proposal)
    with acting_as(by):
        candidate.delete()


def candidates_recheck(*, proposal: Proposal) -> list[Candidate]:
    """Ask the engine again for every candidate (on submit, after a revocation), all at once:
    the queries do not grow with the candidates."""
    rows = list(
        proposal.candidates.select_related("person", "collective", "household", "enterprise")
    )
    if not rows:
        return rows
    checks = candidates_check(
        root=proposal.unit,
        subjects=[c.subject for c in rows],
        code=proposal.award_code,
        year=proposal.year,
    )
    for candidate in rows:
        _apply_check(candidate, checks[check_key(candidate.subject)])
        candidate.updated_at = timezone.now()
    Candidate.objects.bulk_update(rows, ["check_status", "verdict", "checked_at", "updated_at"])
    return rows
