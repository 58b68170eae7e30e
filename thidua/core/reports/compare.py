"""A year against the one before: the rows of the report's table and its closing sentence.

Pure: the page, the Excel sheet and the Word document all take their rows from here, so the
three never disagree on an order, a label or a difference.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from thidua.core.catalog import BY_CODE, PRECEDENCE, RECIPIENT_LABELS, Kind, Recipient
from thidua.core.reports.summary import RECIPIENT_ORDER, AwardCount, format_number, honour_name

KIND_LABELS = {Kind.TITLE: "Danh hiệu thi đua", Kind.FORM: "Hình thức khen thưởng"}
_RANK = {r: i for i, r in enumerate(RECIPIENT_ORDER)}


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One honour for one kind of recipient: how many this year and the year before."""

    code: str
    recipient: Recipient
    now: int
    before: int
    name: str  # with the issuing body when the decisions agree on one

    @property
    def kind_label(self) -> str:
        """ "Danh hiệu thi đua" or "Hình thức khen thưởng": never one label for both."""
        return KIND_LABELS[BY_CODE[self.code].kind]

    @property
    def recipient_label(self) -> str:
        return RECIPIENT_LABELS[self.recipient]

    @property
    def change(self) -> int:
        return self.now - self.before


def compare_counts(
    now: tuple[AwardCount, ...],
    before: tuple[AwardCount, ...],
    issuers: Mapping[str, str] | None = None,
) -> tuple[ReportRow, ...]:
    """Every (honour, recipient) counted in either year, by precedence then recipient;
    ``issuers`` names the body of an honour as the paragraph does."""
    issuers = issuers or {}
    totals: dict[tuple[str, Recipient], list[int]] = {}
    for index, counts in enumerate((now, before)):
        for c in counts:
            totals.setdefault((c.code, c.recipient), [0, 0])[index] += c.count
    keys = sorted(totals, key=lambda k: (PRECEDENCE[k[0]], _RANK[k[1]]))
    return tuple(
        ReportRow(
            code, r, totals[code, r][0], totals[code, r][1], honour_name(code, issuers.get(code))
        )
        for code, r in keys
    )


def change_phrase(now: int, before: int) -> str:
    """ "tăng 12 (từ 100 lên 112)", "giảm 3 (từ 10 xuống 7)", "không đổi (10)"."""
    n, b = format_number(now), format_number(before)
    if now > before:
        return f"tăng {format_number(now - before)} (từ {b} lên {n})"
    if now < before:
        return f"giảm {format_number(before - now)} (từ {b} xuống {n})"
    return f"không đổi ({n})"


def comparison_paragraph(year: int, rows: tuple[ReportRow, ...]) -> str:
    """The sentence after the table: the whole against last year, then titles and forms."""
    if not rows:
        return f"Năm {year} và năm {year - 1} đều chưa có khen thưởng nào được ghi nhận."
    now, before = sum(r.now for r in rows), sum(r.before for r in rows)
    parts = [f"So với năm {year - 1}, tổng số lượt khen thưởng {change_phrase(now, before)}"]
    for kind, label in KIND_LABELS.items():
        of_kind = [r for r in rows if BY_CODE[r.code].kind is kind]
        if of_kind:
            n, b = sum(r.now for r in of_kind), sum(r.before for r in of_kind)
            parts.append(f"số lượt {label.lower()} {change_phrase(n, b)}")
    return "; ".join(parts) + "."
