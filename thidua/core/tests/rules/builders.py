"""Small builders for the rule tests: a case is a kind, a year and a few year records."""

from __future__ import annotations

from collections.abc import Iterable

from thidua.core.rules import Case, CaseResult, Members, Verdict, YearRecord, evaluate
from thidua.core.rules.settings import RuleSettings, ScopeSettings
from thidua.core.rules.vocabulary import (
    ClusterLevel,
    Discipline,
    InitiativeScope,
    Rating,
    SubjectKind,
    UnitKind,
)

XS, TOT, HT, KHT = Rating.XUAT_SAC, Rating.TOT, Rating.HOAN_THANH, Rating.KHONG_HOAN_THANH
CO_SO, TINH, TOAN_QUOC = InitiativeScope.CO_SO, InitiativeScope.TINH, InitiativeScope.TOAN_QUOC
LDTT = "lao_dong_tien_tien"
CSTDCS = "chien_si_thi_dua_co_so"
CSTD_TINH = "chien_si_thi_dua_tinh"
CSTDTQ = "chien_si_thi_dua_toan_quoc"
BK_TINH = "bang_khen_tinh"
BK_TTG = "bang_khen_thu_tuong"
HCLD3 = "huan_chuong_lao_dong_hang_ba"
TTLDTT = "tap_the_lao_dong_tien_tien"
TTLDXS = "tap_the_lao_dong_xuat_sac"
CO_TINH = "co_thi_dua_tinh"
CO_CP = "co_thi_dua_chinh_phu"
GIAY_KHEN = "giay_khen"
GDVH = "gia_dinh_van_hoa"


def rec(
    year: int,
    rating: Rating | None = TOT,
    *,
    granted: Iterable[str] = (),
    initiatives: Iterable[InitiativeScope] = (),
    months: int = 12,
    discipline: Discipline | None = None,
    members: Members | None = None,
    cluster: ClusterLevel | None = None,
    exclusions: Iterable[str] = (),
) -> YearRecord:
    return YearRecord(
        year=year,
        rating=rating,
        service_months=months,
        discipline=discipline,
        initiatives=tuple(initiatives),
        granted=frozenset(granted),
        members=members,
        cluster_leader=cluster,
        exclusions=tuple(exclusions),
    )


def case(
    year: int,
    *records: YearRecord,
    kind: SubjectKind = SubjectKind.INDIVIDUAL,
    unit_kind: UnitKind | None = None,
) -> Case:
    return Case(year=year, kind=kind, unit_kind=unit_kind, years={r.year: r for r in records})


def collective(year: int, *records: YearRecord, unit_kind: UnitKind | None = None) -> Case:
    return case(year, *records, kind=SubjectKind.COLLECTIVE, unit_kind=unit_kind)


def household(year: int, *records: YearRecord) -> Case:
    return case(year, *records, kind=SubjectKind.HOUSEHOLD)


def judge(
    subject: Case,
    code: str,
    *,
    settings: RuleSettings | None = None,
    scope: ScopeSettings | None = None,
) -> Verdict:
    return evaluate(subject, settings=settings, scope=scope).verdict(code)


def met(subject: Case, code: str, key: str, **kw: object) -> bool | None:
    """Whether the criterion ``key`` of ``code`` is met."""
    for criterion in judge(subject, code, **kw).criteria:  # type: ignore[arg-type]
        if criterion.key == key:
            return criterion.met
    raise KeyError(key)


def eligible(subject: Case, code: str, **kw: object) -> bool | None:
    return judge(subject, code, **kw).eligible  # type: ignore[arg-type]


def eligible_codes(result: CaseResult) -> set[str]:
    return set(result.eligible_codes)


def good_years(first: int, last: int, rating: Rating = TOT, **kw: object) -> list[YearRecord]:
    return [rec(y, rating, **kw) for y in range(first, last + 1)]  # type: ignore[arg-type]


def members(
    total: int, ldtt: int, *, completed: int | None = None, cstdcs: int = 0, disciplined: int = 0
) -> Members:
    return Members(
        total=total,
        completed=total if completed is None else completed,
        lao_dong_tien_tien=ldtt,
        chien_si_thi_dua_co_so=cstdcs,
        disciplined_canh_cao_or_above=disciplined,
    )
