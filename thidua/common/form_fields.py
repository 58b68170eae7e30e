"""Form fields with the limits and sentences an office expects: a date typed dd/mm/yyyy,
refused in Vietnamese (Django's own "Nhập một ngày hợp lệ." never reaches a user)."""

from __future__ import annotations

from typing import Any

from django import forms


def date_field(label: str, *, required: str | None, example: str = "01/01/2025", **kw: Any) -> Any:
    """``required`` is the message when the date is missing; ``None`` leaves it optional."""
    return forms.DateField(
        label=label,
        required=required is not None,
        input_formats=["%d/%m/%Y"],
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
        error_messages={
            "required": required or "",
            "invalid": f"Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy, ví dụ {example}.",
        },
        **kw,
    )
