from datetime import date

import pytest

from thidua.core.documents import Body, form_name, grounds
from thidua.core.documents.numbering import next_number

CITY = Body("Thành phố Hải Phòng", "tinh")
DISTRICT = Body("Quận Kiến An", "huyen", CITY)


@pytest.mark.parametrize(
    ("code", "decider", "expected"),
    [
        ("bang_khen_tinh", CITY, "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố Hải Phòng"),
        ("co_thi_dua_tinh", CITY, "Cờ thi đua của Ủy ban nhân dân thành phố Hải Phòng"),
        ("chien_si_thi_dua_tinh", CITY, "Chiến sĩ thi đua thành phố Hải Phòng"),
        ("giay_khen", DISTRICT, "Giấy khen của Chủ tịch Ủy ban nhân dân quận Kiến An"),
        # A national form keeps its own name; a decider of the wrong level changes nothing.
        ("bang_khen_thu_tuong", CITY, "Bằng khen của Thủ tướng Chính phủ"),
        ("bang_khen_tinh", DISTRICT, "Bằng khen của Bộ, ban, ngành, tỉnh"),
        ("bang_khen_tinh", None, "Bằng khen của Bộ, ban, ngành, tỉnh"),
    ],
)
def test_a_form_is_named_after_its_decider(code, decider, expected):
    assert expected == form_name(code, decider)


def test_a_decision_of_2025_cites_each_text_in_force_with_number_and_date():
    lines = grounds(
        on=date(2025, 2, 10),
        local_government=True,
        proposed_by="Trưởng phòng Nội vụ quận Kiến An",
    )

    assert lines == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, "
        "bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa "
        "phương ngày 22 tháng 11 năm 2019;",
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định "
        "chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
        "Xét đề nghị của Trưởng phòng Nội vụ quận Kiến An.",
    ]


def test_after_july_2025_the_new_decree_and_local_government_law_are_cited():
    lines = grounds(
        on=date(2025, 9, 1), local_government=True, local_rules=["Quyết định số 15/2024/QĐ-UBND"]
    )

    assert "72/2025/QH15" in lines[0]
    assert any("152/2025/NĐ-CP" in line for line in lines)
    assert not any("98/2023" in line for line in lines)
    assert lines[-1] == "Căn cứ Quyết định số 15/2024/QĐ-UBND."


def test_an_agency_cites_no_local_government_law_and_a_family_title_its_decree():
    lines = grounds(on=date(2024, 6, 1), local_government=False, codes=["gia_dinh_van_hoa"])

    assert not any("chính quyền địa phương" in line for line in lines)
    assert any("86/2023/NĐ-CP" in line for line in lines)


def test_the_next_number_follows_the_highest_of_the_body_year():
    taken = ["245/QĐ-UBND", "12/QĐ-UBND", "300/TTr-UBND", "QĐ số cũ"]

    assert next_number(taken, "QĐ-UBND") == "246/QĐ-UBND"
    assert next_number([], "QĐ-SGDĐT") == "1/QĐ-SGDĐT"
