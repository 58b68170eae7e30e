# Stub pages so that the navigation resolves; the awards issues replace them.
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


app_name = "awards"
urlpatterns = [
    path(
        "xet-khen-thuong/",
        placeholder(
            "Xét khen thưởng",
            (
                "Đủ điều kiện: ai đủ điều kiện, ai còn thiếu một bước, kèm căn cứ pháp lý",
                "Đề nghị khen thưởng và hồ sơ kèm theo",
                "Công khai danh sách đề nghị để lấy ý kiến",
            ),
        ),
        name="eligibility",
    ),
    path(
        "hoi-dong/",
        placeholder(
            "Hội đồng",
            (
                "Phiên họp Hội đồng Thi đua – Khen thưởng",
                "Phiếu bầu, kết quả bỏ phiếu",
                "Biên bản họp",
            ),
        ),
        name="council",
    ),
    path(
        "quyet-dinh/",
        placeholder(
            "Quyết định",
            (
                "Quyết định khen thưởng: dự thảo, ban hành",
                "Danh sách khen thưởng kèm quyết định",
                "In giấy khen, bằng khen",
                "Hủy bỏ khen thưởng theo Điều 93 Luật Thi đua, khen thưởng",
            ),
        ),
        name="decisions",
    ),
]
