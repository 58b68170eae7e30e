"""The database's part of a backup: a consistent copy taken while the app runs, and the copy
put back in place of the current data.

- SQLite: the online backup API (``sqlite3.Connection.backup``) copies the pages of one
  snapshot while the web server and the worker keep reading and writing (WAL); a restore
  copies the pages back the same way, in one step, so the database is the old one or the
  restored one, never a mix.
- PostgreSQL: ``pg_dump --format=custom`` of a snapshot exported by the transaction that
  counts the rows, so the manifest's counts are those of the dump; ``pg_restore --clean
  --if-exists --single-transaction``: all or nothing.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader

from thidua.common.backup.errors import BackupError

FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
VENDORS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
BUSY = (
    "Cơ sở dữ liệu đang bận (máy chủ web hoặc tiến trình chạy nền đang ghi); hãy dừng "
    "thidua-web và thidua-worker rồi chạy lại lệnh khôi phục."
)


@dataclass(frozen=True)
class Snapshot:
    vendor: str
    file_name: str
    migrations: list[str]
    tables: dict[str, int]


def vendor() -> str:
    if connection.vendor not in FILES:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}.")
    return connection.vendor


def vendor_name(code: str) -> str:
    return VENDORS.get(code, code)


def database_label() -> str:
    """Which database, as the administrator knows it: a file, or a name on a server."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"SQLite {settings['NAME']}"
    host = settings.get("HOST") or "máy này"
    return f"PostgreSQL “{settings['NAME']}” trên {host}"


def dump(folder: Path) -> Snapshot:
    """The database copied into ``folder``, with what the copy holds."""
    _outside_transactions()
    code = vendor()
    if "django_migrations" not in connection.introspection.table_names():
        raise BackupError(
            f"Cơ sở dữ liệu {database_label()} chưa có dữ liệu của Thi đua (chưa chạy "
            '"thidua migrate"); không có gì để sao lưu.',
            code="empty",
        )
    path = folder / FILES[code]
    if code == "sqlite":
        migrations, tables = _sqlite_dump(path)
    else:
        migrations, tables = _postgres_dump(path)
    return Snapshot(code, path.name, migrations, tables)


def load(path: Path) -> None:
    """Replace the current database with the copy at ``path`` (of the same vendor)."""
    _outside_transactions()
    if vendor() == "sqlite":
        _sqlite_load(path)
    else:
        _postgres_load(path)


def table_rows() -> dict[str, int]:
    """Rows per table of the current database, as the manifest counts them."""
    with connection.cursor() as cursor:
        return _count(cursor, connection.introspection.table_names(cursor))


def code_migrations() -> set[str]:
    """The migrations of the code installed, which a restored database must have applied."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {f"{app}.{name}" for app, name in loader.graph.nodes}


def _outside_transactions() -> None:
    if connection.in_atomic_block:
        raise RuntimeError("a backup or a restore runs outside any transaction")


def _count(cursor: Any, tables: Iterable[str]) -> dict[str, int]:
    rows = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
        rows[table] = cursor.fetchone()[0]
    return rows


def _migrations(cursor: Any) -> list[str]:
    cursor.execute("SELECT app, name FROM django_migrations")
    return sorted(f"{app}.{name}" for app, name in cursor.fetchall())


def _sqlite_dump(path: Path) -> tuple[list[str], dict[str, int]]:
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    try:
        connection.connection.backup(copy)
        # One self-contained file in the archive, without the -wal beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
        cursor = copy.cursor()
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        tables = [name for (name,) in cursor.fetchall()]
        return _migrations(cursor), _count(cursor, tables)
    finally:
        copy.close()


def _sqlite_load(path: Path) -> None:
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise BackupError(BUSY, code="busy") from None
        raise
    finally:
        source.close()


def _postgres_dump(path: Path) -> tuple[list[str], dict[str, int]]:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot,) = cursor.fetchone()
        migrations = _migrations(cursor)
        tables = _count(cursor, connection.introspection.table_names(cursor))
        # pg_dump reads the same snapshot while this transaction holds it open.
        _run("pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={path}")
    return migrations, tables


def _postgres_load(path: Path) -> None:
    # pg_restore drops and recreates the tables; a connection kept open here would hold
    # plans of the tables dropped.
    connection.close()
    _run(
        "pg_restore",
        "--clean",
        "--if-exists",
        "--single-transaction",
        "--no-owner",
        "--no-privileges",
        str(path),
    )


def _run(tool: str, *arguments: str) -> None:
    program = shutil.which(tool)
    if program is None:
        raise BackupError(
            f"Không tìm thấy chương trình {tool} của PostgreSQL; hãy cài gói postgresql-client "
            "cùng phiên bản với máy chủ cơ sở dữ liệu.",
            code="missing_tool",
        )
    settings = connection.settings_dict
    result = subprocess.run(
        [program, f"--dbname={settings['NAME']}", *arguments],
        env={**os.environ, **_libpq_environment(settings)},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(
            f"{tool} báo lỗi (mã {result.returncode}); chưa có gì thay đổi:\n"
            f"{result.stderr.strip()}",
            code="tool_failed",
        )


def _libpq_environment(settings: dict[str, Any]) -> dict[str, str]:
    """The connection of Django's settings, as pg_dump and pg_restore read it."""
    names = {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER", "PASSWORD": "PGPASSWORD"}
    env = {var: str(settings[key]) for key, var in names.items() if settings.get(key)}
    if sslmode := settings.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = str(sslmode)
    return env
