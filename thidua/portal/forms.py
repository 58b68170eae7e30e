"""The public comment form: name, e-mail, subject, content, the question, a honeypot. The
question's key and its check belong to ``thidua.portal.services.challenges``."""

from __future__ import annotations

from typing import Any

from django import forms


class CommentForm(forms.Form):
    candidate = forms.TypedChoiceField(label="Về đối tượng", coerce=int, required=False,
                                       empty_value=None)  # fmt: skip
    name = forms.CharField(label="Họ và tên", max_length=255)
    email = forms.EmailField(label="Thư điện tử (để nhận trả lời, không công khai)")
    subject = forms.CharField(label="Tiêu đề", max_length=255)
    content = forms.CharField(label="Nội dung", widget=forms.Textarea(attrs={"rows": 5}),
                              max_length=5000)  # fmt: skip
    # Checked by the service, which says "wrong" or "expired" itself, so no required error here.
    captcha = forms.CharField(label="Câu hỏi kiểm tra", required=False)
    website = forms.CharField(required=False, label="Để trống ô này")

    def __init__(self, *args: Any, candidates: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["candidate"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "— Cả danh sách —"), *candidates]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("website"):
            raise forms.ValidationError("Không gửi được ý kiến.")
        return data
