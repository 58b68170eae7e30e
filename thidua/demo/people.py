"""People of the demo units: the seeds' named officials, plausible staff around them, a few who
move between units, and the households and enterprises attached to the places."""

from __future__ import annotations

from datetime import date

from thidua.demo.places import PLACES, Place, prefix_of
from thidua.demo.state import Demo, Staffer
from thidua.orgs.choices import UnitKind
from thidua.orgs.models import Enterprise, Household
from thidua.orgs.services import person_create, person_move, unit_signers_set

# The people the seeds name: unit, slot among the unit's posts (see ``_posts``), post.
NAMED: tuple[tuple[str, str, int, str], ...] = (
    ("Nguyễn Văn Hinh", "HP-KA-NS", 0, "Chủ tịch UBND phường"),
    ("Cao Nguyễn Bình", "HP-KA-TTN", 0, "Chủ tịch UBND phường"),
    ("Tạ Văn Phin", "TN-TP-DL", 0, "Phó Bí thư Đảng ủy, Chủ tịch UBND xã"),
    ("Nguyễn Văn Tư", "TN-TP-DL", 3, "Bí thư Đảng ủy, Chủ tịch HĐND xã"),
    ("Phạm Tiến Quyết", "TN-TP-DL", 4, "Phó Bí thư Thường trực Đảng ủy xã"),
    ("Nguyễn Văn Quân", "TN-TP-DL", 7, "Công chức Văn phòng – Thống kê"),
    ("Đỗ Văn Lợi", "HP-SGDDT", 1, "Phó Giám đốc Sở"),
    ("Hoàng Minh Cường", "HP", 0, "Phó Chủ tịch UBND thành phố"),
    ("Trần Khắc Kiên", "HP-DS", 0, "Chủ tịch UBND quận"),
    ("Bùi Hùng Thiện", "HP-DS", 1, "Bí thư Quận ủy"),
)

_COMMUNE_POSTS = (
    "Chủ tịch UBND {x}",
    "Phó Chủ tịch UBND {x}",
    "Phó Chủ tịch UBND {x}",
    "Bí thư Đảng ủy {x}",
    "Phó Bí thư Thường trực Đảng ủy",
    "Chủ tịch Ủy ban MTTQ Việt Nam {x}",
    "Chỉ huy trưởng Ban Chỉ huy Quân sự {x}",
    "Công chức Văn phòng – Thống kê",
    "Công chức Tư pháp – Hộ tịch",
    "Công chức Địa chính – Xây dựng – Đô thị và Môi trường",
    "Công chức Tài chính – Kế toán",
    "Công chức Văn hóa – Xã hội",
    "Công chức Văn phòng – Thống kê",
    "Công chức Tư pháp – Hộ tịch",
    "Công chức Địa chính – Xây dựng – Đô thị và Môi trường",
    "Công chức Văn hóa – Xã hội",
    "Bí thư Đoàn TNCS Hồ Chí Minh {x}",
    "Chủ tịch Hội Liên hiệp Phụ nữ {x}",
    "Chủ tịch Hội Cựu chiến binh {x}",
)
_FILLER: dict[str, str] = {
    UnitKind.XA: "Người hoạt động không chuyên trách",
    UnitKind.PHONG_BAN: "Chuyên viên",
    UnitKind.TRUONG_HOC: "Giáo viên",
    UnitKind.SO: "Chuyên viên",
}

# (unit the person starts in, unit moved to, date): rotations of officials.
MOVES: tuple[tuple[str, str, date], ...] = (
    ("HP-KA-VD", "HP-KA-NS", date(2022, 8, 1)),
    ("HP-DS-NV", "HP-KA-NV", date(2022, 1, 1)),
    ("HP-KA-QT", "HP-SLDTBXH-P2", date(2024, 4, 1)),
    ("HP-SGDDT-P2", "HP-SGDDT-P1", date(2023, 3, 1)),
    ("TN-TP-PX", "TN-TP-DL", date(2022, 9, 1)),
    ("HP-DS-VH", "HP-DS-VHTT", date(2024, 2, 1)),
)
# Recruits of 2023 (counted at the year end but short of service) and of 2024.
RECRUITS: tuple[tuple[str, date], ...] = (
    ("HP-KA-NS-MC", date(2023, 8, 1)),
    ("HP-KA-LH-MC", date(2023, 9, 15)),
    ("HP-KA-PL", date(2023, 6, 1)),
    ("HP-DS-THVH", date(2023, 9, 1)),
    ("HP-KA-TTN", date(2024, 3, 1)),
    ("HP-KA-DH", date(2024, 7, 1)),
    ("TN-TP-DL", date(2024, 5, 1)),
    ("HN-TH-PT", date(2024, 2, 1)),
)
ROSTER_YEAR_END = date(2023, 12, 31)


