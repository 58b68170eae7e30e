"""Quy định riêng của địa phương: the page (scoping, validation, audit), and the rules it sets
reaching the "Đủ điều kiện" page, the proposal checks and ``thidua rules scan``."""

from __future__ import annotations

import json
import re
from datetime import date
from io import StringIO

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.urls import reverse

from thidua.accounts.tests.factories import officer_of
from thidua.awards.choices import CheckStatus
from thidua.awards.eligibility_selectors import person_eligibility
from thidua.awards.models import UnitRuleSettings
from thidua.awards.services.eligibility_check import candidate_check
from thidua.awards.services.quotas import local_caps
from thidua.awards.tests.eligibility_data import Tree, build_tree
from thidua.awards.tests.local_rules import set_local_rules
from thidua.core.rules.settings import Share
from thidua.core.rules.vocabulary import Rating

pytestmark = pytest.mark.django_db

PAGE = reverse("awards:local_rules")
ELIGIBILITY = reverse("awards:eligibility")
BASIS = "Quyết định số 15/2024/QĐ-UBND ngày 12/3/2024 của UBND thành phố Hải Phòng"


@pytest.fixture
def tree() -> Tree:
    return build_tree()


def logged_in(client, unit, username):
    client.force_login(officer_of(unit, username=username))
    return client


def post(client, code: str, **fields):
    data = {"valid_from": "01/01/2024", "basis": BASIS, **fields}
    return client.post(f"{PAGE}?don_vi={code}", data)


def test_the_district_officer_sets_a_cap_and_the_change_is_logged(client, tree):
    client = logged_in(client, tree.district, "canbo.kienan")

    response = post(client, "KA", cstdcs_share_of_ldtt="20", giay_khen_min_rating="tot")

    assert response.status_code == 302
    row = UnitRuleSettings.objects.get(unit=tree.district)
    assert (row.valid_from, row.cstdcs_share_of_ldtt, row.basis) == (date(2024, 1, 1), 20, BASIS)
    entry = LogEntry.objects.get_for_object(row).get()
    assert entry.actor.username == "canbo.kienan"
    html = client.get(response["Location"]).content.decode()
    assert "Đã lưu quy định riêng của đơn vị." in html
    assert "Không quá 20%" in html
    assert "Từ mức “Hoàn thành tốt nhiệm vụ” trở lên" in html
    assert "01/01/2024" in html


def test_a_ward_officer_reads_the_rules_set_above_but_cannot_change_them(client, tree):
    set_local_rules("HP", cstdcs_share_of_ldtt=15, basis=BASIS)
    client = logged_in(client, tree.ward, "canbo.ngocson")

    html = client.get(PAGE, {"don_vi": "NS"}).content.decode()

    assert "Không quá 15%" in html
    assert "Thành phố Hải Phòng" in html
    assert BASIS in html
    assert "Lưu quy định" not in html
    assert post(client, "NS", cstdcs_share_of_ldtt="30").status_code == 403
    assert not UnitRuleSettings.objects.filter(unit=tree.ward).exists()


def test_a_version_entered_by_mistake_is_deleted_after_a_confirmation_and_logged(client, tree):
    kept = set_local_rules("KA", valid_from=date(2023, 1, 1), cstdcs_share_of_ldtt=15)
    wrong = set_local_rules("KA", valid_from=date(2024, 1, 1), cstdcs_share_of_ldtt=50)
    client = logged_in(client, tree.district, "canbo.kienan")

    asked = client.get(PAGE, {"don_vi": "KA", "xoa": wrong.pk}).content.decode()
    response = client.post(f"{PAGE}?don_vi=KA&xoa={wrong.pk}")

    assert "Xóa quy định áp dụng từ ngày 01/01/2024" in asked
    assert response.status_code == 302
    assert list(UnitRuleSettings.objects.filter(unit=tree.district)) == [kept]
    html = client.get(response["Location"]).content.decode()
    assert "Đã xóa quy định áp dụng từ ngày 01/01/2024." in html
    deleted = LogEntry.objects.filter(object_pk=str(wrong.pk), action=LogEntry.Action.DELETE)
    assert deleted.get().actor.username == "canbo.kienan"


def test_a_ward_officer_cannot_delete_the_rules_set_above(client, tree):
    above = set_local_rules("HP", cstdcs_share_of_ldtt=15)
    client = logged_in(client, tree.ward, "canbo.ngocson")

    assert client.post(f"{PAGE}?don_vi=NS&xoa={above.pk}").status_code == 404
    assert client.post(f"{PAGE}?don_vi=HP&xoa={above.pk}").status_code in (403, 404)
    assert UnitRuleSettings.objects.filter(pk=above.pk).exists()


