"""The shell's "Chức năng đang được xây dựng" page for a module whose issue has not landed,
so that every navigation entry resolves from the first day."""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.generic import TemplateView


def placeholder(title: str, holds: tuple[str, ...]) -> Callable[..., HttpResponse]:
    """A login-protected page naming what the module will hold."""
    return login_required(
        TemplateView.as_view(
            template_name="web/placeholder.html", extra_context={"title": title, "holds": holds}
        )
    )
