"""Proposals (đề nghị khen thưởng), their candidates, timeline and dossier documents.

Loaded by ``thidua.awards.models`` so that Django registers them with the app.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models

from thidua.awards.choices import (
    AWARD_CODE_CHOICES,
    OCCASION_CHOICES,
    CheckStatus,
    CouncilResult,
    DocumentKind,
    ProposalStatus,
    RecipientKind,
)
from thidua.awards.recipients import one_recipient_condition
from thidua.common.models import TimeStampedModel
from thidua.core.catalog import BY_CODE
from thidua.core.rules.vocabulary import Occasion
from thidua.emulation.models import Movement, Nomination
from thidua.orgs.models import YEAR_VALIDATORS, Enterprise, Household, Person, Unit

OPEN_STATUSES = (
    ProposalStatus.DRAFT,
    ProposalStatus.SUBMITTED,
    ProposalStatus.UNDER_REVIEW,
    ProposalStatus.RETURNED,
    ProposalStatus.PUBLIC_COMMENT,
    ProposalStatus.COUNCIL,
)
EDITABLE_STATUSES = (ProposalStatus.DRAFT, ProposalStatus.RETURNED)


class Proposal(TimeStampedModel):
    """Đề nghị khen thưởng of one unit for one form, for a year or a movement."""

    code = models.UUIDField("mã", default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị đề nghị", on_delete=models.PROTECT, related_name="proposals"
    )
    # The unit whose council considers it and whose head decides (Điều 80): the proposing
    # unit itself for forms within its own authority, a unit above it otherwise.
    reviewing_unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị xét, quyết định",
        on_delete=models.PROTECT,
        related_name="proposals_to_review",
    )
    year = models.PositiveSmallIntegerField("năm thành tích", validators=YEAR_VALIDATORS)
    movement = models.ForeignKey(
        Movement,
        verbose_name="phong trào thi đua",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    award_code = models.CharField(
        "danh hiệu, hình thức đề nghị", max_length=64, choices=AWARD_CODE_CHOICES
    )
    title = models.CharField("trích yếu", max_length=500, blank=True)
    # What kind of achievement is rewarded: decides which grants count as "the same
    # achievement" and, before 2024, the one-State-form-a-year cap (Điều 3 TT 12/2019/TT-BNV).
    occasion = models.CharField(
        "loại hình khen thưởng",
        max_length=16,
        choices=OCCASION_CHOICES,
        default=Occasion.THUONG_XUYEN.value,
    )
    status = models.CharField(
        "trạng thái", max_length=16, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    submitted_at = models.DateTimeField("ngày gửi", null=True, blank=True)
    review_due = models.DateField("hạn thẩm định", null=True, blank=True)
    returned_reason = models.TextField("lý do trả lại", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người lập",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "đề nghị khen thưởng"
        verbose_name_plural = "đề nghị khen thưởng"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "reviewing_unit"], name="proposal_status_unit")]

    def __str__(self) -> str:
        return self.title or f"Đề nghị {self.award_name} năm {self.year}"

    @property
    def award_name(self) -> str:
        return BY_CODE[self.award_code].name

    @property
    def achievement_key(self) -> str:
        """What "the same achievement" is for one award per achievement (core one_award): the
        year's results, a thematic movement's summing-up, or this proposal's own feat."""
        if self.occasion == Occasion.THUONG_XUYEN:
            return ""
        if self.occasion == Occasion.CHUYEN_DE and self.movement is not None:
            return f"phong trào “{self.movement.name}”"
        return f"{self.get_occasion_display().lower()}: {self}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


