"""``thidua rules catalog``: the codes with their names, recipients, levels and the rule sets
that judge them, and the rule sets with their years and texts."""

from __future__ import annotations

from typing import Any

from thidua.core.catalog import CATALOG, LEVEL_LABELS, LEVELS, RECIPIENT_LABELS
from thidua.core.rules.registry import RULE_SETS


def catalog_json() -> dict[str, Any]:
    return {
        "codes": [
            {
                "code": award.code,
                "name": award.name,
                "kind": award.kind.value,
                "recipients": [r.value for r in award.recipients],
                "level": LEVELS[award.code].value,
                "rule_sets": [
                    r.name for r in RULE_SETS if any(rule.code == award.code for rule in r.rules)
                ],
            }
            for award in CATALOG
        ],
        "rule_sets": [
            {
                "name": r.name,
                "title": r.title,
                "first_year": r.first_year,
                "last_year": r.last_year,
                "basis": [text.name for text in r.basis],
            }
            for r in RULE_SETS
        ],
    }


def catalog_text() -> str:
    """The same as a plain listing, in catalog order (highest precedence first)."""
    lines = ["Danh hiệu thi đua, hình thức khen thưởng (theo thứ tự từ cao xuống thấp):"]
    for award in CATALOG:
        recipients = ", ".join(RECIPIENT_LABELS[r] for r in award.recipients)
        level = LEVEL_LABELS[LEVELS[award.code]]
        lines.append(f"  {award.code:<30} {award.name} — {recipients}; {level}")
    lines.append("")
    lines.append("Bộ quy tắc:")
    for r in RULE_SETS:
        lines.append(f"  {r.name:<30} năm xét {r.years_label}: {r.title}")
    return "\n".join(lines)
