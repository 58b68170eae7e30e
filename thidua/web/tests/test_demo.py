"""``thidua demo``: the demo reproduces the seeds' places, people and figures.

The demo is loaded once for the module, inside a transaction rolled back at the end, so the
other test modules see an empty database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Q
from django.test import RequestFactory

from thidua.accounts.models import Role, RoleKind, User
from thidua.accounts.scoping import scope_for
from thidua.awards.models import AwardRecord
from thidua.awards.selectors import unit_awards
from thidua.demo import KIEN_AN_WARD_CODES, MERGED_WARDS, NEW_WARD
from thidua.emulation.models import Cluster, Covenant
from thidua.orgs.models import Person, Unit, UnitSuccession

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_output(django_db_setup: Any, django_db_blocker: Any) -> Iterator[str]:
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


def _subtree(codes: list[str] | tuple[str, ...]) -> Any:
    condition = Q()
    for path in Unit.objects.filter(code__in=codes).values_list("path", flat=True):
        condition |= Q(path__startswith=path)
    return Unit.objects.filter(condition)


def _counts(codes: list[str] | tuple[str, ...], year: int) -> Counter[tuple[str, str]]:
    records = AwardRecord.objects.filter(unit__in=_subtree(codes), year=year)
    return Counter(records.values_list("code", "recipient_kind"))


def test_loading_prints_the_demo_accounts(demo_output: str) -> None:
    assert "Tài khoản dùng thử" in demo_output
    assert "admin / admin" in demo_output
    assert "canbo.ngocson / ngocson – Cán bộ thi đua – khen thưởng – Phường Ngọc Sơn" in (
        demo_output
    )


def test_the_kien_an_ward_cluster_has_the_seeds_figures_for_2023(demo_output: str) -> None:
    # given: seed 000, the cluster's paragraph for 2023
    expected = {
        ("co_thi_dua_tinh", "collective"): 1,
        ("tap_the_lao_dong_xuat_sac", "collective"): 3,
        ("tap_the_lao_dong_tien_tien", "collective"): 8,
        ("bang_khen_tinh", "collective"): 2,
        ("bang_khen_tinh", "individual"): 2,
        ("giay_khen", "collective"): 2,
        ("giay_khen", "individual"): 39,
        ("chien_si_thi_dua_co_so", "individual"): 23,
        ("lao_dong_tien_tien", "individual"): 210,
    }

    # when
    counts = _counts(KIEN_AN_WARD_CODES, 2023)

    # then: exactly these, and nothing else
    assert expected == dict(counts)
    issuers = AwardRecord.objects.filter(
        unit__in=_subtree(KIEN_AN_WARD_CODES), year=2023, code="giay_khen"
    ).values_list("decision__issuing_body", flat=True)
    assert {"UBND quận Kiến An"} == set(issuers)


def test_do_son_and_the_culture_block_have_the_seeds_figures_for_2023(demo_output: str) -> None:
    do_son = _counts(["HP-DS"], 2023)
    assert do_son["co_thi_dua_tinh", "collective"] == 4
    assert do_son["tap_the_lao_dong_xuat_sac", "collective"] == 14
    assert do_son["bang_khen_tinh", "collective"] == 8
    assert do_son["bang_khen_tinh", "individual"] == 12
    assert do_son["bang_khen_tinh", "enterprise"] == 2
    assert do_son["bang_khen_tinh", "household"] == 6

    block = Cluster.objects.get(code="KHOI-VHXH-HP", year=2023)
    members = [m.unit.code for m in block.members.select_related("unit")]
    counts = _counts(members, 2023)
    assert counts["bang_khen_tinh", "collective"] == 7
    flag = AwardRecord.objects.get(
        collective__in=block.units.all(), year=2023, code="co_thi_dua_tinh"
    )
    assert flag.collective is not None
    assert flag.collective.code == "HP-SKHCN"


def test_clusters_follow_the_seeds_leaders_year_to_year(demo_output: str) -> None:
    def leader(code: str, year: int) -> str:
        cluster = Cluster.objects.get(code=code, year=year)
        return cluster.members.get(role="leader").unit.code

    assert leader("CUM-KA-PHUONG", 2023) == "HP-KA-NS"
    assert leader("CUM-KA-PHUONG", 2024) == "HP-KA-TTN"
    assert leader("KHOI-VHXH-HP", 2023) == "HP-SKHCN"
    assert leader("KHOI-VHXH-HP", 2024) == "HP-SGDDT"
    assert leader("CUM-TPTN-XA", 2024) == "TN-TP-DL"
    assert Cluster.objects.get(code="CUM-TPTN-XA", year=2024).members.count() == 11
    ka_2024 = Cluster.objects.get(code="CUM-KA-PHUONG", year=2024)
    assert ka_2024.previous is not None
    assert ka_2024.previous.year == 2023
    assert ka_2024.members.count() == 10


def test_the_2024_covenant_of_the_ward_cluster_has_six_targets_signed_by_every_ward(
    demo_output: str,
) -> None:
    covenant = Covenant.objects.get(cluster__code="CUM-KA-PHUONG", cluster__year=2024)

    items = covenant.criteria.filter(kind="item")
    assert items.count() == 6
    assert sum(c.max_points for c in items) == 100
    assert covenant.criteria.filter(kind="bonus").exists()
    assert covenant.criteria.filter(kind="penalty").exists()
    assert covenant.signatures.count() == 10
    assert date(2024, 2, 28) == covenant.signed_on


def test_the_merged_ward_reaches_the_awards_of_its_predecessors(demo_output: str) -> None:
    ward = Unit.objects.get(code=NEW_WARD)
    ngoc_son = Unit.objects.get(code="HP-KA-NS")

    predecessors = set(
        UnitSuccession.objects.filter(successor=ward).values_list("predecessor__code", flat=True)
    )
    awards = unit_awards(user=None, unit=ward)

    assert set(MERGED_WARDS) == predecessors
    assert ward.parent is not None
    assert ward.parent.code == "HP"
    assert date(2025, 6, 30) == ngoc_son.valid_to
    assert awards.filter(collective=ngoc_son, year=2023, code="co_thi_dua_tinh").exists()
    officer = User.objects.get(username="canbo.phuongkienan")
    assert scope_for(officer).can_read(ngoc_son.pk)


def test_the_seeds_people_are_there_and_found_without_diacritics(demo_output: str) -> None:
    hinh = Person.objects.get(search_key__contains="nguyen van hinh")

    assert hinh.full_name == "Nguyễn Văn Hinh"
    assert hinh.code == "KA-NS-0001"
    assert hinh.memberships.filter(unit__code="HP-KA-NS", position="Chủ tịch UBND phường").exists()
    for name in ("Cao Nguyễn Bình", "Tạ Văn Phin", "Đỗ Văn Lợi", "Trần Khắc Kiên"):
        assert Person.objects.filter(full_name=name).exists()


def test_the_history_follows_the_law(demo_output: str) -> None:
    def pairs(code: str) -> set[tuple[int | None, int]]:
        rows = AwardRecord.objects.filter(code=code)
        return {(r[0] or r[1], r[2]) for r in rows.values_list("person", "collective", "year")}

    # A Chiến sĩ thi đua cơ sở was a Lao động tiên tiến the same year.
    assert set() == pairs("chien_si_thi_dua_co_so") - pairs("lao_dong_tien_tien")
    # The Tập thể lao động xuất sắc wards were Tập thể lao động tiên tiến.
    wards = Unit.objects.filter(code__in=KIEN_AN_WARD_CODES).values_list("pk", flat=True)
    excellent = {(u, y) for u, y in pairs("tap_the_lao_dong_xuat_sac") if u in set(wards)}
    assert excellent
    assert set() == excellent - pairs("tap_the_lao_dong_tien_tien")
    # Some people were Chiến sĩ thi đua cơ sở three years running.
    hinh = Person.objects.get(full_name="Nguyễn Văn Hinh")
    years = hinh.awards.filter(code="chien_si_thi_dua_co_so").values_list("year", flat=True)
    assert {2021, 2022, 2023} <= set(years)


def test_officer_accounts_act_for_exactly_one_unit(demo_output: str) -> None:
    officers = User.objects.filter(roles__kind=RoleKind.OFFICER).distinct()

    assert officers.count() >= 8
    for user in officers:
        units = {role.unit_id for role in user.roles.all()}
        assert len(units) == 1, user.username  # canbo.kienan is also the council's secretary
        assert None not in units
        assert user.full_name
    admin = User.objects.get(username="admin")
    assert admin.is_superuser
    # The documented passwords keep working: no demo account is made to change its own.
    assert not User.objects.filter(must_change_password=True).exists()
    assert Role.objects.filter(user=admin, kind=RoleKind.ADMIN).exists()
    signing_in = RequestFactory().post("/dang-nhap/")
    assert authenticate(signing_in, username="canbo.ngocson", password="ngocson") is not None


def test_loading_again_with_if_empty_changes_nothing(demo_output: str) -> None:
    # given
    before = (Unit.objects.count(), Person.objects.count(), AwardRecord.objects.count())
    out = StringIO()

    # when
    call_command("demo", "--if-empty", stdout=out)

    # then
    assert before == (Unit.objects.count(), Person.objects.count(), AwardRecord.objects.count())
    printed = out.getvalue()
    assert printed.startswith("Dữ liệu mẫu đã có, không nạp lại.")
    assert "canbo.ngocson / ngocson" in printed  # make run prints the accounts on every start
    with pytest.raises(CommandError):
        call_command("demo", stdout=StringIO())
