"""Quy định riêng của địa phương: what the law leaves to each Bộ, ban, ngành or tỉnh (the caps
on shares, the Giấy khen standard, the discipline that bars "Lao động tiên tiến"), set by the
unit whose rules they are, in force from a date, for every unit under it.

A field left empty takes the value of the nearest unit above that sets it, then the rule set's
national default (``thidua.core.rules.settings.ScopeSettings``)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from thidua.common.models import TimeStampedModel
from thidua.orgs.choices import Discipline, Rating
from thidua.orgs.models import Unit

# Values of the two choice fields that say "decided here, and the answer is: nothing".
NO_DISCIPLINE_BAR = "khong"
COUNCIL_DECIDES = "hoi_dong"

PERCENT = [
    MinValueValidator(1, "Tỷ lệ phải từ 1%% trở lên."),
    MaxValueValidator(100, "Tỷ lệ không được quá 100%%."),
]


def _percent(label: str, help_text: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label, null=True, blank=True, validators=PERCENT, help_text=help_text
    )


class UnitRuleSettings(TimeStampedModel):
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị ban hành", on_delete=models.PROTECT, related_name="local_rules"
    )
    valid_from = models.DateField("áp dụng từ ngày")
    basis = models.CharField(
        "căn cứ",
        max_length=300,
        help_text="Văn bản quy định, ví dụ: Quyết định số 15/2024/QĐ-UBND ngày 12/3/2024 của "
        "UBND thành phố Hải Phòng.",
    )
    cstdcs_share_of_ldtt = _percent(
        "tỷ lệ Chiến sĩ thi đua cơ sở tối đa (%)",
        "Tính trên tổng số cá nhân đạt danh hiệu Lao động tiên tiến của đơn vị.",
    )
    ldtt_share_of_members = _percent(
        "tỷ lệ Lao động tiên tiến tối đa (%)", "Tính trên tổng số cá nhân của đơn vị."
    )
    co_cp_share_of_co_tinh = _percent(
        "tỷ lệ Cờ thi đua của Chính phủ tối đa (%)",
        "Tính trên số tập thể đạt tiêu chuẩn Cờ thi đua của Bộ, ban, ngành, tỉnh.",
    )
    giay_khen_min_rating = models.CharField(
        "tiêu chuẩn Giấy khen",
        max_length=20,
        blank=True,
        choices=[(COUNCIL_DECIDES, "Hội đồng xét từng trường hợp"), *Rating.choices],
        help_text="Mức độ hoàn thành nhiệm vụ thấp nhất để được xét tặng Giấy khen.",
    )
    ldtt_barred_from = models.CharField(
        "kỷ luật không được xét Lao động tiên tiến",
        max_length=20,
        blank=True,
        choices=[(NO_DISCIPLINE_BAR, "Không loại trừ"), *Discipline.choices],
        help_text="Bị kỷ luật từ hình thức này trở lên trong năm thì không được xét.",
    )

    class Meta:
        verbose_name = "quy định riêng của địa phương"
        verbose_name_plural = "quy định riêng của địa phương"
        ordering = ["unit__path", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "valid_from"], name="unit_rule_settings_one_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"Quy định riêng của {self.unit.name} từ {self.valid_from:%d/%m/%Y}"
