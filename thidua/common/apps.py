from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "thidua.common"
    verbose_name = "Dùng chung"
