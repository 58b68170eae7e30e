"""``thidua restore TỆP [--yes] [--check] [--ignore-migrations]``: the database and the
uploaded files of a backup put in place of the current ones, after the archive is checked
whole and the administrator has confirmed what will be replaced.

Exit 0 when restored (or, with ``--check``, when the archive could be); 1 when the
administrator does not confirm; 2 when the archive is damaged, of another database, or of
another version of the code, with nothing changed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from thidua.common.backup import (
    BackupError,
    Plan,
    Unpacked,
    backup_restore,
    media_root,
    restore_plan,
    unpacked,
)
from thidua.common.backup.database import vendor_name
from thidua.common.backup.words import count

EXIT_DECLINED = 1
EXIT_REFUSED = 2
YES = {"co", "có", "y", "yes"}


class Command(BaseCommand):
    help = (
        "Khôi phục cơ sở dữ liệu và các tệp đính kèm từ một bản sao lưu của "
        '"thidua backup", thay cho dữ liệu hiện có.'
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="TỆP", help="bản sao lưu .tar.gz")
        parser.add_argument(
            "--yes", action="store_true", help="không hỏi lại trước khi thay dữ liệu hiện có"
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="chỉ kiểm tra bản sao lưu (nguyên vẹn, khớp hệ thống này), không khôi phục",
        )
        parser.add_argument(
            "--ignore-migrations",
            action="store_true",
            help="khôi phục cả khi bản sao lưu được lập với phiên bản khác của cơ sở dữ liệu",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with unpacked(Path(options["file"]), beside=media_root().parent) as backup:
                self.stdout.write(_describe(backup))
                plan = restore_plan(backup)
                _check_migrations(plan, ignore=options["ignore_migrations"])
                if options["check"]:
                    self.stdout.write("Bản sao lưu nguyên vẹn và khôi phục được vào hệ thống này.")
                    return
                if not options["yes"]:
                    self._confirm(plan)
                backup_restore(plan)
        except BackupError as error:
            self.stderr.write(error.message)
            sys.exit(EXIT_REFUSED)
        self.stdout.write(
            f"Đã khôi phục cơ sở dữ liệu và "
            f"{count(len(backup.manifest.media), 'tệp đính kèm')} từ bản sao lưu lập lúc "
            f"{_when(backup)}."
        )
        if plan.migrations_missing:
            self.stdout.write(
                'Bản sao lưu của phiên bản cũ hơn: hãy chạy "thidua migrate" ngay bây giờ.'
            )

    def _confirm(self, plan: Plan) -> None:
        manifest = plan.backup.manifest
        self.stdout.write(
            "Khôi phục sẽ THAY THẾ toàn bộ dữ liệu hiện có:\n"
            f"  - cơ sở dữ liệu {plan.current_database} (hiện có "
            f"{count(plan.current_rows, 'dòng')} trong {count(plan.current_tables, 'bảng')});\n"
            f"  - {count(plan.current_files, 'tệp đính kèm')} trong {plan.media_root};\n"
            f"bằng dữ liệu của bản sao lưu lập lúc {_when(plan.backup)} "
            f"({count(manifest.rows, 'dòng')}, {count(len(manifest.media), 'tệp đính kèm')}). "
            "Mọi thay đổi sau thời điểm đó sẽ mất. Hãy dừng thidua-web và thidua-worker trước "
            "khi khôi phục."
        )
        if not sys.stdin.isatty():
            raise BackupError(
                "Lệnh khôi phục cần được xác nhận: hãy chạy trong cửa sổ dòng lệnh, hoặc thêm "
                "--yes nếu đã chắc chắn. Chưa có gì thay đổi."
            )
        try:
            answer = input('Gõ "co" để khôi phục, hoặc Enter để thôi: ')
        except EOFError:
            answer = ""
        if answer.strip().lower() not in YES:
            self.stdout.write("Đã thôi; dữ liệu hiện có giữ nguyên.")
            sys.exit(EXIT_DECLINED)


def _when(backup: Unpacked) -> str:
    return f"{timezone.localtime(backup.manifest.created):%H:%M ngày %d/%m/%Y}"


def _describe(backup: Unpacked) -> str:
    manifest = backup.manifest
    return (
        f"Bản sao lưu {backup.path}: lập lúc {_when(backup)} bởi Thi đua {manifest.app_version}, "
        f"cơ sở dữ liệu {vendor_name(manifest.vendor)} ({count(manifest.rows, 'dòng')} trong "
        f"{count(len(manifest.tables), 'bảng')}), {count(len(manifest.media), 'tệp đính kèm')}; "
        "mọi tệp khớp mã kiểm tra SHA-256."
    )


def _check_migrations(plan: Plan, *, ignore: bool) -> None:
    if plan.migrations_unknown:
        message = (
            "Bản sao lưu được lập với phiên bản Thi đua mới hơn phiên bản đang cài (có "
            f"{count(len(plan.migrations_unknown), 'bước nâng cấp cơ sở dữ liệu')} mà phiên bản "
            f"này không có, như {', '.join(plan.migrations_unknown[:3])}). Hãy cài phiên bản "
            "mới hơn trước khi khôi phục."
        )
    elif plan.migrations_missing:
        message = (
            "Bản sao lưu được lập với phiên bản Thi đua cũ hơn phiên bản đang cài (thiếu "
            f"{count(len(plan.migrations_missing), 'bước nâng cấp cơ sở dữ liệu')}, như "
            f"{', '.join(plan.migrations_missing[:3])}). Nếu vẫn khôi phục "
            '(--ignore-migrations), hãy chạy "thidua migrate" ngay sau đó.'
        )
    else:
        return
    if not ignore:
        raise BackupError(f"{message} Chưa có gì thay đổi.", code="migrations")
