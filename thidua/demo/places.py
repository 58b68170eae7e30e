"""The places and bodies the seeds name, as a unit tree.

``staff`` is the headcount at the end of 2023 (the year whose figures the seeds report);
``prefix`` starts the stable person codes of the unit ("KA-NS-0001").
"""

from __future__ import annotations

from dataclasses import dataclass

from thidua.demo.state import Demo
from thidua.orgs.choices import UnitKind
from thidua.orgs.services import unit_create


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    kind: str
    label: str
    parent: str | None = None
    staff: int = 0
    prefix: str = ""


# The ward cluster of quận Kiến An (seeds 000): short code, name, headcount at the end of 2023
# (ward office and its one-stop desk together), and the 2023 targets that give the seed's
# figures: Lao động tiên tiến (210 in all) and Chiến sĩ thi đua cơ sở (23 in all).
KIEN_AN_WARDS: tuple[tuple[str, str, int, int, int], ...] = (
    ("NS", "Ngọc Sơn", 30, 26, 3),
    ("TTN", "Trần Thành Ngọ", 29, 25, 3),
    ("VD", "Văn Đẩu", 28, 23, 3),
    ("BS", "Bắc Sơn", 27, 21, 3),
    ("NAS", "Nam Sơn", 28, 21, 2),
    ("QT", "Quán Trữ", 27, 20, 2),
    ("LH", "Lãm Hà", 26, 19, 2),
    ("DH", "Đồng Hòa", 27, 17, 2),
    ("PL", "Phù Liễn", 26, 20, 2),
    ("TM", "Tràng Minh", 27, 18, 1),
)
ONE_STOP_STAFF = 3
KIEN_AN_WARD_CODES = tuple(f"HP-KA-{short}" for short, *_ in KIEN_AN_WARDS)

DO_SON_WARDS: tuple[tuple[str, str, int], ...] = (
    ("NX", "Ngọc Xuyên", 20),
    ("HS", "Hải Sơn", 19),
    ("VH", "Vạn Hương", 20),
    ("MD", "Minh Đức", 18),
    ("BL", "Bàng La", 18),
    ("HD", "Hợp Đức", 18),
)
DO_SON_OFFICES: tuple[tuple[str, str, int], ...] = (
    ("VP", "Văn phòng HĐND và UBND quận Đồ Sơn", 9),
    ("NV", "Phòng Nội vụ quận Đồ Sơn", 8),
    ("TCKH", "Phòng Tài chính – Kế hoạch quận Đồ Sơn", 8),
    ("KT", "Phòng Kinh tế quận Đồ Sơn", 8),
    ("GDDT", "Phòng Giáo dục và Đào tạo quận Đồ Sơn", 8),
    ("QLDT", "Phòng Quản lý đô thị quận Đồ Sơn", 7),
    ("TNMT", "Phòng Tài nguyên và Môi trường quận Đồ Sơn", 7),
    ("VHTT", "Phòng Văn hóa và Thông tin quận Đồ Sơn", 6),
    ("LDTBXH", "Phòng Lao động – Thương binh và Xã hội quận Đồ Sơn", 6),
    ("TP", "Phòng Tư pháp quận Đồ Sơn", 5),
    ("TTR", "Thanh tra quận Đồ Sơn", 6),
)
DO_SON_SCHOOLS: tuple[tuple[str, str, int], ...] = (
    ("THCSNX", "Trường THCS Ngọc Xuyên", 14),
    ("THVH", "Trường Tiểu học Vạn Hương", 14),
    ("MNHD", "Trường Mầm non Hợp Đức", 13),
)

# Khối thi đua các cơ quan quản lý nhà nước về văn hóa – xã hội thành phố Hải Phòng (seed 003):
# short code, name, its two offices.
CULTURE_BLOCK: tuple[tuple[str, str, tuple[str, str]], ...] = (
    (
        "SKHCN",
        "Sở Khoa học và Công nghệ Hải Phòng",
        ("Văn phòng Sở Khoa học và Công nghệ", "Phòng Quản lý khoa học"),
    ),
    ("SYT", "Sở Y tế Hải Phòng", ("Văn phòng Sở Y tế", "Phòng Nghiệp vụ Y")),
    (
        "SLDTBXH",
        "Sở Lao động – Thương binh và Xã hội Hải Phòng",
        ("Văn phòng Sở Lao động – Thương binh và Xã hội", "Phòng Người có công"),
    ),
    (
        "SGDDT",
        "Sở Giáo dục và Đào tạo Hải Phòng",
        ("Văn phòng Sở Giáo dục và Đào tạo", "Phòng Giáo dục Trung học"),
    ),
    (
        "SVHTT",
        "Sở Văn hóa và Thể thao Hải Phòng",
        ("Văn phòng Sở Văn hóa và Thể thao", "Phòng Quản lý văn hóa"),
    ),
    (
        "STTTT",
        "Sở Thông tin và Truyền thông Hải Phòng",
        ("Văn phòng Sở Thông tin và Truyền thông", "Phòng Bưu chính – Viễn thông"),
    ),
    (
        "BHXH",
        "Bảo hiểm xã hội thành phố Hải Phòng",
        ("Văn phòng Bảo hiểm xã hội thành phố", "Phòng Quản lý thu"),
    ),
    ("NXB", "Nhà xuất bản Hải Phòng", ("Phòng Biên tập", "Phòng Tổng hợp – Phát hành")),
)
AGENCY_HEAD_STAFF = 2
AGENCY_OFFICE_STAFF = 4

