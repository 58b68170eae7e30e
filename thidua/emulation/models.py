"""Clusters and blocks, movements, covenants, registrations and score sheets (the models;
their workflows live in services)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from thidua.common.models import TimeStampedModel
from thidua.core.catalog import CATALOG
from thidua.emulation.choices import (
    ClusterKind,
    CovenantStatus,
    CriterionKind,
    MemberRole,
    MovementKind,
    MovementStatus,
    OrganiserLevel,
    RegistrationStatus,
    RotationPolicy,
    ScoreSheetStatus,
)
from thidua.orgs.models import Person, Unit

YEAR_VALIDATORS = [MinValueValidator(1945), MaxValueValidator(2100)]
AWARD_CODE_CHOICES = [(a.code, a.name) for a in CATALOG]


class Cluster(TimeStampedModel):
    """Cụm or khối thi đua of one year; ``code`` stays the same from year to year."""

    year = models.PositiveSmallIntegerField("năm", validators=YEAR_VALIDATORS)
    code = models.CharField("mã cụm, khối", max_length=64)
    name = models.CharField("tên cụm, khối", max_length=255)
    kind = models.CharField("loại", max_length=8, choices=ClusterKind.choices)
    organiser_level = models.CharField(
        "cấp tổ chức", max_length=16, choices=OrganiserLevel.choices, default=OrganiserLevel.TINH
    )
    organiser = models.ForeignKey(
        Unit,
        verbose_name="cơ quan tổ chức",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organised_clusters",
    )
    rotation_policy = models.CharField(
        "cách luân phiên cụm trưởng",
        max_length=16,
        choices=RotationPolicy.choices,
        default=RotationPolicy.DEPUTY_BECOMES_LEADER,
    )
    previous = models.OneToOneField(
        "self",
        verbose_name="cụm, khối năm trước",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next",
    )
    units = models.ManyToManyField(Unit, through="ClusterMember", related_name="clusters")

    class Meta:
        verbose_name = "cụm, khối thi đua"
        verbose_name_plural = "cụm, khối thi đua"
        constraints = [
            models.UniqueConstraint(fields=["code", "year"], name="cluster_code_year"),
        ]
        ordering = ["-year", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class ClusterMember(TimeStampedModel):
    cluster = models.ForeignKey(
        Cluster, verbose_name="cụm, khối", on_delete=models.CASCADE, related_name="members"
    )
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="cluster_memberships"
    )
    role = models.CharField(
        "vai trò", max_length=8, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    order = models.PositiveSmallIntegerField("thứ tự luân phiên", default=0)

    class Meta:
        verbose_name = "thành viên cụm, khối"
        verbose_name_plural = "thành viên cụm, khối"
        constraints = [
            models.UniqueConstraint(fields=["cluster", "unit"], name="cluster_member_once"),
            models.UniqueConstraint(
                fields=["cluster"], condition=Q(role="leader"), name="cluster_one_leader"
            ),
            models.UniqueConstraint(
                fields=["cluster"], condition=Q(role="deputy"), name="cluster_one_deputy"
            ),
        ]


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

    class Meta:
        verbose_name = "đăng ký thi đua"
        verbose_name_plural = "đăng ký thi đua"


class ScoreSheet(TimeStampedModel):
    """Points for one member under a covenant: its own (``reviewer`` empty) or a reviewer's."""

    covenant = models.ForeignKey(
        Covenant, verbose_name="giao ước", on_delete=models.CASCADE, related_name="score_sheets"
    )
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị được chấm", on_delete=models.PROTECT, related_name="score_sheets"
    )
    reviewer = models.ForeignKey(
        Unit,
        verbose_name="đơn vị chấm chéo",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviewed_sheets",
    )
    status = models.CharField(
        "trạng thái",
        max_length=16,
        choices=ScoreSheetStatus.choices,
        default=ScoreSheetStatus.DRAFT,
    )
    submitted_at = models.DateTimeField("thời điểm gửi", null=True, blank=True)

    class Meta:
        verbose_name = "bảng chấm điểm"
        verbose_name_plural = "bảng chấm điểm"
        constraints = [
            models.UniqueConstraint(
                fields=["covenant", "unit", "reviewer"], name="score_sheet_once"
            ),
            models.UniqueConstraint(
                fields=["covenant", "unit"],
                condition=Q(reviewer__isnull=True),
                name="score_sheet_self_once",
            ),
            models.CheckConstraint(
                condition=~Q(reviewer=models.F("unit")), name="score_sheet_not_own_unit"
            ),
        ]


class ScoreLine(TimeStampedModel):
    sheet = models.ForeignKey(
        ScoreSheet, verbose_name="bảng điểm", on_delete=models.CASCADE, related_name="lines"
    )
    criterion = models.ForeignKey(Criterion, verbose_name="tiêu chí", on_delete=models.CASCADE)
    points = models.DecimalField("điểm", max_digits=7, decimal_places=2)
    note = models.CharField("giải trình", max_length=1000, blank=True)
    evidence = models.FileField("minh chứng", upload_to="evidence/%Y/", blank=True)

    class Meta:
        verbose_name = "điểm theo tiêu chí"
        verbose_name_plural = "điểm theo tiêu chí"
        constraints = [
            models.UniqueConstraint(fields=["sheet", "criterion"], name="score_line_once"),
        ]
