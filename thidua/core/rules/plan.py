"""A rule set made ready for one decision date and one set of settings: texts filled in, the
criteria in force picked, deciders looked up per unit kind, and the result of each criterion
built once (met, not met, undecided), so that judging a case allocates only its verdicts.

Plans are cached: a scan of a province judges every subject with the same plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from thidua.core.catalog import CATALOG, Recipient
from thidua.core.rules.citations import Citation
from thidua.core.rules.context import Context
from thidua.core.rules.facts import Case
from thidua.core.rules.model import AwardRule, Check, Criterion, Remark, RuleSet
from thidua.core.rules.settings import RuleSettings, ScopeSettings, Share
from thidua.core.rules.verdict import CaseResult, CriterionResult, Ground, Verdict
from thidua.core.rules.vocabulary import (
    DISCIPLINE_LABELS,
    RATING_LABELS,
    SubjectKind,
    UnitKind,
)

_UNIT_KINDS: tuple[UnitKind | None, ...] = (None, *UnitKind)


@dataclass(frozen=True, slots=True)
class CompiledCriterion:
    check: Check
    met: CriterionResult
    unmet: CriterionResult
    undecided: CriterionResult


@dataclass(frozen=True, slots=True)
class CompiledAward:
    code: str
    criteria: tuple[CompiledCriterion, ...]
    to_confirm: tuple[str, ...]
    other_grounds: tuple[Ground, ...]
    deciders: Mapping[UnitKind | None, str | None]

    def judge(self, ctx: Context) -> Verdict:
        return self.verdict(self.outcomes(ctx), ctx.case.unit_kind)

    def outcomes(self, ctx: Context) -> tuple[bool | None, ...]:
        """What each criterion's check answers: True met, False not met, None undecided."""
        return tuple(
            None if (outcome := criterion.check(ctx)) is None else bool(outcome)
            for criterion in self.criteria
        )

    def verdict(self, outcomes: Sequence[bool | None], unit_kind: UnitKind | None) -> Verdict:
        results: list[CriterionResult] = []
        for criterion, outcome in zip(self.criteria, outcomes, strict=True):
            if outcome is None:
                results.append(criterion.undecided)
            elif outcome:
                results.append(criterion.met)
            else:
                results.append(criterion.unmet)
        return Verdict(
            self.code,
            _eligibility(outcomes),
            tuple(results),
            self.to_confirm,
            self.other_grounds,
            self.deciders[unit_kind],
        )


def _eligibility(outcomes: Sequence[bool | None]) -> bool | None:
    """False when a criterion is not met; else None when one is undecided; else True."""
    if False in outcomes:
        return False
    return None if None in outcomes else True


# Distinct answers are few (most subjects meet or miss the same criteria): past this many per
# plan the memo is emptied rather than let grow.
_MEMO_LIMIT = 100_000
# The evaluation year, the subject's kind and unit kind, and the answers in judging order.
_ResultKey = tuple[int, SubjectKind, UnitKind | None, tuple[bool | None, ...]]


class Plan:
    __slots__ = ("_checks", "_results", "by_kind", "decision_date", "rule_set", "scope", "settings")

    def __init__(
        self, rule_set: RuleSet, decision_date: date, settings: RuleSettings, scope: ScopeSettings
    ) -> None:
        self.rule_set = rule_set
        self.decision_date = decision_date
        self.settings = settings
        self.scope = scope
        values = _text_values(settings, scope)
        self.by_kind: dict[SubjectKind, tuple[CompiledAward, ...]] = {
            kind: tuple(
                _compile(rule_set, rule, decision_date, settings, scope, values)
                for rule in reversed(_rules_for(rule_set, kind))
            )
            for kind in SubjectKind
        }
        # The same, reduced to what judging reads: each award's code and checks.
        self._checks = {
            kind: tuple((a.code, tuple(c.check for c in a.criteria)) for a in awards)
            for kind, awards in self.by_kind.items()
        }
        self._results: dict[_ResultKey, CaseResult] = {}

    def evaluate(self, case: Case) -> CaseResult:
        """Every title and form for the case's kind, judged lowest first so that what the
        subject is found eligible for this year counts towards the higher ones; answered in
        catalog order.

        A scan judges the same answers over and over: the checks run for every case, but the
        result (its verdicts and criteria) is built once per distinct set of answers and
        shared (every part of it is immutable)."""
        ctx = Context(case, self.settings, self.scope)
        eligible_now = ctx.eligible_now
        outcomes: list[bool | None] = []
        append = outcomes.append
        for code, checks in self._checks[case.kind]:
            eligible: bool | None = True
            for check in checks:
                outcome = check(ctx)
                if outcome is None:
                    append(None)
                    if eligible is True:
                        eligible = None
                elif outcome:
                    append(True)
                else:
                    append(False)
                    eligible = False
            if eligible:
                eligible_now.add(code)
        key = (case.year, case.kind, case.unit_kind, tuple(outcomes))
        result = self._results.get(key)
        if result is None:
            if len(self._results) >= _MEMO_LIMIT:
                self._results.clear()
            result = self._results[key] = self._result(*key)
        return result

    def _result(
        self,
        year: int,
        kind: SubjectKind,
        unit_kind: UnitKind | None,
        outcomes: tuple[bool | None, ...],
    ) -> CaseResult:
        verdicts: list[Verdict] = []
        start = 0
        for award in self.by_kind[kind]:
            end = start + len(award.criteria)
            verdicts.append(award.verdict(outcomes[start:end], unit_kind))
            start = end
        verdicts.reverse()
        return CaseResult(year, self.rule_set.name, tuple(verdicts))


