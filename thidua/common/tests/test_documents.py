"""The state document builder (NĐ 30/2020): page, fonts, header, numbering, table, signature."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Pt

from thidua.common.documents import Header, Signature, StateDocument


def build() -> DocxDocument:
    doc = StateDocument(
        Header(
            issuer="Ủy ban nhân dân phường Lãm Hà",
            parent="Ủy ban nhân dân quận Kiến An",
            number="12/BC-UBND",
            place="Lãm Hà",
            day=date(2024, 2, 5),
        ),
        kind="Báo cáo",
        subject="Tổng kết công tác thi đua, khen thưởng năm 2023",
    )
    doc.heading("Kết quả")
    doc.heading("Phong trào thi đua", level=2)
    doc.heading("Thường xuyên", level=3)
    doc.heading("Theo đợt", level=3)
    doc.heading("Khen thưởng", level=2)
    doc.heading("Phương hướng")
    doc.paragraph("Năm 2023, phường có 1.234 lượt khen thưởng.")
    doc.table(["TT", "Nội dung", "Số lượng"], [["1", "Giấy khen", 1234]], widths_cm=[1.5, 11, 4])
    doc.signature(Signature(authority="TM. Ủy ban nhân dân", title="Chủ tịch", name="Lê Văn A"))
    out = io.BytesIO()
    doc.save(out)
    return Document(io.BytesIO(out.getvalue()))


def test_the_page_is_a4_with_the_decrees_margins_and_font():
    doc = build()
    section = doc.sections[0]
    # Stored in twentieths of a point: compared to the millimetre.
    mm = [
        round(x.mm if x is not None else 0)
        for x in (
            section.page_width,
            section.page_height,
            section.left_margin,
            section.right_margin,
            section.top_margin,
            section.bottom_margin,
        )
    ]
    assert mm == [210, 297, 30, 15, 20, 20]
    runs = [r for p in doc.paragraphs for r in p.runs if r.text]
    assert {r.font.name for r in runs} == {"Times New Roman"}
    assert {r.font.size for r in runs} <= {Pt(13), Pt(14)}


def test_the_header_has_the_national_title_the_body_the_number_and_the_date_line():
    left, right = build().tables[0].rows[0].cells
    # The parent body shortened, the issuer on lines that never wrap (no-break spaces).
    lines = left.text.replace("\xa0", " ").split("\n")
    assert lines[:3] == ["UBND QUẬN KIẾN AN", "ỦY BAN NHÂN DÂN", "PHƯỜNG LÃM HÀ"]
    assert "Số: 12/BC-UBND" in left.text
    assert right.text.split("\n")[:2] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    # Days under 10 and the months January and February take a leading zero.
    assert "Lãm Hà, ngày 05 tháng 02 năm 2024" in right.text
    italic = [r for p in right.paragraphs for r in p.runs if "ngày" in r.text]
    assert italic[0].italic


def test_headings_are_numbered_i_1_a_and_restart_below_a_new_level():
    texts = [p.text for p in build().paragraphs if p.text]
    assert texts[:2] == ["BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng năm 2023"]
    assert texts[2:8] == [
        "I. KẾT QUẢ",
        "1. Phong trào thi đua",
        "a) Thường xuyên",
        "b) Theo đợt",
        "2. Khen thưởng",
        "II. PHƯƠNG HƯỚNG",
    ]


def test_tables_write_numbers_as_vietnamese_and_repeat_their_header():
    table = build().tables[1]
    assert [c.text for c in table.rows[1].cells] == ["1", "Giấy khen", "1.234"]
    assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")


def test_the_signature_sits_beside_the_recipients():
    left, right = build().tables[2].rows[0].cells
    assert left.text.startswith("Nơi nhận:\n- Như trên;")
    assert right.text.startswith("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
    assert right.text.rstrip().endswith("Lê Văn A")


def test_the_page_number_is_a_field_in_the_header_from_the_second_page():
    section = build().sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header.paragraphs[0]._p.xml
