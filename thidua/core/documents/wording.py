"""How a decision words what it grants. A title (danh hiệu thi đua) is *recognised* — "Công
nhận danh hiệu Lao động tiên tiến" — and a form (hình thức khen thưởng) is *given* — "Tặng
Giấy khen" (Điều 3 Luật Thi đua, khen thưởng 2022 keeps them apart, and so do the decisions
offices issue); the count names only the kinds of recipient present."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from thidua.core.catalog import BY_CODE, RECIPIENT_LABELS, Kind, Recipient

# The order a decision lists its recipients in: collectives before people, as decisions do.
RECIPIENT_ORDER = (
    Recipient.COLLECTIVE,
    Recipient.INDIVIDUAL,
    Recipient.HOUSEHOLD,
    Recipient.ENTERPRISE,
)


@dataclass(frozen=True, slots=True)
class Granted:
    """One code of a decision, the achievement years and how many of each recipient kind."""

    code: str
    years: tuple[int, ...]
    counts: Mapping[Recipient, int]


def grants_of(items: Iterable[tuple[str, int, str]]) -> list[Granted]:
    """What a list grants, from its (code, achievement year, recipient kind) items, per code
    in order of first appearance."""
    years: dict[str, set[int]] = {}
    counts: dict[str, Counter[Recipient]] = {}
    for code, year, kind in items:
        years.setdefault(code, set()).add(year)
        counts.setdefault(code, Counter())[Recipient(kind)] += 1
    return [Granted(code, tuple(sorted(years[code])), counts[code]) for code in years]


# Flags are titles, but the law has them *given* ("Cờ thi đua … được xét tặng", Điều 25 and
# 26 Luật Thi đua, khen thưởng 2022), and decisions write "Tặng Cờ thi đua".
_GIVEN_TITLES = frozenset({"co_thi_dua_chinh_phu", "co_thi_dua_tinh"})


def grant_verb(code: str) -> str:
    """ "Công nhận danh hiệu" for a title, "Tặng" for a form or a flag."""
    if BY_CODE[code].kind is Kind.TITLE and code not in _GIVEN_TITLES:
        return "Công nhận danh hiệu"
    return "Tặng"


def years_phrase(years: Iterable[int]) -> str:
    ordered = sorted(set(years))
    if len(ordered) == 1:
        return f"năm {ordered[0]}"
    return "các năm " + ", ".join(map(str, ordered))


def recipients_phrase(counts: Mapping[Recipient, int]) -> str:
    """ "02 tập thể và 15 cá nhân": only the kinds present, two digits as decisions print."""
    parts = [f"{counts[k]:02d} {RECIPIENT_LABELS[k]}" for k in RECIPIENT_ORDER if counts.get(k)]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " và " + parts[-1]


def _name(code: str, names: Mapping[str, str] | None) -> str:
    """The name as the decider writes it (``core.documents.names.form_name``), else the
    catalog's."""
    return (names or {}).get(code) or BY_CODE[code].name


def grant_sentence(granted: Granted, names: Mapping[str, str] | None = None) -> str:
    """One sentence of Điều 1: "Công nhận danh hiệu Chiến sĩ thi đua cơ sở năm 2024 cho 02 cá
    nhân (có danh sách kèm theo)."; a form is given for the achievements of the year: "Tặng
    Giấy khen của … cho 02 tập thể đã có thành tích xuất sắc năm 2024 (…)."."""
    name, years = _name(granted.code, names), years_phrase(granted.years)
    whom = recipients_phrase(granted.counts)
    if grant_verb(granted.code) != "Tặng":
        return f"{grant_verb(granted.code)} {name} {years} cho {whom} (có danh sách kèm theo)."
    return (
        f"{grant_verb(granted.code)} {name} cho {whom} đã có thành tích xuất sắc trong thực "
        f"hiện nhiệm vụ {years} (có danh sách kèm theo)."
    )


def decision_subject(grants: Iterable[Granted], names: Mapping[str, str] | None = None) -> str:
    """The trích yếu: "Về việc công nhận danh hiệu … năm 2024", "Về việc tặng Giấy khen …"."""
    parts = [
        f"{grant_verb(g.code).lower()} {_name(g.code, names)} {years_phrase(g.years)}"
        for g in grants
    ]
    return "Về việc " + "; ".join(parts)
