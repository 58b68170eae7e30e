"""Đơn vị và cá nhân: the unit tree, unit and person profiles, and the lists of people,
households and enterprises. Thin: parse the request, call the scoped selectors, render.

The award timelines on the profiles come from ``awards``, a layer above ``orgs``: the page
templates fetch them through the web layer's ``{% load shell %}`` tags, so these views never
import ``awards``."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Page
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from thidua.common.htmx import render_page, wants_partial
from thidua.common.params import page_param, text_param
from thidua.orgs.selectors import (
    PEOPLE_ORDERS,
    enterprises_for_user,
    households_for_user,
    people_list_for_user,
    person_assessments,
    person_get_for_user,
    person_initiatives,
    person_memberships,
    unit_assessments,
    unit_get_for_filter,
    unit_get_for_user,
    unit_people,
    unit_relations,
    unit_tree_for_user,
    units_for_filter,
    units_for_user,
)

PAGE_SIZE = 50
UNIT_PEOPLE_LIMIT = 50


def _page(request: HttpRequest, rows: QuerySet[Any]) -> Page[Any]:
    return page_param(request, rows, per_page=PAGE_SIZE)


def _list(
    request: HttpRequest, template: str, context: dict[str, Any], rows: QuerySet[Any]
) -> HttpResponse:
    """Render a paginated list page, or only its results when htmx asks for them."""
    context["page"] = _page(request, rows)
    return render_page(request, template, context)


@login_required
def units(request: HttpRequest) -> HttpResponse:
    query = text_param(request, "q")
    context: dict[str, Any] = {"query": query}
    if query:
        context["matches"] = list(units_for_user(user=request.user, query=query)[:200])
    else:
        context["nodes"] = unit_tree_for_user(user=request.user)
    return render(request, "orgs/units.html", context)


@login_required
def unit(request: HttpRequest, code: str) -> HttpResponse:
    unit = unit_get_for_user(user=request.user, code=code)
    people = unit_people(user=request.user, unit=unit)
    return render(
        request,
        "orgs/unit.html",
        {
            "unit": unit,
            "relations": unit_relations(user=request.user, unit=unit),
            "people": list(people[:UNIT_PEOPLE_LIMIT]),
            "people_total": people.count(),
            "assessments": unit_assessments(user=request.user, unit=unit),
        },
    )


@login_required
def people(request: HttpRequest) -> HttpResponse:
    query = text_param(request, "q")
    order = text_param(request, "sap_xep", default="ten")
    if order not in PEOPLE_ORDERS:
        order = "ten"
    unit = unit_get_for_filter(user=request.user, code=text_param(request, "don_vi"))
    rows = people_list_for_user(user=request.user, query=query, unit=unit, order=order)
    context = {
        "query": query,
        "order": order,
        "unit": unit,
        "unit_choices": [] if wants_partial(request) else units_for_filter(user=request.user),
    }
    return _list(request, "orgs/people.html", context, rows)


@login_required
def person(request: HttpRequest, code: str) -> HttpResponse:
    person = person_get_for_user(user=request.user, code=code)
    return render(
        request,
        "orgs/person.html",
        {
            "person": person,
            "memberships": person_memberships(user=request.user, person=person),
            "assessments": person_assessments(user=request.user, person=person),
            "initiatives": person_initiatives(user=request.user, person=person),
        },
    )


@login_required
def households(request: HttpRequest) -> HttpResponse:
    query = text_param(request, "q")
    rows = households_for_user(user=request.user, query=query)
    return _list(request, "orgs/households.html", {"query": query}, rows)


@login_required
def enterprises(request: HttpRequest) -> HttpResponse:
    query = text_param(request, "q")
    rows = enterprises_for_user(user=request.user, query=query)
    return _list(request, "orgs/enterprises.html", {"query": query}, rows)
