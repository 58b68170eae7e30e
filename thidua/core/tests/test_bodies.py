import pytest

from thidua.core.documents import (
    Body,
    body_of,
    document_symbol,
    head_of,
    issuer_lines,
    issuer_lines_of,
    name_lines,
    parent_lines,
    signature_lines,
    symbol_of,
)


def test_a_local_government_speaks_through_its_peoples_committee():
    assert body_of("Phường Lãm Hà", "xa") == "Ủy ban nhân dân phường Lãm Hà"
    assert body_of("Thành phố Hải Phòng", "tinh") == "Ủy ban nhân dân thành phố Hải Phòng"


def test_an_agency_writes_under_its_own_name():
    assert body_of("Sở Giáo dục và Đào tạo Hải Phòng", "so") == "Sở Giáo dục và Đào tạo Hải Phòng"


CITY = Body("Thành phố Hải Phòng", "tinh")
DISTRICT = Body("Quận Kiến An", "huyen", CITY)
WARD = Body("Phường Lãm Hà", "xa", DISTRICT)
SCHOOLS = Body("Sở Giáo dục và Đào tạo", "so", CITY)
OFFICE = Body("Phòng Nội vụ quận Kiến An", "phong_ban", DISTRICT)


@pytest.mark.parametrize(
    ("body", "parent", "issuer"),
    [
        (WARD, (), ("ỦY BAN NHÂN DÂN", "PHƯỜNG LÃM HÀ")),
        (CITY, (), ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG")),
        (SCHOOLS, ("UBND THÀNH PHỐ HẢI PHÒNG",), ("SỞ GIÁO DỤC VÀ ĐÀO TẠO",)),
        (OFFICE, ("UBND QUẬN KIẾN AN",), ("PHÒNG NỘI VỤ", "QUẬN KIẾN AN")),
    ],
)
def test_the_letterhead_names_the_body_by_its_kind(body, parent, issuer):
    assert (parent, issuer) == (parent_lines(body), issuer_lines(body))


def test_a_place_name_is_never_split_across_lines():
    lines = name_lines("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận Kiến An")

    assert lines[-1].endswith("QUẬN KIẾN AN")
    assert all(len(line) <= 24 for line in lines)


def test_a_decision_known_by_its_body_name_only_gets_the_same_lines():
    assert issuer_lines_of("UBND quận Kiến An") == ("ỦY BAN NHÂN DÂN", "QUẬN KIẾN AN")


@pytest.mark.parametrize(
    ("body", "expected"), [(DISTRICT, "QĐ-UBND"), (SCHOOLS, "QĐ-SGDĐT"), (OFFICE, "QĐ-PNV")]
)
def test_the_number_carries_the_body_symbol(body, expected):
    assert document_symbol("QĐ", body) == expected


def test_a_symbol_the_unit_has_set_wins():
    assert symbol_of(Body("Trường THCS Ngô Quyền", "truong_hoc", symbol="THCSNQ")) == "THCSNQ"


@pytest.mark.parametrize(
    ("body", "title", "on_behalf", "expected"),
    [
        (DISTRICT, "Chủ tịch", False, ("CHỦ TỊCH",)),
        (DISTRICT, "Phó Chủ tịch", False, ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
        (DISTRICT, "Chủ tịch", True, ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")),
        (WARD, "Phó Chủ tịch", True, ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
        (SCHOOLS, "Phó Giám đốc", True, ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
    ],
)
def test_the_signature_block_follows_the_authority(body, title, on_behalf, expected):
    assert expected == signature_lines(body, signer_title=title, on_behalf=on_behalf)


def test_the_head_is_named_with_the_body():
    assert head_of(DISTRICT) == "Chủ tịch Ủy ban nhân dân quận Kiến An"
    assert head_of(SCHOOLS) == "Giám đốc Sở Giáo dục và Đào tạo"
    assert head_of(OFFICE) == "Trưởng phòng Nội vụ quận Kiến An"
