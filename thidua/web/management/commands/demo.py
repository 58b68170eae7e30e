"""``thidua demo [--if-empty]``: load the demo data built from the seeds, then print the demo
accounts. ``make run`` calls it with ``--if-empty`` on every start."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from thidua.demo import ACCOUNTS, build_demo, demo_loaded, describe
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
                names = ", ".join(f"{a.username}/{a.password}" for a in ACCOUNTS[:3])
                self.stdout.write(
                    f"Dữ liệu mẫu đã có, không nạp lại. Tài khoản dùng thử: {names}, … "
                    "(xem README)."
                )
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
        self.stdout.write("Tài khoản dùng thử:")
        for account in summary.accounts:
            self.stdout.write(f"  {describe(account)}")
