"""What a certificate says, on paper and on the verification page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from thidua.awards.certificate_pdf import CertificateText, certificate_pdf
from thidua.awards.choices import DecisionStatus
from thidua.awards.models import Certificate
from thidua.core.catalog import BY_CODE, Kind


def heading(code: str) -> str:
    if code.startswith("bang_khen"):
        return "BẰNG KHEN"
    if code == "giay_khen":
        return "GIẤY KHEN"
    return "GIẤY CHỨNG NHẬN"


def achievement_line(code: str, year: int, achievement: str) -> str:
    award = BY_CODE[code]
    if award.kind is Kind.TITLE:
        return f"Đạt danh hiệu {award.name} năm {year}"
    if not achievement:
        return f"Đã có thành tích xuất sắc trong năm {year}"
    # The paper reads "Đã có thành tích …"; an officer's summary may not start that way.
    return (
        achievement if achievement.lower().startswith("đã") else f"Đã có thành tích: {achievement}"
    )


@dataclass(frozen=True)
class Verification:
    """The public verification page's facts."""

    code: str
    number: str
    heading: str
    award_name: str
    recipient: str
    unit: str
    year: int
    decision_number: str
    decision_date: date | None
    issuer: str
    stands: bool
    # What the public reads of a revocation: the decision that made it and its legal ground,
    # never the internal reason (a person's discipline, a finding of the inspection).
    revoked_by: str
    revocation_ground: str


def _revoked_by(record: Any) -> str:
    if record.revoked_by_number:
        when = f" ngày {record.revoked_by_date:%d/%m/%Y}" if record.revoked_by_date else ""
        return f"Quyết định số {record.revoked_by_number}{when}"
    if record.decision.status == DecisionStatus.REVOKED:
        return f"Quyết định số {record.decision.number} đã bị hủy bỏ"
    return ""


def verification(certificate: Certificate) -> Verification:
    record = certificate.award_record
    decision = record.decision
    stands = decision.status == DecisionStatus.ISSUED and record.revoked_at is None
    return Verification(
        code=certificate.code,
        number=certificate.number,
        heading=heading(record.code).capitalize(),
        award_name=record.name,
        recipient=record.recipient_name,
        unit=record.unit.name,
        year=record.year,
        decision_number=decision.number,
        decision_date=decision.date,
        issuer=decision.issuing_body,
        stands=stands,
        revoked_by=_revoked_by(record),
        revocation_ground=record.revocation_ground,
    )


def certificate_document(certificate: Certificate, *, verify_url: str) -> bytes:
    record = certificate.award_record
    decision = record.decision
    issuer = " ".join(p for p in (decision.signer_title, decision.issuing_body) if p)
    detail = ""
    if record.person_id and record.person is not None:
        detail = ", ".join(p for p in (record.person.position, record.unit.name) if p)
    place = decision.issuing_unit.name if decision.issuing_unit_id and decision.issuing_unit else ""
    return certificate_pdf(
        CertificateText(
            heading=heading(record.code),
            issuer=issuer.upper(),
            recipient=record.recipient_name,
            recipient_detail=detail,
            achievement=achievement_line(record.code, record.year, record.achievement),
            number=certificate.number,
            decision_number=decision.number,
            decision_date=decision.date or timezone.localdate(),
            place=place,
            signer_title=decision.signer_title,
            signer_name=decision.signer_name,
            verify_url=verify_url,
            code=certificate.code,
            revoked=record.revoked_at is not None or decision.status == DecisionStatus.REVOKED,
        )
    )
