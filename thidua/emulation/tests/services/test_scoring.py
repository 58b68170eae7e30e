"""Self-scoring with evidence, reviewing, changes after sending."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.common.errors import DomainError
from thidua.emulation.choices import ScoreSheetStatus
from thidua.emulation.models import ScoreChange
from thidua.emulation.services import (
    LineInput,
    reviewers_assign,
    score_line_change,
    score_lines_save,
    score_sheet_submit,
    self_sheet_start,
)
from thidua.emulation.tests.factories import pdf

pytestmark = pytest.mark.django_db


def test_a_ward_scores_itself_only_after_signing(year):
    with pytest.raises(DomainError, match="chưa ký giao ước"):
        self_sheet_start(covenant=year.covenant, unit=year.ward("NS"), by=year.officers["NS"])


def test_a_ward_officer_scores_only_their_own_ward(signed):
    with pytest.raises(PermissionDenied):
        self_sheet_start(covenant=signed.covenant, unit=signed.ward("BS"), by=signed.officers["NS"])


def test_evidence_is_kept_with_the_line(signed):
    officer, item = signed.officers["NS"], signed.items[0]
    sheet = self_sheet_start(covenant=signed.covenant, unit=signed.ward("NS"), by=officer)

    score_lines_save(
        sheet=sheet,
        by=officer,
        entries={item.pk: LineInput(Decimal("19.5"), "Thu ngân sách đạt 98%")},
        evidence={item.pk: pdf()},
    )

    line = sheet.lines.get(criterion=item)
    assert (line.points, line.note) == (Decimal("19.5"), "Thu ngân sách đạt 98%")
    assert str(line.evidence.name).endswith(".pdf")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("a.exe", b"MZ"), "chỉ nhận PDF"),
        (SimpleUploadedFile("a.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024)), "vượt mức 10 MB"),
        (SimpleUploadedFile("a.png", b"GIF89a"), "không đúng định dạng PNG"),
    ],
)
def test_evidence_of_the_wrong_type_or_size_is_refused(signed, upload, message):
    officer, item = signed.officers["NS"], signed.items[0]
    sheet = self_sheet_start(covenant=signed.covenant, unit=signed.ward("NS"), by=officer)

    with pytest.raises(DomainError, match=message):
        score_lines_save(sheet=sheet, by=officer, entries={}, evidence={item.pk: upload})


def test_points_above_the_maximum_are_refused(signed):
    officer, item = signed.officers["NS"], signed.items[3]
    sheet = self_sheet_start(covenant=signed.covenant, unit=signed.ward("NS"), by=officer)

    with pytest.raises(DomainError, match="điểm phải từ 0 đến 10, không phải 12"):
        score_lines_save(sheet=sheet, by=officer, entries={item.pk: LineInput(Decimal(12))})


def test_a_sheet_is_sent_only_when_every_criterion_has_points(signed):
    officer = signed.officers["NS"]
    sheet = self_sheet_start(covenant=signed.covenant, unit=signed.ward("NS"), by=officer)
    score_lines_save(sheet=sheet, by=officer, entries={signed.items[0].pk: LineInput(Decimal(20))})

    with pytest.raises(DomainError, match="Chưa nhập điểm các tiêu chí: 2, 3, 4, 5, 6, II, III"):
        score_sheet_submit(sheet=sheet, by=officer)


def test_a_change_after_sending_needs_a_reason_and_is_kept(signed):
    sheet = signed.self_score("NS")
    line = sheet.lines.get(criterion=signed.items[0])

    with pytest.raises(DomainError, match="khi có lý do"):
        score_line_change(line=line, by=signed.officers["NS"], points=Decimal(18), reason="")
    score_line_change(
        line=line, by=signed.officers["NS"], points=Decimal(18), reason="Số liệu thu ngân sách"
    )

    change = ScoreChange.objects.get(line=line)
    assert (change.old_points, change.new_points) == (Decimal(20), Decimal(18))
    assert change.changed_by == signed.officers["NS"]
    line.refresh_from_db()
    assert line.points == Decimal(18)


def test_a_review_waits_for_the_self_scores(signed):
    reviewers_assign(covenant=signed.covenant, by=signed.officers["KA"])
    review = signed.covenant.score_sheets.get(unit=signed.ward("NS"), reviewer=signed.ward("TTN"))

    with pytest.raises(DomainError, match="chưa gửi bảng tự chấm"):
        signed.review(review)
    signed.self_score("NS")
    assert signed.review(review).status == ScoreSheetStatus.SUBMITTED


def test_a_ward_reviews_only_what_it_is_assigned(signed):
    reviewers_assign(covenant=signed.covenant, by=signed.officers["KA"])
    signed.self_score("NS")
    review = signed.covenant.score_sheets.get(unit=signed.ward("NS"), reviewer=signed.ward("TTN"))

    with pytest.raises(PermissionDenied):
        score_lines_save(sheet=review, by=signed.officers["BS"], entries={})
