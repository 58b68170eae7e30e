"""The emulation cycle: clusters and their leaders, movements, the covenant and its
signatures, registrations, score sheets, the ranking and its nominations.

Thin over the same selectors and services as the pages: a record outside the caller's scope
answers 404 to a read; a write the caller may not make answers 403 (the service refuses);
once a ranking is published every change of its points answers 409."""

# Annotations evaluated at import: see thidua/api/params.py.

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import File, Router, Status, UploadedFile
from ninja.pagination import paginate

from thidua.accounts.scoping import scope_for
from thidua.api.params import Id, Pages, PathYear, QueryYear
from thidua.api.schemas import ERRORS, READ_ERRORS
from thidua.api.schemas_emulation import (
    AdvanceIn,
    ClusterDetail,
    ClusterOut,
    ConferenceIn,
    CorrectionIn,
    CovenantOut,
    CriterionIn,
    LineIn,
    MovementIn,
    MovementOut,
    NominationOut,
    RankingOut,
    ReasonIn,
    RecuseOut,
    RegistrationIn,
    RegistrationOut,
    ReviewerIn,
    SheetDetail,
    SheetOut,
    ShortfallOut,
    SignatureOut,
    SignIn,
    StartIn,
)
from thidua.common.errors import DomainError
from thidua.emulation.choices import ScoreSheetStatus
from thidua.emulation.models import Cluster, Covenant, Criterion, ScoreSheet
from thidua.emulation.results import criteria_tree
from thidua.emulation.selectors import (
    cluster_get_for_user,
    cluster_members,
    clusters_for_user,
    covenant_for_cluster,
    criteria_rows,
    movement_get_for_user,
    movements_for_user,
    nominations_for_user,
    ranking_view,
    registration_get_for_user,
    registrations_for_user,
    scoring_tasks,
    sheet_get_for_user,
)
from thidua.emulation.services import (
    ConferenceSigner,
    LineInput,
    covenant_conference_record,
    covenant_open,
    covenant_reopen,
    covenant_sign,
    covenant_signature_correct,
    criterion_add,
    criterion_remove,
    criterion_update,
    movement_advance,
    movement_create,
    ranking_publish,
    registration_approve,
    registration_create,
    registration_return,
    registration_submit,
    review_recuse,
    review_shortfalls,
    reviewer_assign,
    reviewers_assign,
    score_line_change,
    score_lines_save,
    score_sheet_submit,
    self_sheet_start,
)
from thidua.orgs.models import Person, Unit

router = Router(tags=["Thi đua"])
CLUSTER = "/clusters/{code}/{year}"


# Cụm, khối thi đua ------------------------------------------------------------------------


@router.get("/clusters", response={200: list[ClusterOut], **READ_ERRORS}, summary="Cụm, khối")
@paginate(Pages, page_size=100)
def list_clusters(request: HttpRequest, year: QueryYear = None) -> Any:
    """Clusters and blocks whose organiser or a member the caller acts for (or is above)."""
    return clusters_for_user(user=request.user, year=year)


@router.get(
    CLUSTER,
    response={200: ClusterDetail, **READ_ERRORS},
    summary="Một cụm, khối của một năm: thành viên, cụm trưởng, cụm phó qua các năm",
)
def get_cluster(request: HttpRequest, code: str, year: PathYear) -> Any:
    return cluster_get_for_user(user=request.user, code=code, year=year)


# Phong trào thi đua ------------------------------------------------------------------------


@router.get(
    "/movements", response={200: list[MovementOut], **READ_ERRORS}, summary="Phong trào thi đua"
)
@paginate(Pages, page_size=100)
def list_movements(request: HttpRequest, year: QueryYear = None, status: str = "") -> Any:
    """Drafts of the caller's units, and launched movements whose scope reaches them."""
    movements = movements_for_user(user=request.user, year=year).prefetch_related("scope")
    return movements.filter(status=status) if status else movements


@router.get("/movements/{pk}", response={200: MovementOut, **READ_ERRORS}, summary="Một phong trào")
def get_movement(request: HttpRequest, pk: Id) -> Any:
    return movement_get_for_user(user=request.user, pk=pk)


