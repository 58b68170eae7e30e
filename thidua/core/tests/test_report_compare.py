"""The report's table rows and the sentence comparing a year with the one before."""

from __future__ import annotations

from thidua.core.catalog import Recipient
from thidua.core.reports import AwardCount, change_phrase, compare_counts, comparison_paragraph

P, C = Recipient.INDIVIDUAL, Recipient.COLLECTIVE


def count(code: str, recipient: Recipient, n: int) -> AwardCount:
    return AwardCount(code=code, recipient=recipient, count=n)


def test_rows_cover_both_years_in_order_of_precedence_then_recipient():
    now = (count("lao_dong_tien_tien", P, 210), count("giay_khen", P, 5))
    before = (count("giay_khen", C, 2), count("co_thi_dua_tinh", C, 1))

    rows = compare_counts(now, before)

    assert [(r.code, r.recipient, r.now, r.before) for r in rows] == [
        ("co_thi_dua_tinh", C, 0, 1),
        ("giay_khen", C, 0, 2),
        ("giay_khen", P, 5, 0),
        ("lao_dong_tien_tien", P, 210, 0),
    ]
    assert (rows[0].kind_label, rows[2].kind_label) == (
        "Danh hiệu thi đua",
        "Hình thức khen thưởng",
    )
    assert rows[2].change == 5
    assert rows[2].name == "Giấy khen"


def test_a_row_names_the_issuing_body_as_the_paragraph_does():
    rows = compare_counts((count("giay_khen", P, 5),), (), {"giay_khen": "UBND quận"})

    assert rows[0].name == "Giấy khen của UBND quận"


def test_changes_read_as_an_office_writes_them():
    assert change_phrase(1234, 100) == "tăng 1.134 (từ 100 lên 1.234)"
    assert change_phrase(7, 10) == "giảm 3 (từ 10 xuống 7)"
    assert change_phrase(4, 4) == "không đổi (4)"


def test_the_paragraph_gives_the_whole_then_titles_and_forms():
    rows = compare_counts(
        (count("lao_dong_tien_tien", P, 12), count("giay_khen", P, 3)),
        (count("lao_dong_tien_tien", P, 10), count("giay_khen", P, 5)),
    )

    assert comparison_paragraph(2023, rows) == (
        "So với năm 2022, tổng số lượt khen thưởng không đổi (15); số lượt danh hiệu thi đua "
        "tăng 2 (từ 10 lên 12); số lượt hình thức khen thưởng giảm 2 (từ 5 xuống 3)."
    )
    assert comparison_paragraph(2023, ()) == (
        "Năm 2023 và năm 2022 đều chưa có khen thưởng nào được ghi nhận."
    )
