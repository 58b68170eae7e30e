"""Score sheets: a member's own scores and each reviewer's, line by line, with the history of
every change made after a sheet was sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from thidua.common.models import TimeStampedModel
from thidua.emulation.choices import ScoreSheetStatus
from thidua.emulation.models.covenants import Covenant, Criterion
from thidua.orgs.models import Unit


class ScoreSheet(TimeStampedModel):
    """Points for one member under a covenant: its own (``reviewer`` empty) or a reviewer's.
    A reviewer's sheet exists from the moment the reviewer is assigned."""

    covenant = models.ForeignKey(
        Covenant, verbose_name="giao ước", on_delete=models.CASCADE, related_name="score_sheets"
    )
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị được chấm", on_delete=models.PROTECT, related_name="score_sheets"
    )
    reviewer = models.ForeignKey(
        Unit,
        verbose_name="đơn vị chấm chéo",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviewed_sheets",
    )
    status = models.CharField(
        "trạng thái",
        max_length=16,
        choices=ScoreSheetStatus.choices,
        default=ScoreSheetStatus.DRAFT,
    )
    submitted_at = models.DateTimeField("thời điểm gửi", null=True, blank=True)
    recusal_reason = models.CharField("lý do từ chối chấm", max_length=500, blank=True)

    class Meta:
        verbose_name = "bảng chấm điểm"
        verbose_name_plural = "bảng chấm điểm"
        constraints = [
            models.UniqueConstraint(
                fields=["covenant", "unit", "reviewer"], name="score_sheet_once"
            ),
            models.UniqueConstraint(
                fields=["covenant", "unit"],
                condition=Q(reviewer__isnull=True),
                name="score_sheet_self_once",
            ),
            models.CheckConstraint(
                condition=~Q(reviewer=models.F("unit")), name="score_sheet_not_own_unit"
            ),
        ]

    @property
    def is_self(self) -> bool:
        return self.reviewer_id is None


class ScoreLine(TimeStampedModel):
    sheet = models.ForeignKey(
        ScoreSheet, verbose_name="bảng điểm", on_delete=models.CASCADE, related_name="lines"
    )
    criterion = models.ForeignKey(Criterion, verbose_name="tiêu chí", on_delete=models.CASCADE)
    points = models.DecimalField("điểm", max_digits=7, decimal_places=2)
    # On a criterion counted per occurrence: how many times; ``points`` follows from it.
    occurrences = models.PositiveIntegerField("số lần", null=True, blank=True)
    note = models.CharField("giải trình", max_length=1000, blank=True)
    evidence = models.FileField("minh chứng", upload_to="evidence/%Y/", blank=True)

    class Meta:
        verbose_name = "điểm theo tiêu chí"
        verbose_name_plural = "điểm theo tiêu chí"
        constraints = [
            models.UniqueConstraint(fields=["sheet", "criterion"], name="score_line_once"),
        ]


class ScoreChange(models.Model):
    """A change of points on a sheet already sent: who, when, old → new, and why."""

    line = models.ForeignKey(
        ScoreLine,
        verbose_name="điểm theo tiêu chí",
        on_delete=models.CASCADE,
        related_name="changes",
    )
    old_points = models.DecimalField("điểm cũ", max_digits=7, decimal_places=2)
    new_points = models.DecimalField("điểm mới", max_digits=7, decimal_places=2)
    reason = models.CharField("lý do thay đổi", max_length=1000)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thay đổi",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField("thời điểm thay đổi", auto_now_add=True)

    class Meta:
        verbose_name = "thay đổi điểm sau khi gửi"
        verbose_name_plural = "thay đổi điểm sau khi gửi"
        ordering = ["line", "changed_at", "pk"]
