"""Registrations: approved or returned with a reason by the right level."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from thidua.common.errors import DomainError
from thidua.emulation.choices import RegistrationStatus
from thidua.emulation.selectors import registration_summary
from thidua.emulation.services import (
    registration_approve,
    registration_create,
    registration_return,
    registration_submit,
)
from thidua.orgs.services import person_create

pytestmark = pytest.mark.django_db

TTLDXS = "tap_the_lao_dong_xuat_sac"
CSTDCS = "chien_si_thi_dua_co_so"


def test_a_person_is_approved_by_the_ward_and_the_ward_by_the_district(year):
    ward, officer = year.ward("NS"), year.officers["NS"]
    person = person_create(code="KA-NS-0001", full_name="Nguyễn Văn Hinh", unit=ward)
    own = registration_create(by=officer, year=2025, unit=ward, target=TTLDXS)
    theirs = registration_create(by=officer, year=2025, unit=ward, person=person, target=CSTDCS)
    for r in (own, theirs):
        registration_submit(registration=r, by=officer)

    registration_approve(registration=theirs, by=officer)
    with pytest.raises(PermissionDenied):
        registration_approve(registration=own, by=officer)
    registration_approve(registration=own, by=year.officers["KA"])

    assert {own.status, theirs.status} == {RegistrationStatus.APPROVED}


def test_a_return_needs_a_reason_and_the_unit_resubmits(year):
    ward, officer = year.ward("NS"), year.officers["NS"]
    reg = registration_create(by=officer, year=2025, unit=ward, target=TTLDXS)
    registration_submit(registration=reg, by=officer)

    with pytest.raises(DomainError, match="lý do"):
        registration_return(registration=reg, by=year.officers["KA"], reason=" ")
    registration_return(
        registration=reg, by=year.officers["KA"], reason="Chưa đủ tỷ lệ Lao động tiên tiến"
    )
    assert reg.status == RegistrationStatus.RETURNED

    registration_submit(registration=reg, by=officer, target="tap_the_lao_dong_tien_tien")
    assert (reg.status, reg.target) == (RegistrationStatus.SUBMITTED, "tap_the_lao_dong_tien_tien")


@pytest.mark.parametrize(
    ("target", "message"),
    [("bang_khen_tinh", "là hình thức khen thưởng"), (CSTDCS, "không dành cho tập thể")],
)
def test_a_unit_registers_an_emulation_title_for_collectives(year, target, message):
    with pytest.raises(DomainError, match=message):
        registration_create(by=year.officers["NS"], year=2025, unit=year.ward("NS"), target=target)


def test_registrations_add_up_at_the_district(year):
    for short in ("NS", "TTN"):
        reg = registration_create(
            by=year.officers[short], year=2025, unit=year.ward(short), target=TTLDXS
        )
        registration_submit(registration=reg, by=year.officers[short])

    summary = registration_summary(user=year.officers["KA"], year=2025)

    assert summary.totals[TTLDXS] == 2
    assert [r.unit.code for r in summary.rows] == ["HP-KA-NS", "HP-KA-TTN"]
    assert all(r.waiting == 1 for r in summary.rows)
