"""The public portal (no login): lists up for comment with the comment form, decision
look-up, certificate verification. Reads only what is public; services for the rest.

Every form and look-up counts its requests per address (``services.rate_limits``); past the
limit the answer is a 429 that says how long to wait, and the comment form comes back with
what was typed."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from thidua.awards.certificates import verification
from thidua.awards.choices import CheckStatus, DecisionStatus
from thidua.awards.commendation_selectors import certificate_by_code, disclosures_open
from thidua.awards.models import Decision, Disclosure
from thidua.awards.services.disclosure import comment_submit
from thidua.common.actions import attempt
from thidua.common.client import client_address
from thidua.common.params import text_param
from thidua.common.search import search_terms
from thidua.portal.forms import CommentForm
from thidua.portal.services.challenges import challenge_answer, challenge_create
from thidua.portal.services.rate_limits import minutes, request_count


def too_many_message(wait: int) -> str:
    return f"Anh/chị gửi quá nhiều yêu cầu, xin thử lại sau {minutes(wait)} phút."


def _waited(response: HttpResponse, wait: int) -> HttpResponse:
    response["Retry-After"] = str(wait)
    return response


def _refused(request: HttpRequest, scope: str, *, tab: str) -> HttpResponse | None:
    """The 429 page when this request of ``scope`` is one too many from its address."""
    wait = request_count(scope=scope, address=client_address(request))
    if not wait:
        return None
    page = render(
        request,
        "portal/rate_limited.html",
        {"message": too_many_message(wait), "tab": tab},
        status=429,
    )
    return _waited(page, wait)


def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/index.html",
        {"disclosures": disclosures_open().order_by("ends_on"), "tab": "lists"},
    )


def _comment_page(
    request: HttpRequest,
    published: Disclosure,
    candidates: list[Any],
    form: CommentForm,
    *,
    status: int = 200,
    ask: bool = True,
) -> HttpResponse:
    # A new question on every showing; the page holds only its key, never its answer.
    question, key = challenge_create() if ask else ("", "")
    context = {
        "disclosure": published,
        "candidates": candidates,
        "form": form,
        "question": question,
        "challenge": key,
        "tab": "lists",
    }
    return render(request, "portal/disclosure.html", context, status=status)


def disclosure(request: HttpRequest, code: UUID) -> HttpResponse:
    published = get_object_or_404(disclosures_open(), code=code)
    candidates = list(
        published.proposal.candidates.exclude(check_status=CheckStatus.REFUSED).order_by("pk")
    )
    choices = [(c.pk, c.recipient_name) for c in candidates]
    if request.method != "POST":
        refused = _refused(request, "form", tab="lists")
        return refused or _comment_page(
            request, published, candidates, CommentForm(candidates=choices)
        )

    form = CommentForm(request.POST, candidates=choices)
    wait = request_count(scope="comment", address=client_address(request))
    if wait:
        # Nothing is checked or spent; the question comes with the next try, after the wait.
        form.add_error(None, too_many_message(wait))
        page = _comment_page(request, published, candidates, form, status=429, ask=False)
        return _waited(page, wait)
    # First, so that the question is spent on every attempt, whatever else is wrong.
    answered = attempt(
        form,
        lambda: challenge_answer(
            key=request.POST.get("challenge", ""), answer=request.POST.get("captcha", "")
        ),
    )
    if answered and form.is_valid():
        data = form.cleaned_data
        chosen = next((c for c in candidates if c.pk == data["candidate"]), None)
        submitted = attempt(
            form,
            lambda: comment_submit(
                disclosure=published, candidate=chosen, name=data["name"],
                email=data["email"], subject=data["subject"], content=data["content"],
            ),
        )  # fmt: skip
        if submitted:
            messages.success(
                request, "Cảm ơn ông/bà đã góp ý. Ý kiến đã được chuyển tới cơ quan xét."
            )
            return redirect(request.path)
    return _comment_page(request, published, candidates, form)


PORTAL_DECISIONS_SHOWN = 20


def decisions(request: HttpRequest) -> HttpResponse:
    """Tra cứu quyết định: by a number or a part of it, and by a recipient's name typed with
    or without diacritics; only decisions issued (or revoked), the newest first."""
    number = text_param(request, "so")
    name = text_param(request, "ten")
    found = Decision.objects.none()
    if number or name:
        if refused := _refused(request, "lookup", tab="decisions"):
            return refused
        found = Decision.objects.filter(status__in=(DecisionStatus.ISSUED, DecisionStatus.REVOKED))
        if number:
            found = found.filter(number__icontains=number)
        for term in search_terms(name):
            found = found.filter(records__search_key__contains=term)
        found = found.distinct().order_by("-date", "-pk").prefetch_related("records")
    return render(
        request,
        "portal/decisions.html",
        {
            "number": number,
            "name": name,
            "decisions": found[:PORTAL_DECISIONS_SHOWN],
            "shown": PORTAL_DECISIONS_SHOWN,
            "tab": "decisions",
        },
    )


def verify(request: HttpRequest, code: str = "") -> HttpResponse:
    code = code or text_param(request, "ma")
    if code and (refused := _refused(request, "verify", tab="verify")):
        return refused
    certificate = certificate_by_code(code) if code else None
    return render(
        request,
        "portal/verify.html",
        {
            "code": code,
            "result": verification(certificate) if certificate else None,
            "tab": "verify",
        },
    )