@router.post(
    "/movements", response={201: MovementOut, **ERRORS}, summary="Tạo phong trào (bản nháp)"
)
def create_movement(request: HttpRequest, payload: MovementIn) -> Any:
    launcher = _acting_unit(payload.launched_by, "phát động phong trào")
    fields = payload.model_dump(exclude={"launched_by", "scope"})
    movement = movement_create(
        by=request.user,
        launched_by=launcher,
        scope=_units(payload.scope, field="scope"),
        **fields,
    )
    return Status(201, movement)


@router.post(
    "/movements/{pk}/advance",
    response={200: MovementOut, **ERRORS},
    summary="Chuyển phong trào sang giai đoạn tiếp theo",
)
def advance_movement(request: HttpRequest, pk: Id, payload: AdvanceIn) -> Any:
    movement = movement_get_for_user(user=request.user, pk=pk)
    return movement_advance(movement=movement, by=request.user, to=payload.to)


# Giao ước thi đua ------------------------------------------------------------------------


@router.get(
    CLUSTER + "/covenant",
    response={200: CovenantOut, **READ_ERRORS},
    summary="Giao ước thi đua của cụm, khối: cây tiêu chí, điểm tối đa, các đơn vị đã ký",
)
def get_covenant(request: HttpRequest, code: str, year: PathYear) -> Any:
    return _covenant_out(_covenant(request, code, year))


@router.post(
    CLUSTER + "/covenant/signatures",
    response={201: SignatureOut, **ERRORS},
    summary="Đơn vị thành viên ký giao ước",
)
def sign_covenant(request: HttpRequest, code: str, year: PathYear, payload: SignIn) -> Any:
    covenant = _covenant(request, code, year)
    signature = covenant_sign(
        covenant=covenant,
        unit=_acting_unit(payload.unit, "ký giao ước"),
        by=request.user,
        signer_name=payload.signer_name,
        signer_title=payload.signer_title,
    )
    return Status(201, signature)


def _criterion(covenant: Covenant, pk: int | None, *, field: str) -> Criterion | None:
    if pk is None:
        return None
    criterion = covenant.criteria.filter(pk=pk).first()
    if criterion is None:
        raise DomainError("unknown_criterion", f"Giao ước không có tiêu chí số {pk}.", field=field)
    return criterion


def _criterion_in(covenant: Covenant, pk: int) -> Criterion:
    criterion = covenant.criteria.filter(pk=pk).first()
    if criterion is None:
        raise Http404(f"Giao ước không có tiêu chí số {pk}.")
    return criterion


def _criterion_fields(covenant: Covenant, payload: CriterionIn) -> dict[str, Any]:
    data = payload.dict()
    data["parent"] = _criterion(covenant, payload.parent, field="parent")
    return data


@router.post(
    CLUSTER + "/covenant/criteria",
    response={201: CovenantOut, **ERRORS},
    summary="Thêm tiêu chí vào dự thảo giao ước (nhóm không vượt điểm tối đa)",
)
def add_criterion(request: HttpRequest, code: str, year: PathYear, payload: CriterionIn) -> Any:
    covenant = _covenant(request, code, year)
    criterion_add(covenant=covenant, by=request.user, **_criterion_fields(covenant, payload))
    return Status(201, _covenant_out(_covenant(request, code, year)))


@router.put(
    CLUSTER + "/covenant/criteria/{pk}",
    response={200: CovenantOut, **ERRORS},
    summary="Sửa một tiêu chí của dự thảo giao ước",
)
def update_criterion(
    request: HttpRequest, code: str, year: PathYear, pk: Id, payload: CriterionIn
) -> Any:
    covenant = _covenant(request, code, year)
    criterion = _criterion_in(covenant, pk)
    criterion_update(criterion=criterion, by=request.user, **_criterion_fields(covenant, payload))
    return _covenant_out(_covenant(request, code, year))  # afresh: its rows changed


@router.delete(
    CLUSTER + "/covenant/criteria/{pk}",
    response={200: CovenantOut, **ERRORS},
    summary="Xóa một tiêu chí của dự thảo giao ước",
)
def remove_criterion(request: HttpRequest, code: str, year: PathYear, pk: Id) -> Any:
    covenant = _covenant(request, code, year)
    criterion = _criterion_in(covenant, pk)
    criterion_remove(criterion=criterion, by=request.user)
    return _covenant_out(_covenant(request, code, year))  # afresh: its rows changed


