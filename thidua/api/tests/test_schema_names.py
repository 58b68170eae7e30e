"""Every shape of the API has its own name: the OpenAPI document keys its components by the
class name, so a second ``CriterionOut`` silently replaced the first and responses stopped
matching the schema."""

from __future__ import annotations

from collections import Counter

from ninja import Schema

import thidua.api.api  # noqa: F401 - loads every router and its schemas


def _subclasses(cls: type) -> set[type]:
    found: set[type] = set(cls.__subclasses__())
    return found.union(*(_subclasses(c) for c in found)) if found else found


def test_no_two_api_schemas_share_a_name():
    ours = [
        c
        for c in _subclasses(Schema)
        if c.__module__.startswith("thidua.api")
        and ".tests." not in c.__module__
        and "." not in c.__qualname__
    ]
    counts = Counter(c.__name__ for c in ours)

    assert len(ours) > 40
    assert [name for name, n in counts.items() if n > 1] == []
