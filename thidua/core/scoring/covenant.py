"""A covenant's criteria tree and the points of one score sheet under it.

The tree has groups (which only add up their children), items (points up to a maximum),
bonus points and penalty points. A group's own maximum, when set, caps its subtotal, so a
table whose items add up to more than the group allows still scores within the group.

Totals clamp every entered value into ``[0, maximum]`` so that a sheet always has a total;
``problems`` tells a service which entries it must refuse before they are stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

ZERO = Decimal(0)
CENT = Decimal("0.01")


def quantize(value: Decimal) -> Decimal:
    """Points are kept to two decimals, rounded half up as a scoring table is."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


class CriterionKind(StrEnum):
    GROUP = "group"
    ITEM = "item"
    BONUS = "bonus"
    PENALTY = "penalty"


class CovenantError(ValueError):
    """A criteria tree that cannot be scored (the message is for the user)."""


@dataclass(frozen=True, slots=True)
class Criterion:
    id: int
    number: str
    kind: CriterionKind
    max_points: Decimal
    parent: int | None = None
    per_occurrence: Decimal | None = None  # a bonus or penalty counted per occurrence


# More occurrences than a year of reports has days is a typing slip, not a count.
MAX_OCCURRENCES = 366


@dataclass(frozen=True, slots=True)
class PointProblem:
    criterion: int
    message: str


@dataclass(frozen=True, slots=True)
class Totals:
    """``base`` is the points of groups and items; ``total = base + bonus − penalty``,
    never below 0 and never above ``maximum``."""

    base: Decimal
    bonus: Decimal
    penalty: Decimal
    total: Decimal
    maximum: Decimal
    by_criterion: Mapping[int, Decimal]  # counted points of each node (a group: its subtotal)


