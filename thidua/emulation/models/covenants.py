"""Giao ước thi đua: the criteria tree and the members' signatures."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from thidua.common.models import TimeStampedModel
from thidua.emulation.choices import CovenantStatus, CriterionKind
from thidua.emulation.models.clusters import Cluster
from thidua.emulation.models.movements import Movement
from thidua.orgs.models import Unit


class Covenant(TimeStampedModel):
    """Giao ước thi đua of a cluster for a year, with its tree of criteria."""

    cluster = models.ForeignKey(
        Cluster, verbose_name="cụm, khối", on_delete=models.CASCADE, related_name="covenants"
    )
    movement = models.ForeignKey(
        Movement,
        verbose_name="phong trào",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="covenants",
    )
    title = models.CharField("tên giao ước", max_length=500)
    status = models.CharField(
        "trạng thái", max_length=8, choices=CovenantStatus.choices, default=CovenantStatus.DRAFT
    )
    signed_on = models.DateField("ngày ký", null=True, blank=True)
    # The conference at which the members sign (seed 002: 28/02 at Trần Thành Ngọ).
    conference_on = models.DateField("ngày hội nghị ký kết", null=True, blank=True)
    conference_place = models.CharField("nơi tổ chức hội nghị ký kết", max_length=255, blank=True)
    conference_note = models.CharField("nội dung hội nghị", max_length=500, blank=True)

    class Meta:
        verbose_name = "giao ước thi đua"
        verbose_name_plural = "giao ước thi đua"

    def __str__(self) -> str:
        return self.title


class Criterion(TimeStampedModel):
    covenant = models.ForeignKey(
        Covenant, verbose_name="giao ước", on_delete=models.CASCADE, related_name="criteria"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="thuộc nhóm",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    number = models.CharField("số thứ tự", max_length=16)
    text = models.TextField("nội dung tiêu chí, chỉ tiêu")
    kind = models.CharField(
        "loại", max_length=8, choices=CriterionKind.choices, default=CriterionKind.ITEM
    )
    max_points = models.DecimalField("điểm tối đa", max_digits=7, decimal_places=2, default=0)
    # A bonus or penalty counted per occurrence ("Chậm gửi báo cáo … (mỗi lần) −2"): the
    # points of one occurrence; ``max_points`` bounds their sum.
    per_occurrence = models.DecimalField(
        "điểm mỗi lần", max_digits=7, decimal_places=2, null=True, blank=True
    )
    evidence = models.CharField("minh chứng cần có", max_length=500, blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "tiêu chí"
        verbose_name_plural = "tiêu chí"
        ordering = ["covenant", "order"]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"


class CovenantSignature(TimeStampedModel):
    covenant = models.ForeignKey(
        Covenant, verbose_name="giao ước", on_delete=models.CASCADE, related_name="signatures"
    )
    unit = models.ForeignKey(Unit, verbose_name="đơn vị", on_delete=models.PROTECT)
    signer_name = models.CharField("người ký", max_length=255)
    signer_title = models.CharField("chức vụ người ký", max_length=255, blank=True)
    signed_at = models.DateTimeField("thời điểm ký")

    class Meta:
        verbose_name = "chữ ký giao ước"
        verbose_name_plural = "chữ ký giao ước"
        constraints = [
            models.UniqueConstraint(fields=["covenant", "unit"], name="covenant_signed_once"),
        ]


class SignatureCorrection(models.Model):
    """A signature recorded wrongly and corrected: what it said, what it says now, and why."""

    signature = models.ForeignKey(
        CovenantSignature,
        verbose_name="chữ ký giao ước",
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    old_signer_name = models.CharField("người ký (trước)", max_length=255)
    old_signer_title = models.CharField("chức vụ (trước)", max_length=255, blank=True)
    new_signer_name = models.CharField("người ký (sau)", max_length=255)
    new_signer_title = models.CharField("chức vụ (sau)", max_length=255, blank=True)
    reason = models.CharField("lý do đính chính", max_length=500)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người đính chính",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    corrected_at = models.DateTimeField("thời điểm đính chính", auto_now_add=True)

    class Meta:
        verbose_name = "đính chính chữ ký giao ước"
        verbose_name_plural = "đính chính chữ ký giao ước"
        ordering = ["signature", "corrected_at", "pk"]
