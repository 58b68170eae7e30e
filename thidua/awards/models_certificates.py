"""Certificates (Bằng khen, Giấy khen, giấy chứng nhận danh hiệu) printed for an award, each
with a code that the public verification page looks up; and the administrator's corrections to
the holiday calendar."""

from __future__ import annotations

import secrets

from django.db import models

from thidua.awards.choices import CalendarDayKind
from thidua.common.models import TimeStampedModel

# No 0/O or 1/I: the code is also typed by hand from the paper.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


def new_verification_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Certificate(TimeStampedModel):
    award_record = models.OneToOneField(
        "awards.AwardRecord",
        verbose_name="khen thưởng",
        on_delete=models.PROTECT,
        related_name="certificate",
    )
    code = models.CharField(
        "mã xác thực", max_length=16, unique=True, default=new_verification_code
    )
    number = models.CharField("số vào sổ", max_length=32)

    class Meta:
        verbose_name = "giấy khen, bằng khen"
        verbose_name_plural = "giấy khen, bằng khen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.number} ({self.code})"


class CalendarDay(TimeStampedModel):
    """A day the Prime Minister's yearly decision (or the unit) makes a day off, or a Saturday
    it makes a working day in exchange; it overrides the statutory calendar."""

    day = models.DateField("ngày", unique=True)
    kind = models.CharField("loại", max_length=16, choices=CalendarDayKind.choices)
    name = models.CharField("lý do", max_length=255)
    basis = models.CharField("căn cứ", max_length=255, blank=True)

    class Meta:
        verbose_name = "ngày nghỉ, ngày làm bù"
        verbose_name_plural = "lịch ngày nghỉ lễ, Tết"
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} – {self.name}"
