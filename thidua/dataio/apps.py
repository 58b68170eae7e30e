from django.apps import AppConfig


class DataioConfig(AppConfig):
    name = "thidua.dataio"
    verbose_name = "Nhập, xuất dữ liệu"
