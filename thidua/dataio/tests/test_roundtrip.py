"""Export → import into an empty database → export gives the same rows; an export imports
back into its own database unchanged."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.db import connection
from openpyxl import load_workbook

from thidua.awards.models import AwardRecord, Decision
from thidua.awards.services import decision_issue
from thidua.awards.tests.factories import (
    issued_award,
    recorded_award_add,
    recorded_decision,
    revoke,
)
from thidua.dataio.tests.workbooks import export_rows
from thidua.dataio.workbook import workbook_import
from thidua.emulation.models import Cluster, ClusterMember
from thidua.orgs.models import (
    Assessment,
    Enterprise,
    Household,
    Initiative,
    Membership,
    Person,
    Unit,
)
from thidua.orgs.services import assessment_set, initiative_create, person_create, unit_create
from thidua.orgs.tests.factories import HouseholdFactory

pytestmark = pytest.mark.django_db
# Excel dates have no time zone: openpyxl reads them as naive datetimes.
EXCEL_1980_09_05 = datetime(1980, 9, 5)  # noqa: DTZ001
EXCEL_2022_12_30 = datetime(2022, 12, 30)  # noqa: DTZ001


@pytest.fixture
def history():
    """A small city: two districts, people, a cluster, assessments, an initiative and
    awards of every kind of recipient, one of them revoked."""
    hp = unit_create(code="HP", name="Thành phố Hải Phòng", kind="tinh")
    ka = unit_create(code="KA", name="Quận Kiến An", kind="huyen", kind_label="Quận", parent=hp)
    lc = unit_create(code="LC", name="Quận Lê Chân", kind="huyen", kind_label="Quận", parent=hp)
    lh = unit_create(code="LH", name="Phường Lãm Hà", kind="xa", kind_label="Phường", parent=ka)
    hinh = person_create(
        code="CN1", full_name="Nguyễn Văn Hinh", unit=lh, birth_date=date(1980, 9, 5), gender="nam"
    )
    lan = person_create(code="CN2", full_name="Trần Thị Lan", unit=ka, position="Phó Chủ tịch")
    cluster = Cluster.objects.create(code="K1", year=2023, name="Khối các quận", kind="khoi")
    ClusterMember.objects.create(cluster=cluster, unit=ka, role="leader")
    ClusterMember.objects.create(cluster=cluster, unit=lc, role="deputy")
    assessment_set(year=2023, rating="xuat_sac", person=hinh)
    assessment_set(year=2023, rating="tot", unit=lh, discipline="", service_months=11)
    initiative_create(year=2023, title="Số hóa hồ sơ thi đua", scope="tinh", authors=[hinh, lan])
    issued_award(hinh, code="lao_dong_tien_tien", year=2023, number="1/QĐ-UBND")
    issued_award(lh, code="tap_the_lao_dong_tien_tien", year=2023, number="2/QĐ-UBND")
    household = HouseholdFactory.create(code="HO1", name="Lê Văn Tám", unit=lh)
    decision = recorded_decision(
        number="3/QĐ-UBND", decision_date=date(2022, 12, 30), issuing_body="UBND phường Lãm Hà"
    )
    recorded_award_add(decision=decision, code="gia_dinh_van_hoa", year=2022, subject=household)
    enterprise = Enterprise.objects.create(code="DN1", name="Công ty Cảng Hải Phòng", unit=hp)
    recorded_award_add(decision=decision, code="giay_khen", year=2022, subject=enterprise)
    revoked = recorded_award_add(decision=decision, code="giay_khen", year=2022, subject=lan)
    decision_issue(decision=decision)
    revoke(revoked, reason="Khai man thành tích")


def empty_database() -> None:
    """Delete everything, issued history included, as a fresh database would be (the
    immutability guards are for the application, not for this reset)."""
    for model in (
        AwardRecord,
        Decision,
        ClusterMember,
        Cluster,
        Initiative.authors.through,
        Initiative,
        Assessment,
        Membership,
        Household,
        Enterprise,
        Person,
    ):
        model.objects.all()._raw_delete(connection.alias)
    while Unit.objects.exists():
        Unit.objects.filter(children__isnull=True)._raw_delete(connection.alias)


def test_export_then_import_into_an_empty_database_then_export_gives_the_same_rows(
    tmp_path, history
):
    # given
    first = export_rows(tmp_path / "first.xlsx")
    empty_database()
    # when
    result = workbook_import(tmp_path / "first.xlsx")
    second = export_rows(tmp_path / "second.xlsx")
    # then
    assert result.ok, [str(p) for p in result.problems]
    assert first == second
    assert len(first["KhenThuong"]) == 5  # the revoked record is not history


def test_an_export_imports_back_unchanged(tmp_path, history):
    export_rows(tmp_path / "all.xlsx")

    result = workbook_import(tmp_path / "all.xlsx")

    assert result.ok, [str(p) for p in result.problems]
    assert dict.fromkeys(result.counts, (0, 0)) == {
        k: (c.created, c.updated) for k, c in result.counts.items()
    }


def test_the_export_writes_the_contract_rows(tmp_path, history):
    rows = export_rows(tmp_path / "x.xlsx")

    assert rows["DonVi"] == [
        ("Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên"),
        ("HP", "Thành phố Hải Phòng", "Tỉnh, thành phố trực thuộc Trung ương", None),
        ("KA", "Quận Kiến An", "Quận", "HP"),
        ("LH", "Phường Lãm Hà", "Phường", "KA"),
        ("LC", "Quận Lê Chân", "Quận", "HP"),
    ]
    assert rows["CaNhan"][1] == ("CN1", "Nguyễn Văn Hinh", EXCEL_1980_09_05, "Nam", "LH", None)
    assert rows["CumKhoi"][1:] == [
        (2023, "K1", "Khối các quận", "Khối", "KA", "Khối trưởng"),
        (2023, "K1", "Khối các quận", "Khối", "LC", "Khối phó"),
    ]
    assert (2023, "Tập thể", "LH", "Hoàn thành tốt nhiệm vụ", None, 11) in rows["DanhGia"]
    assert (2023, "CN2", "Số hóa hồ sơ thi đua", "Tỉnh") in rows["SangKien"]
    assert (
        2022,
        "Gia đình văn hóa",
        "Hộ gia đình",
        "HO1",
        "Lê Văn Tám",
        "LH",
        "3/QĐ-UBND",
        EXCEL_2022_12_30,
        "UBND phường Lãm Hà",
        None,
    ) in rows["KhenThuong"]


def test_dates_are_excel_dates_shown_as_dd_mm_yyyy(tmp_path, history):
    export_rows(tmp_path / "x.xlsx")

    ws = load_workbook(tmp_path / "x.xlsx")["KhenThuong"]

    cell = ws["H2"]
    assert (cell.is_date, cell.number_format) == (True, "DD/MM/YYYY")


def test_a_unit_export_holds_what_its_rows_need(tmp_path, history):
    # given: the subtree of Kiến An, 2023 only
    rows = export_rows(
        tmp_path / "ka.xlsx", "--unit", "KA", "--year-from", "2023", "--year-to", "2023"
    )
    empty_database()
    # when
    result = workbook_import(tmp_path / "ka.xlsx")
    # then
    assert result.ok, [str(p) for p in result.problems]
    assert [r[0] for r in rows["DonVi"][1:]] == ["HP", "KA", "LH"]  # the parent comes along
    assert {2023} == {r[0] for r in rows["KhenThuong"][1:]}
    assert [(r[4], r[5]) for r in rows["CumKhoi"][1:]] == [("KA", "Khối trưởng")]


def test_names_that_look_like_formulas_are_exported_as_text_and_import_back_unchanged(
    tmp_path, history
):
    # given: text typed or imported as it came, never meant as a formula
    hp = Unit.objects.get(code="HP")
    name = '=HYPERLINK("http://example.invalid","Nguyễn Văn A")'
    person_create(code="CN9", full_name=name, unit=hp, position="-Phó trưởng phòng")
    # when
    export_rows(tmp_path / "all.xlsx")
    result = workbook_import(tmp_path / "all.xlsx")
    # then
    row = next(
        r
        for r in load_workbook(tmp_path / "all.xlsx")["CaNhan"].iter_rows(min_row=2)
        if r[0].value == "CN9"
    )
    assert (row[1].value, row[1].data_type) == (name, "s")
    assert result.ok, [str(p) for p in result.problems]
    assert dict.fromkeys(result.counts, (0, 0)) == {
        k: (c.created, c.updated) for k, c in result.counts.items()
    }
    assert Person.objects.get(code="CN9").full_name == name
