"""The summary report as a Word document in the state format (NĐ 30/2020): the paragraph of
the year, the table of titles and forms against the year before, the comparison."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from thidua.common.documents import StateDocument
from thidua.common.documents.nd30 import Align
from thidua.core.reports import scope_phrase
from thidua.reports.exports.issuer import report_issuer
from thidua.reports.selectors import Report

COLUMNS = ("TT", "Danh hiệu thi đua, hình thức khen thưởng", "Đối tượng", "", "", "Tăng, giảm")
WIDTHS_CM = (1.1, 7.2, 2.6, 1.8, 1.8, 2.0)
ALIGN: tuple[Align, ...] = ("center", "left", "left", "right", "right", "right")


def signed(n: int) -> str:
    """+3, -3 or 0: the change written as the table reads it."""
    return f"{n:+,}".replace(",", ".") if n else "0"


def report_docx(report: Report, dest: str | Path | IO[bytes]) -> None:
    year, scope = report.year, report.scope
    issuer = report_issuer(scope)
    doc = StateDocument(
        issuer.header,
        kind="Báo cáo",
        subject=f"Kết quả khen thưởng năm {year} của {scope_phrase(scope.name)}",
    )
    doc.heading("Kết quả chung")
    doc.paragraph(report.summary.text)
    if report.partial:
        doc.paragraph(
            f"Số liệu gồm {report.members_visible}/{report.members} đơn vị thành viên thuộc "
            "phạm vi người lập báo cáo được xem.",
            italic=True,
        )
    doc.heading(f"Số liệu chi tiết, so sánh với năm {year - 1}")
    doc.paragraph(
        "Số lượt danh hiệu thi đua, hình thức khen thưởng theo năm thành tích, chỉ tính các "
        "quyết định đã ban hành và chưa bị hủy:"
    )
    headers = list(COLUMNS)
    headers[3], headers[4] = f"Năm {year}", f"Năm {year - 1}"
    rows = [
        (
            str(i),
            f"{r.name} ({r.kind_label.lower()})",
            r.recipient_label,
            r.now,
            r.before,
            signed(r.change),
        )
        for i, r in enumerate(report.rows, start=1)
    ]
    total = (
        "",
        "Tổng cộng",
        "",
        report.total_now,
        report.total_before,
        signed(report.total_now - report.total_before),
    )
    doc.table(headers, rows, widths_cm=WIDTHS_CM, align=ALIGN, total=total if rows else None)
    doc.paragraph(report.comparison)
    doc.signature(issuer.signature)
    doc.save(dest)
