"""The background steps of a browser import (django-tasks; ``thidua db_worker`` runs them,
tests run them at once). Shells over ``services``: the job id in, nothing out."""

from __future__ import annotations

from django_tasks import task

from thidua.dataio import services


@task()
def workbook_check_task(job_id: int) -> None:
    services.workbook_import_check(job_id=job_id)


@task()
def workbook_import_task(job_id: int) -> None:
    services.workbook_import_run(job_id=job_id)
