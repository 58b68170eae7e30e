"""The award history and the decisions behind it. Reads are scoped (404 outside); writes
need the issuing unit in the caller's write scope (403), and an issued decision refuses every
change (409), as the model enforces below this layer."""

# Annotations evaluated at import: see thidua/api/params.py.

from typing import Any

from django.db.models import Count
from django.http import Http404, HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from thidua.accounts.scoping import scope_for
from thidua.api.params import Id, Pages, QueryYear
from thidua.api.schemas import (
    ERRORS,
    READ_ERRORS,
    AmendmentIn,
    AmendmentOut,
    AwardIn,
    AwardOut,
    DecisionIn,
    DecisionOut,
    DecisionPatch,
    RevokeIn,
)
from thidua.awards.choices import RecipientKind
from thidua.awards.commendation_selectors import (
    REVIEWER,
    acting_unit_by_code,
    proposal_get_for_user,
)
from thidua.awards.models import Decision
from thidua.awards.selectors import (
    awards_for_user,
    decision_get_for_user,
    decision_records_for_user,
    decisions_for_user,
)
from thidua.awards.services import (
    RecordedAward,
    award_revoke,
    decision_amend,
    decision_create,
    decision_delete,
    decision_flow,
    decision_issue,
    decision_update,
    recorded_award_add,
)
from thidua.awards.services.decisions import Subject
from thidua.common.errors import DomainError
from thidua.orgs.models import Enterprise, Household, Person, Unit

router = Router(tags=["Khen thưởng"])

SUBJECT_MODELS: dict[str, type[Person | Unit | Household | Enterprise]] = {
    RecipientKind.INDIVIDUAL: Person,
    RecipientKind.COLLECTIVE: Unit,
    RecipientKind.HOUSEHOLD: Household,
    RecipientKind.ENTERPRISE: Enterprise,
}


@router.get("/awards", response={200: list[AwardOut], **READ_ERRORS}, summary="Khen thưởng")
@paginate(Pages, page_size=100)
def list_awards(
    request: HttpRequest, year: QueryYear = None, code: str = "", unit: str = ""
) -> Any:
    """Award records whose unit of the time the caller may see; filter by achievement year,
    code, or a unit's subtree."""
    records = awards_for_user(user=request.user)
    if year is not None:
        records = records.filter(year=year)
    if code:
        records = records.filter(code=code)
    if unit:
        records = records.filter(unit__path__startswith=_readable_unit(request, unit).path)
    return records.order_by("-year", "decision__date", "id")


@router.get("/decisions", response={200: list[DecisionOut], **READ_ERRORS}, summary="Quyết định")
@paginate(Pages, page_size=100)
def list_decisions(request: HttpRequest, status: str = "") -> Any:
    decisions = decisions_for_user(user=request.user).annotate(record_count=Count("records"))
    if status:
        decisions = decisions.filter(status=status)
    return decisions.order_by("-date", "-pk")


@router.get("/decisions/{pk}", response={200: DecisionOut, **READ_ERRORS}, summary="Một quyết định")
def get_decision(request: HttpRequest, pk: Id) -> Any:
    return decision_get_for_user(user=request.user, pk=pk)


@router.get(
    "/decisions/{pk}/awards",
    response={200: list[AwardOut], **READ_ERRORS},
    summary="Danh sách khen thưởng kèm quyết định",
)
@paginate(Pages, page_size=100)
def list_decision_awards(request: HttpRequest, pk: Id) -> Any:
    """The rows the caller may see, as on the decision's page: all for the issuing unit's
    officers, otherwise those of the caller's units."""
    decision = decision_get_for_user(user=request.user, pk=pk)
    return decision_records_for_user(user=request.user, decision=decision).order_by("id")


@router.post("/decisions", response={201: DecisionOut, **ERRORS}, summary="Lập dự thảo quyết định")
def create_decision(request: HttpRequest, payload: DecisionIn) -> Any:
    """Two kinds: ``thidua``, whose list is every candidate the council passed in the named
    proposals (the caller acts for their reviewing unit); ``recorded``, a decision issued
    elsewhere, whose awards are then added one by one as facts."""
    unit = acting_unit_by_code(user=request.user, code=payload.issuing_unit)
    fields = payload.model_dump(exclude={"issuing_unit", "date", "origin", "proposals"})
    if payload.origin == "recorded":
        if payload.proposals:
            raise DomainError(
                "recorded_without_proposals",
                "Quyết định ghi nhận từ nơi khác không lấy danh sách từ đề nghị.",
                field="proposals",
            )
        decision = decision_create(
            decision_date=payload.date, issuing_unit=unit, is_legacy=True, by=request.user, **fields
        )
        return Status(201, decision)
    if not payload.proposals:
        raise DomainError(
            "proposals_required",
            "Quyết định ban hành trên Thi đua lấy danh sách từ các đề nghị đã qua Hội đồng: "
            "nêu mã đề nghị ở “proposals”.",
            field="proposals",
        )
    chosen = [
        proposal_get_for_user(user=request.user, code=code, for_write=REVIEWER)
        for code in payload.proposals
    ]
    decision = decision_flow.decision_from_candidates(
        proposals=chosen,
        issuing_unit=unit,
        by=request.user,
        decision_date=payload.date,
        **fields,
    )
    return Status(201, decision)


