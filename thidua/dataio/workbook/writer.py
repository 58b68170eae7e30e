"""Bulk writes for the sheets' ``apply``: batched, counted for the progress line, and as wide
as the database allows (SQLite is told its real variable limit, not Django's 999).

``bulk_create`` and ``bulk_update`` go through the model's queryset, guards and all.
``insert_rows`` is for the bulk of a large import (100,000 award records): plain tuples
straight into one INSERT statement, where Django's ``bulk_create`` would spend five times
longer building model instances and SQL than the database spends storing them. Like
``bulk_create`` it sends no signals (no audit entry per row: the job row records the import).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import connection
from django.db.models import Field, Model
from django.utils import timezone

from thidua.dataio.workbook.base import chunks

if TYPE_CHECKING:
    from thidua.dataio.workbook.context import ImportContext

M = TypeVar("M", bound=Model)
BATCH = 2000  # objects per call: bounds memory and paces the progress line


def bulk_create(
    model: type[M], objs: Iterable[M], ctx: ImportContext, *, counted: bool = True
) -> None:
    """Insert in batches; ``objs`` may be a generator, so that no more than a batch of
    model instances lives at once. A list gets its primary keys set. ``counted=False`` for
    what the rows bring along (a person's membership, a decision): not rows of the file,
    so not counted on the progress bar."""
    it = iter(objs)
    while part := list(islice(it, BATCH)):
        model._default_manager.bulk_create(part)  # the model's queryset guards apply
        if counted:
            ctx.tick(len(part))


def bulk_update(
    model: type[M],
    objs: Sequence[M],
    fields: list[str],
    ctx: ImportContext,
    *,
    counted: bool = True,
) -> None:
    for part in chunks(objs, BATCH):
        model._default_manager.bulk_update(part, fields)
        if counted:
            ctx.tick(len(part))


# Values a driver takes as they are: no conversion per cell.
PLAIN = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "ForeignKey",
        "IntegerField",
        "PositiveBigIntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "SlugField",
        "SmallIntegerField",
        "TextField",
    }
)


def insert_rows(
    model: type[Model],
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    ctx: ImportContext,
    *,
    counted: bool = True,
) -> int:
    """Insert ``rows`` (tuples of values for ``columns``, attribute names such as
    ``decision_id``) in batches, without model instances or ``RETURNING``. The other concrete
    fields take their default, the time stamps the time of the call, each converted for the
    database once. The caller checks what the model's queryset would (nothing else does),
    and reads the ids back if it needs them. Returns how many rows went in."""
    fields = {f.attname: f for f in model._meta.concrete_fields}
    given = [fields[c] for c in columns]
    now = timezone.now()
    rest = [f for f in fields.values() if f.attname not in columns and not f.primary_key]
    constants = tuple(f.get_db_prep_save(_default(f, now), connection) for f in rest)
    convert = [_converter(f) for f in given]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(f.column or f.attname) for f in (*given, *rest))
    if any(convert):
        pairs = list(zip(convert, range(len(given)), strict=True))
        prepared: Iterable[tuple[Any, ...]] = (
            tuple(row[i] if c is None else c(row[i]) for c, i in pairs) + constants for row in rows
        )
    else:
        prepared = (tuple(row) + constants for row in rows)
    write = _copy if connection.vendor == "postgresql" else _executemany
    count = 0
    with connection.cursor() as cursor:
        it = iter(prepared)
        while part := list(islice(it, BATCH)):
            write(cursor, table, names, part)
            count += len(part)
            if counted:
                ctx.tick(len(part))
    return count


def _executemany(cursor: Any, table: str, names: str, rows: list[tuple[Any, ...]]) -> None:
    marks = ", ".join(["%s"] * len(rows[0]))
    cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def _copy(cursor: Any, table: str, names: str, rows: list[tuple[Any, ...]]) -> None:
    """PostgreSQL's COPY (psycopg 3): ten times faster than row-by-row INSERTs; constraints
    and foreign keys are checked all the same."""
    with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _default(field: Field[Any, Any], now: Any) -> Any:
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return now
    return field.get_default()


def _converter(field: Field[Any, Any]) -> Callable[[Any], Any] | None:
    if field.get_internal_type() in PLAIN:
        return None
    return lambda value: field.get_db_prep_save(value, connection)


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
