# Stub pages so that the navigation resolves; the awards issues replace them.
from django.urls import path

from thidua.common.placeholder import placeholder

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
