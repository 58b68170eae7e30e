"""The data administration pages (Quản trị dữ liệu) speak Vietnamese throughout: Django's
newer admin strings and the third-party apps' names come from thidua/locale."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from thidua.accounts.models import User

pytestmark = pytest.mark.django_db

ENGLISH = ("Skip to main content", "Model name", "Add link", "Task Results", "Toggle theme",
           "Access attempts", "Audit log", "Axes", "Tasks Database Backend")  # fmt: skip


@pytest.mark.parametrize(
    "url", ["admin:index", "admin:awards_decision_changelist", "admin:awards_decision_add"]
)
def test_the_admin_pages_have_no_english_left(client, url):
    admin = User.objects.create_superuser("quantri", "qt@example.com", "matkhau")
    client.force_login(admin)

    page = client.get(reverse(url)).content.decode()
    text = html.unescape(
        re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", page, flags=re.S))
    )

    assert [word for word in ENGLISH if word in text] == []
    assert "Chuyển đến nội dung chính" in text
