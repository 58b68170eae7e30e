"""``thidua rules evaluate|catalog|scan`` (``shared/spec/rules-cli.md``).

- ``evaluate [FILE | -] [--next]``: one case or a list of cases as JSON in, results as JSON out;
  ``--next`` adds, per case, what is missing and the earliest year of each title not reached.
- ``catalog [--json]``: the codes with names, recipients, levels, and the rule sets.
- ``scan --year Y --unit CODE [--json | --xlsx FILE]``: every subject under a unit, from the
  database (``thidua.awards.eligibility``), under the local rules in force for the unit
  ("Quy định riêng của địa phương").

Exit 0 on success; 2 with a Vietnamese message on stderr that names the field for invalid
input (bad JSON, unknown code, a year out of range, a field of the wrong type).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser
from openpyxl import Workbook

from thidua.awards.eligibility import (
    UnitNotFoundError,
    eligibility_scan,
    scan_as_json,
    scan_text,
    scan_workbook,
)
from thidua.awards.services.quotas import local_scope
from thidua.core.rules import evaluate
from thidua.core.rules.catalog_view import catalog_json, catalog_text
from thidua.core.rules.next_steps import next_steps
from thidua.core.rules.parse import InputError, parse_cases
from thidua.core.rules.registry import NoRuleSetError, rule_set_for_year
from thidua.orgs.models import Unit

EXIT_INVALID_INPUT = 2


def _read_failure(error: Exception) -> str:
    if isinstance(error, FileNotFoundError):
        return "không có tệp này"
    if isinstance(error, IsADirectoryError):
        return "đây là một thư mục"
    if isinstance(error, PermissionError):
        return "không có quyền đọc"
    if isinstance(error, UnicodeDecodeError):
        return "tệp không phải văn bản UTF-8"
    return str(error)


def _unwritable(target: Path) -> str | None:
    """Why the workbook could not be written to ``target``, found before the scan runs (a
    province takes a while): None when it can."""
    folder = target.parent
    if not folder.is_dir():
        return f"không có thư mục {folder}"
    if target.is_dir():
        return "đây là một thư mục"
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        return "không có quyền ghi"
    return None


def _save_whole(workbook: Workbook, target: Path) -> None:
    """Written beside the target, then moved over it: an earlier file of the same name is
    replaced whole or left as it was, never half-written."""
    with tempfile.NamedTemporaryFile(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
    ) as part:
        partial = Path(part.name)
    try:
        workbook.save(partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


class Command(BaseCommand):
    help = (
        "Xét điều kiện danh hiệu thi đua, hình thức khen thưởng theo Luật Thi đua, khen thưởng "
        "(evaluate, catalog, scan)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")
        evaluate_parser = commands.add_parser(
            "evaluate",
            help="Xét một hoặc nhiều trường hợp từ JSON.",
            description="Đọc một trường hợp (hoặc danh sách) dạng JSON, in kết quả dạng JSON.",
        )
        evaluate_parser.add_argument(
            "file", nargs="?", default="-", metavar="FILE", help="tệp JSON; '-' là đầu vào chuẩn"
        )
        evaluate_parser.add_argument(
            "--next",
            action="store_true",
            dest="with_next",
            help="thêm tiêu chí còn thiếu và năm sớm nhất có thể đạt mỗi danh hiệu",
        )
        catalog_parser = commands.add_parser(
            "catalog", help="Danh mục mã danh hiệu, hình thức khen thưởng và bộ quy tắc."
        )
        catalog_parser.add_argument("--json", action="store_true", dest="as_json")
        scan_parser = commands.add_parser(
            "scan",
            help="Xét mọi đối tượng thuộc một đơn vị, từ cơ sở dữ liệu.",
            description="Xét mọi cá nhân, tập thể thuộc đơn vị (cùng các đơn vị trực thuộc) "
            "cho năm thành tích đã chọn.",
        )
        scan_parser.add_argument("--year", type=int, required=True, help="năm thành tích")
        scan_parser.add_argument("--unit", required=True, metavar="CODE", help="mã đơn vị")
        output = scan_parser.add_mutually_exclusive_group()
        output.add_argument("--json", action="store_true", dest="as_json")
        output.add_argument("--xlsx", metavar="FILE", help="ghi kết quả ra tệp Excel")

    def handle(self, *args: Any, **options: Any) -> None:
        command = options["command"]
        if command == "evaluate":
            self._evaluate(options["file"], with_next=options["with_next"])
        elif command == "catalog":
            self._catalog(as_json=options["as_json"])
        else:
            self._scan(
                year=options["year"],
                unit=options["unit"],
                as_json=options["as_json"],
                xlsx=options["xlsx"],
            )

    def _refuse(self, message: str) -> NoReturn:
        self.stderr.write(message)
        sys.exit(EXIT_INVALID_INPUT)

    def _evaluate(self, source: str, *, with_next: bool) -> None:
        try:
            raw = sys.stdin.read() if source == "-" else Path(source).read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            self._refuse(f"Không đọc được tệp {source}: {_read_failure(error)}.")
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as error:
            self._refuse(
                f"Dữ liệu không phải JSON hợp lệ (dòng {error.lineno}, cột {error.colno})."
            )
        try:
            cases, many = parse_cases(data)
        except InputError as error:
            self._refuse(str(error))
        outputs = []
        for case in cases:
            output = evaluate(case).as_json()
            if with_next:
                output["next"] = [step.as_json() for step in next_steps(case)]
            outputs.append(output)
        self._write_json(outputs if many else outputs[0])

    def _catalog(self, *, as_json: bool) -> None:
        if as_json:
            self._write_json(catalog_json())
        else:
            self.stdout.write(catalog_text())

    def _scan(self, *, year: int, unit: str, as_json: bool, xlsx: str | None) -> None:
        if xlsx is not None and (problem := _unwritable(Path(xlsx))) is not None:
            self._refuse(f"--xlsx: không ghi được tệp {xlsx}: {problem}.")
        try:
            rule_set_for_year(year)
            root = Unit.objects.filter(code=unit).first()
            scope = local_scope(root, year) if root is not None else None
            scan = eligibility_scan(unit_code=unit, year=year, scope=scope)
        except NoRuleSetError as error:
            self._refuse(f"--year: {error}")
        except UnitNotFoundError as error:
            self._refuse(f"--unit: {error}")
        if xlsx is not None:
            _save_whole(scan_workbook(scan), Path(xlsx))
            self.stdout.write(f"Đã ghi {len(scan.subjects)} đối tượng vào {xlsx}.")
        elif as_json:
            self._write_json(scan_as_json(scan))
        else:
            self.stdout.write(scan_text(scan))

    def _write_json(self, data: object) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
