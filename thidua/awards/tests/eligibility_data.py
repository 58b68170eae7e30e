"""A small tree with people whose verdicts are known, for the "Đủ điều kiện" page and API
tests: in Phường Ngọc Sơn, Mai is excellent (Chiến sĩ thi đua cơ sở and more), Bình did well
(Lao động tiên tiến, one criterion short of Chiến sĩ thi đua cơ sở); Phường Bắc Sơn has Hòa."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from thidua.awards.tests.factories import issued_award
from thidua.orgs.choices import InitiativeScope, Rating
from thidua.orgs.models import Assessment, Initiative, Person, Unit
from thidua.orgs.services import person_create, unit_create


@dataclass
class Tree:
    city: Unit
    district: Unit
    ward: Unit
    other_ward: Unit
    mai: Person
    binh: Person
    hoa: Person


def assessed(unit: Unit, code: str, name: str, ratings: Mapping[int, str]) -> Person:
    person = person_create(code=code, full_name=name, unit=unit)
    Assessment.objects.bulk_create(
        Assessment(person=person, year=year, rating=rating, service_months=12)
        for year, rating in ratings.items()
    )
    return person


def build_tree() -> Tree:
    city = unit_create(code="HP", name="Thành phố Hải Phòng", kind="tinh")
    district = unit_create(code="KA", name="Quận Kiến An", kind="huyen", parent=city)
    ward = unit_create(code="NS", name="Phường Ngọc Sơn", kind="xa", parent=district)
    other_ward = unit_create(code="BS", name="Phường Bắc Sơn", kind="xa", parent=district)
    excellent = {2023: Rating.XUAT_SAC, 2024: Rating.XUAT_SAC}
    mai = assessed(ward, "NS-0001", "Nguyễn Thị Mai", excellent)
    issued_award(mai, code="lao_dong_tien_tien", year=2023)
    issued_award(mai, code="chien_si_thi_dua_co_so", year=2023)
    initiative = Initiative.objects.create(
        year=2024, title="Số hóa hồ sơ một cửa", scope=InitiativeScope.CO_SO
    )
    initiative.authors.add(mai)
    binh = assessed(ward, "NS-0002", "Trần Văn Bình", {2023: Rating.TOT, 2024: Rating.TOT})
    hoa = assessed(other_ward, "BS-0001", "Lê Thị Hòa", excellent)
    return Tree(city, district, ward, other_ward, mai, binh, hoa)
