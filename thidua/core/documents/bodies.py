"""The body a unit's documents speak for. A province, district or commune acts through its
People's Committee (Điều 8 Luật Tổ chức chính quyền địa phương 2015, as amended 2025): its
papers are headed "Ủy ban nhân dân phường Lãm Hà", never by the place's own name; an agency or
a school writes under its own name."""

from __future__ import annotations

# Unit kinds (``orgs.UnitKind`` values) that are local governments.
LOCAL_GOVERNMENT_KINDS = frozenset({"tinh", "huyen", "xa"})
PEOPLES_COMMITTEE = "Ủy ban nhân dân"


def peoples_committee(place: str) -> str:
    """ "Phường Lãm Hà" → "Ủy ban nhân dân phường Lãm Hà"."""
    return f"{PEOPLES_COMMITTEE} {place[:1].lower()}{place[1:]}"


def body_of(name: str, kind: str) -> str:
    """The name a unit's documents are issued under."""
    return peoples_committee(name) if kind in LOCAL_GOVERNMENT_KINDS else name
