"""Form fields with the limits and sentences an office expects: a date typed dd/mm/yyyy,
refused in Vietnamese (Django's own "Nhập một ngày hợp lệ." never reaches a user)."""

from __future__ import annotations

from typing import Any

from django import forms


def date_field(
    label: str, *, required: str, example: str = "01/01/2025", is_required: bool = True, **kw: Any
) -> Any:
    """``required`` is the sentence for a date left empty; ``is_required=False`` leaves an empty
    date to the service, which says what is missing with the rest."""
    return forms.DateField(
        label=label,
        required=is_required,
        input_formats=["%d/%m/%Y"],
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
        error_messages={
            "required": required,
            "invalid": f"Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy, ví dụ {example}.",
        },
        **kw,
    )
