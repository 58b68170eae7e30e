"""The collectives whose people are assessed together, and the plans the seeds fix.

Seed 000 (cụm thi đua khối phường quận Kiến An, 2023): 1 city flag, 3 Tập thể lao động xuất
sắc, 8 Tập thể lao động tiên tiến, city Bằng khen for 2 collectives and 2 people, district
Giấy khen for 2 collectives and 39 people, 23 Chiến sĩ thi đua cơ sở, 210 Lao động tiên tiến.
Seed 001 (quận Đồ Sơn, 2023): city flag for 4 collectives, 14 Tập thể lao động xuất sắc,
Bằng khen for 8 collectives, 12 people, 2 enterprises and 6 households.
Seed 003 (khối văn hóa – xã hội, 2023): the flag of the leading unit for Sở KH&CN, Bằng khen
for 07 collectives; block leader 2024 Sở GD&ĐT.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from thidua.demo.decisions import BK_TINH, CO_TINH, GIAY_KHEN, TTLDTT, TTLDXS
from thidua.demo.places import (
    CULTURE_BLOCK,
    DO_SON_OFFICES,
    DO_SON_SCHOOLS,
    DO_SON_WARDS,
    KIEN_AN_WARDS,
    THAI_NGUYEN_COMMUNES,
)
from thidua.demo.state import YEARS, Demo
from thidua.orgs.choices import Rating

XS, TOT, HT = Rating.XUAT_SAC, Rating.TOT, Rating.HOAN_THANH
PHU_THUONG_YEARS = tuple(range(2018, 2025))


@dataclass(frozen=True)
class Collective:
    code: str
    members: frozenset[str]
    local: str  # issuer of Lao động tiên tiến, Chiến sĩ thi đua cơ sở, TTLĐTT, Giấy khen
    upper: str  # issuer of Tập thể lao động xuất sắc, Bằng khen, Cờ thi đua
    area: str
    years: tuple[int, ...] = YEARS
    unit_titles: bool = True  # False where TTLĐTT is not given at this level (a Sở)
    # Ratings a later Bằng khen needs (two consecutive years xuất sắc).
    forced: dict[int, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Plan:
    rating: str
    ldtt: int | None = None
    cstdcs: int | None = None
    titles: tuple[str, ...] | None = None
    giay_khen: int | None = None
    canh_cao: bool = False
    exact: bool = False  # the seeds fix every figure: nothing drawn on top
    flag_reason: str = ""


# Collectives that received a Bằng khen in 2023: rated xuất sắc in 2022 as well.
_BK_2023 = {
    "HP-KA-TTN",
    "HP-DS-HS",
    "HP-DS-MD",
    "HP-DS-BL",
    "HP-DS-VP",
    "HP-DS-TCKH",
    "HP-DS-KT",
    "HP-DS-THVH",
    "HP-DS-MNHD",
    *(f"HP-{short}" for short, _, _ in CULTURE_BLOCK if short != "SKHCN"),
}


def _forced(code: str) -> dict[int, str]:
    return {2022: XS} if code in _BK_2023 else {}


def collectives() -> list[Collective]:
    out: list[Collective] = []
    for short, *_ in KIEN_AN_WARDS:
        code = f"HP-KA-{short}"
        out.append(
            Collective(
                code, frozenset({code, f"{code}-MC"}), "KA", "HP", "KA", forced=_forced(code)
            )
        )
    for code in ("HP-KA-VP", "HP-KA-NV"):
        out.append(Collective(code, frozenset({code}), "KA", "HP", "KA"))
    for short, _, _ in (*DO_SON_WARDS, *DO_SON_OFFICES, *DO_SON_SCHOOLS):
        code = f"HP-DS-{short}"
        out.append(Collective(code, frozenset({code}), "DS", "HP", "DS", forced=_forced(code)))
    for short, _, _ in CULTURE_BLOCK:
        code = f"HP-{short}"
        out.append(
            Collective(
                code,
                frozenset({code, f"{code}-P1", f"{code}-P2"}),
                short,
                "HP",
                "VHXH",
                unit_titles=False,
                forced=_forced(code),
            )
        )
    for short, _, _ in THAI_NGUYEN_COMMUNES:
        code = f"TN-TP-{short}"
        out.append(Collective(code, frozenset({code}), "TPTN", "TN", "TPTN"))
    out.append(Collective("HN-TH-PT", frozenset({"HN-TH-PT"}), "TH", "HN", "PT", PHU_THUONG_YEARS))
    return out


_KA_2023: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "NS": (XS, (TTLDTT, TTLDXS, CO_TINH), False),
    "TTN": (XS, (TTLDTT, TTLDXS, BK_TINH), False),
    "VD": (XS, (TTLDTT, TTLDXS), False),
    "BS": (TOT, (TTLDTT,), False),
    "NAS": (TOT, (TTLDTT,), False),
    "QT": (TOT, (TTLDTT,), False),
    "LH": (TOT, (TTLDTT,), False),
    "PL": (TOT, (TTLDTT,), False),
    "DH": (HT, (), False),
    "TM": (TOT, (), True),  # a cảnh cáo in the ward bars the collective title
}
_DS_FLAGS = {"HP-DS-VH", "HP-DS-NX", "HP-DS-GDDT", "HP-DS-THCSNX"}
_DS_TTLDXS = {
    *(f"HP-DS-{s}" for s, _, _ in DO_SON_WARDS),
    *(f"HP-DS-{s}" for s in ("VP", "NV", "TCKH", "KT", "GDDT")),
    *(f"HP-DS-{s}" for s, _, _ in DO_SON_SCHOOLS),
}
CLUSTER_LEADER = "Đơn vị dẫn đầu cụm thi đua khối phường quận Kiến An năm {y}"
BLOCK_LEADER = (
    "Đơn vị dẫn đầu Khối thi đua các cơ quan quản lý nhà nước về Văn hóa – xã hội năm {y}"
)


def fixed_plans() -> dict[tuple[str, int], Plan]:
    plans: dict[tuple[str, int], Plan] = {}
    for short, _, _, ldtt, cstdcs in KIEN_AN_WARDS:
        rating, titles, canh_cao = _KA_2023[short]
        plans[f"HP-KA-{short}", 2023] = Plan(
            rating,
            ldtt,
            cstdcs,
            titles,
            giay_khen=3 if short == "DH" else 4,
            canh_cao=canh_cao,
            exact=True,
            flag_reason=CLUSTER_LEADER,
        )
    plans["HP-KA-TTN", 2024] = Plan(
        XS, titles=(TTLDTT, TTLDXS, CO_TINH), flag_reason=CLUSTER_LEADER
    )
    for short, _, staff in (*DO_SON_WARDS, *DO_SON_OFFICES, *DO_SON_SCHOOLS):
        code = f"HP-DS-{short}"
        if code in _DS_TTLDXS:
            titles = (TTLDTT, TTLDXS)
            titles += (CO_TINH,) if code in _DS_FLAGS else ()
            titles += (BK_TINH,) if code in _BK_2023 else ()
            ldtt = min(staff - 1, -(-staff * 8 // 10))
            plans[code, 2023] = Plan(XS, ldtt=ldtt, titles=titles, exact=True)
        else:
            ldtt = staff // 2 + 1
            plans[code, 2023] = Plan(TOT, ldtt=ldtt, titles=(TTLDTT,), exact=True)
    plans["HP-DS-NX", 2024] = Plan(XS, titles=(TTLDTT, TTLDXS, CO_TINH))
    for short, _, _ in CULTURE_BLOCK:
        code = f"HP-{short}"
        if short == "SKHCN":
            plans[code, 2023] = Plan(
                XS, ldtt=9, titles=(CO_TINH,), exact=True, flag_reason=BLOCK_LEADER
            )
        else:
            plans[code, 2023] = Plan(XS, titles=(BK_TINH,), exact=True)
    plans["HP-SGDDT", 2024] = Plan(XS, ldtt=9, titles=(TTLDXS, CO_TINH), flag_reason=BLOCK_LEADER)
    plans["TN-TP-DL", 2023] = Plan(XS, ldtt=10, titles=(TTLDTT, TTLDXS))
    plans["TN-TP-DL", 2024] = Plan(XS, ldtt=10, titles=(TTLDTT, TTLDXS))
    plans["HN-TH-PT", 2018] = Plan(XS, ldtt=15, titles=(TTLDTT, TTLDXS))
    return plans


# Collectives outside the planning above that the seeds' figures name (Kiến An 2023).
SUBUNIT_GRANTS: tuple[tuple[str, int, str], ...] = (
    ("HP-KA-QT-MC", 2023, BK_TINH),
    ("HP-KA-NS-MC", 2023, GIAY_KHEN),
    ("HP-KA-LH-TDP1", 2023, GIAY_KHEN),
)
SUBUNIT_FORCED = {("HP-KA-QT-MC", 2022): XS, ("HP-KA-QT-MC", 2023): XS}


def designations(demo: Demo) -> dict[tuple[str, int], set[str]]:
    """People whose record the seeds or the law's chains require, by (person code, year):
    ``cstdcs`` (Chiến sĩ thi đua cơ sở), ``xs`` (rated xuất sắc with an initiative), ``bk``
    (Bằng khen of the city), ``cstd_tinh`` (Chiến sĩ thi đua of the city)."""
    tags: dict[tuple[str, int], set[str]] = {}

    def tag(code: str, years: range | tuple[int, ...], *what: str) -> None:
        for year in years:
            tags.setdefault((code, year), set()).update(what)

    hinh = demo.named("Nguyễn Văn Hinh").code
    tag(hinh, range(2021, 2024), "cstdcs")
    tag(hinh, (2023,), "bk")
    tag(demo.named("Cao Nguyễn Bình").code, range(2022, 2025), "cstdcs")
    vice = next(
        s
        for s in demo.staff
        if s.stints[0][0] == "HP-KA-VD" and s.person.position.startswith("Phó Chủ tịch")
    )
    tag(vice.code, (2022, 2023), "cstdcs")
    tag(vice.code, (2023,), "bk")
    loi = demo.named("Đỗ Văn Lợi").code
    tag(loi, range(2022, 2025), "cstdcs")
    tag(loi, (2024,), "cstd_tinh")
    tag(demo.named("Tạ Văn Phin").code, (2023, 2024), "cstdcs")
    # Đồ Sơn 2023: Bằng khen to 12 people, each xuất sắc in 2022 and 2023 with an initiative
    # each year (two years xuất sắc and two initiatives: the Bằng khen's chain).
    do_son = [f"HP-DS-{s}" for s, _, _ in (*DO_SON_WARDS, *DO_SON_OFFICES, *DO_SON_SCHOOLS)]
    for unit_code in sorted(demo.rng.sample(do_son, 12)):
        stable = [
            s
            for s in demo.staff
            if s.unit_in(2022) == unit_code
            and s.unit_in(2024) == unit_code
            and s.joined.year < 2021
            and not s.leader
        ]
        chosen = demo.rng.choice(stable)
        tag(chosen.code, (2022, 2023), "xs")
        tag(chosen.code, (2023,), "bk")
    return tags
