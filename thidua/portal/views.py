"""The public portal (no login): lists up for comment with the comment form, decision
look-up, certificate verification. Reads only what is public; one service call to write."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django_ratelimit.decorators import ratelimit

from thidua.awards.certificates import verification
from thidua.awards.choices import CheckStatus, DecisionStatus
from thidua.awards.commendation_selectors import certificate_by_code, disclosures_open
from thidua.awards.models import Decision
from thidua.awards.services.disclosure import comment_submit
from thidua.common.errors import DomainError
from thidua.common.params import text_param
from thidua.common.search import search_terms
from thidua.portal.captcha import challenge
from thidua.portal.forms import CommentForm

COMMENT_RATE = "5/h"


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(
        request,
        "portal/rate_limited.html",
        {"message": "Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút."},
        status=429,
    )


def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/index.html",
        {"disclosures": disclosures_open().order_by("ends_on"), "tab": "lists"},
    )


@ratelimit(key="ip", rate=COMMENT_RATE, method="POST", block=False)
def disclosure(request: HttpRequest, code: UUID) -> HttpResponse:
    published = get_object_or_404(disclosures_open(), code=code)
    candidates = list(
        published.proposal.candidates.exclude(check_status=CheckStatus.REFUSED).order_by("pk")
    )
    choices = [(c.pk, c.recipient_name) for c in candidates]
    if request.method == "POST":
        if getattr(request, "limited", False):
            return rate_limited(request, Exception())
        form = CommentForm(request.POST, candidates=choices)
        if form.is_valid():
            data = form.cleaned_data
            chosen = next((c for c in candidates if c.pk == data["candidate"]), None)
            try:
                comment_submit(
                    disclosure=published, candidate=chosen, name=data["name"],
                    email=data["email"], subject=data["subject"], content=data["content"],
                )  # fmt: skip
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request, "Cảm ơn ông/bà đã góp ý. Ý kiến đã được chuyển tới cơ quan xét."
                )
                return redirect(request.path)
    else:
        form = CommentForm(candidates=choices)
    # A fresh question on every showing; the template writes the token and an empty answer.
    question, token = challenge()
    return render(
        request,
        "portal/disclosure.html",
        {
            "disclosure": published,
            "candidates": candidates,
            "form": form,
            "question": question,
            "token": token,
            "tab": "lists",
        },
    )


PORTAL_DECISIONS_SHOWN = 20


def decisions(request: HttpRequest) -> HttpResponse:
    """Tra cứu quyết định: by a number or a part of it, and by a recipient's name typed with
    or without diacritics; only decisions issued (or revoked), the newest first."""
    number = text_param(request, "so")
    name = text_param(request, "ten")
    found = Decision.objects.none()
    if number or name:
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
