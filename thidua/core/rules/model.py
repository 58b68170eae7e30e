"""The law as data: criteria with their citations and validity, the rule of each title or form
for each kind of subject, the deciders, and the rule set that gathers them for a range of
evaluation years."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from thidua.core.rules.citations import Citation, LegalText
from thidua.core.rules.context import Context
from thidua.core.rules.settings import RuleSettings, ScopeSettings
from thidua.core.rules.vocabulary import SubjectKind, UnitKind

# True: met; False: not met; None: the facts cannot decide (left to a local regulation).
Check = Callable[[Context], bool | None]
# Whether a criterion applies under the settings in use (a scope may switch one off).
Applies = Callable[[RuleSettings, ScopeSettings], bool]


def _in_force(valid_from: date | None, valid_to: date | None, on: date) -> bool:
    return (valid_from is None or valid_from <= on) and (valid_to is None or on <= valid_to)


@dataclass(frozen=True, slots=True, kw_only=True)
class Criterion:
    """One condition the facts can decide. ``text`` may name settings in braces
    (``{min_service_months:02d}``); they are filled in when the rule set is compiled."""

    key: str
    text: str
    citation: Citation
    check: Check
    valid_from: date | None = None
    valid_to: date | None = None
    when: Applies | None = None

    def applies(self, on: date, settings: RuleSettings, scope: ScopeSettings) -> bool:
        in_force = _in_force(self.valid_from, self.valid_to, on)
        return in_force and (self.when is None or self.when(settings, scope))


@dataclass(frozen=True, slots=True, kw_only=True)
class Remark:
    """A condition the facts cannot decide: a qualitative criterion for the council
    (``to_confirm``) or an alternative legal ground needing other evidence
    (``other_grounds``)."""

    text: str
    citation: Citation | None = None
    valid_from: date | None = None
    valid_to: date | None = None

    def in_force(self, on: date) -> bool:
        return _in_force(self.valid_from, self.valid_to, on)


@dataclass(frozen=True, slots=True, kw_only=True)
class AwardRule:
    """What a rule set requires of one kind of subject for one title or form."""

    code: str
    kinds: tuple[SubjectKind, ...]
    criteria: tuple[Criterion, ...]
    to_confirm: tuple[Remark, ...] = ()
    other_grounds: tuple[Remark, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Decider:
    """Who decides ``codes`` for subjects of ``unit_kinds`` (None: whatever the unit)."""

    title: str
    codes: frozenset[str]
    unit_kinds: frozenset[UnitKind] | None
    citation: Citation
    valid_from: date | None = None
    valid_to: date | None = None

    def in_force(self, on: date) -> bool:
        return _in_force(self.valid_from, self.valid_to, on)


@dataclass(frozen=True, slots=True, kw_only=True)
class Quota:
    """A cap on the share of ``code`` among the subjects holding ``base`` (or among all members
    when ``base`` is None), set by the scope settings field ``setting``."""

    code: str
    base: str | None
    setting: str
    text: str
    citation: Citation


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleSet:
    name: str
    title: str
    first_year: int
    last_year: int | None
    basis: tuple[LegalText, ...]
    rules: tuple[AwardRule, ...]
    deciders: tuple[Decider, ...]
    settings: RuleSettings
    scope: ScopeSettings
    quotas: tuple[Quota, ...]
    one_award: Citation
    # Where the rule set allows one State-level form a year to a subject (Điều 3 Thông tư
    # 12/2019/TT-BNV before 2024): the citation; None where no such cap holds.
    one_state_form_a_year: Citation | None = None

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    @property
    def years_label(self) -> str:
        if self.last_year is None:
            return f"từ năm {self.first_year}"
        return f"{self.first_year}–{self.last_year}"
