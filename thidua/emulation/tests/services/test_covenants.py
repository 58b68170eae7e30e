"""The covenant: criteria fixed once opened, each member signs, the last makes it signed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from thidua.common.errors import DomainError
from thidua.emulation.choices import CovenantStatus
from thidua.emulation.services import covenant_create, covenant_sign, criterion_add
from thidua.emulation.services.clusters import cluster_year_create

pytestmark = pytest.mark.django_db


def test_every_member_signing_makes_the_covenant_signed(year):
    year.sign_all()

    year.covenant.refresh_from_db()
    assert year.covenant.status == CovenantStatus.SIGNED
    assert year.covenant.signed_on is not None
    assert year.covenant.signatures.count() == 4


def test_a_ward_signs_only_for_itself(year):
    with pytest.raises(PermissionDenied):
        covenant_sign(
            covenant=year.covenant, unit=year.ward("BS"), by=year.officers["NS"], signer_name="X"
        )


def test_a_ward_signs_once(year):
    covenant_sign(
        covenant=year.covenant, unit=year.ward("NS"), by=year.officers["NS"], signer_name="A"
    )

    with pytest.raises(DomainError, match="đã ký"):
        covenant_sign(
            covenant=year.covenant, unit=year.ward("NS"), by=year.officers["NS"], signer_name="A"
        )


def test_criteria_are_fixed_once_the_covenant_is_open(year):
    with pytest.raises(DomainError, match="không thay đổi tiêu chí"):
        criterion_add(
            covenant=year.covenant,
            by=year.officers["KA"],
            number="7",
            text="Thêm",
            max_points=Decimal(5),
        )


def test_next_years_covenant_can_start_from_last_years_criteria(year):
    nxt = cluster_year_create(previous=year.cluster, by=year.officers["KA"])

    covenant = covenant_create(cluster=nxt, by=year.officers["KA"], copy_from=year.covenant)

    assert covenant.title == "Giao ước thi đua năm 2026 của cụm thi đua khối phường quận Kiến An"
    assert covenant.criteria.count() == year.covenant.criteria.count()
    assert covenant.criteria.filter(parent__number="I").count() == 6
