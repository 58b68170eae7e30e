"""Scoped reads of the law engine for the "Đủ điều kiện" page, the profile section and the API:
which units and years the user may scan, the scan of one unit as rows a list can filter, search
and sort, and one person's verdicts with the "when next" path.

The facts are read by ``thidua.awards.eligibility`` (a fixed number of set-based queries);
this module only arranges its answer, in memory."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from thidua.accounts.scoping import scope_for
from thidua.awards.eligibility import (
    Scan,
    ScanSubject,
    UnitQuotas,
    eligibility_scan,
    subject_case,
)
from thidua.awards.models import Candidate
from thidua.awards.services.quotas import local_caps, local_scope
from thidua.common.search import search_terms
from thidua.core.catalog import BY_CODE, CATALOG, PRECEDENCE, AwardType, Kind
from thidua.core.rules import CaseResult, CriterionResult, Verdict, evaluate
from thidua.core.rules.next_steps import NextStep, next_steps
from thidua.core.rules.one_award import Granted, one_award_conflict
from thidua.core.rules.quotas import QuotaCheck
from thidua.core.rules.registry import RULE_SETS, rule_set_for_year
from thidua.core.rules.vocabulary import SUBJECT_LABELS, SubjectKind
from thidua.core.text import fold, name_sort_key, sort_key
from thidua.orgs.models import Assessment, Person, Unit
from thidua.orgs.selectors import unit_get_for_user

FIRST_YEAR = min(r.first_year for r in RULE_SETS)
# The words of the URL (filters stay in the address, in Vietnamese as the other lists).
KINDS: dict[str, SubjectKind] = {
    "ca-nhan": SubjectKind.INDIVIDUAL,
    "tap-the": SubjectKind.COLLECTIVE,
    "ho-gia-dinh": SubjectKind.HOUSEHOLD,
}
ORDERS = ("ten", "don-vi", "hinh-thuc")
KIND_GROUPS = ((Kind.TITLE, "Danh hiệu thi đua"), (Kind.FORM, "Hình thức khen thưởng"))


class EligibilityInputError(ValueError):
    """A filter the engine cannot answer: ``field`` names it for the form and the API."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


# --- units and years ------------------------------------------------------------------------


def eligibility_years() -> list[int]:
    """The years a rule set covers, up to this year, newest first."""
    return list(range(timezone.localdate().year, FIRST_YEAR - 1, -1))


def check_year(year: int) -> int:
    if year not in eligibility_years():
        raise EligibilityInputError(
            "year",
            f"Năm {year} chưa có bộ quy tắc xét thi đua, khen thưởng; "
            f"chọn một năm từ {FIRST_YEAR} đến {timezone.localdate().year}.",
        )
    return year


def check_form(code: str) -> str:
    if code and code not in BY_CODE:
        raise EligibilityInputError(
            "form", f"Không có danh hiệu thi đua, hình thức khen thưởng mã “{code}”."
        )
    return code


def eligibility_units_for_user(*, user: Any) -> QuerySet[Unit]:
    """Every unit the user may see, in tree order: units merged away stay, for their years."""
    units = Unit.objects.only("code", "name", "depth", "path", "valid_to").order_by("path")
    return scope_for(user).filter(units, field="pk")


def eligibility_unit_for_user(*, user: Any, code: str) -> Unit:
    """The unit to scan; 404 when unknown or outside the user's scope."""
    return unit_get_for_user(user=user, code=code)


def default_unit(units: Iterable[Unit]) -> Unit | None:
    """The highest unit in force the user sees (the first in tree order), else the first."""
    listed = list(units)
    return next((u for u in listed if u.valid_to is None), listed[0] if listed else None)


def default_year(*, unit: Unit | None = None, person: Person | None = None) -> int:
    """The latest year assessed under ``unit`` (or for ``person``), within the rule sets'
    years: the year whose titles are being considered. Last year when nothing is assessed."""
    rows = Assessment.objects.all()
    if person is not None:
        rows = rows.filter(person=person)
    elif unit is not None:
        rows = rows.filter(person__unit__path__startswith=unit.path)
    latest = rows.aggregate(latest=Max("year"))["latest"]
    years = eligibility_years()
    fallback = years[1] if len(years) > 1 else years[0]
    return latest if latest in years else fallback


