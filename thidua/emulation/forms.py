"""HTML input of the emulation pages (the 400s); the rules live in the services."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import Min

from thidua.common.form_fields import OfficeForm, date_field
from thidua.common.params import LONG_TEXT_MAX_LENGTH
from thidua.core.catalog import CATALOG, Kind
from thidua.emulation.choices import (
    ClusterKind,
    CriterionKind,
    MovementKind,
    OrganiserLevel,
    RotationPolicy,
    ScoreMethod,
)
from thidua.emulation.models import Criterion
from thidua.orgs.models import Unit

TITLE_CHOICES = [(a.code, a.name) for a in CATALOG if a.kind is Kind.TITLE]
# Points as an office types them: "2,5" or "2.5" (localized), never negative, at most what
# the database holds.
POINTS = {"max_digits": 7, "decimal_places": 2, "min_value": Decimal(0), "localize": True}
LONG_TEXT = LONG_TEXT_MAX_LENGTH


def _units_field(label: str, units: Any) -> forms.ModelChoiceField[Unit]:
    """Units by code, shown by name (``Unit.__str__``)."""
    return forms.ModelChoiceField(
        label=label, queryset=units, to_field_name="code", empty_label="Chọn đơn vị"
    )


class SignForm(OfficeForm):
    unit = forms.CharField(widget=forms.HiddenInput)
    signer_name = forms.CharField(label="Họ và tên người ký", max_length=255)
    signer_title = forms.CharField(
        label="Chức vụ", max_length=255, required=False, help_text="Ví dụ: Chủ tịch UBND phường"
    )


class ReasonForm(OfficeForm):
    reason = forms.CharField(label="Lý do", max_length=500)


class SignatureCorrectionForm(OfficeForm):
    signer_name = forms.CharField(label="Họ và tên người ký (đúng)", max_length=255)
    signer_title = forms.CharField(label="Chức vụ (đúng)", max_length=255, required=False)
    reason = forms.CharField(
        label="Lý do đính chính",
        max_length=500,
        help_text="Ví dụ: ghi nhầm người ký; theo biên bản hội nghị ngày 28/02/2026",
    )


class ConferenceForm(OfficeForm):
    """The signing conference from its minutes, with who signed for each member there."""

    held_on = date_field(
        "Ngày hội nghị (dd/mm/yyyy)", required="Nhập ngày họp hội nghị.", example="28/02/2026"
    )
    place = forms.CharField(
        label="Nơi tổ chức", max_length=255, help_text="Ví dụ: UBND phường Trần Thành Ngọ"
    )
    note = forms.CharField(
        label="Nội dung hội nghị",
        max_length=500,
        required=False,
        help_text="Ví dụ: ký kết giao ước thi đua và thông qua quy chế hoạt động của cụm",
    )

    def __init__(self, *args: Any, members: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members = list(members)
        for unit in self.members:
            self.fields[f"ten_{unit.code}"] = forms.CharField(
                label=f"Người ký cho {unit.name}",
                max_length=255,
                required=False,
                help_text="Để trống nếu đơn vị không ký tại hội nghị.",
            )
            self.fields[f"chuc_vu_{unit.code}"] = forms.CharField(
                label=f"Chức vụ người ký cho {unit.name}", max_length=255, required=False
            )

    def signers(self) -> list[tuple[Unit, str, str]]:
        return [
            (u, name, self.cleaned_data[f"chuc_vu_{u.code}"])
            for u in self.members
            if (name := self.cleaned_data[f"ten_{u.code}"].strip())
        ]

    def signer_rows(self) -> list[tuple[Unit, Any, Any]]:
        return [(u, self[f"ten_{u.code}"], self[f"chuc_vu_{u.code}"]) for u in self.members]


class CriterionForm(OfficeForm):
    number = forms.CharField(label="Số thứ tự", max_length=16)
    text = forms.CharField(
        label="Nội dung tiêu chí, chỉ tiêu",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    kind = forms.ChoiceField(
        label="Loại", choices=CriterionKind.choices, initial=CriterionKind.ITEM
    )
    max_points = forms.DecimalField(label="Điểm tối đa", **POINTS)  # type: ignore[arg-type]
    per_occurrence = forms.DecimalField(
        label="Điểm mỗi lần (điểm thưởng, điểm trừ tính theo số lần)",
        required=False,
        help_text="Ví dụ: “Chậm gửi báo cáo (mỗi lần) −2”: nhập 2; điểm tối đa là mức trừ "
        "nhiều nhất. Để trống nếu không tính theo số lần.",
        **POINTS,  # type: ignore[arg-type]
    )
    evidence = forms.CharField(label="Minh chứng cần có", max_length=500, required=False)
    parent = forms.ModelChoiceField(
        label="Thuộc nhóm",
        queryset=Criterion.objects.none(),
        required=False,
        empty_label="Không thuộc nhóm nào (tiêu chí cấp cao nhất)",
    )

    def __init__(self, *args: Any, groups: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if groups is not None:
            self.fields["parent"].queryset = groups  # type: ignore[attr-defined]

    @classmethod
    def of(cls, criterion: Criterion, groups: Any, data: Any = None) -> CriterionForm:
        """The form that edits ``criterion``, filled with it (its ids apart from the rest)."""
        return cls(
            data,
            groups=groups.exclude(pk=criterion.pk),
            auto_id=f"sua-{criterion.pk}-%s",
            initial={
                "number": criterion.number,
                "text": criterion.text,
                "kind": criterion.kind,
                "max_points": criterion.max_points,
                "evidence": criterion.evidence,
                "parent": criterion.parent_id,
                "per_occurrence": criterion.per_occurrence,
            },
        )


class PointsChangeForm(OfficeForm):
    points = forms.DecimalField(label="Điểm mới", **POINTS)  # type: ignore[arg-type]
    reason = forms.CharField(label="Lý do thay đổi", max_length=1000)


class RecuseForm(OfficeForm):
    reason = forms.CharField(
        label="Nội dung xung đột lợi ích",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReturnForm(OfficeForm):
    reason = forms.CharField(label="Lý do trả lại", max_length=500)


class RulesForm(OfficeForm):
    score_method = forms.ChoiceField(label="Cách tính điểm cuối cùng", choices=ScoreMethod.choices)
    disagreement_spread = forms.DecimalField(
        label="Chênh lệch điểm giữa các đơn vị chấm cần xem lại",
        **POINTS,  # type: ignore[arg-type]
    )
    reviewers_per_member = forms.IntegerField(
        label="Số đơn vị chấm chéo mỗi thành viên", min_value=1, max_value=10
    )
    flag_quota = forms.IntegerField(label="Số Cờ thi đua được đề nghị", min_value=0, max_value=20)
    merit_quota = forms.IntegerField(label="Số Bằng khen được đề nghị", min_value=0, max_value=50)


class MovementForm(OfficeForm):
    name = forms.CharField(label="Tên phong trào", max_length=500)
    kind = forms.ChoiceField(label="Hình thức", choices=MovementKind.choices)
    year = forms.IntegerField(label="Năm", min_value=1945, max_value=2100)
    theme = forms.CharField(
        label="Chủ đề",
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    authority = forms.CharField(label="Người phát động", max_length=255, required=False)
    start = date_field("Ngày bắt đầu (dd/mm/yyyy)", required=None)
    end = date_field("Ngày kết thúc (dd/mm/yyyy)", required=None)
    goals = forms.CharField(
        label="Mục tiêu",
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    criteria = forms.CharField(
        label="Nội dung, tiêu chí thi đua",
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, launchers: Any, scope_units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["launched_by"] = _units_field("Cơ quan phát động", launchers)
        scope: forms.ModelMultipleChoiceField[Unit] = forms.ModelMultipleChoiceField(
            label="Phạm vi: các đơn vị tham gia (gồm cả đơn vị trực thuộc)",
            queryset=scope_units,
            to_field_name="code",
            widget=forms.SelectMultiple(attrs={"size": 8}),
        )
        self.fields["scope"] = scope


class AttachmentForm(OfficeForm):
    title = forms.CharField(label="Tên tài liệu", max_length=255, required=False)
    file = forms.FileField(label="Tệp (PDF, Word, Excel, JPG, PNG; tối đa 10 MB)")


class RegistrationForm(OfficeForm):
    target = forms.ChoiceField(label="Danh hiệu thi đua đăng ký", choices=TITLE_CHOICES)
    person = forms.CharField(
        label="Mã cá nhân (để trống nếu tập thể đăng ký)", max_length=64, required=False
    )

    def __init__(self, *args: Any, units: Any, movements: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = _units_field("Đơn vị", units)
        movement: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
            label="Phong trào (đang nhận đăng ký)",
            queryset=movements,
            required=False,
            empty_label="Đăng ký thi đua thường xuyên của năm",
        )
        self.fields["movement"] = movement
        self.order_fields(["unit", "person", "target", "movement"])


class LeadersForm(OfficeForm):
    """The result of the year-end election, or the organiser's decision."""

    reason = forms.CharField(
        label="Căn cứ",
        max_length=500,
        help_text="Ví dụ: Biên bản bầu tại hội nghị tổng kết ngày 15/01/2026",
    )

    def __init__(self, *args: Any, members: Any, words: tuple[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["leader"] = _units_field(words[0], members)
        self.fields["deputy"] = _units_field(words[1], members)
        self.order_fields(["leader", "deputy", "reason"])


class IndentedUnits(forms.ModelMultipleChoiceField[Unit]):
    """Units each indented under its parent, so that wards stand apart from their offices."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.top = self.queryset.aggregate(top=Min("depth"))["top"] or 0  # type: ignore[union-attr]

    def label_from_instance(self, obj: Unit) -> str:
        return "\u2003" * (obj.depth - self.top) + obj.name


class ClusterForm(OfficeForm):
    """A cluster or block formed for its first year (no previous year to carry over)."""

    name = forms.CharField(
        label="Tên cụm, khối thi đua",
        max_length=255,
        help_text="Ví dụ: Cụm thi đua các phường thuộc quận Kiến An",
    )
    kind = forms.ChoiceField(
        label="Loại", choices=ClusterKind.choices, initial=ClusterKind.CUM, widget=forms.RadioSelect
    )
    code = forms.CharField(
        label="Mã cụm, khối",
        max_length=64,
        required=False,
        help_text="Giữ nguyên qua các năm; để trống thì hệ thống đặt theo tên.",
    )
    year = forms.IntegerField(label="Năm", min_value=1945, max_value=2100)
    organiser_level = forms.ChoiceField(
        label="Cấp tổ chức",
        choices=OrganiserLevel.choices,
        initial=OrganiserLevel.HUYEN,
        help_text="Quyết định cờ thi đua mà đơn vị dẫn đầu được đề nghị.",
    )
    rotation_policy = forms.ChoiceField(
        label="Cách chọn cụm trưởng, cụm phó những năm sau", choices=RotationPolicy.choices
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organiser"] = _units_field("Cơ quan tổ chức", units)
        # The topmost units the officer acts for organise; those below them take part.
        members = IndentedUnits(
            label="Đơn vị thành viên",
            queryset=units.filter(parent__in=units),
            to_field_name="code",
            widget=forms.CheckboxSelectMultiple,
            help_text="Thứ tự luân phiên theo thứ tự trong danh sách.",
            error_messages={"required": "Chọn các đơn vị thành viên."},
        )
        self.fields["members"] = members
        self.fields["leader"] = _units_field("Cụm trưởng / Khối trưởng", units)
        deputy = _units_field("Cụm phó / Khối phó", units)
        deputy.required = False
        deputy.empty_label = "Chưa có"
        self.fields["deputy"] = deputy
        self.order_fields(
            [
                "name",
                "kind",
                "code",
                "year",
                "organiser",
                "organiser_level",
                "members",
                "leader",
                "deputy",
                "rotation_policy",
            ]
        )


class ReviewerForm(OfficeForm):
    """A reviewer assigned by hand to a member left short of reviewers."""

    def __init__(self, *args: Any, members: Any, reviewers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = _units_field("Đơn vị được chấm", members)
        self.fields["reviewer"] = _units_field("Đơn vị chấm thay", reviewers)
