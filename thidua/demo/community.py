"""Titles of households and the awards of enterprises."""

from __future__ import annotations

from thidua.demo.decisions import BK_TINH, GDVH, GIAY_KHEN, Grant
from thidua.demo.state import Demo
from thidua.orgs.models import Enterprise, Household

# Gia đình văn hóa by place: years recognised (by the Chủ tịch UBND of the ward or commune).
# None in Kiến An for 2023, whose figures the seed gives in full.
_GDVH_YEARS = {
    "HP-KA": (2022, 2024),
    "HP-DS": (2021, 2022, 2023, 2024),
    "HN-TH": tuple(range(2018, 2025)),
    "TN-TP": (2022, 2023, 2024),
}
HOUSEHOLD_ACHIEVEMENT = (
    "Có thành tích xuất sắc trong phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” năm {y}"
)
ENTERPRISE_ACHIEVEMENT = (
    "Có thành tích xuất sắc trong sản xuất kinh doanh, thực hiện tốt nghĩa vụ nộp ngân sách "
    "nhà nước năm {y}"
)


def _ward_of(household: Household) -> str:
    code = household.unit.code
    return code.rsplit("-", 1)[0] if "-TDP" in code else code


def community_grants(demo: Demo) -> list[Grant]:
    rng = demo.rng
    grants: list[Grant] = []
    households = list(Household.objects.select_related("unit").order_by("code"))
    for household in households:
        ward = _ward_of(household)
        years = next(y for prefix, y in _GDVH_YEARS.items() if ward.startswith(prefix))
        for year in years:
            if rng.random() < 0.85:
                grants.append(
                    Grant(
                        GDVH,
                        year,
                        household,
                        household.unit.code,
                        ward,
                        "",
                        HOUSEHOLD_ACHIEVEMENT.format(y=year),
                    )
                )
    # Đồ Sơn 2023 (seed 001): the city's Bằng khen to 6 households and 2 enterprises.
    do_son = [h for h in households if h.unit.code.startswith("HP-DS-")]
    for household in sorted(rng.sample(do_son, 6), key=lambda h: h.code):
        grants.append(
            Grant(
                BK_TINH,
                2023,
                household,
                household.unit.code,
                "HP",
                "DS",
                HOUSEHOLD_ACHIEVEMENT.format(y=2023),
            )
        )
    enterprises = {e.code: e for e in Enterprise.objects.select_related("unit")}
    awarded = (
        ("DN-DS-01", 2023, BK_TINH, "HP", "DS"),
        ("DN-DS-02", 2023, BK_TINH, "HP", "DS"),
        ("DN-DS-03", 2022, GIAY_KHEN, "DS", "DS"),
        ("DN-KA-01", 2022, GIAY_KHEN, "KA", "KA"),
        ("DN-KA-02", 2024, GIAY_KHEN, "KA", "KA"),
        ("DN-TN-01", 2023, GIAY_KHEN, "TPTN", "TPTN"),
    )
    for code, year, award, issuer, area in awarded:
        enterprise = enterprises[code]
        grants.append(
            Grant(
                award,
                year,
                enterprise,
                enterprise.unit.code,
                issuer,
                area,
                ENTERPRISE_ACHIEVEMENT.format(y=year),
            )
        )
    return grants
