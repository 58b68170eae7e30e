"""Đổi mật khẩu (also the forced change after an administrator set it) and Quên mật khẩu
(Django's token views: an e-mail with a one-time link)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.urls import reverse, reverse_lazy

from thidua.accounts.forms import PasswordChangeForm, SetPasswordForm
from thidua.accounts.services.sessions import session_rekey
from thidua.accounts.views.next_page import safe_next


class PasswordChange(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm
    template_name = "accounts/password_change.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {"next": self._next()}

    def form_valid(self, form: Any) -> Any:
        form.keep_session = self.request.session.session_key
        response = super().form_valid(form)  # gives the session a new key
        session_rekey(old=form.keep_session, new=self.request.session.session_key)
        messages.success(self.request, "Đã đổi mật khẩu.")
        return response

    def get_success_url(self) -> str:
        return self._next() or reverse("accounts:account")

    def _next(self) -> str:
        return safe_next(self.request)


password_change = PasswordChange.as_view()
password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    email_template_name="accounts/password_reset_email.txt",
    subject_template_name="accounts/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html",
    extra_context={"timeout_hours": settings.PASSWORD_RESET_TIMEOUT // 3600},
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    form_class=SetPasswordForm,
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
