"""Reads of the award history, always through the user's scope."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from thidua.accounts.scoping import scope_for
from thidua.awards.models import AwardRecord, Certificate, Decision
from thidua.common.search import search_terms
from thidua.core.catalog import BY_CODE, Kind
from thidua.orgs.models import Person, Unit
from thidua.orgs.services.units import unit_lineage

# What a record's every showing reads along with it (the page, the API's AwardOut).
RECORD_RELATIONS = ("decision", "unit", "person", "collective", "household", "enterprise")


def awards_for_user(*, user: Any) -> QuerySet[AwardRecord]:
    """Every record the user may see: those whose unit of the time is in the user's scope."""
    return scope_for(user).filter(AwardRecord.objects.all()).select_related(*RECORD_RELATIONS)


def person_awards(*, user: Any, person: Person) -> QuerySet[AwardRecord]:
    """A person's whole award timeline, whichever unit they were in (the person is visible)."""
    return (
        AwardRecord.objects.filter(person=person)
        .select_related("decision", "unit")
        .order_by("-year", "code")
    )


def unit_awards(*, user: Any, unit: Unit) -> QuerySet[AwardRecord]:
    """Awards of the unit as a collective, including those of the units it succeeded."""
    lineage = [u.pk for u in unit_lineage(unit)]
    return (
        AwardRecord.objects.filter(collective_id__in=lineage)
        .select_related("decision", "collective")
        .order_by("-year", "code")
    )


def award_counts_by_kind(*, user: Any, start: date, end: date) -> dict[Kind, int]:
    """Standing awards in the user's scope whose decision was signed from ``start`` to ``end``
    (inclusive), counted apart for emulation titles (danh hiệu thi đua) and commendation
    forms (hình thức khen thưởng)."""
    counts: dict[Kind, int] = dict.fromkeys(Kind, 0)
    rows = (
        scope_for(user)
        .filter(AwardRecord.objects.standing().filter(decision__date__range=(start, end)))
        .values_list("code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for code, n in rows:
        counts[BY_CODE[code].kind] += n
    return counts


def decisions_for_user(*, user: Any) -> QuerySet[Decision]:
    """Decisions issued by a unit the user may see, or granting a record the user may see
    (a ward sees the city's decisions that reward it, not the city's others)."""
    scope = scope_for(user)
    decisions = Decision.objects.select_related("issuing_unit")
    if scope.everything:
        return decisions
    visible = Q(issuing_unit_id__in=scope.read_ids) | Q(
        pk__in=AwardRecord.objects.filter(unit_id__in=scope.read_ids).values("decision_id")
    )
    return decisions.filter(visible)


def _decision_records_visible(*, user: Any) -> QuerySet[AwardRecord]:
    """The one rule for the rows of a decision: every row for whoever sees its issuing unit
    (its officers, the units above it, an administrator); otherwise only the rows whose
    unit at the time of the award — a person's unit then, or the collective itself — lies in
    the user's scope. A ward opens a district's decision for its own lines and must not read
    its neighbours' names, bonuses and certificates."""
    scope = scope_for(user)
    records = AwardRecord.objects.all()
    if scope.everything:
        return records
    return records.filter(
        Q(unit_id__in=scope.read_ids) | Q(decision__issuing_unit_id__in=scope.read_ids)
    )


def decision_records_for_user(*, user: Any, decision: Decision) -> QuerySet[AwardRecord]:
    """The rows of ``decision`` the user may see (every page, document, certificate and API
    read of a decision's list goes through here)."""
    return (
        _decision_records_visible(user=user)
        .filter(decision=decision)
        .select_related(*RECORD_RELATIONS)
    )


def certificate_get_for_user(*, user: Any, code: str) -> Certificate:
    """The certificate of a row the user may read on its decision's list; another unit's
    recipient's is as unknown as a code that does not exist (404)."""
    certificate = (
        Certificate.objects.filter(
            code=code, award_record__in=_decision_records_visible(user=user).values("pk")
        )
        .select_related("award_record__decision", "award_record__person")
        .first()
    )
    if certificate is None:
        raise Http404("Không tìm thấy giấy khen, bằng khen.")
    return certificate


def decision_get_for_user(*, user: Any, pk: int, for_write: bool = False) -> Decision:
    """A decision the user may see; 404 otherwise. ``for_write`` further demands that the
    user acts for its issuing unit, refusing with 403 (the user knows it exists)."""
    decision = decisions_for_user(user=user).filter(pk=pk).first()
    if decision is None:
        raise Http404("Không tìm thấy quyết định.")
    if for_write and not scope_for(user).can_write(decision.issuing_unit_id):
        raise PermissionDenied("Anh/chị không có quyền sửa quyết định của đơn vị này.")
    return decision


def decisions_search(
    *,
    user: Any,
    query: str = "",
    year: int | None = None,
    code: str = "",
    unit: Any = None,
    status: str = "",
) -> QuerySet[Decision]:
    """Tra cứu quyết định: every word of ``query`` (diacritics ignored) in the number — a part
    of it does, "301" —, the issuing body, the trích yếu or a recipient's name; narrowed by
    the year signed, a title or form granted, a unit (issuing, or of a recipient, with the
    units under it) and the status. Only decisions the user may see."""
    found = decisions_for_user(user=user)
    # A row the user may not read must not make its decision match either: the match would
    # tell a ward that a neighbour's officer is on the district's list.
    rows = _decision_records_visible(user=user)
    for term in search_terms(query):
        found = found.filter(
            Q(search_key__contains=term)
            | Q(pk__in=rows.filter(search_key__contains=term).values("decision_id"))
        )
    if year:
        found = found.filter(date__year=year)
    if code:
        found = found.filter(pk__in=rows.filter(code=code).values("decision_id"))
    if unit is not None:
        under = Q(path__startswith=unit.path)
        found = found.filter(
            Q(issuing_unit__in=Unit.objects.filter(under))
            | Q(pk__in=rows.filter(unit__in=Unit.objects.filter(under)).values("decision_id"))
        )  # fmt: skip
    if status:
        found = found.filter(status=status)
    return found.order_by("-date", "-pk")
