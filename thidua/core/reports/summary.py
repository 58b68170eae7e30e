"""The annual summary paragraph ("Năm 2023, cụm thi đua khối phường có …").

Counts of titles and awards go in, one Vietnamese sentence in the style of the conference
reports (``shared/seeds/000``) comes out: grouped as the seeds group them (titles of
collectives, forms of commendation, titles of individuals; see ``sentence_section``) and the
largest honour first within each group, counts of zero left out, several kinds of recipient
of one honour joined ("2 tập thể và 2 cá nhân"), titles as ``đạt danh hiệu “…”``, forms and
flags as ``được tặng …`` with the issuing body named as the seeds name it ("Bằng khen của UBND
thành phố", "Giấy khen của UBND quận").

Pure: the counting lives in ``thidua.reports.selectors``; the web page, the exports and the
command all build their text here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from thidua.core.catalog import BY_CODE, PRECEDENCE, RECIPIENT_LABELS, Kind, Recipient

ScopeKind = Literal["unit", "cluster"]

# Within one honour: collectives before households before individuals, as the seeds write
# "2 tập thể và 2 cá nhân". It is also the alphabetical order of the codes, so the JSON's
# "sorted by precedence, then recipient" and the sentence agree.
RECIPIENT_ORDER: tuple[Recipient, ...] = (
    Recipient.COLLECTIVE,
    Recipient.ENTERPRISE,
    Recipient.HOUSEHOLD,
    Recipient.INDIVIDUAL,
)
_RECIPIENT_RANK = {r: i for i, r in enumerate(RECIPIENT_ORDER)}

# Honours whose catalog name stands for a whole level ("… của Bộ, ban, ngành, tỉnh") or names
# no giver at all ("Giấy khen"): the sentence names the actual issuing body instead, when the
# decisions agree on one. The national ones keep their own names.
ISSUER_QUALIFIED: Mapping[str, str] = {
    "co_thi_dua_tinh": "Cờ thi đua",
    "bang_khen_tinh": "Bằng khen",
    "giay_khen": "Giấy khen",
}

EMPTY_TEXT = "không có danh hiệu thi đua, hình thức khen thưởng nào được ghi nhận"

_UBND = re.compile(r"\b(?:ủy|uỷ)\s+ban\s+nhân\s+dân\b", re.IGNORECASE)
_LEVELS = ("thành phố", "thị xã", "thị trấn", "tỉnh", "quận", "huyện", "phường", "xã")
_UBND_LEVEL = re.compile(
    r"^(?P<role>chủ\s+tịch\s+)?UBND\s+(?P<level>" + "|".join(_LEVELS) + r")(?=\s|$)",
    re.IGNORECASE,
)
# Names that open with a common noun read in lower case inside the sentence
# ("Năm 2023, quận Đồ Sơn có …"); names of bodies keep their capital ("Văn phòng …").
_COMMON_NOUN_OPENINGS = (
    "cụm ",
    "khối ",
    "tỉnh ",
    "thành phố ",
    "quận ",
    "huyện ",
    "thị xã ",
    "thị trấn ",
    "phường ",
    "xã ",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class AwardCount:
    """How many ``recipient``s received the honour ``code`` (a catalog code)."""

    code: str
    recipient: Recipient
    count: int

    def __post_init__(self) -> None:
        if self.code not in BY_CODE:
            raise ValueError(f"unknown award code {self.code!r}")
        if self.count < 0:
            raise ValueError(f"negative count {self.count} for {self.code}")

    def as_json(self) -> dict[str, str | int]:
        return {"code": self.code, "recipient": self.recipient.value, "count": self.count}


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def sort_counts(counts: Iterable[AwardCount]) -> tuple[AwardCount, ...]:
    """The non-zero counts, one per (code, recipient), by precedence and then recipient."""
    totals: dict[tuple[str, Recipient], int] = {}
    for c in counts:
        totals[c.code, c.recipient] = totals.get((c.code, c.recipient), 0) + c.count
    keys = sorted(
        (k for k, n in totals.items() if n),
        key=lambda k: (PRECEDENCE[k[0]], _RECIPIENT_RANK[k[1]]),
    )
    return tuple(AwardCount(code=code, recipient=r, count=totals[code, r]) for code, r in keys)


def issuer_short_name(body: str, *, unit_label: str = "") -> str | None:
    """The issuing body as the seeds name it after "của": the People's Committee by its level
    without the place ("UBND thành phố Hải Phòng" → "UBND thành phố", "Chủ tịch Ủy ban nhân
    dân quận Kiến An" → "Chủ tịch UBND quận"); any other body as written ("Bộ Giáo dục và Đào
    tạo"). With no body, the issuing unit's label ("Quận") gives "UBND quận"; ``None`` when
    nothing is known."""
    text = _UBND.sub("UBND", _clean(body))
    if text:
        match = _UBND_LEVEL.match(text)
        if match is None:
            return text
        role = "Chủ tịch " if match["role"] else ""
        return f"{role}UBND {_clean(match['level']).lower()}"
    label = _clean(unit_label).lower()
    return f"UBND {label}" if label in _LEVELS else None


def common_issuer(short_names: Iterable[str | None]) -> str | None:
    """The one issuer all the decisions share; ``None`` when they differ or one is unknown."""
    names = set(short_names)
    if len(names) != 1:
        return None
    return names.pop()


def format_number(n: int) -> str:
    # Vietnamese groups thousands with a dot: 1.234.
    return f"{n:,}".replace(",", ".")


def honour_name(code: str, issuer: str | None = None) -> str:
    """The honour as the seeds name it: "Bằng khen của UBND thành phố" when the issuing body
    is known, else the catalog's name."""
    base = ISSUER_QUALIFIED.get(code)
    return f"{base} của {issuer}" if base and issuer else BY_CODE[code].name


def award_phrase(code: str, issuer: str | None = None) -> str:
    """``đạt danh hiệu “Lao động tiên tiến”`` or ``được tặng Bằng khen của UBND thành phố``."""
    award = BY_CODE[code]
    name = honour_name(code, issuer)
    # A flag is a title in law (Điều 3) but is handed over: "được tặng Cờ thi đua".
    if award.kind is Kind.FORM or name.startswith("Cờ thi đua"):
        return f"được tặng {name}"
    return f"đạt danh hiệu “{name}”"


def sentence_section(code: str) -> int:
    """Where an honour stands in the paragraph. The seeds read: titles of collectives (flags
    first), then the forms of commendation, then titles of individuals, then of households —
    "1 tập thể được tặng Cờ thi đua …, 3 tập thể đạt danh hiệu “Tập thể lao động xuất sắc”,
    …, 2 tập thể và 2 cá nhân được tặng Bằng khen …, 23 cá nhân đạt danh hiệu “Chiến sĩ thi
    đua cơ sở”"; within a section, the catalog's order of precedence."""
    award = BY_CODE[code]
    if award.kind is Kind.FORM:
        return 1
    if Recipient.COLLECTIVE in award.recipients:
        return 0
    if Recipient.INDIVIDUAL in award.recipients:
        return 2
    return 3


def _join(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " và " + parts[-1]


def scope_phrase(name: str) -> str:
    """The unit's or cluster's name as it reads after "Năm 2023,": a leading common noun in
    lower case ("Cụm thi đua khối phường" → "cụm thi đua khối phường", "Quận Đồ Sơn" →
    "quận Đồ Sơn"), any other name as written."""
    text = _clean(name)
    if text.lower().startswith(_COMMON_NOUN_OPENINGS) and not text.isupper():
        return text[0].lower() + text[1:]
    return text


def summary_paragraph(
    *,
    year: int,
    scope_name: str,
    counts: Iterable[AwardCount],
    issuers: Mapping[str, str] | None = None,
) -> str:
    """One paragraph: "Năm {year}, {scope} có {n} {recipients} {honour}, …." ``issuers``
    maps an award code to the short name of the body all its decisions came from."""
    issuers = issuers or {}
    groups: dict[str, list[str]] = {}
    ordered = sorted(sort_counts(counts), key=lambda c: sentence_section(c.code))  # stable
    for c in ordered:
        label = RECIPIENT_LABELS[c.recipient]
        groups.setdefault(c.code, []).append(f"{format_number(c.count)} {label}")
    scope = scope_phrase(scope_name)
    if not groups:
        return f"Năm {year}, {scope} {EMPTY_TEXT}."
    items = [
        f"{_join(parts)} {award_phrase(code, issuers.get(code))}" for code, parts in groups.items()
    ]
    return f"Năm {year}, {scope} có {', '.join(items)}."


@dataclass(frozen=True, slots=True, kw_only=True)
class Summary:
    """The counts of one scope and year, with their paragraph and their JSON."""

    year: int
    scope_kind: ScopeKind
    scope_code: str
    scope_name: str
    counts: tuple[AwardCount, ...]
    issuers: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "counts", sort_counts(self.counts))

    @property
    def text(self) -> str:
        return summary_paragraph(
            year=self.year, scope_name=self.scope_name, counts=self.counts, issuers=self.issuers
        )

    def as_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "scope": {"kind": self.scope_kind, "code": self.scope_code},
            "counts": [c.as_json() for c in self.counts],
            "text": self.text,
        }
