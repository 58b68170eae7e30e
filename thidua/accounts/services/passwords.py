"""Setting a password: by the person (their own choice, which ends a forced change) or by an
administrator (a new account, a reset: the person must choose their own at next sign-in)."""

from __future__ import annotations

from django.db import transaction

from thidua.accounts.models import User


@transaction.atomic
def password_set_by_user(*, user: User, password: str) -> User:
    user.set_password(password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    return user


@transaction.atomic
def password_set_by_administrator(*, user: User, password: str | None) -> User:
    """``password`` None: the account's password was already set on ``user`` (the admin's
    add form); only the obligation to change it is added."""
    if password is not None:
        user.set_password(password)
    user.must_change_password = True
    user.save()
    return user
