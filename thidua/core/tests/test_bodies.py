from thidua.core.documents import body_of


def test_a_local_government_speaks_through_its_peoples_committee():
    assert body_of("Phường Lãm Hà", "xa") == "Ủy ban nhân dân phường Lãm Hà"
    assert body_of("Thành phố Hải Phòng", "tinh") == "Ủy ban nhân dân thành phố Hải Phòng"


def test_an_agency_writes_under_its_own_name():
    assert body_of("Sở Giáo dục và Đào tạo Hải Phòng", "so") == "Sở Giáo dục và Đào tạo Hải Phòng"
