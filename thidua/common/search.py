"""Query helpers for the Vietnamese sort and search keys stored on rows."""

from __future__ import annotations

from django.db import connection
from django.db.models import F
from django.db.models.expressions import OrderBy
from django.db.models.functions import Collate

from thidua.core.text import fold


def byte_order(field: str) -> OrderBy:
    """Order by a key column in plain byte order (PostgreSQL would otherwise use the locale)."""
    if connection.vendor == "postgresql":
        return Collate(F(field), "C").asc()
    return F(field).asc()


def search_terms(query: str) -> list[str]:
    """The folded words of a search box; each must appear in the row's search key."""
    return [w for w in fold(query).split(" ") if w]
