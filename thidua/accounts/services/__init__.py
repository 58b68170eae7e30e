"""Writes of ``accounts``: API tokens, sign-in locks, passwords and sessions."""

from thidua.accounts.services.passwords import password_set_by_administrator, password_set_by_user
from thidua.accounts.services.tokens import (
    TOKEN_PREFIX,
    IssuedToken,
    token_authenticate,
    token_create,
    token_revoke,
    token_revoke_own,
)

__all__ = [
    "TOKEN_PREFIX",
    "IssuedToken",
    "password_set_by_administrator",
    "password_set_by_user",
    "token_authenticate",
    "token_create",
    "token_revoke",
    "token_revoke_own",
]
