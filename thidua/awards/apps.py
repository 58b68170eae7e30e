from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "thidua.awards"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Khen thưởng"

    def ready(self) -> None:
        from thidua.common.audit import register_app_models

        register_app_models(self)
