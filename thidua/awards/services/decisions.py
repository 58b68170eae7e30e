"""Decisions and the award records they grant.

Two kinds, as offices name them:
- **issued in Thi đua**: a draft made from the candidates the council passed
  (``decision_flow.decision_from_candidates``), issued by ``decision_issue``, which numbers a
  certificate for each record;
- **recorded from elsewhere** (``is_legacy``): another body's decision or history before the
  system; its number, date, signer and body as given, its records facts added by
  ``recorded_award_add`` (never re-judged, but one achievement, one award still holds), and
  once recorded only completed by ``decision_amend`` ("Bổ sung danh sách"), audited.

Every door (web, API, import, demo, commands) calls these; none writes a record itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from thidua.awards.choices import CouncilResult, DecisionStatus, RecipientKind
from thidua.awards.choices import ProposalStatus as S
from thidua.awards.models import AwardRecord, Certificate, Decision, DecisionAmendment, Proposal
from thidua.awards.services.one_award import refusal_text
from thidua.awards.services.timeline import proposal_move
from thidua.common.audit import acting_as
from thidua.common.errors import DomainError, ImmutableRecordError
from thidua.core.catalog import BY_CODE, RECIPIENT_LABELS, Recipient
from thidua.core.documents import document_symbol
from thidua.core.documents.bodies import body_from_name
from thidua.core.documents.numbering import next_number
from thidua.core.rules.one_award import Granted, one_award_conflict
from thidua.core.rules.vocabulary import Occasion
from thidua.orgs.bodies import body_for
from thidua.orgs.models import Enterprise, Household, Person, Unit

Subject = Person | Unit | Household | Enterprise


def check_decision_date(value: date | None) -> None:
    """A decision is recorded once signed: never dated after today."""
    today = timezone.localdate()
    if value is not None and value > today:
        raise DomainError(
            "decision_date_future",
            f"Ngày quyết định {value:%d/%m/%Y} sau ngày hôm nay ({today:%d/%m/%Y}): "
            "chỉ ghi quyết định đã ký.",
            field="date",
        )


@transaction.atomic
def decision_create(
    *,
    number: str,
    decision_date: date | None,
    issuing_body: str,
    by: Any = None,
    issuing_unit: Unit | None = None,
    signer_name: str = "",
    signer_title: str = "",
    title: str = "",
    is_legacy: bool = False,
) -> Decision:
    check_decision_date(decision_date)
    decision = Decision(
        number=number.strip(),
        date=decision_date,
        issuing_body=issuing_body.strip(),
        issuing_unit=issuing_unit,
        signer_name=signer_name.strip(),
        signer_title=signer_title.strip(),
        title=title.strip(),
        is_legacy=is_legacy,
    )
    decision.full_clean()
    with acting_as(by):
        decision.save()
    return decision


DECISION_EDITABLE_FIELDS = frozenset(
    {"number", "date", "issuing_body", "signer_name", "signer_title", "title"}
)


def _require_draft(decision: Decision) -> None:
    if decision.status != DecisionStatus.DRAFT:
        raise ImmutableRecordError(
            f"Quyết định số {decision.number} đã ban hành: chỉ có thể hủy bỏ khen thưởng theo "
            "Điều 93 Luật Thi đua, khen thưởng"
            + (" hoặc bổ sung danh sách." if decision.is_legacy else "."),
        )


@transaction.atomic
def decision_update(*, decision: Decision, by: Any = None, **changes: object) -> Decision:
    """Change a draft's fields; an issued decision refuses (the model enforces it too)."""
    unknown = set(changes) - DECISION_EDITABLE_FIELDS
    if unknown:
        field = sorted(unknown)[0]
        raise DomainError("not_editable", f"Trường “{field}” không sửa được.", field=field)
    _require_draft(decision)
    if "date" in changes:
        check_decision_date(changes["date"])  # type: ignore[arg-type]
    for field, value in changes.items():
        setattr(decision, field, value.strip() if isinstance(value, str) else value)
    decision.full_clean()
    with acting_as(by):
        decision.save()
    return decision


def recipient_of(subject: Subject) -> tuple[RecipientKind, dict[str, Subject], Unit, str]:
    """The record's recipient kind, its field, the unit of the time and the name."""
    if isinstance(subject, Person):
        return RecipientKind.INDIVIDUAL, {"person": subject}, subject.unit, subject.full_name
    if isinstance(subject, Unit):
        return RecipientKind.COLLECTIVE, {"collective": subject}, subject, subject.name
    if isinstance(subject, Household):
        return RecipientKind.HOUSEHOLD, {"household": subject}, subject.unit, str(subject)
    return RecipientKind.ENTERPRISE, {"enterprise": subject}, subject.unit, subject.name


