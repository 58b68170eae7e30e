"""A question a person answers at a glance ("Bảy cộng hai bằng mấy?"), signed into the form
so that the server keeps no state, and a field hidden from people that bots fill in."""

from __future__ import annotations

import secrets

from django.core import signing

NUMBERS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
SALT = "thidua.portal.captcha"
MAX_AGE_SECONDS = 2 * 60 * 60


def challenge() -> tuple[str, str]:
    """(question, signed token holding the answer)."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    question = f"{NUMBERS[a].capitalize()} cộng {NUMBERS[b]} bằng mấy? (ghi bằng số)"
    return question, signing.dumps(a + b, salt=SALT)


def solved(token: str, answer: str) -> bool:
    try:
        expected = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return False
    return answer.strip() == str(expected)