@router.post(
    CLUSTER + "/covenant/open",
    response={200: CovenantOut, **ERRORS},
    summary="Đưa giao ước ra ký kết",
)
def open_covenant(request: HttpRequest, code: str, year: PathYear) -> Any:
    covenant = _covenant(request, code, year)
    covenant_open(covenant=covenant, by=request.user)
    return _covenant_out(_covenant(request, code, year))  # afresh: its rows changed


@router.post(
    CLUSTER + "/covenant/reopen",
    response={200: CovenantOut, **ERRORS},
    summary="Đưa giao ước về dự thảo (khi chưa đơn vị nào ký)",
)
def reopen_covenant(request: HttpRequest, code: str, year: PathYear, payload: ReasonIn) -> Any:
    covenant = _covenant(request, code, year)
    covenant_reopen(covenant=covenant, by=request.user, reason=payload.reason)
    return _covenant_out(_covenant(request, code, year))  # afresh: its rows changed


@router.post(
    CLUSTER + "/covenant/conference",
    response={200: CovenantOut, **ERRORS},
    summary="Ghi hội nghị ký kết (ngày, nơi) và người ký cho từng đơn vị",
)
def record_conference(
    request: HttpRequest, code: str, year: PathYear, payload: ConferenceIn
) -> Any:
    covenant = _covenant(request, code, year)
    units = _units([s.unit for s in payload.signers], field="signers")
    covenant_conference_record(
        covenant=covenant,
        by=request.user,
        held_on=payload.held_on,
        place=payload.place,
        note=payload.note,
        signers=[
            ConferenceSigner(unit, s.signer_name, s.signer_title)
            for unit, s in zip(units, payload.signers, strict=True)
        ],
    )
    return _covenant_out(_covenant(request, code, year))  # afresh: its rows changed


@router.post(
    CLUSTER + "/covenant/signatures/{pk}/correct",
    response={200: SignatureOut, **ERRORS},
    summary="Đính chính chữ ký giao ước (kèm lý do, giữ lịch sử)",
)
def correct_signature(
    request: HttpRequest, code: str, year: PathYear, pk: Id, payload: CorrectionIn
) -> Any:
    covenant = _covenant(request, code, year)
    signature = covenant.signatures.filter(pk=pk).first()
    if signature is None:
        raise Http404("Không tìm thấy chữ ký.")
    return covenant_signature_correct(signature=signature, by=request.user, **payload.dict())


# Đăng ký thi đua ------------------------------------------------------------------------


@router.get(
    "/registrations",
    response={200: list[RegistrationOut], **READ_ERRORS},
    summary="Đăng ký thi đua của năm",
)
@paginate(Pages, page_size=100)
def list_registrations(
    request: HttpRequest, year: QueryYear = None, status: str = "", unit: str = ""
) -> Any:
    """Registrations of the caller's units and the units under them (this year by default);
    ``unit`` narrows to one unit's subtree."""
    subtree = None
    if unit:
        subtree = Unit.objects.filter(code=unit).first()
        if subtree is None or not scope_for(request.user).can_read(subtree.pk):
            raise Http404("Không tìm thấy đơn vị.")
    return registrations_for_user(
        user=request.user,
        year=year or timezone.localdate().year,
        status=status,
        unit=subtree,
    )


@router.get(
    "/registrations/{pk}",
    response={200: RegistrationOut, **READ_ERRORS},
    summary="Một đăng ký thi đua",
)
def get_registration(request: HttpRequest, pk: Id) -> Any:
    return registration_get_for_user(user=request.user, pk=pk)


@router.post(
    "/registrations",
    response={201: RegistrationOut, **ERRORS},
    summary="Đăng ký thi đua (gửi duyệt ngay, hoặc lưu nháp với submit=false)",
)
def create_registration(request: HttpRequest, payload: RegistrationIn) -> Any:
    registration = registration_create(
        by=request.user,
        year=payload.year,
        unit=_acting_unit(payload.unit, "đăng ký thi đua"),
        target=payload.target,
        person=_person(request, payload.person) if payload.person else None,
        movement=_movement(request, payload.movement) if payload.movement else None,
    )
    if payload.submit:
        registration = registration_submit(registration=registration, by=request.user)
    return Status(201, registration)


