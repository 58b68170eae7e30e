"""The body a unit's documents speak for, and how its papers name and sign for it.

A province, district or commune acts through its People's Committee (Điều 8 Luật Tổ chức chính
quyền địa phương 2015, as amended 2025): its papers are headed "Ủy ban nhân dân / phường Lãm
Hà", never by the place's own name, and carry no line of a body above it; an agency or a
school writes under its own name, its parent body on the line above (Nghị định 30/2020/NĐ-CP,
Phụ lục I, mục II.3: the parent's name may shorten "Ủy ban nhân dân" to "UBND").
"""

from __future__ import annotations

from dataclasses import dataclass

# Unit kinds (``orgs.UnitKind`` values) that are local governments.
LOCAL_GOVERNMENT_KINDS = frozenset({"tinh", "huyen", "xa"})
PEOPLES_COMMITTEE = "Ủy ban nhân dân"
PEOPLES_COMMITTEE_SHORT = "UBND"
# Words of a name that say what a place is; a place name is never split after one of them.
PLACE_WORDS = ("Thành phố", "Tỉnh", "Quận", "Huyện", "Thị xã", "Phường", "Xã", "Thị trấn")
# The longest line, in letters, that the issuing body's column (6.5 cm at 13 pt, bold
# capitals) holds without wrapping; measured in the layout test.
HEADER_LINE_CHARS = 24
# Words left out of a body's ký hiệu ("Sở Giáo dục và Đào tạo" → "SGDĐT", ND 30 Phụ lục I).
_SYMBOL_SKIP = frozenset({"và", "của"})
# Who heads a body of each kind, as its decisions sign ("Giám đốc", "KT. Giám đốc").
_HEADS = {
    "tinh": "Chủ tịch",
    "huyen": "Chủ tịch",
    "xa": "Chủ tịch",
    "bo": "Bộ trưởng",
    "so": "Giám đốc",
    "truong_hoc": "Hiệu trưởng",
    "doanh_nghiep": "Giám đốc",
}


@dataclass(frozen=True, slots=True)
class Body:
    """A unit as its documents see it: its name, its kind (``orgs.UnitKind`` value), the body
    above it, and the ký hiệu it has set for itself, if any."""

    name: str
    kind: str
    parent: Body | None = None
    symbol: str = ""

    @property
    def is_local_government(self) -> bool:
        return self.kind in LOCAL_GOVERNMENT_KINDS


def lower_first(text: str) -> str:
    return f"{text[:1].lower()}{text[1:]}"


def peoples_committee(place: str) -> str:
    """ "Phường Lãm Hà" → "Ủy ban nhân dân phường Lãm Hà"."""
    return f"{PEOPLES_COMMITTEE} {lower_first(place)}"


def body_of(name: str, kind: str) -> str:
    """The name a unit's documents are issued under."""
    return peoples_committee(name) if kind in LOCAL_GOVERNMENT_KINDS else name


def issuer_name(body: Body) -> str:
    return body_of(body.name, body.kind)


def _place_start(words: list[str]) -> int:
    """Where the place name starts among ``words`` (``len(words)`` when there is none)."""
    for i in range(len(words)):
        for kind in PLACE_WORDS:
            size = len(kind.split())
            if " ".join(words[i : i + size]).lower() == kind.lower():
                return i
    return len(words)


def _even_split(chunks: list[str], lines: int) -> tuple[int, tuple[str, ...]]:
    """``chunks`` on ``lines`` lines with the longest line as short as possible."""
    if lines == 1:
        text = " ".join(chunks)
        return len(text), (text,)
    best: tuple[int, tuple[str, ...]] | None = None
    for cut in range(1, len(chunks) - lines + 2):
        head = " ".join(chunks[:cut])
        longest, rest = _even_split(chunks[cut:], lines - 1)
        candidate = (max(len(head), longest), (head, *rest))
        if best is None or candidate[0] < best[0]:
            best = candidate
    assert best is not None
    return best


def name_lines(name: str, *, width: int = HEADER_LINE_CHARS) -> tuple[str, ...]:
    """A body's name in capitals, on as few lines of at most ``width`` letters as it takes,
    broken between words where the lines come out most even and never inside a place name
    ("QUẬN KIẾN AN" stays whole): the letterhead never wraps a name by itself."""
    words = name.upper().split()
    place = _place_start(words)
    chunks = [*words[:place], " ".join(words[place:])] if place < len(words) else words
    # A dash joins two names ("THI ĐUA – KHEN THƯỞNG"): it ends its line, never starts one.
    for i in range(len(chunks) - 1, 0, -1):
        if chunks[i] in {"–", "-"}:
            chunks[i - 1 : i + 1] = [f"{chunks[i - 1]} {chunks[i]}"]
    if len(" ".join(chunks)) > width:
        dashed = next((i for i, c in enumerate(chunks[:-1]) if c.endswith(("–", "-"))), None)
        if dashed is not None:
            head, tail = " ".join(chunks[: dashed + 1]), " ".join(chunks[dashed + 1 :])
            return (*name_lines(head, width=width), *name_lines(tail, width=width))
    for lines in range(1, len(chunks) + 1):
        longest, split = _even_split(chunks, lines)
        if longest <= width:
            return split
    return tuple(chunks)


def issuer_lines(body: Body) -> tuple[str, ...]:
    """ "ỦY BAN NHÂN DÂN", "PHƯỜNG LÃM HÀ"; an agency's own name, wrapped."""
    if body.is_local_government:
        return (PEOPLES_COMMITTEE.upper(), *name_lines(body.name))
    return name_lines(body.name)


