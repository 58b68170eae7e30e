"""The shapes the API reads and writes. Dates are ISO 8601 (yyyy-mm-dd) as JSON clients
expect; the pages show dd/mm/yyyy."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal
from uuid import UUID

from ninja import Schema
from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError


class ErrorItem(Schema):
    field: str
    message: str


class Error(Schema):
    detail: str
    errors: list[ErrorItem]


ERRORS = {400: Error, 401: Error, 403: Error, 404: Error, 409: Error, 422: Error}
READ_ERRORS = {401: Error, 404: Error, 422: Error}


class UnitRef(Schema):
    code: str
    name: str


class UnitOut(Schema):
    code: str
    name: str
    kind: str
    kind_label: str
    parent: UnitRef | None
    valid_from: dt.date | None
    valid_to: dt.date | None


class UnitDetail(UnitOut):
    predecessors: list[UnitRef]
    successors: list[UnitRef]

    @staticmethod
    def resolve_predecessors(unit: Any) -> list[Any]:
        return [link.predecessor for link in unit.predecessions.select_related("predecessor")]

    @staticmethod
    def resolve_successors(unit: Any) -> list[Any]:
        return [link.successor for link in unit.successions.select_related("successor")]


class PersonOut(Schema):
    code: str
    full_name: str
    birth_date: dt.date | None
    gender: str
    position: str
    unit: UnitRef


class DecisionRef(Schema):
    id: int
    number: str
    date: dt.date | None
    issuing_body: str
    signer_name: str
    status: str


class AwardOut(Schema):
    id: int
    code: str
    name: str
    year: int
    recipient_kind: str
    recipient_name: str
    recipient_code: str
    unit: UnitRef
    achievement: str
    revoked: bool
    revoked_reason: str
    revocation_ground: str
    revoked_by_number: str
    revoked_by_date: dt.date | None
    decision: DecisionRef

    @staticmethod
    def resolve_recipient_code(record: Any) -> str:
        subject = record.person or record.collective or record.household or record.enterprise
        return str(subject.code)

    @staticmethod
    def resolve_revoked(record: Any) -> bool:
        return bool(record.is_revoked)


class DecisionOut(DecisionRef):
    issuing_unit: UnitRef | None
    signer_title: str
    title: str
    is_legacy: bool
    revoked_reason: str
    records: int

    @staticmethod
    def resolve_records(decision: Any) -> int:
        # A list counts them in its own query (``record_count``); one decision asks.
        counted = getattr(decision, "record_count", None)
        return int(decision.records.count() if counted is None else counted)


class RuleCriterionOut(Schema):
    """One criterion of the law engine's verdict, with the article behind it."""

    text: str
    met: bool | None = Field(description="true: đạt; false: chưa đạt; null: chưa xác định")
    citation: str = Field(description="Căn cứ: điểm, khoản, điều, văn bản")


class Strict(Schema):
    """A request body: a JSON object with only the fields the schema names."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, data: Any) -> Any:
        # Ninja reads a body through getattr (its DjangoGetter), so a list or a number would
        # pass as an object with every field missing (``[null, null]`` submitted a proposal).
        if not isinstance(getattr(data, "_obj", data), dict):
            raise PydanticCustomError("model_type", "Nội dung gửi lên phải là một đối tượng JSON.")
        return data


class DecisionIn(Strict):
    origin: Literal["thidua", "recorded"] = Field(
        description="thidua: ban hành trên Thi đua, danh sách lấy từ các đối tượng Hội đồng bỏ "
        "phiếu đạt của các đề nghị ở `proposals`; recorded: ghi nhận quyết định đã ban hành ở "
        "nơi khác (khen thưởng thêm bằng POST /decisions/{pk}/awards)"
    )
    proposals: list[UUID] = Field(
        default_factory=list, description="Mã các đề nghị (chỉ với origin = thidua)"
    )
    number: str = Field(min_length=1, max_length=64)
    date: dt.date | None = None
    issuing_body: str = Field(min_length=1, max_length=255)
    issuing_unit: str = Field(description="Mã đơn vị ban hành (anh/chị phải có quyền với đơn vị)")
    signer_name: str = Field(default="", max_length=255)
    signer_title: str = Field(default="", max_length=255)
    title: str = Field(default="", max_length=500)


class DecisionPatch(Strict):
    number: str | None = Field(default=None, min_length=1, max_length=64)
    date: dt.date | None = None
    issuing_body: str | None = Field(default=None, min_length=1, max_length=255)
    signer_name: str | None = None
    signer_title: str | None = None
    title: str | None = None


class AwardIn(Strict):
    code: str = Field(description="Mã danh hiệu, hình thức (spec/rules-cli.md)")
    year: int = Field(ge=1945, le=2100, description="Năm thành tích")
    recipient_kind: str = Field(description="individual | collective | household | enterprise")
    recipient_code: str = Field(description="Mã cá nhân, đơn vị, hộ hoặc doanh nghiệp")
    achievement: str = Field(default="", max_length=5000)
    unit: str = Field(
        default="", description="Mã đơn vị của cá nhân khi được khen thưởng (mặc định: hiện tại)"
    )


class AmendmentIn(Strict):
    reason: str = Field(min_length=1, max_length=2000, description="Lý do bổ sung danh sách")
    awards: list[AwardIn] = Field(min_length=1, max_length=1000)


class AmendmentOut(Schema):
    id: int
    added: int
    source: str
    reason: str
    created_at: dt.datetime


class RevokeIn(Strict):
    ground: Literal["a", "b", "c", "d"] = Field(description="Điểm của khoản 2 Điều 93 Luật TĐKT")
    # What must be given is the service's to say, in the words the page uses.
    reason: str = Field(default="", max_length=2000)
    revoked_by_number: str = Field(default="", max_length=64)
    revoked_by_date: dt.date | None = None
    revoked_by_signer: str = Field(default="", max_length=255)
    discipline: str = Field(
        default="", description="Hình thức kỷ luật ghi vào đánh giá năm đó (khi hủy do kỷ luật)"
    )


class TokenOut(Schema):
    username: str
    full_name: str
    roles: list[str]
