"""What every benchmark needs: run a measure in a fresh process (so its peak memory is its
own), set Django up on a given database, and make or find a PostgreSQL database."""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
from collections.abc import Callable
from typing import Any


def peak_mib() -> float:
    """Peak resident memory of this process (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def django_on(database_url: str, *, migrate: bool = True) -> None:
    """Set Django up in this (fresh) process on ``database_url``."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)


def run_apart(target: Callable[..., None], *args: Any) -> dict[str, Any]:
    """Run ``target(*args, queue)`` in a spawned process; what it puts on the queue."""
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    process = ctx.Process(target=target, args=(*args, out))
    process.start()
    result: dict[str, Any] = out.get()
    process.join()
    if process.exitcode:
        raise RuntimeError(f"{target.__name__} exited with {process.exitcode}")
    return result


def _server(url: str) -> dict[str, Any] | None:
    import dj_database_url

    config = dj_database_url.parse(url)
    if "postgresql" not in config["ENGINE"]:
        return None
    return {
        "host": config["HOST"] or None,
        "port": config["PORT"] or None,
        "user": config["USER"] or None,
        "password": config["PASSWORD"] or None,
        "dbname": "postgres",
    }


def postgres_database(url: str, name: str, *, fresh: bool) -> str | None:
    """The URL of database ``name`` on the server ``url`` names (None if it names none),
    created if missing, or dropped and created again when ``fresh``."""
    params = _server(url)
    if params is None:
        return None
    import psycopg

    with psycopg.connect(**params, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and fresh:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        if fresh or not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return f"{url.rsplit('/', 1)[0]}/{name}"


def postgres_drop(url: str) -> None:
    params = _server(url)
    if params is None:
        return
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(**params, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
