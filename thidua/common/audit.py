"""Every change to the domain's rows is logged (who, when, what, old → new) by django-auditlog.

``AuditlogMiddleware`` knows the signed-in browser user only; an API token, a command or the
worker is known to the service alone, so each service names its actor with ``acting_as``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from auditlog.context import set_actor
from auditlog.registry import auditlog
from django.apps import AppConfig


def register_app_models(app_config: AppConfig) -> None:
    for model in app_config.get_models():
        if not auditlog.contains(model):
            auditlog.register(model)


@contextmanager
def acting_as(by: Any) -> Iterator[None]:
    """The audit rows written inside are signed by ``by`` (a user, or nobody for the system)."""
    known = by if getattr(by, "is_authenticated", False) else None
    with set_actor(known) if known is not None else nullcontext():
        yield