class CriteriaTree:
    """A validated tree of criteria, in the order given (the covenant's order)."""

    def __init__(self, criteria: Iterable[Criterion]) -> None:
        self.criteria: tuple[Criterion, ...] = tuple(criteria)
        self.by_id: dict[int, Criterion] = {}
        for c in self.criteria:
            if c.id in self.by_id:
                raise CovenantError(f"Tiêu chí {c.number} bị trùng.")
            if c.max_points < 0:
                raise CovenantError(f"Tiêu chí {c.number}: điểm tối đa không được âm.")
            if c.per_occurrence is not None:
                if c.kind not in (CriterionKind.BONUS, CriterionKind.PENALTY):
                    raise CovenantError(
                        f"Tiêu chí {c.number}: chỉ điểm thưởng, điểm trừ mới tính theo số lần."
                    )
                if c.per_occurrence <= 0 or c.per_occurrence > c.max_points:
                    raise CovenantError(
                        f"Tiêu chí {c.number}: điểm mỗi lần phải lớn hơn 0 và không vượt mức "
                        f"tối đa {_show(c.max_points)} điểm."
                    )
            self.by_id[c.id] = c
        self.children: dict[int | None, list[Criterion]] = {}
        for c in self.criteria:
            if c.parent is not None:
                parent = self.by_id.get(c.parent)
                if parent is None:
                    raise CovenantError(f"Tiêu chí {c.number} thuộc một nhóm không có.")
                if parent.kind is not CriterionKind.GROUP:
                    raise CovenantError(
                        f"Tiêu chí {c.number} chỉ được đặt trong một nhóm tiêu chí, "
                        f"không đặt trong tiêu chí {parent.number}."
                    )
            self.children.setdefault(c.parent, []).append(c)
        self._check_acyclic()

    def _check_acyclic(self) -> None:
        for c in self.criteria:
            seen = {c.id}
            parent = c.parent
            while parent is not None:
                if parent in seen:
                    raise CovenantError(f"Tiêu chí {c.number} nằm trong chính nó.")
                seen.add(parent)
                parent = self.by_id[parent].parent

    @property
    def scorable(self) -> tuple[Criterion, ...]:
        """The criteria a sheet gives points to (every kind but groups), in order."""
        return tuple(c for c in self.criteria if c.kind is not CriterionKind.GROUP)

    def _node_max(self, c: Criterion) -> Decimal:
        if c.kind is CriterionKind.ITEM:
            return c.max_points
        inner = sum(
            (self._node_max(k) for k in self.children.get(c.id, []) if _counts_in_base(k)),
            ZERO,
        )
        return min(inner, c.max_points) if c.max_points > 0 else inner

    def overfull(self) -> list[str]:
        """Groups whose items add up to more than the group's own maximum: the covenant would
        print a total its table cannot reach (I = 100, "Tổng điểm tối đa 105"), so a service
        refuses to store or open such a tree."""
        found = []
        for c in self.criteria:
            if c.kind is not CriterionKind.GROUP or c.max_points <= 0:
                continue
            inner = sum(
                (self._node_max(k) for k in self.children.get(c.id, []) if _counts_in_base(k)),
                ZERO,
            )
            if inner > c.max_points:
                found.append(
                    f"Nhóm {c.number}: các tiêu chí trong nhóm cộng {_show(inner)} điểm, vượt "
                    f"điểm tối đa {_show(c.max_points)} của nhóm; giảm điểm các tiêu chí hoặc "
                    "tăng điểm tối đa của nhóm."
                )
        return found

    @property
    def base_maximum(self) -> Decimal:
        return sum(
            (self._node_max(c) for c in self.children.get(None, []) if _counts_in_base(c)), ZERO
        )

    @property
    def bonus_maximum(self) -> Decimal:
        return sum((c.max_points for c in self.criteria if c.kind is CriterionKind.BONUS), ZERO)

    @property
    def maximum(self) -> Decimal:
        return self.base_maximum + self.bonus_maximum

    def occurrence_points(self, criterion_id: int, occurrences: int) -> Decimal:
        """The points of ``occurrences`` on a per-occurrence criterion, bounded by its limit
        (three late reports at 2 points each, at most 5: 5)."""
        c = self.by_id[criterion_id]
        if c.per_occurrence is None:
            raise CovenantError(f"Tiêu chí {c.number} không tính theo số lần.")
        if not 0 <= occurrences <= MAX_OCCURRENCES:
            raise CovenantError(
                f"Tiêu chí {c.number}: số lần phải từ 0 đến {MAX_OCCURRENCES}, "
                f"không phải {occurrences}."
            )
        return min(quantize(c.per_occurrence * occurrences), c.max_points)

    def problems(self, points: Mapping[int, Decimal]) -> list[PointProblem]:
        """Entries a service must refuse: unknown criteria, groups, values out of range."""
        found: list[PointProblem] = []
        for criterion_id, value in points.items():
            c = self.by_id.get(criterion_id)
            if c is None:
                found.append(PointProblem(criterion_id, "Tiêu chí không thuộc giao ước này."))
            elif c.kind is CriterionKind.GROUP:
                found.append(
                    PointProblem(c.id, f"Nhóm {c.number} được cộng từ các tiêu chí trong nhóm.")
                )
            elif value < 0 or value > c.max_points:
                found.append(
                    PointProblem(
                        c.id,
                        f"Tiêu chí {c.number}: điểm phải từ 0 đến {_show(c.max_points)}, "
                        f"không phải {_show(value)}.",
                    )
                )
            elif value != quantize(value):
                found.append(
                    PointProblem(
                        c.id, f"Tiêu chí {c.number}: điểm lấy tối đa hai chữ số thập phân."
                    )
                )
        return found

    def totals(self, points: Mapping[int, Decimal]) -> Totals:
        counted: dict[int, Decimal] = {}

        def node(c: Criterion) -> Decimal:
            if c.kind is CriterionKind.GROUP:
                inner = sum((node(k) for k in self.children.get(c.id, [])), ZERO)
                value = min(inner, c.max_points) if c.max_points > 0 else inner
            else:
                value = _clamp(points.get(c.id, ZERO), c.max_points)
            counted[c.id] = value
            # Bonus and penalty points are added apart, wherever they sit in the tree.
            return value if _counts_in_base(c) else ZERO

        base = sum((node(c) for c in self.children.get(None, [])), ZERO)
        bonus = sum((counted[c.id] for c in self.criteria if c.kind is CriterionKind.BONUS), ZERO)
        penalty = sum(
            (counted[c.id] for c in self.criteria if c.kind is CriterionKind.PENALTY), ZERO
        )
        maximum = self.maximum
        total = min(max(base + bonus - penalty, ZERO), maximum)
        return Totals(
            base=quantize(base),
            bonus=quantize(bonus),
            penalty=quantize(penalty),
            total=quantize(total),
            maximum=quantize(maximum),
            by_criterion={k: quantize(v) for k, v in counted.items()},
        )


def _counts_in_base(c: Criterion) -> bool:
    return c.kind in (CriterionKind.GROUP, CriterionKind.ITEM)


def _clamp(value: Decimal, maximum: Decimal) -> Decimal:
    return min(max(value, ZERO), maximum)


def _show(value: Decimal) -> str:
    """Points as a Vietnamese table writes them: "12,5", "20"."""
    text = f"{quantize(value):f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def format_points(value: Decimal | None) -> str:
    return "—" if value is None else _show(value)
