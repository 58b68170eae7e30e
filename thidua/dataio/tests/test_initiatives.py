"""SangKien: one initiative per year and title, one row per author."""

from __future__ import annotations

import pytest

from thidua.dataio.tests.workbooks import PEOPLE, UNIT_TREE, import_sheets, problem_lines
from thidua.orgs.models import Initiative

pytestmark = pytest.mark.django_db


def initiative(person="CN1", title="Số hóa hồ sơ thi đua", scope="Cơ sở", year=2023):
    return {"Năm": year, "Mã cá nhân": person, "Tên sáng kiến": title, "Phạm vi ảnh hưởng": scope}


def test_rows_of_one_title_are_one_initiative_with_its_authors(tmp_path):
    # given
    rows = [
        initiative(),
        initiative("CN2", title="số hóa hồ sơ thi đua"),
        initiative(title="Khác", scope="Bộ"),
    ]
    # when
    result = import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": PEOPLE, "SangKien": rows})
    # then
    assert result.ok, problem_lines(result)
    first = Initiative.objects.get(title="Số hóa hồ sơ thi đua")
    assert ("co_so", {"CN1", "CN2"}) == (first.scope, {p.code for p in first.authors.all()})
    assert Initiative.objects.get(title="Khác").scope == "tinh"


def test_authors_must_agree_on_the_scope_and_exist(tmp_path):
    rows = [initiative(), initiative("CN2", scope="Toàn quốc"), initiative("CN9", title="Khác")]

    result = import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": PEOPLE, "SangKien": rows})

    assert problem_lines(result) == [
        "SangKien!3 Phạm vi ảnh hưởng: sáng kiến này đã ghi ở dòng 2 với phạm vi Cơ sở.",
        "SangKien!4 Mã cá nhân: cá nhân “CN9” không có trong trang CaNhan và chưa có trong hệ "
        "thống.",
    ]


def test_a_new_author_joins_a_recorded_initiative(tmp_path):
    # given
    import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": PEOPLE, "SangKien": [initiative()]})
    # when
    result = import_sheets(
        tmp_path,
        {"DonVi": UNIT_TREE, "CaNhan": PEOPLE, "SangKien": [initiative(), initiative("CN2")]},
    )
    # then
    counts = result.counts["SangKien"]
    assert (counts.created, counts.updated, counts.unchanged) == (1, 0, 1)
    assert Initiative.objects.get().authors.count() == 2
