"""Errors a service raises; views and the API turn them into 4xx answers."""

from __future__ import annotations


class DomainError(Exception):
    """A refused operation, with a stable code and a Vietnamese sentence for the user."""

    # Sentences that detail the refusal (each unmet criterion with its article), one per line
    # on a page, one ``errors`` item each in the API.
    details: tuple[str, ...] = ()

    def __init__(self, code: str, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


class ImmutableRecordError(DomainError):
    """An issued decision, or an award record under one, cannot be changed."""

    def __init__(self, message: str) -> None:
        super().__init__("immutable", message)
