"""Reads of score sheets. A member's own sheet is open to its officers, to the units
assigned to review it and to the cluster's managers; a review is open to the reviewing unit,
to the managers, and to the reviewed unit once it is sent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from thidua.accounts.models import Role
from thidua.accounts.scoping import scope_for
from thidua.emulation.access import can_manage, can_organise
from thidua.emulation.choices import ScoreSheetStatus
from thidua.emulation.models import Covenant, ScoreChange, ScoreLine, ScoreSheet
from thidua.orgs.models import Unit


def _reviewer_of(user: Any, sheet: ScoreSheet) -> bool:
    """The user acts for a unit assigned (and not recused) to review this sheet's unit."""
    scope = scope_for(user)
    reviewers = ScoreSheet.objects.filter(
        covenant_id=sheet.covenant_id, unit_id=sheet.unit_id, reviewer__isnull=False
    ).exclude(status=ScoreSheetStatus.RECUSED)
    return any(scope.can_write(r) for r in reviewers.values_list("reviewer_id", flat=True))


def can_read_sheet(user: Any, sheet: ScoreSheet) -> bool:
    scope = scope_for(user)
    if sheet.reviewer_id is None:
        if scope.can_read(sheet.unit_id) or _reviewer_of(user, sheet):
            return True
    elif scope.can_read(sheet.reviewer_id) or (
        sheet.status != ScoreSheetStatus.DRAFT and scope.can_read(sheet.unit_id)
    ):
        return True
    return can_manage(user, sheet.covenant.cluster)


def can_write_sheet(user: Any, sheet: ScoreSheet) -> bool:
    owner = sheet.unit_id if sheet.reviewer_id is None else sheet.reviewer_id
    return scope_for(user).can_write(owner)


def sheet_get_for_user(*, user: Any, pk: int, for_write: bool = False) -> ScoreSheet:
    """The sheet if the user may see it (or fill it in, with ``for_write``); 404 otherwise."""
    sheet = (
        ScoreSheet.objects.filter(pk=pk)
        .select_related("covenant__cluster", "unit", "reviewer")
        .first()
    )
    if sheet is None:
        raise Http404("Không tìm thấy bảng điểm.")
    allowed = can_write_sheet(user, sheet) if for_write else can_read_sheet(user, sheet)
    if not allowed:
        raise Http404("Không tìm thấy bảng điểm.")
    return sheet


def sheet_lines(*, sheet: ScoreSheet) -> dict[int, ScoreLine]:
    """The sheet's lines by criterion, each with its change history."""
    lines = sheet.lines.prefetch_related(
        Prefetch(
            "changes",
            queryset=ScoreChange.objects.select_related("changed_by").order_by("changed_at", "pk"),
        )
    )
    return {line.criterion_id: line for line in lines}


def line_get_for_user(*, user: Any, pk: int) -> ScoreLine:
    line = ScoreLine.objects.filter(pk=pk).select_related("sheet").first()
    if line is None or not can_read_sheet(user, line.sheet):
        raise Http404("Không tìm thấy điểm theo tiêu chí.")
    return line


def sheet_changes(*, sheet: ScoreSheet) -> QuerySet[ScoreChange]:
    return (
        ScoreChange.objects.filter(line__sheet=sheet)
        .select_related("line__criterion", "changed_by")
        .order_by("changed_at", "pk")
    )


@dataclass(frozen=True, slots=True)
class Tasks:
    """What waits for the user in a cluster's scoring."""

    own: list[ScoreSheet]  # sheets of the members the user acts for (self scoring)
    to_start: list[Unit]  # members the user acts for, signed, with no own sheet yet
    reviews: list[ScoreSheet]  # reviews assigned to units the user acts for
    unsigned: list[Unit]  # members the user acts for that have not signed yet
    readable: frozenset[int]  # sheets the user may open

    @property
    def empty(self) -> bool:
        return not (self.own or self.to_start or self.reviews or self.unsigned)


def scoring_tasks(*, user: Any, covenant: Covenant) -> Tasks:
    """What waits for the user, and which sheets of the cluster the user may open — the same
    rules as ``can_read_sheet``, for the whole cluster in two queries."""
    scope = scope_for(user)
    members = [m.unit for m in covenant.cluster.members.select_related("unit").order_by("order")]
    acts_for = scope.can_write
    if can_organise(user, covenant.cluster):
        # The organiser's officers may act for every member, but the members' own work is
        # not theirs to wait on: only the units their roles name are "theirs".
        named = set(Role.objects.filter(user=user).values_list("unit_id", flat=True))

        def acts_for(unit_id: int | None) -> bool:
            return unit_id in named

    mine = [u for u in members if acts_for(u.pk)]
    sheets = list(
        ScoreSheet.objects.filter(covenant=covenant)
        .select_related("unit", "reviewer")
        .order_by("unit__sort_key", "reviewer__sort_key")
    )
    signed = set(covenant.signatures.values_list("unit_id", flat=True))
    started = {s.unit_id for s in sheets if s.reviewer_id is None}
    reviews = [
        s
        for s in sheets
        if s.reviewer_id is not None
        and acts_for(s.reviewer_id)
        and s.status != ScoreSheetStatus.RECUSED
    ]
    if can_manage(user, covenant.cluster):
        readable = frozenset(s.pk for s in sheets)
    else:
        reviewed = {s.unit_id for s in reviews}
        readable = frozenset(
            s.pk
            for s in sheets
            if (s.reviewer_id is None and (scope.can_read(s.unit_id) or s.unit_id in reviewed))
            or (
                s.reviewer_id is not None
                and (
                    scope.can_read(s.reviewer_id)
                    or (s.status != ScoreSheetStatus.DRAFT and scope.can_read(s.unit_id))
                )
            )
        )
    return Tasks(
        own=[s for s in sheets if s.reviewer_id is None and s.unit_id in {u.pk for u in mine}],
        to_start=[u for u in mine if u.pk in signed and u.pk not in started],
        reviews=reviews,
        unsigned=[u for u in mine if u.pk not in signed],
        readable=readable,
    )


def reviews_of_covenant(*, covenant: Covenant) -> list[ScoreSheet]:
    return list(
        ScoreSheet.objects.filter(covenant=covenant, reviewer__isnull=False)
        .select_related("unit", "reviewer")
        .order_by("unit__sort_key", "reviewer__sort_key")
    )
