"""Importing a workbook in the browser, as a job of two steps in the background.

``workbook_import_start`` keeps the file and queues the check; the check
(``workbook_import_check``) is a dry run that stores the preview (what each sheet will create,
update or leave) and every problem. After the officer confirms, ``workbook_import_run``
imports the same file for real — checking it again inside the transaction that writes, with
the officer's scope as it stands then — all or nothing, as ``thidua import workbook`` does.

Each step writes its progress onto the ``WorkbookImport`` row, so that the page can show a bar
and a reload loses nothing. The job row is the record of the import: who, when, which file,
what it changed.
"""

from __future__ import annotations

import getpass
import logging
import time
from pathlib import Path
from typing import Any

from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import connection
from django.utils import timezone

from thidua.common.errors import DomainError
from thidua.dataio.access import import_guard, may_import
from thidua.dataio.choices import ImportStatus
from thidua.dataio.live import live_progress_clear, live_progress_write
from thidua.dataio.models import WorkbookImport
from thidua.dataio.uploads import upload_check
from thidua.dataio.workbook import ImportResult, phase_of, workbook_import
from thidua.dataio.workbook.progress import PHASES
from thidua.dataio.workbook.reader import FILE

logger = logging.getLogger(__name__)

PROGRESS_EVERY = 0.5  # seconds between two progress writes: a bar moves, the database rests
UNEXPECTED = (
    "có lỗi ngoài dự kiến khi xử lý tệp; chưa có gì thay đổi. Hãy thử lại, nếu vẫn lỗi "
    "hãy báo quản trị hệ thống."
)


class JobProgress:
    """The ``(done, total)`` callback of ``workbook_import``, written onto the job row.

    A check stops after two of the three phases (read, check), so its bar counts those two.
    Inside the import's transaction (checking again, then writing) an update of the row would
    be seen only at commit, so the progress goes to the job's live file instead
    (``thidua.dataio.live``), which the page reads while the job runs."""

    def __init__(self, job: WorkbookImport, *, phases: int) -> None:
        self.pk = job.pk
        self.code = job.code
        self.phases = phases
        self._last = 0.0
        # Transactions already open when the job starts (a test's): not the import's own.
        self._depth = len(connection.atomic_blocks)

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last < PROGRESS_EVERY and done < total:
            return
        self._last = now
        phase, _, _ = phase_of(done, total)
        total = total * self.phases // len(PHASES)
        if len(connection.atomic_blocks) > self._depth:
            live_progress_write(self.code, phase=phase, done=done, total=total)
            return
        WorkbookImport.objects.filter(pk=self.pk).update(
            phase=phase, done=done, total=total, updated_at=timezone.now()
        )


def workbook_import_start(*, user: Any, upload: UploadedFile) -> WorkbookImport:
    """Keep the uploaded file and queue its check. ``DomainError`` for a user who may not
    import, or a file that is not an .xlsx workbook of a sensible size: nothing is kept."""
    if not may_import(user):
        raise DomainError(
            "read_only",
            "Tài khoản của bạn chỉ được xem số liệu, không nhập được dữ liệu.",
            field="file",
        )
    upload_check(upload)
    job = WorkbookImport(user=user, file_name=(upload.name or "")[:255], file_size=upload.size or 0)
    job.file.save(job.file_name, upload, save=False)
    job.full_clean(exclude=["file"])
    job.save()
    # The row is committed before the worker may look for it (no atomic block around this).
    _enqueue("workbook_check_task", job)
    return job


def workbook_import_record_command(*, path: Path, result: ImportResult) -> WorkbookImport:
    """Keep a trace of an import run with ``thidua import workbook``: the file and its
    counts, listed with the browser's imports (the rows it wrote are in the audit log)."""
    now = timezone.now()
    job = WorkbookImport(
        user=None,
        command_user=_machine_user(),
        file_name=path.name[:255],
        file_size=path.stat().st_size,
        status=ImportStatus.DONE,
        checked_at=now,
        confirmed_at=now,
        finished_at=now,
        done=1,
        total=1,
        rows=result.rows,
        counts=_counts(result),
    )
    with path.open("rb") as handle:
        job.file.save(job.file_name, File(handle), save=False)
    job.save()
    return job


def _counts(result: ImportResult) -> dict[str, dict[str, int]]:
    return {name: counts.as_dict() for name, counts in result.counts.items()}


def _machine_user() -> str:
    try:
        return getpass.getuser()[:150]
    except (KeyError, OSError):  # no name for the process's uid (a bare container)
        return ""


