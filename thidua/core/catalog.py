"""The catalog of emulation titles and commendation forms, in order of precedence.

Codes are fixed by ``shared/spec/rules-cli.md``; the order of ``CATALOG`` is the order of
precedence (highest first) used by reports and the rules engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Recipient(StrEnum):
    INDIVIDUAL = "individual"
    COLLECTIVE = "collective"
    HOUSEHOLD = "household"
    ENTERPRISE = "enterprise"


class Kind(StrEnum):
    """Danh hiệu thi đua and hình thức khen thưởng are distinct (Điều 3 Luật TĐKT 2022)."""

    TITLE = "danh_hieu"
    FORM = "hinh_thuc"


RECIPIENT_LABELS: dict[Recipient, str] = {
    Recipient.INDIVIDUAL: "cá nhân",
    Recipient.COLLECTIVE: "tập thể",
    Recipient.HOUSEHOLD: "hộ gia đình",
    Recipient.ENTERPRISE: "doanh nghiệp",
}


@dataclass(frozen=True, slots=True)
class AwardType:
    code: str
    name: str
    kind: Kind
    recipients: tuple[Recipient, ...]

    def accepts(self, recipient: Recipient) -> bool:
        # Enterprises receive the collective forms (rules-cli.md).
        if recipient is Recipient.ENTERPRISE:
            return Recipient.COLLECTIVE in self.recipients
        return recipient in self.recipients


_I, _C, _H = Recipient.INDIVIDUAL, Recipient.COLLECTIVE, Recipient.HOUSEHOLD

CATALOG: tuple[AwardType, ...] = (
    AwardType("co_thi_dua_chinh_phu", "Cờ thi đua của Chính phủ", Kind.TITLE, (_C,)),
    AwardType("chien_si_thi_dua_toan_quoc", "Chiến sĩ thi đua toàn quốc", Kind.TITLE, (_I,)),
    AwardType("huan_chuong_lao_dong_hang_ba", "Huân chương Lao động hạng Ba", Kind.FORM, (_I, _C)),
    AwardType("bang_khen_thu_tuong", "Bằng khen của Thủ tướng Chính phủ", Kind.FORM, (_I, _C, _H)),
    AwardType("co_thi_dua_tinh", "Cờ thi đua của Bộ, ban, ngành, tỉnh", Kind.TITLE, (_C,)),
    AwardType("chien_si_thi_dua_tinh", "Chiến sĩ thi đua Bộ, ban, ngành, tỉnh", Kind.TITLE, (_I,)),
    AwardType("bang_khen_tinh", "Bằng khen của Bộ, ban, ngành, tỉnh", Kind.FORM, (_I, _C, _H)),
    AwardType("tap_the_lao_dong_xuat_sac", "Tập thể lao động xuất sắc", Kind.TITLE, (_C,)),
    AwardType("chien_si_thi_dua_co_so", "Chiến sĩ thi đua cơ sở", Kind.TITLE, (_I,)),
    AwardType("tap_the_lao_dong_tien_tien", "Tập thể lao động tiên tiến", Kind.TITLE, (_C,)),
    AwardType("giay_khen", "Giấy khen", Kind.FORM, (_I, _C, _H)),
    AwardType("lao_dong_tien_tien", "Lao động tiên tiến", Kind.TITLE, (_I,)),
    AwardType("gia_dinh_van_hoa", "Gia đình văn hóa", Kind.TITLE, (_H,)),
)

BY_CODE: dict[str, AwardType] = {a.code: a for a in CATALOG}
PRECEDENCE: dict[str, int] = {a.code: i for i, a in enumerate(CATALOG)}


class Level(StrEnum):
    """The level of the body that confers the title or form (Điều 80 and the articles before it
    of Luật TĐKT 2022): the unit itself, the Bộ/ban/ngành/tỉnh, or the State."""

    CO_SO = "co_so"
    BO_TINH = "bo_tinh"
    NHA_NUOC = "nha_nuoc"


LEVEL_LABELS: dict[Level, str] = {
    Level.CO_SO: "cấp cơ sở",
    Level.BO_TINH: "cấp Bộ, ban, ngành, tỉnh",
    Level.NHA_NUOC: "cấp Nhà nước",
}

# Gia đình văn hóa is conferred by the commune chairman (Điều 80.3), Giấy khen by the heads of
# units (Điều 80.1–80.4): both are grass-roots; Cờ thi đua of the Government, CSTĐ toàn quốc
# and Bằng khen of the Prime Minister are decided by the Prime Minister, the Huân chương by the
# President.
LEVELS: dict[str, Level] = {
    "co_thi_dua_chinh_phu": Level.NHA_NUOC,
    "chien_si_thi_dua_toan_quoc": Level.NHA_NUOC,
    "huan_chuong_lao_dong_hang_ba": Level.NHA_NUOC,
    "bang_khen_thu_tuong": Level.NHA_NUOC,
    "co_thi_dua_tinh": Level.BO_TINH,
    "chien_si_thi_dua_tinh": Level.BO_TINH,
    "bang_khen_tinh": Level.BO_TINH,
    "tap_the_lao_dong_xuat_sac": Level.BO_TINH,
    "chien_si_thi_dua_co_so": Level.CO_SO,
    "tap_the_lao_dong_tien_tien": Level.CO_SO,
    "giay_khen": Level.CO_SO,
    "lao_dong_tien_tien": Level.CO_SO,
    "gia_dinh_van_hoa": Level.CO_SO,
}


def get(code: str) -> AwardType:
    """The award type for ``code``; ``KeyError`` names the unknown code."""
    return BY_CODE[code]
