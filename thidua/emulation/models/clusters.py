"""Clusters and blocks of one year, their members, and what changed from the year before."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from thidua.common.models import TimeStampedModel
from thidua.emulation.choices import (
    ClusterChangeKind,
    ClusterKind,
    MemberRole,
    OrganiserLevel,
    RotationPolicy,
    ScoreMethod,
)
from thidua.orgs.models import YEAR_VALIDATORS, Unit


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
    # The cluster's scoring rules (quy chế): carried over to the next year with the members.
    score_method = models.CharField(
        "cách tính điểm cuối cùng",
        max_length=16,
        choices=ScoreMethod.choices,
        default=ScoreMethod.MEAN,
    )
    disagreement_spread = models.DecimalField(
        "chênh lệch điểm chấm cần xem lại (điểm)",
        max_digits=6,
        decimal_places=2,
        default=Decimal(5),
        validators=[MinValueValidator(0)],
    )
    reviewers_per_member = models.PositiveSmallIntegerField(
        "số đơn vị chấm chéo mỗi thành viên",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    flag_quota = models.PositiveSmallIntegerField("số Cờ thi đua được đề nghị", default=1)
    merit_quota = models.PositiveSmallIntegerField("số Bằng khen được đề nghị", default=2)

    class Meta:
        verbose_name = "cụm, khối thi đua"
        verbose_name_plural = "cụm, khối thi đua"
        constraints = [
            models.UniqueConstraint(fields=["code", "year"], name="cluster_code_year"),
        ]
        ordering = ["-year", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"

    @property
    def noun(self) -> str:
        """ "cụm thi đua" or "khối thi đua", as a basis or a heading writes it."""
        return "khối thi đua" if self.kind == ClusterKind.KHOI else "cụm thi đua"

    @property
    def leader_word(self) -> str:
        return "Khối trưởng" if self.kind == ClusterKind.KHOI else "Cụm trưởng"

    @property
    def deputy_word(self) -> str:
        return "Khối phó" if self.kind == ClusterKind.KHOI else "Cụm phó"


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
        ordering = ["cluster", "order"]


class ClusterChange(TimeStampedModel):
    """One line of a cluster year's record: who joined or left, who leads and why."""

    cluster = models.ForeignKey(
        Cluster, verbose_name="cụm, khối", on_delete=models.CASCADE, related_name="changes"
    )
    kind = models.CharField("thay đổi", max_length=8, choices=ClusterChangeKind.choices)
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", null=True, blank=True, on_delete=models.PROTECT
    )
    note = models.CharField("ghi chú", max_length=500, blank=True)

    class Meta:
        verbose_name = "thay đổi của cụm, khối"
        verbose_name_plural = "thay đổi của cụm, khối"
        ordering = ["cluster", "created_at", "pk"]
