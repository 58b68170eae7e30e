"""The scan as JSON, as text for the terminal, and as an .xlsx workbook: who is eligible for
what, who is one criterion short and what is missing, and the caps per unit."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from thidua.awards.eligibility.scan import Scan, ScanSubject
from thidua.common.documents.xlsx import append_row, book_print_setup
from thidua.core.rules import Verdict
from thidua.core.rules.vocabulary import SUBJECT_LABELS


def _missing(verdict: Verdict) -> dict[str, Any]:
    (criterion,) = verdict.unmet
    return {
        "code": verdict.code,
        "name": verdict.name,
        "missing": criterion.as_json(),
    }


def _subject_json(subject: ScanSubject) -> dict[str, Any]:
    return {
        "kind": subject.row.kind.value,
        "code": subject.row.code,
        "name": subject.row.name,
        "unit": subject.unit.code,
        "eligible": [v.code for v in subject.eligible],
        "one_short": [_missing(v) for v in subject.one_short],
    }


def scan_as_json(scan: Scan) -> dict[str, Any]:
    return {
        "year": scan.year,
        "rule_set": scan.rule_set,
        "unit": {"code": scan.unit.code, "name": scan.unit.name},
        "subjects": [_subject_json(s) for s in scan.subjects],
        "quotas": [
            {"unit": q.unit.code, "checks": [c.as_json() for c in q.checks]} for q in scan.quotas
        ],
    }


def _who(subject: ScanSubject) -> str:
    label = SUBJECT_LABELS[subject.row.kind]
    return f"{subject.row.name} ({label}, mã {subject.row.code}, {subject.unit.name})"


def _named(subject: ScanSubject, verdict: Verdict, year: int) -> str:
    """The title or form, marked when the year's decisions already grant it or rule it out."""
    standing = subject.standing(verdict.code, year)
    return f"{verdict.name} ({standing})" if standing else verdict.name


def scan_text(scan: Scan) -> str:
    lines = [f"Xét điều kiện năm {scan.year} — {scan.unit.name} (bộ quy tắc {scan.rule_set})"]
    eligible = [s for s in scan.subjects if s.eligible]
    short = [s for s in scan.subjects if s.one_short]
    lines.append(f"\nĐủ điều kiện ({len(eligible)}):")
    lines += [
        f"  {_who(s)}: " + ", ".join(_named(s, v, scan.year) for v in s.eligible) for s in eligible
    ]
    lines.append(f"\nCòn thiếu một tiêu chí ({len(short)}):")
    for subject in short:
        for verdict in subject.one_short:
            (criterion,) = verdict.unmet
            lines.append(
                f"  {_who(subject)}: {verdict.name} — thiếu: {criterion.text} "
                f"({criterion.citation.text})"
            )
    if scan.quotas:
        lines.append("\nTỷ lệ theo đơn vị:")
        for quota in scan.quotas:
            lines += [f"  {quota.unit.name}: {c.message}" for c in quota.checks]
    return "\n".join(lines)


ELIGIBLE = "Đủ điều kiện"
_HEADERS = (
    "STT",
    "Đối tượng",
    "Loại",
    "Mã",
    "Đơn vị",
    "Danh hiệu, hình thức khen thưởng",
    "Kết quả",
    "Tiêu chí còn thiếu",
    "Căn cứ",
    "Người quyết định",
)


def scan_workbook(scan: Scan) -> Workbook:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = "Đủ điều kiện"
    append_row(sheet, [f"Danh sách đủ điều kiện năm {scan.year} — {scan.unit.name}"])
    sheet["A1"].font = Font(bold=True)
    append_row(sheet, list(_HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    number = 0
    for subject in scan.subjects:
        base = [
            subject.row.name,
            SUBJECT_LABELS[subject.row.kind],
            subject.row.code,
            subject.unit.name,
        ]
        for verdict in subject.eligible:
            number += 1
            standing = subject.standing(verdict.code, scan.year)
            result = f"{ELIGIBLE}, {standing}" if standing else ELIGIBLE
            append_row(sheet, [number, *base, verdict.name, result, "", "", verdict.decider])
        for verdict in subject.one_short:
            (criterion,) = verdict.unmet
            number += 1
            append_row(
                sheet,
                [
                    number,
                    *base,
                    verdict.name,
                    "Còn thiếu một tiêu chí",
                    criterion.text,
                    criterion.citation.text,
                    verdict.decider,
                ],
            )
    for column, width in zip("ABCDEFGHIJ", (6, 28, 10, 12, 28, 34, 20, 60, 50, 30), strict=True):
        sheet.column_dimensions[column].width = width
    quotas = book.create_sheet("Tỷ lệ")
    append_row(quotas, ["Đơn vị", "Danh hiệu", "Số lượng", "Giới hạn", "Vượt", "Căn cứ"])
    for quota in scan.quotas:
        for check in quota.checks:
            append_row(
                quotas,
                [
                    quota.unit.name,
                    check.message,
                    check.count,
                    check.limit,
                    check.excess,
                    check.cited,
                ],
            )
    book_print_setup(book)
    return book
