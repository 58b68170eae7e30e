"""``thidua report summary``: scope, counting and output (shared/spec/report.md)."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError

from thidua.accounts.tests.factories import officer_of
from thidua.awards.services import decision_revoke
from thidua.awards.tests.factories import revoke
from thidua.emulation.choices import ClusterKind
from thidua.emulation.models import Cluster, ClusterMember
from thidua.orgs.models import Enterprise
from thidua.orgs.tests.factories import HouseholdFactory, PersonFactory, UnitFactory
from thidua.reports.selectors import (
    ReportScopeNotFoundError,
    award_summary,
    report_scope_cluster,
    report_scope_unit,
)
from thidua.reports.tests.builders import CITY, DISTRICT, award

pytestmark = pytest.mark.django_db


def summary(*args: str) -> str:
    out = StringIO()
    call_command("report", "summary", *args, stdout=out)
    return out.getvalue().strip()


def summary_json(*args: str) -> dict:
    return json.loads(summary(*args, "--json"))


def test_a_unit_counts_its_subtree_with_its_people_households_and_enterprises(tree):
    # given: awards across quận Kiến An — a ward, a person two levels down, a household,
    # an enterprise — and some that belong elsewhere or to another year
    residential_group = UnitFactory.create(name="Tổ dân phố số 1", parent=tree["ngoc_son"])
    award(tree["ngoc_son"], "tap_the_lao_dong_xuat_sac")
    award(PersonFactory.create(unit=residential_group), "lao_dong_tien_tien")
    award(PersonFactory.create(unit=tree["tran_thanh_ngo"]), "lao_dong_tien_tien")
    award(HouseholdFactory.create(unit=tree["ngoc_son"]), "giay_khen")
    enterprise = Enterprise.objects.create(
        code="DN1", name="Công ty TNHH Hải Âu", unit=tree["tran_thanh_ngo"]
    )
    award(enterprise, "bang_khen_tinh", body=CITY)
    award(PersonFactory.create(unit=tree["ngoc_xuyen"]), "lao_dong_tien_tien")  # Đồ Sơn
    award(tree["do_son"], "co_thi_dua_tinh", body=CITY)  # Đồ Sơn
    award(PersonFactory.create(unit=tree["ngoc_son"]), "lao_dong_tien_tien", year=2022)

    # when
    text = summary("--year", "2023", "--unit", "HP-KA")

    # then
    assert (
        text == "Năm 2023, quận Kiến An có 1 tập thể đạt danh hiệu “Tập thể lao động xuất sắc”, "
        "1 doanh nghiệp được tặng Bằng khen của UBND thành phố, 1 hộ gia đình được tặng "
        "Giấy khen của UBND quận, 2 cá nhân đạt danh hiệu “Lao động tiên tiến”."
    )


def test_a_ward_counts_only_its_own_subtree(tree):
    # given
    award(PersonFactory.create(unit=tree["ngoc_son"]), "chien_si_thi_dua_co_so")
    award(PersonFactory.create(unit=tree["tran_thanh_ngo"]), "chien_si_thi_dua_co_so")
    award(tree["kien_an"], "tap_the_lao_dong_tien_tien", body=CITY)

    # when
    data = summary_json("--year", "2023", "--unit", "HP-KA-NS")

    # then
    assert data["counts"] == [
        {"code": "chien_si_thi_dua_co_so", "recipient": "individual", "count": 1}
    ]


def test_an_award_stays_with_the_unit_the_person_had_when_awarded(tree):
    # given: a person awarded in Ngọc Sơn who later moved to Đồ Sơn
    person = PersonFactory.create(unit=tree["ngoc_son"])
    award(person, "lao_dong_tien_tien")
    person.unit = tree["ngoc_xuyen"]
    person.save()

    # when
    kien_an = summary_json("--year", "2023", "--unit", "HP-KA")
    do_son = summary_json("--year", "2023", "--unit", "HP-DS")

    # then
    assert [c["count"] for c in kien_an["counts"]] == [1]
    assert do_son["counts"] == []


def test_a_cluster_counts_its_members_of_that_year_with_their_subtrees(tree, ward_cluster):
    # given: Trần Thành Ngọ is a member in 2023 only; the district itself is no member
    team = UnitFactory.create(name="Bộ phận một cửa", parent=tree["tran_thanh_ngo"])
    award(tree["ngoc_son"], "co_thi_dua_tinh", body=CITY)
    award(PersonFactory.create(unit=team), "giay_khen")
    award(tree["tran_thanh_ngo"], "giay_khen")
    award(PersonFactory.create(unit=tree["tran_thanh_ngo"]), "lao_dong_tien_tien", year=2024)
    award(PersonFactory.create(unit=tree["ngoc_son"]), "lao_dong_tien_tien", year=2024)
    award(tree["kien_an"], "tap_the_lao_dong_xuat_sac", body=CITY)

    # when
    text_2023 = summary("--year", "2023", "--cluster", "KA-CUM-PHUONG")
    data_2024 = summary_json("--year", "2024", "--cluster", "KA-CUM-PHUONG")

    # then
    assert (
        text_2023 == "Năm 2023, cụm thi đua khối phường có 1 tập thể được tặng Cờ thi đua của UBND "
        "thành phố, 1 tập thể và 1 cá nhân được tặng Giấy khen của UBND quận."
    )
    assert data_2024["counts"] == [
        {"code": "lao_dong_tien_tien", "recipient": "individual", "count": 1}
    ]
    assert data_2024["scope"] == {"kind": "cluster", "code": "KA-CUM-PHUONG"}


def test_a_record_under_two_overlapping_members_counts_once(tree, ward_cluster):
    # given: the district joins the cluster next to its own ward
    ClusterMember.objects.create(cluster=ward_cluster, unit=tree["kien_an"])
    award(PersonFactory.create(unit=tree["ngoc_son"]), "lao_dong_tien_tien")

    # when
    data = summary_json("--year", "2023", "--cluster", "KA-CUM-PHUONG")

    # then
    assert [c["count"] for c in data["counts"]] == [1]


def test_revoked_and_draft_records_do_not_count(tree):
    # given: one standing record, one revoked record, one under a revoked decision, one draft
    award(PersonFactory.create(unit=tree["ngoc_son"]), "lao_dong_tien_tien")
    revoke(award(PersonFactory.create(unit=tree["ngoc_son"]), "lao_dong_tien_tien"))
    revoked = award(PersonFactory.create(unit=tree["ngoc_son"]), "lao_dong_tien_tien")
    decision_revoke(decision=revoked.decision, reason="Ban hành sai thẩm quyền")
    award(PersonFactory.create(unit=tree["ngoc_son"]), "lao_dong_tien_tien", issue=False)

    # when
    data = summary_json("--year", "2023", "--unit", "HP-KA")

    # then
    assert data["counts"] == [{"code": "lao_dong_tien_tien", "recipient": "individual", "count": 1}]


def test_the_json_has_the_contract_shape_and_order(tree):
    # given
    award(PersonFactory.create(unit=tree["ngoc_son"]), "lao_dong_tien_tien")
    award(PersonFactory.create(unit=tree["ngoc_son"]), "giay_khen")
    award(tree["tran_thanh_ngo"], "giay_khen")
    award(HouseholdFactory.create(unit=tree["ngoc_son"]), "giay_khen")
    award(PersonFactory.create(unit=tree["ngoc_son"]), "chien_si_thi_dua_co_so")
    award(tree["ngoc_son"], "tap_the_lao_dong_xuat_sac")
    award(tree["ngoc_son"], "bang_khen_tinh", body=CITY)

    # when
    out = StringIO()
    call_command("report", "summary", "--year", "2023", "--unit", "HP-KA", "--json", stdout=out)
    data = json.loads(out.getvalue())

    # then
    assert "Năm 2023" in out.getvalue()  # ensure_ascii=False: Vietnamese as written
    assert list(data) == ["year", "scope", "counts", "text"]
    assert data["year"] == 2023
    assert data["scope"] == {"kind": "unit", "code": "HP-KA"}
    assert [(c["code"], c["recipient"], c["count"]) for c in data["counts"]] == [
        ("bang_khen_tinh", "collective", 1),
        ("tap_the_lao_dong_xuat_sac", "collective", 1),
        ("chien_si_thi_dua_co_so", "individual", 1),
        ("giay_khen", "collective", 1),
        ("giay_khen", "household", 1),
        ("giay_khen", "individual", 1),
        ("lao_dong_tien_tien", "individual", 1),
    ]
    assert data["text"] == summary("--year", "2023", "--unit", "HP-KA")


def test_an_empty_year_exits_0_with_empty_counts(tree):
    # given
    award(PersonFactory.create(unit=tree["ngoc_son"]), "lao_dong_tien_tien", year=2023)

    # when
    data = summary_json("--year", "2019", "--unit", "HP-KA")

    # then
    assert data["counts"] == []
    assert (
        data["text"]
        == "Năm 2019, quận Kiến An không có danh hiệu thi đua, hình thức khen thưởng nào được "
        "ghi nhận."
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--unit", "KHONG-CO"], "Không có đơn vị mã “KHONG-CO”."),
        (["--cluster", "KHONG-CO"], "Không có cụm, khối thi đua mã “KHONG-CO”."),
        (
            ["--cluster", "KA-CUM-PHUONG"],
            "Cụm, khối thi đua mã “KA-CUM-PHUONG” không có trong năm 2022 (có các năm: 2023, "
            "2024).",
        ),
    ],
)
def test_an_unknown_scope_is_refused_with_exit_2(ward_cluster, args, message):
    with pytest.raises(CommandError) as refused:
        summary("--year", "2022", *args)

    assert refused.value.returncode == 2
    assert message == str(refused.value)


def test_the_command_line_exits_2_and_says_why(tree, capsys):
    with pytest.raises(SystemExit) as stopped:
        execute_from_command_line(["thidua", "report", "summary", "--year", "2023", "--unit", "X"])

    assert stopped.value.code == 2
    assert "Không có đơn vị mã “X”." in capsys.readouterr().err


def test_the_counting_is_one_query_however_many_records(tree, django_assert_num_queries):
    # given
    for _ in range(5):
        award(PersonFactory.create(unit=tree["ngoc_son"]), "lao_dong_tien_tien")
        award(HouseholdFactory.create(unit=tree["tran_thanh_ngo"]), "giay_khen")
    scope = report_scope_unit(code="HP-KA")

    # when
    with django_assert_num_queries(1):
        result = award_summary(scope=scope, year=2023)

    # then
    assert [c.count for c in result.counts] == [5, 5]


def test_an_issuer_is_named_only_when_the_decisions_agree(tree):
    # given: Giấy khen from two bodies, Bằng khen from the city only (one decision on a body
    # written in full)
    award(PersonFactory.create(unit=tree["ngoc_son"]), "giay_khen", body=DISTRICT)
    award(PersonFactory.create(unit=tree["ngoc_son"]), "giay_khen", body="UBND phường Ngọc Sơn")
    award(tree["ngoc_son"], "bang_khen_tinh", body=CITY)
    award(tree["tran_thanh_ngo"], "bang_khen_tinh", body="Ủy ban nhân dân thành phố Hải Phòng")

    # when
    text = summary("--year", "2023", "--unit", "HP-KA")

    # then
    assert (
        text == "Năm 2023, quận Kiến An có 2 tập thể được tặng Bằng khen của UBND thành phố, "
        "2 cá nhân được tặng Giấy khen."
    )


def test_a_user_counts_only_what_their_scope_reaches(tree):
    # given: an officer of Ngọc Sơn, and awards in both wards
    officer = officer_of(tree["ngoc_son"])
    award(PersonFactory.create(unit=tree["ngoc_son"]), "lao_dong_tien_tien")
    award(PersonFactory.create(unit=tree["tran_thanh_ngo"]), "lao_dong_tien_tien")

    # when
    own_ward = report_scope_unit(code="HP-KA-NS", user=officer)
    in_cluster_district = award_summary(
        scope=report_scope_unit(code="HP-KA"), year=2023, user=officer
    )

    # then
    assert [c.count for c in award_summary(scope=own_ward, year=2023).counts] == [1]
    assert [c.count for c in in_cluster_district.counts] == [1]
    with pytest.raises(ReportScopeNotFoundError):
        report_scope_unit(code="HP-DS", user=officer)


def test_a_cluster_with_no_members_that_year_counts_nothing(tree):
    # given
    Cluster.objects.create(code="TRONG", year=2023, name="Khối thi đua mới", kind=ClusterKind.KHOI)
    award(PersonFactory.create(unit=tree["ngoc_son"]), "lao_dong_tien_tien")

    # when
    result = award_summary(scope=report_scope_cluster(code="TRONG", year=2023), year=2023)

    # then
    assert result.counts == ()
    assert result.text.startswith("Năm 2023, khối thi đua mới không có")
