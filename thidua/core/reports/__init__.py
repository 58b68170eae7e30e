"""Report text built from counts: pure Python, no Django (STYLE.md §4.4)."""

from thidua.core.reports.summary import (
    EMPTY_TEXT,
    ISSUER_QUALIFIED,
    RECIPIENT_ORDER,
    AwardCount,
    ScopeKind,
    Summary,
    award_phrase,
    common_issuer,
    issuer_short_name,
    scope_phrase,
    sentence_section,
    sort_counts,
    summary_paragraph,
)

__all__ = [
    "EMPTY_TEXT",
    "ISSUER_QUALIFIED",
    "RECIPIENT_ORDER",
    "AwardCount",
    "ScopeKind",
    "Summary",
    "award_phrase",
    "common_issuer",
    "issuer_short_name",
    "scope_phrase",
    "sentence_section",
    "sort_counts",
    "summary_paragraph",
]
