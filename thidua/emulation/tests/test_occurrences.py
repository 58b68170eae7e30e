"""Bonus and penalty points counted per occurrence ("Chậm gửi báo cáo … (mỗi lần) −2"): a
count is typed, the points follow bounded by the limit, the sign shown is the sign typed;
the same through the page and the API."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from thidua.api.tests.clients import bearer
from thidua.common.errors import DomainError
from thidua.emulation.choices import CovenantStatus, CriterionKind
from thidua.emulation.services import (
    LineInput,
    covenant_open,
    criterion_add,
    score_lines_save,
    self_sheet_start,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def late(year):
    """The year's covenant with "Chậm gửi báo cáo (mỗi lần) −2", at most 5; signed."""
    year.covenant.status = CovenantStatus.DRAFT
    year.covenant.save()
    criterion = criterion_add(
        covenant=year.covenant,
        by=year.officers["KA"],
        number="III.2",
        text="Chậm gửi báo cáo định kỳ (mỗi lần)",
        kind=CriterionKind.PENALTY,
        max_points=Decimal(5),
        per_occurrence=Decimal(2),
    )
    covenant_open(covenant=year.covenant, by=year.officers["KA"])
    year.sign_all()
    year.late = criterion
    return year


def sheet_of(year):
    return self_sheet_start(covenant=year.covenant, unit=year.ward("NS"), by=year.officers["NS"])


def test_three_late_reports_take_off_five_not_six(late):
    sheet = sheet_of(late)

    score_lines_save(
        sheet=sheet,
        by=late.officers["NS"],
        entries={late.late.pk: LineInput(Decimal(0), "Quý I, II, III", occurrences=3)},
    )

    line = sheet.lines.get(criterion=late.late)
    assert (line.occurrences, line.points) == (3, Decimal(5))


def test_points_without_a_count_are_refused_on_a_per_occurrence_criterion(late):
    with pytest.raises(DomainError, match="tính theo số lần: nhập số lần"):
        score_lines_save(
            sheet=sheet_of(late),
            by=late.officers["NS"],
            entries={late.late.pk: LineInput(Decimal(2))},
        )


def test_on_the_page_a_count_is_typed_and_a_penalty_keeps_its_sign(client, late):
    sheet = sheet_of(late)
    client.force_login(late.officers["NS"])
    penalty = late.penalty
    data = {f"diem_{c.pk}": str(c.max_points) for c in late.items}
    data |= {f"diem_{late.bonus.pk}": "0", f"diem_{penalty.pk}": "−2", f"diem_{late.late.pk}": "2"}

    client.post(reverse("emulation:sheet", args=[sheet.pk]), data | {"hanh_dong": "luu"})
    html = client.get(reverse("emulation:sheet", args=[sheet.pk])).content.decode()
    wrong = client.post(
        reverse("emulation:sheet", args=[sheet.pk]), data | {f"diem_{late.late.pk}": "hai"}
    )

    assert sheet.lines.get(criterion=penalty).points == Decimal(2)
    assert sheet.lines.get(criterion=late.late).points == Decimal(4)
    assert f'id="diem_{penalty.pk}" value="−2"' in html  # shown as typed: with its minus
    assert f'id="diem_{late.late.pk}" value="2"' in html  # the count, not the points
    assert "−2 điểm mỗi lần, tối đa −5; đang tính −4" in html
    assert wrong.status_code == 400
    assert "Số lần phải là số nguyên từ 0 đến 366, không phải “hai”." in wrong.content.decode()


def test_the_api_takes_the_count_and_says_the_points(late):
    sheet = sheet_of(late)

    response = bearer(late.officers["NS"]).put(
        f"/api/emulation/sheets/{sheet.pk}/lines/{late.late.pk}",
        {"occurrences": 1},
        content_type="application/json",
    )

    assert response.status_code == 200
    line = next(x for x in response.json()["lines"] if x["criterion"] == late.late.pk)
    assert (line["occurrences"], line["points"]) == (1, "2.00")
