"""The commendation cycle's Word documents — tờ trình, biên bản họp Hội đồng, quyết định khen
thưởng with its list — in the state format (Nghị định 30/2020/NĐ-CP, ``thidua.common.
documents``); the báo cáo thành tích in ``achievement_reports``. Each is issued by its unit as
its kind prints it (``naming.Issuer``), cites its grounds by number, date and name
(``core.documents.grounds``) and names each form after its decider."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.utils import timezone

from thidua.awards.achievement_reports import bao_cao_thanh_tich
from thidua.awards.decision_rows import DecisionList, bonus_total, decision_listing
from thidua.awards.local_rules import rules_in_force
from thidua.awards.models import CouncilSession, Decision, Proposal
from thidua.awards.naming import Issuer, decision_names, proposal_name
from thidua.common.documents import SIGN, Header, Signature, StateDocument
from thidua.core.catalog import RECIPIENT_LABELS, Recipient
from thidua.core.documents import (
    decision_subject,
    grant_sentence,
    grants_of,
    grounds,
    head_of,
    issuer_lines_of,
    signature_lines,
)
from thidua.core.documents.bodies import Body, body_from_name, lower_first
from thidua.core.documents.wording import RECIPIENT_ORDER, grant_verb, recipients_phrase
from thidua.core.text import format_date, format_date_long
from thidua.emulation.documents import place_of
from thidua.orgs.bodies import body_for
from thidua.orgs.models import Unit

__all__ = ["DOCX", "bao_cao_thanh_tich", "bien_ban_hop", "quyet_dinh", "to_trinh"]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
COUNCIL = "Hội đồng Thi đua – Khen thưởng"


def _council_of(body: Body) -> str:
    """ "Hội đồng Thi đua – Khen thưởng quận Kiến An"."""
    where = lower_first(body.name) if body.is_local_government else body.name
    return f"{COUNCIL} {where}"


def _local_rules(unit: Unit | None, on: date) -> list[str]:
    """The local rules in force for the unit, nearest first, cited as their units wrote
    them."""
    return [row.basis for row in rules_in_force(unit, on)] if unit is not None else []


def _counts(kinds: Iterable[str]) -> dict[Recipient, int]:
    counts: dict[Recipient, int] = {}
    for kind in kinds:
        counts[Recipient(kind)] = counts.get(Recipient(kind), 0) + 1
    return counts


def _achievement(candidate: Any) -> str:
    """What the list says of a candidate: the achievement the unit wrote, else the criteria
    the check found met, and the ground the proposal rests on."""
    met = [
        c.get("text", "") for c in (candidate.verdict or {}).get("criteria") or [] if c.get("met")
    ]
    text = candidate.achievement or "; ".join(t for t in met if t)
    if candidate.basis:
        text += ("\n" if text else "") + f"Căn cứ đề nghị: {candidate.basis}."
    return text


# -- tờ trình ---------------------------------------------------------------------------------


def to_trinh(proposal: Proposal, *, day: date) -> bytes:
    """Tờ trình đề nghị khen thưởng (Mẫu số 01, Phụ lục kèm theo Nghị định số 98/2023/NĐ-CP;
    the same in Nghị định số 152/2025/NĐ-CP), with the list attached. A unit proposing to the
    body above speaks as its People's Committee (TM. Ủy ban nhân dân); a proposal its own
    head decides goes from its council to that head."""
    unit, reviewing = proposal.unit, proposal.reviewing_unit
    own = reviewing is None or reviewing.pk == unit.pk
    issuer = Issuer.of(unit)
    decider = body_for(reviewing) or issuer.body
    name = proposal_name(proposal)
    code = proposal.award_code
    if own:
        header = Header(
            parent=issuer.name,
            issuer=COUNCIL,
            number="      /TTr-HĐTĐKT",
            place=place_of(unit),
            day=day,
        )
        speaker = _council_of(issuer.body)
    else:
        header = issuer.header("TTr", day=day)
        speaker = issuer.name
    verb = grant_verb(code).lower()
    doc = StateDocument(
        header, kind="Tờ trình", subject=f"Về việc đề nghị {verb} {name} năm {proposal.year}"
    )
    doc.paragraph(f"Kính gửi: {head_of(decider)}.", align="center", indent=False)
    rules = _local_rules(unit, day)
    for ground in grounds(on=day, codes=[code], local_government=False, local_rules=rules):
        doc.paragraph(ground[:-1] + ";", italic=False)
    in_play = [c for c in proposal.candidates.all() if c.is_in_play]
    session = proposal.sessions.order_by("-meeting_at").first() if own else None
    if session is not None:
        doc.paragraph(
            f"Căn cứ kết quả họp {_council_of(issuer.body)} ngày "
            f"{format_date(timezone.localtime(session.meeting_at).date())};"
        )
    whom = recipients_phrase(_counts(c.recipient_kind for c in in_play))
    doc.paragraph(
        f"{speaker} kính trình {head_of(decider)} xem xét, {verb} {name} năm {proposal.year} "
        + (f"cho {whom} có thành tích xuất sắc " if whom else "")
        + "(có danh sách và báo cáo thành tích kèm theo), cụ thể như sau:"
    )
    doc.table(
        ["STT", "Họ và tên (tên tập thể)", "Chức vụ, đơn vị", "Tóm tắt thành tích"],
        [[i, c.recipient_name, c.position, _achievement(c)] for i, c in enumerate(in_play, 1)],
        widths_cm=[1.4, 4.3, 4.4, 6.4],
        align=["center", "left", "left", "justify"],
    )
    doc.paragraph(f"{speaker} kính trình {head_of(decider)} xem xét, quyết định./.")
    if own:
        signature = Signature(
            authority="TM. Hội đồng", title="Chủ tịch", name=unit.head_name,
            recipients=("Như trên;", "Lưu: VT, HĐTĐKT."),
        )  # fmt: skip
    else:
        signature = issuer.signature(on_behalf=True, recipients=("Như trên;", "Lưu: VT, TĐKT."))
    doc.signature(signature)
    return doc.to_bytes()


# -- biên bản ---------------------------------------------------------------------------------


def bien_ban_hop(session: CouncilSession) -> bytes:
    """Biên bản họp Hội đồng Thi đua – Khen thưởng và kết quả kiểm phiếu (the minutes the
    dossier holds, điểm c khoản 1 Điều 84 Luật Thi đua, khen thưởng 2022), headed by the
    council of its body and dated on the meeting in the council's local time: who chaired,
    the agenda, members and attendance, each ballot's totals and the rule it was counted by,
    and when the meeting closed."""
    opened = timezone.localtime(session.meeting_at)
    body = Issuer.of(session.unit)
    council = Header(
        parent=body.name,
        issuer=COUNCIL,
        number="      /BB-HĐTĐKT",
        place=place_of(session.unit),
        day=opened.date(),
    )
    year = next(iter(session.agenda.values_list("proposal__year", flat=True)), None)
    doc = StateDocument(
        council,
        kind="Biên bản",
        subject=f"Họp {_council_of(body.body)} xét khen thưởng"
        + (f" năm {year}" if year else "")
        + " và kết quả kiểm phiếu",
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
        widths_cm=[1.4, 6.8, 5.8, 2.5],
        align=["center", "left", "left", "center"],
    )
    doc.paragraph("Kết quả kiểm phiếu:", bold=True)
    ballots = session.ballots.select_related("candidate__proposal__reviewing_unit").order_by("pk")
    doc.table(
        ["STT", "Đối tượng", "Đề nghị", "Đồng ý", "Không đồng ý", "Kết quả"],
        [
            [
                i,
                b.candidate.recipient_name,
                proposal_name(b.candidate.proposal),
                b.approvals,
                b.rejections,
                b.result_text or "Chưa kiểm phiếu",
            ]
            for i, b in enumerate(ballots, start=1)
        ],
        widths_cm=[1.4, 3.5, 3.3, 1.9, 2.0, 4.4],
        align=["center", "left", "left", "center", "center", "left"],
    )
    rules = sorted({b.rule.get("text", "") for b in ballots} - {""})
    if rules:
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


def _decision_body(decision: Decision) -> Body:
    return body_for(decision.issuing_unit) or body_from_name(decision.issuing_body)


def _decision_header(decision: Decision, body: Body) -> Header:
    unit = decision.issuing_unit
    if unit is not None:
        return Issuer.of(unit).header("QĐ", number=decision.number, day=decision.date)
    return Header(
        issuer="\n".join(issuer_lines_of(decision.issuing_body)),
        number=decision.number or "      /QĐ",
        place=place_of(None),
        day=decision.date,
    )


def _decision_signature(decision: Decision, body: Body) -> Signature:
    """The head's own power: "CHỦ TỊCH", or "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH" (Điều 13
    Nghị định 30/2020/NĐ-CP); the name as the decision has it, else the unit's."""
    lines = signature_lines(body, signer_title=decision.signer_title, on_behalf=False)
    name = decision.signer_name
    if not name and decision.issuing_unit is not None:
        name = Issuer.of(decision.issuing_unit).signer_name(decision.signer_title)
    return Signature(
        authority="\n".join(lines[:-1]),
        title=lines[-1],
        name=name,
        recipients=("Như Điều 3;", "Lưu: VT, TĐKT."),
    )


