"""Small named checks the criteria of both rule sets are built from.

Each returns a function of the ``Context``; the citation and the text live with the criterion
in the rule set that uses it, because the same check rests on different articles in different
years.
"""

from __future__ import annotations

from collections.abc import Callable

from thidua.core.rules.context import AnchoredChain, Context
from thidua.core.rules.facts import Members
from thidua.core.rules.model import Check
from thidua.core.rules.reads import CURRENT, Reads, Years, combined, reads
from thidua.core.rules.settings import RuleSettings, Share
from thidua.core.rules.vocabulary import (
    RATING_RANK,
    ClusterLevel,
    InitiativeScope,
    MovementLauncher,
    Rating,
    discipline_at_least,
    rating_at_least,
    scope_at_least,
)

LDTT = "lao_dong_tien_tien"
CSTDCS = "chien_si_thi_dua_co_so"
CSTD_TINH = "chien_si_thi_dua_tinh"
CSTD_TOAN_QUOC = "chien_si_thi_dua_toan_quoc"
TTLDTT = "tap_the_lao_dong_tien_tien"
TTLDXS = "tap_the_lao_dong_xuat_sac"
CO_TINH = "co_thi_dua_tinh"
CO_CP = "co_thi_dua_chinh_phu"
BK_TINH = "bang_khen_tinh"
BK_TTG = "bang_khen_thu_tuong"
HCLD3 = "huan_chuong_lao_dong_hang_ba"
GIAY_KHEN = "giay_khen"
GDVH = "gia_dinh_van_hoa"

ShareRule = Share | Callable[[RuleSettings], Share]


def _years(years: Years, settings: RuleSettings) -> int:
    return years if isinstance(years, int) else years(settings)


# Sources of movements: one led by the Prime Minister's movement is also a Bộ/tỉnh-wide feat.
_MOVEMENT_REACH = {MovementLauncher.TINH: 0, MovementLauncher.THU_TUONG: 1}


def rated_in_year(floor: Rating) -> Check:
    least = RATING_RANK[floor]

    @reads(CURRENT)
    def check(ctx: Context) -> bool:
        record = ctx.records.get(ctx.year)
        return (
            record is not None and record.rating is not None and RATING_RANK[record.rating] >= least
        )

    return check


@reads(CURRENT)
def served_enough_in_year(ctx: Context) -> bool:
    """Newly recruited staff under the minimum months are not considered (TT 01/2024/TT-BNV:
    06 months; ND 91/2017: 10 months). Months already include training and treatment."""
    record = ctx.current
    return record is not None and record.service_months >= ctx.settings.min_service_months


@reads(CURRENT)
def not_barred_by_discipline(ctx: Context) -> bool:
    record = ctx.current
    barred_from = ctx.scope.ldtt_barred_from
    if record is None:
        return False
    return barred_from is None or not discipline_at_least(record.discipline, barred_from)


def holds_in_year(code: str) -> Check:
    @reads(CURRENT)
    def check(ctx: Context) -> bool:
        return ctx.holds(code, ctx.year)

    return check


def initiative_in_year(scope: InitiativeScope) -> Check:
    @reads(CURRENT)
    def check(ctx: Context) -> bool:
        record = ctx.current
        return record is not None and any(scope_at_least(s, scope) for s in record.initiatives)

    return check


@reads(CURRENT)
def excellent_or_initiative_in_year(ctx: Context) -> bool:
    """Điều 23.2 Luật 2022: hoàn thành xuất sắc nhiệm vụ, or an initiative (research) recognised
    at any scope."""
    record = ctx.current
    if record is None:
        return False
    return record.rating is Rating.XUAT_SAC or bool(record.initiatives)


def titles_in_a_row(code: str, count: int, *, after_last: str) -> Check:
    """``code`` in each of the last ``count`` years up to the evaluation year, all after the
    last grant of ``after_last`` (whose chain they would otherwise be counted in twice)."""

    @reads(Reads(codes=frozenset({code, after_last})))
    def check(ctx: Context) -> bool:
        start = ctx.titles_run_start(code, after=ctx.last_granted(after_last))
        return ctx.year - start + 1 >= count

    return check


def initiative_during_last_years(years: Years, scope: InitiativeScope) -> Check:
    @reads(Reads(initiatives_in_years=((years, scope),)))
    def check(ctx: Context) -> bool:
        since = ctx.year - _years(years, ctx.settings) + 1
        return ctx.count_initiatives(since=since, scope=scope) > 0

    return check


def rated_years_in_a_row(
    floor: Rating, years: Years, *, after_last: str, initiatives: int = 0
) -> Check:
    """At least ``years`` consecutive years up to now rated ``floor`` or better, after the last
    grant of ``after_last``, with ``initiatives`` recognised initiatives (any scope) among them."""

    counted = ((floor, InitiativeScope.CO_SO),) if initiatives else ()

    @reads(Reads(codes=frozenset({after_last}), floor=floor, initiatives_in_run=counted))
    def check(ctx: Context) -> bool:
        start = ctx.rated_run_start(floor, after=ctx.last_granted(after_last))
        if ctx.year - start + 1 < _years(years, ctx.settings):
            return False
        return ctx.count_initiatives(since=start, scope=InitiativeScope.CO_SO) >= initiatives

    return check


def any_of(*checks: Check) -> Check:
    def check(ctx: Context) -> bool:
        return any(c(ctx) for c in checks)

    return _reading_all(check, checks)


def all_of(*checks: Check) -> Check:
    def check(ctx: Context) -> bool:
        return all(c(ctx) for c in checks)

    return _reading_all(check, checks)


