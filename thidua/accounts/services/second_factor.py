"""The second factor (django-otp): an authenticator app enrolled by scanning its key, the
six-digit code it shows asked after the password, and ten one-time recovery codes for the
day the telephone is lost. Wrong codes slow down (django-otp doubles the wait after each)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django_otp import devices_for_user
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.common.errors import DomainError

APP_DEVICE_NAME = "Ứng dụng xác thực"
RECOVERY_DEVICE_NAME = "Mã dự phòng"
RECOVERY_CODES = 10
CODE_MAX_LENGTH = 16


def _clean(code: str) -> str:
    """A code as people type it: with spaces or a dash in the middle, in either case."""
    return code.replace(" ", "").replace("-", "").strip().lower()[:CODE_MAX_LENGTH]


@transaction.atomic
def enrolment_begin(*, user: Any) -> TOTPDevice:
    """The key the person scans next: the one not yet confirmed, if a scan was left half-way,
    else a new one."""
    waiting = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if waiting is not None:
        return waiting
    return TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


@transaction.atomic
def enrolment_confirm(*, user: Any, code: str) -> tuple[TOTPDevice, list[str]]:
    """The code the app shows proves it holds the key: the app is enrolled (replacing any
    earlier one) and new recovery codes are made; both returned, the codes to be shown once."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None:
        raise DomainError(
            "no_enrolment", "Chưa có mã khóa chờ xác nhận: đề nghị mở lại trang thiết lập."
        )
    if not device.verify_token(_clean(code)):
        raise DomainError(
            "wrong_code",
            "Mã xác thực không đúng hoặc đã hết hạn. Kiểm tra giờ của điện thoại rồi nhập mã "
            "mới nhất trong ứng dụng.",
            field="code",
        )
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device, recovery_codes_renew(user=user)


@transaction.atomic
def recovery_codes_renew(*, user: Any) -> list[str]:
    """Ten new recovery codes; the earlier ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def second_factor_check(*, user: Any, code: str) -> Device:
    """The device that accepts ``code`` (the app's six digits, or a recovery code, used up
    by this), or a refusal; while wrong codes are being slowed down, none is tried."""
    typed = _clean(code)
    if not typed:
        raise DomainError("wrong_code", "Chưa nhập mã xác thực.", field="code")
    with transaction.atomic():
        for device in devices_for_user(user, for_verify=True):
            allowed, _ = device.verify_is_allowed()
            if not allowed:
                raise DomainError(
                    "too_many_codes",
                    "Đã nhập sai mã nhiều lần: vui lòng đợi ít phút rồi thử lại.",
                    field="code",
                )
        for device in devices_for_user(user, for_verify=True):
            if device.verify_token(typed):
                return device
    raise DomainError(
        "wrong_code",
        "Mã xác thực không đúng hoặc đã hết hạn (mỗi mã dự phòng chỉ dùng được một lần).",
        field="code",
    )


@transaction.atomic
def second_factor_remove(*, user: Any, code: str, required: bool) -> None:
    """Stop asking for a second factor, after one more code proves it is the person; refused
    for an account whose role requires it."""
    if required:
        raise DomainError(
            "second_factor_required",
            "Tài khoản quản trị và thành viên Hội đồng bắt buộc xác thực hai bước: không tắt "
            "được. Muốn đổi điện thoại, thiết lập lại ứng dụng xác thực.",
        )
    second_factor_check(user=user, code=code)
    for device in devices_for_user(user, confirmed=None):
        device.delete()
