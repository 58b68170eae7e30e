"""The unit tree and the ward cluster the report tests count in."""

from __future__ import annotations

import pytest

from thidua.emulation.choices import ClusterKind
from thidua.emulation.models import Cluster, ClusterMember
from thidua.orgs.choices import UnitKind
from thidua.orgs.models import Unit
from thidua.orgs.tests.factories import UnitFactory


@pytest.fixture
def tree() -> dict[str, Unit]:
    city = UnitFactory.create(
        code="HP", name="Thành phố Hải Phòng", kind=UnitKind.TINH, kind_label="Thành phố"
    )
    kien_an = UnitFactory.create(
        code="HP-KA", name="Quận Kiến An", kind=UnitKind.HUYEN, kind_label="Quận", parent=city
    )
    do_son = UnitFactory.create(
        code="HP-DS", name="Quận Đồ Sơn", kind=UnitKind.HUYEN, kind_label="Quận", parent=city
    )
    return {
        "city": city,
        "kien_an": kien_an,
        "do_son": do_son,
        "ngoc_son": UnitFactory.create(code="HP-KA-NS", name="Phường Ngọc Sơn", parent=kien_an),
        "tran_thanh_ngo": UnitFactory.create(
            code="HP-KA-TTN", name="Phường Trần Thành Ngọ", parent=kien_an
        ),
        "ngoc_xuyen": UnitFactory.create(code="HP-DS-NX", name="Phường Ngọc Xuyên", parent=do_son),
    }


@pytest.fixture
def ward_cluster(tree: dict[str, Unit]) -> Cluster:
    """The Kiến An ward cluster: two wards in 2023, one in 2024."""
    c2023 = Cluster.objects.create(
        code="KA-CUM-PHUONG", year=2023, name="Cụm thi đua khối phường", kind=ClusterKind.CUM
    )
    ClusterMember.objects.create(cluster=c2023, unit=tree["ngoc_son"], role="leader")
    ClusterMember.objects.create(cluster=c2023, unit=tree["tran_thanh_ngo"])
    c2024 = Cluster.objects.create(
        code="KA-CUM-PHUONG",
        year=2024,
        name="Cụm thi đua khối phường",
        kind=ClusterKind.CUM,
        previous=c2023,
    )
    ClusterMember.objects.create(cluster=c2024, unit=tree["ngoc_son"], role="leader")
    return c2023
