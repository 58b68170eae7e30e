"""The states of an import in the browser."""

from __future__ import annotations

from django.db import models


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Đang chờ kiểm tra"
    CHECKING = "checking", "Đang kiểm tra"
    INVALID = "invalid", "Có lỗi, chưa nhập"
    READY = "ready", "Chờ xác nhận"
    IMPORTING = "importing", "Đang nhập"
    DONE = "done", "Đã nhập"
    FAILED = "failed", "Không nhập được"
    CANCELLED = "cancelled", "Đã hủy"


# A background job works on these; the page polls while an import is in one of them.
RUNNING = (ImportStatus.QUEUED, ImportStatus.CHECKING, ImportStatus.IMPORTING)
FINISHED = (ImportStatus.INVALID, ImportStatus.DONE, ImportStatus.FAILED, ImportStatus.CANCELLED)
