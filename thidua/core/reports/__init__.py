"""Report text built from counts: pure Python, no Django (STYLE.md §4.4)."""

from thidua.core.reports.compare import (
    KIND_LABELS,
    ReportRow,
    change_phrase,
    compare_counts,
    comparison_paragraph,
)
from thidua.core.reports.summary import (
    EMPTY_TEXT,
    ISSUER_QUALIFIED,
    RECIPIENT_ORDER,
    AwardCount,
    ScopeKind,
    Summary,
    award_phrase,
    common_issuer,
    format_number,
    honour_name,
    issuer_short_name,
    scope_phrase,
    sentence_section,
    sort_counts,
    summary_paragraph,
)

__all__ = [
    "EMPTY_TEXT",
    "ISSUER_QUALIFIED",
    "KIND_LABELS",
    "RECIPIENT_ORDER",
    "AwardCount",
    "ReportRow",
    "ScopeKind",
    "Summary",
    "award_phrase",
    "change_phrase",
    "common_issuer",
    "compare_counts",
    "comparison_paragraph",
    "format_number",
    "honour_name",
    "issuer_short_name",
    "scope_phrase",
    "sentence_section",
    "sort_counts",
    "summary_paragraph",
]
