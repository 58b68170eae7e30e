"""Certificates as PDF: A4 landscape, a double border, the national motto, the issuer, the
form in large red capitals, the recipient, the achievement, and at the foot the number, the
decision, the QR code to the public verification page and the signature block.

The font is Source Serif Pro from the ``font-source-serif-pro`` package on PyPI (SIL Open
Font License): its regular, semibold and bold cuts carry every Vietnamese letter, so the PDF
needs no system font. Its italics lack them, so nothing here is set in italics.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import font_source_serif_pro
import segno
from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from thidua.core.text import format_date, format_date_long

FONTS = Path(font_source_serif_pro.font_directory)
REGULAR, SEMIBOLD, BOLD = "SourceSerif", "SourceSerif-Semibold", "SourceSerif-Bold"
RED = Color(0.72, 0.07, 0.09)
GOLD = Color(0.70, 0.53, 0.16)


def _register_fonts() -> None:
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in (
        (REGULAR, "SourceSerifPro-Regular.ttf"),
        (SEMIBOLD, "SourceSerifPro-Semibold.ttf"),
        (BOLD, "SourceSerifPro-Bold.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(FONTS / file)))


@dataclass(frozen=True)
class CertificateText:
    heading: str  # "BẰNG KHEN", "GIẤY KHEN", "GIẤY CHỨNG NHẬN"
    issuer: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG NGỌC SƠN"
    recipient: str
    recipient_detail: str
    achievement: str
    number: str
    decision_number: str
    decision_date: date
    place: str
    signer_title: str
    signer_name: str
    verify_url: str
    code: str
    revoked: bool = False


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if pdfmetrics.stringWidth(trial, font, size) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _qr(canvas: Canvas, url: str, x: float, y: float, size: float) -> None:
    """The QR code drawn as vector squares (no image library needed)."""
    qr = segno.make(url, error="m")
    rows = list(qr.matrix_iter(border=0))
    cell = size / len(rows)
    canvas.setFillColor(black)
    for r, row in enumerate(rows):
        for c, dark in enumerate(row):
            if dark:
                canvas.rect(x + c * cell, y + size - (r + 1) * cell, cell, cell, stroke=0, fill=1)


def _centred(canvas: Canvas, lines: list[str], font: str, size: float, y: float,
             cx: float, leading: float) -> float:  # fmt: skip
    canvas.setFont(font, size)
    for line in lines:
        canvas.drawCentredString(cx, y, line)
        y -= leading
    return y


def certificate_pdf(text: CertificateText) -> bytes:
    _register_fonts()
    out = io.BytesIO()
    width, height = landscape(A4)
    canvas = Canvas(out, pagesize=(width, height))
    canvas.setTitle(f"{text.heading.title()} – {text.recipient}")
    # Border: a thick gold frame and a thin red one inside it.
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(6)
    canvas.rect(10 * mm, 10 * mm, width - 20 * mm, height - 20 * mm)
    canvas.setStrokeColor(RED)
    canvas.setLineWidth(1.2)
    canvas.rect(15 * mm, 15 * mm, width - 30 * mm, height - 30 * mm)

    cx = width / 2
    y = height - 30 * mm
    canvas.setFillColor(black)
    y = _centred(canvas, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], BOLD, 14, y, cx, 18)
    y = _centred(canvas, ["Độc lập - Tự do - Hạnh phúc"], SEMIBOLD, 14, y, cx, 6)
    canvas.setLineWidth(0.8)
    canvas.setStrokeColor(black)
    canvas.line(cx - 40 * mm, y, cx + 40 * mm, y)
    y -= 14 * mm
    y = _centred(canvas, _wrap(text.issuer, BOLD, 15, width - 70 * mm), BOLD, 15, y, cx, 20)
    y -= 8 * mm
    canvas.setFillColor(RED)
    y = _centred(canvas, [text.heading], BOLD, 44, y, cx, 18)
    canvas.setFillColor(black)
    y -= 12 * mm
    y = _centred(canvas, ["Tặng"], REGULAR, 15, y, cx, 24)
    y = _centred(canvas, [text.recipient], BOLD, 24, y, cx, 20)
    if text.recipient_detail:
        y = _centred(canvas, [text.recipient_detail], REGULAR, 14, y, cx, 22)
    y -= 2 * mm
    y = _centred(canvas, _wrap(text.achievement, SEMIBOLD, 15, width - 90 * mm), SEMIBOLD, 15,
                 y, cx, 20)  # fmt: skip

    # Foot: number, decision and QR on the left; the date and signature on the right.
    left = 25 * mm
    foot = 26 * mm
    qr_size = 30 * mm
    _qr(canvas, text.verify_url, left, foot + 12 * mm, qr_size)
    canvas.setFont(REGULAR, 11)
    canvas.drawString(left, foot + 6 * mm, f"Số: {text.number}")
    canvas.drawString(
        left, foot, f"Quyết định số {text.decision_number} ngày {format_date(text.decision_date)}"
    )
    canvas.drawString(left, foot - 6 * mm, f"Mã xác thực: {text.code}")
    right = width - 75 * mm
    sig_y = foot + 44 * mm
    sig_y = _centred(canvas, [format_date_long(text.decision_date, text.place)], REGULAR, 13,
                     sig_y, right, 18)  # fmt: skip
    sig_y = _centred(canvas, _wrap(text.signer_title.upper(), BOLD, 13, 90 * mm), BOLD, 13,
                     sig_y, right, 16)  # fmt: skip
    _centred(canvas, [text.signer_name], BOLD, 14, foot, right, 16)
    if text.revoked:
        canvas.saveState()
        canvas.setFillColor(RED)
        canvas.setFont(BOLD, 40)
        canvas.translate(cx, height / 2)
        canvas.rotate(20)
        canvas.drawCentredString(0, 0, "ĐÃ BỊ HỦY BỎ")
        canvas.restoreState()
    canvas.showPage()
    canvas.save()
    return out.getvalue()
