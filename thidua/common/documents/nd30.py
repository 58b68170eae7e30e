"""Word documents in the state format of Nghị định 30/2020/NĐ-CP (Phụ lục I), for reports,
covenants, decisions and dossiers alike.

A document is built in the order it reads::

    doc = StateDocument(
        Header(issuer="Ủy ban nhân dân quận Kiến An", parent="", number="    /BC-UBND",
               place="Kiến An", day=date(2024, 1, 15)),
        kind="Báo cáo",
        subject="Kết quả công tác thi đua, khen thưởng năm 2023",
    )
    doc.heading("Kết quả chung")            # I. KẾT QUẢ CHUNG
    doc.paragraph("Năm 2023, …")
    doc.heading("Số liệu", level=2)          # 1. Số liệu
    doc.table(["TT", "Nội dung", "Số lượng"], rows, widths_cm=[1.2, 11, 3.3])
    doc.signature(Signature(authority="TM. Ủy ban nhân dân", title="Chủ tịch"))
    doc.save(path_or_file)

What the decree fixes is fixed here: A4, margins (top and bottom 20 mm, left 30 mm, right
15 mm), Times New Roman, the national title and motto with the rule under the motto, the
issuing body in capitals with its short rule, "Số:", the place and date line in italics, the
kind of document and its subject in bold with a rule, body text of 14 pt justified with a
first-line indent, headings numbered I., 1., a), the signature block beside "Nơi nhận", and
the page number at the top centre from the second page on.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Literal

from django.utils import timezone
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from thidua.common.documents.ooxml import (
    bottom_rule,
    field,
    fixed_widths,
    keep_together,
    repeat_as_header,
)
from thidua.core.documents import issuer_lines_of, name_lines
from thidua.core.documents.bodies import short_committee
from thidua.core.text import format_date_long

FONT = "Times New Roman"
BODY_PT = 14
HEADER_PT = 13  # national title, issuing body (12–13 pt)
SMALL_PT = 12  # "Nơi nhận:" and table text
LIST_PT = 11  # the recipients
TEXT_WIDTH_CM = 16.5  # A4 less the left (3 cm) and right (1.5 cm) margins
LEFT_CM, RIGHT_CM = 6.5, 10.0  # the header's and the signature's two columns

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

Align = Literal["left", "center", "right", "justify"]
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass(frozen=True, slots=True)
class Header:
    """The top of the first page. ``issuer`` and ``parent`` (the body above the issuer, if
    any) are written in capitals; ``number`` follows "Số: " (leave the number blank, as
    drafts do, with spaces: "    /BC-UBND"); ``day`` ``None`` leaves the date to be filled."""

    issuer: str
    place: str
    number: str = ""
    parent: str = ""
    day: date | None = None
    # A report of achievements carries no number (its form has no "Số" line).
    numbered: bool = True


@dataclass(frozen=True, slots=True)
class Signature:
    """``authority`` ("TM. Ủy ban nhân dân", "KT. Chủ tịch", or several lines of them) and
    ``title`` ("Chủ tịch") are written in capitals; an empty ``name`` leaves room for the hand
    and the seal."""

    title: str
    authority: str = ""
    name: str = ""
    recipients: tuple[str, ...] = ("Như trên;", "Lưu: VT.")
    # The hint under the title on a form filled by hand (SIGN_AND_SEAL, SIGN); an issued
    # document leaves only the room for the hand and the seal.
    note: str = ""


SIGN_AND_SEAL = "(Ký, ghi rõ họ tên, đóng dấu)"
SIGN = "(Ký, ghi rõ họ tên)"


def roman(n: int) -> str:
    return ROMAN[n - 1] if 0 < n <= len(ROMAN) else str(n)


def upper(text: str) -> str:
    return " ".join(text.split()).upper()


def unbroken(line: str) -> str:
    """A letterhead line that the word processor may not wrap (no-break spaces): the core
    has already cut the name where it may be cut."""
    return line.replace(" ", "\u00a0")


class StateDocument:
    def __init__(self, header: Header, *, kind: str, subject: str = "") -> None:
        self.document = Document()
        self._numbers = [0, 0, 0]
        self._setup()
        self._header(header)
        self._title(kind, subject)

    # --- the parts a caller adds ------------------------------------------------------

    def heading(self, text: str, *, level: int = 1) -> Paragraph:
        """A numbered heading: I. IN CAPITALS, then 1. Bold, then a) italic."""
        self._numbers[level - 1] += 1
        for deeper in range(level, len(self._numbers)):
            self._numbers[deeper] = 0
        n = self._numbers[level - 1]
        if level == 1:
            label, bold, italic = f"{roman(n)}. {upper(text)}", True, False
        elif level == 2:
            label, bold, italic = f"{n}. {text}", True, False
        else:
            label, bold, italic = f"{chr(ord('a') + n - 1)}) {text}", False, True
        paragraph = self.paragraph(label, bold=bold, italic=italic, indent=True)
        paragraph.paragraph_format.keep_with_next = True
        return paragraph

    def paragraph(
        self,
        text: str = "",
        *,
        bold: bool = False,
        italic: bool = False,
        align: Align = "justify",
        indent: bool = True,
        size: int = BODY_PT,
        lead: str = "",
    ) -> Paragraph:
        """Body text: justified, first line indented 1 cm, 6 pt after (ND 30: ≥ 6 pt). A
        ``lead`` ("Điều 1.") opens the paragraph in bold, the text following it."""
        paragraph = self.document.add_paragraph()
        self._format(paragraph, align=align, after=6, line=1.15)
        if indent:
            paragraph.paragraph_format.first_line_indent = Cm(1)
        if lead:
            self._run(paragraph, f"{lead} ", size=size, bold=True, italic=italic)
        if text:
            self._run(paragraph, text, size=size, bold=bold, italic=italic)
        return paragraph

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[object]],
        *,
        widths_cm: Sequence[float],
        align: Sequence[Align] | None = None,
        total: Sequence[object] | None = None,
    ) -> None:
        """A ruled table, its header row bold and repeated on each page; ``total`` is a last
        row in bold. Numbers are written as Vietnamese writes them (1.234)."""
        align = align or ["left"] * len(headers)
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        fixed_widths(table, [Cm(w) for w in widths_cm])
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            self._cell(cell, text, bold=True, align="center")
        repeat_as_header(table.rows[0])
        for values, bold in [*((r, False) for r in rows), *([(total, True)] if total else [])]:
            row = table.add_row()
            keep_together(row)
            cells = row.cells
            for cell, value, where in zip(cells, values, align, strict=True):
                self._cell(cell, _text(value), bold=bold, align=where)
        fixed_widths(table, [Cm(w) for w in widths_cm])
        self.paragraph(indent=False, size=6)  # air between the table and what follows

    def signature(self, signature: Signature, *, beside: Signature | None = None) -> None:
        """ "Nơi nhận" on the left, the signer on the right, side by side (no rules). With
        ``beside``, a second signer takes the left (minutes: the secretary; a report of
        achievements: the head who confirms it)."""
        table = self.document.add_table(rows=1, cols=2)
        fixed_widths(table, [Cm(LEFT_CM), Cm(RIGHT_CM)])
        left, right = table.rows[0].cells
        if beside is not None:
            self._signer(left, beside)
        else:
            first = left.paragraphs[0]
            self._format(first, align="left", before=6)
            self._run(first, "Nơi nhận:", size=SMALL_PT, bold=True, italic=True)
            for recipient in signature.recipients:
                line = left.add_paragraph()
                self._format(line, align="left")
                self._run(line, f"- {recipient}", size=LIST_PT)
        self._signer(right, signature)

    def _signer(self, cell: _Cell, signature: Signature) -> None:
        lines = [upper(line) for line in signature.authority.split("\n") if line.strip()]
        lines.append(upper(signature.title))
        top = cell.paragraphs[0]
        self._format(top, align="center", before=6)
        self._run(top, "\n".join(lines), size=BODY_PT, bold=True)
        if signature.note:
            hand = cell.add_paragraph()
            self._format(hand, align="center")
            self._run(hand, signature.note, size=BODY_PT, italic=True)
        for _ in range(3):
            self._format(cell.add_paragraph(), align="center")
        name = cell.add_paragraph()
        self._format(name, align="center")
        self._run(name, signature.name, size=BODY_PT, bold=True)

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        self.save(out)
        return out.getvalue()

    def save(self, dest: str | Path | IO[bytes]) -> None:
        self.document.save(dest)  # type: ignore[arg-type]

    # --- the fixed parts ----------------------------------------------------------------

    def _setup(self) -> None:
        section = self.document.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin, section.right_margin = Cm(3), Cm(1.5)
        section.header_distance = Cm(1)
        section.start_type = WD_SECTION.NEW_PAGE
        normal = self.document.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(BODY_PT)
        # Vietnamese letters are "complex script" and East Asian to some fonts' tables.
        fonts = normal.element.rPr.rFonts
        for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(key), FONT)
        # Page numbers: top centre, from the second page.
        section.different_first_page_header_footer = True
        number = section.header.paragraphs[0]
        self._format(number, align="center")
        field(number, "PAGE")
        for run in number.runs:
            run.font.size = Pt(BODY_PT)

    def _header(self, header: Header) -> None:
        table = self.document.add_table(rows=1, cols=2)
        fixed_widths(table, [Cm(LEFT_CM), Cm(RIGHT_CM)])
        left, right = table.rows[0].cells

        body = left.paragraphs[0]
        self._format(body, align="center")
        parent = name_lines(short_committee(header.parent)) if header.parent else ()
        for line in parent:
            self._run(body, unbroken(line) + "\n", size=HEADER_PT)
        self._run(
            body,
            "\n".join(map(unbroken, issuer_lines_of(header.issuer))),
            size=HEADER_PT,
            bold=True,
        )
        self._rule(left, width_cm=LEFT_CM, length_cm=2.2)
        if header.numbered:
            number = left.add_paragraph()
            self._format(number, align="center", before=4)
            text = f"Số: {header.number}" if header.number else "Số:       "
            self._run(number, text, size=HEADER_PT)

        title = right.paragraphs[0]
        self._format(title, align="center")
        self._run(title, NATIONAL_TITLE, size=HEADER_PT, bold=True)
        motto = right.add_paragraph()
        self._format(motto, align="center")
        self._run(motto, MOTTO, size=BODY_PT, bold=True)
        self._rule(right, width_cm=RIGHT_CM, length_cm=6.1)  # as long as the motto
        when = right.add_paragraph()
        self._format(when, align="center", before=4)
        line = (
            format_date_long(header.day, header.place)
            if header.day
            else f"{header.place}, ngày      tháng      năm {timezone.localdate().year}"
        )
        self._run(when, line, size=BODY_PT, italic=True)

    def _title(self, kind: str, subject: str) -> None:
        title = self.document.add_paragraph()
        self._format(title, align="center", before=18)
        self._run(title, upper(kind), size=BODY_PT, bold=True)
        if subject:
            line = self.document.add_paragraph()
            self._format(line, align="center")
            self._run(line, subject, size=BODY_PT, bold=True)
            rule = self.document.add_paragraph()
            length = min(max(len(subject) * 0.08, 3.0), 6.0)  # a third to a half of it
            indent = (TEXT_WIDTH_CM - length) / 2
            rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Cm(indent)
            self._format(rule, align="center", after=12)
            self._rule_line(rule)

    def _rule(self, cell: _Cell, *, width_cm: float, length_cm: float) -> None:
        """A short centred rule in a header cell (an empty paragraph with a bottom border,
        indented to the rule's length)."""
        rule = cell.add_paragraph()
        indent = (width_cm - length_cm) / 2 - 0.1  # the cell's own margins
        rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Cm(indent)
        self._format(rule, align="center")
        self._rule_line(rule)

    @staticmethod
    def _rule_line(paragraph: Paragraph) -> None:
        # An exact, tiny line height puts the border just under the text above it.
        paragraph.paragraph_format.line_spacing = Pt(8)
        bottom_rule(paragraph)

    def _cell(self, cell: _Cell, text: str, *, bold: bool, align: Align) -> None:
        paragraph = cell.paragraphs[0]
        self._format(paragraph, align=align, before=2, after=2)
        self._run(paragraph, text, size=SMALL_PT + 1, bold=bold)

    @staticmethod
    def _format(
        paragraph: Paragraph,
        *,
        align: Align,
        before: float = 0,
        after: float = 0,
        line: float = 1.0,
    ) -> None:
        fmt = paragraph.paragraph_format
        fmt.alignment = ALIGN[align]
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.line_spacing = line

    @staticmethod
    def _run(
        paragraph: Paragraph, text: str, *, size: int, bold: bool = False, italic: bool = False
    ) -> None:
        run = paragraph.add_run(text)
        run.font.name = FONT
        run.font.size = Pt(size)
        run.bold, run.italic = bold, italic


def _text(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return str(value)
