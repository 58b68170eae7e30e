"""The words of the input (``shared/spec/rules-cli.md``): codes, their Vietnamese labels and the
orders the criteria compare them by."""

from __future__ import annotations

from enum import StrEnum


class SubjectKind(StrEnum):
    INDIVIDUAL = "individual"
    COLLECTIVE = "collective"
    HOUSEHOLD = "household"


class UnitKind(StrEnum):
    """Where the subject belongs; names the decider (Điều 80 Luật TĐKT 2022)."""

    SO = "so"
    DON_VI_TRUC_THUOC_BO = "don_vi_truc_thuoc_bo"
    HUYEN = "huyen"
    XA = "xa"
    TINH = "tinh"
    BO = "bo"
    DOANH_NGHIEP = "doanh_nghiep"


class Rating(StrEnum):
    """Mức độ hoàn thành nhiệm vụ, highest first."""

    XUAT_SAC = "xuat_sac"
    TOT = "tot"
    HOAN_THANH = "hoan_thanh"
    KHONG_HOAN_THANH = "khong_hoan_thanh"


class Discipline(StrEnum):
    """Hình thức kỷ luật, lightest first."""

    KHIEN_TRACH = "khien_trach"
    CANH_CAO = "canh_cao"
    HA_BAC_LUONG = "ha_bac_luong"
    GIANG_CHUC = "giang_chuc"
    CACH_CHUC = "cach_chuc"
    BUOC_THOI_VIEC = "buoc_thoi_viec"


class InitiativeScope(StrEnum):
    """Phạm vi ảnh hưởng of a recognised initiative or accepted research, narrowest first."""

    CO_SO = "co_so"
    TINH = "tinh"
    TOAN_QUOC = "toan_quoc"


class ClusterLevel(StrEnum):
    """Who organised the cụm, khối thi đua a collective led."""

    TINH = "tinh"
    TRUNG_UONG = "trung_uong"


class MovementLauncher(StrEnum):
    THU_TUONG = "thu_tuong"
    TINH = "tinh"


class Occasion(StrEnum):
    """Loại hình khen thưởng (Điều 8 Luật TĐKT 2022; Điều 4 Nghị định 91/2017 before): what
    kind of achievement an award rewards."""

    THUONG_XUYEN = "thuong_xuyen"
    CHUYEN_DE = "chuyen_de"
    DOT_XUAT = "dot_xuat"
    CONG_HIEN = "cong_hien"
    NIEN_HAN = "nien_han"
    DOI_NGOAI = "doi_ngoai"


RATING_RANK: dict[Rating, int] = {
    Rating.KHONG_HOAN_THANH: 0,
    Rating.HOAN_THANH: 1,
    Rating.TOT: 2,
    Rating.XUAT_SAC: 3,
}
DISCIPLINE_RANK: dict[Discipline, int] = {d: i for i, d in enumerate(Discipline)}
SCOPE_RANK: dict[InitiativeScope, int] = {s: i for i, s in enumerate(InitiativeScope)}

RATING_LABELS: dict[Rating, str] = {
    Rating.XUAT_SAC: "hoàn thành xuất sắc nhiệm vụ",
    Rating.TOT: "hoàn thành tốt nhiệm vụ",
    Rating.HOAN_THANH: "hoàn thành nhiệm vụ",
    Rating.KHONG_HOAN_THANH: "không hoàn thành nhiệm vụ",
}
DISCIPLINE_LABELS: dict[Discipline, str] = {
    Discipline.KHIEN_TRACH: "khiển trách",
    Discipline.CANH_CAO: "cảnh cáo",
    Discipline.HA_BAC_LUONG: "hạ bậc lương",
    Discipline.GIANG_CHUC: "giáng chức",
    Discipline.CACH_CHUC: "cách chức",
    Discipline.BUOC_THOI_VIEC: "buộc thôi việc",
}
OCCASION_LABELS: dict[Occasion, str] = {
    Occasion.THUONG_XUYEN: "theo công trạng và thành tích đạt được (tổng kết năm)",
    Occasion.CHUYEN_DE: "theo đợt hoặc theo chuyên đề",
    Occasion.DOT_XUAT: "đột xuất",
    Occasion.CONG_HIEN: "quá trình cống hiến",
    Occasion.NIEN_HAN: "theo niên hạn",
    Occasion.DOI_NGOAI: "đối ngoại",
}
SUBJECT_LABELS: dict[SubjectKind, str] = {
    SubjectKind.INDIVIDUAL: "cá nhân",
    SubjectKind.COLLECTIVE: "tập thể",
    SubjectKind.HOUSEHOLD: "hộ gia đình",
}

# Facts that bar a household from "Gia đình văn hóa" (Nghị định 86/2023/NĐ-CP). The input may
# name others: any exclusion bars the title; these only get a readable label.
EXCLUSION_LABELS: dict[str, str] = {
    "truy_cuu_trach_nhiem_hinh_su": "có thành viên bị truy cứu trách nhiệm hình sự",
    "vi_pham_nghia_vu_quan_su": "vi phạm nghĩa vụ quân sự",
    "vi_pham_nghia_vu_thue": "vi phạm nghĩa vụ nộp thuế",
    "bao_luc_gia_dinh": "bị xử phạt vi phạm hành chính về bạo lực gia đình",
    "tao_hon": "bị xử phạt vi phạm hành chính về tảo hôn",
    "vi_pham_hon_nhan": "bị xử phạt vi phạm hành chính về hôn nhân và gia đình",
    "vi_pham_trat_tu_cong_cong": "bị xử phạt vi phạm hành chính về trật tự công cộng",
    "danh_bac": "bị xử phạt vi phạm hành chính về đánh bạc",
    "te_nan_xa_hoi": "bị xử phạt vi phạm hành chính về tệ nạn xã hội",
    "vi_pham_phong_chay": "bị xử phạt vi phạm hành chính về phòng cháy, chữa cháy",
}


def rating_at_least(rating: Rating | None, floor: Rating) -> bool:
    return rating is not None and RATING_RANK[rating] >= RATING_RANK[floor]


def discipline_at_least(discipline: Discipline | None, floor: Discipline) -> bool:
    return discipline is not None and DISCIPLINE_RANK[discipline] >= DISCIPLINE_RANK[floor]


def scope_at_least(scope: InitiativeScope, floor: InitiativeScope) -> bool:
    # A wider scope also satisfies a narrower requirement (rules-cli.md).
    return SCOPE_RANK[scope] >= SCOPE_RANK[floor]