def _who(kinds: Iterable[str]) -> str:
    """ "các tập thể, cá nhân": the kinds of recipient present, for Điều 3."""
    present = {Recipient(k) for k in kinds}
    words = [RECIPIENT_LABELS[k] for k in RECIPIENT_ORDER if k in present]
    return "các " + ", ".join(words) if words else "các đối tượng"


def _money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def quyet_dinh(decision: Decision, *, user: Any) -> bytes:
    """Quyết định khen thưởng (Nghị định 30/2020/NĐ-CP, Phụ lục III, Mẫu 1.4 — quyết định cá
    biệt quy định trực tiếp) and, on a new page, the list it attaches with each bonus and
    their total. A reader who may see only some rows (a ward, of a district's decision) gets
    the decision's text as issued but only their rows of the list, marked as an extract, and
    no total of the bonuses: the others' amounts are not theirs to read."""
    listing = decision_listing(decision, user=user)
    rows = listing.rows
    body = _decision_body(decision)
    grants = grants_of(listing.grants)
    names = decision_names(decision, [g.code for g in grants])
    subject = decision.title or (
        decision_subject(grants, names) if grants else "Về việc khen thưởng"
    )
    doc = StateDocument(_decision_header(decision, body), kind="Quyết định", subject=subject)
    doc.paragraph(head_of(body).upper(), bold=True, align="center", indent=False)
    on = decision.date or timezone.localdate()  # a draft cites what is in force today
    for ground in grounds(
        on=on,
        codes=[g.code for g in grants],
        local_government=body.is_local_government,
        local_rules=_local_rules(decision.issuing_unit, on),
        proposed_by=f"Thường trực {_council_of(body)}",
    ):
        doc.paragraph(ground, italic=True)
    doc.paragraph("QUYẾT ĐỊNH:", bold=True, align="center", indent=False)
    doc.paragraph(" ".join(grant_sentence(g, names) for g in grants), lead="Điều 1.")
    total = bonus_total(rows)
    if listing.bonus_bases:
        each = "mức thưởng của từng trường hợp ghi tại danh sách kèm theo"
        amount = each if listing.hidden else f"tổng cộng {_money(total)} đồng ({each})"
        doc.paragraph(
            f"Tiền thưởng kèm theo: {amount}, theo {'; '.join(listing.bonus_bases)}.",
            lead="Điều 2.",
        )
    office = "Chánh Văn phòng Ủy ban nhân dân, " if body.is_local_government else ""
    doc.paragraph(
        f"Quyết định có hiệu lực kể từ ngày ký. {office}Thường trực {_council_of(body)}, thủ "
        f"trưởng các cơ quan, đơn vị liên quan và {_who(g[2] for g in listing.grants)} có tên "
        "tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        lead=f"Điều {3 if listing.bonus_bases else 2}.",
    )
    doc.signature(_decision_signature(decision, body))
    _attached_list(doc, decision, body, listing, total)
    return doc.to_bytes()


