"""The two kinds of decision through every door: a decision issued in Thi đua holds only the
candidates the council passed and numbers their certificates whichever door issues it; a
decision recorded from elsewhere holds facts, grows only by an audited "Bổ sung danh sách",
and no door dates a decision after today or changes an issued one."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from thidua.api.tests.clients import bearer
from thidua.awards.choices import DecisionStatus, RevocationGround
from thidua.awards.models import AwardRecord, Certificate, Decision, DecisionAmendment
from thidua.awards.services import council, decision_flow
from thidua.awards.tests.commendation import (
    people_of,
    proposal_at_council,
    session_with,
    ward_with_officer,
)
from thidua.awards.tests.factories import issued_award
from thidua.orgs.models import Assessment

pytestmark = pytest.mark.django_db


def _passed(fake_engine):
    """A ward's CSTĐCS proposal whose two candidates the council passed unanimously."""
    unit, officer = ward_with_officer()
    people = people_of(unit, 2)
    proposal = proposal_at_council(unit, officer, people, "chien_si_thi_dua_co_so")
    session, members = session_with(unit, 3, proposal)
    council.session_open(session=session, present_user_ids=[m.pk for m in members], by=members[0])
    for ballot in session.ballots.all():
        for member in members:
            council.ballot_vote(ballot=ballot, user=member, approve=True)
    council.session_close(session=session, by=officer)
    return unit, officer, proposal, people


def _draft(unit, officer, proposal):
    return decision_flow.decision_from_candidates(
        proposals=[proposal],
        number="15/QĐ-UBND",
        decision_date=date(2025, 1, 20),
        issuing_body="Ủy ban nhân dân phường Ngọc Sơn",
        issuing_unit=unit,
        signer_name="Nguyễn Văn Ký",
        signer_title="Chủ tịch",
        by=officer,
    )


@pytest.mark.parametrize("door", ["web", "api"])
def test_issuing_a_decision_of_the_cycle_numbers_its_certificates_on_every_door(
    door, fake_engine, client
):
    unit, officer, proposal, _people = _passed(fake_engine)
    decision = _draft(unit, officer, proposal)

    if door == "web":
        client.force_login(officer)
        client.post(reverse("awards:decision_issue", args=[decision.pk]), {"xac_nhan": "1"})
    else:
        assert bearer(officer).post(f"/api/decisions/{decision.pk}/issue").status_code == 200

    decision.refresh_from_db()
    proposal.refresh_from_db()
    assert decision.status == DecisionStatus.ISSUED
    assert Certificate.objects.filter(award_record__decision=decision).count() == 2
    assert proposal.status == "decided"


def test_the_web_issues_only_once_the_lock_is_confirmed(fake_engine, client):
    unit, officer, proposal, _people = _passed(fake_engine)
    decision = _draft(unit, officer, proposal)
    client.force_login(officer)

    page = client.post(reverse("awards:decision_issue", args=[decision.pk]), follow=True)

    assert "cần đánh dấu xác nhận" in page.content.decode()
    assert Decision.objects.get(pk=decision.pk).status == DecisionStatus.DRAFT


def test_the_api_cannot_grant_an_award_outside_the_cycle(fake_engine):
    unit, officer, proposal, _people = _passed(fake_engine)
    api = bearer(officer)
    body = {
        "origin": "thidua",
        "number": "16/QĐ-UBND",
        "date": "2025-01-20",
        "issuing_body": "Ủy ban nhân dân phường Ngọc Sơn",
        "issuing_unit": unit.code,
    }

    without = api.post("/api/decisions", body, content_type="application/json")
    made = api.post(
        "/api/decisions",
        body | {"proposals": [str(proposal.code)]},
        content_type="application/json",
    )
    pk = made.json()["id"]
    extra = api.post(
        f"/api/decisions/{pk}/awards",
        {"code": "giay_khen", "year": 2024, "recipient_kind": "individual",
         "recipient_code": people_of(unit, 1)[0].code},
        content_type="application/json",
    )  # fmt: skip

    assert without.status_code == 400
    assert without.json()["errors"][0]["field"] == "proposals"
    assert made.status_code == 201
    assert made.json()["records"] == 2
    assert extra.status_code == 400
    assert "chỉ gồm những đối tượng đã qua" in extra.json()["detail"]


def test_a_record_slipped_into_a_cycle_decision_stops_its_issue(fake_engine):
    unit, officer, proposal, _people = _passed(fake_engine)
    decision = _draft(unit, officer, proposal)
    stray = people_of(unit, 1)[0]
    AwardRecord.objects.create(
        decision=decision, code="giay_khen", year=2024, recipient_kind="individual",
        person=stray, unit=unit, recipient_name=stray.full_name,
    )  # fmt: skip

    response = bearer(officer).post(f"/api/decisions/{decision.pk}/issue")

    assert response.status_code == 400
    assert stray.full_name in response.json()["detail"]
    assert Decision.objects.get(pk=decision.pk).status == DecisionStatus.DRAFT
    assert not Certificate.objects.exists()


def test_no_door_dates_a_decision_after_today(fake_engine, client):
    unit, officer, proposal, _people = _passed(fake_engine)
    tomorrow = timezone.localdate() + timedelta(days=1)
    client.force_login(officer)

    page = client.post(
        reverse("awards:decision_create") + f"?de_nghi={proposal.code}",
        {"number": "17/QĐ-UBND", "decision_date": tomorrow.strftime("%d/%m/%Y"),
         "issuing_body": "UBND phường", "signer_title": "Chủ tịch", "signer_name": "A"},
    )  # fmt: skip
    api = bearer(officer).post(
        "/api/decisions",
        {"origin": "recorded", "number": "1/QĐ", "date": tomorrow.isoformat(),
         "issuing_body": "UBND", "issuing_unit": unit.code},
        content_type="application/json",
    )  # fmt: skip

    assert "sau ngày hôm nay" in page.content.decode()
    assert api.status_code == 400
    assert api.json()["errors"][0]["field"] == "date"
    assert not Decision.objects.exists()


