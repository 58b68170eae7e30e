"""The four kinds of recipient a row may name, as one foreign key each (exactly one set)."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q

RECIPIENT_FIELDS = {
    "individual": "person",
    "collective": "collective",
    "household": "household",
    "enterprise": "enterprise",
}


def one_recipient_condition(kind_field: str = "recipient_kind") -> Q:
    """``kind_field`` names which of the four keys is set; the other three are empty."""
    options = []
    for kind, field in RECIPIENT_FIELDS.items():
        others = {f"{f}__isnull": True for f in RECIPIENT_FIELDS.values() if f != field}
        options.append(Q(**{kind_field: kind, f"{field}__isnull": False}, **others))
    return reduce(or_, options)
