"""Several years of assessments, initiatives and titles, kept consistent with the law and with
the seeds' own figures.

Each year, each collective gets a plan (its rating, how many of its people are Lao động tiên
tiến and Chiến sĩ thi đua cơ sở, which collective titles it receives). The plans the seeds fix
are in ``plans.py``; the others are drawn, within the law: a Chiến sĩ thi đua cơ sở is a Lao
động tiên tiến of the same year with an initiative, at most 15 % of the Lao động tiên tiến; a
Tập thể lao động tiên tiến has more than half its people Lao động tiên tiến and nobody
disciplined with a cảnh cáo or worse; a Tập thể lao động xuất sắc is rated xuất sắc, has every
member completing their tasks, at least 70 % Lao động tiên tiến and a Chiến sĩ thi đua cơ sở.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from thidua.demo.decisions import (
    BK_TINH,
    CO_TINH,
    CSTD_TINH,
    CSTDCS,
    GIAY_KHEN,
    LDTT,
    TTLDTT,
    TTLDXS,
    Grant,
)
from thidua.demo.initiatives import InitiativeBook
from thidua.demo.places import CULTURE_BLOCK, KIEN_AN_WARDS
from thidua.demo.plans import (
    SUBUNIT_FORCED,
    SUBUNIT_GRANTS,
    Collective,
    Plan,
    collectives,
    designations,
    fixed_plans,
)
from thidua.demo.state import Demo, Staffer
from thidua.orgs.choices import Discipline, Rating
from thidua.orgs.models import Assessment

XS: str = Rating.XUAT_SAC
TOT: str = Rating.TOT
HT: str = Rating.HOAN_THANH
KHT: str = Rating.KHONG_HOAN_THANH
ACHIEVEMENT = "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {y}"
MIN_MONTHS_LDTT = 10


@dataclass
class History:
    """What the years produced: rows to write, grants to issue, facts later years read."""

    assessments: list[Assessment] = field(default_factory=list)
    grants: list[Grant] = field(default_factory=list)
    ldtt: dict[int, set[str]] = field(default_factory=dict)
    cstdcs: dict[int, set[str]] = field(default_factory=dict)
    unit_rating: dict[tuple[str, int], str] = field(default_factory=dict)


def build_history(demo: Demo, book: InitiativeBook) -> History:
    history = History()
    plans = fixed_plans()
    tags = designations(demo)
    groups = collectives()
    years = sorted({y for c in groups for y in c.years})
    for year in years:
        history.ldtt[year] = set()
        history.cstdcs[year] = set()
        for collective in groups:
            if year in collective.years:
                plan = plans.get((collective.code, year)) or _draw_plan(demo, collective, year)
                _play(demo, book, history, collective, year, plan, tags)
        _play_subunits(demo, history, year)
    return history


def _play_subunits(demo: Demo, history: History, year: int) -> None:
    """The one-stop desks of the Kiến An wards and the offices of the agencies: a rating each
    year; the offices may be Tập thể lao động tiên tiến, decided by their director."""
    rng = demo.rng
    if year < 2021:
        return
    desks = [f"HP-KA-{short}-MC" for short, *_ in KIEN_AN_WARDS]
    offices = [(f"HP-{s}-P{n}", s) for s, _, _ in CULTURE_BLOCK for n in (1, 2)]
    for code in [*desks, *(c for c, _ in offices)]:
        rating = SUBUNIT_FORCED.get((code, year)) or rng.choices((XS, TOT, HT), (0.3, 0.6, 0.1))[0]
        history.unit_rating[code, year] = rating
        history.assessments.append(Assessment(year=year, unit=demo.unit(code), rating=rating))
    for code, agency in offices:
        members = demo.roster({code}, year)
        ldtt = [s for s in members if s.code in history.ldtt[year]]
        rating = history.unit_rating[code, year]
        if rating != HT and len(ldtt) * 2 > len(members) and rng.random() < 0.7:
            unit = demo.unit(code)
            history.grants.append(
                Grant(TTLDTT, year, unit, code, agency, "VHXH", ACHIEVEMENT.format(y=year))
            )
    for code, grant_year, award in SUBUNIT_GRANTS:
        if grant_year == year:
            issuer = "KA" if award == GIAY_KHEN else "HP"
            unit = demo.unit(code)
            history.grants.append(
                Grant(award, year, unit, code, issuer, "KA", ACHIEVEMENT.format(y=year))
            )


def _draw_plan(demo: Demo, collective: Collective, year: int) -> Plan:
    rng = demo.rng
    rating = collective.forced.get(year) or rng.choices((XS, TOT, HT), (0.3, 0.58, 0.12))[0]
    return Plan(rating=rating)


def _play(
    demo: Demo,
    book: InitiativeBook,
    history: History,
    collective: Collective,
    year: int,
    plan: Plan,
    tags: dict[tuple[str, int], set[str]],
) -> None:
    rng = demo.rng
    roster = demo.roster(collective.members, year)
    if not roster:
        return
    n = len(roster)
    short = [s for s in roster if s.service_months(year) < MIN_MONTHS_LDTT]
    eligible = [s for s in roster if s not in short]
    must = [s for s in eligible if tags.get((s.code, year))]
    must_c = [s for s in must if "cstdcs" in tags[s.code, year]]
    # How many Lao động tiên tiến, Chiến sĩ thi đua cơ sở, and which collective titles.
    if plan.ldtt is None:
        share = rng.uniform(0.62, 0.9) if plan.rating != HT else rng.uniform(0.4, 0.62)
        ldtt_n = round(n * share)
        # Titles the seeds fix need their share of Lao động tiên tiến.
        if plan.titles and TTLDXS in plan.titles:
            ldtt_n = max(ldtt_n, math.ceil(0.75 * n))
        if plan.titles and TTLDTT in plan.titles:
            ldtt_n = max(ldtt_n, n // 2 + 1)
    else:
        ldtt_n = plan.ldtt
    # Chiến sĩ thi đua cơ sở are at most 15 % of the Lao động tiên tiến.
    ldtt_n = max(ldtt_n, len(must), math.ceil(len(must_c) / 0.15))
    ldtt_n = min(ldtt_n, len(eligible))
    cap = math.floor(0.15 * ldtt_n)
    if plan.cstdcs is None:
        cstdcs_n = rng.randint(1 if plan.rating == XS else 0, max(cap, 1)) if cap else 0
    else:
        cstdcs_n = plan.cstdcs
    cstdcs_n = max(min(cstdcs_n, cap), len(must_c))
    titles = _titles(demo, collective, year, plan, n, ldtt_n, cstdcs_n, len(short), history)
    if TTLDXS in titles:
        _check(plan.rating == XS and ldtt_n >= 0.7 * n and cstdcs_n >= 1, collective, year)
    if TTLDTT in titles:
        _check(plan.rating in (XS, TOT) and ldtt_n > n / 2 and not plan.canh_cao, collective, year)
    _check(cstdcs_n <= cap, collective, year)

    # Who: the designated and the leaders first, then a draw.
    others = [s for s in eligible if s not in must]
    rng.shuffle(others)
    others.sort(key=lambda s: not s.leader)
    ldtt_set = must + others[: ldtt_n - len(must)]
    not_ldtt = others[ldtt_n - len(must) :]
    previous = history.cstdcs.get(year - 1, set())
    pool = [s for s in ldtt_set if s not in must_c]
    rng.shuffle(pool)
    pool.sort(key=lambda s: not (s.code in previous and rng.random() < 0.6))
    cstdcs_set = must_c + pool[: cstdcs_n - len(must_c)]

    unit_code = collective.code
    excellent_p = 0.3 if plan.rating == XS else 0.15
    all_complete = TTLDXS in titles
    for s in ldtt_set:
        tagged = tags.get((s.code, year), set())
        rating = XS if (s in cstdcs_set or tagged or rng.random() < excellent_p) else TOT
        _assess(history, s, year, rating)
        history.ldtt[year].add(s.code)
        _grant(history, LDTT, year, s, collective.local, collective.area)
        if s in cstdcs_set:
            history.cstdcs[year].add(s.code)
            _grant(history, CSTDCS, year, s, collective.local, collective.area)
        if s in cstdcs_set or "xs" in tagged:
            book.add(demo, s, year, unit_code, collective.area, ldtt_set, tagged)
        if "cstd_tinh" in tagged:
            _grant(history, CSTD_TINH, year, s, collective.upper, collective.area)
    for i, s in enumerate(not_ldtt):
        if i == 0 and plan.canh_cao:
            _assess(
                history, s, year, HT, Discipline.CANH_CAO, note="Vi phạm quy định về giờ làm việc"
            )
        elif rng.random() < 0.04:
            _assess(history, s, year, HT, Discipline.KHIEN_TRACH)
        elif not all_complete and rng.random() < 0.06:
            _assess(history, s, year, KHT)
        else:
            _assess(history, s, year, HT)
    for s in short:
        months = s.service_months(year)
        if months:
            note = "Mới tuyển dụng" if s.joined.year == year else ""
            _assess(history, s, year, TOT if rng.random() < 0.6 else HT, months=months, note=note)

    # The collective: its rating and titles, then individual Bằng khen and Giấy khen.
    unit = demo.unit(unit_code)
    history.unit_rating[unit_code, year] = plan.rating
    history.assessments.append(Assessment(year=year, unit=unit, rating=plan.rating))
    achievement = ACHIEVEMENT.format(y=year)
    for code in titles:
        issuer = collective.local if code in (TTLDTT, GIAY_KHEN) else collective.upper
        text = (plan.flag_reason or achievement) if code == CO_TINH else achievement
        history.grants.append(
            Grant(code, year, unit, unit_code, issuer, collective.area, text.format(y=year))
        )
    bk_people = [s for s in ldtt_set if "bk" in tags.get((s.code, year), set())]
    if not plan.exact:
        bk_people += [
            s
            for s in cstdcs_set
            if s.code in previous and s not in bk_people and rng.random() < 0.3
        ]
    for s in bk_people:
        _grant(history, BK_TINH, year, s, collective.upper, collective.area)
    gk_n = plan.giay_khen
    if gk_n is None:
        gk_n = round(ldtt_n * rng.uniform(0.06, 0.16))
    candidates = [s for s in ldtt_set if s not in bk_people]
    for s in rng.sample(candidates, min(gk_n, len(candidates))):
        _grant(history, GIAY_KHEN, year, s, collective.local, collective.area)


def _titles(
    demo: Demo,
    collective: Collective,
    year: int,
    plan: Plan,
    n: int,
    ldtt_n: int,
    cstdcs_n: int,
    short_n: int,
    history: History,
) -> tuple[str, ...]:
    if plan.titles is not None:
        return plan.titles
    rng = demo.rng
    titles: list[str] = []
    good = plan.rating in (XS, TOT) and not plan.canh_cao
    if collective.unit_titles and good and ldtt_n > n / 2 and rng.random() < 0.85:
        titles.append(TTLDTT)
    if (
        plan.rating == XS
        and ldtt_n >= 0.7 * n
        and cstdcs_n >= 1
        and not plan.canh_cao
        and (TTLDTT in titles or not collective.unit_titles)
        and rng.random() < 0.35
    ):
        titles.append(TTLDXS)
    before = history.unit_rating.get((collective.code, year - 1))
    if plan.rating == XS and before == XS and rng.random() < 0.15:
        titles.append(BK_TINH)
    if collective.unit_titles and good and rng.random() < 0.1:
        titles.append(GIAY_KHEN)
    return tuple(titles)


def _check(condition: bool, collective: Collective, year: int) -> None:
    if not condition:  # pragma: no cover - the fixed plans are checked by the tests
        raise AssertionError(f"Kế hoạch dữ liệu mẫu sai luật: {collective.code} năm {year}.")


def _assess(
    history: History,
    s: Staffer,
    year: int,
    rating: str,
    discipline: str = "",
    *,
    months: int = 12,
    note: str = "",
) -> None:
    history.assessments.append(
        Assessment(
            year=year,
            person=s.person,
            rating=rating,
            discipline=discipline,
            service_months=months,
            note=note,
        )
    )


def _grant(history: History, code: str, year: int, s: Staffer, issuer: str, area: str) -> None:
    unit_code = s.unit_in(year)
    assert unit_code is not None
    history.grants.append(
        Grant(code, year, s.person, unit_code, issuer, area, ACHIEVEMENT.format(y=year))
    )
