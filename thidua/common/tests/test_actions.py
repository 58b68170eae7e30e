"""The one POST-redirect-GET helper of every app's buttons."""

from __future__ import annotations

from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory

from thidua.common.actions import run
from thidua.common.errors import DomainError


def _request():
    request = RequestFactory().post("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    return request


def _said(request) -> list[tuple[str, str]]:
    return [(m.level_tag, m.message) for m in get_messages(request)]


def test_a_done_action_says_so_and_goes_back():
    request = _request()
    calls = []

    response = run(request, lambda: calls.append(1), success="Đã lưu.", back="/de-nghi/")

    assert (response.status_code, response.url) == (302, "/de-nghi/")
    assert calls == [1]
    assert _said(request) == [("success", "Đã lưu.")]


def test_a_refusal_shows_its_sentence_and_goes_back_to_the_same_page():
    request = _request()

    def refuse() -> None:
        raise DomainError("locked", "Đề nghị đã gửi, không sửa được.")

    response = run(request, refuse, success="Đã lưu.", back="/de-nghi/1/")

    assert response.url == "/de-nghi/1/"
    assert _said(request) == [("error", "Đề nghị đã gửi, không sửa được.")]


def test_the_emulation_views_keep_their_import_path():
    from thidua.emulation.views.common import run as emulation_run

    assert emulation_run is run
