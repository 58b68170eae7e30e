"""Cụm, khối thi đua: the list by year and a cluster's page (members, leaders over the years,
changes, rules), with forming next year's cluster."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from thidua.accounts.models import Role
from thidua.accounts.scoping import scope_for, units_acting_for
from thidua.common.actions import attempt
from thidua.common.errors import DomainError
from thidua.common.htmx import render_page
from thidua.core.scoring import METHOD_LABELS, Method
from thidua.emulation.access import can_manage, can_organise
from thidua.emulation.forms import ClusterForm, LeadersForm, RulesForm
from thidua.emulation.models import Cluster
from thidua.emulation.selectors import (
    cluster_changes,
    cluster_get_for_user,
    cluster_leader_history,
    cluster_members,
    cluster_years_for_user,
    clusters_for_user,
    covenant_for_cluster,
)
from thidua.emulation.services import (
    cluster_create,
    cluster_leaders_set,
    cluster_rules_update,
    cluster_year_create,
)
from thidua.emulation.views.common import cluster_url, run, year_from
from thidua.orgs.models import Unit


@login_required
def clusters(request: HttpRequest) -> HttpResponse:
    years = cluster_years_for_user(user=request.user)
    year = year_from(request, years)
    rows = list(clusters_for_user(user=request.user, year=year).prefetch_related("covenants"))
    return render_page(
        request,
        "emulation/clusters.html",
        {
            "years": years,
            "year": year,
            "rows": rows,
            "can_form": not scope_for(request.user).read_only,
        },
    )


def _acting_units(user: Any) -> QuerySet[Unit]:
    """Units in force the user acts for, in tree order: organisers and members to choose."""
    return units_acting_for(user)


@login_required
def cluster_new(request: HttpRequest) -> HttpResponse:
    """Thành lập cụm, khối: its first year, with no previous year to carry over."""
    if scope_for(request.user).read_only:
        raise PermissionDenied("Anh/chị chỉ có quyền xem, không thành lập cụm, khối được.")
    units = _acting_units(request.user)
    user: Any = request.user
    own = Role.objects.filter(user=user, unit__in=units).order_by("unit__path")
    initial = {
        "year": timezone.localdate().year,
        "organiser": own.values_list("unit__code", flat=True).first(),
    }
    form = ClusterForm(request.POST or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        members = list(data.pop("members"))
        try:
            created = cluster_create(by=request.user, members=members, **data)
        except DomainError as refusal:
            form.add_error(refusal.field if refusal.field in form.fields else None, refusal.message)
        else:
            messages.success(
                request,
                f"Đã thành lập {created.name} năm {created.year} với "
                f"{created.members.count()} đơn vị thành viên.",
            )
            return redirect(cluster_url(created))
    return render(
        request, "emulation/cluster_form.html", {"form": form}, status=400 if form.errors else 200
    )


RULE_FIELDS = (
    "score_method",
    "disagreement_spread",
    "reviewers_per_member",
    "flag_quota",
    "merit_quota",
)


def _cluster_page(
    request: HttpRequest,
    cluster: Cluster,
    *,
    rules_form: RulesForm | None = None,
    leaders_form: LeadersForm | None = None,
) -> HttpResponse:
    """The cluster's page; a refused form comes back in it, open, with what was typed (400)."""
    next_year = Cluster.objects.filter(previous=cluster).first()
    refused = rules_form is not None or leaders_form is not None
    return render(
        request,
        "emulation/cluster.html",
        {
            "cluster": cluster,
            "members": cluster_members(cluster=cluster),
            "history": cluster_leader_history(cluster=cluster),
            "changes": cluster_changes(cluster=cluster),
            "covenant": covenant_for_cluster(cluster=cluster),
            "next_year": next_year,
            "can_organise": can_organise(request.user, cluster),
            "can_manage": can_manage(request.user, cluster),
            "method_label": METHOD_LABELS[Method(cluster.score_method)],
            "rules_form": rules_form
            or RulesForm(initial={f: getattr(cluster, f) for f in RULE_FIELDS}),
            "leaders_form": leaders_form or _leaders_form(cluster),
        },
        status=400 if refused else 200,
    )


@login_required
def cluster(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster = cluster_get_for_user(user=request.user, code=code, year=year)
    return _cluster_page(request, cluster)


@require_POST
@login_required
def cluster_next(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster = cluster_get_for_user(user=request.user, code=code, year=year)
    created: list[Cluster] = []
    response = run(
        request,
        lambda: created.append(cluster_year_create(previous=cluster, by=request.user)),
        success=f"Đã lập danh sách {cluster.noun} năm {year + 1}.",
        back=cluster_url(cluster),
    )
    if created:
        response["Location"] = cluster_url(created[0])
    return response


def _leaders_form(cluster: Cluster, data: Any = None) -> LeadersForm:
    members = Unit.objects.filter(cluster_memberships__cluster=cluster).order_by("sort_key")
    return LeadersForm(data, members=members, words=(cluster.leader_word, cluster.deputy_word))


@require_POST
@login_required
def cluster_leaders(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster = cluster_get_for_user(user=request.user, code=code, year=year)
    form = _leaders_form(cluster, request.POST)
    if form.is_valid() and attempt(
        form, lambda: cluster_leaders_set(cluster=cluster, by=request.user, **form.cleaned_data)
    ):
        messages.success(
            request,
            f"Đã ghi {cluster.leader_word.lower()}, {cluster.deputy_word.lower()} năm {year}.",
        )
        return redirect(cluster_url(cluster))
    return _cluster_page(request, cluster, leaders_form=form)


@require_POST
@login_required
def cluster_rules(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster = cluster_get_for_user(user=request.user, code=code, year=year)
    form = RulesForm(request.POST)
    if form.is_valid() and attempt(
        form, lambda: cluster_rules_update(cluster=cluster, by=request.user, **form.cleaned_data)
    ):
        messages.success(request, "Đã lưu quy chế chấm điểm.")
        return redirect(cluster_url(cluster))
    return _cluster_page(request, cluster, rules_form=form)
