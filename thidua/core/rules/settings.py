"""Settings of a rule set.

Two kinds, kept apart because different people own them:

- ``RuleSettings``: national rules the notes mark uncertain. Each has the most likely default,
  chosen and explained in ``docs/law.md``; an administrator may change it when the official
  text says otherwise.
- ``ScopeSettings``: what the law leaves to each Bộ, ban, ngành or tỉnh (quotas, the detail of
  the Giấy khen and Lao động tiên tiến standards). One per scope; the rule set carries the
  national default.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from thidua.core.rules.vocabulary import Discipline, Rating


@dataclass(frozen=True, slots=True)
class Share:
    """A share of a whole in whole percent: "ít nhất 70 %" (inclusive) or "trên 50 %".
    Compared in integers, so 7 of 10 is exactly 70 %."""

    percent: int
    inclusive: bool = True

    def met(self, part: int, whole: int) -> bool:
        if whole <= 0:
            return False
        if self.inclusive:
            return part * 100 >= self.percent * whole
        return part * 100 > self.percent * whole

    def limit(self, whole: int) -> int:
        """The largest count a cap of this share allows, rounded down: "không quá 15 %" must
        never be exceeded, and the texts give no other rounding (law-2013.md §2)."""
        return max(whole, 0) * self.percent // 100

    @property
    def phrase(self) -> str:
        return f"{'ít nhất' if self.inclusive else 'trên'} {self.percent}%"


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleSettings:
    # The shortest service in the year that lets a person be considered: 06 months from
    # TT 01/2024/TT-BNV, 10 months under ND 91/2017.
    min_service_months: int
    # Share of members with "Lao động tiên tiến" a "Tập thể lao động tiên tiến" needs.
    ttldtt_ldtt_share: Share
    # The same for "Tập thể lao động xuất sắc" (Điều 27 in both texts: at least 70 %).
    ttldxs_ldtt_share: Share = Share(70)
    # How many years after the second consecutive CSTĐ tỉnh the national title may still be
    # considered for (0: only in the year of the second one).
    cstdtq_max_lag_years: int = 1
    # Consecutive excellent years a collective needs for the Bằng khen of its Bộ/tỉnh, then for
    # the Bằng khen of the Prime Minister and for the Huân chương Lao động hạng Ba, counted
    # after the previous award.
    collective_bk_tinh_years: int = 2
    collective_bk_ttg_years: int = 5
    collective_hcld3_years: int = 5
    # Whether a title (danh hiệu) and a form (hình thức) may both rest on the results of the
    # same year; two forms never may (Điểm c khoản 2 Điều 5).
    title_and_form_share_year: bool = True
    # When the decisions on the titles of year Y are usually signed: decides which deciders and
    # which decree apply (the district level ended on 01/07/2025).
    decision_month: int = 1
    decision_day: int = 15

    def decision_date(self, year: int) -> date:
        return date(year + 1, self.decision_month, self.decision_day)


@dataclass(frozen=True, slots=True, kw_only=True)
class ScopeSettings:
    """What a Bộ, ban, ngành or tỉnh decides for the units under it."""

    name: str = ""
    # Heaviest-from discipline that bars "Lao động tiên tiến" in the year; None: none does.
    ldtt_barred_from: Discipline | None = Discipline.KHIEN_TRACH
    # The local Giấy khen standard when it is a rating; None leaves it to the council
    # (eligible = null, as rules-cli.md asks).
    giay_khen_min_rating: Rating | None = None
    # Caps on shares, reported per unit by the quota check.
    cstdcs_share_of_ldtt: Share | None = None
    ldtt_share_of_members: Share | None = None
    co_cp_share_of_co_tinh: Share | None = None
    # The text each cap set here rests on (setting name, text), quoted beside the cap instead
    # of the national article.
    bases: tuple[tuple[str, str], ...] = ()

    def basis_of(self, setting: str) -> str | None:
        return next((text for name, text in self.bases if name == setting and text), None)
