"""``thidua demo [--if-empty]``: load the demo data built from the seeds, then print the demo
accounts. ``make run`` calls it with ``--if-empty`` on every start."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from thidua.demo import ACCOUNTS, build_demo, demo_loaded, describe
from thidua.demo.accounts import Account
from thidua.orgs.models import Unit


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (Hải Phòng, Thái Nguyên, Hà Nội) và in các tài khoản dùng thử."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="chỉ nạp khi cơ sở dữ liệu chưa có đơn vị nào (dùng khi khởi động)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if demo_loaded():
            if options["if_empty"]:
                self.stdout.write("Dữ liệu mẫu đã có, không nạp lại.")
                self._print_accounts(ACCOUNTS)
                return
            raise CommandError("Dữ liệu mẫu đã được nạp vào cơ sở dữ liệu này.")
        if Unit.objects.exists():
            if options["if_empty"]:
                self.stdout.write("Cơ sở dữ liệu đã có dữ liệu, không nạp dữ liệu mẫu.")
                return
            raise CommandError(
                "Cơ sở dữ liệu đã có đơn vị; chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống."
            )
        summary = build_demo()
        c = summary.counts
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nạp dữ liệu mẫu trong {summary.seconds:.1f} giây: {c['units']} đơn vị, "
                f"{c['people']} cá nhân, {c['assessments']} đánh giá, {c['initiatives']} "
                f"sáng kiến, {c['award_records']} khen thưởng, {c['clusters']} cụm/khối theo "
                f"năm, {c['registrations']} đăng ký thi đua."
            )
        )
        self._print_accounts(summary.accounts)

    def _print_accounts(self, accounts: Sequence[Account]) -> None:
        self.stdout.write("Tài khoản dùng thử (tài khoản / mật khẩu – vai trò – đơn vị):")
        for account in accounts:
            self.stdout.write(f"  {describe(account)}")
