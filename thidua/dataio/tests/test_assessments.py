"""DanhGia: one assessment per subject and year."""

from __future__ import annotations

import pytest

from thidua.dataio.tests.workbooks import PEOPLE, UNIT_TREE, import_sheets, problem_lines
from thidua.orgs.models import Assessment

pytestmark = pytest.mark.django_db


def assessment(subject="CN1", kind="Cá nhân", **values):
    return {
        "Năm": 2023,
        "Loại đối tượng": kind,
        "Mã đối tượng": subject,
        "Mức độ hoàn thành nhiệm vụ": "Hoàn thành xuất sắc nhiệm vụ",
        **values,
    }


def test_assessments_of_people_and_units_are_created(tmp_path):
    # given
    rows = [
        assessment(**{"Kỷ luật": "Khiển trách", "Số tháng công tác": 10}),
        assessment("LH", "Tập thể", **{"Mức độ hoàn thành nhiệm vụ": "tot"}),
    ]
    # when
    result = import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": PEOPLE, "DanhGia": rows})
    # then
    assert result.ok, problem_lines(result)
    person = Assessment.objects.get(person__code="CN1")
    unit = Assessment.objects.get(unit__code="LH")
    assert (
        person.rating,
        person.discipline,
        person.service_months,
    ) == ("xuat_sac", "khien_trach", 10)
    assert (unit.rating, unit.discipline, unit.service_months) == ("tot", "", 12)


@pytest.mark.parametrize("months", [13, -1, "mười", 6.5])
def test_months_outside_0_to_12_are_reported(tmp_path, months):
    rows = [assessment(**{"Số tháng công tác": months})]

    result = import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": PEOPLE, "DanhGia": rows})

    assert [
        f"DanhGia!2 Số tháng công tác: “{months}” không phải số nguyên từ 0 đến 12."
    ] == problem_lines(result)


@pytest.mark.parametrize("year", ["2023a", 23, 1900, 2023.5, "hai nghìn"])
def test_years_that_are_not_years_are_reported(tmp_path, year):
    result = import_sheets(
        tmp_path, {"DonVi": UNIT_TREE, "CaNhan": PEOPLE, "DanhGia": [assessment(Năm=year)]}
    )

    assert [f"DanhGia!2 Năm: “{year}” không phải năm (từ 1945 đến 2100)."] == problem_lines(result)


def test_a_subject_that_does_not_exist_is_reported(tmp_path):
    rows = [assessment("CN9"), assessment("ZZ", "Tập thể")]

    result = import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": PEOPLE, "DanhGia": rows})

    assert problem_lines(result) == [
        "DanhGia!2 Mã đối tượng: cá nhân “CN9” không có trong trang CaNhan và chưa có trong "
        "hệ thống.",
        "DanhGia!3 Mã đối tượng: đơn vị “ZZ” không có trong trang DonVi và chưa có trong hệ thống.",
    ]


def test_a_subject_assessed_twice_in_a_year_is_reported(tmp_path):
    rows = [assessment(), assessment(**{"Mức độ hoàn thành nhiệm vụ": "Hoàn thành nhiệm vụ"})]

    result = import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": PEOPLE, "DanhGia": rows})

    assert problem_lines(result) == [
        "DanhGia!3 Mã đối tượng: “CN1” đã được đánh giá năm 2023 ở dòng 2."
    ]


def test_a_changed_rating_replaces_the_stored_one(tmp_path):
    # given
    sheets = {"DonVi": UNIT_TREE, "CaNhan": PEOPLE, "DanhGia": [assessment()]}
    import_sheets(tmp_path, sheets)
    # when
    same = import_sheets(tmp_path, sheets)
    changed = import_sheets(
        tmp_path,
        {
            **sheets,
            "DanhGia": [assessment(**{"Mức độ hoàn thành nhiệm vụ": "Hoàn thành nhiệm vụ"})],
        },
    )
    # then
    assert (
        same.counts["DanhGia"].created,
        same.counts["DanhGia"].updated,
        same.counts["DanhGia"].unchanged,
    ) == (0, 0, 1)
    assert changed.counts["DanhGia"].updated == 1
    assert Assessment.objects.get().rating == "hoan_thanh"
