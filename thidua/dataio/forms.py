"""The two forms of "Nhập, xuất dữ liệu": the workbook to upload, and what to export."""

from __future__ import annotations

from typing import Any

from django import forms

from thidua.common.params import YEAR_MAX, YEAR_MIN
from thidua.common.sizes import megabytes
from thidua.dataio.uploads import max_upload_bytes


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Tệp sổ dữ liệu",
        error_messages={
            "required": "Hãy chọn tệp sổ dữ liệu (.xlsx) để tải lên.",
            "empty": "Tệp đã chọn không có nội dung.",
        },
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "file"
        ].help_text = f"Sổ Excel .xlsx theo mẫu, tối đa {megabytes(max_upload_bytes())}."


class ExportForm(forms.Form):
    """``don_vi`` is a unit code the caller checks against the user's scope."""

    don_vi = forms.CharField(label="Đơn vị (gồm cả đơn vị trực thuộc)", required=False)
    tu_nam = forms.IntegerField(
        label="Từ năm", required=False, min_value=YEAR_MIN, max_value=YEAR_MAX
    )
    den_nam = forms.IntegerField(
        label="Đến năm", required=False, min_value=YEAR_MIN, max_value=YEAR_MAX
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("tu_nam"), data.get("den_nam")
        if start and end and start > end:
            self.add_error("den_nam", f"Năm cuối ({end}) phải từ năm đầu ({start}) trở đi.")
        return data
