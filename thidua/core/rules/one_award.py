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
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from thidua.core.catalog import BY_CODE, Kind
from thidua.core.rules.citations import Citation
from thidua.core.rules.model import RuleSet
from thidua.core.rules.registry import RULE_SETS, NoRuleSetError, rule_set_for_year
from thidua.core.rules.settings import RuleSettings


@dataclass(frozen=True, slots=True)
class Granted:
    """A title or form already granted (or proposed) for an achievement."""

    code: str
    year: int
    achievement: str = ""


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


def one_award_conflict(
    *,
    code: str,
    year: int,
    granted: Iterable[Granted],
    achievement: str = "",
    settings: RuleSettings | None = None,
) -> AwardConflict | None:
    """The first grant that forbids giving ``code`` for this achievement, or None."""
    rule_set = _rule_set_of(year)
    settings = settings or rule_set.settings
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
        return AwardConflict(existing, message, rule_set.one_award)
    return None
