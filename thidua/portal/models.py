"""What the portal keeps for itself: the open questions of the comment form and the request
counts per address. Neither is public data; both rows are short-lived and purged as they age."""

from __future__ import annotations

from django.db import models


class Challenge(models.Model):
    """A question shown once. The page and the form carry only ``key``, a random string, so a
    script reading the page learns nothing of the answer and a solved form cannot be sent again:
    the row goes on the first attempt, right or wrong."""

    key = models.CharField("mã", max_length=64, primary_key=True, editable=False)
    answer = models.PositiveSmallIntegerField("đáp án")
    expires_at = models.DateTimeField("hết hạn", db_index=True)

    class Meta:
        verbose_name = "câu hỏi kiểm tra"
        verbose_name_plural = "câu hỏi kiểm tra"


class RequestCount(models.Model):
    """Requests from one address to one kind of public page within one window of time. The
    address is kept as a keyed hash: enough to count, not a log of who read what."""

    scope = models.CharField("loại yêu cầu", max_length=16)
    client = models.CharField("địa chỉ (băm)", max_length=64)
    window_ends_at = models.DateTimeField("hết khoảng", db_index=True)
    hits = models.PositiveIntegerField("số yêu cầu", default=0)

    class Meta:
        verbose_name = "số yêu cầu theo địa chỉ"
        verbose_name_plural = "số yêu cầu theo địa chỉ"
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "client", "window_ends_at"], name="portal_one_count_per_window"
            )
        ]
