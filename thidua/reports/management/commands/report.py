"""``thidua report summary --year Y (--unit CODE | --cluster CODE) [--json]``

The paragraph that opens every annual conference (shared/spec/report.md): the titles and
awards granted for year Y in a unit's subtree or in a cluster's member units. Exit 0, also
for a year with nothing recorded (the paragraph says so, ``counts`` is empty); exit 2 for an
unknown unit or cluster, or bad arguments.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from thidua.reports.selectors import (
    ReportScopeNotFoundError,
    award_summary,
    report_scope_cluster,
    report_scope_unit,
)

EXIT_UNKNOWN_SCOPE = 2


class Command(BaseCommand):
    help = "Báo cáo thi đua, khen thưởng (summary: đoạn tổng hợp kết quả khen thưởng năm)."

    def add_arguments(self, parser: CommandParser) -> None:
        reports = parser.add_subparsers(dest="report", required=True, metavar="REPORT")
        summary = reports.add_parser(
            "summary",
            help="Tổng hợp danh hiệu, hình thức khen thưởng của một năm.",
            description="Tổng hợp danh hiệu thi đua, hình thức khen thưởng của năm thành tích "
            "cho một đơn vị (cùng các đơn vị trực thuộc) hoặc một cụm, khối thi đua.",
        )
        summary.add_argument("--year", type=int, required=True, help="năm thành tích")
        where = summary.add_mutually_exclusive_group(required=True)
        where.add_argument("--unit", metavar="CODE", help="mã đơn vị")
        where.add_argument("--cluster", metavar="CODE", help="mã cụm, khối thi đua")
        summary.add_argument(
            "--json", action="store_true", dest="as_json", help="in số liệu dạng JSON"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # One report for now; the subcommand leaves room for the others.
        self._summary(
            year=options["year"],
            unit=options["unit"],
            cluster=options["cluster"],
            as_json=options["as_json"],
        )

    def _summary(self, *, year: int, unit: str | None, cluster: str | None, as_json: bool) -> None:
        try:
            if unit is not None:
                scope = report_scope_unit(code=unit)
            else:
                assert cluster is not None  # argparse: exactly one of --unit, --cluster
                scope = report_scope_cluster(code=cluster, year=year)
        except ReportScopeNotFoundError as error:
            raise CommandError(error.message, returncode=EXIT_UNKNOWN_SCOPE) from error
        summary = award_summary(scope=scope, year=year)
        if as_json:
            self.stdout.write(json.dumps(summary.as_json(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(summary.text)