@router.post(
    "/registrations/{pk}/submit",
    response={200: RegistrationOut, **ERRORS},
    summary="Gửi duyệt đăng ký (lần đầu hoặc sau khi bị trả lại)",
)
def submit_registration(request: HttpRequest, pk: Id) -> Any:
    registration = registration_get_for_user(user=request.user, pk=pk)
    return registration_submit(registration=registration, by=request.user)


@router.post(
    "/registrations/{pk}/approve",
    response={200: RegistrationOut, **ERRORS},
    summary="Phê duyệt đăng ký",
)
def approve_registration(request: HttpRequest, pk: Id) -> Any:
    registration = registration_get_for_user(user=request.user, pk=pk)
    return registration_approve(registration=registration, by=request.user)


@router.post(
    "/registrations/{pk}/return",
    response={200: RegistrationOut, **ERRORS},
    summary="Trả lại đăng ký kèm lý do",
)
def return_registration(request: HttpRequest, pk: Id, payload: ReasonIn) -> Any:
    registration = registration_get_for_user(user=request.user, pk=pk)
    return registration_return(registration=registration, by=request.user, reason=payload.reason)


# Chấm điểm ------------------------------------------------------------------------------


@router.get(
    CLUSTER + "/sheets",
    response={200: list[SheetOut], **READ_ERRORS},
    summary="Bảng điểm của cụm, khối mà anh/chị được xem",
)
def list_sheets(request: HttpRequest, code: str, year: PathYear) -> Any:
    covenant = _covenant(request, code, year)
    readable = scoring_tasks(user=request.user, covenant=covenant).readable
    return _sheets(ScoreSheet.objects.filter(pk__in=readable))


@router.post(
    CLUSTER + "/sheets",
    response={201: SheetDetail, **ERRORS},
    summary="Mở bảng tự chấm điểm của đơn vị thành viên (sau khi đã ký giao ước)",
)
def start_sheet(request: HttpRequest, code: str, year: PathYear, payload: StartIn) -> Any:
    covenant = _covenant(request, code, year)
    unit = _acting_unit(payload.unit, "tự chấm điểm")
    sheet = self_sheet_start(covenant=covenant, unit=unit, by=request.user)
    return Status(201, _sheet_out(sheet_get_for_user(user=request.user, pk=sheet.pk)))


@router.post(
    CLUSTER + "/reviewers",
    response={200: list[SheetOut], **ERRORS},
    summary="Phân công chấm chéo theo quy chế của cụm, khối (trả về các phân công mới)",
)
def assign_reviewers(request: HttpRequest, code: str, year: PathYear) -> Any:
    covenant = _covenant(request, code, year)
    created = reviewers_assign(covenant=covenant, by=request.user)
    return _sheets(ScoreSheet.objects.filter(pk__in=[s.pk for s in created]))


@router.get(
    CLUSTER + "/reviewers/shortfalls",
    response={200: list[ShortfallOut], **READ_ERRORS},
    summary="Thành viên còn thiếu đơn vị chấm so với quy chế, và đơn vị có thể chấm thay",
)
def list_shortfalls(request: HttpRequest, code: str, year: PathYear) -> Any:
    return review_shortfalls(covenant=_covenant(request, code, year))


@router.post(
    CLUSTER + "/reviewers/manual",
    response={201: SheetOut, **ERRORS},
    summary="Phân công bằng tay một đơn vị chấm thay (cụm trưởng hoặc cơ quan tổ chức)",
)
def assign_reviewer_by_hand(
    request: HttpRequest, code: str, year: PathYear, payload: ReviewerIn
) -> Any:
    covenant = _covenant(request, code, year)
    unit, reviewer = _units([payload.unit, payload.reviewer], field="reviewer")
    sheet = reviewer_assign(covenant=covenant, unit=unit, reviewer=reviewer, by=request.user)
    return Status(201, _sheets(ScoreSheet.objects.filter(pk=sheet.pk))[0])


