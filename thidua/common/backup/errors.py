"""A backup or a restore refused, with the sentence the administrator reads."""

from __future__ import annotations

from thidua.common.errors import DomainError


class BackupError(DomainError):
    """Nothing was changed: a damaged or mismatching archive, a missing tool, a busy database."""

    def __init__(self, message: str, *, code: str = "backup") -> None:
        super().__init__(code, message)
