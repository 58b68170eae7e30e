"""The few WordprocessingML details python-docx has no API for: borders, a repeated table
header, fields (the page number), table and cell widths."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph


def _child(parent: object, tag: str) -> object:
    """``parent``'s ``tag`` child, created if missing."""
    element = parent.find(qn(tag))  # type: ignore[attr-defined]
    if element is None:
        element = OxmlElement(tag)
        parent.append(element)  # type: ignore[attr-defined]
    return element


def bottom_rule(paragraph: Paragraph, *, size_eighths: int = 6) -> None:
    """A solid line under the paragraph, as long as the paragraph is wide."""
    borders = _child(paragraph._p.get_or_add_pPr(), "w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (
        ("w:val", "single"),
        ("w:sz", str(size_eighths)),
        ("w:space", "1"),
        ("w:color", "000000"),
    ):
        bottom.set(qn(key), value)
    borders.append(bottom)  # type: ignore[attr-defined]


def repeat_as_header(row: _Row) -> None:
    """The row is printed again at the top of each page the table runs onto."""
    _child(row._tr.get_or_add_trPr(), "w:tblHeader").set(qn("w:val"), "true")  # type: ignore[attr-defined]


def keep_together(row: _Row) -> None:
    """The row is not split across two pages."""
    _child(row._tr.get_or_add_trPr(), "w:cantSplit").set(qn("w:val"), "true")  # type: ignore[attr-defined]


def field(paragraph: Paragraph, instruction: str) -> None:
    """A field such as ``PAGE``, computed by the word processor."""
    run = paragraph.add_run()
    begin, text, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, end):
        run._r.append(element)


def fixed_widths(table: Table, widths: list[Length]) -> None:
    """Column widths that Word and LibreOffice both keep (the grid and every cell)."""
    table.autofit = False
    layout = _child(table._tbl.tblPr, "w:tblLayout")
    layout.set(qn("w:type"), "fixed")  # type: ignore[attr-defined]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
