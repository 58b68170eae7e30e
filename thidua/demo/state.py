"""What the builder steps hand on to each other: the units by code and the people with the
units they worked in, so that each year's facts are read from one place."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from thidua.demo.names import NameMaker
from thidua.orgs.models import Person, Unit

FIRST_YEAR = 2021
LAST_YEAR = 2024
YEARS = tuple(range(FIRST_YEAR, LAST_YEAR + 1))


@dataclass
class Staffer:
    """A person and the units they worked in: ``stints`` holds (unit code, start) in order."""

    person: Person
    stints: list[tuple[str, date]]
    # Leaders the plan keeps among the best of their unit (named people of the seeds).
    leader: bool = False

    @property
    def code(self) -> str:
        return self.person.code

    @property
    def joined(self) -> date:
        return self.stints[0][1]

    def unit_on(self, day: date) -> str | None:
        current: str | None = None
        for unit_code, start in self.stints:
            if start <= day:
                current = unit_code
        return current

    def unit_in(self, year: int) -> str | None:
        """The unit at the end of ``year`` (where the year's assessment and titles belong)."""
        return self.unit_on(date(year, 12, 31))

    def service_months(self, year: int) -> int:
        if self.joined.year < year:
            return 12
        if self.joined.year > year:
            return 0
        return 12 - self.joined.month + (1 if self.joined.day == 1 else 0)


@dataclass
class Demo:
    rng: random.Random
    names: NameMaker
    units: dict[str, Unit] = field(default_factory=dict)
    staff: list[Staffer] = field(default_factory=list)
    people: dict[str, Staffer] = field(default_factory=dict)
    # Person codes handed out per prefix ("KA-NS" → 31).
    counters: dict[str, int] = field(default_factory=dict)

    def unit(self, code: str) -> Unit:
        return self.units[code]

    def next_code(self, prefix: str) -> str:
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return f"{prefix}-{self.counters[prefix]:04d}"

    def roster(self, unit_codes: set[str] | frozenset[str], year: int) -> list[Staffer]:
        """People whose unit at the end of ``year`` is one of ``unit_codes``."""
        return [s for s in self.staff if s.unit_in(year) in unit_codes]

    def named(self, full_name: str) -> Staffer:
        for s in self.staff:
            if s.person.full_name == full_name:
                return s
        raise KeyError(full_name)
