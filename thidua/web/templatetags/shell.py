"""Tags of the page shell: who is signed in, and the kind of an award."""

from __future__ import annotations

from typing import Any

from django import template

from thidua.awards import selectors as award_selectors
from thidua.core.catalog import BY_CODE, Kind

register = template.Library()

KIND_LABELS = {Kind.TITLE: "Danh hiệu thi đua", Kind.FORM: "Hình thức khen thưởng"}


@register.simple_tag
def user_roles(user: Any) -> list[Any]:
    """The signed-in user's roles with their units, for the header (one query)."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(user.roles.select_related("unit").order_by("kind", "unit__path"))


@register.filter
def award_kind(code: str) -> str:
    """ "Danh hiệu thi đua" or "Hình thức khen thưởng": the two are never one label."""
    award = BY_CODE.get(code)
    return KIND_LABELS[award.kind] if award else ""


@register.filter
def award_kind_code(code: str) -> str:
    award = BY_CODE.get(code)
    return award.kind.value if award else ""


@register.simple_tag
def person_award_timeline(user: Any, person: Any) -> Any:
    """The person's award records for the timeline (``awards`` sits above ``orgs``, so the
    web layer composes the profile page)."""
    return award_selectors.person_awards(user=user, person=person)


@register.simple_tag
def unit_award_timeline(user: Any, unit: Any) -> Any:
    """The unit's collective awards, its predecessors' included."""
    return award_selectors.unit_awards(user=user, unit=unit)