def test_a_recorded_decision_is_completed_by_an_amendment_on_the_api(fake_engine):
    unit, officer = ward_with_officer()
    first, second = people_of(unit, 2)
    record = issued_award(first, code="lao_dong_tien_tien", year=2023, issuing_unit=unit)
    api = bearer(officer)
    row = {"code": "lao_dong_tien_tien", "year": 2023, "recipient_kind": "individual",
           "recipient_code": second.code}  # fmt: skip

    silently = api.post(
        f"/api/decisions/{record.decision_id}/awards", row, content_type="application/json"
    )
    amended = api.post(
        f"/api/decisions/{record.decision_id}/amendments",
        {"reason": "Sót tên", "awards": [row]},
        content_type="application/json",
    )

    assert silently.status_code == 409
    assert amended.status_code == 201
    assert amended.json()["added"] == 1
    assert Decision.objects.get(pk=record.decision_id).records.count() == 2
    assert DecisionAmendment.objects.get().actor == officer


def test_one_achievement_one_award_holds_for_recorded_facts(fake_engine):
    unit, officer = ward_with_officer()
    person = people_of(unit, 1)[0]
    issued_award(person, code="bang_khen_tinh", year=2024)
    api = bearer(officer)
    pk = api.post(
        "/api/decisions",
        {"origin": "recorded", "number": "5/QĐ", "date": "2025-01-10",
         "issuing_body": "UBND phường", "issuing_unit": unit.code},
        content_type="application/json",
    ).json()["id"]  # fmt: skip

    response = api.post(
        f"/api/decisions/{pk}/awards",
        {"code": "giay_khen", "year": 2024, "recipient_kind": "individual",
         "recipient_code": person.code},
        content_type="application/json",
    )  # fmt: skip

    assert response.status_code == 400
    assert "cùng một thành tích" in response.json()["detail"]


@pytest.mark.parametrize("door", ["web", "api"])
def test_a_revocation_names_its_decision_and_writes_the_discipline(door, fake_engine, client):
    unit, officer = ward_with_officer()
    person = people_of(unit, 1)[0]
    Assessment.objects.create(person=person, year=2024, rating="xuat_sac")
    record = issued_award(person, code="chien_si_thi_dua_co_so", year=2024, issuing_unit=unit)
    fields = {
        "ground": RevocationGround.D.value,
        "reason": "Bị kỷ luật khiển trách năm 2024 nhưng không kê khai",
        "revoked_by_number": "41/QĐ-UBND",
        "discipline": "khien_trach",
        "revoked_by_signer": "Nguyễn Văn Ký",
    }
    if door == "web":
        client.force_login(officer)
        client.post(
            reverse("awards:award_revoke", args=[record.decision_id, record.pk]),
            fields | {"revoked_by_date": "03/03/2025", "xac_nhan": "1"},
        )
    else:
        response = bearer(officer).post(
            f"/api/decisions/{record.decision_id}/awards/{record.pk}/revoke",
            fields | {"revoked_by_date": "2025-03-03"},
            content_type="application/json",
        )
        assert response.status_code == 200
        assert response.json()["revoked_by_number"] == "41/QĐ-UBND"

    record.refresh_from_db()
    assert (record.revoked_by_number, record.revoked_by_date) == ("41/QĐ-UBND", date(2025, 3, 3))
    assert not AwardRecord.objects.standing().filter(pk=record.pk).exists()
    assert Assessment.objects.get(person=person, year=2024).discipline == "khien_trach"


@pytest.mark.parametrize("door", ["web", "api"])
def test_a_revocation_without_its_decision_is_refused_on_every_door(door, fake_engine, client):
    unit, officer = ward_with_officer()
    record = issued_award(
        people_of(unit, 1)[0], code="lao_dong_tien_tien", year=2024, issuing_unit=unit
    )
    fields = {"ground": "a", "reason": "Kê khai sai", "revoked_by_number": "",
              "revoked_by_signer": ""}  # fmt: skip
    if door == "web":
        client.force_login(officer)
        client.post(
            reverse("awards:award_revoke", args=[record.decision_id, record.pk]),
            fields | {"revoked_by_date": "", "xac_nhan": "1"},
        )
    else:
        response = bearer(officer).post(
            f"/api/decisions/{record.decision_id}/awards/{record.pk}/revoke",
            fields | {"revoked_by_date": "2025-03-03"},
            content_type="application/json",
        )
        assert response.status_code == 400
        assert response.json()["detail"] == (
            "Cần ghi số, người ký của quyết định hủy bỏ khen thưởng."
        )

    record.refresh_from_db()
    assert not record.is_revoked


def test_an_impossible_date_is_refused_in_the_offices_words(fake_engine, client):
    unit, officer = ward_with_officer()
    record = issued_award(
        people_of(unit, 1)[0], code="lao_dong_tien_tien", year=2024, issuing_unit=unit
    )
    client.force_login(officer)

    page = client.post(
        reverse("awards:award_revoke", args=[record.decision_id, record.pk]),
        {"ground": "a", "reason": "Kê khai sai", "revoked_by_number": "41/QĐ-UBND",
         "revoked_by_date": "31/02/2025", "revoked_by_signer": "A", "xac_nhan": "1"},
        follow=True,
    )  # fmt: skip

    html = page.content.decode()
    assert "Ngày 31/02/2025 không tồn tại." in html
    assert "Nhập một ngày hợp lệ" not in html
    record.refresh_from_db()
    assert not record.is_revoked
