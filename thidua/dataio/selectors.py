"""Reads of the browser imports: each officer sees their own, an administrator every one."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from thidua.accounts.scoping import scope_for
from thidua.dataio.choices import ImportStatus
from thidua.dataio.live import live_progress_read
from thidua.dataio.models import WorkbookImport

RECENT = 10


def workbook_imports_for_user(*, user: Any) -> QuerySet[WorkbookImport]:
    imports = WorkbookImport.objects.select_related("user")
    if not scope_for(user).everything:
        imports = imports.filter(user=user)
    return imports.order_by("-created_at")


def workbook_import_get_for_user(*, user: Any, code: Any) -> WorkbookImport:
    """The import if ``user`` sent it (or administers the system); 404 otherwise. While it
    imports, with the progress its transaction writes aside (``thidua.dataio.live``)."""
    job = workbook_imports_for_user(user=user).filter(code=code).first()
    if job is None:
        raise Http404("Không tìm thấy lần nhập này.")
    if job.status == ImportStatus.IMPORTING:
        live = live_progress_read(job.code)
        if live is not None and live.at > job.updated_at:
            job.phase, job.done, job.total, job.updated_at = (
                live.phase,
                live.done,
                live.total,
                live.at,
            )
    return job
