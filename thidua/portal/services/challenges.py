"""The comment form's question, kept on the server: created for each showing of the form and
gone at the first attempt to answer it."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from thidua.common.errors import DomainError
from thidua.portal import captcha
from thidua.portal.models import Challenge

# Long enough to read the list and write a comment; a form left open longer gets a new
# question with everything typed kept.
LIFETIME = timedelta(minutes=15)

WRONG = "Câu trả lời chưa đúng. Xin trả lời câu hỏi mới dưới đây."
STALE = (
    "Câu hỏi kiểm tra đã hết hạn hoặc đã được dùng. Xin trả lời câu hỏi mới dưới đây; "
    "nội dung ý kiến vẫn được giữ nguyên."
)


@transaction.atomic
def challenge_create() -> tuple[str, str]:
    """(the question, the key the form sends back). Rows past their time go here too: every
    showing of the form is a moment to tidy, and the table stays as small as the forms open."""
    now = timezone.now()
    Challenge.objects.filter(expires_at__lt=now).delete()
    text, answer = captcha.question()
    challenge = Challenge.objects.create(
        key=secrets.token_urlsafe(32), answer=answer, expires_at=now + LIFETIME
    )
    return text, challenge.key


def challenge_answer(*, key: str, answer: str) -> None:
    """Raise a DomainError unless ``answer`` solves the question ``key``. The question is spent
    either way, so a solved form cannot be sent twice and one question cannot be guessed at:
    hence no transaction of its own here, which the refusal would roll back, deletion and all
    (the delete is one statement, atomic by itself)."""
    challenge = Challenge.objects.filter(key=key[:64]).first()
    # Only the request that deletes the row may use it: two sending the same form at once
    # both read it, one deletes it.
    spent = challenge is not None and Challenge.objects.filter(key=challenge.key).delete()[0] == 1
    if challenge is None or not spent or challenge.expires_at < timezone.now():
        raise DomainError("challenge_stale", STALE, field="captcha")
    if answer.strip() != str(challenge.answer):
        raise DomainError("challenge_wrong", WRONG, field="captcha")