def _rules_for(rule_set: RuleSet, kind: SubjectKind) -> list[AwardRule]:
    """The rules for ``kind`` in catalog order, exactly one per code the kind may receive."""
    by_code: dict[str, AwardRule] = {}
    for rule in rule_set.rules:
        if kind in rule.kinds:
            if rule.code in by_code:
                raise ValueError(f"{rule_set.name}: two rules for {rule.code} ({kind})")
            by_code[rule.code] = rule
    recipient = Recipient(kind.value)
    wanted = [a.code for a in CATALOG if a.accepts(recipient)]
    if set(by_code) != set(wanted):
        raise ValueError(f"{rule_set.name}: rules for {kind} do not match the catalog")
    return [by_code[code] for code in wanted]


def _text_values(settings: RuleSettings, scope: ScopeSettings) -> dict[str, object]:
    return {
        "min_service_months": settings.min_service_months,
        "ttldtt_share": settings.ttldtt_ldtt_share.phrase,
        "ttldxs_share": settings.ttldxs_ldtt_share.phrase,
        "cstdtq_max_lag_years": settings.cstdtq_max_lag_years,
        "collective_bk_tinh_years": settings.collective_bk_tinh_years,
        "collective_bk_ttg_years": settings.collective_bk_ttg_years,
        "collective_hcld3_years": settings.collective_hcld3_years,
        "ldtt_barred_from": DISCIPLINE_LABELS[scope.ldtt_barred_from]
        if scope.ldtt_barred_from is not None
        else "",
        "giay_khen_min_rating": RATING_LABELS[scope.giay_khen_min_rating]
        if scope.giay_khen_min_rating is not None
        else "",
        "scope_name": scope.name or "Bộ, ban, ngành, tỉnh",
    }


def _compile(
    rule_set: RuleSet,
    rule: AwardRule,
    on: date,
    settings: RuleSettings,
    scope: ScopeSettings,
    values: Mapping[str, object],
) -> CompiledAward:
    criteria = tuple(
        _compile_criterion(c, values) for c in rule.criteria if c.applies(on, settings, scope)
    )
    to_confirm = tuple(_remark_text(r) for r in rule.to_confirm if r.in_force(on))
    to_confirm += _quota_remarks(rule_set, rule.code, scope)
    other_grounds = tuple(
        Ground(r.text, r.citation)
        for r in rule.other_grounds
        if r.in_force(on) and r.citation is not None
    )
    deciders = {
        unit_kind: _decider(rule_set, rule.code, unit_kind, on) for unit_kind in _UNIT_KINDS
    }
    return CompiledAward(rule.code, criteria, to_confirm, other_grounds, deciders)


def _compile_criterion(criterion: Criterion, values: Mapping[str, object]) -> CompiledCriterion:
    text = criterion.text.format_map(values)
    key, citation = criterion.key, criterion.citation
    return CompiledCriterion(
        criterion.check,
        CriterionResult(key, text, True, citation),
        CriterionResult(key, text, False, citation),
        CriterionResult(key, text, None, citation),
    )


def _remark_text(remark: Remark) -> str:
    return _cited(remark.text, remark.citation)


def _cited(text: str, citation: Citation | None) -> str:
    return f"{text} ({citation.text})" if citation is not None else text


def _quota_remarks(rule_set: RuleSet, code: str, scope: ScopeSettings) -> tuple[str, ...]:
    remarks: list[str] = []
    for quota in rule_set.quotas:
        share = getattr(scope, quota.setting)
        if quota.code == code and isinstance(share, Share):
            remarks.append(
                _cited(
                    f"Nằm trong giới hạn không quá {share.percent}% {quota.text} "
                    "(kiểm tra theo đơn vị)",
                    quota.citation,
                )
            )
    return tuple(remarks)


def _decider(rule_set: RuleSet, code: str, unit_kind: UnitKind | None, on: date) -> str | None:
    for decider in rule_set.deciders:
        if code not in decider.codes or not decider.in_force(on):
            continue
        if decider.unit_kinds is None or (
            unit_kind is not None and unit_kind in decider.unit_kinds
        ):
            return decider.title
    return None


_PLANS: dict[tuple[int, date, RuleSettings, ScopeSettings], Plan] = {}


def plan_for(
    rule_set: RuleSet,
    year: int,
    *,
    settings: RuleSettings | None = None,
    scope: ScopeSettings | None = None,
) -> Plan:
    """The plan for the achievement year ``year`` (its decisions are dated by
    ``settings.decision_date``), built once per rule set, date and settings."""
    settings = settings or rule_set.settings
    scope = scope or rule_set.scope
    on = settings.decision_date(year)
    key = (id(rule_set), on, settings, scope)
    plan = _PLANS.get(key)
    if plan is None or plan.rule_set is not rule_set:
        plan = _PLANS[key] = Plan(rule_set, on, settings, scope)
    return plan
