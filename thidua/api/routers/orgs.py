"""Units and people, read through the caller's scope: what lies outside is 404."""

# Annotations evaluated at import: see thidua/api/params.py.

from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.pagination import paginate

from thidua.api.params import Pages, SearchText
from thidua.api.schemas import READ_ERRORS, AwardOut, PersonOut, UnitDetail, UnitOut
from thidua.awards.selectors import person_awards, unit_awards
from thidua.orgs.selectors import (
    people_for_user,
    person_get_for_user,
    unit_get_for_user,
    units_for_user,
)

router = Router(tags=["Đơn vị và cá nhân"])


@router.get("/units", response={200: list[UnitOut], **READ_ERRORS}, summary="Danh sách đơn vị")
@paginate(Pages, page_size=100)
def list_units(request: HttpRequest, q: SearchText = "") -> Any:
    """Units the caller may see, in tree order; ``q`` matches name or code without regard to
    diacritics."""
    return units_for_user(user=request.user, query=q)


@router.get("/units/{code}", response={200: UnitDetail, **READ_ERRORS}, summary="Một đơn vị")
def get_unit(request: HttpRequest, code: str) -> Any:
    return unit_get_for_user(user=request.user, code=code)


@router.get(
    "/units/{code}/awards",
    response={200: list[AwardOut], **READ_ERRORS},
    summary="Khen thưởng tập thể của đơn vị (kể cả các đơn vị tiền thân)",
)
@paginate(Pages, page_size=100)
def list_unit_awards(request: HttpRequest, code: str) -> Any:
    unit = unit_get_for_user(user=request.user, code=code)
    return unit_awards(user=request.user, unit=unit)


@router.get("/people", response={200: list[PersonOut], **READ_ERRORS}, summary="Danh sách cá nhân")
@paginate(Pages, page_size=100)
def list_people(request: HttpRequest, q: SearchText = "", unit: str = "") -> Any:
    """People the caller may see, in Vietnamese name order; ``q`` ignores diacritics
    ("nguyen van hinh" finds "Nguyễn Văn Hinh"); ``unit`` keeps one unit's subtree."""
    within = unit_get_for_user(user=request.user, code=unit) if unit else None
    return people_for_user(user=request.user, query=q, unit=within)


@router.get("/people/{code}", response={200: PersonOut, **READ_ERRORS}, summary="Một cá nhân")
def get_person(request: HttpRequest, code: str) -> Any:
    return person_get_for_user(user=request.user, code=code)


@router.get(
    "/people/{code}/awards",
    response={200: list[AwardOut], **READ_ERRORS},
    summary="Quá trình khen thưởng của cá nhân",
)
@paginate(Pages, page_size=100)
def list_person_awards(request: HttpRequest, code: str) -> Any:
    person = person_get_for_user(user=request.user, code=code)
    return person_awards(user=request.user, person=person)
