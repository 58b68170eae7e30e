"""The progress of a step that runs inside a transaction, where the job row cannot show it.

An import checks again and writes in one transaction (all or nothing): an update of its
``WorkbookImport`` row made meanwhile is seen by others only at commit — and on SQLite
nothing else may even write until then. So inside the transaction the job's progress goes
to a small file beside the uploads, which the page reads while the job runs; the row takes
over again once the transaction ends, and the file is removed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from django.conf import settings
from django.utils import timezone

FOLDER = ("imports", "progress")


@dataclass(frozen=True, slots=True)
class LiveProgress:
    phase: str
    done: int
    total: int
    at: datetime


def _path(code: UUID | str) -> Path:
    return Path(settings.MEDIA_ROOT).joinpath(*FOLDER, f"{UUID(str(code))}.json")


def live_progress_write(code: UUID | str, *, phase: str, done: int, total: int) -> None:
    """Replace the job's progress file at once (a reader never sees half of it)."""
    path = _path(code)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    data = {"phase": phase, "done": done, "total": total, "at": timezone.now().isoformat()}
    partial.write_text(json.dumps(data), encoding="utf-8")
    os.replace(partial, path)


def live_progress_read(code: UUID | str) -> LiveProgress | None:
    """The job's progress written inside its transaction, if any (``None`` when none or
    unreadable: the row's own progress is then shown)."""
    try:
        data: dict[str, Any] = json.loads(_path(code).read_text(encoding="utf-8"))
        return LiveProgress(
            str(data["phase"]),
            int(data["done"]),
            int(data["total"]),
            datetime.fromisoformat(data["at"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def live_progress_clear(code: UUID | str) -> None:
    _path(code).unlink(missing_ok=True)