# Cụm thi đua các xã thuộc thành phố Thái Nguyên (seed 002), leader 2024 Đồng Liên.
THAI_NGUYEN_COMMUNES: tuple[tuple[str, str, int], ...] = (
    ("DL", "Đồng Liên", 12),
    ("TC", "Tân Cương", 9),
    ("PTR", "Phúc Trìu", 9),
    ("PX", "Phúc Xuân", 9),
    ("PH", "Phúc Hà", 8),
    ("SC", "Sơn Cẩm", 10),
    ("HT", "Huống Thượng", 8),
    ("LS", "Linh Sơn", 9),
    ("TD", "Thịnh Đức", 9),
    ("QTH", "Quyết Thắng", 10),
    ("CN", "Cao Ngạn", 8),
)


def _office_label(name: str) -> str:
    for label in ("Văn phòng", "Thanh tra"):
        if name.startswith(label):
            return label
    return "Phòng"


def _places() -> list[Place]:
    xa, phong = UnitKind.XA, UnitKind.PHONG_BAN
    places = [
        Place("HP", "Thành phố Hải Phòng", UnitKind.TINH, "Thành phố", staff=1, prefix="HP"),
        Place("HP-KA", "Quận Kiến An", UnitKind.HUYEN, "Quận", "HP"),
        Place("HP-KA-VP", "Văn phòng HĐND và UBND quận Kiến An", phong, "Văn phòng", "HP-KA", 6),
        Place("HP-KA-NV", "Phòng Nội vụ quận Kiến An", phong, "Phòng", "HP-KA", 5),
    ]
    for short, name, staff, _, _ in KIEN_AN_WARDS:
        ward = f"HP-KA-{short}"
        prefix = f"KA-{short}"
        places += [
            Place(ward, f"Phường {name}", xa, "Phường", "HP-KA", staff - ONE_STOP_STAFF, prefix),
            Place(
                f"{ward}-MC",
                f"Bộ phận Một cửa phường {name}",
                phong,
                "Bộ phận",
                ward,
                ONE_STOP_STAFF,
                prefix,
            ),
        ]
        places += [
            Place(
                f"{ward}-TDP{n}",
                f"Tổ dân phố số {n}, phường {name}",
                UnitKind.KHAC,
                "Tổ dân phố",
                ward,
            )
            for n in (1, 2)
        ]
    places.append(Place("HP-DS", "Quận Đồ Sơn", UnitKind.HUYEN, "Quận", "HP", 2, "DS"))
    for short, name, staff in DO_SON_WARDS:
        places.append(Place(f"HP-DS-{short}", f"Phường {name}", xa, "Phường", "HP-DS", staff))
    for short, name, staff in DO_SON_OFFICES:
        places.append(Place(f"HP-DS-{short}", name, phong, _office_label(name), "HP-DS", staff))
    for short, name, staff in DO_SON_SCHOOLS:
        places.append(
            Place(f"HP-DS-{short}", name, UnitKind.TRUONG_HOC, "Trường", "HP-DS-GDDT", staff)
        )
    for short, name, offices in CULTURE_BLOCK:
        agency = f"HP-{short}"
        label = "Sở" if name.startswith("Sở") else "Cơ quan"
        places.append(Place(agency, name, UnitKind.SO, label, "HP", AGENCY_HEAD_STAFF, short))
        for n, office in enumerate(offices, start=1):
            places.append(
                Place(
                    f"{agency}-P{n}",
                    office,
                    UnitKind.PHONG_BAN,
                    _office_label(office),
                    agency,
                    AGENCY_OFFICE_STAFF,
                    short,
                )
            )
    places += [
        Place("TN", "Tỉnh Thái Nguyên", UnitKind.TINH, "Tỉnh"),
        Place("TN-TP", "Thành phố Thái Nguyên", UnitKind.HUYEN, "Thành phố", "TN"),
    ]
    for short, name, staff in THAI_NGUYEN_COMMUNES:
        places.append(
            Place(f"TN-TP-{short}", f"Xã {name}", xa, "Xã", "TN-TP", staff, f"TN-{short}")
        )
    places += [
        Place("HN", "Thành phố Hà Nội", UnitKind.TINH, "Thành phố"),
        Place("HN-TH", "Quận Tây Hồ", UnitKind.HUYEN, "Quận", "HN"),
        Place("HN-TH-PT", "Phường Phú Thượng", xa, "Phường", "HN-TH", 18, "TH-PT"),
    ]
    return places


PLACES: tuple[Place, ...] = tuple(_places())
BY_CODE: dict[str, Place] = {p.code: p for p in PLACES}


def prefix_of(place: Place) -> str:
    """Person-code prefix: the place's own, else its code without the city ("DS-NX")."""
    return place.prefix or place.code.split("-", 1)[1]


def build_places(demo: Demo) -> None:
    for place in PLACES:
        demo.units[place.code] = unit_create(
            code=place.code,
            name=place.name,
            kind=place.kind,
            kind_label=place.label,
            parent=demo.units[place.parent] if place.parent else None,
        )
