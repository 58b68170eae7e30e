"""HTML input of the commendation pages: the 400s live here, the rules in the services."""

from __future__ import annotations

from django import forms

from thidua.awards.choices import (
    AWARD_CODE_GROUPS,
    OCCASION_CHOICES,
    DocumentKind,
    RevocationGround,
)
from thidua.common.form_fields import date_field
from thidua.core.rules.vocabulary import Occasion
from thidua.orgs.choices import Discipline


class ProposalForm(forms.Form):
    award_code = forms.ChoiceField(label="Danh hiệu, hình thức đề nghị", choices=AWARD_CODE_GROUPS)
    year = forms.IntegerField(label="Năm thành tích", min_value=1945, max_value=2100)
    occasion = forms.ChoiceField(
        label="Loại hình khen thưởng",
        choices=OCCASION_CHOICES,
        initial=Occasion.THUONG_XUYEN.value,
        help_text="Không tặng nhiều hình thức khen thưởng cho cùng một thành tích: khen thưởng "
        "tổng kết năm dựa trên kết quả cả năm; khen thưởng đột xuất, theo chuyên đề là thành tích "
        "riêng.",
    )
    title = forms.CharField(label="Trích yếu", max_length=500, required=False)


class CandidateForm(forms.Form):
    person = forms.CharField(label="Cá nhân (mã cá nhân)", max_length=64)
    achievement = forms.CharField(
        label="Tóm tắt thành tích (tối đa 5.000 ký tự)",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    other_ground = forms.CharField(
        label="Đề nghị theo căn cứ khác (chỉ khi chưa đủ tiêu chuẩn và Luật cho phép)",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Lý do", widget=forms.Textarea(attrs={"rows": 3}))


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label="Loại tài liệu", choices=DocumentKind.choices)
    candidate = forms.IntegerField(label="Đối tượng", required=False)
    file = forms.FileField(label="Tệp (PDF, Word, JPG, PNG; tối đa 10 MB)")


class AnswerForm(forms.Form):
    # Required by the service (comment_answer), which says so in the same words on every door.
    answer = forms.CharField(
        label="Nội dung trả lời (tối đa 5.000 ký tự)",
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    valid = forms.BooleanField(label="Ý kiến có cơ sở, cần xem xét lại đối tượng", required=False)


class SessionForm(forms.Form):
    title = forms.CharField(label="Tên phiên họp", max_length=255)
    meeting_at = forms.DateTimeField(
        label="Thời gian họp (dd/mm/yyyy hh:mm)", input_formats=["%d/%m/%Y %H:%M"]
    )
    place = forms.CharField(label="Địa điểm", max_length=255, required=False)


NUMBER_AT_ISSUE = (
    "Để trống: văn thư cấp số khi ban hành, hoặc lấy số tiếp theo của cơ quan trong năm."
)


class DecisionForm(forms.Form):
    """A draft as offices make it: the số and the date are given at issue."""

    number = forms.CharField(
        label="Số quyết định", max_length=64, required=False, help_text=NUMBER_AT_ISSUE
    )
    decision_date = date_field("Ngày quyết định (dd/mm/yyyy)", required=None, example="20/01/2025")
    issuing_body = forms.CharField(label="Cơ quan ban hành", max_length=255)
    signer_title = forms.CharField(
        label="Chức vụ người ký",
        max_length=255,
        help_text="“Chủ tịch” ký; “Phó Chủ tịch” ký thay (KT. Chủ tịch).",
    )
    signer_name = forms.CharField(
        label="Người ký",
        max_length=255,
        required=False,
        help_text="Để trống: lấy tên người đứng đầu (hoặc cấp phó) đã khai của đơn vị.",
    )


class DecisionEditForm(DecisionForm):
    """A draft's fields, changed on the web as through the API (``decision_update``)."""

    title = forms.CharField(label="Trích yếu", max_length=500, required=False)


class DecisionIssueForm(forms.Form):
    number = forms.CharField(
        label="Số quyết định", max_length=64, required=False, help_text=NUMBER_AT_ISSUE
    )
    issue_date = date_field("Ngày ký (dd/mm/yyyy)", required=None, example="20/01/2025")


class RevokeForm(forms.Form):
    """Reads the revocation; what must be there (a reason, the revoking decision's number,
    date and signer) is the service's to say (revocation.award_revoke), as on the API."""

    ground = forms.ChoiceField(label="Căn cứ hủy bỏ", choices=RevocationGround.choices)
    reason = forms.CharField(
        label="Lý do (tối đa 2.000 ký tự)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    revoked_by_number = forms.CharField(
        label="Số quyết định hủy bỏ (tối đa 64 ký tự)", max_length=64, required=False
    )
    revoked_by_date = date_field(
        "Ngày quyết định hủy bỏ (dd/mm/yyyy)",
        required=None,  # the service names what the revoking decision lacks
        example="03/03/2025",
    )
    revoked_by_signer = forms.CharField(
        label="Người ký quyết định hủy bỏ (tối đa 255 ký tự)", max_length=255, required=False
    )
    discipline = forms.ChoiceField(
        label="Hình thức kỷ luật (nếu hủy bỏ do kỷ luật)",
        choices=[("", "Không có"), *Discipline.choices],
        required=False,
    )
