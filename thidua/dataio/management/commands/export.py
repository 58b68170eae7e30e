"""``thidua export workbook FILE.xlsx [--unit CODE] [--year-from Y] [--year-to Y]``: the
data workbook of the import, written from the database (shared/spec/workbook.md)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from thidua.common.errors import DomainError
from thidua.dataio.workbook import workbook_export

EXIT_INVALID = 2


class Command(BaseCommand):
    help = "Xuất sổ dữ liệu thi đua, khen thưởng ra Excel (workbook)."

    def add_arguments(self, parser: CommandParser) -> None:
        what = parser.add_subparsers(dest="what", required=True, metavar="workbook")
        workbook = what.add_parser(
            "workbook",
            help="Xuất sổ dữ liệu .xlsx (cùng các trang như khi nhập).",
            description="Xuất đơn vị, cá nhân, cụm khối, đánh giá, sáng kiến và khen thưởng "
            "ra sổ .xlsx nhập lại được.",
        )
        workbook.add_argument("file", metavar="FILE", help="tệp .xlsx sẽ tạo")
        workbook.add_argument("--unit", metavar="CODE", help="chỉ đơn vị này và đơn vị trực thuộc")
        workbook.add_argument("--year-from", type=int, metavar="Y", help="từ năm")
        workbook.add_argument("--year-to", type=int, metavar="Y", help="đến năm")

    def handle(self, *args: Any, **options: Any) -> None:
        year_from, year_to = options["year_from"], options["year_to"]
        if year_from is not None and year_to is not None and year_from > year_to:
            raise CommandError(
                f"--year-from {year_from} sau --year-to {year_to}.", returncode=EXIT_INVALID
            )
        try:
            counts = workbook_export(
                options["file"], unit_code=options["unit"], year_from=year_from, year_to=year_to
            )
        except DomainError as error:
            raise CommandError(error.message, returncode=EXIT_INVALID) from error
        except OSError as error:
            raise CommandError(
                f"Không ghi được tệp {options['file']}: {error.strerror}.", returncode=EXIT_INVALID
            ) from error
        for sheet, count in counts.items():
            self.stdout.write(f"{sheet}: {count} dòng")
        self.stdout.write(f"Đã xuất {options['file']}.")
