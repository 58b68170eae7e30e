"""Form fields with the limits and sentences an office expects: a date typed dd/mm/yyyy,
refused in Vietnamese (Django's own "Nhập một ngày hợp lệ." never reaches a user), and
``OfficeForm``, whose every field states its limit next to it and says each refusal as an
office writes it (Django's "Đảm bảo giá trị này …" and "---------" never show)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from thidua.core.text import format_count, parse_date

DATE_FORMAT = "%d/%m/%Y"
# Something shaped like a date (a day, a month, a year of four digits), whether or not the
# calendar has it: "31/02/2025" has the shape, "hôm qua" has not.
DATE_SHAPE = re.compile(r"^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*$")
DJANGO_EMPTY_LABEL = "---------"


class OfficeDateField(forms.DateField):
    """dd/mm/yyyy; a date the calendar lacks is named as such ("Ngày 31/02/2025 không tồn
    tại."), a text that is no date is told the format (``invalid``)."""

    def to_python(self, value: Any) -> date | None:
        if isinstance(value, str) and value.strip():
            try:
                return parse_date(value)
            except ValueError as refusal:
                if DATE_SHAPE.match(value):
                    said = str(refusal)
                    raise ValidationError(said[:1].upper() + said[1:], code="nonexistent") from None
                raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        return super().to_python(value)


def date_field(label: str, *, required: str | None, example: str = "01/01/2025", **kw: Any) -> Any:
    """A date typed dd/mm/yyyy; ``required`` is the sentence when it is left empty, or None
    for a date that may stay empty."""
    messages = {"invalid": f"Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy, ví dụ {example}."}
    if required is not None:
        messages["required"] = required
    return OfficeDateField(
        label=label,
        required=required is not None,
        input_formats=[DATE_FORMAT],
        widget=forms.DateInput(format=DATE_FORMAT, attrs={"placeholder": "dd/mm/yyyy"}),
        error_messages=messages,
        **kw,
    )


def _choose(label: str) -> str:
    return f"Chọn {label[:1].lower()}{label[1:]}" if label else "Chọn"


def office_messages(field: forms.Field, label: str) -> dict[str, str]:
    """The refusals of ``field`` in an office's words, naming the field and its bound (the
    bound comes from Django's own parameters: ``limit_value``, ``show_value``, ``max``)."""
    what = f"“{label}”"
    said: dict[str, str] = {
        "required": f"Chưa nhập {what}.",
        "null_characters_not_allowed": f"{what} có ký tự không hợp lệ; đề nghị gõ lại.",
        "max_length": f"{what} dài %(show_value)s ký tự, tối đa %(limit_value)d ký tự; "
        "đề nghị rút gọn.",
        "min_length": f"{what} cần ít nhất %(limit_value)d ký tự.",
        "min_value": f"{what} không được nhỏ hơn %(limit_value)s.",
        "max_value": f"{what} không được lớn hơn %(limit_value)s.",
        "step_size": f"{what} phải là bội số của %(limit_value)s.",
    }
    if isinstance(field, forms.IntegerField):
        said["invalid"] = f"{what} phải là một số nguyên, ví dụ 3."
    if isinstance(field, forms.DecimalField):
        said |= {
            "invalid": f"{what} phải là một số, ví dụ 2,5.",
            "max_digits": f"{what} có nhiều nhất %(max)s chữ số.",
            "max_decimal_places": f"{what} có nhiều nhất %(max)s chữ số sau dấu phẩy.",
            "max_whole_digits": f"{what} có nhiều nhất %(max)s chữ số trước dấu phẩy.",
        }
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        said |= {
            "required": f"Chưa chọn {what}.",
            "invalid_choice": f"{what}: lựa chọn đã gửi không có trong danh sách; "
            "đề nghị chọn lại.",
            "invalid_pk_value": f"{what}: lựa chọn đã gửi không có trong danh sách.",
            "invalid_list": f"{what}: chọn trong danh sách.",
        }
    if isinstance(field, forms.FileField):
        said |= {
            "required": f"Chưa chọn tệp {what}.",
            "invalid": f"{what}: không đọc được tệp đã gửi; đề nghị chọn lại tệp.",
            "missing": f"{what}: không nhận được tệp; đề nghị chọn lại tệp.",
            "empty": f"{what}: tệp đã chọn không có nội dung.",
            "max_length": f"{what}: tên tệp dài %(length)d ký tự, tối đa %(max)d ký tự; "
            "đề nghị đổi tên tệp ngắn hơn.",
        }
    if isinstance(field, forms.DateField):
        said["invalid"] = f"{what}: nhập ngày theo dạng dd/mm/yyyy, ví dụ 28/02/2026."
    return said


def speak_as_office(field: forms.Field, name: str) -> None:
    """Give ``field`` the office's sentences (its own, set where it is declared, win), its
    limit in its help text, and a first line of its dropdown that says what to choose."""
    if getattr(field, "_office", False):
        return
    field._office = True  # type: ignore[attr-defined]
    label = str(field.label or name)
    own: dict[str, Any] = {
        code: text
        for code, text in field.error_messages.items()
        if not _is_djangos(field, code, text)
    }
    field.error_messages = office_messages(field, label) | own
    limit = getattr(field, "max_length", None)
    if isinstance(field, forms.CharField) and limit and not field.widget.is_hidden:
        field.widget.attrs.setdefault("maxlength", str(limit))
        stated = f"Tối đa {format_count(limit)} ký tự."
        field.help_text = f"{field.help_text} {stated}".strip() if field.help_text else stated
    if isinstance(field, forms.ModelChoiceField) and field.empty_label == DJANGO_EMPTY_LABEL:
        field.empty_label = _choose(label) if field.required else "(Không chọn)"
        field.widget.choices = field.choices


def _is_djangos(field: forms.Field, code: str, text: Any) -> bool:
    """A sentence Django's own classes give (anything a form set itself is kept)."""
    for klass in type(field).__mro__:
        if str(getattr(klass, "default_error_messages", {}).get(code, "")) == str(text):
            return True
    return False


class OfficeForm(forms.Form):
    """A form whose fields speak as an office (``speak_as_office``): applied to the fields a
    subclass adds in its own ``__init__`` too, when the form is rendered or checked."""

    def _speak(self) -> None:
        for name, field in self.fields.items():
            speak_as_office(field, name)

    def __getitem__(self, name: str) -> forms.BoundField:
        self._speak()
        return super().__getitem__(name)

    def full_clean(self) -> None:
        self._speak()
        super().full_clean()

    @property
    def choose_again(self) -> dict[str, str]:
        """For each file sent with a form that is refused, why it must be chosen again: a
        browser never keeps a file in the page it shows back."""
        if not self.is_bound or not self.errors:
            return {}
        said = {}
        for name, field in self.fields.items():
            upload = self.files.get(self.add_prefix(name))
            if not isinstance(field, forms.FileField) or upload is None:
                continue
            why = (
                str(self.errors[name][0]) if name in self.errors else "biểu mẫu còn mục chưa hợp lệ"
            )
            said[name] = (
                f"Tệp “{upload.name}” chưa được lưu ({why.rstrip('.')}): "
                "đề nghị chọn lại tệp rồi gửi lại."
            )
        return said
