"""The comment form's question: kept on the server, spent on the first attempt, short-lived,
and worded so that no one sentence pattern reads it."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from thidua.awards.models import Comment
from thidua.awards.tests.commendation import people_of, published_list, ward_with_officer
from thidua.core.text import number_in_words
from thidua.portal import captcha
from thidua.portal.models import Challenge
from thidua.portal.services.challenges import challenge_create
from thidua.portal.tests.forms import TYPED, answer_of, challenge_key, comment_form

pytestmark = pytest.mark.django_db

STALE = "Câu hỏi kiểm tra đã hết hạn hoặc đã được dùng"
WRONG = "Câu trả lời chưa đúng"


@pytest.fixture
def url(fake_engine):
    unit, officer = ward_with_officer()
    published = published_list(unit, officer, people_of(unit, 2))
    return reverse("portal:disclosure", args=[published.code])


def test_the_page_holds_only_a_random_key_never_the_answer(client, url, monkeypatch):
    # An answer no date or count on the page could contain, to look for it anywhere.
    monkeypatch.setattr(captcha, "question", lambda: ("Bảy mươi bảy cộng một trăm?", 7531))

    html = client.get(url).content.decode()

    key = challenge_key(html)
    assert answer_of(key) == "7531"
    assert "7531" not in html
    assert len(key) >= 40  # 32 random bytes: nothing to guess, nothing to decode
    assert "Bảy mươi bảy cộng một trăm?" in html


def test_a_solved_question_cannot_be_sent_again(client, url):
    form = comment_form(client, url)
    assert client.post(url, form).status_code == 302

    again = client.post(url, form)

    assert again.status_code == 200
    assert STALE in again.content.decode()
    assert Comment.objects.count() == 1


def test_a_wrong_answer_spends_the_question_and_keeps_what_was_typed(client, url):
    form = comment_form(client, url)
    right = form["captcha"]

    wrong = client.post(url, {**form, "captcha": str(int(right) + 1)}).content.decode()

    assert WRONG in wrong
    assert TYPED["content"] in wrong
    assert TYPED["name"] in wrong
    assert TYPED["subject"] in wrong
    assert challenge_key(wrong) != form["challenge"]  # a new question to answer
    # The old question, now answered right, is spent all the same.
    assert STALE in client.post(url, form).content.decode()
    assert not Comment.objects.exists()


def test_the_new_question_after_a_refusal_takes_the_comment(client, url):
    wrong = client.post(url, comment_form(client, url, answer="0")).content.decode()
    key = challenge_key(wrong)

    response = client.post(url, {**TYPED, "challenge": key, "captcha": answer_of(key)})

    assert response.status_code == 302
    assert Comment.objects.get().content == TYPED["content"]


def test_an_expired_question_is_refused_and_purged_by_the_next(client, url):
    form = comment_form(client, url)
    Challenge.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    html = client.post(url, form).content.decode()

    assert STALE in html
    assert TYPED["content"] in html
    assert not Comment.objects.exists()
    stale = Challenge.objects.create(key="cu", answer=3, expires_at=timezone.now())
    challenge_create()
    assert not Challenge.objects.filter(pk=stale.pk).exists()


def test_a_missing_or_invented_key_is_refused(client, url):
    form = comment_form(client, url)
    for key in ("", "khong-co-ma-nay", "x" * 500):
        assert STALE in client.post(url, {**form, "challenge": key}).content.decode()
    assert not Comment.objects.exists()


WORDS = {number_in_words(n): n for n in range(100)}
# Longest first, so that "mười lăm" is read whole rather than as "mười".
NUMBER = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, WORDS), key=len, reverse=True)) + r")\b", re.I
)


def _skeleton(text: str) -> str:
    return NUMBER.sub("#", text).lower()


def test_questions_are_in_words_in_varied_phrasings_and_their_answers_right():
    adding = {_skeleton(p.format(a="một", b="hai")) for p in captcha.ADDING}
    seen = set()
    for _ in range(300):
        text, answer = captcha.question()
        assert not re.search(r"\d", text)
        a, b = (WORDS[w.lower()] for w in NUMBER.findall(text))
        adds = any(_skeleton(text).startswith(p) for p in adding)
        assert answer == (a + b if adds else a - b), text
        assert 0 < answer <= 2 * captcha.LARGEST_TERM
        seen.add(_skeleton(text))
    assert len(seen) == len(captcha.ADDING) + len(captcha.SUBTRACTING)
