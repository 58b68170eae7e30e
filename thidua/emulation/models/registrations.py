"""Đăng ký thi đua of units and people."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from thidua.common.models import TimeStampedModel
from thidua.core.catalog import CATALOG
from thidua.emulation.choices import RegistrationStatus
from thidua.emulation.models.movements import Movement
from thidua.orgs.models import YEAR_VALIDATORS, Person, Unit

AWARD_CODE_CHOICES = [(a.code, a.name) for a in CATALOG]


class Registration(TimeStampedModel):
    """Đăng ký thi đua: a unit or person names the title it aims for this year."""

    year = models.PositiveSmallIntegerField("năm", validators=YEAR_VALIDATORS)
    movement = models.ForeignKey(
        Movement, verbose_name="phong trào", null=True, blank=True, on_delete=models.SET_NULL
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị đăng ký",
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    person = models.ForeignKey(
        Person,
        verbose_name="cá nhân đăng ký",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    target = models.CharField("danh hiệu đăng ký", max_length=64, choices=AWARD_CODE_CHOICES)
    status = models.CharField(
        "trạng thái",
        max_length=16,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.DRAFT,
    )
    return_reason = models.CharField("lý do trả lại", max_length=500, blank=True)
    submitted_at = models.DateTimeField("thời điểm gửi duyệt", null=True, blank=True)
    decided_at = models.DateTimeField("thời điểm duyệt, trả lại", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người duyệt, trả lại",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "đăng ký thi đua"
        verbose_name_plural = "đăng ký thi đua"
        ordering = ["-year", "unit", "person"]

    @property
    def is_collective(self) -> bool:
        return self.person_id is None
