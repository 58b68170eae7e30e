"""Numbers as Vietnamese offices write them: thousands apart by a point ("27.000")."""

from __future__ import annotations


def format_count(value: int) -> str:
    """``27000`` → ``27.000``; a count of characters, people, rows."""
    return f"{value:,}".replace(",", ".")


DIGIT_WORDS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def number_in_words(value: int) -> str:
    """``0`` to ``99`` read aloud: ``15`` → ``mười lăm``, ``21`` → ``hai mươi mốt``,
    ``40`` → ``bốn mươi``. After "mười"/"mươi" a five is said "lăm", and after "mươi" a one
    is said "mốt", as everyone reads numbers."""
    if not 0 <= value <= 99:
        raise ValueError(f"{value} is outside 0–99")
    tens, units = divmod(value, 10)
    if tens == 0:
        return DIGIT_WORDS[units]
    head = "mười" if tens == 1 else f"{DIGIT_WORDS[tens]} mươi"
    if units == 0:
        return head
    if units == 5:
        return f"{head} lăm"
    if units == 1 and tens > 1:
        return f"{head} mốt"
    return f"{head} {DIGIT_WORDS[units]}"