def check_code(code: str, kind: RecipientKind) -> None:
    award = BY_CODE.get(code)
    if award is None:
        raise DomainError(
            "unknown_code", f"Mã danh hiệu, hình thức “{code}” không có.", field="code"
        )
    if not award.accepts(Recipient(kind.value)):
        raise DomainError(
            "wrong_recipient",
            f"{award.name} không tặng cho {RECIPIENT_LABELS[Recipient(kind.value)]}.",
            field="code",
        )


def write_record(
    *,
    decision: Decision,
    code: str,
    year: int,
    subject: Subject,
    unit: Unit | None = None,
    achievement: str = "",
) -> AwardRecord:
    """Write one record; the caller has checked where it comes from (a candidate the cycle
    passed, or a fact recorded from elsewhere)."""
    kind, recipient, default_unit, name = recipient_of(subject)
    check_code(code, kind)
    record = AwardRecord(
        decision=decision,
        code=code,
        year=year,
        recipient_kind=kind,
        unit=unit or default_unit,
        recipient_name=name,
        achievement=achievement.strip(),
        **recipient,
    )
    record.full_clean(exclude=["decision"])
    record.save()
    return record


# The two rules a recorded fact must keep, written once for every door: the services below
# ask them one award at a time, the workbook import (dataio KhenThuong) for a sheet at once.
SUBJECT_FIELDS = ("person_id", "collective_id", "household_id", "enterprise_id")
SubjectRef = tuple[str, int]  # (the record's subject field, its id)


def recorded_year_refusal(year: int, signed: date | None) -> str | None:
    """An award recorded under a decision is for an achievement before it was signed."""
    signed_year = signed.year if signed else timezone.localdate().year
    if year > signed_year:
        return f"Năm thành tích {year} sau năm ký quyết định ({signed_year})."
    return None


def recorded_award_refusal(
    *, name: str, code: str, year: int, held: Sequence[Granted]
) -> str | None:
    """A recorded award is a fact, but two awards for the same achievement are not: the
    year's results already rewarded by another form (điểm c khoản 2 Điều 5 Luật TĐKT)."""
    conflict = one_award_conflict(
        code=code, year=year, granted=held, achievement="", occasion=Occasion.THUONG_XUYEN
    )
    return refusal_text(name, conflict) if conflict is not None else None


def standing_grants(
    *, subjects: Sequence[SubjectRef], years: Sequence[int], exclude: Decision | None = None
) -> dict[tuple[SubjectRef, int], list[Granted]]:
    """What issued decisions already grant each subject in each year, in one query."""
    by_field: dict[str, set[int]] = {}
    for subject_field, pk in subjects:
        by_field.setdefault(subject_field, set()).add(pk)
    if not by_field or not years:
        return {}
    who = Q()
    for subject_field, ids in by_field.items():
        who |= Q(**{f"{subject_field}__in": ids})
    rows = AwardRecord.objects.filter(
        who, year__in=set(years), revoked_at__isnull=True, decision__status=DecisionStatus.ISSUED
    )
    if exclude is not None:
        rows = rows.exclude(decision=exclude)
    held: dict[tuple[SubjectRef, int], list[Granted]] = {}
    for row in rows.values("code", "year", "decision__number", *SUBJECT_FIELDS):
        grant = Granted(
            row["code"], row["year"], "", Occasion.THUONG_XUYEN,
            f"Quyết định số {row['decision__number']}",
        )  # fmt: skip
        for subject_field in SUBJECT_FIELDS:
            if row[subject_field] is not None:
                held.setdefault(((subject_field, row[subject_field]), row["year"]), []).append(
                    grant
                )
    return held


def _subject_ref(subject: Subject) -> SubjectRef:
    _kind, fields, _unit, _name = recipient_of(subject)
    ((subject_field, value),) = fields.items()
    return (f"{subject_field}_id", value.pk)


def _one_award_refusal(*, decision: Decision, code: str, year: int, subject: Subject) -> None:
    ref = _subject_ref(subject)
    held = standing_grants(subjects=[ref], years=[year]).get((ref, year), [])
    held += [
        Granted(r.code, year, "", Occasion.THUONG_XUYEN, f"Quyết định số {decision.number}")
        for r in decision.records.filter(**{ref[0]: ref[1]}, year=year)
    ]
    refusal = recorded_award_refusal(name=recipient_of(subject)[3], code=code, year=year, held=held)
    if refusal:
        raise DomainError("duplicate_award", refusal, field="recipient_code")


