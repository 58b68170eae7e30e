"""What the sheets of one import share: the problems found, the units and people as they
will stand after the import (workbook over database), and the ids of what was written."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.utils import timezone

from thidua.dataio.workbook.base import chunks
from thidua.dataio.workbook.problems import Problem
from thidua.orgs.models import Person, Unit

if TYPE_CHECKING:
    from thidua.dataio.workbook.guard import WriteGuard


@dataclass(slots=True)
class UnitInfo:
    code: str
    id: int | None  # None: created by this import
    name: str


@dataclass(slots=True)
class PersonInfo:
    code: str
    id: int | None
    full_name: str
    unit_code: str


@dataclass
class ImportContext:
    problems: list[Problem] = field(default_factory=list)
    units: dict[str, UnitInfo | None] = field(default_factory=dict)
    persons: dict[str, PersonInfo | None] = field(default_factory=dict)
    today: date = field(default_factory=timezone.localdate)
    # Filled while writing, for the sheets written after.
    unit_ids: dict[str, int] = field(default_factory=dict)
    person_ids: dict[str, int] = field(default_factory=dict)
    tick: Callable[[int], None] = lambda n: None
    # The units this import creates, with their parent's code ("" for a root).
    new_unit_parents: dict[str, str] = field(default_factory=dict)
    guard: WriteGuard | None = None

    def writes(self, sheet: str, row: int, column: str, unit_code: str) -> None:
        """Row ``row`` creates or changes something in unit ``unit_code`` (the column says
        where the file names it): checked against the importer's units, if any."""
        if self.guard is not None:
            self.guard.touch(self, sheet, row, column, unit_code)

    def problem(self, sheet: str, row: int, column: str, message: str) -> None:
        self.problems.append(Problem(sheet, message, row, column))

    def load_units(self, codes: Iterable[str]) -> None:
        """Look the codes not yet known up in the database, in a few queries."""
        missing = sorted({c for c in codes if c and c not in self.units})
        for part in chunks(missing):
            for pk, code, name in Unit.objects.filter(code__in=part).values_list(
                "pk", "code", "name"
            ):
                self.units[code] = UnitInfo(code, pk, name)
                self.unit_ids[code] = pk
        for code in missing:
            self.units.setdefault(code, None)

    def load_persons(self, codes: Iterable[str]) -> None:
        missing = sorted({c for c in codes if c and c not in self.persons})
        for part in chunks(missing):
            rows = Person.objects.filter(code__in=part).values_list(
                "pk", "code", "full_name", "unit__code"
            )
            for pk, code, full_name, unit_code in rows:
                self.persons[code] = PersonInfo(code, pk, full_name, unit_code)
                self.person_ids[code] = pk
        for code in missing:
            self.persons.setdefault(code, None)

    def unit(self, code: str) -> UnitInfo | None:
        return self.units.get(code)

    def person(self, code: str) -> PersonInfo | None:
        return self.persons.get(code)


def unknown_unit(code: str) -> str:
    return f"đơn vị “{code}” không có trong trang DonVi và chưa có trong hệ thống."


def unknown_person(code: str) -> str:
    return f"cá nhân “{code}” không có trong trang CaNhan và chưa có trong hệ thống."
