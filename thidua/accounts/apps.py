from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "thidua.accounts"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Tài khoản và phân quyền"

    def ready(self) -> None:
        from thidua.common.audit import register_app_models

        register_app_models(self)
