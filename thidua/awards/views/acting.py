"""Form errors of a small form on a page, as messages above it (the POST-redirect-GET helper
itself is ``thidua.common.actions.run``)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest


def form_errors(request: HttpRequest, form: Any) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else str(error))
