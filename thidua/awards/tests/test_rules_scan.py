"""``thidua rules scan`` and the eligibility selectors: facts from the database in a fixed
number of queries, judged by the law engine."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from thidua.awards.eligibility import (
    eligibility_scan,
    evaluate_subject,
    subject_next_steps,
)
from thidua.awards.tests.factories import issued_award
from thidua.orgs.choices import Discipline, InitiativeScope, Rating, UnitKind
from thidua.orgs.models import Assessment, Initiative, Person, Unit
from thidua.orgs.tests.factories import HouseholdFactory, PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db


def department() -> tuple[Unit, Unit]:
    """A Sở with one phòng of ten people: the phòng's staff are decided by the Giám đốc Sở."""
    so = UnitFactory.create(code="SNV", name="Sở Nội vụ", kind=UnitKind.SO)
    office = UnitFactory.create(
        code="SNV-VP", name="Văn phòng Sở", kind=UnitKind.PHONG_BAN, parent=so
    )
    return so, office


def staff(unit: Unit, n: int, *, rating: str = Rating.TOT, year: int = 2024) -> list[Person]:
    people = PersonFactory.create_batch(n, unit=unit)
    Assessment.objects.bulk_create(
        Assessment(person=p, year=year, rating=rating, service_months=12) for p in people
    )
    return people


def excellent_worker(unit: Unit) -> Person:
    """Excellent in 2023 and 2024, Chiến sĩ thi đua cơ sở for 2023, an initiative in 2024."""
    person = PersonFactory.create(unit=unit, full_name="Nguyễn Thị Mai")
    for year in (2023, 2024):
        Assessment.objects.create(person=person, year=year, rating=Rating.XUAT_SAC)
    issued_award(person, code="lao_dong_tien_tien", year=2023)
    issued_award(person, code="chien_si_thi_dua_co_so", year=2023)
    initiative = Initiative.objects.create(
        year=2024, title="Số hóa hồ sơ", scope=InitiativeScope.CO_SO
    )
    initiative.authors.add(person)
    return person


def subject(scan, code: str):
    return next(s for s in scan.subjects if s.row.code == code)


def test_scan_judges_people_and_collectives_under_the_unit():
    _, office = department()
    mai = excellent_worker(office)
    staff(office, 6)
    staff(office, 3, rating=Rating.HOAN_THANH)
    Assessment.objects.create(unit=office, year=2024, rating=Rating.TOT)

    scan = eligibility_scan(unit_code="SNV", year=2024)

    found = subject(scan, mai.code)
    assert {v.code for v in found.eligible} >= {
        "lao_dong_tien_tien",
        "chien_si_thi_dua_co_so",
        "bang_khen_tinh",
    }
    assert found.result.verdict("chien_si_thi_dua_co_so").decider == "Giám đốc Sở"
    # 7 of 10 with Lao động tiên tiến (Mai and the six "tốt"): exactly 70 %.
    collective = subject(scan, "SNV-VP")
    assert collective.result.verdict("tap_the_lao_dong_tien_tien").eligible is True
    assert scan.rule_set == "luat-2022"


def test_one_criterion_short_is_reported_with_what_is_missing():
    _, office = department()
    person = staff(office, 1)[0]
    issued_award(person, code="chien_si_thi_dua_co_so", year=2023)
    Assessment.objects.create(person=person, year=2023, rating=Rating.XUAT_SAC)

    found = subject(eligibility_scan(unit_code="SNV", year=2024), person.code)

    short = {v.code: v.unmet[0].text for v in found.one_short}
    assert short["chien_si_thi_dua_co_so"].startswith("Hoàn thành xuất sắc nhiệm vụ")


def test_a_disciplined_member_bars_the_collective():
    _, office = department()
    people = staff(office, 10)
    Assessment.objects.filter(person=people[0]).update(discipline=Discipline.CANH_CAO)

    collective = subject(eligibility_scan(unit_code="SNV", year=2024), "SNV-VP")

    verdict = collective.result.verdict("tap_the_lao_dong_tien_tien")
    assert [c.key for c in verdict.unmet] == ["ttldtt.rating", "ttldtt.discipline"]


def test_the_number_of_queries_does_not_grow_with_the_people(django_assert_max_num_queries):
    so, office = department()
    staff(office, 5)
    with django_assert_max_num_queries(10) as few:
        eligibility_scan(unit_code="SNV", year=2024)
    staff(office, 40)
    other = UnitFactory.create(code="SNV-P2", kind=UnitKind.PHONG_BAN, parent=so)
    staff(other, 20)
    HouseholdFactory.create(unit=other)

    with django_assert_max_num_queries(len(few.captured_queries) + 2):
        eligibility_scan(unit_code="SNV", year=2024)