class ProposalEvent(models.Model):
    """One step of the proposal's timeline: who moved it from what to what, and why."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField("thời điểm", auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField(max_length=16, choices=ProposalStatus.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=ProposalStatus.choices)
    note = models.TextField("ghi chú", blank=True)

    class Meta:
        verbose_name = "diễn biến đề nghị"
        verbose_name_plural = "diễn biến đề nghị"
        ordering = ["at", "pk"]


class CandidateQuerySet(models.QuerySet["Candidate"]):
    def in_play_for(self, *, year: int, code: str | None = None) -> CandidateQuerySet:
        """Candidates for ``code`` (any code if None) on the achievements of ``year`` who may
        still receive it: not refused by the engine, not failed at the council, in a proposal
        not rejected."""
        chosen = self.filter(proposal__year=year)
        if code is not None:
            chosen = chosen.filter(proposal__award_code=code)
        return (
            chosen.exclude(proposal__status=ProposalStatus.REJECTED)
            .exclude(check_status=CheckStatus.REFUSED)
            .exclude(council_result=CouncilResult.FAILED)
        )


class Candidate(TimeStampedModel):
    """One subject proposed, with the law engine's verdict as it stood (a snapshot)."""

    proposal = models.ForeignKey(
        Proposal, verbose_name="đề nghị", on_delete=models.CASCADE, related_name="candidates"
    )
    recipient_kind = models.CharField(
        "loại đối tượng", max_length=16, choices=RecipientKind.choices
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="candidacies"
    )
    collective = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="candidacies"
    )
    household = models.ForeignKey(
        Household, null=True, blank=True, on_delete=models.PROTECT, related_name="candidacies"
    )
    enterprise = models.ForeignKey(
        Enterprise, null=True, blank=True, on_delete=models.PROTECT, related_name="candidacies"
    )
    recipient_name = models.CharField("tên đối tượng", max_length=255)
    position = models.CharField("chức vụ, đơn vị", max_length=255, blank=True)
    achievement = models.TextField("tóm tắt thành tích", blank=True)
    check_status = models.CharField(
        "kết quả kiểm tra điều kiện", max_length=16, choices=CheckStatus.choices
    )
    verdict = models.JSONField("căn cứ kiểm tra (bản chụp)", default=dict, blank=True)
    checked_at = models.DateTimeField("thời điểm kiểm tra", null=True, blank=True)
    other_ground = models.TextField("căn cứ khác được viện dẫn", blank=True)
    # Where the candidate came from when not picked by hand: the emulation cluster's
    # nomination ("Đơn vị dẫn đầu cụm thi đua …") and its basis, cited in the dossier.
    basis = models.CharField("căn cứ đề nghị", max_length=500, blank=True)
    nomination = models.ForeignKey(
        Nomination,
        verbose_name="đề nghị của cụm, khối thi đua",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="candidates",
    )
    council_result = models.CharField(
        "kết quả Hội đồng",
        max_length=16,
        choices=CouncilResult.choices,
        default=CouncilResult.PENDING,
    )
    on_hold = models.BooleanField(
        "tạm dừng do có ý kiến", default=False, help_text="Có ý kiến phản ánh cần xem xét lại."
    )
    award_record = models.OneToOneField(
        "awards.AwardRecord",
        verbose_name="khen thưởng đã ban hành",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="candidate",
    )

    objects: ClassVar[CandidateQuerySet] = CandidateQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = "đối tượng đề nghị"
        verbose_name_plural = "đối tượng đề nghị"
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=one_recipient_condition(), name="candidate_one_recipient"
            ),
        ]

    def __str__(self) -> str:
        return self.recipient_name

    @property
    def subject(self) -> Any:
        return self.person or self.collective or self.household or self.enterprise

    @property
    def is_in_play(self) -> bool:
        """Refused candidates stay on the record, outside the vote and the decision."""
        return self.check_status != CheckStatus.REFUSED


def _document_path(instance: DossierDocument, filename: str) -> str:
    return f"ho-so/{instance.proposal.code}/{uuid.uuid4().hex[:8]}-{filename}"


class DossierDocument(TimeStampedModel):
    """A document of the dossier: generated from the data (.docx) or uploaded."""

    proposal = models.ForeignKey(
        Proposal, verbose_name="đề nghị", on_delete=models.CASCADE, related_name="documents"
    )
    candidate = models.ForeignKey(
        Candidate,
        verbose_name="đối tượng",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="documents",
    )
    kind = models.CharField("loại tài liệu", max_length=32, choices=DocumentKind.choices)
    file = models.FileField("tệp", upload_to=_document_path, max_length=255)
    original_name = models.CharField("tên tệp", max_length=255)
    size = models.PositiveIntegerField("dung lượng (byte)")
    content_type = models.CharField(max_length=127)
    generated = models.BooleanField("do hệ thống tạo", default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "tài liệu hồ sơ"
        verbose_name_plural = "tài liệu hồ sơ"
        ordering = ["kind", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"