def _posts(place: Place) -> list[str]:
    if place.kind == UnitKind.XA:
        where = place.label.lower()
        return [p.format(x=where) for p in _COMMUNE_POSTS]
    if place.code.endswith("-MC"):
        return ["Phụ trách Bộ phận Một cửa"]
    if place.kind == UnitKind.TRUONG_HOC:
        return ["Hiệu trưởng", "Phó Hiệu trưởng", "Phó Hiệu trưởng", "Kế toán"]
    if place.kind == UnitKind.SO:
        head = "Giám đốc" if place.label == "Cơ quan" else "Giám đốc Sở"
        return [head, f"Phó {head}"]
    if place.label == "Văn phòng":
        return ["Chánh Văn phòng", "Phó Chánh Văn phòng"]
    if place.label == "Thanh":
        return ["Chánh Thanh tra", "Phó Chánh Thanh tra", "Thanh tra viên"]
    if place.code == "HP-KA-NV":
        return ["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên phụ trách thi đua – khen thưởng"]
    return ["Trưởng phòng", "Phó Trưởng phòng"]


# Post → (share of men, earliest and latest year of birth) where the post makes it likely.
_PROFILES: tuple[tuple[str, float, int, int], ...] = (
    ("Chỉ huy trưởng", 1.0, 1972, 1990),
    ("Cựu chiến binh", 1.0, 1960, 1968),
    ("Phụ nữ", 0.0, 1970, 1988),
    ("Đoàn TNCS", 0.5, 1990, 1998),
    ("Mầm non", 0.05, 1975, 1998),
    ("Chủ tịch", 0.75, 1966, 1982),
    ("Bí thư", 0.75, 1966, 1982),
    ("Giám đốc", 0.7, 1966, 1980),
    ("Trưởng", 0.6, 1968, 1985),
    ("Chánh", 0.6, 1968, 1985),
    ("Hiệu trưởng", 0.5, 1968, 1985),
)


def _profile(position: str, unit_name: str) -> tuple[float, int, int]:
    for word, men, earliest, latest in _PROFILES:
        if word in position or (word == "Mầm non" and word in unit_name):
            return men, earliest, latest
    return 0.45, 1966, 1996


def _birth(demo: Demo, earliest: int, latest: int) -> date:
    return date(
        demo.rng.randint(earliest, latest), demo.rng.randint(1, 12), demo.rng.randint(1, 28)
    )


def _start(demo: Demo) -> date:
    return date(demo.rng.randint(2004, 2020), demo.rng.randint(1, 12), 1)


def _add(
    demo: Demo,
    *,
    place: Place,
    unit_code: str,
    position: str,
    start: date,
    full_name: str = "",
    gender: str = "",
    young: bool = False,
    leader: bool = False,
) -> Staffer:
    men, earliest, latest = _profile(position, place.name)
    if young:
        earliest, latest = 1995, 2001
    if full_name:
        demo.names.taken.add(full_name)
    else:
        name = demo.names.make("nam" if demo.rng.random() < men else "nu")
        full_name, gender = name.full_name, name.gender
    birth = _birth(demo, earliest, latest)
    if not young and start.year < birth.year + 22:
        start = date(min(birth.year + 22, 2020), start.month, 1)
    person = person_create(
        code=demo.next_code(prefix_of(place)),
        full_name=full_name,
        unit=demo.unit(unit_code),
        position=position,
        birth_date=birth,
        gender=gender or "nam",
        start=start,
    )
    staffer = Staffer(person=person, stints=[(unit_code, start)], leader=leader)
    demo.staff.append(staffer)
    demo.people[person.code] = staffer
    return staffer


def _move(demo: Demo, staffer: Staffer, to_code: str, on: date, position: str) -> None:
    person_move(person=staffer.person, unit=demo.unit(to_code), start=on, position=position)
    staffer.stints.append((to_code, on))


