"""Xét khen thưởng: the law engine's answer through the caller's scope, as the "Đủ điều kiện"
page and the person's profile show it. A unit or person outside the scope is 404."""

# Annotations evaluated at import: see thidua/api/params.py.

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from thidua.api.errors import error_body
from thidua.api.params import QueryYear
from thidua.api.schemas import READ_ERRORS, RuleCriterionOut, UnitRef
from thidua.awards.eligibility_selectors import (
    KINDS,
    EligibilityInputError,
    EligibilityRow,
    Filters,
    check_year,
    default_year,
    eligibility_listing,
    eligibility_unit_for_user,
    person_eligibility,
)
from thidua.common.params import TEXT_MAX_LENGTH, YEAR_MAX, YEAR_MIN
from thidua.core.catalog import BY_CODE
from thidua.core.rules import Verdict
from thidua.core.rules.quotas import QuotaCheck
from thidua.orgs.selectors import person_get_for_user

router = Router(tags=["Xét khen thưởng"])


class GroundOut(Schema):
    text: str
    citation: str


class VerdictOut(Schema):
    code: str
    name: str
    kind: str = Field(
        description="danh_hieu (danh hiệu thi đua) | hinh_thuc (hình thức khen thưởng)"
    )
    eligible: bool | None = Field(description="null khi tiêu chuẩn do địa phương quy định")
    criteria: list[RuleCriterionOut]
    missing: list[RuleCriterionOut] = Field(description="Các tiêu chuẩn chưa đạt")
    to_confirm: list[str] = Field(description="Tiêu chuẩn định tính do Hội đồng xem xét")
    other_grounds: list[GroundOut]
    decider: str | None
    standing: str = Field(
        "",
        description="Với danh hiệu, hình thức đủ điều kiện: “Đã có quyết định” khi quyết định "
        "năm đó đã tặng; “Đã có …” khi đã có hình thức khác cho cùng thành tích năm (không "
        "tặng thêm); rỗng nếu chưa có",
    )


class SubjectOut(Schema):
    kind: str = Field(description="individual | collective | household")
    code: str
    name: str
    unit: UnitRef
    eligible: list[VerdictOut] = Field(description="Đủ điều kiện")
    one_short: list[VerdictOut] = Field(description="Còn thiếu đúng một tiêu chuẩn")


class QuotaOut(Schema):
    code: str
    name: str
    count: int
    base: int
    percent: int
    limit: int
    within: bool
    message: str
    citation: str


class UnitQuotasOut(Schema):
    unit: UnitRef
    checks: list[QuotaOut]


class EligibilityOut(Schema):
    year: int
    rule_set: str
    unit: UnitRef
    subjects: list[SubjectOut]
    quotas: list[UnitQuotasOut]


class NextStepOut(Schema):
    code: str
    name: str
    missing: list[RuleCriterionOut]
    earliest_year: int | None = Field(
        description="Năm sớm nhất có thể đạt nếu mỗi năm từ nay đều tốt; null: ngoài 15 năm"
    )


class PersonWithUnitRef(Schema):
    code: str
    full_name: str
    unit: UnitRef


class PersonEligibilityOut(Schema):
    person: PersonWithUnitRef
    year: int
    rule_set: str
    results: list[VerdictOut]
    next_steps: list[NextStepOut]


class EligibilityQuery(Schema):
    unit: str = Field(description="Mã đơn vị (gồm cả các đơn vị trực thuộc)")
    year: int = Field(description="Năm thành tích", ge=YEAR_MIN, le=YEAR_MAX)
    form: str = Field("", description="Mã danh hiệu, hình thức (spec/rules-cli.md)")
    kind: str = Field("", description="ca-nhan | tap-the | ho-gia-dinh")
    q: str = Field("", description="Tên hoặc mã, không phân biệt dấu", max_length=TEXT_MAX_LENGTH)


def _verdict(verdict: Verdict) -> dict[str, Any]:
    body = verdict.as_json()
    body["kind"] = BY_CODE[verdict.code].kind.value
    body["missing"] = [c.as_json() for c in verdict.unmet]
    return body


def _quota(check: QuotaCheck) -> dict[str, Any]:
    return {**check.as_json(), "name": BY_CODE[check.code].name}


