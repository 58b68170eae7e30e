"""The form of "Quy định riêng của địa phương"."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms

from thidua.awards.local_rules import RULE_FIELDS, SHARE_FIELDS
from thidua.awards.models import UnitRuleSettings
from thidua.common.form_fields import date_field

INHERIT = "— Theo đơn vị cấp trên hoặc quy định chung —"


class UnitRuleSettingsForm(forms.ModelForm):
    valid_from = date_field("Áp dụng từ ngày", required="Nhập ngày bắt đầu áp dụng.")

    class Meta:
        model = UnitRuleSettings
        fields: ClassVar[list[str]] = ["valid_from", "basis", *RULE_FIELDS]
        widgets: ClassVar[dict[str, forms.Widget]] = {
            name: forms.NumberInput(attrs={"class": "input--points", "min": 1, "max": 100})
            for name in SHARE_FIELDS
        }
        error_messages: ClassVar[dict[str, dict[str, str]]] = {
            "basis": {"required": "Nhập văn bản quy định (số, ngày, cơ quan ban hành)."},
            **{name: {"invalid": "Nhập một số nguyên từ 1 đến 100."} for name in SHARE_FIELDS},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("giay_khen_min_rating", "ldtt_barred_from"):
            field = self.fields[name]
            field.choices = [("", INHERIT), *[c for c in field.choices if c[0]]]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(name) not in (None, "") for name in RULE_FIELDS):
            raise forms.ValidationError(
                "Chưa có quy định nào: đặt ít nhất một tỷ lệ hoặc một tiêu chuẩn."
            )
        return data
