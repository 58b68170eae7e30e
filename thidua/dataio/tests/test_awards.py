"""KhenThuong: records under legacy decisions, added only, never changed."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.awards.choices import DecisionStatus
from thidua.awards.models import AwardRecord, Decision
from thidua.awards.services import decision_create
from thidua.dataio.tests.workbooks import PEOPLE, UNIT_TREE, award, import_sheets, problem_lines
from thidua.orgs.models import Household, Person, Unit
from thidua.orgs.tests.factories import HouseholdFactory

pytestmark = pytest.mark.django_db
BASE = {"DonVi": UNIT_TREE, "CaNhan": PEOPLE}


def run(tmp_path, *rows, **options):
    return import_sheets(tmp_path, {**BASE, "KhenThuong": list(rows)}, **options)


def test_records_go_under_an_issued_legacy_decision(tmp_path):
    # when
    result = run(
        tmp_path,
        award(),
        award(**{"Mã danh hiệu": "Giấy khen", "Thành tích": "Hoàn thành xuất sắc nhiệm vụ"}),
        award(
            **{
                "Mã danh hiệu": "Tập thể lao động tiên tiến",
                "Loại đối tượng": "Tập thể",
                "Mã đối tượng": "LH",
            }
        ),
    )
    # then
    assert result.ok, problem_lines(result)
    assert result.counts["KhenThuong"].created == 3
    decision = Decision.objects.get()
    assert ("12/QĐ-UBND", date(2024, 1, 15), "UBND quận Kiến An", True, DecisionStatus.ISSUED) == (
        decision.number,
        decision.date,
        decision.issuing_body,
        decision.is_legacy,
        decision.status,
    )
    person = AwardRecord.objects.filter(code="lao_dong_tien_tien").values_list(
        "recipient_kind", "person__code", "unit__code", "recipient_name", "year"
    )
    assert list(person) == [("individual", "CN1", "LH", "Nguyễn Văn Hinh", 2023)]
    collective = AwardRecord.objects.filter(code="tap_the_lao_dong_tien_tien").values_list(
        "collective__code", "unit__code", "recipient_name"
    )
    assert list(collective) == [("LH", "LH", "Phường Lãm Hà")]
    assert AwardRecord.objects.standing().count() == 3


def test_the_unit_at_the_time_may_differ_from_the_current_one(tmp_path):
    run(tmp_path, award(**{"Mã đơn vị": "KA"}))

    assert AwardRecord.objects.get().unit.code == "KA"


def test_an_impossible_decision_date_is_reported_as_the_ui_says(tmp_path):
    result = run(
        tmp_path, award(), award(**{"Ngày quyết định": "31/02/2024", "Số quyết định": "13/QĐ-UBND"})
    )

    assert problem_lines(result) == ["KhenThuong!3 Ngày quyết định: ngày 31/02/2024 không tồn tại."]
    assert not Unit.objects.exists()  # all or nothing: the good sheets are not written either


def test_unknown_award_codes_are_reported(tmp_path):
    result = run(tmp_path, award(**{"Mã danh hiệu": "bang_khen_bo_truong"}))

    assert problem_lines(result) == [
        "KhenThuong!2 Mã danh hiệu: “bang_khen_bo_truong” không phải mã danh hiệu, hình thức "
        "khen thưởng (xem trang HuongDan)."
    ]


def test_an_award_is_named_by_code_or_vietnamese_name_in_any_case(tmp_path):
    result = run(
        tmp_path,
        award(**{"Mã danh hiệu": "CHIẾN SĨ THI ĐUA CƠ SỞ"}),
        award(**{"Mã danh hiệu": "Bang khen cua Bo, ban, nganh, tinh", "Năm": 2022}),
    )

    assert result.ok, problem_lines(result)
    assert {"chien_si_thi_dua_co_so", "bang_khen_tinh"} == set(
        AwardRecord.objects.values_list("code", flat=True)
    )


def test_a_title_for_the_wrong_kind_of_recipient_is_reported(tmp_path):
    result = run(
        tmp_path,
        award(
            **{
                "Mã danh hiệu": "Lao động tiên tiến",
                "Loại đối tượng": "Tập thể",
                "Mã đối tượng": "LH",
            }
        ),
    )

    assert problem_lines(result) == [
        "KhenThuong!2 Mã danh hiệu: Lao động tiên tiến không tặng cho tập thể."
    ]


def test_subjects_that_do_not_exist_are_reported(tmp_path):
    result = run(
        tmp_path,
        award(**{"Mã đối tượng": "CN9"}),
        award(**{"Mã danh hiệu": "giay_khen", "Loại đối tượng": "Tập thể", "Mã đối tượng": "ZZ"}),
        award(**{"Mã đơn vị": "ZZ"}),
    )

    assert problem_lines(result) == [
        "KhenThuong!2 Mã đối tượng: cá nhân “CN9” không có trong trang CaNhan và chưa có "
        "trong hệ thống.",
        "KhenThuong!3 Mã đối tượng: đơn vị “ZZ” không có trong trang DonVi và chưa có trong "
        "hệ thống.",
        "KhenThuong!4 Mã đơn vị: đơn vị “ZZ” không có trong trang DonVi và chưa có trong hệ thống.",
    ]


def test_a_name_given_must_be_the_subjects(tmp_path):
    result = run(
        tmp_path,
        award(**{"Tên đối tượng": "NGUYỄN VĂN HINH"}),
        award(**{"Tên đối tượng": "Nguyễn Văn Hình", "Năm": 2022}),
    )

    assert problem_lines(result) == [
        "KhenThuong!3 Tên đối tượng: “Nguyễn Văn Hình” khác tên của “CN1” là “Nguyễn Văn Hinh”."
    ]


def test_a_household_needs_its_unit(tmp_path):
    row = award(
        **{
            "Mã danh hiệu": "Gia đình văn hóa",
            "Loại đối tượng": "Hộ gia đình",
            "Mã đối tượng": "HO1",
            "Tên đối tượng": "Lê Văn Tám",
        }
    )

    result = run(tmp_path, row)

    assert problem_lines(result) == [
        "KhenThuong!2 Mã đơn vị: cần ghi mã đơn vị nơi hộ gia đình thuộc về."
    ]


def test_a_new_household_is_created_in_its_unit(tmp_path):
    # given
    row = award(
        **{
            "Mã danh hiệu": "Gia đình văn hóa",
            "Loại đối tượng": "Hộ gia đình",
            "Mã đối tượng": "HO1",
            "Tên đối tượng": "Hộ Lê Văn Tám",
            "Mã đơn vị": "LH",
        }
    )
    # when
    result = run(tmp_path, row, {**row, "Năm": 2022, "Tên đối tượng": None})
    # then
    assert result.ok, problem_lines(result)
    household = Household.objects.get()
    assert (household.code, household.name, household.unit.code) == ("HO1", "Lê Văn Tám", "LH")
    assert {"Hộ Lê Văn Tám"} == set(AwardRecord.objects.values_list("recipient_name", flat=True))


def test_a_recorded_household_keeps_its_unit(tmp_path):
    # given
    run(tmp_path)
    HouseholdFactory.create(code="HO1", unit=Unit.objects.get(code="KA"))
    row = award(
        **{
            "Mã danh hiệu": "gia_dinh_van_hoa",
            "Loại đối tượng": "Hộ gia đình",
            "Mã đối tượng": "HO1",
            "Mã đơn vị": "LH",
        }
    )
    # when
    result = run(tmp_path, row)
    # then
    assert (problem_lines(result)) == [
        "KhenThuong!2 Mã đơn vị: hộ gia đình “HO1” thuộc đơn vị “KA”, không phải “LH”."
    ]


def test_an_enterprise_is_created_with_its_name(tmp_path):
    row = award(
        **{
            "Mã danh hiệu": "Bằng khen của Bộ, ban, ngành, tỉnh",
            "Loại đối tượng": "Doanh nghiệp",
            "Mã đối tượng": "DN1",
            "Tên đối tượng": "Công ty Cổ phần Cảng Hải Phòng",
            "Mã đơn vị": "HP",
        }
    )

    result = run(tmp_path, row)

    assert result.ok, problem_lines(result)
    record = AwardRecord.objects.get()
    assert (
        record.recipient_kind,
        record.recipient_name,
    ) == ("enterprise", "Công ty Cổ phần Cảng Hải Phòng")


def test_the_same_record_twice_is_one_record(tmp_path):
    result = run(tmp_path, award(), award())

    counts = result.counts["KhenThuong"]
    assert (counts.created, counts.updated, counts.unchanged) == (1, 0, 1)
    assert AwardRecord.objects.count() == 1


def test_a_decision_needs_one_date(tmp_path):
    result = run(
        tmp_path,
        award(**{"Ngày quyết định": None}),
        award(**{"Số quyết định": "13/QĐ-UBND", "Năm": 2022}),
        award(**{"Số quyết định": "13/QĐ-UBND", "Ngày quyết định": "16/01/2024"}),
    )

    assert problem_lines(result) == [
        "KhenThuong!2 Ngày quyết định: cần ghi ngày của quyết định số 12/QĐ-UBND.",
        "KhenThuong!4 Ngày quyết định: quyết định số 13/QĐ-UBND đã ghi ngày 15/01/2024 ở dòng 3.",
    ]


def test_reimporting_awards_creates_nothing(tmp_path):
    # given
    run(tmp_path, award(), award(Năm=2022))
    # when
    again = run(tmp_path, award(), award(Năm=2022))
    # then
    counts = again.counts["KhenThuong"]
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 2)
    assert AwardRecord.objects.count() == 2


def test_an_award_to_a_stored_person_needs_no_other_sheet(tmp_path):
    # given: the people are in the database; the second file holds only awards
    run(tmp_path)
    # when
    result = import_sheets(tmp_path, {"DonVi": [], "KhenThuong": [award()]})
    # then
    assert result.ok, problem_lines(result)
    assert [r.unit.code for r in AwardRecord.objects.all()] == ["LH"]


def test_an_issued_legacy_decision_is_reopened_for_new_records_and_issued_again(tmp_path):
    # given
    run(tmp_path, award())
    # when
    result = run(tmp_path, award(), award(**{"Mã đối tượng": "CN2"}))
    # then
    assert result.counts["KhenThuong"].created == 1
    decision = Decision.objects.get()
    assert (decision.status, decision.records.count()) == (DecisionStatus.ISSUED, 2)


def test_a_recorded_award_cannot_be_changed_by_the_workbook(tmp_path):
    # given
    run(tmp_path, award())
    # when
    result = run(tmp_path, award(**{"Thành tích": "Khác"}))
    # then
    assert problem_lines(result) == [
        "KhenThuong!2 Thành tích: lần khen này đã có theo quyết định số 12/QĐ-UBND nhưng khác "
        "đơn vị hoặc thành tích; khen thưởng theo quyết định đã ban hành không sửa được."
    ]


def test_a_decision_made_in_the_system_is_not_extended_by_a_workbook(tmp_path):
    # given: 12/QĐ-UBND issued in the system for CN2
    run(tmp_path)
    Decision.objects.create(
        number="12/QĐ-UBND", issuing_body="UBND quận Kiến An", date=date(2024, 1, 15),
        status=DecisionStatus.ISSUED,
    )  # fmt: skip
    # when
    result = run(tmp_path, award())
    # then
    assert problem_lines(result) == [
        "KhenThuong!2 Số quyết định: quyết định số 12/QĐ-UBND được lập trong hệ thống, không "
        "bổ sung bằng tệp được; hãy ghi số quyết định khác hoặc bổ sung trong hệ thống."
    ]


def test_a_draft_decision_in_the_system_is_not_issued_by_a_workbook(tmp_path):
    # given
    run(tmp_path)
    decision_create(number="12/QĐ-UBND", decision_date=None, issuing_body="UBND quận Kiến An")
    # when
    result = run(tmp_path, award())
    # then
    assert not result.ok
    assert Decision.objects.get().status == DecisionStatus.DRAFT


def test_a_recorded_legacy_decision_keeps_its_date(tmp_path):
    run(tmp_path, award())

    result = run(tmp_path, award(**{"Mã đối tượng": "CN2", "Ngày quyết định": "16/01/2024"}))

    assert problem_lines(result) == [
        "KhenThuong!2 Ngày quyết định: quyết định số 12/QĐ-UBND đã có với ngày 15/01/2024."
    ]


def test_a_dry_run_reports_the_same_and_writes_nothing(tmp_path):
    # when
    dry = run(tmp_path, award(), dry_run=True)
    # then
    assert {k: c.created for k, c in dry.counts.items()} == {
        "DonVi": 3,
        "CaNhan": 2,
        "KhenThuong": 1,
    }
    assert not Unit.objects.exists()
    assert not Person.objects.exists()
    assert not Decision.objects.exists()
