# Stub page so that the navigation resolves; the reports issue replaces it.
from django.urls import path

from thidua.common.placeholder import placeholder

app_name = "reports"
urlpatterns = [
    path(
        "",
        placeholder(
            "Báo cáo, thống kê",
            (
                "Đoạn tóm tắt kết quả thi đua, khen thưởng trong năm",
                "Biểu đồ theo hình thức, theo năm, theo đơn vị",
                "So sánh với năm trước",
                "Xuất báo cáo ra Excel, Word",
            ),
        ),
        name="index",
    ),
]