@router.get(
    "/sheets/{pk}",
    response={200: SheetDetail, **READ_ERRORS},
    summary="Một bảng điểm: điểm từng tiêu chí, lịch sử thay đổi, tổng điểm",
)
def get_sheet(request: HttpRequest, pk: Id) -> Any:
    return _sheet_out(sheet_get_for_user(user=request.user, pk=pk))


@router.put(
    "/sheets/{pk}/lines/{criterion}",
    response={200: SheetDetail, **ERRORS},
    summary="Chấm điểm một tiêu chí (bảng đã gửi: thay đổi cần lý do)",
)
def put_line(request: HttpRequest, pk: Id, criterion: Id, payload: LineIn) -> Any:
    """On a sheet not yet sent, the points and note are stored; on a sent sheet the points
    change only with a ``reason``, kept in the history (400 without one); once the ranking is
    published, 409."""
    sheet = sheet_get_for_user(user=request.user, pk=pk)
    if sheet.status == ScoreSheetStatus.DRAFT:
        entries = {criterion: LineInput(payload.points, payload.note, payload.occurrences)}
        score_lines_save(sheet=sheet, by=request.user, entries=entries)
    else:
        line = sheet.lines.filter(criterion_id=criterion).first()
        if line is None:
            raise Http404("Bảng điểm không có điểm của tiêu chí này.")
        score_line_change(line=line, by=request.user, points=payload.points, reason=payload.reason)
    return _sheet_out(sheet)


@router.post(
    "/sheets/{pk}/lines/{criterion}/evidence",
    response={200: SheetDetail, **ERRORS},
    summary="Đính kèm minh chứng cho một tiêu chí (PDF, Word, Excel, JPG, PNG; tối đa 10 MB)",
)
def put_evidence(request: HttpRequest, pk: Id, criterion: Id, file: File[UploadedFile]) -> Any:
    sheet = sheet_get_for_user(user=request.user, pk=pk)
    score_lines_save(sheet=sheet, by=request.user, entries={}, evidence={criterion: file})
    return _sheet_out(sheet)


@router.post("/sheets/{pk}/submit", response={200: SheetDetail, **ERRORS}, summary="Gửi bảng điểm")
def submit_sheet(request: HttpRequest, pk: Id) -> Any:
    sheet = sheet_get_for_user(user=request.user, pk=pk)
    return _sheet_out(score_sheet_submit(sheet=sheet, by=request.user))


@router.post(
    "/sheets/{pk}/recuse",
    response={200: RecuseOut, **ERRORS},
    summary="Từ chối chấm do xung đột lợi ích (trả về phân công chấm thay, nếu có)",
)
def recuse_sheet(request: HttpRequest, pk: Id, payload: ReasonIn) -> Any:
    sheet = sheet_get_for_user(user=request.user, pk=pk)
    replacement = review_recuse(sheet=sheet, by=request.user, reason=payload.reason)
    rows = [] if replacement is None else _sheets(ScoreSheet.objects.filter(pk=replacement.pk))
    return {"replacement": rows[0] if rows else None}


# Xếp hạng, đề xuất khen thưởng ------------------------------------------------------------


@router.get(
    CLUSTER + "/ranking",
    response={200: RankingOut, **READ_ERRORS},
    summary="Kết quả xếp hạng (đã công bố, hoặc tạm tính khi chưa công bố)",
)
def get_ranking(request: HttpRequest, code: str, year: PathYear) -> Any:
    return _ranking_out(_covenant(request, code, year))


@router.post(
    CLUSTER + "/ranking/publish",
    response={200: RankingOut, **ERRORS},
    summary="Công bố kết quả xếp hạng (khóa mọi bảng điểm)",
)
def publish_ranking(request: HttpRequest, code: str, year: PathYear) -> Any:
    covenant = _covenant(request, code, year)
    ranking_publish(covenant=covenant, by=request.user)
    return _ranking_out(covenant)


