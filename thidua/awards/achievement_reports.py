"""Báo cáo thành tích in the forms of the decree in force: for a collective, Mẫu số 02, and
for a person, Mẫu số 03 (Phụ lục kèm theo Nghị định số 98/2023/NĐ-CP; Nghị định số
152/2025/NĐ-CP keeps the same parts). Each part is filled with what the system knows — the
unit, the person's record, the achievement and the criteria the check found met, the titles
and forms already received with their decisions — and leaves the rest for the unit to write
where the form asks for it."""

from __future__ import annotations

from datetime import date
from typing import Any

from thidua.awards.choices import DecisionStatus, RecipientKind
from thidua.awards.models import AwardRecord
from thidua.awards.naming import Issuer, proposal_name, record_name
from thidua.common.documents import SIGN, SIGN_AND_SEAL, Header, Signature, StateDocument
from thidua.core.catalog import BY_CODE, Kind
from thidua.core.documents.wording import grant_verb
from thidua.core.text import format_date
from thidua.emulation.documents import place_of

TO_FILL = "……………………………………………"
FORM_COLLECTIVE = "Mẫu số 02, Phụ lục kèm theo Nghị định số 98/2023/NĐ-CP"
FORM_PERSON = "Mẫu số 03, Phụ lục kèm theo Nghị định số 98/2023/NĐ-CP"


def _header(candidate: Any, day: date) -> Header:
    """A report is not numbered: the unit's letterhead (its own for a collective, the
    person's unit for a person), the national title, the place and date."""
    proposal = candidate.proposal
    unit = candidate.collective or getattr(candidate.person, "unit", None) or proposal.unit
    issuer = Issuer.of(unit)
    header = issuer.header("BC", day=day)
    return Header(
        parent=header.parent, issuer=header.issuer, place=place_of(unit), day=day, numbered=False
    )


def _subject(candidate: Any) -> str:
    proposal = candidate.proposal
    verb = grant_verb(proposal.award_code).lower()
    return f"Đề nghị {verb} {proposal_name(proposal)} năm {proposal.year}"


def _held(candidate: Any) -> list[AwardRecord]:
    """The titles and forms the subject has received, by decisions in force, oldest first."""
    subject = {
        RecipientKind.INDIVIDUAL: {"person": candidate.person_id},
        RecipientKind.COLLECTIVE: {"collective": candidate.collective_id},
    }.get(candidate.recipient_kind)
    if not subject or not any(subject.values()):
        return []
    return list(
        AwardRecord.objects.filter(
            **subject, decision__status=DecisionStatus.ISSUED, revoked_at__isnull=True
        )
        .exclude(pk=candidate.award_record_id)
        .select_related("decision__issuing_unit", "unit")
        .order_by("year", "pk")
    )


def _held_tables(doc: StateDocument, candidate: Any) -> None:
    doc.heading("Các hình thức đã được khen thưởng")
    held = _held(candidate)
    for kind, label, what in (
        (Kind.TITLE, "Danh hiệu thi đua", "công nhận danh hiệu thi đua"),
        (Kind.FORM, "Hình thức khen thưởng", "khen thưởng"),
    ):
        doc.heading(label, level=2)
        rows = [
            [
                str(r.year),
                record_name(r),
                f"Quyết định số {r.decision.number}"
                + (f" ngày {format_date(r.decision.date)}" if r.decision.date else "")
                + f" của {r.decision.issuing_body}",
            ]
            for r in held
            if BY_CODE[r.code].kind is kind
        ]
        doc.table(
            ["Năm", label, f"Số, ngày, tháng, năm của quyết định {what}; cơ quan ban hành"],
            rows or [["", "(Chưa có)", ""]],
            widths_cm=[1.8, 6.2, 8.5],
            align=["center", "left", "left"],
        )


def _achievements(doc: StateDocument, candidate: Any, *, duties: str) -> None:
    doc.heading("Thành tích đạt được")
    doc.heading(duties, level=2)
    doc.paragraph(TO_FILL)
    doc.heading("Thành tích đạt được", level=2)
    doc.paragraph(candidate.achievement or TO_FILL)
    if candidate.basis:
        doc.paragraph(f"Căn cứ đề nghị: {candidate.basis}.")
    criteria = [c for c in (candidate.verdict or {}).get("criteria") or [] if c.get("text")]
    if criteria:
        doc.paragraph("Đối chiếu tiêu chuẩn:", italic=True)
        doc.table(
            ["Tiêu chuẩn", "Kết quả", "Căn cứ"],
            [
                [c["text"], "Đạt" if c.get("met") else "Chưa đạt", c.get("citation", "")]
                for c in criteria
            ],
            widths_cm=[7, 2.3, 7.2],
            align=["left", "center", "left"],
        )


