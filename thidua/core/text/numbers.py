"""Numbers as Vietnamese offices write them: thousands apart by a point ("27.000")."""

from __future__ import annotations


def format_count(value: int) -> str:
    """``27000`` → ``27.000``; a count of characters, people, rows."""
    return f"{value:,}".replace(",", ".")
