"""Vietnamese collation.

The Vietnamese alphabet orders a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
and tones break ties in the order: none, huyền (à), hỏi (ả), ngã (ã), sắc (á), nặng (ạ)
(TCVN 5712; the order dictionaries use). Names sort by given name first, then family and
middle names, as offices list people.

Keys are ASCII strings built from fixed-width codes so that plain byte order (SQLite,
PostgreSQL with ``COLLATE "C"``) equals Vietnamese order.
"""

from __future__ import annotations

import unicodedata

from thidua.core.text.fold import normalize

_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_BASE_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# Letters outside the Vietnamese alphabet (f, j, w, z in foreign names) sort after their
# nearest neighbour; digits before letters.
_EXTRA = {"f": "e", "j": "i", "w": "v", "z": "y"}

_TONES = {
    "\u0300": 1,  # huyền
    "\u0309": 2,  # hỏi
    "\u0303": 3,  # ngã
    "\u0301": 4,  # sắc
    "\u0323": 5,  # nặng
}
_LETTER_MARKS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}


def _letters(word: str) -> list[tuple[str, int]]:
    """Split a word into (base letter, tone) pairs."""
    out: list[tuple[str, int]] = []
    for ch in unicodedata.normalize("NFD", word.casefold()):
        if ch in _TONES and out:
            base, _ = out[-1]
            out[-1] = (base, _TONES[ch])
        elif unicodedata.combining(ch) and out:
            base, tone = out[-1]
            out[-1] = (_LETTER_MARKS.get((base, ch), base), tone)
        elif not unicodedata.combining(ch):
            out.append((ch, 0))
    return out


def _letter_code(ch: str) -> str:
    if ch.isdigit():
        return f"0{ch}"
    if ch in _BASE_RANK:
        return f"{_BASE_RANK[ch] + 10:02d}"
    if ch in _EXTRA:
        return f"{_BASE_RANK[_EXTRA[ch]] + 10:02d}"
    return "99"


def sort_key(text: str) -> str:
    """Byte-orderable key: letters first (with marks), then tones as the tie-breaker."""
    words = normalize(text).split(" ")
    letter_part: list[str] = []
    tone_part: list[str] = []
    for word in words:
        pairs = _letters(word)
        letter_part.append("".join(_letter_code(ch) for ch, _ in pairs))
        tone_part.append("".join(str(tone) for _, tone in pairs))
    # "." sorts before any digit, so a shorter word comes before a longer one it begins.
    # "!" ends the letters: it sorts before "." and the digits, so "An" < "An Bình" < "Anh".
    return ".".join(letter_part) + "!" + ".".join(tone_part)


def name_sort_key(full_name: str) -> str:
    """Key for a person's full name: the given name whole (its tones included: "Ha" before
    "Hà" whatever their family names), then family name and middle names."""
    parts = normalize(full_name).split(" ")
    if not parts or parts == [""]:
        return ""
    given = sort_key(parts[-1])
    if len(parts) == 1:
        return given
    # " " sorts before every character of a key: among equal given names, one without family
    # name comes first, then the family names decide.
    return f"{given} {sort_key(' '.join(parts[:-1]))}"
