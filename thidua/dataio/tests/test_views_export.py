"""Xuất dữ liệu in the browser: the workbook of the units the user may see."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from thidua.accounts.tests.factories import officer_of
from thidua.dataio.tests.workbooks import PEOPLE, UNIT_TREE, award, import_sheets
from thidua.orgs.models import Unit

pytestmark = pytest.mark.django_db

DO_SON = {"Mã đơn vị": "DS", "Tên đơn vị": "Quận Đồ Sơn", "Mã đơn vị cấp trên": "HP"}


@pytest.fixture
def data(tmp_path):
    people = [*PEOPLE, {"Mã cá nhân": "CN9", "Họ và tên": "Lê Văn Tám", "Mã đơn vị": "DS"}]
    awards = [award(), award(**{"Mã đối tượng": "CN9"}), award(Năm=2020)]
    import_sheets(tmp_path, {"DonVi": [*UNIT_TREE, DO_SON], "CaNhan": people, "KhenThuong": awards})


def sheet(response, name):
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    return list(book[name].iter_rows(min_row=2, values_only=True))


def test_an_officer_exports_their_units_and_years(client, data):
    # given
    client.force_login(officer_of(Unit.objects.get(code="KA")))
    # when
    response = client.get(reverse("dataio:export"), {"don_vi": "KA", "tu_nam": 2023})
    # then
    assert 'filename="so-du-lieu-KA-2023.xlsx"' in response["Content-Disposition"]
    assert [(r[3], r[0]) for r in sheet(response, "KhenThuong")] == [("CN1", 2023)]
    assert {"CN1", "CN2"} == {r[0] for r in sheet(response, "CaNhan")}


def test_an_officer_cannot_export_another_unit_or_everything(client, data):
    # given
    client.force_login(officer_of(Unit.objects.get(code="KA")))
    # when
    other = client.get(reverse("dataio:export"), {"don_vi": "DS"})
    everything = client.get(reverse("dataio:export"))
    # then
    assert (other.status_code, everything.status_code) == (400, 400)
    assert "Hãy chọn một đơn vị bạn được xem." in other.content.decode()


def test_an_administrator_exports_everything(admin_client, data):
    response = admin_client.get(reverse("dataio:export"))

    assert len(sheet(response, "KhenThuong")) == 3


def test_years_in_the_wrong_order_are_refused_next_to_the_field(admin_client, data):
    response = admin_client.get(reverse("dataio:export"), {"tu_nam": 2024, "den_nam": 2020})

    assert response.status_code == 400
    assert "Năm cuối (2020) phải từ năm đầu (2024) trở đi." in response.content.decode()
