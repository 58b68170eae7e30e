"""``thidua import workbook|template`` and ``thidua export workbook`` as the contract says:
exit codes, one problem per line, counts in Vietnamese, a progress line on a terminal."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from thidua.dataio.choices import ImportStatus
from thidua.dataio.models import WorkbookImport
from thidua.dataio.tests.workbooks import PEOPLE, UNIT_TREE, award, write_workbook
from thidua.orgs.models import Unit

pytestmark = pytest.mark.django_db
LINE = re.compile(r"^(Tệp|[A-Za-z]+(![0-9]+( [^:]+)?)?): .+$")


def run_import(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_a_good_workbook_exits_0_with_counts_per_sheet(tmp_path):
    # given
    path = write_workbook(
        tmp_path / "x.xlsx", {"DonVi": UNIT_TREE, "CaNhan": PEOPLE, "KhenThuong": [award()]}
    )
    # when
    code, out, err = run_import("workbook", str(path))
    again = run_import("workbook", str(path))
    # then
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "DonVi: tạo mới 3, cập nhật 0, không đổi 0",
        "CaNhan: tạo mới 2, cập nhật 0, không đổi 0",
        "KhenThuong: tạo mới 1, cập nhật 0, không đổi 0",
        "Đã nhập xong 6 dòng.",
    ]
    assert "KhenThuong: tạo mới 0, cập nhật 0, không đổi 1" in again[1]


def test_a_command_line_import_is_listed_with_the_browsers_and_a_check_is_not(tmp_path):
    path = write_workbook(tmp_path / "ho_so_2024.xlsx", {"DonVi": UNIT_TREE})

    run_import("workbook", str(path), "--dry-run")
    run_import("workbook", str(path))

    job = WorkbookImport.objects.get()
    assert (job.user, job.file_name, job.status, job.rows) == (
        None,
        "ho_so_2024.xlsx",
        ImportStatus.DONE,
        3,
    )
    assert job.counts["DonVi"]["created"] == 3
    assert job.sender.startswith("Dòng lệnh")
    assert job.file.read() == path.read_bytes()


def test_a_bad_workbook_exits_2_with_every_problem_one_per_line(tmp_path):
    # given
    rows = [
        award(**{"Ngày quyết định": "31/02/2024"}),
        award(**{"Năm": "năm ngoái", "Mã đối tượng": "CN9"}),
    ]
    path = write_workbook(
        tmp_path / "x.xlsx", {"DonVi": UNIT_TREE, "CaNhan": PEOPLE, "KhenThuong": rows}
    )
    # when
    code, out, err = run_import("workbook", str(path))
    # then
    assert code == 2
    assert err.splitlines() == [
        "KhenThuong!2 Ngày quyết định: ngày 31/02/2024 không tồn tại.",
        "KhenThuong!3 Năm: “năm ngoái” không phải năm (từ 1945 đến 2100).",
    ]
    assert out == "Có 2 lỗi; chưa ghi gì vào cơ sở dữ liệu. Sửa tệp rồi nhập lại.\n"
    assert not Unit.objects.exists()


def test_dry_run_prints_the_counts_and_writes_nothing(tmp_path):
    path = write_workbook(tmp_path / "x.xlsx", {"DonVi": UNIT_TREE})

    code, out, _ = run_import("workbook", str(path), "--dry-run")

    assert code == 0
    assert out.startswith("Chạy thử (--dry-run): tệp hợp lệ, chưa ghi gì.")
    assert "DonVi: tạo mới 3, cập nhật 0, không đổi 0" in out
    assert not Unit.objects.exists()


def test_a_dry_run_of_a_bad_workbook_also_exits_2(tmp_path):
    path = write_workbook(tmp_path / "x.xlsx", {"DonVi": [{"Mã đơn vị": "A"}]})

    assert run_import("workbook", str(path), "--dry-run")[0] == 2


def test_a_large_import_shows_progress_on_a_terminal_only(tmp_path, monkeypatch):
    # given
    units = [{"Mã đơn vị": f"U{i}", "Tên đơn vị": f"Đơn vị {i}"} for i in range(2500)]
    path = write_workbook(tmp_path / "x.xlsx", {"DonVi": units})

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    # when
    call_command("import", "workbook", str(path), "--dry-run", stdout=terminal)
    plain = run_import("workbook", str(path), "--dry-run")[1]
    # then
    assert "\rĐọc: 2.500/2.500 dòng" in terminal.getvalue()
    assert "\rGhi" not in terminal.getvalue()  # a dry run writes nothing
    assert "\r" not in plain


def test_the_template_has_every_sheet_header_list_and_note(tmp_path):
    from openpyxl import load_workbook

    from thidua.dataio.workbook.sheets import SHEETS

    # when
    run_import("template", str(tmp_path / "mau.xlsx"))
    # then
    book = load_workbook(tmp_path / "mau.xlsx")
    assert ["HuongDan", *(s.name for s in SHEETS), "DanhMuc"] == book.sheetnames
    for spec in SHEETS:
        ws = book[spec.name]
        assert list(spec.headers()) == [c.value for c in ws[1]]
        assert all(c.font.bold for c in ws[1])
        assert ws.column_dimensions["A"].width >= 8
    validated = {
        ws.title + "!" + ws.cell(1, next(iter(dv.sqref.ranges)).min_col).value
        for ws in book.worksheets
        for dv in ws.data_validations.dataValidation
    }
    assert {
        "CaNhan!Giới tính",
        "CumKhoi!Loại",
        "CumKhoi!Vai trò",
        "DanhGia!Loại đối tượng",
        "DanhGia!Mức độ hoàn thành nhiệm vụ",
        "DanhGia!Kỷ luật",
        "SangKien!Phạm vi ảnh hưởng",
        "KhenThuong!Mã danh hiệu",
        "KhenThuong!Loại đối tượng",
    } == validated
    notes = "\n".join(str(c.value) for row in book["HuongDan"].iter_rows() for c in row if c.value)
    assert "Trang DonVi là bắt buộc" in notes
    assert "Mức độ hoàn thành nhiệm vụ" in notes


def test_the_empty_template_imports_cleanly(tmp_path):
    run_import("template", str(tmp_path / "mau.xlsx"))

    assert run_import("workbook", str(tmp_path / "mau.xlsx"))[0] == 0


def test_export_of_an_unknown_unit_exits_2(tmp_path):
    with pytest.raises(CommandError, match=r"Không có đơn vị mã “ZZ”\.") as error:
        call_command("export", "workbook", str(tmp_path / "x.xlsx"), "--unit", "ZZ")

    assert error.value.returncode == 2


def test_the_command_line_refuses_a_non_workbook_with_exit_2_and_no_traceback(tmp_path):
    # given: the real entry point, in its own process
    path = tmp_path / "ghi-chu.xlsx"
    path.write_text("không phải Excel")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    thidua = Path(sys.executable).with_name("thidua")
    # when
    done = subprocess.run(
        [str(thidua), "import", "workbook", str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    # then
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert all(LINE.match(line) for line in done.stderr.splitlines()), done.stderr
    assert "Tệp: “ghi-chu.xlsx” không phải sổ Excel .xlsx" in done.stderr
