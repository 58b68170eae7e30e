"""Progress of an import, write phase included: the meter counts the rows written as they
are written, and a browser import shows them while its transaction is still open."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from thidua.accounts.tests.factories import officer_of
from thidua.awards.models import AwardRecord
from thidua.dataio import services
from thidua.dataio.choices import ImportStatus
from thidua.dataio.live import live_progress_read, live_progress_write
from thidua.dataio.models import WorkbookImport
from thidua.dataio.selectors import workbook_import_get_for_user
from thidua.dataio.tests.workbooks import (
    SPECS,
    UNIT_TREE,
    award,
    import_sheets,
    write_workbook,
)
from thidua.dataio.workbook import workbook_import, writer
from thidua.orgs.models import Unit

pytestmark = pytest.mark.django_db

PEOPLE = [
    {"Mã cá nhân": f"CN{i:02d}", "Họ và tên": f"Người Số {i}", "Mã đơn vị": "LH"} for i in range(20)
]
AWARDS = [award(**{"Mã đối tượng": f"CN{i % 20:02d}", "Năm": 2000 + i}) for i in range(25)]
SHEETS = {"DonVi": UNIT_TREE, "CaNhan": PEOPLE, "KhenThuong": AWARDS}
ROWS = len(UNIT_TREE) + len(PEOPLE) + len(AWARDS)


@pytest.fixture
def small_batches(monkeypatch):
    """Ten objects per statement, so that a small workbook is written in several."""
    monkeypatch.setattr(writer, "BATCH", 10)


def write_phase(reports: list[tuple[int, int]]) -> list[int]:
    """The rows written so far, from each report of the third phase (which starts where the
    check, the second, ended)."""
    assert {total for _, total in reports} == {3 * ROWS}
    done = [d for d, _ in reports]
    return [d - 2 * ROWS for d in done[done.index(2 * ROWS) + 1 :]]


def test_the_write_phase_counts_the_rows_as_they_are_written(tmp_path, small_batches):
    # given
    reports: list[tuple[int, int]] = []
    # when
    result = import_sheets(
        tmp_path, SHEETS, progress=lambda done, total: reports.append((done, total))
    )
    # then: 3 units, 20 people and 25 awards, ten rows a statement; a person's membership and
    # the decision the awards share are written too but are not rows of the file
    assert result.ok, result.problems
    assert write_phase(reports) == [0, 3, 13, 23, 33, 43, 48, 48]
    assert AwardRecord.objects.count() == 25


def test_unchanged_rows_count_at_once_when_imported_again(tmp_path, small_batches):
    # given
    import_sheets(tmp_path, SHEETS)
    reports: list[tuple[int, int]] = []
    # when
    result = import_sheets(
        tmp_path, SHEETS, progress=lambda done, total: reports.append((done, total))
    )
    # then: each sheet's rows at once, nothing to write
    assert sum(c.created + c.updated for c in result.counts.values()) == 0
    assert write_phase(reports) == [0, 3, 23, 48, 48]


def test_the_read_phase_knows_the_rows_of_a_file_without_a_dimension_tag(tmp_path):
    # given: a workbook written in openpyxl's write-only mode (no <dimension> in its sheets)
    book = Workbook(write_only=True)
    for name, rows in SHEETS.items():
        ws = book.create_sheet(name)
        headers = SPECS[name].headers()
        ws.append(headers)
        for row in rows:
            ws.append([row.get(h) for h in headers])
    book.save(tmp_path / "streamed.xlsx")
    reports: list[tuple[int, int]] = []
    # when
    result = workbook_import(
        tmp_path / "streamed.xlsx", progress=lambda done, total: reports.append((done, total))
    )
    # then: the bar's total is right from the first report, reading included
    assert result.ok, result.problems
    assert {total for _, total in reports} == {3 * ROWS}
    assert (ROWS, 3 * ROWS) in reports  # the read phase ends at its last row


@pytest.fixture
def officer(tmp_path):
    import_sheets(tmp_path, {"DonVi": UNIT_TREE})
    return officer_of(Unit.objects.get(code="KA"), username="canbo.kienan")


def test_a_browser_import_shows_the_rows_written_inside_its_transaction(
    tmp_path, officer, small_batches, monkeypatch
):
    # given: a checked file, and a progress write at every step
    path = write_workbook(
        tmp_path / "so-lieu.xlsx", {"DonVi": [], "CaNhan": PEOPLE, "KhenThuong": AWARDS}
    )
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    job = services.workbook_import_start(user=officer, upload=upload)
    job.refresh_from_db()
    assert job.status == ImportStatus.READY, job.problems
    monkeypatch.setattr(services, "PROGRESS_EVERY", 0)
    seen: list[tuple[str, int, int, int]] = []
    row_progress: list[int] = []
    write = services.live_progress_write

    def watched(code, **progress):
        write(code, **progress)
        # What the page reads meanwhile, and what the job row itself says.
        page = workbook_import_get_for_user(user=officer, code=code)
        seen.append((page.phase, *page.phase_rows, page.percent))
        row_progress.append(WorkbookImport.objects.get(pk=job.pk).done)

    monkeypatch.setattr(services, "live_progress_write", watched)
    # when
    services.workbook_import_confirm(job=job, user=officer)
    # then: the check again, then 20 people and 25 awards written ten at a time, seen as
    # they go (the row itself keeps what the read phase left until the end)
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    writing = [(done, rows, percent) for phase, done, rows, percent in seen if phase == "Ghi"]
    assert [done for done, _, _ in writing] == [10, 20, 30, 40, 45, 45]
    assert {rows for _, rows, _ in writing} == {45}
    assert writing[-1][2] == 100
    # the transaction opens where reading ended; the check again comes in between
    assert seen[0] == ("Đọc", 45, 45, 33)
    assert {phase for phase, *_ in seen} == {"Đọc", "Kiểm tra", "Ghi"}
    assert set(row_progress) == {45}  # the read phase's end, outside the transaction
    assert live_progress_read(job.code) is None  # removed once the job ends


def test_the_page_shows_the_rows_written_so_far(client, officer):
    # given: an import writing, its progress in the live file
    job = WorkbookImport.objects.create(
        user=officer, file_name="lon.xlsx", file_size=10, status=ImportStatus.IMPORTING
    )
    live_progress_write(job.code, phase="Ghi", done=2 * 48_000 + 12_000, total=3 * 48_000)
    client.force_login(officer)
    # when
    part = client.get(
        reverse("dataio:import", args=[job.code]), headers={"HX-Request": "true"}
    ).content.decode()
    # then
    assert "Đang ghi vào cơ sở dữ liệu: 12.000/48.000 dòng (75% cả lần nhập)." in part
    assert '<progress max="100" value="75"' in part
    assert 'hx-trigger="every 1s"' in part


def test_a_progress_file_older_than_the_job_row_is_ignored(client, officer):
    # given: a file left by a run that died, then the job was run again
    job = WorkbookImport.objects.create(
        user=officer, file_name="lon.xlsx", file_size=10, status=ImportStatus.IMPORTING
    )
    live_progress_write(job.code, phase="Ghi", done=200, total=300)
    WorkbookImport.objects.filter(pk=job.pk).update(
        phase="Đọc", done=30, total=300, updated_at=timezone.now() + timedelta(seconds=1)
    )
    # when
    shown = workbook_import_get_for_user(user=officer, code=job.code)
    # then
    assert (shown.phase, shown.done, shown.percent) == ("Đọc", 30, 10)
