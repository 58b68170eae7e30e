# ruff: noqa: N999 -- the module is named after the command, ``thidua import``
"""``thidua import workbook FILE.xlsx [--dry-run]`` and ``thidua import template FILE.xlsx``
(shared/spec/workbook.md).

Exit 0 with the counts per sheet; exit 2 with every problem on stderr, one per line, as
``SHEET!ROW COLUMN: message``, and nothing written.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from thidua.dataio.services import workbook_import_record_command
from thidua.dataio.workbook import ImportResult, phase_of, workbook_import, workbook_template

EXIT_INVALID = 2
LARGE = 2_000  # rows from which a terminal shows a progress line


class Command(BaseCommand):
    help = "Nhập dữ liệu từ sổ Excel (workbook), hoặc tạo sổ mẫu để điền (template)."

    def add_arguments(self, parser: CommandParser) -> None:
        what = parser.add_subparsers(dest="what", required=True, metavar="workbook|template")
        workbook = what.add_parser(
            "workbook",
            help="Nhập sổ dữ liệu .xlsx: tất cả hoặc không gì.",
            description="Kiểm tra và nhập sổ dữ liệu thi đua, khen thưởng (.xlsx). Có lỗi thì "
            "không ghi gì, in mọi lỗi và thoát với mã 2.",
        )
        workbook.add_argument("file", metavar="FILE", help="tệp .xlsx")
        workbook.add_argument(
            "--dry-run", action="store_true", help="chỉ kiểm tra và báo cáo, không ghi"
        )
        template = what.add_parser("template", help="Tạo sổ mẫu trống có hướng dẫn.")
        template.add_argument("file", metavar="FILE", help="tệp .xlsx sẽ tạo")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["what"] == "template":
            workbook_template(options["file"])
            self.stdout.write(f"Đã tạo sổ mẫu {options['file']}.")
            return
        progress = self._progress if self.stdout.isatty() else None
        result = workbook_import(options["file"], dry_run=options["dry_run"], progress=progress)
        if progress is not None:
            self.stdout.write("\r\033[K", ending="")
        if not result.ok:
            for problem in result.problems:
                self.stderr.write(str(problem))
            self.stdout.write(
                f"Có {len(result.problems)} lỗi; chưa ghi gì vào cơ sở dữ liệu. "
                "Sửa tệp rồi nhập lại."
            )
            sys.exit(EXIT_INVALID)
        self._summary(result)
        if not result.dry_run:
            # Listed under "Nhập, xuất dữ liệu" beside the browser's imports; the output stays
            # the counts the contract names.
            workbook_import_record_command(path=Path(options["file"]), result=result)

    def _summary(self, result: ImportResult) -> None:
        if result.dry_run:
            self.stdout.write("Chạy thử (--dry-run): tệp hợp lệ, chưa ghi gì. Nếu nhập sẽ:")
        for sheet, counts in result.counts.items():
            self.stdout.write(
                f"{sheet}: tạo mới {counts.created}, cập nhật {counts.updated}, "
                f"không đổi {counts.unchanged}"
            )
        if not result.dry_run:
            self.stdout.write(f"Đã nhập xong {result.rows} dòng.")

    def _progress(self, done: int, total: int) -> None:
        phase, rows_done, rows = phase_of(done, total)
        if rows < LARGE:
            return
        self.stdout.write(f"\r{phase}: {rows_done:,}/{rows:,} dòng".replace(",", "."), ending="")
        self.stdout.flush()
