"""Django's password forms, saved through the services so that the obligation to change a
password given by an administrator is set and lifted in one place; the form of a new API token."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms

from thidua.accounts.models import TokenScope, User
from thidua.accounts.services.passwords import (
    password_set_by_administrator,
    password_set_by_user,
)
from thidua.accounts.services.second_factor import CODE_MAX_LENGTH
from thidua.accounts.services.tokens import DEFAULT_DAYS, NAME_MAX_LENGTH
from thidua.common.form_fields import OfficeForm


class LoginForm(auth_forms.AuthenticationForm):
    error_messages = {
        "invalid_login": (
            "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: mật khẩu phân biệt chữ hoa, chữ thường."
        ),
        "inactive": "Tài khoản này đã bị khóa. Đề nghị quản trị viên của đơn vị kiểm tra.",
    }


class _ChosenByUser:
    user: User
    cleaned_data: dict[str, Any]
    # The session the password is changed from stays signed in (none for a reset link).
    keep_session: str | None = None

    def save(self, commit: bool = True) -> User:
        return password_set_by_user(
            user=self.user,
            password=self.cleaned_data["new_password1"],
            keep_session=self.keep_session,
        )


class PasswordChangeForm(_ChosenByUser, auth_forms.PasswordChangeForm):
    """Đổi mật khẩu: the current one, then the new one twice."""


class SetPasswordForm(_ChosenByUser, auth_forms.SetPasswordForm):
    """The new password chosen from the link of a reset e-mail."""


class AdminPasswordChangeForm(auth_forms.AdminPasswordChangeForm):
    """An administrator's reset in the data admin: the person changes it at next sign-in."""

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        return password_set_by_administrator(user=user, password=None)


class TokenForm(OfficeForm):
    """A new API token of one's own: what it is for, what it may do, how long it lives."""

    name = forms.CharField(
        label="Tên gợi nhớ",
        max_length=NAME_MAX_LENGTH,
        help_text="Chương trình hoặc việc dùng mã, ví dụ “Đồng bộ cổng thông tin”.",
    )
    scope = forms.ChoiceField(label="Phạm vi", choices=TokenScope.choices, initial=TokenScope.READ)
    days = forms.TypedChoiceField(
        label="Thời hạn",
        coerce=int,
        choices=[(30, "30 ngày"), (90, "90 ngày"), (180, "180 ngày"), (365, "365 ngày")],
        initial=DEFAULT_DAYS,
    )


class SecondFactorForm(OfficeForm):
    code = forms.CharField(
        label="Mã xác thực",
        max_length=CODE_MAX_LENGTH + 4,  # the spaces or dash people type inside a code
        help_text="6 chữ số trong ứng dụng xác thực, hoặc một mã dự phòng.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )
