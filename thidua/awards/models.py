"""The award history and the decisions behind it.

An issued decision and its records are immutable: the guard sits in ``save``/``delete`` and in
the queryset's bulk methods, so the admin, the API, imports and the shell all meet it. Only a
revocation (Điều 93 Luật TĐKT) may still be written onto an issued record, once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from thidua.awards.choices import AWARD_CODE_CHOICES, DecisionStatus, RecipientKind
from thidua.common.errors import ImmutableRecordError
from thidua.common.models import TimeStampedModel
from thidua.core.catalog import BY_CODE
from thidua.core.text import fold
from thidua.orgs.models import Enterprise, Household, Person, Unit

LOCKED_STATUSES = (DecisionStatus.ISSUED, DecisionStatus.REVOKED)
# What may still change after issue: the revocation, written once.
DECISION_REVOCATION_FIELDS = frozenset({"status", "revoked_at", "revoked_reason", "updated_at"})
RECORD_REVOCATION_FIELDS = frozenset(
    {
        "revoked_at",
        "revoked_reason",
        "revocation_ground",
        "revoked_by_number",
        "revoked_by_date",
        "revoked_by_signer",
        "updated_at",
    }
)


def _changed_fields(instance: models.Model, stored: models.Model) -> set[str]:
    return {
        f.attname
        for f in instance._meta.concrete_fields
        if getattr(instance, f.attname) != getattr(stored, f.attname)
    }


class DecisionQuerySet(models.QuerySet["Decision"]):
    def update(self, **kwargs: Any) -> int:
        # On issued rows only the revocation may be written: status to "revoked", once.
        revoking = set(kwargs) <= DECISION_REVOCATION_FIELDS and (
            kwargs.get("status", DecisionStatus.REVOKED) == DecisionStatus.REVOKED
        )
        locked = self.filter(status__in=LOCKED_STATUSES)
        if locked.exists() and (
            not revoking or locked.filter(status=DecisionStatus.REVOKED).exists()
        ):
            raise ImmutableRecordError("Quyết định đã ban hành không thể sửa đổi.")
        return super().update(**kwargs)

    def reopen_legacy(self) -> int:
        """Open issued legacy decisions (history decided outside the system) so that an
        import can add the records they already granted; the caller issues them again."""
        return models.QuerySet.update(
            self.filter(is_legacy=True, status=DecisionStatus.ISSUED),
            status=DecisionStatus.DRAFT,
        )

    def delete(self) -> tuple[int, dict[str, int]]:
        if self.filter(status__in=LOCKED_STATUSES).exists():
            raise ImmutableRecordError("Quyết định đã ban hành không thể xóa.")
        return super().delete()


class Decision(TimeStampedModel):
    """Quyết định khen thưởng: draft → issued → (revoked, with reason)."""

    # Left blank on a draft: the văn thư gives the number at issue, or the body's yearly
    # sequence does (``decisions.decision_issue``).
    number = models.CharField("số quyết định", max_length=64, blank=True)
    date = models.DateField("ngày quyết định", null=True, blank=True)
    issuing_body = models.CharField("cơ quan ban hành", max_length=255)
    issuing_unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị ban hành",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions_issued",
    )
    signer_name = models.CharField("người ký", max_length=255, blank=True)
    signer_title = models.CharField("chức vụ người ký", max_length=255, blank=True)
    title = models.CharField("trích yếu", max_length=500, blank=True)
    status = models.CharField(
        "trạng thái", max_length=16, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT
    )
    # Two kinds, as offices name them: a decision issued in Thi đua holds only candidates who
    # went through the cycle; one recorded from elsewhere (another body's, or history before
    # the system) holds facts as given, completed only by an audited "Bổ sung danh sách".
    is_legacy = models.BooleanField(
        "ghi nhận từ nơi khác",
        default=False,
        help_text="Quyết định do cơ quan khác ban hành hoặc ban hành trước khi dùng Thi đua.",
    )
    revoked_at = models.DateTimeField("thời điểm hủy", null=True, blank=True)
    revoked_reason = models.TextField("lý do hủy", blank=True)
    # Tra cứu: number, body and trích yếu folded (diacritics ignored), as people type them.
    search_key = models.CharField(max_length=900, editable=False, default="")

    objects: ClassVar[DecisionQuerySet] = DecisionQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = "quyết định khen thưởng"
        verbose_name_plural = "quyết định khen thưởng"
        ordering = ["-date", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["number", "issuing_body"],
                condition=~models.Q(number=""),
                name="decision_number_per_body",
            ),
        ]

    def __str__(self) -> str:
        return f"Quyết định số {self.number}" if self.number else "Dự thảo quyết định (chưa cấp số)"

    @property
    def is_locked(self) -> bool:
        return self.status in LOCKED_STATUSES

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_key = decision_search_key(self.number, self.issuing_body, self.title)
        if self.pk:
            stored = Decision.objects.filter(pk=self.pk).first()
            if stored is not None and stored.is_locked:
                changed = _changed_fields(self, stored)
                revoking = stored.status == DecisionStatus.ISSUED and (
                    self.status == DecisionStatus.REVOKED
                )
                if changed - DECISION_REVOCATION_FIELDS or (changed and not revoking):
                    raise ImmutableRecordError(
                        f"Quyết định số {stored.number} đã ban hành, không thể sửa đổi; "
                        "chỉ có thể hủy bỏ theo Điều 93 Luật Thi đua, khen thưởng."
                    )
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self.pk and Decision.objects.filter(pk=self.pk, status__in=LOCKED_STATUSES).exists():
            raise ImmutableRecordError(f"Quyết định số {self.number} đã ban hành, không thể xóa.")
        return super().delete(*args, **kwargs)


def decision_search_key(number: str, issuing_body: str, title: str) -> str:
    return fold(f"{number} {issuing_body} {title}")[:900]


class AwardRecordQuerySet(models.QuerySet["AwardRecord"]):
    def update(self, **kwargs: Any) -> int:
        if (
            set(kwargs) - RECORD_REVOCATION_FIELDS
            and self.filter(decision__status__in=LOCKED_STATUSES).exists()
        ):
            raise ImmutableRecordError("Khen thưởng theo quyết định đã ban hành không thể sửa.")
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        if self.filter(decision__status__in=LOCKED_STATUSES).exists():
            raise ImmutableRecordError("Khen thưởng theo quyết định đã ban hành không thể xóa.")
        return super().delete()

    def bulk_create(self, objs: Iterable[AwardRecord], *args: Any, **kwargs: Any) -> Any:
        objs = list(objs)
        decision_ids = {o.decision_id for o in objs}
        if Decision.objects.filter(pk__in=decision_ids, status__in=LOCKED_STATUSES).exists():
            raise ImmutableRecordError("Không thể thêm khen thưởng vào quyết định đã ban hành.")
        for obj in objs:
            obj.search_key = fold(obj.recipient_name)
        return super().bulk_create(objs, *args, **kwargs)  # type: ignore[arg-type]

    def bulk_update(self, objs: Any, fields: Any, *args: Any, **kwargs: Any) -> int:
        objs = list(objs)
        if (
            set(fields) - RECORD_REVOCATION_FIELDS
            and Decision.objects.filter(
                pk__in={o.decision_id for o in objs}, status__in=LOCKED_STATUSES
            ).exists()
        ):
            raise ImmutableRecordError("Khen thưởng theo quyết định đã ban hành không thể sửa.")
        return super().bulk_update(objs, fields, *args, **kwargs)

    def standing(self) -> AwardRecordQuerySet:
        """Records that stand: issued and not revoked."""
        return self.filter(decision__status=DecisionStatus.ISSUED, revoked_at__isnull=True)


class AwardRecord(TimeStampedModel):
    """One title or form granted to one recipient for the achievement of one year."""

    decision = models.ForeignKey(
        Decision, verbose_name="quyết định", on_delete=models.PROTECT, related_name="records"
    )
    code = models.CharField("danh hiệu, hình thức", max_length=64, choices=AWARD_CODE_CHOICES)
    year = models.PositiveSmallIntegerField(
        "năm thành tích", validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    recipient_kind = models.CharField(
        "loại đối tượng", max_length=16, choices=RecipientKind.choices
    )
    person = models.ForeignKey(
        Person,
        verbose_name="cá nhân",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards",
    )
    collective = models.ForeignKey(
        Unit,
        verbose_name="tập thể",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards",
    )
    household = models.ForeignKey(
        Household,
        verbose_name="hộ gia đình",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards",
    )
    enterprise = models.ForeignKey(
        Enterprise,
        verbose_name="doanh nghiệp",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards",
    )
    # The unit the recipient belonged to when awarded: scoping and reports count by it, so
    # a person who moves on does not take the old unit's totals along.
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị khi khen thưởng",
        on_delete=models.PROTECT,
        related_name="award_records",
    )
    recipient_name = models.CharField("tên đối tượng khi khen thưởng", max_length=255)
    search_key = models.CharField(max_length=255, editable=False, default="", db_index=True)
    achievement = models.TextField("thành tích", blank=True)
    revoked_at = models.DateTimeField("thời điểm hủy", null=True, blank=True)
    revoked_reason = models.TextField("lý do hủy", blank=True)
    revocation_ground = models.CharField("căn cứ hủy", max_length=255, blank=True)
    # The decision that revoked it (Điều 93): its number, date and signer, as printed.
    revoked_by_number = models.CharField("số quyết định hủy", max_length=64, blank=True)
    revoked_by_date = models.DateField("ngày quyết định hủy", null=True, blank=True)
    revoked_by_signer = models.CharField("người ký quyết định hủy", max_length=255, blank=True)

    objects: ClassVar[AwardRecordQuerySet] = AwardRecordQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = "khen thưởng"
        verbose_name_plural = "lịch sử khen thưởng"
        ordering = ["-year", "code"]
        indexes = [
            models.Index(fields=["year", "code"], name="award_year_code"),
            models.Index(fields=["unit", "year"], name="award_unit_year"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        recipient_kind="individual",
                        person__isnull=False,
                        collective__isnull=True,
                        household__isnull=True,
                        enterprise__isnull=True,
                    )
                    | Q(
                        recipient_kind="collective",
                        person__isnull=True,
                        collective__isnull=False,
                        household__isnull=True,
                        enterprise__isnull=True,
                    )
                    | Q(
                        recipient_kind="household",
                        person__isnull=True,
                        collective__isnull=True,
                        household__isnull=False,
                        enterprise__isnull=True,
                    )
                    | Q(
                        recipient_kind="enterprise",
                        person__isnull=True,
                        collective__isnull=True,
                        household__isnull=True,
                        enterprise__isnull=False,
                    )
                ),
                name="award_one_recipient",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.recipient_name} ({self.year})"

    @property
    def name(self) -> str:
        return BY_CODE[self.code].name

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def _locked(self) -> bool:
        return Decision.objects.filter(pk=self.decision_id, status__in=LOCKED_STATUSES).exists()

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_key = fold(self.recipient_name)
        if self._locked():
            stored = AwardRecord.objects.filter(pk=self.pk).first() if self.pk else None
            if stored is None:
                raise ImmutableRecordError("Không thể thêm khen thưởng vào quyết định đã ban hành.")
            changed = _changed_fields(self, stored)
            if changed - RECORD_REVOCATION_FIELDS or (changed and stored.revoked_at is not None):
                raise ImmutableRecordError(
                    "Khen thưởng theo quyết định đã ban hành không thể sửa; "
                    "chỉ có thể hủy bỏ theo Điều 93 Luật Thi đua, khen thưởng."
                )
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self._locked():
            raise ImmutableRecordError("Khen thưởng theo quyết định đã ban hành không thể xóa.")
        return super().delete(*args, **kwargs)


class DecisionAmendment(TimeStampedModel):
    """Bổ sung danh sách: records added to a decision recorded from elsewhere after it was
    recorded, with who added them, from where and why. The only way its list grows."""

    decision = models.ForeignKey(
        Decision, verbose_name="quyết định", on_delete=models.PROTECT, related_name="amendments"
    )
    added = models.PositiveIntegerField("số khen thưởng bổ sung")
    source = models.CharField("nguồn", max_length=255)
    reason = models.TextField("lý do", blank=True)
    actor = models.ForeignKey(
        "accounts.User",
        verbose_name="người bổ sung",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "bổ sung danh sách quyết định"
        verbose_name_plural = "bổ sung danh sách quyết định"
        ordering = ["created_at", "pk"]


# The commendation cycle's models live in modules of their own; importing them here registers
# them with the app.
from thidua.awards.models_certificates import CalendarDay, Certificate  # noqa: E402
from thidua.awards.models_council import (  # noqa: E402
    AgendaItem,
    Ballot,
    BallotVoter,
    CouncilMember,
    CouncilSession,
)
from thidua.awards.models_disclosure import Comment, Disclosure  # noqa: E402
from thidua.awards.models_local_rules import UnitRuleSettings  # noqa: E402
from thidua.awards.models_proposals import (  # noqa: E402
    Candidate,
    DossierDocument,
    Proposal,
    ProposalEvent,
)

__all__ = [
    "AgendaItem",
    "AwardRecord",
    "Ballot",
    "BallotVoter",
    "CalendarDay",
    "Candidate",
    "Certificate",
    "Comment",
    "CouncilMember",
    "CouncilSession",
    "Decision",
    "DecisionAmendment",
    "Disclosure",
    "DossierDocument",
    "Proposal",
    "ProposalEvent",
    "UnitRuleSettings",
]