def _person(doc: StateDocument, candidate: Any) -> None:
    """Mẫu số 03: I. Sơ lược lý lịch, II. Thành tích đạt được, III. Các hình thức đã được
    khen thưởng; the head confirms, the person signs."""
    person = candidate.person
    doc.heading("Sơ lược lý lịch")
    birth = format_date(person.birth_date) if person and person.birth_date else TO_FILL
    gender = person.get_gender_display() if person and person.gender else "……"
    unit = candidate.position or (person.unit.name if person else candidate.proposal.unit.name)
    position = (person.position if person else "") or TO_FILL
    for line in (
        f"- Họ và tên: {candidate.recipient_name}",
        f"- Sinh ngày, tháng, năm: {birth}; Giới tính: {gender}",
        f"- Quê quán: {TO_FILL}",
        f"- Trú quán: {TO_FILL}",
        f"- Đơn vị công tác: {person.unit.name if person else unit}",
        f"- Chức vụ (Đảng, chính quyền, đoàn thể): {position}",
        f"- Trình độ chuyên môn, nghiệp vụ: {TO_FILL}",
        f"- Học hàm, học vị, danh hiệu, giải thưởng: {TO_FILL}",
    ):
        doc.paragraph(line, indent=False, align="left")
    _achievements(doc, candidate, duties="Quyền hạn, nhiệm vụ được giao hoặc đảm nhận")
    _held_tables(doc, candidate)
    doc.signature(
        Signature(title="Người báo cáo thành tích", name=candidate.recipient_name, note=SIGN),
        beside=Signature(title="Thủ trưởng đơn vị xác nhận, đề nghị", note=SIGN_AND_SEAL),
    )


def _collective(doc: StateDocument, candidate: Any) -> None:
    """Mẫu số 02: I. Sơ lược đặc điểm, tình hình, II. Thành tích đạt được, III. Các hình thức
    đã được khen thưởng; the head of the unit signs, the body above confirms."""
    unit = candidate.collective
    doc.paragraph(f"Tên tập thể đề nghị: {candidate.recipient_name}", bold=True, indent=False)
    doc.heading("Sơ lược đặc điểm, tình hình")
    doc.heading("Đặc điểm, tình hình", level=2)
    parent = unit.parent.name if unit is not None and unit.parent else TO_FILL
    for line in (
        f"- Địa điểm trụ sở chính, điện thoại, địa chỉ trang tin điện tử: {TO_FILL}",
        f"- Quá trình thành lập và phát triển; đơn vị cấp trên trực tiếp: {parent}",
        f"- Cơ cấu tổ chức, số lượng cán bộ, công chức, viên chức, người lao động: {TO_FILL}",
    ):
        doc.paragraph(line, indent=False, align="left")
    doc.heading("Chức năng, nhiệm vụ", level=2)
    doc.paragraph(TO_FILL)
    _achievements(doc, candidate, duties="Kết quả thực hiện nhiệm vụ chính trị được giao")
    _held_tables(doc, candidate)
    head = Issuer.of(unit).signer_name("") if unit is not None else ""
    doc.signature(
        Signature(title="Thủ trưởng đơn vị", name=head, note=SIGN_AND_SEAL),
        beside=Signature(
            title="Thủ trưởng đơn vị cấp trên trực tiếp nhận xét, xác nhận", note=SIGN_AND_SEAL
        ),
    )


def bao_cao_thanh_tich(candidate: Any, *, day: date) -> bytes:
    """The report of one candidate: Mẫu số 02 for a collective, Mẫu số 03 for a person (a
    household or an enterprise reports as a collective does)."""
    doc = StateDocument(
        _header(candidate, day), kind="Báo cáo thành tích", subject=_subject(candidate)
    )
    if candidate.recipient_kind == RecipientKind.INDIVIDUAL:
        _person(doc, candidate)
    else:
        _collective(doc, candidate)
    return doc.to_bytes()