def _subjects(rows: list[EligibilityRow], short: list[EligibilityRow]) -> list[dict[str, Any]]:
    """One entry per subject, in the order of the listing (Vietnamese name order)."""
    found: dict[tuple[str, int], dict[str, Any]] = {}
    for key, group in (("eligible", rows), ("one_short", short)):
        for row in group:
            subject = row.subject
            entry = found.setdefault(
                (row.kind, subject.row.id),
                {
                    "kind": row.kind,
                    "code": row.code,
                    "name": row.name,
                    "unit": {"code": subject.unit.code, "name": subject.unit.name},
                    "eligible": [],
                    "one_short": [],
                },
            )
            body = _verdict(row.verdict)
            if key == "eligible":
                body["standing"] = row.standing
            entry[key].append(body)
    return list(found.values())


def _refused(error: EligibilityInputError) -> Status[dict[str, Any]]:
    """A filter the engine cannot answer: 422 naming the query field, in the API's shape
    (``form`` is a field here, not the source the validation handler would strip)."""
    errors = [{"field": error.field, "message": error.message}]
    body = error_body("Dữ liệu gửi lên không hợp lệ.", errors)
    return Status(422, body)


@router.get(
    "/eligibility",
    response={200: EligibilityOut, **READ_ERRORS},
    summary="Đủ điều kiện: ai đủ điều kiện, ai còn thiếu một tiêu chuẩn",
)
def unit_eligibility(request: HttpRequest, params: Query[EligibilityQuery]) -> Any:
    """Mọi cá nhân, tập thể, hộ gia đình thuộc đơn vị (kể cả đơn vị trực thuộc) được đối
    chiếu với tiêu chuẩn của năm thành tích: danh hiệu, hình thức đủ điều kiện và những
    trường hợp còn thiếu đúng một tiêu chuẩn (kèm căn cứ); tỷ lệ khống chế theo đơn vị.
    Đơn vị không có hoặc ngoài phạm vi được giao: 404."""
    unit = eligibility_unit_for_user(user=request.user, code=params.unit)
    try:
        if params.kind and params.kind not in KINDS:
            raise EligibilityInputError(
                "kind", "Đối tượng phải là ca-nhan, tap-the hoặc ho-gia-dinh."
            )
        filters = Filters.of(form=params.form, kind=params.kind, query=params.q)
        listing = eligibility_listing(unit=unit, year=params.year, filters=filters)
    except EligibilityInputError as error:
        return _refused(error)
    scan = listing.scan
    return {
        "year": scan.year,
        "rule_set": scan.rule_set,
        "unit": {"code": unit.code, "name": unit.name},
        "subjects": _subjects(listing.eligible, listing.one_short),
        "quotas": [
            {
                "unit": {"code": q.unit.code, "name": q.unit.name},
                "checks": [_quota(c) for c in q.checks],
            }
            for q in listing.quotas
        ],
    }


@router.get(
    "/people/{code}/eligibility",
    response={200: PersonEligibilityOut, **READ_ERRORS},
    summary="Xét danh hiệu, khen thưởng của một cá nhân và lộ trình tiếp theo",
)
def person_eligibility_view(request: HttpRequest, code: str, year: QueryYear = None) -> Any:
    """Kết quả đối chiếu từng danh hiệu, hình thức trong năm thành tích ``year`` (mặc định:
    năm đánh giá gần nhất của cá nhân), và các danh hiệu, hình thức chưa đạt gần nhất: còn
    thiếu gì, sớm nhất năm nào có thể đạt."""
    person = person_get_for_user(user=request.user, code=code)
    try:
        chosen = check_year(year) if year is not None else default_year(person=person)
        found = person_eligibility(person=person, year=chosen)
    except EligibilityInputError as error:
        return _refused(error)
    result = found.result
    return {
        "person": {
            "code": person.code,
            "full_name": person.full_name,
            "unit": {"code": person.unit.code, "name": person.unit.name},
        },
        "year": chosen,
        "rule_set": found.rule_set,
        "results": [_verdict(v) for v in result.results] if result is not None else [],
        "next_steps": [s.as_json() for s in found.steps],
    }
