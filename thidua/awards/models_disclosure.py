"""Public disclosure of a proposal's list (công khai) and the comments citizens send."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from thidua.awards.choices import CommentStatus
from thidua.awards.models_proposals import Candidate, Proposal
from thidua.common.models import TimeStampedModel


class Disclosure(TimeStampedModel):
    """The list published for ``days`` (working) days after ``starts_on``."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    proposal = models.ForeignKey(
        Proposal, verbose_name="đề nghị", on_delete=models.CASCADE, related_name="disclosures"
    )
    starts_on = models.DateField("ngày đăng")
    ends_on = models.DateField("hết hạn nhận ý kiến")
    days = models.PositiveSmallIntegerField("số ngày")
    # ND 98/152 count State-award lists in working days; ND 86/2023 counts its 10 days plain.
    in_working_days = models.BooleanField("tính theo ngày làm việc", default=True)
    basis = models.CharField("căn cứ", max_length=255, blank=True)
    closed_at = models.DateTimeField("thời điểm kết thúc", null=True, blank=True)

    class Meta:
        verbose_name = "công khai danh sách"
        verbose_name_plural = "công khai danh sách"
        ordering = ["-starts_on", "-pk"]


class Comment(TimeStampedModel):
    """Ý kiến của Nhân dân; the e-mail is kept for the answer, never shown in public."""

    disclosure = models.ForeignKey(
        Disclosure, verbose_name="đợt công khai", on_delete=models.CASCADE, related_name="comments"
    )
    candidate = models.ForeignKey(
        Candidate,
        verbose_name="về đối tượng",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    name = models.CharField("họ và tên", max_length=255)
    email = models.EmailField("thư điện tử")
    subject = models.CharField("tiêu đề", max_length=255)
    content = models.TextField("nội dung")
    status = models.CharField(
        "trạng thái", max_length=16, choices=CommentStatus.choices, default=CommentStatus.NEW
    )
    is_valid = models.BooleanField("có cơ sở", null=True, blank=True)
    answer = models.TextField("trả lời", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField("thời điểm trả lời", null=True, blank=True)

    class Meta:
        verbose_name = "ý kiến góp ý"
        verbose_name_plural = "ý kiến góp ý"
        ordering = ["created_at"]
