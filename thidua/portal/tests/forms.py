"""The comment form as a citizen fills it in, the question answered from the database (a test
reads what the server keeps; the page itself holds only the question's key)."""

from __future__ import annotations

import re
from typing import Any

from thidua.portal.models import Challenge

KEY = re.compile(r'<input type="hidden" name="challenge" value="([^"]+)">')

TYPED = {
    "name": "Nguyễn Văn Dân",
    "email": "dan@example.vn",
    "subject": "Góp ý",
    "content": "Tôi đồng ý với danh sách.",
}


def challenge_key(html: str) -> str:
    found = KEY.search(html)
    assert found, "the page has no question"
    return found[1]


def answer_of(key: str) -> str:
    return str(Challenge.objects.get(key=key).answer)


def comment_form(client: Any, url: str, *, answer: str | None = None, **extra: str) -> dict:
    """The fields to post: the page fetched for a fresh question, answered right unless
    ``answer`` says otherwise."""
    key = challenge_key(client.get(url).content.decode())
    return {
        **TYPED,
        "challenge": key,
        "captcha": answer_of(key) if answer is None else answer,
        **extra,
    }
