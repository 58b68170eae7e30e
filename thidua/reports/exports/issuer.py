"""Who issues a report, and from where, as the header and signature of a state document
name them: a People's Committee for an administrative unit ("Ủy ban nhân dân quận Kiến An",
place "Kiến An"), the unit itself otherwise, the cluster for a cluster's report."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils import timezone

from thidua.common.documents import Header, Signature
from thidua.emulation.models import Cluster
from thidua.orgs.choices import UnitKind
from thidua.orgs.models import Unit
from thidua.reports.selectors import ReportScope

ADMINISTRATIVE = (UnitKind.TINH, UnitKind.HUYEN, UnitKind.XA)
RECIPIENTS = ("Thường trực Hội đồng Thi đua - Khen thưởng;", "Lưu: VT.")
# "Quận Kiến An" → "Kiến An": the place is the administrative unit's proper name (ND 30).
_LEVEL = re.compile(r"^(thành phố|tỉnh|quận|huyện|thị xã|thị trấn|phường|xã|đặc khu)\s+", re.I)


@dataclass(frozen=True, slots=True)
class Issuer:
    header: Header
    signature: Signature


def place_name(name: str) -> str:
    return _LEVEL.sub("", " ".join(name.split()))


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def _place(unit: Unit | None) -> str:
    """The proper name of the nearest administrative unit at or above ``unit``."""
    if unit is None:
        return ""
    ids = [int(i) for i in unit.path.strip("/").split("/") if i]
    chain = {u.pk: u for u in Unit.objects.filter(pk__in=ids).only("name", "kind")}
    for pk in reversed(ids):
        found = chain.get(pk)
        if found is not None and found.kind in ADMINISTRATIVE:
            return place_name(found.name)
    return place_name(unit.name)


def report_issuer(scope: ReportScope, *, number_suffix: str = "BC") -> Issuer:
    """The header and signature of a report on ``scope``; the number is left blank for the
    office to register, the date is today's."""
    today = timezone.localdate()
    if scope.kind == "cluster":
        cluster = Cluster.objects.filter(code=scope.code).select_related("organiser").first()
        organiser = cluster.organiser if cluster else None
        return Issuer(
            Header(
                issuer=scope.name,
                place=_place(organiser),
                number=f"      /{number_suffix}-CTĐ",
                day=today,
            ),
            Signature(authority=f"TM. {scope.name}", title="Cụm trưởng", recipients=RECIPIENTS),
        )
    unit = Unit.objects.select_related("parent").get(code=scope.code)
    if unit.kind in ADMINISTRATIVE:
        return Issuer(
            Header(
                issuer=f"Ủy ban nhân dân {_lower_first(unit.name)}",
                place=_place(unit),
                number=f"      /{number_suffix}-UBND",
                day=today,
            ),
            Signature(authority="TM. Ủy ban nhân dân", title="Chủ tịch", recipients=RECIPIENTS),
        )
    return Issuer(
        Header(
            issuer=unit.name,
            parent=unit.parent.name if unit.parent else "",
            place=_place(unit),
            number=f"      /{number_suffix}",
            day=today,
        ),
        Signature(title="Thủ trưởng đơn vị", recipients=RECIPIENTS),
    )
