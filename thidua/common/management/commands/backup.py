"""``thidua backup [ĐÍCH] [--keep N]``: the database and the uploaded files into one archive,
safe while the app runs. Exit 2 with the reason when it cannot be made."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from thidua.common.backup import BackupError, backup_create, backup_folder
from thidua.common.backup.words import count
from thidua.common.sizes import megabytes

EXIT_REFUSED = 2


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu và các tệp đính kèm vào một tệp .tar.gz (chạy được khi hệ "
        "thống đang hoạt động)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "destination",
            nargs="?",
            metavar="ĐÍCH",
            help=f"thư mục chứa bản sao lưu (mặc định {backup_folder()}) hoặc tên tệp .tar.gz",
        )
        parser.add_argument(
            "--keep",
            type=int,
            metavar="N",
            help="sau khi sao lưu, chỉ giữ N bản mới nhất trong thư mục, xóa các bản cũ hơn",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["keep"] is not None and options["keep"] < 1:
            self.stderr.write("--keep phải từ 1 trở lên.")
            sys.exit(EXIT_REFUSED)
        destination = Path(options["destination"]) if options["destination"] else None
        try:
            created = backup_create(destination=destination, keep=options["keep"])
        except BackupError as error:
            self.stderr.write(error.message)
            sys.exit(EXIT_REFUSED)
        manifest = created.manifest
        self.stdout.write(
            f"Đã sao lưu cơ sở dữ liệu ({count(manifest.rows, 'dòng')} trong "
            f"{count(len(manifest.tables), 'bảng')}) và "
            f"{count(len(manifest.media), 'tệp đính kèm')} vào {created.path} "
            f"({megabytes(created.path.stat().st_size)})."
        )
        if created.removed:
            self.stdout.write(
                f"Đã xóa {count(len(created.removed), 'bản sao lưu cũ')}, giữ "
                f"{options['keep']} bản mới nhất."
            )