def test_quotas_are_reported_per_unit_for_2013():
    _, office = department()
    people = staff(office, 10, year=2023)
    for person in people[:3]:
        initiative = Initiative.objects.create(year=2023, title="SK", scope=InitiativeScope.CO_SO)
        initiative.authors.add(person)

    scan = eligibility_scan(unit_code="SNV", year=2023)

    (quota,) = [q for q in scan.quotas if q.unit.code == "SNV-VP"]
    check = next(c for c in quota.checks if c.code == "chien_si_thi_dua_co_so")
    assert (check.count, check.limit, check.within) == (3, 1, False)


def rules(*args: str) -> str:
    out = io.StringIO()
    call_command("rules", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_scan_command_json_text_and_xlsx(tmp_path: Path):
    _, office = department()
    mai = excellent_worker(office)

    output = json.loads(rules("scan", "--year", "2024", "--unit", "SNV", "--json"))
    text = rules("scan", "--year", "2024", "--unit", "SNV")
    target = tmp_path / "du-dieu-kien.xlsx"
    rules("scan", "--year", "2024", "--unit", "SNV", "--xlsx", str(target))

    mine = next(s for s in output["subjects"] if s["code"] == mai.code)
    assert "bang_khen_tinh" in mine["eligible"]
    assert "Nguyễn Thị Mai" in text
    assert "Đủ điều kiện" in text
    sheet = load_workbook(target)["Đủ điều kiện"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert ["Nguyễn Thị Mai", "Lao động tiên tiến", "Đủ điều kiện", "Giám đốc Sở"] in [
        [r[1], r[5], r[6], r[9]] for r in rows
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--year", "2024", "--unit", "KHONG-CO"), "--unit: không có đơn vị mã KHONG-CO"),
        (("--year", "2010", "--unit", "SNV"), "--year: không có bộ quy tắc cho năm 2010"),
    ],
)
def test_scan_refuses_unknown_units_and_years(args, message):
    department()
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("rules", "scan", *args, stdout=io.StringIO(), stderr=err)

    assert exit_.value.code == 2
    assert err.getvalue().strip() == message + (
        " (hỗ trợ luat-2022: từ năm 2024; luat-2013: 2018–2023)" if "2010" in message else ""
    )


def test_scan_refuses_an_xlsx_it_cannot_write_before_scanning(tmp_path: Path):
    department()
    kept = tmp_path / "cu.xlsx"
    kept.write_bytes(b"bang cu")
    cases = [
        (tmp_path / "khong-co" / "x.xlsx", f"không có thư mục {tmp_path / 'khong-co'}"),
        (tmp_path, "đây là một thư mục"),
    ]
    for target, problem in cases:
        err = io.StringIO()
        with pytest.raises(SystemExit) as exit_:
            call_command(
                "rules",
                "scan",
                "--year",
                "2024",
                "--unit",
                "SNV",
                "--xlsx",
                str(target),
                stdout=io.StringIO(),
                stderr=err,
            )
        assert exit_.value.code == 2
        assert err.getvalue().strip() == f"--xlsx: không ghi được tệp {target}: {problem}."

    rules("scan", "--year", "2024", "--unit", "SNV", "--xlsx", str(kept))

    assert load_workbook(kept)["Đủ điều kiện"]["A1"].value  # replaced whole
    assert [p.name for p in tmp_path.iterdir()] == ["cu.xlsx"]  # no partial file left


# -- one subject ----------------------------------------------------------------------------


def test_evaluate_subject_reads_one_person_as_the_scan_does():
    _, office = department()
    mai = excellent_worker(office)

    answer = evaluate_subject(subject=mai, year=2024)
    scanned = subject(eligibility_scan(unit_code="SNV", year=2024), mai.code)

    assert answer is not None
    assert answer == scanned.result.as_json()


def test_evaluate_subject_for_a_unit_counts_its_people():
    _, office = department()
    staff(office, 10)
    Assessment.objects.create(unit=office, year=2024, rating=Rating.TOT)

    answer = evaluate_subject(subject=office, year=2024)

    assert answer is not None
    ttldtt = next(r for r in answer["results"] if r["code"] == "tap_the_lao_dong_tien_tien")
    assert ttldtt["eligible"] is True


def test_evaluate_subject_outside_the_rule_sets_is_none():
    _, office = department()

    assert evaluate_subject(subject=staff(office, 1)[0], year=2010) is None


def test_subject_next_steps_for_a_profile():
    _, office = department()
    mai = excellent_worker(office)

    steps = {s.code: s.earliest_year for s in subject_next_steps(subject=mai, year=2024)}

    assert steps["chien_si_thi_dua_tinh"] == 2025
