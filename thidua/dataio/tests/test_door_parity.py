"""A decision recorded from elsewhere through its two doors, the workbook (KhenThuong) and the
API (``POST /api/decisions`` with ``origin: recorded``, its awards, its issue): the same rows
leave the same decision and records, and the same facts are refused with the same reason —
a date after today, an achievement year after the decision's, a second award for the same
achievement, a record added to a decision issued in Thi đua."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from thidua.accounts.tests.factories import officer_of
from thidua.api.tests.clients import bearer
from thidua.awards.models import AwardRecord, Decision
from thidua.awards.services import decision_create
from thidua.dataio.tests.workbooks import PEOPLE, UNIT_TREE, award, import_sheets, problem_lines
from thidua.orgs.models import Unit

pytestmark = pytest.mark.django_db

DOORS = ("import", "api")


@pytest.fixture
def district(tmp_path):
    result = import_sheets(tmp_path, {"DonVi": UNIT_TREE, "CaNhan": PEOPLE})
    assert result.ok, problem_lines(result)
    return officer_of(Unit.objects.get(code="KA"), username="canbo.kienan")


def _ddmmyyyy(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _through_import(tmp_path, rows: list[dict[str, Any]]) -> str:
    sheets = {"DonVi": UNIT_TREE, "CaNhan": PEOPLE, "KhenThuong": rows}
    return " ".join(problem_lines(import_sheets(tmp_path, sheets)))


def _through_api(officer, rows: list[dict[str, Any]]) -> str:
    """Each decision created, its awards added, then issued; the first refusal is the answer."""
    client = bearer(officer)
    made: dict[str, int] = {}
    for row in rows:
        number = row["Số quyết định"]
        if number not in made:
            day, month, year = (int(x) for x in row["Ngày quyết định"].split("/"))
            response = client.post(
                "/api/decisions",
                {"origin": "recorded", "number": number, "issuing_unit": "KA",
                 "date": date(year, month, day).isoformat(),
                 "issuing_body": row["Cơ quan quyết định"]},
                content_type="application/json",
            )  # fmt: skip
            if response.status_code != 201:
                return response.json()["detail"]
            made[number] = response.json()["id"]
        response = client.post(
            f"/api/decisions/{made[number]}/awards",
            {"code": row["Mã danh hiệu"], "year": row["Năm"], "recipient_kind": "individual",
             "recipient_code": row["Mã đối tượng"]},
            content_type="application/json",
        )  # fmt: skip
        if response.status_code != 201:
            return response.json()["detail"]
    for pk in made.values():
        response = client.post(f"/api/decisions/{pk}/issue")
        if response.status_code != 200:
            return response.json()["detail"]
    return ""


def _perform(door: str, tmp_path, officer, rows: list[dict[str, Any]]) -> str:
    return _through_import(tmp_path, rows) if door == "import" else _through_api(officer, rows)


def _state() -> list[tuple[Any, ...]]:
    return [
        (d.number, d.date, d.status,
         sorted(d.records.values_list("code", "year", "recipient_name")))
        for d in Decision.objects.order_by("number")
    ]  # fmt: skip


@pytest.mark.parametrize("door", DOORS)
def test_the_same_rows_leave_the_same_issued_decision(door, tmp_path, district):
    told = _perform(door, tmp_path, district, [award(), award(**{"Mã đối tượng": "CN2"})])

    assert told == ""
    assert _state() == [
        ("12/QĐ-UBND", date(2024, 1, 15), "issued",
         [("lao_dong_tien_tien", 2023, "Nguyễn Văn Hinh"),
          ("lao_dong_tien_tien", 2023, "Trần Thị Lan")]),
    ]  # fmt: skip


def _tomorrow() -> list[dict[str, Any]]:
    return [award(**{"Ngày quyết định": _ddmmyyyy(timezone.localdate() + timedelta(days=1))})]


# rows, the reason, and how many awards may stand after (the API issues the first decision
# before refusing the second; the workbook is written whole or not at all).
REFUSED = {
    "a date after today": (_tomorrow, "sau ngày hôm nay", 0),
    "a year after the decision's": (
        lambda: [award(Năm=2025)],
        "Năm thành tích 2025 sau năm ký quyết định (2024)",
        0,
    ),
    "a second award for one achievement": (
        lambda: [award(), award(**{"Số quyết định": "13/QĐ-UBND"})],
        "Lao động tiên tiến đã được đề nghị hoặc tặng cho",
        1,
    ),
}


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("case", list(REFUSED))
def test_the_same_facts_are_refused_alike(case, door, tmp_path, district):
    rows, reason, standing = REFUSED[case]

    told = _perform(door, tmp_path, district, rows())

    assert reason in told
    assert AwardRecord.objects.standing().count() <= standing


@pytest.mark.parametrize("door", DOORS)
def test_no_door_adds_to_a_decision_issued_in_thidua(door, tmp_path, district):
    cycle = decision_create(
        number="12/QĐ-UBND", decision_date=date(2024, 1, 15), issuing_body="UBND quận Kiến An",
        issuing_unit=Unit.objects.get(code="KA"), by=district,
    )  # fmt: skip
    Decision.objects.filter(pk=cycle.pk).update(status="issued")

    if door == "import":
        told = _through_import(tmp_path, [award()])
    else:
        told = bearer(district).post(
            f"/api/decisions/{cycle.pk}/awards",
            {"code": "lao_dong_tien_tien", "year": 2023, "recipient_kind": "individual",
             "recipient_code": "CN1"},
            content_type="application/json",
        ).json()["detail"]  # fmt: skip

    assert "được lập trong" in told
    assert not cycle.records.exists()
