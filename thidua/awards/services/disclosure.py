"""Publish a proposal's list on the portal for comment, and handle the comments.

The period is the law's, chosen by the day of publishing
(``thidua.core.rules.procedure.disclosure_rule``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags

from thidua.awards.choices import CommentStatus
from thidua.awards.choices import ProposalStatus as S
from thidua.awards.models import Candidate, Comment, Disclosure, Proposal
from thidua.awards.services.timeline import proposal_move
from thidua.awards.services.work_calendar import working_days_after
from thidua.common.errors import DomainError
from thidua.core.rules.procedure import disclosure_rule


@transaction.atomic
def disclosure_publish(*, proposal: Proposal, by: Any) -> Disclosure:
    """Publish from today: the list stays up through the last day of the period."""
    start = timezone.localdate()
    rule = disclosure_rule(proposal.award_code, published_on=start)
    end = (
        working_days_after(start, rule.days) if rule.working else start + timedelta(days=rule.days)
    )
    proposal_move(
        proposal=proposal, to=S.PUBLIC_COMMENT, by=by, note=f"Công khai đến {end:%d/%m/%Y}"
    )
    disclosure = Disclosure(
        proposal=proposal,
        starts_on=start,
        ends_on=end,
        days=rule.days,
        in_working_days=rule.working,
        basis=rule.basis,
    )
    disclosure.full_clean()
    disclosure.save()
    return disclosure


MARKUP_REFUSED = (
    "{label} không được chứa thẻ HTML (như <b>, <a>, <script>). Xin ghi bằng chữ thường."
)


def _refuse_markup(**fields: tuple[str, str]) -> None:
    """A comment is plain text from the public: kept as typed, never as markup. Django's
    strip_tags removes only what a browser would take for a tag, leaving "a < b" or "<3"
    alone, so a text it changes carries markup; refused, rather than stripped, so that what
    is kept is what the citizen wrote."""
    for field, (label, value) in fields.items():
        if strip_tags(value) != value:
            raise DomainError("markup", MARKUP_REFUSED.format(label=label), field=field)


@transaction.atomic
def comment_submit(
    *,
    disclosure: Disclosure,
    name: str,
    email: str,
    subject: str,
    content: str,
    candidate: Candidate | None = None,
) -> Comment:
    """A citizen's comment; accepted only while the list is up."""
    today = timezone.localdate()
    if disclosure.closed_at is not None or not disclosure.starts_on <= today <= disclosure.ends_on:
        raise DomainError("disclosure_closed", "Đã hết thời hạn nhận ý kiến đối với danh sách này.")
    if candidate is not None and candidate.proposal_id != disclosure.proposal_id:
        raise DomainError(
            "wrong_candidate", "Đối tượng không có trong danh sách này.", field="candidate"
        )
    _refuse_markup(
        name=("Họ và tên", name), subject=("Tiêu đề", subject), content=("Nội dung", content)
    )
    comment = Comment(
        disclosure=disclosure,
        candidate=candidate,
        name=name.strip(),
        email=email.strip(),
        subject=subject.strip(),
        content=content.strip(),
    )
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def comment_answer(*, comment: Comment, by: Any, answer: str, is_valid: bool) -> Comment:
    """The officer's answer. A comment found valid holds the candidate it names and sends the
    proposal back to review; the candidate is released when the review clears it."""
    if not answer.strip():
        raise DomainError("answer_required", "Cần ghi nội dung trả lời.", field="answer")
    comment.answer = answer.strip()
    comment.is_valid = is_valid
    comment.status = CommentStatus.ANSWERED
    comment.answered_by = by
    comment.answered_at = timezone.now()
    comment.save()
    if is_valid:
        proposal = comment.disclosure.proposal
        if comment.candidate is not None:
            Candidate.objects.filter(pk=comment.candidate.pk).update(on_hold=True)
        if proposal.status == S.PUBLIC_COMMENT:
            proposal_move(
                proposal=proposal,
                to=S.UNDER_REVIEW,
                by=by,
                note=f"Ý kiến có cơ sở: {comment.subject}",
            )
    return comment


@transaction.atomic
def candidate_release(*, candidate: Candidate, by: Any, note: str) -> Candidate:
    """After verifying a comment: keep the candidate (released) with the conclusion noted."""
    if not note.strip():
        raise DomainError("note_required", "Cần ghi kết luận xác minh.", field="note")
    candidate.on_hold = False
    candidate.save(update_fields=["on_hold", "updated_at"])
    candidate.proposal.events.create(
        actor=by,
        from_status=candidate.proposal.status,
        to_status=candidate.proposal.status,
        note=f"Kết luận xác minh đối với {candidate.recipient_name}: {note.strip()}",
    )
    return candidate