# --- the listing ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EligibilityRow:
    """One subject and one title or form: eligible, or one criterion short."""

    subject: ScanSubject
    verdict: Verdict
    year: int
    # Candidacies of the subject still in play for the year: (code, the proposal's title).
    pending: tuple[tuple[str, str], ...] = ()

    @property
    def kind(self) -> str:
        return self.subject.row.kind.value

    @property
    def kind_label(self) -> str:
        return SUBJECT_LABELS[self.subject.row.kind]

    @property
    def name(self) -> str:
        return self.subject.row.name

    @property
    def code(self) -> str:
        return self.subject.row.code

    @property
    def unit_name(self) -> str:
        return self.subject.unit.name

    @property
    def met(self) -> tuple[CriterionResult, ...]:
        return tuple(c for c in self.verdict.criteria if c.met is True)

    @property
    def standing(self) -> str:
        """Eligible, and the year's decisions already grant it or another form that rules it
        out ("Đã có quyết định", "Đã có Bằng khen …"); "" otherwise."""
        note = self.subject.standing(self.verdict.code, self.year) or self._pending_note()
        return note[:1].upper() + note[1:]

    def _pending_note(self) -> str:
        """Already proposed for it, or for a form that rules it out: a proposal would refuse
        the subject, so the list says so instead of offering it."""
        code = self.verdict.code
        for other, title in self.pending:
            if other == code or one_award_conflict(
                code=code, year=self.year, granted=[Granted(other, self.year)]
            ):
                return f"đang trong đề nghị “{title}”"
        return ""

    @property
    def missing(self) -> CriterionResult | None:
        unmet = self.verdict.unmet
        return unmet[0] if unmet else None


@dataclass(frozen=True, slots=True)
class ConfirmGroup:
    """The qualitative criteria the council judges, once per title or form listed."""

    code: str
    name: str
    texts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QuotaRow:
    """One cap of one unit, as a line of the page."""

    unit_name: str
    check: QuotaCheck

    @property
    def name(self) -> str:
        return BY_CODE[self.check.code].name

    @property
    def rule(self) -> str:
        check = self.check
        return f"Không quá {check.share.percent}% {check.text} ({check.base})"


@dataclass(frozen=True, slots=True)
class EligibilityListing:
    scan: Scan
    eligible: list[EligibilityRow]
    one_short: list[EligibilityRow]
    quotas: tuple[UnitQuotas, ...]
    to_confirm: tuple[ConfirmGroup, ...]
    quota_basis: str

    @property
    def quota_count(self) -> int:
        return sum(len(q.checks) for q in self.quotas)

    @property
    def quota_rows(self) -> list[QuotaRow]:
        return [QuotaRow(q.unit.name, c) for q in self.quotas for c in q.checks]

    def shown_scan(self, *, eligible: bool = True, one_short: bool = True) -> Scan:
        """The scan narrowed to the rows listed (the eligible, those one criterion short, or
        both), subjects in the order they first appear: what the export writes."""
        verdicts: dict[tuple[str, int], list[Verdict]] = {}
        order: list[ScanSubject] = []
        rows = (*(self.eligible if eligible else ()), *(self.one_short if one_short else ()))
        for row in rows:
            key = (row.kind, row.subject.row.id)
            if key not in verdicts:
                verdicts[key] = []
                order.append(row.subject)
            verdicts[key].append(row.verdict)
        subjects = tuple(
            s._replace(
                result=replace(s.result, results=tuple(verdicts[(s.row.kind.value, s.row.id)]))
            )
            for s in order
        )
        return replace(self.scan, subjects=subjects, quotas=self.quotas)


@dataclass(frozen=True, slots=True)
class Filters:
    form: str = ""
    kind: str = ""
    query: str = ""
    order: str = "ten"

    @classmethod
    def of(cls, *, form: str = "", kind: str = "", query: str = "", order: str = "") -> Filters:
        """Unknown kinds and orders fall back to "all" and "by name"; an unknown form code is
        refused (the API names the field)."""
        return cls(
            form=check_form(form.strip()),
            kind=kind if kind in KINDS else "",
            query=query.strip(),
            order=order if order in ORDERS else "ten",
        )


class _Keys:
    """Sort and search keys of the subjects and units of one scan, each computed once."""

    def __init__(self) -> None:
        self._names: dict[tuple[str, int], str] = {}
        self._units: dict[int, str] = {}
        self._folded: dict[tuple[str, int], str] = {}

    def name(self, subject: ScanSubject) -> str:
        key = (subject.row.kind.value, subject.row.id)
        found = self._names.get(key)
        if found is None:
            individual = subject.row.kind is SubjectKind.INDIVIDUAL
            found = (name_sort_key if individual else sort_key)(subject.row.name)
            self._names[key] = found
        return found

    def unit(self, subject: ScanSubject) -> str:
        found = self._units.get(subject.unit.id)
        if found is None:
            found = self._units[subject.unit.id] = sort_key(subject.unit.name)
        return found

    def folded(self, subject: ScanSubject) -> str:
        key = (subject.row.kind.value, subject.row.id)
        found = self._folded.get(key)
        if found is None:
            row = subject.row
            found = self._folded[key] = fold(f"{row.name} {row.code} {subject.unit.name}")
        return found


def _sorted(rows: list[EligibilityRow], order: str, keys: _Keys) -> list[EligibilityRow]:
    def by_name(row: EligibilityRow) -> tuple[Any, ...]:
        return (keys.name(row.subject), row.code, PRECEDENCE[row.verdict.code])

    if order == "don-vi":
        return sorted(rows, key=lambda r: (keys.unit(r.subject), *by_name(r)))
    if order == "hinh-thuc":
        return sorted(rows, key=lambda r: (PRECEDENCE[r.verdict.code], *by_name(r)))
    return sorted(rows, key=by_name)


