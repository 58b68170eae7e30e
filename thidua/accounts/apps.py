from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "thidua.accounts"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Tài khoản và phân quyền"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from thidua.accounts import session_signals
        from thidua.accounts.models import UserSession
        from thidua.common.audit import register_app_models

        register_app_models(self)
        # A session's "last active" changes every few minutes: not a change of data to audit
        # (sign-ins and sign-outs are in django-axes' access log).
        auditlog.unregister(UserSession)
        session_signals.connect()
