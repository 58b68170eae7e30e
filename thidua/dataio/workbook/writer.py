"""Bulk writes for the sheets' ``apply``: batched, counted for the progress line, and as wide
as the database allows (SQLite is told its real variable limit, not Django's 999)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import connection
from django.db.models import Model

from thidua.dataio.workbook.base import chunks

if TYPE_CHECKING:
    from thidua.dataio.workbook.context import ImportContext

M = TypeVar("M", bound=Model)
BATCH = 2000  # objects per call: bounds memory and paces the progress line


def bulk_create(model: type[M], objs: Iterable[M], ctx: ImportContext) -> None:
    """Insert in batches; ``objs`` may be a generator, so that no more than a batch of
    model instances lives at once. A list gets its primary keys set."""
    it = iter(objs)
    while part := list(islice(it, BATCH)):
        model._default_manager.bulk_create(part)  # the model's queryset guards apply
        ctx.tick(len(part))


def bulk_update(model: type[M], objs: Sequence[M], fields: list[str], ctx: ImportContext) -> None:
    for part in chunks(objs, BATCH):
        model._default_manager.bulk_update(part, fields)
        ctx.tick(len(part))


@contextmanager
def wide_batches() -> Iterator[None]:
    """Let Django put as many rows in one INSERT as this SQLite accepts (32,766 variables
    since SQLite 3.32, where Django assumes 999): ten times fewer statements for 100,000
    award rows."""
    features: Any = connection.features
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    raw = connection.connection
    limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) if raw is not None else 999
    saved = features.max_query_params
    features.max_query_params = max(saved, limit)
    try:
        yield
    finally:
        features.max_query_params = saved