def _check_recorded_year(year: int, decision: Decision) -> None:
    refusal = recorded_year_refusal(year, decision.date)
    if refusal:
        raise DomainError("year_after_decision", refusal, field="year")


def _recorded_conflicts(decision: Decision) -> list[str]:
    """At issue, a draft's records against what was issued meanwhile (two drafts each
    holding the same achievement must not both be issued)."""
    records = list(decision.records.order_by("pk"))
    refs = {
        r.pk: next((f, getattr(r, f)) for f in SUBJECT_FIELDS if getattr(r, f)) for r in records
    }
    held = standing_grants(
        subjects=list(refs.values()), years=[r.year for r in records], exclude=decision
    )
    refusals = []
    for record in records:
        found = recorded_award_refusal(
            name=record.recipient_name, code=record.code, year=record.year,
            held=held.get((refs[record.pk], record.year), []),
        )  # fmt: skip
        if found:
            refusals.append(found)
    return refusals


@transaction.atomic
def recorded_award_add(
    *,
    decision: Decision,
    code: str,
    year: int,
    subject: Subject,
    by: Any = None,
    unit: Unit | None = None,
    achievement: str = "",
) -> AwardRecord:
    """Add one award to a draft of a decision recorded from elsewhere."""
    if not decision.is_legacy:
        raise DomainError(
            "decision_from_cycle",
            f"Quyết định số {decision.number} được lập trong Thi đua: danh sách chỉ gồm những "
            "đối tượng đã qua đề nghị, thẩm định và Hội đồng bỏ phiếu đạt.",
            field="decision",
        )
    _require_draft(decision)
    _check_recorded_year(year, decision)
    _one_award_refusal(decision=decision, code=code, year=year, subject=subject)
    with acting_as(by):
        return write_record(
            decision=decision,
            code=code,
            year=year,
            subject=subject,
            unit=unit,
            achievement=achievement,
        )


@dataclass(frozen=True)
class RecordedAward:
    """One row of a "Bổ sung danh sách"."""

    code: str
    year: int
    subject: Subject
    unit: Unit | None = None
    achievement: str = ""


def _from_cycle_problems(decision: Decision) -> list[str]:
    """The records of a Thi đua decision that did not come through the cycle (a candidate
    the council passed, of a proposal before the council)."""
    records = decision.records.select_related("candidate__proposal").order_by("pk")
    problems = []
    for record in records:
        candidate = getattr(record, "candidate", None)
        if (
            candidate is None
            or candidate.council_result != CouncilResult.PASSED
            or candidate.proposal.status != S.COUNCIL
        ):
            problems.append(record.recipient_name)
    return problems


def _next_certificate_number(year: int, taken: int) -> str:
    return f"{taken + 1:04d}/{year}"


def decision_next_number(decision: Decision, on: date) -> str:
    """The next number of the issuing body's sequence for the year of ``on``: "246/QĐ-UBND"
    after the body's highest of that year, its ký hiệu from the issuing unit
    (``core.documents.bodies.symbol_of``)."""
    body = body_for(decision.issuing_unit) or body_from_name(decision.issuing_body)
    taken = (
        Decision.objects.filter(issuing_body=decision.issuing_body, date__year=on.year)
        .exclude(pk=decision.pk)
        .values_list("number", flat=True)
    )
    return next_number(taken, document_symbol("QĐ", body))


