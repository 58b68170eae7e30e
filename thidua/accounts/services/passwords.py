"""Setting a password: by the person (their own choice, which ends a forced change) or by an
administrator (a new account, a reset: the person must choose their own at next sign-in).
Either way every other session of the account ends: whoever knew the old password is out."""

from __future__ import annotations

from django.db import transaction

from thidua.accounts.models import User
from thidua.accounts.services.sessions import sessions_end_all


@transaction.atomic
def password_set_by_user(*, user: User, password: str, keep_session: str | None = None) -> User:
    """``keep_session``: the session the person changed it from, which stays signed in."""
    user.set_password(password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    sessions_end_all(user=user, keep=keep_session)
    return user


@transaction.atomic
def password_set_by_administrator(*, user: User, password: str | None) -> User:
    """``password`` None: the account's password was already set on ``user`` (the admin's
    add form); only the obligation to change it is added."""
    if password is not None:
        user.set_password(password)
    user.must_change_password = True
    user.save()
    sessions_end_all(user=user)
    return user