@router.get(
    "/nominations",
    response={200: list[NominationOut], **READ_ERRORS},
    summary="Đề xuất khen thưởng từ kết quả xếp hạng đã công bố",
)
@paginate(Pages, page_size=100)
def list_nominations(request: HttpRequest, year: QueryYear = None, cluster: str = "") -> Any:
    """Each with its basis ("Đơn vị dẫn đầu cụm thi đua") and legal citation, for the
    proposal workflow."""
    return nominations_for_user(user=request.user, year=year, cluster=cluster)


# Helpers ---------------------------------------------------------------------------------


def _acting_unit(code: str, what: str) -> Unit:
    """The unit named in a write; the service then checks the caller acts for it (403).
    An unknown code is refused the same way, so a write never tells what exists."""
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise PermissionDenied(f"Anh/chị không được {what} thay cho đơn vị mã “{code}”.")
    return unit


def _units(codes: Sequence[str], *, field: str) -> list[Unit]:
    units = {u.code: u for u in Unit.objects.filter(code__in=codes)}
    missing = [c for c in codes if c not in units]
    if missing:
        raise DomainError("unknown_unit", f"Không có đơn vị mã “{missing[0]}”.", field=field)
    return [units[c] for c in codes]


def _person(request: HttpRequest, code: str) -> Person:
    person = Person.objects.filter(code=code).select_related("unit").first()
    if person is None or not scope_for(request.user).can_read(person.unit_id):
        raise DomainError(
            "unknown_person", f"Không tìm thấy cá nhân có mã “{code}”.", field="person"
        )
    return person


def _movement(request: HttpRequest, pk: int) -> Any:
    movement = movements_for_user(user=request.user).filter(pk=pk).first()
    if movement is None:
        raise DomainError(
            "unknown_movement", f"Không tìm thấy phong trào số {pk}.", field="movement"
        )
    return movement


def _covenant(request: HttpRequest, code: str, year: int) -> Covenant:
    cluster: Cluster = cluster_get_for_user(user=request.user, code=code, year=year)
    covenant = covenant_for_cluster(cluster=cluster)
    if covenant is None:
        raise Http404("Cụm, khối chưa có giao ước thi đua năm này.")
    return covenant


def _covenant_out(covenant: Covenant) -> dict[str, Any]:
    criteria = list(covenant.criteria.all())
    nodes: dict[int, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for row in criteria_rows(covenant=covenant):
        c: Criterion = row.criterion
        node = {
            "id": c.pk,
            "number": c.number,
            "text": c.text,
            "kind": c.kind,
            "max_points": c.max_points,
            "per_occurrence": c.per_occurrence,
            "evidence": c.evidence,
            "children": [],
        }
        nodes[c.pk] = node
        (nodes[c.parent_id]["children"] if c.parent_id else roots).append(node)
    signatures = list(covenant.signatures.all())
    signed = {s.unit_id for s in signatures}
    cluster = covenant.cluster
    return {
        "id": covenant.pk,
        "cluster": cluster.code,
        "year": cluster.year,
        "title": covenant.title,
        "status": covenant.status,
        "status_label": covenant.get_status_display(),
        "signed_on": covenant.signed_on,
        "conference_on": covenant.conference_on,
        "conference_place": covenant.conference_place,
        "conference_note": covenant.conference_note,
        "maximum": criteria_tree(criteria).maximum,
        "criteria": roots,
        "signatures": signatures,
        "unsigned": [m.unit for m in cluster_members(cluster=cluster) if m.unit_id not in signed],
    }


def _sheets(rows: Any) -> list[ScoreSheet]:
    return list(
        rows.select_related("covenant__cluster", "unit", "reviewer").order_by(
            "unit__sort_key", "reviewer__sort_key", "pk"
        )
    )


def _sheet_out(sheet: ScoreSheet) -> ScoreSheet:
    """The sheet as it now stands (a service may have changed its status)."""
    sheet.refresh_from_db(fields=["status", "submitted_at", "recusal_reason"])
    return sheet


def _ranking_out(covenant: Covenant) -> dict[str, Any]:
    view = ranking_view(covenant=covenant)
    return {
        "cluster": covenant.cluster.code,
        "year": covenant.cluster.year,
        "published": view.published is not None,
        "published_at": view.published.published_at if view.published else None,
        "maximum": view.maximum,
        "complete": view.results.complete if view.results else True,
        "rows": view.rows,
    }
