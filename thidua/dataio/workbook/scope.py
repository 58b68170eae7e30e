"""What an export covers: a unit's subtree (or everything) and a range of years, closed over
what the rows refer to (a person's unit, the parents of a unit), so that the file imports on
its own into an empty database."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from django.db.models import Model, Q, QuerySet

from thidua.awards.models import AwardRecord
from thidua.common.errors import DomainError
from thidua.emulation.models import ClusterMember
from thidua.orgs.models import Assessment, Initiative, Person, Unit

M = TypeVar("M", bound=Model)


class ExportedUnit(NamedTuple):
    id: int
    code: str
    name: str
    kind: str
    kind_label: str
    parent_id: int | None


@dataclass
class ExportScope:
    subtree: QuerySet[Unit] | None  # None: every unit
    year_from: int | None = None
    year_to: int | None = None
    _units: dict[int, ExportedUnit] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        *,
        unit_code: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
    ) -> ExportScope:
        subtree = None
        if unit_code:
            root = Unit.objects.filter(code=unit_code).first()
            if root is None:
                raise DomainError("unknown_unit", f"Không có đơn vị mã “{unit_code}”.")
            subtree = Unit.objects.filter(path__startswith=root.path)
        return cls(subtree, year_from, year_to)

    def years(self, qs: QuerySet[M], lookup: str = "year") -> QuerySet[M]:
        if self.year_from is not None:
            qs = qs.filter(**{f"{lookup}__gte": self.year_from})
        if self.year_to is not None:
            qs = qs.filter(**{f"{lookup}__lte": self.year_to})
        return qs

    def _in_subtree(self, qs: QuerySet[M], lookup: str) -> QuerySet[M]:
        if self.subtree is None:
            return qs
        return qs.filter(**{f"{lookup}__in": self.subtree.values("pk")})

    def records(self) -> QuerySet[AwardRecord]:
        """Standing records (issued, not revoked): the history, not the drafts."""
        return self._in_subtree(self.years(AwardRecord.objects.standing()), "unit")

    def assessments(self) -> QuerySet[Assessment]:
        qs = self.years(Assessment.objects.all())
        if self.subtree is None:
            return qs
        units = self.subtree.values("pk")
        return qs.filter(Q(unit__in=units) | Q(person__unit__in=units))

    def initiatives(self) -> QuerySet[Any]:
        """One row per (initiative, author)."""
        through = Initiative.authors.through.objects.all()
        return self._in_subtree(self.years(through, "initiative__year"), "person__unit")

    def members(self) -> QuerySet[ClusterMember]:
        return self._in_subtree(self.years(ClusterMember.objects.all(), "cluster__year"), "unit")

    def people(self) -> QuerySet[Person]:
        if self.subtree is None:
            return Person.objects.all()
        units = self.subtree.values("pk")
        return Person.objects.filter(
            Q(unit__in=units)
            | Q(pk__in=self.records().values("person"))
            | Q(pk__in=self.initiatives().values("person"))
        )

    def units_in_order(self) -> list[ExportedUnit]:
        """The units, parents before children, siblings by code (the same order whatever
        the database ids)."""
        units = self._load_units()
        children: dict[int | None, list[ExportedUnit]] = {}
        for unit in units.values():
            parent = unit.parent_id if unit.parent_id in units else None
            children.setdefault(parent, []).append(unit)
        ordered: list[ExportedUnit] = []
        stack = sorted(children.get(None, []), key=lambda u: u.code, reverse=True)
        while stack:
            unit = stack.pop()
            ordered.append(unit)
            stack.extend(sorted(children.get(unit.id, []), key=lambda u: u.code, reverse=True))
        return ordered

    def unit_code(self, pk: int) -> str:
        return self._load_units()[pk].code

    def _load_units(self) -> dict[int, ExportedUnit]:
        if self._units:
            return self._units
        fields = ("pk", "code", "name", "kind", "kind_label", "parent_id")
        qs = Unit.objects.all()
        if self.subtree is not None:
            wanted = (
                Q(pk__in=self.subtree.values("pk"))
                | Q(pk__in=self.people().values("unit"))
                | Q(pk__in=self.records().values("unit"))
            )
            paths = Unit.objects.filter(wanted).values_list("path", flat=True)
            ids = {int(i) for path in paths for i in path.strip("/").split("/") if i}
            qs = Unit.objects.filter(pk__in=sorted(ids))
        self._units = {v[0]: ExportedUnit(*v) for v in qs.values_list(*fields)}
        return self._units
