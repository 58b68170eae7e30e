"""Query helpers for the Vietnamese sort and search keys stored on rows."""

from __future__ import annotations

from django.db import connection
from django.db.models import F
from django.db.models.expressions import OrderBy
from django.db.models.functions import Collate

from thidua.common.params import clean_text
from thidua.core.text import fold

# Each word is one LIKE condition: a few narrow a search, hundreds only make the database
# refuse the query (SQLite's expression depth) without finding anything more.
SEARCH_MAX_WORDS = 8


def byte_order(field: str) -> OrderBy:
    """Order by a key column in plain byte order (PostgreSQL would otherwise use the locale)."""
    if connection.vendor == "postgresql":
        return Collate(F(field), "C").asc()
    return F(field).asc()


def search_terms(query: str) -> list[str]:
    """The folded words of a search box, the first few of them, each cut to the length of
    a search box; each must appear in the row's search key."""
    return [w for w in fold(clean_text(query)).split(" ") if w][:SEARCH_MAX_WORDS]
