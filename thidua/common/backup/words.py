"""Counts as the messages of the backup commands write them."""

from __future__ import annotations


def count(n: int, noun: str) -> str:
    """ "1.234 dòng": Vietnamese groups thousands with dots, and a noun has no plural."""
    return f"{n:,} {noun}".replace(",", ".")
