# Stub pages so that the navigation resolves; the emulation issue replaces them.
from django.urls import path

from thidua.common.placeholder import placeholder

app_name = "emulation"
urlpatterns = [
    path(
        "phong-trao/",
        placeholder(
            "Phong trào thi đua",
            (
                "Phát động phong trào thi đua: nội dung, phạm vi, thời gian",
                "Đăng ký tham gia và theo dõi tiến độ",
                "Sơ kết, tổng kết phong trào",
            ),
        ),
        name="movements",
    ),
    path(
        "cum-khoi/",
        placeholder(
            "Cụm, khối thi đua",
            (
                "Cụm, khối thi đua theo năm: thành viên, cụm trưởng, cụm phó",
                "Giao ước thi đua và bảng tiêu chí chấm điểm",
                "Tự chấm, chấm chéo, xếp hạng",
            ),
        ),
        name="clusters",
    ),
    path(
        "dang-ky/",
        placeholder(
            "Đăng ký thi đua",
            (
                "Đăng ký danh hiệu thi đua của tập thể và cá nhân đầu năm",
                "Tình trạng đăng ký theo đơn vị",
            ),
        ),
        name="registrations",
    ),
]
