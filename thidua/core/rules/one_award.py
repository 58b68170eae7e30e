"""One achievement, one award (Điểm c khoản 2 Điều 5 Luật TĐKT 2022; Điều 3 Thông tư
12/2019/TT-BNV before 2024): the check a proposal calls before it adds a title or a form.

An achievement is the results of one year (``achievement`` empty), or a named feat (đột xuất,
a movement's summing-up) with a key of the caller's choosing. For the same achievement:

- the same title or form twice is refused;
- two forms (Giấy khen, Bằng khen, Huân chương…) are refused: "không tặng nhiều hình thức khen
  thưởng cho một thành tích";
- a title (danh hiệu) beside a form is allowed by default, as titles and forms are separate
  catalogues and the texts do not settle it (law.md §8.8): ``title_and_form_share_year``.
Titles of different levels for the same year are the normal case (LĐTT and CSTĐCS together).

Before 2024 a second cap held across achievements (Điều 3 Thông tư 12/2019/TT-BNV): one
State-level form (Bằng khen của Thủ tướng, Huân chương) a year to a subject, except for
đột xuất, quá trình cống hiến and niên hạn awards. The year compared is the achievement year
each grant names, as proposals of one year are made on the achievements of the year before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from thidua.core.catalog import BY_CODE, LEVELS, Kind, Level
from thidua.core.rules.citations import Citation
from thidua.core.rules.model import RuleSet
from thidua.core.rules.registry import RULE_SETS, NoRuleSetError, rule_set_for_year
from thidua.core.rules.settings import RuleSettings
from thidua.core.rules.vocabulary import Occasion

# Awards the one-State-form-a-year cap leaves aside (Điều 3 Thông tư 12/2019/TT-BNV).
OUTSIDE_STATE_FORM_CAP = frozenset({Occasion.DOT_XUAT, Occasion.CONG_HIEN, Occasion.NIEN_HAN})


@dataclass(frozen=True, slots=True)
class Granted:
    """A title or form already granted (or proposed) for an achievement; ``source`` names
    where (a decision, a proposal) for the message."""

    code: str
    year: int
    achievement: str = ""
    occasion: Occasion = Occasion.THUONG_XUYEN
    source: str = ""


@dataclass(frozen=True, slots=True)
class AwardConflict:
    existing: Granted
    message: str
    citation: Citation


def _rule_set_of(year: int) -> RuleSet:
    try:
        return rule_set_for_year(year)
    except NoRuleSetError:
        # Before the oldest rule set its rule is the closest there is; after, the newest.
        oldest = min(RULE_SETS, key=lambda r: r.first_year)
        return oldest if year < oldest.first_year else RULE_SETS[0]


def _achievement(year: int, achievement: str) -> str:
    return f"thành tích năm {year}" + (f" ({achievement})" if achievement else "")


def _is_state_form(code: str) -> bool:
    return BY_CODE[code].kind is Kind.FORM and LEVELS[code] is Level.NHA_NUOC


def _sourced(message: str, existing: Granted) -> str:
    return f"{message} ({existing.source})" if existing.source else message


def one_award_conflict(
    *,
    code: str,
    year: int,
    granted: Iterable[Granted],
    achievement: str = "",
    occasion: Occasion = Occasion.THUONG_XUYEN,
    settings: RuleSettings | None = None,
) -> AwardConflict | None:
    """The first grant that forbids giving ``code`` for this achievement, or None."""
    rule_set = _rule_set_of(year)
    settings = settings or rule_set.settings
    granted = tuple(granted)
    wanted = BY_CODE[code]
    what = _achievement(year, achievement)
    for existing in granted:
        if existing.year != year or existing.achievement != achievement:
            continue
        other = BY_CODE[existing.code]
        if existing.code == code:
            message = f"{wanted.name} đã được đề nghị hoặc tặng cho {what}"
        elif other.kind is Kind.FORM and wanted.kind is Kind.FORM:
            message = (
                f"{what[0].upper()}{what[1:]} đã được khen thưởng bằng {other.name}; không tặng "
                f"thêm {wanted.name} cho cùng một thành tích"
            )
        elif other.kind is not wanted.kind and not settings.title_and_form_share_year:
            message = (
                f"{what[0].upper()}{what[1:]} đã có {other.name}; theo thiết lập, danh hiệu và "
                f"hình thức khen thưởng không cùng dựa trên một thành tích"
            )
        else:
            continue
        return AwardConflict(existing, _sourced(message, existing), rule_set.one_award)
    return _state_form_conflict(rule_set, code, year, occasion, granted)


def _state_form_conflict(
    rule_set: RuleSet, code: str, year: int, occasion: Occasion, granted: tuple[Granted, ...]
) -> AwardConflict | None:
    cap = rule_set.one_state_form_a_year
    if cap is None or occasion in OUTSIDE_STATE_FORM_CAP or not _is_state_form(code):
        return None
    for existing in granted:
        if (
            existing.year == year
            and existing.occasion not in OUTSIDE_STATE_FORM_CAP
            and _is_state_form(existing.code)
        ):
            message = (
                f"Thành tích năm {year} đã được đề nghị hoặc tặng "
                f"{BY_CODE[existing.code].name}; mỗi năm chỉ đề nghị một hình thức khen thưởng "
                "cấp Nhà nước cho một đối tượng, trừ khen thưởng đột xuất, quá trình cống hiến "
                "và theo niên hạn"
            )
            return AwardConflict(existing, _sourced(message, existing), cap)
    return None
