"""The third-party apps under their Vietnamese names, as the data administration pages list
them (their own names are English and not translatable)."""

from axes.apps import AppConfig as AxesAppConfig
from django_otp.plugins.otp_static.apps import DefaultConfig as OTPStaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as OTPTOTPConfig
from django_tasks_db.apps import TasksAppConfig


class AxesConfig(AxesAppConfig):
    verbose_name = "Bảo vệ đăng nhập"


class TasksConfig(TasksAppConfig):
    verbose_name = "Việc chạy nền"


class TotpConfig(OTPTOTPConfig):
    verbose_name = "Xác thực hai bước: ứng dụng xác thực"


class StaticTokensConfig(OTPStaticConfig):
    verbose_name = "Xác thực hai bước: mã dự phòng"
