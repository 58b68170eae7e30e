from django.apps import AppConfig


class EmulationConfig(AppConfig):
    name = "thidua.emulation"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Phong trào, cụm khối thi đua"

    def ready(self) -> None:
        from thidua.common.audit import register_app_models

        register_app_models(self)
