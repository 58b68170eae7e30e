"""A published ranking (a snapshot that no later change of scores can move) and the
nominations it gives."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from thidua.common.models import TimeStampedModel
from thidua.emulation.choices import ScoreMethod
from thidua.emulation.models.covenants import Covenant
from thidua.emulation.models.registrations import AWARD_CODE_CHOICES
from thidua.orgs.models import Unit


class Ranking(TimeStampedModel):
    covenant = models.OneToOneField(
        Covenant, verbose_name="giao ước", on_delete=models.PROTECT, related_name="ranking"
    )
    published_at = models.DateTimeField("thời điểm công bố")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người công bố",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    method = models.CharField("cách tính điểm", max_length=16, choices=ScoreMethod.choices)
    spread_limit = models.DecimalField("chênh lệch cần xem lại", max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = "kết quả xếp hạng"
        verbose_name_plural = "kết quả xếp hạng"


class RankingRow(models.Model):
    ranking = models.ForeignKey(
        Ranking, verbose_name="kết quả xếp hạng", on_delete=models.CASCADE, related_name="rows"
    )
    unit = models.ForeignKey(Unit, verbose_name="đơn vị", on_delete=models.PROTECT)
    position = models.PositiveSmallIntegerField("thứ tự")
    rank = models.PositiveSmallIntegerField("xếp hạng")
    self_total = models.DecimalField("điểm tự chấm", max_digits=7, decimal_places=2, null=True)
    final_total = models.DecimalField("điểm cuối cùng", max_digits=7, decimal_places=2)
    penalty = models.DecimalField("điểm trừ", max_digits=7, decimal_places=2, default=0)
    reviews = models.PositiveSmallIntegerField("số đơn vị chấm")
    spread = models.DecimalField("chênh lệch giữa các đơn vị chấm", max_digits=7, decimal_places=2)
    disagreement = models.BooleanField("chênh lệch vượt mức", default=False)
    tie_break = models.CharField("căn cứ xếp khi bằng điểm", max_length=16, blank=True)

    class Meta:
        verbose_name = "dòng xếp hạng"
        verbose_name_plural = "dòng xếp hạng"
        ordering = ["ranking", "position"]
        constraints = [
            models.UniqueConstraint(fields=["ranking", "unit"], name="ranking_row_once"),
        ]


class Nomination(TimeStampedModel):
    """A unit proposed for an honour from the ranking, with the basis a proposal cites
    ("Đơn vị dẫn đầu cụm thi đua")."""

    ranking = models.ForeignKey(
        Ranking,
        verbose_name="kết quả xếp hạng",
        on_delete=models.CASCADE,
        related_name="nominations",
    )
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="nominations"
    )
    award = models.CharField(
        "danh hiệu, hình thức đề nghị", max_length=64, choices=AWARD_CODE_CHOICES
    )
    position = models.PositiveSmallIntegerField("thứ tự trong bảng xếp hạng")
    basis = models.CharField("căn cứ đề nghị", max_length=255)
    citation = models.CharField("căn cứ pháp lý", max_length=255, blank=True)
    tie_at_boundary = models.BooleanField("đồng hạng ở vị trí cuối của chỉ tiêu", default=False)

    class Meta:
        verbose_name = "đề xuất khen thưởng từ xếp hạng"
        verbose_name_plural = "đề xuất khen thưởng từ xếp hạng"
        ordering = ["ranking", "position"]
        constraints = [
            models.UniqueConstraint(fields=["ranking", "unit"], name="nomination_once"),
        ]
