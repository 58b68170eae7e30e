"""Normal form and diacritic folding, so that "nguyen van hinh" finds "Nguyễn Văn Hinh"."""

from __future__ import annotations

import unicodedata

# đ/Đ is a letter of its own, not d plus a mark: NFD leaves it whole.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "D"})


def normalize(text: str) -> str:
    """NFC with runs of white space collapsed and the ends trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def fold(text: str) -> str:
    """A search key: lower case, no diacritics, single spaces ("Nguyễn  Văn" → "nguyen van")."""
    decomposed = unicodedata.normalize("NFD", normalize(text).translate(_SPECIAL))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.casefold()
