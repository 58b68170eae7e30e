"""The covenant: criteria fixed once opened, each member signs, the last makes it signed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from thidua.common.errors import DomainError
from thidua.emulation.choices import CovenantStatus
from thidua.emulation.services import (
    ConferenceSigner,
    covenant_conference_record,
    covenant_create,
    covenant_reopen,
    covenant_sign,
    covenant_signature_correct,
    criterion_add,
    criterion_update,
)
from thidua.emulation.services.clusters import cluster_year_create
from thidua.emulation.services.covenants import with_year

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


# A checked tree, editable while a draft --------------------------------------------------


def draft(year):
    year.covenant.status = CovenantStatus.DRAFT
    year.covenant.save()
    return year


def test_an_item_that_overfills_its_group_is_refused(year):
    """The report: a 10-point item added to the full 100-point group was accepted."""
    draft(year)

    with pytest.raises(DomainError, match="Nhóm I: các tiêu chí trong nhóm cộng 110 điểm"):
        criterion_add(
            covenant=year.covenant,
            by=year.officers["KA"],
            number="7",
            text="Chỉ tiêu 7",
            max_points=Decimal(10),
            parent=year.group,
        )

    assert not year.covenant.criteria.filter(number="7").exists()


def test_a_draft_criterion_is_reworded_and_rescored_within_its_group(year):
    draft(year)
    first, second = year.items[0], year.items[1]
    by = year.officers["KA"]

    criterion_update(
        criterion=first, by=by, number="1", text="Thu ngân sách đạt 100% dự toán",
        kind="item", max_points=Decimal(15), parent=year.group,
    )  # fmt: skip
    criterion_update(
        criterion=second, by=by, number="2", text="Chỉ tiêu 2", kind="item",
        max_points=Decimal(25), parent=year.group,
    )  # fmt: skip

    first.refresh_from_db()
    assert (first.text, first.max_points) == ("Thu ngân sách đạt 100% dự toán", Decimal(15))
    with pytest.raises(DomainError, match="vượt điểm tối đa 100"):
        criterion_update(
            criterion=first, by=by, number="1", text="x", kind="item",
            max_points=Decimal(20), parent=year.group,
        )  # fmt: skip


def test_an_opened_criterion_is_not_edited(year):
    with pytest.raises(DomainError, match="đã đưa ra ký kết"):
        criterion_update(
            criterion=year.items[0], by=year.officers["KA"], number="1", text="x",
            kind="item", max_points=Decimal(1), parent=year.group,
        )  # fmt: skip


def test_an_opened_covenant_goes_back_to_draft_while_nobody_signed(year):
    covenant_reopen(covenant=year.covenant, by=year.officers["KA"], reason="Sửa chỉ tiêu 3")

    year.covenant.refresh_from_db()
    assert year.covenant.status == CovenantStatus.DRAFT


def test_once_a_member_signed_the_covenant_stays_open(year):
    covenant_sign(
        covenant=year.covenant, unit=year.ward("NS"), by=year.officers["NS"], signer_name="A"
    )

    with pytest.raises(DomainError, match=r"Đã có đơn vị ký giao ước \(Phường Ngọc Sơn\)"):
        covenant_reopen(covenant=year.covenant, by=year.officers["KA"], reason="Sửa")


def test_a_member_cannot_take_the_covenant_back(year):
    with pytest.raises(PermissionDenied):
        covenant_reopen(covenant=year.covenant, by=year.officers["NS"], reason="Sửa")


def test_copying_last_years_covenant_can_bring_its_year_up_to_date(year):
    draft(year)
    criterion_update(
        criterion=year.items[0], by=year.officers["KA"], number="1",
        text="Hoàn thành chỉ tiêu năm 2025 theo Kế hoạch 12/KH-UBND ngày 05/01/2025",
        kind="item", max_points=Decimal(20), evidence="Báo cáo năm 2025", parent=year.group,
    )  # fmt: skip
    nxt = cluster_year_create(previous=year.cluster, by=year.officers["KA"])

    covenant = covenant_create(
        cluster=nxt, by=year.officers["KA"], copy_from=year.covenant, update_year=True
    )

    copied = covenant.criteria.get(number="1")
    assert copied.text == "Hoàn thành chỉ tiêu năm 2026 theo Kế hoạch 12/KH-UBND ngày 05/01/2025"
    assert copied.evidence == "Báo cáo năm 2026"


def test_with_year_changes_the_year_not_a_date_or_a_code():
    assert with_year("Năm 2025; ngày 05/01/2025; số 2025-KH", 2025, 2026) == (
        "Năm 2026; ngày 05/01/2025; số 2025-KH"
    )


# The signing conference, and a signature corrected ---------------------------------------


def test_the_conference_records_its_date_place_and_who_signed_for_each_member(year):
    signers = [
        ConferenceSigner(year.ward(s), f"Chủ tịch {s}", "Chủ tịch UBND phường")
        for s in ("NS", "TTN", "VD", "BS")
    ]

    covenant_conference_record(
        covenant=year.covenant,
        by=year.officers["KA"],
        held_on=date(2025, 2, 28),
        place="UBND phường Trần Thành Ngọ",
        note="Ký kết giao ước thi đua",
        signers=signers,
    )

    year.covenant.refresh_from_db()
    assert year.covenant.status == CovenantStatus.SIGNED
    assert year.covenant.conference_on == date(2025, 2, 28)
    assert year.covenant.signed_on == date(2025, 2, 28)
    signature = year.covenant.signatures.get(unit=year.ward("TTN"))
    assert (signature.signer_name, signature.signer_title) == (
        "Chủ tịch TTN",
        "Chủ tịch UBND phường",
    )


def test_only_the_managers_record_the_conference(year):
    with pytest.raises(PermissionDenied):
        covenant_conference_record(
            covenant=year.covenant, by=year.officers["NS"], held_on=date(2025, 2, 28),
            place="x",
        )  # fmt: skip


def test_a_wrong_signature_is_corrected_with_its_reason_kept(year):
    signature = covenant_sign(
        covenant=year.covenant, unit=year.ward("NS"), by=year.officers["NS"],
        signer_name="Nguyễn Văn Hinh", signer_title="Phó Chủ tịch",
    )  # fmt: skip

    covenant_signature_correct(
        signature=signature, by=year.officers["KA"], signer_name="Nguyễn Văn Hinh",
        signer_title="Chủ tịch UBND phường", reason="Ghi nhầm chức vụ theo biên bản",
    )  # fmt: skip

    signature.refresh_from_db()
    assert signature.signer_title == "Chủ tịch UBND phường"
    correction = signature.corrections.get()
    assert (correction.old_signer_title, correction.reason) == (
        "Phó Chủ tịch",
        "Ghi nhầm chức vụ theo biên bản",
    )
    with pytest.raises(DomainError, match="lý do"):
        covenant_signature_correct(
            signature=signature, by=year.officers["KA"], signer_name="B", reason=" "
        )
    with pytest.raises(PermissionDenied):
        covenant_signature_correct(
            signature=signature, by=year.officers["BS"], signer_name="B", reason="x"
        )