def workbook_import_check(*, job_id: int) -> None:
    """The background check: a dry run, whose preview and problems are kept on the job."""
    job = _claim(job_id, ImportStatus.QUEUED, ImportStatus.CHECKING)
    if job is None:
        return
    result = _run(job, dry_run=True, phases=2)
    if result is None:
        return
    _finish(
        job,
        result,
        status=ImportStatus.READY if result.ok else ImportStatus.INVALID,
        checked_at=timezone.now(),
    )


def workbook_import_confirm(*, job: WorkbookImport, user: Any) -> WorkbookImport:
    """The officer confirms the preview: queue the import itself."""
    _decide(
        job,
        user,
        status=ImportStatus.IMPORTING,
        confirmed_at=timezone.now(),
        phase="",
        done=0,
        total=0,
    )
    _enqueue("workbook_import_task", job)
    return job


def workbook_import_run(*, job_id: int) -> None:
    """The background import: all or nothing, checked again as it writes."""
    job = WorkbookImport.objects.filter(pk=job_id, status=ImportStatus.IMPORTING).first()
    if job is None or job.finished_at is not None:
        return
    live_progress_clear(job.code)  # a run that died may have left one
    result = _run(job, dry_run=False, phases=3)
    if result is None:
        return
    _finish(
        job,
        result,
        status=ImportStatus.DONE if result.ok else ImportStatus.FAILED,
        finished_at=timezone.now(),
    )


def workbook_import_cancel(*, job: WorkbookImport, user: Any) -> WorkbookImport:
    """The officer gives up on a checked file: nothing was written, nothing will be."""
    _decide(job, user, status=ImportStatus.CANCELLED)
    return job


def workbook_import_retry(*, job: WorkbookImport, user: Any) -> WorkbookImport:
    """Run a stalled job's step again. Safe: a check writes nothing, and an import that
    died wrote nothing (one transaction); one that did finish is not run twice."""
    if job.user_id != user.pk or not job.is_stalled:
        raise DomainError("not_stalled", "Lần nhập này vẫn đang chạy hoặc đã xong.")
    step = ImportStatus.IMPORTING if job.status == ImportStatus.IMPORTING else ImportStatus.QUEUED
    WorkbookImport.objects.filter(pk=job.pk).update(
        status=step, phase="", done=0, total=0, updated_at=timezone.now()
    )
    job.refresh_from_db()
    _enqueue(
        "workbook_import_task" if step == ImportStatus.IMPORTING else "workbook_check_task", job
    )
    return job


def _decide(job: WorkbookImport, user: Any, **changes: Any) -> None:
    """The sender's answer to a preview, taken once: a second click, or another tab, finds
    the job no longer waiting and is told so."""
    if not WorkbookImport.objects.filter(pk=job.pk, user=user, status=ImportStatus.READY).update(
        updated_at=timezone.now(), **changes
    ):
        raise DomainError("not_ready", "Lần nhập này không còn chờ xác nhận.")
    job.refresh_from_db()


def _enqueue(task_name: str, job: WorkbookImport) -> None:
    from thidua.dataio import tasks  # the tasks call back into this module

    getattr(tasks, task_name).enqueue(job.pk)


def _claim(job_id: int, expected: str, status: str) -> WorkbookImport | None:
    """Move the job from ``expected`` to ``status``; ``None`` if another run took it."""
    if not WorkbookImport.objects.filter(pk=job_id, status=expected).update(
        status=status, updated_at=timezone.now()
    ):
        return None
    return WorkbookImport.objects.select_related("user").get(pk=job_id)


def _run(job: WorkbookImport, *, dry_run: bool, phases: int) -> ImportResult | None:
    try:
        with job.file.open("rb") as source:
            return workbook_import(
                source,
                dry_run=dry_run,
                progress=JobProgress(job, phases=phases),
                guard=import_guard(job.user),
            )
    except Exception:
        # The worker would only log it; the officer must see that the job ended.
        logger.exception("workbook import %s failed", job.code)
        live_progress_clear(job.code)
        WorkbookImport.objects.filter(pk=job.pk).update(
            status=ImportStatus.FAILED,
            problems=[[FILE, None, "", UNEXPECTED]],
            finished_at=timezone.now(),
            updated_at=timezone.now(),
        )
        return None


def _finish(job: WorkbookImport, result: ImportResult, *, status: str, **when: Any) -> None:
    live_progress_clear(job.code)
    WorkbookImport.objects.filter(pk=job.pk).update(
        status=status,
        rows=result.rows,
        counts=_counts(result),
        samples=result.samples,
        problems=[[p.sheet, p.row, p.column, p.message] for p in result.problems],
        phase="",
        done=1,
        total=1,
        updated_at=timezone.now(),
        **when,
    )
