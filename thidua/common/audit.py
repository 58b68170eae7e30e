"""Every change to the domain's rows is logged (who, when, what, old → new) by django-auditlog.

The web and the API set the actor through ``AuditlogMiddleware``; commands set it with
``auditlog.context.set_actor``.
"""

from __future__ import annotations

from auditlog.registry import auditlog
from django.apps import AppConfig


def register_app_models(app_config: AppConfig) -> None:
    for model in app_config.get_models():
        if not auditlog.contains(model):
            auditlog.register(model)
