"""Sizes of files as an office reads them, in the messages of uploads and backups."""

from __future__ import annotations


def megabytes(size: int) -> str:
    """A size as an office reads it: "1,5 MB", "20 MB", or "12 KB" under a megabyte."""
    if size < 2**20:
        return f"{max(size // 1024, 1)} KB"
    return f"{size / 2**20:.1f}".replace(".", ",").removesuffix(",0") + " MB"
