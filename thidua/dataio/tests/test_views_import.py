"""Nhập dữ liệu in the browser: template, upload, preview with every problem, confirm.
Tasks run at once under the test settings, as ``db_worker`` runs them in the background."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from thidua.accounts.tests.factories import leader_of, officer_of
from thidua.awards.models import AwardRecord
from thidua.dataio import services
from thidua.dataio.choices import ImportStatus
from thidua.dataio.models import WorkbookImport
from thidua.dataio.services import JobProgress
from thidua.dataio.tests.workbooks import PEOPLE, UNIT_TREE, award, import_sheets, write_workbook
from thidua.orgs.models import Person, Unit

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def officer(tmp_path):
    """An officer of Quận Kiến An (KA > LH), the city HP above it."""
    import_sheets(tmp_path, {"DonVi": UNIT_TREE})
    return officer_of(
        Unit.objects.get(code="KA"), username="canbo.kienan", full_name="Trần Thị Lan"
    )


@pytest.fixture
def signed_in(client, officer):
    client.force_login(officer)
    return client


def workbook_file(tmp_path, sheets, name="so-lieu.xlsx") -> SimpleUploadedFile:
    path = write_workbook(tmp_path / name, {"DonVi": [], **sheets})
    return SimpleUploadedFile(name, path.read_bytes(), content_type=XLSX)


def upload(client, file):
    return client.post(reverse("dataio:upload"), {"file": file})


def test_the_page_offers_the_template_the_upload_and_the_export(signed_in):
    # when
    html = signed_in.get(reverse("dataio:index")).content.decode()
    # then
    assert "Tải sổ mẫu (.xlsx)" in html
    assert "Bạn nhập được dữ liệu của <strong>Quận Kiến An</strong>" in html
    assert "Tải lên và kiểm tra" in html
    assert "Xuất Excel" in html


def test_the_template_is_the_workbook_with_every_sheet(signed_in):
    # when
    response = signed_in.get(reverse("dataio:template"))
    # then
    assert response["Content-Type"] == XLSX
    assert "attachment" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    assert {"DonVi", "CaNhan", "KhenThuong", "HuongDan"} <= set(book.sheetnames)


def test_a_valid_workbook_is_previewed_then_imported_once_confirmed(tmp_path, signed_in):
    # given
    file = workbook_file(tmp_path, {"CaNhan": PEOPLE, "KhenThuong": [award()]})
    # when: uploaded, the check runs in the background and the page shows its preview
    response = upload(signed_in, file)
    job = WorkbookImport.objects.get()
    page = signed_in.get(response.url).content.decode()
    # then: nothing is written yet
    assert reverse("dataio:import", args=[job.code]) == response.url
    assert job.status == ImportStatus.READY
    assert "Tệp hợp lệ (3 dòng)" in page
    assert "Dòng 2</span> CN1 – Nguyễn Văn Hinh, LH" in page
    assert "Xác nhận nhập" in page
    assert not Person.objects.exists()
    # when: confirmed
    signed_in.post(reverse("dataio:confirm", args=[job.code]))
    # then
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    assert job.counts["KhenThuong"] == {"created": 1, "updated": 0, "unchanged": 0}
    assert Person.objects.count() == 2
    assert AwardRecord.objects.count() == 1
    assert "Đã nhập xong 3 dòng" in signed_in.get(response.url).content.decode()


def test_every_problem_is_listed_by_sheet_and_row_and_nothing_is_written(tmp_path, signed_in):
    # given: an impossible date and an unknown unit
    people = [{**PEOPLE[0], "Ngày sinh": "31/02/1980"}, {**PEOPLE[1], "Mã đơn vị": "XX"}]
    # when
    response = upload(signed_in, workbook_file(tmp_path, {"CaNhan": people}))
    page = signed_in.get(response.url).content.decode()
    # then
    job = WorkbookImport.objects.get()
    assert job.status == ImportStatus.INVALID
    assert "Tệp có 2 lỗi; chưa ghi gì vào cơ sở dữ liệu." in page
    assert "Trang CaNhan" in page
    assert (
        "<td>2</td>\n        <td>Ngày sinh</td>\n        <td>Ngày 31/02/1980 không tồn tại.</td>"
        in page
    )
    assert "Tải lên và kiểm tra lại" in page
    assert not Person.objects.exists()
    # the problems download reads as the command line prints them
    lines = signed_in.get(reverse("dataio:problems", args=[job.code])).content.decode()
    assert lines.startswith(
        "CaNhan!2 Ngày sinh: ngày 31/02/1980 không tồn tại.\nCaNhan!3 Mã đơn vị:"
    )
    # confirming a file with problems is refused
    signed_in.post(reverse("dataio:confirm", args=[job.code]))
    job.refresh_from_db()
    assert job.status == ImportStatus.INVALID


def test_an_officer_cannot_import_into_a_unit_they_do_not_act_for(tmp_path, signed_in):
    # given: Lãm Hà is under Kiến An; the city is not
    city = {"Loại đối tượng": "Tập thể", "Mã đối tượng": "HP", "Mã danh hiệu": "giay_khen"}
    rows = [award(), award(**city)]
    # when
    upload(signed_in, workbook_file(tmp_path, {"CaNhan": PEOPLE, "KhenThuong": rows}))
    # then
    job = WorkbookImport.objects.get()
    assert job.status == ImportStatus.INVALID
    assert job.problems == [
        [
            "KhenThuong",
            3,
            "Mã đối tượng",
            "bạn không phụ trách đơn vị “HP”; chỉ nhập được dữ liệu của Quận Kiến An và các "
            "đơn vị trực thuộc.",
        ]
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "danh-sach.csv",
            b"Ma don vi;Ten\nKA;Kien An\n",
            "“danh-sach.csv” không phải sổ Excel .xlsx",
        ),
        ("cu.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "là tệp Excel 97–2003 (.xls)"),
        ("rong.xlsx", b"", "Tệp đã chọn không có nội dung."),
    ],
)
def test_a_file_that_is_not_an_xlsx_workbook_is_refused_at_once(signed_in, name, content, message):
    # when
    response = upload(signed_in, SimpleUploadedFile(name, content))
    # then
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not WorkbookImport.objects.exists()


def test_a_file_too_large_is_refused_with_the_limit(tmp_path, signed_in, settings):
    # given
    settings.WORKBOOK_UPLOAD_MAX_BYTES = 1024
    # when
    response = upload(signed_in, workbook_file(tmp_path, {"CaNhan": PEOPLE * 20}))
    # then
    assert response.status_code == 400
    assert "quá giới hạn 1 KB; hãy chia thành nhiều tệp nhỏ hơn" in response.content.decode()
    assert not WorkbookImport.objects.exists()


def test_a_damaged_xlsx_is_reported_by_the_check_and_nothing_written(signed_in):
    # given: the zip signature, then nothing of a workbook
    damaged = SimpleUploadedFile("hong.xlsx", b"PK\x03\x04" + b"\0" * 100)
    # when
    upload(signed_in, damaged)
    # then
    job = WorkbookImport.objects.get()
    assert job.status == ImportStatus.INVALID
    assert "không phải sổ Excel .xlsx" in job.problems[0][3]


def test_a_leader_who_only_reads_cannot_import(tmp_path, client, officer):
    # given
    client.force_login(leader_of(Unit.objects.get(code="KA")))
    # when
    response = upload(client, workbook_file(tmp_path, {"CaNhan": PEOPLE}))
    # then
    assert response.status_code == 400
    assert "chỉ được xem số liệu, không nhập được dữ liệu" in response.content.decode()
    assert not WorkbookImport.objects.exists()


def test_an_import_is_seen_only_by_who_sent_it(tmp_path, signed_in, client):
    # given
    upload(signed_in, workbook_file(tmp_path, {"CaNhan": PEOPLE}))
    job = WorkbookImport.objects.get()
    other = officer_of(Unit.objects.get(code="KA"), username="canbo.khac")
    client.force_login(other)
    # when / then
    assert client.get(reverse("dataio:import", args=[job.code])).status_code == 404
    assert client.post(reverse("dataio:confirm", args=[job.code])).status_code == 404
    assert job.file_name not in client.get(reverse("dataio:index")).content.decode()


def test_a_checked_file_may_be_cancelled_and_then_not_confirmed(tmp_path, signed_in):
    # given
    upload(signed_in, workbook_file(tmp_path, {"CaNhan": PEOPLE}))
    job = WorkbookImport.objects.get()
    # when
    signed_in.post(reverse("dataio:cancel", args=[job.code]))
    response = signed_in.post(reverse("dataio:confirm", args=[job.code]), follow=True)
    # then
    job.refresh_from_db()
    assert job.status == ImportStatus.CANCELLED
    assert "Lần nhập này không còn chờ xác nhận." in response.content.decode()
    assert not Person.objects.exists()


def test_the_page_polls_while_the_job_runs_and_survives_a_reload(tmp_path, signed_in, officer):
    # given: a job the worker is checking, halfway
    job = WorkbookImport.objects.create(
        user=officer, file_name="lon.xlsx", file_size=10, status=ImportStatus.CHECKING
    )
    JobProgress(job, phases=2)(300, 900)  # half of the read and check phases
    url = reverse("dataio:import", args=[job.code])
    # when: the page is loaded again, then htmx asks for the status part
    page = signed_in.get(url).content.decode()
    part = signed_in.get(url, headers={"HX-Request": "true"}).content.decode()
    # then
    assert 'hx-trigger="every 1s"' in page
    assert '<progress max="100" value="50"' in page
    assert part.lstrip().startswith('<div id="import-status"')
    assert "Đang kiểm tra tệp – bước đọc: 50%." in part
    # when the job is over, the part stops polling
    WorkbookImport.objects.filter(pk=job.pk).update(status=ImportStatus.CANCELLED)
    assert "hx-trigger" not in signed_in.get(url, headers={"HX-Request": "true"}).content.decode()


def test_an_unexpected_failure_ends_the_job_with_a_message(tmp_path, signed_in, monkeypatch):
    # given
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "workbook_import", broken)
    # when
    response = upload(signed_in, workbook_file(tmp_path, {"CaNhan": PEOPLE}))
    # then
    job = WorkbookImport.objects.get()
    assert job.status == ImportStatus.FAILED
    assert "có lỗi ngoài dự kiến khi xử lý tệp; chưa có gì thay đổi" in job.problems[0][3]
    assert "Không nhập được" in signed_in.get(response.url).content.decode()


def test_a_stalled_job_may_be_run_again_by_its_sender(tmp_path, signed_in, officer):
    # given: a check whose worker stopped twenty minutes ago
    file = workbook_file(tmp_path, {"CaNhan": PEOPLE})
    upload(signed_in, file)
    job = WorkbookImport.objects.get()
    stalled = timezone.now() - timedelta(minutes=20)
    WorkbookImport.objects.filter(pk=job.pk).update(
        status=ImportStatus.CHECKING, updated_at=stalled
    )
    url = reverse("dataio:import", args=[job.code])
    assert "Chạy lại" in signed_in.get(url).content.decode()
    # when
    signed_in.post(reverse("dataio:retry", args=[job.code]))
    # then
    job.refresh_from_db()
    assert job.status == ImportStatus.READY
    assert not Person.objects.exists()


def test_a_running_job_is_not_run_twice(tmp_path, signed_in, officer):
    job = WorkbookImport.objects.create(
        user=officer, file_name="lon.xlsx", file_size=10, status=ImportStatus.IMPORTING
    )

    response = signed_in.post(reverse("dataio:retry", args=[job.code]), follow=True)

    assert "Lần nhập này vẫn đang chạy hoặc đã xong." in response.content.decode()
