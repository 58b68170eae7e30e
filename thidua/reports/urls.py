# Stub page so that the navigation resolves; the reports issue replaces it.
from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path
from django.views.generic import TemplateView


def placeholder(title: str, holds: tuple[str, ...]) -> Callable[..., HttpResponse]:
    """The shell's "Chức năng đang được xây dựng" page, naming what the module will hold."""
    return login_required(
        TemplateView.as_view(
            template_name="web/placeholder.html", extra_context={"title": title, "holds": holds}
        )
    )


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
