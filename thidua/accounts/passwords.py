"""Django's four password validators, each with the sentence a Vietnamese office would
write (Django's own Vietnamese is incomplete and reads as a translation)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import password_validation as django_validators
from django.core.exceptions import ValidationError

# Twelve characters: the length OWASP ASVS level 2 asks for (2.1.1), which a phrase of three
# Vietnamese words without diacritics reaches.
MIN_LENGTH = 12


class MinimumLengthValidator(django_validators.MinimumLengthValidator):
    def __init__(self, min_length: int = MIN_LENGTH) -> None:
        super().__init__(min_length)

    def get_error_message(self) -> str:
        return f"Mật khẩu quá ngắn: cần ít nhất {self.min_length} ký tự."

    def get_help_text(self) -> str:
        return f"Mật khẩu có ít nhất {self.min_length} ký tự."


class UserAttributeSimilarityValidator(django_validators.UserAttributeSimilarityValidator):
    # full_name is the app's own field for the person's name (first_name, last_name unused).
    ATTRIBUTES = ("username", "full_name", "first_name", "last_name", "email")

    def __init__(
        self, user_attributes: tuple[str, ...] = ATTRIBUTES, max_similarity: float = 0.7
    ) -> None:
        super().__init__(user_attributes, max_similarity)

    def validate(self, password: str, user: Any = None) -> None:
        try:
            super().validate(password, user)
        except ValidationError as refusal:
            # Django's Vietnamese names a field with a capital ("Tên đăng nhập").
            name = str((refusal.params or {}).get("verbose_name", ""))
            raise ValidationError(
                self.get_error_message(),
                code=refusal.code,
                params={"verbose_name": name[:1].lower() + name[1:]},
            ) from None

    def get_error_message(self) -> str:
        return "Mật khẩu quá giống %(verbose_name)s của tài khoản: hãy chọn mật khẩu khác."

    def get_help_text(self) -> str:
        return "Mật khẩu không được giống tên đăng nhập, họ và tên hoặc địa chỉ thư điện tử."


class CommonPasswordValidator(django_validators.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return "Mật khẩu này quá phổ biến, dễ bị dò ra: hãy chọn mật khẩu khác."

    def get_help_text(self) -> str:
        return "Không dùng mật khẩu phổ biến, dễ đoán (như 123456789abc, matkhau12345)."


class NumericPasswordValidator(django_validators.NumericPasswordValidator):
    def get_error_message(self) -> str:
        return "Mật khẩu không được chỉ gồm chữ số: hãy thêm chữ cái hoặc ký hiệu."

    def get_help_text(self) -> str:
        return "Mật khẩu không được chỉ gồm chữ số."
