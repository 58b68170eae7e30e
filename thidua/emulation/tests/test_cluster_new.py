"""Forming a cluster or block for its first year: the page, and the rules the service holds
(members once per organiser and year, leader and deputy among the members and apart)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.tests.factories import leader_of, officer_of
from thidua.common.errors import DomainError
from thidua.emulation.choices import ClusterChangeKind, ClusterKind, MemberRole, OrganiserLevel
from thidua.emulation.models import Cluster, ClusterChange
from thidua.emulation.services import cluster_create, cluster_year_create
from thidua.orgs.models import Unit
from thidua.orgs.services import unit_create

pytestmark = pytest.mark.django_db
NEW = reverse("emulation:cluster_new")


@pytest.fixture
def district():
    top = unit_create(code="HP", name="Thành phố Hải Phòng", kind="tinh")
    district = unit_create(code="KA", name="Quận Kiến An", kind="huyen", parent=top)
    for code, name in (("NS", "Ngọc Sơn"), ("BS", "Bắc Sơn"), ("VD", "Văn Đẩu"), ("LH", "Lãm Hà")):
        unit_create(code=code, name=f"Phường {name}", kind="xa", parent=district)
    return district


@pytest.fixture
def officer(district):
    return officer_of(district, username="canbo.kienan")


def form(**overrides):
    data = {
        "name": "Cụm thi đua các phường phía Nam",
        "kind": ClusterKind.CUM,
        "code": "",
        "year": "2026",
        "organiser": "KA",
        "organiser_level": OrganiserLevel.HUYEN,
        "members": ["NS", "BS", "VD"],
        "leader": "BS",
        "deputy": "VD",
        "rotation_policy": "fixed_order",
    }
    return {**data, **overrides}


def test_the_clusters_list_links_to_forming_a_new_one(client, officer):
    client.force_login(officer)

    html = client.get(reverse("emulation:clusters")).content.decode()

    assert "Thành lập cụm, khối mới" in html
    assert NEW in html


def test_the_page_offers_the_units_the_officer_acts_for(client, officer):
    unit_create(code="DS", name="Quận Đồ Sơn", kind="huyen")
    client.force_login(officer)

    response = client.get(NEW)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Phường Ngọc Sơn" in html
    assert "Quận Đồ Sơn" not in html
    assert response.context["form"].initial["organiser"] == "KA"
    assert response.context["form"].initial["year"] == timezone.localdate().year


def test_forming_a_cluster_records_members_leaders_and_goes_to_its_page(client, officer):
    client.force_login(officer)

    response = client.post(NEW, form())

    cluster = Cluster.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("emulation:cluster", args=[cluster.code, 2026])
    assert cluster.code == "CUM-THI-DUA-CAC-PHUONG-PHIA-NAM"
    assert cluster.rotation_policy == "fixed_order"
    assert cluster.organiser == Unit.objects.get(code="KA")
    roles = [(m.unit.code, m.role, m.order) for m in cluster.members.order_by("order")]
    assert roles == [
        ("NS", MemberRole.MEMBER, 1),
        ("BS", MemberRole.LEADER, 2),
        ("VD", MemberRole.DEPUTY, 3),
    ]
    assert ClusterChange.objects.filter(cluster=cluster, kind=ClusterChangeKind.LEADER).exists()
    page = client.get(response["Location"]).content.decode()
    assert "Đã thành lập Cụm thi đua các phường phía Nam năm 2026 với 3 đơn vị thành viên." in page


def errors_of(response) -> dict[str, list[str]]:
    assert response.status_code == 400
    return response.context["form"].errors


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"leader": "LH"},
            "leader",
            "Phường Lãm Hà không phải thành viên cụm thi đua năm 2026.",
        ),
        (
            {"deputy": "BS"},
            "deputy",
            "Cụm trưởng và cụm phó phải là hai đơn vị khác nhau.",
        ),
        (
            {"kind": ClusterKind.KHOI, "deputy": "BS"},
            "deputy",
            "Khối trưởng và khối phó phải là hai đơn vị khác nhau.",
        ),
        (
            {"members": ["BS"], "deputy": ""},
            "members",
            "Cụm thi đua cần ít nhất hai đơn vị thành viên.",
        ),
        ({"members": []}, "members", "Chọn các đơn vị thành viên."),
        ({"name": ""}, "name", "Chưa nhập “Tên cụm, khối thi đua”."),
    ],
)
def test_a_refused_form_says_why_next_to_the_field(client, officer, overrides, field, message):
    client.force_login(officer)

    response = client.post(NEW, form(**overrides))

    assert errors_of(response)[field] == [message]
    assert not Cluster.objects.exists()
    html = response.content.decode()
    assert message in html
    assert "Cụm thi đua các phường phía Nam" in html or field == "name"  # nothing typed is lost


def test_a_unit_is_in_one_cluster_of_an_organiser_per_year(client, officer):
    client.force_login(officer)
    client.post(NEW, form())

    again = client.post(NEW, form(name="Cụm thi đua phía Tây", members=["LH", "VD"], leader="LH"))
    next_year = client.post(NEW, form(name="Cụm thi đua phía Tây", year="2027", code="TAY"))

    assert errors_of(again)["members"] == [
        "Phường Văn Đẩu đã là thành viên Cụm thi đua các phường phía Nam năm 2026; một đơn vị "
        "chỉ tham gia một cụm, khối của cùng cơ quan tổ chức trong năm."
    ]
    assert next_year.status_code == 302
    assert Cluster.objects.count() == 2


def test_the_same_code_and_year_is_refused_on_the_code(client, officer):
    client.force_login(officer)
    client.post(NEW, form(code="CUM-NAM"))

    response = client.post(NEW, form(code="CUM-NAM", members=["LH", "NS"], leader="LH", deputy=""))

    assert errors_of(response)["code"] == ["Đã có cụm, khối mã “CUM-NAM” năm 2026; chọn mã khác."]


def test_units_outside_the_officers_reach_cannot_be_chosen(client, district):
    ward = officer_of(district.children.get(code="NS"))
    client.force_login(ward)

    response = client.post(NEW, form(organiser="NS"))

    assert "members" in errors_of(response)  # BS, VD are not offered to a ward officer
    assert not Cluster.objects.exists()


def test_a_read_only_leader_cannot_open_the_page(client, district):
    client.force_login(leader_of(district))

    assert client.get(NEW).status_code == 403
    assert (
        "Thành lập cụm, khối mới" not in client.get(reverse("emulation:clusters")).content.decode()
    )


def test_the_service_refuses_an_ended_unit_and_another_organisers_officer(district, officer):
    ended = unit_create(code="TT", name="Phường Tràng Minh", kind="xa", parent=district)
    ended.valid_to = date(2025, 6, 30)
    ended.save()
    units = {u.code: u for u in district.children.all()}
    common = {
        "name": "Cụm thi đua số 1",
        "kind": ClusterKind.CUM,
        "year": 2026,
        "organiser": district,
        "organiser_level": OrganiserLevel.HUYEN,
    }

    with pytest.raises(DomainError) as refused:
        cluster_create(by=officer, members=[units["NS"], ended], **common)
    assert refused.value.field == "members"
    assert "hoạt động đến hết ngày 30/06/2025" in refused.value.message

    with pytest.raises(PermissionDenied):
        cluster_create(by=officer_of(units["NS"]), members=[units["NS"], units["BS"]], **common)
    assert not Cluster.objects.exists()


def test_next_year_cannot_add_a_unit_already_in_another_cluster(client, officer):
    district = Unit.objects.get(code="KA")
    unit_create(code="TM", name="Phường Tràng Minh", kind="xa", parent=district)
    client.force_login(officer)
    client.post(NEW, form())
    client.post(
        NEW,
        form(
            name="Cụm thi đua phía Tây", year="2027", members=["LH", "TM"], leader="LH", deputy=""
        ),
    )
    south = Cluster.objects.get(year=2026)
    lam_ha = Unit.objects.get(code="LH")

    with pytest.raises(DomainError) as refused:
        cluster_year_create(previous=south, by=officer, add=[lam_ha])

    assert refused.value.field == "members"
    assert refused.value.message.startswith("Phường Lãm Hà đã là thành viên Cụm thi đua phía Tây")
    assert not Cluster.objects.filter(code=south.code, year=2027).exists()


def test_members_are_units_under_the_organiser(client, district, officer):
    client.force_login(officer)

    page = client.get(NEW).content.decode()
    itself = client.post(NEW, form(members=["KA", "NS", "BS"], leader="NS", deputy="BS"))

    assert 'name="members" value="KA"' not in page
    assert 'name="members" value="NS"' in page
    assert itself.status_code == 400
    assert not Cluster.objects.exists()
    with pytest.raises(DomainError, match="Phường Ngọc Sơn không phải đơn vị trực thuộc"):
        cluster_create(
            by=officer,
            members=[Unit.objects.get(code="NS"), Unit.objects.get(code="BS")],
            name="Cụm thi đua số 2",
            kind=ClusterKind.CUM,
            year=2026,
            organiser=Unit.objects.get(code="BS"),
            organiser_level=OrganiserLevel.HUYEN,
        )