def body_from_name(issuing_body: str) -> Body:
    """A body known only by the name a decision recorded from elsewhere gives: "UBND quận
    Kiến An" is a People's Committee (of which level does not change its papers)."""
    for prefix in (PEOPLES_COMMITTEE, PEOPLES_COMMITTEE_SHORT):
        if issuing_body.lower().startswith(prefix.lower() + " "):
            place = issuing_body[len(prefix) + 1 :].strip()
            return Body(place[:1].upper() + place[1:], "huyen")
    return Body(issuing_body.strip(), "khac")


def issuer_lines_of(issuing_body: str) -> tuple[str, ...]:
    """The lines of a body known only by its name (a decision recorded from elsewhere):
    "Ủy ban nhân dân quận Kiến An" or "UBND quận Kiến An" → "ỦY BAN NHÂN DÂN", "QUẬN KIẾN
    AN"."""
    for prefix in (PEOPLES_COMMITTEE, PEOPLES_COMMITTEE_SHORT):
        if issuing_body.lower().startswith(prefix.lower() + " "):
            return (PEOPLES_COMMITTEE.upper(), *name_lines(issuing_body[len(prefix) + 1 :]))
    return name_lines(issuing_body)


def short_committee(name: str) -> str:
    """A parent body's line shortens "Ủy ban nhân dân" (ND 30 Phụ lục I, mục II.3)."""
    if name.lower().startswith(PEOPLES_COMMITTEE.lower() + " "):
        return f"{PEOPLES_COMMITTEE_SHORT} {name[len(PEOPLES_COMMITTEE) + 1 :]}"
    return name


def parent_name(body: Body) -> str:
    """The name of the body above an agency or a school, as its letterhead writes it; a
    People's Committee has none."""
    if body.is_local_government or body.parent is None:
        return ""
    return issuer_name(body.parent)


def parent_lines(body: Body) -> tuple[str, ...]:
    """The line of the body above, for an agency or school: "UBND THÀNH PHỐ HẢI PHÒNG",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO". A People's Committee has none."""
    parent = parent_name(body)
    return name_lines(short_committee(parent)) if parent else ()


def symbol_of(body: Body) -> str:
    """The body's part of a số ký hiệu: "UBND" for a People's Committee, the initials of an
    agency's name ("Sở Giáo dục và Đào tạo" → "SGDĐT"), or what the unit has set."""
    if body.symbol:
        return body.symbol
    if body.is_local_government:
        return PEOPLES_COMMITTEE_SHORT
    words = body.name.split()[: _place_start(body.name.split())] or body.name.split()
    return "".join(w[0].upper() for w in words if w.lower() not in _SYMBOL_SKIP)


def document_symbol(kind: str, body: Body) -> str:
    """ "TTr-UBND", "QĐ-SGDĐT": the kind's abbreviation, then the body's."""
    return f"{kind}-{symbol_of(body)}"


def head_title(body: Body) -> str:
    """ "Chủ tịch", "Giám đốc", "Hiệu trưởng"; "Trưởng phòng" for a "Phòng …"; else
    "Thủ trưởng"."""
    if body.kind in _HEADS:
        return _HEADS[body.kind]
    if body.name.lower().startswith("phòng "):
        return "Trưởng phòng"
    return "Thủ trưởng"


def head_of(body: Body) -> str:
    """ "Chủ tịch Ủy ban nhân dân quận Kiến An", "Giám đốc Sở Giáo dục và Đào tạo"."""
    title = head_title(body)
    if body.kind in _HEADS or title == "Thủ trưởng":
        return f"{title} {issuer_name(body)}"
    return f"{title} {lower_first(body.name)[len('phòng ') :]}".strip()


_ROLE_WORDS = frozenset(
    {"phó", "chủ", "tịch", "giám", "đốc", "hiệu", "trưởng", "bộ", "phòng", "thủ", "tổng"}
)


def signer_role(signer_title: str) -> str:
    """The signer's own post from what was typed: "KT. Chủ tịch – Phó Chủ tịch UBND thành
    phố" → "Phó Chủ tịch"; "Chủ tịch UBND quận" → "Chủ tịch" (a decision recorded from
    elsewhere wrote the block on one line)."""
    last = signer_title.replace("–", "-").split(" - ")[-1].strip()
    words = [w for w in last.split() if w.rstrip(".").upper() not in {"KT", "TM", "Q"}]
    role: list[str] = []
    for word in words:
        if word.lower() not in _ROLE_WORDS:
            break
        role.append(word)
    return " ".join(role) or last


def is_deputy(signer_title: str) -> bool:
    return signer_role(signer_title).lower().startswith("phó")


def signature_lines(body: Body, *, signer_title: str, on_behalf: bool) -> tuple[str, ...]:
    """The lines above the signature (Nghị định 30/2020/NĐ-CP, Điều 13 and Phụ lục I mục
    II.9): the head signs "CHỦ TỊCH", a deputy "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH"; a paper of
    a People's Committee as a collective (a tờ trình) opens with "TM. ỦY BAN NHÂN DÂN". A
    decision on an award is the head's own power (Điều 80 Luật Thi đua, khen thưởng 2022):
    ``on_behalf`` False."""
    head = head_title(body)
    lines = [f"TM. {PEOPLES_COMMITTEE}"] if on_behalf and body.is_local_government else []
    if is_deputy(signer_title):
        lines += [f"KT. {head}", f"Phó {lower_first(head)}"]
    else:
        lines.append(head)
    return tuple(line.upper() for line in lines)