def build_people(demo: Demo) -> None:
    named = {(unit, slot): (name, post) for name, unit, slot, post in NAMED}
    arriving = {to: (frm, on) for frm, to, on in MOVES if on <= ROSTER_YEAR_END}
    leaving = {frm: (to, on) for frm, to, on in MOVES if on > ROSTER_YEAR_END}
    recruits = {code: on for code, on in RECRUITS if on <= ROSTER_YEAR_END}
    by_code = {p.code: p for p in PLACES}
    for place in PLACES:
        posts = _posts(place)
        filler = _FILLER.get(place.kind, "Chuyên viên")
        for slot in range(place.staff):
            post = posts[slot] if slot < len(posts) else filler
            last = slot == place.staff - 1 and slot > 0
            if (place.code, slot) in named:
                full_name, post = named[place.code, slot]
                _add(
                    demo,
                    place=place,
                    unit_code=place.code,
                    position=post,
                    start=_start(demo),
                    full_name=full_name,
                    gender="nam",
                    leader=True,
                )
            elif last and place.code in arriving:
                frm, on = arriving[place.code]
                staffer = _add(
                    demo, place=by_code[frm], unit_code=frm, position=filler, start=_start(demo)
                )
                _move(demo, staffer, place.code, on, post)
            elif last and place.code in recruits:
                _add(
                    demo,
                    place=place,
                    unit_code=place.code,
                    position=filler,
                    start=recruits[place.code],
                    young=True,
                )
            else:
                staffer = _add(
                    demo,
                    place=place,
                    unit_code=place.code,
                    position=post,
                    start=_start(demo),
                    leader=slot == 0,
                )
                if last and place.code in leaving:
                    to, on = leaving[place.code]
                    _move(demo, staffer, to, on, "Chuyên viên")
    for code, on in RECRUITS:
        if on > ROSTER_YEAR_END:
            place = by_code[code]
            _add(
                demo,
                place=place,
                unit_code=code,
                position=_FILLER.get(place.kind, "Chuyên viên"),
                start=on,
                young=True,
            )
    build_households(demo)
    build_enterprises(demo)
    _signers(demo)


# The posts whose holder signs a unit's papers: the head, or the deputy who signs for them.
_HEAD_POSTS = ("Chủ tịch", "Giám đốc", "Hiệu trưởng", "Trưởng phòng")


def _signers(demo: Demo) -> None:
    """Each unit's signers from its staff, as its settings would hold them."""
    heads: dict[str, dict[str, str]] = {}
    for staffer in demo.staff:
        code, position = staffer.stints[0][0], staffer.person.position
        names = heads.setdefault(code, {})
        if position.startswith(_HEAD_POSTS):
            names.setdefault("head_name", staffer.person.full_name)
        elif position.startswith(tuple(f"Phó {p}" for p in _HEAD_POSTS)):
            names.setdefault("deputy_name", staffer.person.full_name)
    for code, names in heads.items():
        if names:
            unit_signers_set(unit=demo.units[code], **names)


def _household_places() -> list[tuple[str, int, str]]:
    """(unit code, number of households, address) of the places that keep households."""
    out: list[tuple[str, int, str]] = []
    for place in PLACES:
        if place.label == "Tổ dân phố":
            out.append((place.code, 2, f"{place.name}, quận Kiến An"))
        elif place.code.startswith("HP-DS-") and place.kind == UnitKind.XA:
            out.append((place.code, 4, f"{place.name}, quận Đồ Sơn"))
        elif place.code in ("HN-TH-PT", "TN-TP-DL", "TN-TP-TC"):
            city = "quận Tây Hồ, Hà Nội" if place.code.startswith("HN") else "thành phố Thái Nguyên"
            out.append((place.code, 6, f"{place.name}, {city}"))
    return out


def build_households(demo: Demo) -> None:
    rows: list[Household] = []
    for unit_code, count, address in _household_places():
        prefix = "HO-" + unit_code.split("-", 1)[1]
        for n in range(1, count + 1):
            head = demo.names.make("nam" if demo.rng.random() < 0.7 else "nu")
            rows.append(
                Household(
                    code=f"{prefix}-{n:03d}",
                    name=head.full_name,
                    unit=demo.unit(unit_code),
                    address=f"Số {demo.rng.randint(2, 180)}, {address}",
                )
            )
    for row in rows:
        row.full_clean()
        row.save()


ENTERPRISES: tuple[tuple[str, str, str, str], ...] = (
    ("DN-DS-01", "Công ty TNHH Dịch vụ Du lịch Vạn Hương", "HP-DS-VH", "0201"),
    ("DN-DS-02", "Công ty Cổ phần Chế biến Hải sản Ngọc Xuyên", "HP-DS-NX", "0200"),
    ("DN-DS-03", "Hợp tác xã Dịch vụ Nông nghiệp Bàng La", "HP-DS-BL", "0202"),
    ("DN-KA-01", "Công ty TNHH Cơ khí Chính xác Quán Trữ", "HP-KA-QT", "0201"),
    ("DN-KA-02", "Công ty Cổ phần May mặc Lãm Hà", "HP-KA-LH", "0200"),
    ("DN-TN-01", "Hợp tác xã Chè Tân Cương", "TN-TP-TC", "4600"),
)


def build_enterprises(demo: Demo) -> None:
    for code, name, unit_code, tax in ENTERPRISES:
        enterprise = Enterprise(
            code=code,
            name=name,
            unit=demo.unit(unit_code),
            tax_code=f"{tax}{demo.rng.randint(100000, 999999)}",
        )
        enterprise.full_clean()
        enterprise.save()
