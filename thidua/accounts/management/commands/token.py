"""``thidua token create USERNAME [--scope read|write] [--days N]`` prints a new API token
once; ``thidua token revoke PREFIX`` revokes it."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from thidua.accounts.models import TokenScope
from thidua.accounts.services import token_create, token_revoke
from thidua.accounts.services.tokens import DEFAULT_DAYS, MAX_DAYS
from thidua.common.errors import DomainError


class Command(BaseCommand):
    help = "Tạo hoặc thu hồi mã truy cập API (Bearer token) của người dùng."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Tạo mã truy cập cho người dùng.")
        create.add_argument("username")
        create.add_argument("--name", default="", help="Tên gợi nhớ của mã truy cập.")
        create.add_argument(
            "--scope",
            choices=TokenScope.values,
            default=TokenScope.WRITE,
            help="read: chỉ đọc; write: đọc và ghi (mặc định).",
        )
        create.add_argument(
            "--days",
            type=int,
            default=DEFAULT_DAYS,
            help=f"Số ngày hiệu lực, từ 1 đến {MAX_DAYS} (mặc định {DEFAULT_DAYS}).",
        )
        revoke = actions.add_parser("revoke", help="Thu hồi mã truy cập theo tiền tố.")
        revoke.add_argument("prefix", help="12 ký tự đầu của mã truy cập.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "create":
            try:
                issued = token_create(
                    username=options["username"],
                    name=options["name"],
                    scope=options["scope"],
                    days=options["days"],
                )
            except DomainError as error:
                raise CommandError(error.message, returncode=2) from error
            self.stdout.write(issued.token)
            self.stderr.write(
                "Mã truy cập chỉ hiển thị một lần; hãy lưu lại. "
                f"Hiệu lực đến {timezone.localtime(issued.record.expires_at):%d/%m/%Y %H:%M}. "
                "Gửi kèm tiêu đề: Authorization: Bearer <mã>"
            )
            return
        revoked = token_revoke(prefix=options["prefix"])
        if not revoked:
            raise CommandError("Không có mã truy cập nào có tiền tố này.", returncode=2)
        self.stdout.write(f"Đã thu hồi {revoked} mã truy cập.")
