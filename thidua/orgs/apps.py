from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "thidua.orgs"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Đơn vị và cá nhân"

    def ready(self) -> None:
        from thidua.common.audit import register_app_models

        register_app_models(self)
