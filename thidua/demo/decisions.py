"""Who decides what, and turning the planned grants into issued decisions.

Each grant goes into a draft decision of its issuing body (one per body, year, award and, for
the city's decisions, proposing area); the decision is then issued, which locks its records.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from thidua.awards.services import decision_create, decision_issue, recorded_award_add
from thidua.demo.state import Demo
from thidua.orgs.models import Enterprise, Household, Person, Unit

Subject = Person | Unit | Household | Enterprise

LDTT = "lao_dong_tien_tien"
CSTDCS = "chien_si_thi_dua_co_so"
CSTD_TINH = "chien_si_thi_dua_tinh"
TTLDTT = "tap_the_lao_dong_tien_tien"
TTLDXS = "tap_the_lao_dong_xuat_sac"
CO_TINH = "co_thi_dua_tinh"
BK_TINH = "bang_khen_tinh"
GIAY_KHEN = "giay_khen"
GDVH = "gia_dinh_van_hoa"


@dataclass(frozen=True)
class Issuer:
    body: str
    unit: str
    symbol: str  # "QĐ-UBND"
    signer: str
    signer_title: str
    province: bool = False  # a province or city directly under the centre


@dataclass(frozen=True)
class Grant:
    code: str
    year: int
    subject: Subject
    unit: str  # code of the recipient's unit at the time
    issuer: str
    area: str = ""  # groups the city's decisions by the proposing district or block
    achievement: str = ""


def build_issuers(demo: Demo) -> dict[str, Issuer]:
    """The bodies that decide: named signers where the seeds give them, plausible ones else."""

    def invented() -> str:
        return demo.names.make("nam").full_name

    def head_of(unit_code: str) -> tuple[str, str]:
        for s in demo.staff:
            if s.stints[0][0] == unit_code and s.leader:
                return s.person.full_name, s.person.position
        raise KeyError(unit_code)  # pragma: no cover - every deciding unit has a head

    issuers = {
        "HP": Issuer(
            "UBND thành phố Hải Phòng",
            "HP",
            "QĐ-UBND",
            "Hoàng Minh Cường",
            "KT. Chủ tịch – Phó Chủ tịch UBND thành phố",
            province=True,
        ),
        "KA": Issuer("UBND quận Kiến An", "HP-KA", "QĐ-UBND", invented(), "Chủ tịch UBND quận"),
        "DS": Issuer(
            "UBND quận Đồ Sơn", "HP-DS", "QĐ-UBND", "Trần Khắc Kiên", "Chủ tịch UBND quận"
        ),
        "TN": Issuer(
            "UBND tỉnh Thái Nguyên",
            "TN",
            "QĐ-UBND",
            invented(),
            "KT. Chủ tịch – Phó Chủ tịch UBND tỉnh",
            province=True,
        ),
        "TPTN": Issuer(
            "UBND thành phố Thái Nguyên", "TN-TP", "QĐ-UBND", invented(), "Chủ tịch UBND thành phố"
        ),
        "HN": Issuer(
            "UBND thành phố Hà Nội",
            "HN",
            "QĐ-UBND",
            invented(),
            "KT. Chủ tịch – Phó Chủ tịch UBND thành phố",
            province=True,
        ),
        "TH": Issuer("UBND quận Tây Hồ", "HN-TH", "QĐ-UBND", invented(), "Chủ tịch UBND quận"),
    }
    agencies = {
        "SKHCN": "QĐ-SKHCN",
        "SYT": "QĐ-SYT",
        "SLDTBXH": "QĐ-SLĐTBXH",
        "SGDDT": "QĐ-SGDĐT",
        "SVHTT": "QĐ-SVHTT",
        "STTTT": "QĐ-STTTT",
        "BHXH": "QĐ-BHXH",
        "NXB": "QĐ-NXB",
    }
    for short, symbol in agencies.items():
        code = f"HP-{short}"
        name, post = head_of(code)
        issuers[short] = Issuer(demo.unit(code).name, code, symbol, name, post)
    for code, unit in demo.units.items():
        if unit.kind == "xa":
            name, post = head_of(code)
            body = f"UBND {unit.name[:1].lower()}{unit.name[1:]}"
            issuers[code] = Issuer(body, code, "QĐ-UBND", name, post)
    return issuers


_AWARD_TITLES = {
    LDTT: "Về việc công nhận danh hiệu “Lao động tiên tiến” năm {y}",
    CSTDCS: "Về việc công nhận danh hiệu “Chiến sĩ thi đua cơ sở” năm {y}",
    CSTD_TINH: "Về việc tặng danh hiệu “Chiến sĩ thi đua {p}” năm {y}",
    TTLDTT: "Về việc công nhận danh hiệu “Tập thể lao động tiên tiến” năm {y}",
    TTLDXS: "Về việc tặng danh hiệu “Tập thể lao động xuất sắc” năm {y}",
    CO_TINH: "Về việc tặng Cờ thi đua của Ủy ban nhân dân {p} năm {y}",
    BK_TINH: "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân {p}",
    GIAY_KHEN: "Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc năm {y}",
    GDVH: "Về việc công nhận danh hiệu “Gia đình văn hóa” năm {y}",
}
_AREA_NAMES = {
    "KA": "quận Kiến An",
    "DS": "quận Đồ Sơn",
    "VHXH": "Khối thi đua các cơ quan quản lý nhà nước về Văn hóa – xã hội",
    "TPTN": "thành phố Thái Nguyên",
    "PT": "quận Tây Hồ",
}
# Decisions the seeds date by their ceremonies: the city's 2023 decisions came before the
# Đồ Sơn conference (19/01/2024), the block's (26/01/2024) and the Kiến An cluster's
# (28/02/2024); Phú Thượng's Giấy khen before its conference of 26/01/2019.
_FIXED_DATES = {
    ("HP", 2023, "DS"): date(2024, 1, 10),
    ("HP", 2023, "VHXH"): date(2024, 1, 19),
    ("HP", 2023, "KA"): date(2024, 2, 6),
    ("KA", 2023, ""): date(2024, 1, 16),
    ("HN-TH-PT", 2018, ""): date(2019, 1, 22),
}


def _decision_date(rng: random.Random, issuer_key: str, year: int, area: str) -> date:
    fixed = _FIXED_DATES.get((issuer_key, year, area))
    if fixed:
        return fixed
    day = date(year + 1, 1, rng.randint(5, 24))
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _title(code: str, year: int, issuer: Issuer, area: str) -> str:
    province = "tỉnh" if issuer.body.startswith("UBND tỉnh") else "thành phố"
    title = _AWARD_TITLES[code].format(y=year, p=province)
    if code == CO_TINH and area == "VHXH":
        title = f"Về việc tặng Cờ “Đơn vị dẫn đầu khối thi đua” năm {year}"
    if issuer.province and area in _AREA_NAMES:
        title += f" cho các tập thể, cá nhân thuộc {_AREA_NAMES[area]}"
    return title


def issue_grants(demo: Demo, issuers: dict[str, Issuer], grants: list[Grant]) -> int:
    """Create one draft decision per group of grants, add the records, issue it."""
    groups: dict[tuple[str, int, str, str], list[Grant]] = defaultdict(list)
    for grant in grants:
        area = grant.area if issuers[grant.issuer].province else ""
        groups[grant.issuer, grant.year, grant.code, area].append(grant)
    used: dict[str, set[int]] = defaultdict(set)
    dates: dict[tuple[str, int, str], date] = {}
    count = 0
    for (issuer_key, year, code, area), items in sorted(groups.items(), key=_group_order):
        issuer = issuers[issuer_key]
        when = dates.setdefault(
            (issuer_key, year, area), _decision_date(demo.rng, issuer_key, year, area)
        )
        number = _number(demo.rng, used[issuer.body], issuer)
        decision = decision_create(
            number=f"{number}/{issuer.symbol}",
            decision_date=when,
            issuing_body=issuer.body,
            issuing_unit=demo.unit(issuer.unit),
            signer_name=issuer.signer,
            signer_title=issuer.signer_title,
            title=_title(code, year, issuer, area),
            is_legacy=True,
        )
        for grant in items:
            recorded_award_add(
                decision=decision,
                code=grant.code,
                year=grant.year,
                subject=grant.subject,
                unit=demo.unit(grant.unit),
                achievement=grant.achievement,
            )
            count += 1
        decision_issue(decision=decision)
    return count


def _group_order(item: tuple[tuple[str, int, str, str], list[Grant]]) -> tuple[int, str, str, str]:
    (issuer, year, code, area), _ = item
    return (year, issuer, area, code)


def _number(rng: random.Random, used: set[int], issuer: Issuer) -> int:
    low, high = (60, 480) if issuer.province else (8, 260)
    while True:
        n = rng.randint(low, high)
        if n not in used:
            used.add(n)
            return n
