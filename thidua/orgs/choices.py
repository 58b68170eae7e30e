from django.db import models


class UnitKind(models.TextChoices):
    """Where a unit stands in the state apparatus; names the decider (Điều 80 Luật TĐKT)."""

    TINH = "tinh", "Tỉnh, thành phố trực thuộc Trung ương"
    BO = "bo", "Bộ, ban, ngành Trung ương"
    SO = "so", "Sở, ban, ngành cấp tỉnh"
    HUYEN = "huyen", "Quận, huyện, thị xã, thành phố thuộc tỉnh"
    XA = "xa", "Xã, phường, thị trấn"
    DON_VI_TRUC_THUOC = "don_vi_truc_thuoc_bo", "Đơn vị trực thuộc"
    TRUONG_HOC = "truong_hoc", "Trường học"
    DOANH_NGHIEP = "doanh_nghiep", "Doanh nghiệp"
    PHONG_BAN = "phong_ban", "Phòng, ban, tổ chuyên môn"
    KHAC = "khac", "Khác"


class SuccessionKind(models.TextChoices):
    MERGE = "merge", "Hợp nhất, sáp nhập"
    SPLIT = "split", "Chia tách"
    RENAME = "rename", "Đổi tên"


class Gender(models.TextChoices):
    NAM = "nam", "Nam"
    NU = "nu", "Nữ"


class Rating(models.TextChoices):
    """Mức độ hoàn thành nhiệm vụ (codes of rules-cli.md)."""

    XUAT_SAC = "xuat_sac", "Hoàn thành xuất sắc nhiệm vụ"
    TOT = "tot", "Hoàn thành tốt nhiệm vụ"
    HOAN_THANH = "hoan_thanh", "Hoàn thành nhiệm vụ"
    KHONG_HOAN_THANH = "khong_hoan_thanh", "Không hoàn thành nhiệm vụ"


class Discipline(models.TextChoices):
    KHIEN_TRACH = "khien_trach", "Khiển trách"
    CANH_CAO = "canh_cao", "Cảnh cáo"
    HA_BAC_LUONG = "ha_bac_luong", "Hạ bậc lương"
    GIANG_CHUC = "giang_chuc", "Giáng chức"
    CACH_CHUC = "cach_chuc", "Cách chức"
    BUOC_THOI_VIEC = "buoc_thoi_viec", "Buộc thôi việc"


class InitiativeScope(models.TextChoices):
    CO_SO = "co_so", "Cơ sở"
    TINH = "tinh", "Bộ, ngành, tỉnh"
    TOAN_QUOC = "toan_quoc", "Toàn quốc"