def _attached_list(
    doc: StateDocument, decision: Decision, body: Body, listing: DecisionList, total: int
) -> None:
    """The list attached (Nghị định 30/2020/NĐ-CP, Phụ lục I mục II.11: "Kèm theo Quyết định
    số … ngày … của …"), each award named as the decision gives it."""
    rows = listing.rows
    doc.document.add_page_break()
    heading = "TRÍCH DANH SÁCH" if listing.hidden else "DANH SÁCH"
    doc.paragraph(heading, bold=True, align="center", indent=False)
    codes = list(dict.fromkeys(code for code, _year, _kind in listing.grants))
    names = decision_names(decision, codes)
    subject = decision_subject(grants_of(listing.grants), names)
    what = subject.removeprefix("Về việc ")
    doc.paragraph(what[:1].upper() + what[1:], bold=True, align="center", indent=False)
    number = decision.number or "      /QĐ"
    when = f" ngày {format_date(decision.date)}" if decision.date else " ngày      /     /"
    doc.paragraph(
        f"(Kèm theo Quyết định số {number}{when} của {head_of(body)})",
        italic=True,
        align="center",
        indent=False,
    )
    if listing.hidden:
        doc.paragraph(listing.hidden_sentence, italic=True, align="center", indent=False)
    doc.table(
        ["STT", "Họ và tên, đơn vị", "Danh hiệu, hình thức", "Tiền thưởng (đồng)"],
        [
            [
                i,
                f"{r.record.recipient_name}, {r.record.unit.name}",
                f"{names.get(r.record.code, r.record.name)} năm {r.record.year}",
                r.bonus.amount if r.bonus else "",
            ]
            for i, r in enumerate(rows, start=1)
        ],
        widths_cm=[1.4, 7.1, 4.8, 3.2],
        align=["center", "left", "left", "right"],
        total=["", listing.total_label, "", total] if total else None,
    )
