"""The award history and the decisions behind it. Reads are scoped (404 outside); writes
need the issuing unit in the caller's write scope (403), and an issued decision refuses every
change (409), as the model enforces below this layer."""

# Annotations evaluated at import: see thidua/api/params.py.

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from thidua.accounts.scoping import scope_for
from thidua.api.params import Id, Pages
from thidua.api.schemas import (
    ERRORS,
    READ_ERRORS,
    AwardIn,
    AwardOut,
    DecisionIn,
    DecisionOut,
    DecisionPatch,
)
from thidua.awards.choices import RecipientKind
from thidua.awards.models import Decision
from thidua.awards.selectors import awards_for_user, decision_get_for_user, decisions_for_user
from thidua.awards.services import (
    award_record_add,
    decision_create,
    decision_delete,
    decision_issue,
    decision_update,
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
    request: HttpRequest, year: int | None = None, code: str = "", unit: str = ""
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
    decisions = decisions_for_user(user=request.user)
    if status:
        decisions = decisions.filter(status=status)
    return decisions


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
    decision = decision_get_for_user(user=request.user, pk=pk)
    return awards_for_user(user=request.user).filter(decision=decision).order_by("id")


@router.post("/decisions", response={201: DecisionOut, **ERRORS}, summary="Tạo dự thảo quyết định")
def create_decision(request: HttpRequest, payload: DecisionIn) -> Any:
    unit = Unit.objects.filter(code=payload.issuing_unit).first()
    if unit is None or not scope_for(request.user).can_write(unit.pk):
        raise PermissionDenied("Anh/chị không có quyền ban hành quyết định cho đơn vị này.")
    fields = payload.model_dump(exclude={"issuing_unit", "date"})
    decision = decision_create(decision_date=payload.date, issuing_unit=unit, **fields)
    return Status(201, decision)


@router.patch(
    "/decisions/{pk}", response={200: DecisionOut, **ERRORS}, summary="Sửa dự thảo quyết định"
)
def update_decision(request: HttpRequest, pk: Id, payload: DecisionPatch) -> Any:
    decision = decision_get_for_user(user=request.user, pk=pk, for_write=True)
    return decision_update(decision=decision, **payload.model_dump(exclude_unset=True))


@router.delete("/decisions/{pk}", response={204: None, **ERRORS}, summary="Xóa dự thảo quyết định")
def delete_decision(request: HttpRequest, pk: Id) -> Any:
    decision = decision_get_for_user(user=request.user, pk=pk, for_write=True)
    decision_delete(decision=decision)
    return Status(204, None)


@router.post(
    "/decisions/{pk}/awards",
    response={201: AwardOut, **ERRORS},
    summary="Thêm khen thưởng vào dự thảo quyết định",
)
def add_award(request: HttpRequest, pk: Id, payload: AwardIn) -> Any:
    decision = decision_get_for_user(user=request.user, pk=pk, for_write=True)
    subject = _subject(request, payload.recipient_kind, payload.recipient_code)
    record = award_record_add(
        decision=decision,
        code=payload.code,
        year=payload.year,
        subject=subject,
        achievement=payload.achievement,
    )
    return Status(201, record)


@router.post(
    "/decisions/{pk}/issue", response={200: DecisionOut, **ERRORS}, summary="Ban hành quyết định"
)
def issue_decision(request: HttpRequest, pk: Id) -> Any:
    decision: Decision = decision_get_for_user(user=request.user, pk=pk, for_write=True)
    return decision_issue(decision=decision)


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
