"""Sessions of the Hội đồng Thi đua – Khen thưởng and their ballots.

A secret ballot keeps totals per candidate and, per member, only whether they have voted:
no row anywhere says who voted what.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from thidua.awards.choices import BallotMethod, MemberRole, SessionStatus
from thidua.awards.models_proposals import Candidate, Proposal
from thidua.common.models import TimeStampedModel
from thidua.orgs.models import Unit


class CouncilSession(TimeStampedModel):
    unit = models.ForeignKey(
        Unit, verbose_name="Hội đồng của đơn vị", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField("tên phiên họp", max_length=255)
    meeting_at = models.DateTimeField("thời gian họp")
    place = models.CharField("địa điểm", max_length=255, blank=True)
    status = models.CharField(
        "trạng thái", max_length=16, choices=SessionStatus.choices, default=SessionStatus.PLANNED
    )
    members_total = models.PositiveSmallIntegerField("tổng số thành viên", default=0)
    present = models.PositiveSmallIntegerField("số thành viên có mặt", default=0)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    proposals = models.ManyToManyField(
        Proposal, verbose_name="chương trình họp", through="AgendaItem", related_name="sessions"
    )

    class Meta:
        verbose_name = "phiên họp Hội đồng"
        verbose_name_plural = "phiên họp Hội đồng"
        ordering = ["-meeting_at"]

    def __str__(self) -> str:
        return self.title


class CouncilMember(models.Model):
    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="council_seats"
    )
    role = models.CharField(
        "chức danh", max_length=16, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    is_present = models.BooleanField("có mặt", default=False)

    class Meta:
        verbose_name = "thành viên Hội đồng"
        verbose_name_plural = "thành viên Hội đồng"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="council_member_once")
        ]


class AgendaItem(models.Model):
    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="agenda")
    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "proposal"], name="agenda_item_once")
        ]


class Ballot(TimeStampedModel):
    """The vote on one candidate, with the rule in force copied in (a later change of the
    settings cannot change a counted result)."""

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="ballots")
    candidate = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="ballots")
    method = models.CharField("hình thức", max_length=16, choices=BallotMethod.choices)
    rule = models.JSONField("quy tắc", default=dict)
    approvals = models.PositiveSmallIntegerField("số phiếu đồng ý", default=0)
    rejections = models.PositiveSmallIntegerField("số phiếu không đồng ý", default=0)
    passed = models.BooleanField("đạt", null=True, blank=True)
    result_text = models.CharField("kết quả", max_length=255, blank=True)

    class Meta:
        verbose_name = "phiếu bầu"
        verbose_name_plural = "phiếu bầu"
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["session", "candidate"], name="ballot_once")]

    @property
    def result_tally(self) -> str:
        """The count behind the result ("3/3 phiếu đồng ý …"), without the verdict the page
        already shows as a badge."""
        _, said, tally = self.result_text.partition(": ")
        return tally if said else self.result_text


class BallotVoter(models.Model):
    """That a member has voted on a ballot; never how."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="voters")
    member = models.ForeignKey(CouncilMember, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ballot", "member"], name="ballot_voter_once")
        ]
