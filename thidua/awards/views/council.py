"""Hội đồng: sessions, agenda, roll call, voting in the app, counting, the minutes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from thidua.accounts.models import User
from thidua.accounts.scoping import scope_for, units_acting_for
from thidua.awards import docx_documents, forms
from thidua.awards.choices import MemberRole
from thidua.awards.commendation_selectors import (
    council_member_pool,
    proposals_waiting_for_council,
    session_get_for_user,
    session_organiser,
    session_seat,
    sessions_for_user,
)
from thidua.awards.models import BallotVoter, CouncilSession, Proposal
from thidua.awards.services import council
from thidua.common.actions import run
from thidua.common.errors import DomainError
from thidua.common.params import text_param
from thidua.orgs.models import Unit


def _url(session: CouncilSession) -> str:
    return reverse("awards:session", args=[session.pk])


@login_required
def session_list(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    units = Unit.objects.filter(pk__in=scope.write_ids) if not scope.everything else None
    return render(
        request,
        "awards/sessions.html",
        {
            "sessions": sessions_for_user(user=request.user).order_by("-meeting_at")[:200],
            "can_create": scope.everything or bool(units is not None and units.exists()),
        },
    )


def _seats(request: HttpRequest, pool: list[User]) -> list[tuple[User, str]]:
    """The ticked members, with the chair and the secretary picked among them."""
    chosen = {int(x) for x in request.POST.getlist("members") if x.isdigit()}
    chair, secretary = request.POST.get("chair", ""), request.POST.get("secretary", "")
    return [
        (u, MemberRole.CHAIR if str(u.pk) == chair else
         MemberRole.SECRETARY if str(u.pk) == secretary else MemberRole.MEMBER)
        for u in pool if u.pk in chosen
    ]  # fmt: skip


@login_required
def session_create(request: HttpRequest) -> HttpResponse:
    units = units_acting_for(request.user)
    unit = units.filter(code=text_param(request, "don_vi") or request.POST.get("unit", "")).first()
    unit = unit or units.first()
    form = forms.SessionForm(request.POST or None)
    pool = list(council_member_pool(unit)) if unit else []
    if request.method == "POST" and unit is not None and form.is_valid():
        try:
            session = council.session_create(
                unit=unit,
                members=_seats(request, pool),
                by=request.user,
                agenda=proposals_waiting_for_council(unit),
                **form.cleaned_data,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect(_url(session))
    return render(
        request,
        "awards/session_form.html",
        {"form": form, "units": units, "unit": unit, "pool": pool},
    )


@login_required
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = session_get_for_user(user=request.user, pk=pk)
    seat = session_seat(request.user, session)
    ballots = list(session.ballots.select_related("candidate__proposal").order_by("pk"))
    voted = (
        set(BallotVoter.objects.filter(member=seat).values_list("ballot_id", flat=True))
        if seat
        else set()
    )
    waiting = proposals_waiting_for_council(session.unit)
    return render(
        request,
        "awards/session.html",
        {
            "session": session,
            "members": session.members.select_related("user"),
            "agenda": session.agenda.select_related("proposal"),
            "ballots": ballots,
            "seat": seat,
            "voted": voted,
            "organiser": session_organiser(request.user, session),
            "waiting": waiting,
        },
    )


@require_POST
@login_required
def session_agenda_add(request: HttpRequest, pk: int) -> HttpResponse:
    session = session_get_for_user(user=request.user, pk=pk, organiser=True)
    proposal = get_object_or_404(Proposal, code=request.POST.get("proposal", ""))
    return run(
        request,
        lambda: council.session_agenda_add(session=session, proposal=proposal, by=request.user),
        success="Đã đưa đề nghị vào chương trình họp.",
        back=_url(session),
    )


@require_POST
@login_required
def session_open(request: HttpRequest, pk: int) -> HttpResponse:
    session = session_get_for_user(user=request.user, pk=pk, organiser=True)
    present = [int(x) for x in request.POST.getlist("present") if x.isdigit()]
    return run(
        request,
        lambda: council.session_open(session=session, present_user_ids=present, by=request.user),
        success="Đã điểm danh và mở bỏ phiếu.",
        back=_url(session),
    )


@require_POST
@login_required
def ballot_vote(request: HttpRequest, pk: int, ballot: int) -> HttpResponse:
    session = session_get_for_user(user=request.user, pk=pk)
    target = get_object_or_404(session.ballots, pk=ballot)
    approve = request.POST.get("phieu") == "dong-y"
    return run(
        request,
        lambda: council.ballot_vote(ballot=target, user=request.user, approve=approve),
        success=f"Đã ghi nhận phiếu của anh/chị đối với {target.candidate.recipient_name}.",
        back=_url(session),
    )


@require_POST
@login_required
def ballot_hands(request: HttpRequest, pk: int, ballot: int) -> HttpResponse:
    session = session_get_for_user(user=request.user, pk=pk, organiser=True)
    target = get_object_or_404(session.ballots, pk=ballot)
    try:
        approvals = int(request.POST.get("approvals", ""))
        rejections = int(request.POST.get("rejections", ""))
    except ValueError:
        messages.error(request, "Số biểu quyết phải là số nguyên.")
        return redirect(_url(session))
    return run(
        request,
        lambda: council.ballot_record_hands(
            ballot=target, approvals=approvals, rejections=rejections, by=request.user
        ),
        success="Đã ghi kết quả biểu quyết.",
        back=_url(session),
    )


@require_POST
@login_required
def session_close(request: HttpRequest, pk: int) -> HttpResponse:
    session = session_get_for_user(user=request.user, pk=pk, organiser=True)
    return run(
        request,
        lambda: council.session_close(session=session, by=request.user),
        success="Đã kiểm phiếu và kết thúc phiên họp.",
        back=_url(session),
    )


@login_required
def session_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    session = session_get_for_user(user=request.user, pk=pk)
    data = docx_documents.bien_ban_hop(session)
    response = HttpResponse(data, content_type=docx_documents.DOCX)
    response["Content-Disposition"] = f'attachment; filename="bien-ban-hop-{session.pk}.docx"'
    return response
