"""The 2025 reform: districts abolished, wards merged (effective 01/07/2025).

One merge is shown: five wards of quận Kiến An form the new phường Kiến An, placed directly
under the city; their one-stop desks merge into the new ward's desk. The old wards and desks
end on 30/06/2025 and keep their place in the tree and their award records; the new ward
reaches them through the succession links.
"""

from __future__ import annotations

from datetime import date

from thidua.demo.state import Demo
from thidua.orgs.choices import UnitKind
from thidua.orgs.models import Unit
from thidua.orgs.services import unit_create, unit_merge

MERGED_WARDS = ("HP-KA-NS", "HP-KA-TTN", "HP-KA-VD", "HP-KA-BS", "HP-KA-NAS")
NEW_WARD = "HP-PKA"
NEW_DESK = "HP-PKA-MC"
EFFECTIVE = date(2025, 7, 1)
BASIS = (
    "Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã "
    "của thành phố Hải Phòng năm 2025"
)


def build_reform(demo: Demo) -> Unit:
    moving = {s.code: s.unit_on(EFFECTIVE) for s in demo.staff}
    ward = unit_create(
        code=NEW_WARD,
        name="Phường Kiến An",
        kind=UnitKind.XA,
        kind_label="Phường",
        parent=demo.unit("HP"),
        valid_from=EFFECTIVE,
    )
    demo.units[NEW_WARD] = ward
    # The desks first, so that they end under their old wards instead of moving with them.
    desk = unit_merge(
        predecessors=[demo.unit(f"{code}-MC") for code in MERGED_WARDS],
        code=NEW_DESK,
        name="Bộ phận Một cửa phường Kiến An",
        effective_date=EFFECTIVE,
        parent=ward,
        kind=UnitKind.PHONG_BAN,
        kind_label="Bộ phận",
        basis=BASIS,
    )
    demo.units[NEW_DESK] = desk
    unit_merge(
        predecessors=[demo.unit(code) for code in MERGED_WARDS],
        code=NEW_WARD,
        name=ward.name,
        effective_date=EFFECTIVE,
        successor=ward,
        basis=BASIS,
    )
    merged_desks = {f"{code}-MC" for code in MERGED_WARDS}
    for s in demo.staff:
        old = moving[s.code]
        if old in MERGED_WARDS:
            s.stints.append((NEW_WARD, EFFECTIVE))
        elif old in merged_desks:
            s.stints.append((NEW_DESK, EFFECTIVE))
    for code in demo.units:
        demo.units[code].refresh_from_db()
    return ward
