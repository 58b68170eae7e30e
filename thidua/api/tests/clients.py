"""An API client that calls as a user, with a token of theirs, as an outside program would."""

from __future__ import annotations

from django.test import Client

from thidua.accounts.services import token_create


def bearer(user) -> Client:
    token = token_create(username=user.username).token
    return Client(headers={"Authorization": f"Bearer {token}"})