@router.patch(
    "/decisions/{pk}", response={200: DecisionOut, **ERRORS}, summary="Sửa dự thảo quyết định"
)
def update_decision(request: HttpRequest, pk: Id, payload: DecisionPatch) -> Any:
    decision = decision_get_for_user(user=request.user, pk=pk, for_write=True)
    return decision_update(
        decision=decision, by=request.user, **payload.model_dump(exclude_unset=True)
    )


@router.delete("/decisions/{pk}", response={204: None, **ERRORS}, summary="Xóa dự thảo quyết định")
def delete_decision(request: HttpRequest, pk: Id) -> Any:
    decision = decision_get_for_user(user=request.user, pk=pk, for_write=True)
    decision_delete(decision=decision, by=request.user)
    return Status(204, None)


@router.post(
    "/decisions/{pk}/awards",
    response={201: AwardOut, **ERRORS},
    summary="Thêm khen thưởng vào dự thảo quyết định ghi nhận từ nơi khác",
)
def add_award(request: HttpRequest, pk: Id, payload: AwardIn) -> Any:
    """Only a decision recorded from elsewhere takes awards one by one; a decision issued in
    Thi đua holds the candidates its proposals passed (400)."""
    decision = decision_get_for_user(user=request.user, pk=pk, for_write=True)
    award = _recorded_award(request, payload)
    record = recorded_award_add(
        decision=decision,
        code=award.code,
        year=award.year,
        subject=award.subject,
        unit=award.unit,
        achievement=award.achievement,
        by=request.user,
    )
    return Status(201, record)


@router.post(
    "/decisions/{pk}/amendments",
    response={201: AmendmentOut, **ERRORS},
    summary="Bổ sung danh sách quyết định ghi nhận từ nơi khác",
)
def amend_decision(request: HttpRequest, pk: Id, payload: AmendmentIn) -> Any:
    decision = decision_get_for_user(user=request.user, pk=pk, for_write=True)
    amendment = decision_amend(
        decision=decision,
        awards=[_recorded_award(request, a) for a in payload.awards],
        reason=payload.reason,
        source="API",
        by=request.user,
    )
    return Status(201, amendment)


@router.post(
    "/decisions/{pk}/issue", response={200: DecisionOut, **ERRORS}, summary="Ban hành quyết định"
)
def issue_decision(request: HttpRequest, pk: Id) -> Any:
    decision: Decision = decision_get_for_user(user=request.user, pk=pk, for_write=True)
    return decision_issue(decision=decision, by=request.user)


@router.post(
    "/decisions/{pk}/awards/{record}/revoke",
    response={200: AwardOut, **ERRORS},
    summary="Hủy bỏ một khen thưởng (khoản 2 Điều 93)",
)
def revoke_award(request: HttpRequest, pk: Id, record: Id, payload: RevokeIn) -> Any:
    decision = decision_get_for_user(user=request.user, pk=pk, for_write=True)
    target = decision.records.filter(pk=record).first()
    if target is None:
        raise Http404("Không tìm thấy khen thưởng trong quyết định.")
    award_revoke(record=target, by=request.user, **payload.model_dump())
    return decision_records_for_user(user=request.user, decision=decision).get(pk=target.pk)


def _recorded_award(request: HttpRequest, payload: AwardIn) -> RecordedAward:
    unit = None
    if payload.unit:
        unit = Unit.objects.filter(code=payload.unit).first()
        if unit is None or not scope_for(request.user).can_write(unit.pk):
            raise DomainError(
                "unknown_unit",
                f"Không có đơn vị mã “{payload.unit}” trong phạm vi của anh/chị.",
                field="unit",
            )
    return RecordedAward(
        code=payload.code,
        year=payload.year,
        subject=_subject(request, payload.recipient_kind, payload.recipient_code),
        unit=unit,
        achievement=payload.achievement,
    )


def _readable_unit(request: HttpRequest, code: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None or not scope_for(request.user).can_read(unit.pk):
        raise Http404("Không tìm thấy đơn vị.")
    return unit


def _subject(request: HttpRequest, kind: str, code: str) -> Subject:
    model = SUBJECT_MODELS.get(kind)
    if model is None:
        raise DomainError(
            "unknown_recipient_kind",
            "Loại đối tượng phải là individual, collective, household hoặc enterprise.",
            field="recipient_kind",
        )
    subject = model.objects.filter(code=code).first()
    unit_id = subject.pk if isinstance(subject, Unit) else getattr(subject, "unit_id", None)
    if subject is None or not scope_for(request.user).can_write(unit_id):
        raise DomainError(
            "unknown_recipient",
            f"Không có đối tượng mã “{code}” trong phạm vi đơn vị của anh/chị.",
            field="recipient_code",
        )
    return subject
