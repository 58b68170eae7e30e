"""The dossier's Word documents in the state format of Nghị định 30/2020/NĐ-CP (Phụ lục I):
A4, Times New Roman 13–14, the issuing body top left, the national motto top right, the
place and date in italics, the title centred in bold, the signature block bottom right.

All of the commendation cycle's .docx code is in this module, so that it can move onto the
shared builder of ``thidua/common/documents`` once that exists.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.table import Table

from thidua.awards.models import CouncilSession, Proposal
from thidua.core.text import format_date_long

FONT = "Times New Roman"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class StateDocument:
    """A document being written: header, title, paragraphs, tables, signature."""

    def __init__(self) -> None:
        self.doc = Document()
        section = self.doc.sections[0]
        # Khổ A4, lề trên 20–25 mm, dưới 20–25 mm, trái 30–35 mm, phải 15–20 mm.
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin, section.right_margin = Cm(3), Cm(1.5)
        style = self.doc.styles["Normal"]
        style.font.name = FONT
        style.font.size = Pt(14)
        style.paragraph_format.space_after = Pt(6)

    def _cell_line(self, cell: Any, text: str, *, bold: bool = False, italic: bool = False,
                   size: int = 13, first: bool = False) -> None:  # fmt: skip
        para = cell.paragraphs[0] if first else cell.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.space_after = Pt(0)
        run = para.add_run(text)
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)

    @staticmethod
    def _widths(table: Table, widths: Sequence[float]) -> None:
        """Fix the column widths (cm): Word reads the cells', LibreOffice the grid's."""
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
            for cell in column.cells:
                cell.width = Cm(width)

    def header(self, *, parent: str, body: str, number: str, place: str, day: date) -> None:
        table = self.doc.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        self._widths(table, (6.5, 10))
        left, right = table.rows[0].cells
        self._cell_line(left, parent.upper(), size=13, first=True)
        self._cell_line(left, body.upper(), bold=True)
        self._cell_line(left, "________")
        self._cell_line(left, f"Số: {number}")
        self._cell_line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, first=True, size=12)
        self._cell_line(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=14)
        self._cell_line(right, "________________________")
        self._cell_line(right, format_date_long(day, place), italic=True, size=14)

    def title(self, title: str, summary: str = "") -> None:
        para = self.doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.space_before = Pt(18)
        para.add_run(title.upper()).bold = True
        if summary:
            para.add_run("\n" + summary).bold = True

    def paragraph(self, text: str, *, bold: bool = False) -> None:
        para = self.doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        para.paragraph_format.first_line_indent = Cm(1)
        para.add_run(text).bold = bold

    def table(
        self,
        headings: Sequence[str],
        rows: Iterable[Sequence[str]],
        widths: Sequence[float] | None = None,
    ) -> Table:
        table = self.doc.add_table(rows=1, cols=len(headings))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, headings, strict=True):
            self._cell_line(cell, text, bold=True, size=12, first=True)
        for row in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.paragraphs[0].add_run(text).font.size = Pt(12)
        if widths:
            self._widths(table, widths)
        return table

    def signature(self, *, title: str, name: str, left: str = "") -> None:
        table = self.doc.add_table(rows=1, cols=2)
        self._widths(table, (7.5, 9))
        l_cell, r_cell = table.rows[0].cells
        if left:
            self._cell_line(l_cell, left, size=12, first=True)
        self._cell_line(r_cell, title.upper(), bold=True, first=True, size=14)
        for _ in range(3):
            self._cell_line(r_cell, "")
        self._cell_line(r_cell, name, bold=True, size=14)

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def _unit_header(doc: StateDocument, unit: Any, number: str, day: date) -> None:
    parent = unit.parent.name if unit.parent_id else ""
    doc.header(parent=parent, body=unit.name, number=number, place="", day=day)


def _candidate_rows(candidates: Iterable[Any]) -> list[list[str]]:
    return [
        [str(i), c.recipient_name, c.position, c.achievement or ""]
        for i, c in enumerate(candidates, start=1)
    ]


def to_trinh(proposal: Proposal, *, day: date) -> bytes:
    """Tờ trình đề nghị khen thưởng (Mẫu 01) with the list attached."""
    doc = StateDocument()
    _unit_header(doc, proposal.unit, "      /TTr-TĐKT", day)
    doc.title("Tờ trình", f"Về việc đề nghị tặng {proposal.award_name} năm {proposal.year}")
    doc.paragraph(f"Kính gửi: Hội đồng Thi đua – Khen thưởng {proposal.reviewing_unit.name}.")
    doc.paragraph(
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022 và các văn "
        "bản quy định chi tiết thi hành;"
    )
    in_play = [c for c in proposal.candidates.all() if c.is_in_play]
    doc.paragraph(
        f"{proposal.unit.name} kính đề nghị xét, tặng {proposal.award_name} cho "
        f"{len(in_play):02d} đối tượng có thành tích năm {proposal.year} (danh sách kèm theo)."
    )
    doc.table(
        ["STT", "Họ và tên", "Chức vụ, đơn vị", "Thành tích"],
        _candidate_rows(in_play),
        widths=(1.2, 4.3, 5, 6),
    )
    doc.paragraph("Kính đề nghị Hội đồng xem xét./.")
    doc.signature(title="Thủ trưởng đơn vị", name="", left="Nơi nhận:\n- Như trên;\n- Lưu: VT.")
    return doc.to_bytes()


def bao_cao_thanh_tich(candidate: Any, *, day: date) -> bytes:
    """Báo cáo thành tích (Mẫu 02), filled with what the system knows."""
    doc = StateDocument()
    _unit_header(doc, candidate.proposal.unit, "      /BC", day)
    proposal = candidate.proposal
    doc.title("Báo cáo thành tích", f"Đề nghị tặng {proposal.award_name} năm {proposal.year}")
    doc.paragraph("I. SƠ LƯỢC LÝ LỊCH", bold=True)
    doc.paragraph(f"Họ và tên: {candidate.recipient_name}")
    doc.paragraph(f"Chức vụ, đơn vị công tác: {candidate.position or proposal.unit.name}")
    doc.paragraph("II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True)
    doc.paragraph(candidate.achievement or "(Đơn vị bổ sung)")
    criteria = candidate.verdict.get("criteria") or []
    if criteria:
        doc.paragraph("III. ĐỐI CHIẾU TIÊU CHUẨN", bold=True)
        doc.table(
            ["Tiêu chuẩn", "Kết quả", "Căn cứ"],
            [
                [c.get("text", ""), "Đạt" if c.get("met") else "Chưa đạt", c.get("citation", "")]
                for c in criteria
            ],
            widths=(7, 2.3, 7.2),
        )
    doc.signature(title="Người báo cáo thành tích", name=candidate.recipient_name,
                  left="Xác nhận của thủ trưởng đơn vị")  # fmt: skip
    return doc.to_bytes()


def bien_ban_hop(session: CouncilSession, *, day: date) -> bytes:
    """Biên bản họp Hội đồng và kết quả kiểm phiếu: members, attendance, each ballot's
    totals and the rule it was counted by."""
    doc = StateDocument()
    _unit_header(doc, session.unit, "      /BB-HĐTĐKT", day)
    doc.title("Biên bản", "Họp Hội đồng Thi đua – Khen thưởng và kết quả kiểm phiếu")
    doc.paragraph(
        f"Thời gian: {session.meeting_at:%H giờ %M}, {format_date_long(session.meeting_at.date())}"
        + (f"; địa điểm: {session.place}." if session.place else ".")
    )
    doc.paragraph(
        f"Thành phần: {session.present}/{session.members_total} thành viên Hội đồng có mặt."
    )
    members = session.members.select_related("user").order_by("pk")
    doc.table(
        ["STT", "Họ và tên", "Chức danh", "Có mặt"],
        [
            [str(i), str(m.user), m.get_role_display(), "Có" if m.is_present else "Vắng"]
            for i, m in enumerate(members, start=1)
        ],
        widths=(1.2, 7, 5.8, 2.5),
    )
    doc.paragraph("Kết quả kiểm phiếu:", bold=True)
    ballots = session.ballots.select_related("candidate__proposal").order_by("pk")
    doc.table(
        ["STT", "Đối tượng", "Đề nghị", "Đồng ý", "Không đồng ý", "Kết quả"],
        [
            [
                str(i),
                b.candidate.recipient_name,
                b.candidate.proposal.award_name,
                str(b.approvals),
                str(b.rejections),
                b.result_text or "Chưa kiểm phiếu",
            ]
            for i, b in enumerate(ballots, start=1)
        ],
        widths=(1.1, 3.6, 2.6, 1.7, 1.9, 5.6),
    )
    rules = sorted({b.rule.get("text", "") for b in ballots})
    doc.paragraph("Nguyên tắc xét: " + "; ".join(rules) + ".")
    doc.paragraph("Biên bản được lập thành 02 bản, đã thông qua trước Hội đồng./.")
    chair = session.members.filter(role="chair").select_related("user").first()
    secretary = session.members.filter(role="secretary").select_related("user").first()
    doc.signature(
        title="Chủ tịch Hội đồng",
        name=str(chair.user) if chair else "",
        left=f"THƯ KÝ\n\n\n\n{secretary.user if secretary else ''}",
    )
    return doc.to_bytes()
