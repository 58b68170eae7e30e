"""A movement's lifecycle: draft → launched → registration → sơ kết → tổng kết → closed."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.common.errors import DomainError
from thidua.emulation.choices import MovementStatus
from thidua.emulation.selectors import movements_for_user
from thidua.emulation.services import (
    movement_advance,
    movement_attachment_add,
    movement_create,
    movement_update,
)
from thidua.emulation.services.movements import LIFECYCLE
from thidua.emulation.tests.factories import pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def movement(year):
    return movement_create(
        by=year.officers["KA"],
        launched_by=year.district,
        scope=[year.district],
        name="Phong trào thi đua yêu nước năm 2025 của quận Kiến An",
        year=2025,
    )


def test_the_movement_goes_through_every_stage_in_order(year, movement):
    for status in LIFECYCLE[1:]:
        movement_advance(movement=movement, by=year.officers["KA"], to=status)

    assert movement.status == MovementStatus.CLOSED


def test_a_stage_cannot_be_skipped(year, movement):
    with pytest.raises(DomainError, match="giai đoạn tiếp theo là “Đã phát động”"):
        movement_advance(movement=movement, by=year.officers["KA"], to=MovementStatus.INTERIM)


def test_the_wards_see_the_movement_once_launched(year, movement):
    assert not movements_for_user(user=year.officers["NS"]).exists()

    movement_advance(movement=movement, by=year.officers["KA"], to=MovementStatus.LAUNCHED)

    assert list(movements_for_user(user=year.officers["NS"])) == [movement]


def test_a_launched_movement_is_no_longer_edited(year, movement):
    movement_advance(movement=movement, by=year.officers["KA"], to=MovementStatus.LAUNCHED)

    with pytest.raises(DomainError, match="đã phát động"):
        movement_update(movement=movement, by=year.officers["KA"], name="Khác")


def test_a_ward_cannot_launch_the_districts_movement(year, movement):
    with pytest.raises(PermissionDenied):
        movement_advance(movement=movement, by=year.officers["NS"], to=MovementStatus.LAUNCHED)


def test_attachments_are_checked(year, movement):
    movement_attachment_add(
        movement=movement, by=year.officers["KA"], title="Kế hoạch", file=pdf("ke-hoach.pdf")
    )
    program = SimpleUploadedFile(
        "ke-hoach.pdf", b"MZ\x90\x00binary", content_type="application/pdf"
    )

    with pytest.raises(DomainError, match="không đúng định dạng PDF"):
        movement_attachment_add(movement=movement, by=year.officers["KA"], title="", file=program)
    assert movement.attachments.count() == 1
