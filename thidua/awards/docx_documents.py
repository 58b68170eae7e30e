"""The commendation cycle's Word documents — tờ trình, báo cáo thành tích, biên bản họp Hội
đồng, quyết định khen thưởng with its list — written with the shared builder of the state
format (Nghị định 30/2020/NĐ-CP, ``thidua.common.documents``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.utils import timezone

from thidua.awards.decision_rows import DecisionRow, bonus_total, decision_rows
from thidua.awards.models import CouncilSession, Decision, Proposal
from thidua.common.documents import SIGN, SIGN_AND_SEAL, Header, Signature, StateDocument
from thidua.core.documents import body_of, decision_subject, grant_sentence, grants_of
from thidua.core.rules.citations import ND_98_2023, ND_152_2025
from thidua.core.text import format_date, format_date_long
from thidua.emulation.documents import place_of
from thidua.orgs.models import Unit

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PEOPLES_COMMITTEE = "Ủy ban nhân dân"
LAW_LINE = "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022"


def _unit_header(unit: Unit, number: str, day: date) -> Header:
    return Header(
        parent=unit.parent.name if unit.parent_id and unit.parent else "",
        issuer=unit.name,
        number=number,
        place=place_of(unit),
        day=day,
    )


def _candidate_rows(candidates: Iterable[Any]) -> list[list[object]]:
    return [
        [
            i,
            c.recipient_name,
            c.position,
            (c.achievement or "") + (f"\nCăn cứ đề nghị: {c.basis}" if c.basis else ""),
        ]
        for i, c in enumerate(candidates, start=1)
    ]


def to_trinh(proposal: Proposal, *, day: date) -> bytes:
    """Tờ trình đề nghị khen thưởng (Mẫu 01) with the list attached."""
    doc = StateDocument(
        _unit_header(proposal.unit, "      /TTr-TĐKT", day),
        kind="Tờ trình",
        subject=f"Về việc đề nghị tặng {proposal.award_name} năm {proposal.year}",
    )
    doc.paragraph(
        f"Kính gửi: Hội đồng Thi đua – Khen thưởng {proposal.reviewing_unit.name}.",
        align="center",
        indent=False,
    )
    doc.paragraph(f"Căn cứ {LAW_LINE} và các văn bản quy định chi tiết thi hành;", italic=True)
    in_play = [c for c in proposal.candidates.all() if c.is_in_play]
    doc.paragraph(
        f"{proposal.unit.name} kính đề nghị xét, tặng {proposal.award_name} cho "
        f"{len(in_play):02d} đối tượng có thành tích năm {proposal.year} (danh sách kèm theo)."
    )
    doc.table(
        ["STT", "Họ và tên", "Chức vụ, đơn vị", "Thành tích"],
        _candidate_rows(in_play),
        widths_cm=[1.2, 4.3, 5, 6],
        align=["center", "left", "left", "left"],
    )
    doc.paragraph("Kính đề nghị Hội đồng xem xét./.")
    doc.signature(Signature(title="Thủ trưởng đơn vị"))
    return doc.to_bytes()


def bao_cao_thanh_tich(candidate: Any, *, day: date) -> bytes:
    """Báo cáo thành tích (Mẫu 02), filled with what the system knows."""
    proposal = candidate.proposal
    doc = StateDocument(
        _unit_header(proposal.unit, "      /BC", day),
        kind="Báo cáo thành tích",
        subject=f"Đề nghị tặng {proposal.award_name} năm {proposal.year}",
    )
    doc.heading("Sơ lược lý lịch")
    doc.paragraph(f"Họ và tên: {candidate.recipient_name}")
    doc.paragraph(f"Chức vụ, đơn vị công tác: {candidate.position or proposal.unit.name}")
    doc.heading("Thành tích đạt được")
    doc.paragraph(candidate.achievement or "(Đơn vị bổ sung)")
    if candidate.basis:
        doc.paragraph(f"Căn cứ đề nghị: {candidate.basis}.")
    criteria = candidate.verdict.get("criteria") or []
    if criteria:
        doc.heading("Đối chiếu tiêu chuẩn")
        doc.table(
            ["Tiêu chuẩn", "Kết quả", "Căn cứ"],
            [
                [c.get("text", ""), "Đạt" if c.get("met") else "Chưa đạt", c.get("citation", "")]
                for c in criteria
            ],
            widths_cm=[7, 2.3, 7.2],
            align=["left", "center", "left"],
        )
    doc.signature(
        Signature(title="Người báo cáo thành tích", name=candidate.recipient_name, note=SIGN),
        beside=Signature(title="Thủ trưởng đơn vị xác nhận, đề nghị", note=SIGN_AND_SEAL),
    )
    return doc.to_bytes()


def bien_ban_hop(session: CouncilSession) -> bytes:
    """Biên bản họp Hội đồng và kết quả kiểm phiếu, dated on the meeting, in the council's
    local time: who chaired, the agenda, members and attendance, each ballot's totals and the
    rule it was counted by, and when the meeting closed."""
    opened = timezone.localtime(session.meeting_at)
    council = Header(
        parent=body_of(session.unit.name, session.unit.kind),
        issuer="Hội đồng Thi đua – Khen thưởng",
        number="      /BB-HĐTĐKT",
        place=place_of(session.unit),
        day=opened.date(),
    )
    doc = StateDocument(
        council,
        kind="Biên bản",
        subject="Họp Hội đồng Thi đua – Khen thưởng và kết quả kiểm phiếu",
    )
    chair = session.members.filter(role="chair").select_related("user").first()
    secretary = session.members.filter(role="secretary").select_related("user").first()
    doc.paragraph(
        f"Thời gian: {opened:%H giờ %M}, {format_date_long(opened.date())}"
        + (f"; địa điểm: {session.place}." if session.place else ".")
    )
    doc.paragraph(f"Chủ trì: {chair.user if chair else '(chưa ghi)'}, Chủ tịch Hội đồng.")
    if secretary:
        doc.paragraph(f"Thư ký: {secretary.user}.")
    doc.paragraph(
        f"Thành phần: {session.present}/{session.members_total} thành viên Hội đồng có mặt."
    )
    agenda = session.agenda.select_related("proposal__unit").order_by("order")
    doc.paragraph("Nội dung: xét, đề nghị khen thưởng theo các đề nghị sau:", bold=True)
    for item in agenda:
        doc.paragraph(f"{item.order}. {item.proposal} ({item.proposal.unit.name}).")
    members = session.members.select_related("user").order_by("pk")
    doc.table(
        ["STT", "Họ và tên", "Chức danh", "Có mặt"],
        [
            [i, str(m.user), m.get_role_display(), "Có" if m.is_present else "Vắng"]
            for i, m in enumerate(members, start=1)
        ],
        widths_cm=[1.2, 7, 5.8, 2.5],
        align=["center", "left", "left", "center"],
    )
    doc.paragraph("Kết quả kiểm phiếu:", bold=True)
    ballots = session.ballots.select_related("candidate__proposal").order_by("pk")
    doc.table(
        ["STT", "Đối tượng", "Đề nghị", "Đồng ý", "Không đồng ý", "Kết quả"],
        [
            [
                i,
                b.candidate.recipient_name,
                b.candidate.proposal.award_name,
                b.approvals,
                b.rejections,
                b.result_text or "Chưa kiểm phiếu",
            ]
            for i, b in enumerate(ballots, start=1)
        ],
        widths_cm=[1.1, 3.6, 2.6, 1.7, 1.9, 5.6],
        align=["center", "left", "left", "center", "center", "left"],
    )
    rules = sorted({b.rule.get("text", "") for b in ballots})
    doc.paragraph("Nguyên tắc xét: " + "; ".join(rules) + ".")
    closing = (
        f"Cuộc họp kết thúc lúc {timezone.localtime(session.closed_at):%H giờ %M} cùng ngày. "
        if session.closed_at
        else ""
    )
    doc.paragraph(closing + "Biên bản được lập thành 02 bản, đã thông qua trước Hội đồng./.")
    doc.signature(
        Signature(title="Chủ tịch Hội đồng", name=str(chair.user) if chair else "", note=SIGN),
        beside=Signature(title="Thư ký", name=str(secretary.user) if secretary else "", note=SIGN),
    )
    return doc.to_bytes()


# -- the decision ----------------------------------------------------------------------------


def _is_committee(decision: Decision) -> bool:
    return decision.issuing_body.startswith(PEOPLES_COMMITTEE)


def _decision_header(decision: Decision) -> Header:
    unit = decision.issuing_unit
    parent = ""
    if unit is not None and unit.parent_id and not _is_committee(decision) and unit.parent:
        parent = unit.parent.name
    return Header(
        parent=parent,
        issuer=decision.issuing_body,
        number=decision.number,
        place=place_of(unit),
        day=decision.date,
    )


def _signer(decision: Decision) -> Signature:
    """ "TM. Ủy ban nhân dân / Chủ tịch", "KT. Chủ tịch / Phó Chủ tịch", or the title alone."""
    title = decision.signer_title or "Chủ tịch"
    authority = ""
    if _is_committee(decision):
        authority = "KT. Chủ tịch" if title.startswith("Phó") else f"TM. {PEOPLES_COMMITTEE}"
    return Signature(
        authority=authority,
        title=title,
        name=decision.signer_name,
        recipients=("Như Điều 3;", "Lưu: VT, TĐKT."),
    )


def _decrees(day: date | None) -> list[str]:
    on = day or timezone.localdate()  # a draft without a date cites what is in force now
    return [t.name for t in (ND_98_2023, ND_152_2025) if t.in_force(on)]


def _money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def quyet_dinh(decision: Decision) -> bytes:
    """Quyết định khen thưởng (NĐ 30/2020, Mẫu 1.4 quyết định cá biệt) and, on a new page,
    the list it attaches, with each bonus and their total."""
    rows = decision_rows(decision)
    grants = grants_of((r.record.code, r.record.year, r.record.recipient_kind) for r in rows)
    subject = decision.title or (decision_subject(grants) if grants else "Về việc khen thưởng")
    doc = StateDocument(_decision_header(decision), kind="Quyết định", subject=subject)
    signer = _signer(decision)
    authority = (
        f"{signer.title} {decision.issuing_body}" if _is_committee(decision) else signer.title
    )
    doc.paragraph(authority.upper(), bold=True, align="center", indent=False)
    grounds = [
        "Căn cứ Luật Tổ chức chính quyền địa phương;" if _is_committee(decision) else "",
        f"Căn cứ {LAW_LINE};",
        *(f"Căn cứ {name} quy định chi tiết một số điều của Luật Thi đua, khen thưởng;"
          for name in _decrees(decision.date)),
        "Xét đề nghị của Thường trực Hội đồng Thi đua – Khen thưởng.",
    ]  # fmt: skip
    for ground in grounds:
        if ground:
            doc.paragraph(ground, italic=True)
    doc.paragraph("QUYẾT ĐỊNH:", bold=True, align="center", indent=False)
    doc.paragraph(" ".join(grant_sentence(g) for g in grants), lead="Điều 1.")
    total = bonus_total(rows)
    if total:
        bases = sorted({r.bonus.basis for r in rows if r.bonus})
        doc.paragraph(
            f"Tiền thưởng kèm theo: tổng cộng {_money(total)} đồng (mức thưởng của "
            f"từng trường hợp ghi tại danh sách kèm theo), theo {'; '.join(bases)}.",
            lead="Điều 2.",
        )
    doc.paragraph(
        "Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng, "
        "Thường trực Hội đồng Thi đua – Khen thưởng, thủ trưởng các cơ quan, đơn vị liên quan "
        "và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        lead=f"Điều {3 if total else 2}.",
    )
    doc.signature(signer)
    _attached_list(doc, decision, rows, total)
    return doc.to_bytes()


def _attached_list(
    doc: StateDocument, decision: Decision, rows: list[DecisionRow], total: int
) -> None:
    doc.document.add_page_break()
    doc.paragraph("DANH SÁCH", bold=True, align="center", indent=False)
    when = f" ngày {format_date(decision.date)}" if decision.date else ""
    doc.paragraph(
        f"(Kèm theo Quyết định số {decision.number}{when} của {decision.issuing_body})",
        italic=True,
        align="center",
        indent=False,
    )
    doc.table(
        ["STT", "Họ và tên, đơn vị", "Danh hiệu, hình thức", "Tiền thưởng (đồng)"],
        [
            [
                i,
                f"{r.record.recipient_name}, {r.record.unit.name}",
                f"{r.record.name} năm {r.record.year}",
                r.bonus.amount if r.bonus else "",
            ]
            for i, r in enumerate(rows, start=1)
        ],
        widths_cm=[1.4, 7.1, 4.8, 3.2],
        align=["center", "left", "left", "right"],
        total=["", "Tổng cộng", "", total] if total else None,
    )
