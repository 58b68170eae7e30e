"""Phong trào thi đua and their attachments."""

from __future__ import annotations

from django.db import models

from thidua.common.models import TimeStampedModel
from thidua.emulation.choices import MovementKind, MovementStatus
from thidua.orgs.models import YEAR_VALIDATORS, Unit


class Movement(TimeStampedModel):
    """Phong trào thi đua: regular (yearly) or thematic, with its lifecycle (Điều 17)."""

    name = models.CharField("tên phong trào", max_length=500)
    theme = models.TextField("chủ đề", blank=True)
    kind = models.CharField(
        "hình thức", max_length=16, choices=MovementKind.choices, default=MovementKind.REGULAR
    )
    year = models.PositiveSmallIntegerField("năm", validators=YEAR_VALIDATORS)
    launched_by = models.ForeignKey(
        Unit, verbose_name="cơ quan phát động", on_delete=models.PROTECT, related_name="movements"
    )
    authority = models.CharField("người phát động", max_length=255, blank=True)
    scope = models.ManyToManyField(
        Unit,
        verbose_name="phạm vi (đơn vị tham gia)",
        related_name="movements_in_scope",
        blank=True,
    )
    start = models.DateField("ngày bắt đầu", null=True, blank=True)
    end = models.DateField("ngày kết thúc", null=True, blank=True)
    goals = models.TextField("mục tiêu", blank=True)
    criteria = models.TextField("nội dung, tiêu chí", blank=True)
    status = models.CharField(
        "trạng thái", max_length=16, choices=MovementStatus.choices, default=MovementStatus.DRAFT
    )

    class Meta:
        verbose_name = "phong trào thi đua"
        verbose_name_plural = "phong trào thi đua"
        ordering = ["-year", "name"]

    def __str__(self) -> str:
        return self.name


class MovementAttachment(TimeStampedModel):
    """Kế hoạch, hướng dẫn, công văn phát động … attached to a movement."""

    movement = models.ForeignKey(
        Movement, verbose_name="phong trào", on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField("tên tài liệu", max_length=255)
    file = models.FileField("tệp", upload_to="movements/%Y/")

    class Meta:
        verbose_name = "tài liệu phong trào"
        verbose_name_plural = "tài liệu phong trào"
        ordering = ["movement", "created_at"]