@transaction.atomic
def decision_issue(
    *,
    decision: Decision,
    by: Any = None,
    number: str | None = None,
    issue_date: date | None = None,
) -> Decision:
    """Issue a draft: from now on it and its records cannot change. The số and the date are
    given now, as the văn thư gives them once the leader has signed: ``number`` as typed,
    else the draft's, else the next of the body's yearly sequence; ``issue_date`` else the
    draft's. A Thi đua decision must hold only candidates the cycle passed; each record gets
    a numbered certificate and the proposals whose passed candidates are all decided move to
    "Đã ban hành". A decision recorded from elsewhere is only locked (its certificates were
    printed where it was signed) and keeps the number it was signed with."""
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    _require_draft(decision)
    if issue_date is not None:
        decision.date = issue_date
    if not decision.date:
        raise DomainError(
            "decision_needs_date", "Cần ghi ngày quyết định trước khi ban hành.", field="date"
        )
    check_decision_date(decision.date)
    if number is not None and number.strip():
        decision.number = number.strip()
    if not decision.number.strip():
        if decision.is_legacy:
            raise DomainError(
                "decision_needs_number",
                "Cần ghi số của quyết định đã ký trước khi ghi nhận.",
                field="number",
            )
        decision.number = decision_next_number(decision, decision.date)
    clash = Decision.objects.filter(number=decision.number, issuing_body=decision.issuing_body)
    if clash.exclude(pk=decision.pk).exists():
        raise DomainError(
            "decision_number_taken",
            f"Số {decision.number} của {decision.issuing_body} đã cấp cho quyết định khác: "
            "ghi số khác hoặc để trống để lấy số tiếp theo.",
            field="number",
        )
    if not decision.records.exists():
        raise DomainError("decision_empty", "Quyết định chưa có khen thưởng nào.")
    if decision.is_legacy and (conflicts := _recorded_conflicts(decision)):
        raise DomainError("duplicate_award", "Không ban hành được: " + " ".join(conflicts[:5]))
    with acting_as(by):
        if decision.is_legacy:
            decision.status = DecisionStatus.ISSUED
            decision.save()
            return decision
        outside = _from_cycle_problems(decision)
        if outside:
            raise DomainError(
                "not_through_cycle",
                "Không ban hành được: " + ", ".join(outside[:5])
                + (f" và {len(outside) - 5} đối tượng khác" if len(outside) > 5 else "")
                + " chưa qua đề nghị, thẩm định và Hội đồng bỏ phiếu đạt.",
            )  # fmt: skip
        decision.status = DecisionStatus.ISSUED
        decision.save()
        _number_certificates(decision)
        _close_decided_proposals(decision, by)
    return decision


def _number_certificates(decision: Decision) -> None:
    year = decision.date.year if decision.date else 0
    taken = Certificate.objects.filter(number__endswith=f"/{year}").count()
    Certificate.objects.bulk_create(
        Certificate(award_record=record, number=_next_certificate_number(year, taken + i))
        for i, record in enumerate(decision.records.order_by("pk"))
    )


def _close_decided_proposals(decision: Decision, by: Any) -> None:
    proposals = Proposal.objects.filter(candidates__award_record__decision=decision).distinct()
    for proposal in proposals:
        waiting = proposal.candidates.filter(
            council_result=CouncilResult.PASSED, award_record__isnull=True
        )
        if proposal.status == S.COUNCIL and not waiting.exists():
            proposal_move(
                proposal=proposal, to=S.DECIDED, by=by, note=f"Quyết định số {decision.number}"
            )


@transaction.atomic
def decision_amend(
    *,
    decision: Decision,
    awards: Sequence[RecordedAward],
    by: Any = None,
    reason: str = "",
    source: str = "Nhập trực tiếp",
) -> DecisionAmendment:
    """Bổ sung danh sách: add awards to a decision recorded from elsewhere that is already
    recorded (issued); the amendment row says how many, from where, by whom and why."""
    if not decision.is_legacy:
        raise DomainError(
            "decision_from_cycle",
            f"Quyết định số {decision.number} được ban hành trong Thi đua: không bổ sung danh "
            "sách; lập đề nghị mới.",
        )
    if decision.status != DecisionStatus.ISSUED:
        raise DomainError(
            "decision_not_recorded",
            f"Quyết định số {decision.number} "
            + ("đã bị hủy bỏ." if decision.status == DecisionStatus.REVOKED
               else "còn là dự thảo: thêm khen thưởng trực tiếp."),
        )  # fmt: skip
    if not awards:
        raise DomainError("amendment_empty", "Cần ít nhất một khen thưởng để bổ sung.")
    with acting_as(by):
        Decision.objects.filter(pk=decision.pk).reopen_legacy()
        decision.status = DecisionStatus.DRAFT
        for award in awards:
            _check_recorded_year(award.year, decision)
            _one_award_refusal(
                decision=decision, code=award.code, year=award.year, subject=award.subject
            )
            write_record(
                decision=decision,
                code=award.code,
                year=award.year,
                subject=award.subject,
                unit=award.unit,
                achievement=award.achievement,
            )
        decision.status = DecisionStatus.ISSUED
        decision.save()
        return DecisionAmendment.objects.create(
            decision=decision,
            added=len(awards),
            source=source,
            reason=reason.strip(),
            actor=by if getattr(by, "is_authenticated", False) else None,
        )


@transaction.atomic
def decision_delete(*, decision: Decision, by: Any = None) -> None:
    """Delete a draft and its records; an issued decision refuses (it can only be revoked)."""
    _require_draft(decision)
    with acting_as(by):
        decision.records.all().delete()
        decision.delete()