def _confirm_groups(rows: Iterable[EligibilityRow]) -> tuple[ConfirmGroup, ...]:
    texts: dict[str, dict[str, None]] = {}
    for row in rows:
        found = texts.setdefault(row.verdict.code, {})
        for text in row.verdict.to_confirm:
            found[text] = None
    return tuple(
        ConfirmGroup(code, BY_CODE[code].name, tuple(found))
        for code, found in sorted(texts.items(), key=lambda item: PRECEDENCE[item[0]])
        if found
    )


def _quotas_within(scan: Scan, form: str) -> tuple[UnitQuotas, ...]:
    """The caps of the units scanned: the unit above the scanned one is counted only over
    the scanned collective, a partial figure about a unit the user may not see."""
    scanned = {s.row.id for s in scan.subjects if s.row.kind is SubjectKind.COLLECTIVE}
    found: list[UnitQuotas] = []
    for quota in scan.quotas:
        checks = tuple(c for c in quota.checks if not form or c.code == form)
        if quota.unit.id in scanned and checks:
            found.append(UnitQuotas(quota.unit, checks))
    return tuple(found)


_PENDING_FIELDS = (
    ("individual", "person_id"),
    ("collective", "collective_id"),
    ("household", "household_id"),
)


def pending_candidacies(
    *, unit: Unit, year: int
) -> dict[tuple[str, int], tuple[tuple[str, str], ...]]:
    """Per subject under ``unit`` (kind, id): the candidacies still in play on the
    achievements of ``year`` and not yet decided, whichever unit proposed them; one query."""
    under = unit.path
    rows = (
        Candidate.objects.in_play_for(year=year)
        .filter(award_record__isnull=True)
        .filter(
            Q(person__unit__path__startswith=under)
            | Q(collective__path__startswith=under)
            | Q(household__unit__path__startswith=under)
        )
        .select_related("proposal")
    )
    found: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    for candidate in rows:
        for kind, field in _PENDING_FIELDS:
            subject_id = getattr(candidate, field)
            if subject_id is not None:
                found[(kind, subject_id)].append(
                    (candidate.proposal.award_code, str(candidate.proposal))
                )
    return {key: tuple(values) for key, values in found.items()}


def eligibility_listing(
    *, unit: Unit, year: int, filters: Filters | None = None
) -> EligibilityListing:
    """The scan of ``unit`` (the caller has checked the user may see it) for ``year``, as
    rows: eligible, and one criterion short; the caps per unit, with a province's own caps
    where it set them."""
    filters = filters or Filters()
    check_year(year)
    caps = local_caps(unit, year=year)
    scope = caps.over(rule_set_for_year(year).scope) if caps else None
    scan = eligibility_scan(unit_code=unit.code, year=year, scope=scope)
    keys = _Keys()
    terms = search_terms(filters.query)
    kind = KINDS.get(filters.kind)
    eligible: list[EligibilityRow] = []
    one_short: list[EligibilityRow] = []
    pending = pending_candidacies(unit=unit, year=year)
    for subject in scan.subjects:
        if kind is not None and subject.row.kind is not kind:
            continue
        if terms and not all(t in keys.folded(subject) for t in terms):
            continue
        theirs = pending.get((subject.row.kind.value, subject.row.id), ())
        for verdict in subject.eligible:
            if not filters.form or verdict.code == filters.form:
                eligible.append(EligibilityRow(subject, verdict, year, theirs))
        for verdict in subject.one_short:
            if not filters.form or verdict.code == filters.form:
                one_short.append(EligibilityRow(subject, verdict, year))
    quotas = _quotas_within(scan, filters.form)
    return EligibilityListing(
        scan=scan,
        eligible=_sorted(eligible, filters.order, keys),
        one_short=_sorted(one_short, filters.order, keys),
        quotas=quotas,
        to_confirm=_confirm_groups(eligible),
        quota_basis=caps.basis if caps else "",
    )


def form_choices() -> list[tuple[str, list[AwardType]]]:
    """Titles and forms in the order of precedence, in two groups: never one label for both."""
    return [(label, [a for a in CATALOG if a.kind is kind]) for kind, label in KIND_GROUPS]


# --- one person -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonEligibility:
    year: int
    result: CaseResult | None
    steps: tuple[NextStep, ...]

    @property
    def rule_set(self) -> str:
        return self.result.rule_set if self.result is not None else ""


def person_eligibility(*, person: Person, year: int) -> PersonEligibility:
    """The person's verdicts for ``year`` and the nearest titles and forms not reached. The
    facts are read once (``subject_case``) for both answers."""
    check_year(year)
    case = subject_case(subject=person, year=year)
    if case is None:
        return PersonEligibility(year, None, ())
    scope = local_scope(person.unit, year)
    return PersonEligibility(year, evaluate(case, scope=scope), next_steps(case, scope=scope))
