"""The question of the comment form: small sums and differences written in words and asked in
several ways ("Lấy mười hai bớt đi năm thì còn bao nhiêu?"), answered in digits. Plain text, so
a screen reader reads it aloud; a script must understand Vietnamese numbers and the phrasing
rather than match one fixed sentence. The answer never leaves the server
(``thidua.portal.services.challenges``)."""

from __future__ import annotations

import secrets

from thidua.core.text import number_in_words

LARGEST_TERM = 20

# {a} and {b} are the numbers in words; the first of each pair adds, the second subtracts.
ADDING = (
    "{a} cộng {b} bằng mấy?",
    "Lấy {a} thêm {b} thì được bao nhiêu?",
    "Tổng của {a} và {b} là bao nhiêu?",
    "Có {a} quyển sách, mua thêm {b} quyển nữa. Có tất cả bao nhiêu quyển?",
)
SUBTRACTING = (
    "{a} trừ {b} còn mấy?",
    "Lấy {a} bớt đi {b} thì còn bao nhiêu?",
    "Hiệu của {a} và {b} là bao nhiêu?",
    "Có {a} quả cam, biếu đi {b} quả. Còn lại mấy quả?",
)


def question() -> tuple[str, int]:
    """(the question as shown, its answer)."""
    a = secrets.randbelow(LARGEST_TERM - 1) + 2
    if secrets.randbelow(2):
        b = secrets.randbelow(LARGEST_TERM) + 1
        phrasing, answer = secrets.choice(ADDING), a + b
    else:
        b = secrets.randbelow(a - 1) + 1
        phrasing, answer = secrets.choice(SUBTRACTING), a - b
    text = phrasing.format(a=number_in_words(a), b=number_in_words(b))
    return f"{text[0].upper()}{text[1:]} (trả lời bằng chữ số)", answer