def test_an_officer_cannot_reach_a_unit_above_their_own(client, tree):
    client = logged_in(client, tree.district, "canbo.kienan")

    assert post(client, "HP", cstdcs_share_of_ldtt="30").status_code == 404
    assert not UnitRuleSettings.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "Chưa có quy định nào: đặt ít nhất một tỷ lệ hoặc một tiêu chuẩn."),
        ({"cstdcs_share_of_ldtt": "150"}, "Tỷ lệ không được quá 100%."),
        ({"cstdcs_share_of_ldtt": "0"}, "Tỷ lệ phải từ 1% trở lên."),
        ({"cstdcs_share_of_ldtt": "mười"}, "Nhập một số nguyên từ 1 đến 100."),
        ({"ldtt_share_of_members": "80", "valid_from": "2024-13-01"}, "dd/mm/yyyy"),
        ({"ldtt_share_of_members": "80", "basis": ""}, "Nhập văn bản quy định"),
    ],
)
def test_invalid_input_is_explained_in_vietnamese(client, tree, fields, message):
    client = logged_in(client, tree.district, "canbo.kienan")

    response = post(client, "KA", **fields)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not UnitRuleSettings.objects.exists()


def test_a_second_version_on_the_same_day_is_refused(client, tree):
    set_local_rules("KA", valid_from=date(2024, 1, 1), cstdcs_share_of_ldtt=20)
    client = logged_in(client, tree.district, "canbo.kienan")

    html = post(client, "KA", cstdcs_share_of_ldtt="30").content.decode()

    assert "Quận Kiến An đã có quy định áp dụng từ ngày 01/01/2024" in html
    assert UnitRuleSettings.objects.get().cstdcs_share_of_ldtt == 20


def test_the_nearest_unit_wins_field_by_field_and_only_from_its_date(tree):
    set_local_rules("HP", cstdcs_share_of_ldtt=20, ldtt_share_of_members=80, basis="QĐ tỉnh")
    set_local_rules("KA", cstdcs_share_of_ldtt=10, basis="QĐ quận")
    set_local_rules("KA", valid_from=date(2026, 1, 1), cstdcs_share_of_ldtt=5)

    caps = local_caps(tree.ward, year=2024)  # decided in January 2025

    assert caps is not None
    assert caps.shares == {"cstdcs_share_of_ldtt": Share(10), "ldtt_share_of_members": Share(80)}
    assert caps.basis_of("cstdcs_share_of_ldtt") == "QĐ quận"
    assert caps.basis_of("ldtt_share_of_members") == "QĐ tỉnh"
    later = local_caps(tree.ward, year=2025)
    assert later is not None
    assert later.shares["cstdcs_share_of_ldtt"] == Share(5)


def test_a_cap_set_on_the_page_changes_the_eligibility_page(client, tree):
    client = logged_in(client, tree.district, "canbo.kienan")
    before = client.get(ELIGIBILITY, {"don_vi": "NS", "nam": 2024, "xem": "ty-le"})
    assert "Không quá 20%" not in before.content.decode()

    post(client, "KA", cstdcs_share_of_ldtt="20")

    html = client.get(ELIGIBILITY, {"don_vi": "NS", "nam": 2024, "xem": "ty-le"}).content
    text = " ".join(re.sub(r"<[^>]+>", " ", html.decode()).split())
    assert "Phường Ngọc Sơn Chiến sĩ thi đua cơ sở Không quá 20%" in text


def test_the_giay_khen_standard_reaches_the_proposal_check(tree):
    assert candidate_check(subject=tree.binh, code="giay_khen", year=2024).status == (
        CheckStatus.TO_CONFIRM
    )

    set_local_rules("HP", giay_khen_min_rating=Rating.TOT.value)

    assert candidate_check(subject=tree.binh, code="giay_khen", year=2024).status == (
        CheckStatus.ELIGIBLE
    )


def scan_quotas(code: str) -> dict[str, int]:
    out = StringIO()
    call_command("rules", "scan", "--year", "2024", "--unit", code, "--json", stdout=out)
    found = json.loads(out.getvalue())["quotas"]
    return {c["code"]: c["percent"] for q in found for c in q["checks"]}


def test_the_cli_scan_uses_the_local_rules(tree):
    assert "chien_si_thi_dua_co_so" not in scan_quotas("NS")

    set_local_rules("HP", cstdcs_share_of_ldtt=20)

    assert scan_quotas("NS")["chien_si_thi_dua_co_so"] == 20


def test_the_profile_verdicts_follow_the_local_standard(tree):
    def giay_khen() -> bool | None:
        found = person_eligibility(person=tree.binh, year=2024).result
        assert found is not None
        return found.verdict("giay_khen").eligible

    assert giay_khen() is None  # left to the council

    set_local_rules("HP", giay_khen_min_rating=Rating.TOT.value)

    assert giay_khen() is True
