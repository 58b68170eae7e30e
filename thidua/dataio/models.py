"""A workbook imported in the browser: the file, who sent it and when, its progress, the
preview and the problems found, and the outcome. The row outlives the job: it is the record
of every import (who brought which file in, and what it changed)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from thidua.common.models import TimeStampedModel
from thidua.dataio.choices import RUNNING, ImportStatus
from thidua.dataio.workbook.progress import phase_of

# A job that has not moved for this long lost its worker (a restart): it may be run again.
# Its progress moves at least every few seconds, inside the import's transaction too
# (``thidua.dataio.live``).
STALLED_AFTER = timedelta(minutes=10)


def upload_path(instance: WorkbookImport, filename: str) -> str:
    # The officer's file name is kept in ``file_name``; the stored name cannot clash or escape.
    return f"imports/{timezone.localdate():%Y/%m}/{instance.code}.xlsx"


class WorkbookImport(TimeStampedModel):
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Empty for an import run from the command line (``thidua import workbook``): then
    # ``command_user`` names the account of the machine that ran it.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhập",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="workbook_imports",
    )
    command_user = models.CharField("người chạy lệnh", max_length=150, blank=True)
    file = models.FileField("tệp", upload_to=upload_path, max_length=255)
    file_name = models.CharField("tên tệp", max_length=255)
    file_size = models.PositiveBigIntegerField("dung lượng (byte)")
    status = models.CharField(
        "tình trạng", max_length=16, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    # Progress of the running step: its phase (Đọc, Kiểm tra, Ghi) and (done, total) steps.
    phase = models.CharField("bước", max_length=16, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    rows = models.PositiveIntegerField("số dòng", default=0)
    counts = models.JSONField("số dòng theo trang", default=dict, blank=True)
    samples = models.JSONField("các dòng xem trước", default=dict, blank=True)
    problems = models.JSONField("lỗi", default=list, blank=True)
    checked_at = models.DateTimeField("kiểm tra xong lúc", null=True, blank=True)
    confirmed_at = models.DateTimeField("xác nhận lúc", null=True, blank=True)
    finished_at = models.DateTimeField("nhập xong lúc", null=True, blank=True)

    @property
    def sender(self) -> str:
        if self.user is not None:
            return str(self.user)
        return f"Dòng lệnh ({self.command_user})" if self.command_user else "Dòng lệnh"

    class Meta:
        verbose_name = "lần nhập sổ dữ liệu"
        verbose_name_plural = "các lần nhập sổ dữ liệu"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def is_running(self) -> bool:
        return self.status in RUNNING

    @property
    def is_stalled(self) -> bool:
        return self.is_running and timezone.now() - self.updated_at > STALLED_AFTER

    @property
    def percent(self) -> int:
        return min(100, self.done * 100 // self.total) if self.total else 0

    @property
    def phase_rows(self) -> tuple[int, int]:
        """(rows done, rows) in the running phase of an import: "ghi 45.000/120.321 dòng"."""
        _, done, rows = phase_of(self.done, self.total) if self.total else ("", 0, 0)
        return done, rows