def _reading_all(check: Check, parts: tuple[Check, ...]) -> Check:
    """``check`` reads what its ``parts`` read (nothing declared if one of them is not)."""
    found = combined(parts)
    return reads(found)(check) if found is not None else check


@reads(CURRENT)
def undecidable(ctx: Context) -> None:
    """Left to a local regulation or to evidence beyond the facts."""
    return None


# -- chains that follow an earlier award ----------------------------------------------------


def _chain_reads(chain: AnchoredChain, *codes: str) -> Reads:
    """A chain finds its anchor and its reset in any earlier year, and counts within its run."""
    return Reads(codes=frozenset({chain.anchor, chain.reset, *codes}), floor=chain.floor)


def chain_has_prior(chain: AnchoredChain) -> Check:
    @reads(_chain_reads(chain))
    def check(ctx: Context) -> bool:
        return ctx.window(chain).has_prior

    return check


def chain_long_enough(chain: AnchoredChain, years: Years) -> Check:
    @reads(_chain_reads(chain))
    def check(ctx: Context) -> bool:
        return ctx.window(chain).years(ctx.year) >= _years(years, ctx.settings)

    return check


def chain_holds_titles(chain: AnchoredChain, code: str, count: int) -> Check:
    @reads(_chain_reads(chain, code))
    def check(ctx: Context) -> bool:
        return ctx.count_holding(code, since=ctx.window(chain).start) >= count

    return check


def chain_rated(chain: AnchoredChain, floor: Rating, count: int) -> Check:
    @reads(_chain_reads(chain))
    def check(ctx: Context) -> bool:
        return ctx.count_rated(since=ctx.window(chain).start, floor=floor) >= count

    return check


def chain_initiatives(chain: AnchoredChain, scope: InitiativeScope, count: int) -> Check:
    @reads(_chain_reads(chain) | Reads(initiatives_in_run=((chain.floor, scope),)))
    def check(ctx: Context) -> bool:
        return ctx.count_initiatives(since=ctx.window(chain).start, scope=scope) >= count

    return check


# -- national title from two provincial ones ------------------------------------------------


def two_in_a_row(code: str, gap: int, *, after_last: str) -> Check:
    """Two grants of ``code`` in a row — the second ``gap`` years after the first, as one full
    chain of the lower title lies between them — the second in the evaluation year or at most
    ``cstdtq_max_lag_years`` before it, both after the last grant of ``after_last``."""

    @reads(Reads(codes=frozenset({code, after_last})))
    def check(ctx: Context) -> bool:
        reset = ctx.last_granted(after_last)
        held = {y for y in ctx.granted_before(code) if y > reset}
        if ctx.holds(code, ctx.year):
            held.add(ctx.year)
        if len(held) < 2:
            return False
        earliest_second = ctx.year - ctx.settings.cstdtq_max_lag_years
        return any(y >= earliest_second and y - gap in held and y - gap > reset for y in held)

    return check


# -- collectives ----------------------------------------------------------------------------


def ldtt_members(members: Members) -> int | None:
    return members.lao_dong_tien_tien


def members_share(count: Callable[[Members], int | None], share: ShareRule) -> Check:
    """At least (or more than) ``share`` of the members are counted by ``count``. Unknown
    counts cannot be shown."""

    @reads(CURRENT)
    def check(ctx: Context) -> bool:
        record = ctx.current
        members = record.members if record is not None else None
        if members is None:
            return False
        part = count(members)
        wanted = share if isinstance(share, Share) else share(ctx.settings)
        return part is not None and wanted.met(part, members.total)

    return check


@reads(CURRENT)
def all_members_completed(ctx: Context) -> bool:
    record = ctx.current
    members = record.members if record is not None else None
    return members is not None and members.total > 0 and members.completed == members.total


@reads(CURRENT)
def member_holds_cstdcs(ctx: Context) -> bool:
    record = ctx.current
    members = record.members if record is not None else None
    return members is not None and (members.chien_si_thi_dua_co_so or 0) > 0


@reads(CURRENT)
def no_member_disciplined(ctx: Context) -> bool:
    record = ctx.current
    members = record.members if record is not None else None
    return members is not None and members.disciplined_canh_cao_or_above == 0


def led_cluster(level: ClusterLevel) -> Check:
    @reads(CURRENT)
    def check(ctx: Context) -> bool:
        record = ctx.current
        return record is not None and record.cluster_leader is level

    return check


def led_movement(launched_by: MovementLauncher, min_years: int) -> Check:
    @reads(CURRENT)
    def check(ctx: Context) -> bool:
        record = ctx.current
        lead = record.movement_leader if record is not None else None
        return (
            lead is not None
            and _MOVEMENT_REACH[lead.launched_by] >= _MOVEMENT_REACH[launched_by]
            and lead.duration_years >= min_years
        )

    return check


# -- households -----------------------------------------------------------------------------


@reads(CURRENT)
def no_exclusion_in_year(ctx: Context) -> bool:
    record = ctx.current
    return record is None or not record.exclusions


@reads(CURRENT)
def rated_for_local_giay_khen(ctx: Context) -> bool | None:
    """Giấy khen: the standards are the Bộ/tỉnh's (Khoản 2 Điều 75 Luật 2022). Decided only when
    the scope set a rating for it; otherwise left to the council."""
    floor = ctx.scope.giay_khen_min_rating
    if floor is None:
        return None
    record = ctx.current
    return record is not None and rating_at_least(record.rating, floor)
