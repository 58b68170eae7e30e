"""A small ward cluster built through the services: a district, its wards with one officer
each, the cluster of the year with its covenant open for signing."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.accounts.models import Role, RoleKind
from thidua.accounts.tests.factories import UserFactory, officer_of
from thidua.emulation.choices import ClusterKind, CriterionKind, OrganiserLevel
from thidua.emulation.models import Cluster, Covenant, Criterion, ScoreSheet
from thidua.emulation.services import (
    LineInput,
    cluster_create,
    covenant_create,
    covenant_open,
    covenant_sign,
    criterion_add,
    score_lines_save,
    score_sheet_submit,
    self_sheet_start,
)
from thidua.orgs.models import Unit
from thidua.orgs.services import unit_create

WARDS = (("NS", "Ngọc Sơn"), ("TTN", "Trần Thành Ngọ"), ("VD", "Văn Đẩu"), ("BS", "Bắc Sơn"))
MORE_WARDS = (("NAS", "Nam Sơn"), ("QT", "Quán Trữ"), ("LH", "Lãm Hà"), ("DH", "Đồng Hòa"))
# The six targets of the Kiến An covenant (points out of 100), a bonus and a penalty.
ITEMS = ((1, 20), (2, 20), (3, 20), (4, 10), (5, 15), (6, 15))

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf(name: str = "bao-cao.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def admin_user() -> Any:
    user = UserFactory.create(is_superuser=True, is_staff=True)
    Role.objects.create(user=user, kind=RoleKind.ADMIN)
    return user


@dataclass
class WardYear:
    district: Unit
    wards: dict[str, Unit]
    officers: dict[str, Any]  # ward short code (and "KA" for the district) → user
    cluster: Cluster
    covenant: Covenant
    group: Criterion
    items: list[Criterion] = field(default_factory=list)
    bonus: Criterion | None = None
    penalty: Criterion | None = None

    def ward(self, short: str) -> Unit:
        return self.wards[short]

    def sign_all(self) -> None:
        for short, unit in self.wards.items():
            covenant_sign(
                covenant=self.covenant,
                unit=unit,
                by=self.officers[short],
                signer_name=f"Chủ tịch UBND phường {unit.name}",
            )

    def full_marks(self, less: Decimal = Decimal(0)) -> dict[int, LineInput]:
        entries = {c.pk: LineInput(c.max_points) for c in self.items}
        first = self.items[0]
        entries[first.pk] = LineInput(first.max_points - less)
        assert self.bonus is not None
        assert self.penalty is not None
        entries[self.bonus.pk] = LineInput(Decimal(0))
        entries[self.penalty.pk] = LineInput(Decimal(0))
        return entries

    def self_score(self, short: str, less: Decimal = Decimal(0)) -> ScoreSheet:
        officer = self.officers[short]
        sheet = self_sheet_start(covenant=self.covenant, unit=self.ward(short), by=officer)
        score_lines_save(sheet=sheet, by=officer, entries=self.full_marks(less))
        return score_sheet_submit(sheet=sheet, by=officer)

    def review(self, sheet: ScoreSheet, less: Decimal = Decimal(0)) -> ScoreSheet:
        assert sheet.reviewer is not None
        short = next(k for k, u in self.wards.items() if u.pk == sheet.reviewer_id)
        officer = self.officers[short]
        score_lines_save(sheet=sheet, by=officer, entries=self.full_marks(less))
        return score_sheet_submit(sheet=sheet, by=officer)


def ward_year(
    year: int = 2025, *, opened: bool = True, wards: int = 4, city: str = "HP"
) -> WardYear:
    """``city`` prefixes every code, so that two such clusters can live side by side."""
    top = unit_create(code=city, name=f"Thành phố {city}", kind="tinh")
    district = unit_create(code=f"{city}-KA", name="Quận Kiến An", kind="huyen", parent=top)
    units = {
        short: unit_create(
            code=f"{city}-KA-{short}", name=f"Phường {name}", kind="xa", parent=district
        )
        for short, name in (WARDS + MORE_WARDS)[:wards]
    }
    login = "" if city == "HP" else f"{city.lower()}."
    officers: dict[str, Any] = {
        short: officer_of(unit, username=f"canbo.{login}{short.lower()}")
        for short, unit in units.items()
    }
    officers["KA"] = officer_of(district, username=f"canbo.{login}kienan")
    cluster = cluster_create(
        by=officers["KA"],
        code="CUM-KA-PHUONG" if city == "HP" else f"CUM-{city}",
        name="Cụm thi đua khối phường quận Kiến An",
        kind=ClusterKind.CUM,
        year=year,
        organiser=district,
        organiser_level=OrganiserLevel.HUYEN,
        members=list(units.values()),
        leader=units["TTN"],
        deputy=units["VD"],
    )
    covenant = covenant_create(cluster=cluster, by=officers["KA"])
    by = officers["KA"]
    group = criterion_add(
        covenant=covenant,
        by=by,
        number="I",
        text="Các chỉ tiêu thi đua",
        kind=CriterionKind.GROUP,
        max_points=Decimal(100),
    )
    result = WardYear(district, units, officers, cluster, covenant, group)
    for number, points in ITEMS:
        result.items.append(
            criterion_add(
                covenant=covenant,
                by=by,
                number=str(number),
                text=f"Chỉ tiêu {number}",
                max_points=Decimal(points),
                evidence="Báo cáo kết quả",
                parent=group,
            )
        )
    result.bonus = criterion_add(
        covenant=covenant,
        by=by,
        number="II",
        text="Mô hình hay được biểu dương",
        kind=CriterionKind.BONUS,
        max_points=Decimal(5),
    )
    result.penalty = criterion_add(
        covenant=covenant,
        by=by,
        number="III",
        text="Có cán bộ bị kỷ luật",
        kind=CriterionKind.PENALTY,
        max_points=Decimal(5),
    )
    if opened:
        covenant_open(covenant=covenant, by=by)
    return result
