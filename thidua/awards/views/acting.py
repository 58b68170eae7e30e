"""Run one service for a POST: success → a message and a redirect; a refusal → its sentence
as an error message and the same redirect (the page shows the state that stands)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect

from thidua.common.errors import DomainError


def act(
    request: HttpRequest, action: Callable[[], Any], *, done: str, to: str
) -> HttpResponseRedirect:
    try:
        action()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect(to)


def form_errors(request: HttpRequest, form: Any) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else str(error))
