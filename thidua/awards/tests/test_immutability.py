"""An issued decision and its records cannot change, whichever way one tries."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from thidua.awards.models import AwardRecord, Decision
from thidua.awards.services import RecordedAward, decision_amend, decision_revoke
from thidua.awards.tests.factories import issued_award, recorded_award_add, revoke
from thidua.common.errors import DomainError, ImmutableRecordError
from thidua.orgs.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def record() -> AwardRecord:
    return issued_award(PersonFactory.create(), code="chien_si_thi_dua_co_so", year=2023)


def test_an_issued_decision_cannot_be_edited(record):
    decision = record.decision
    decision.number = "999/QĐ-UBND"

    with pytest.raises(ImmutableRecordError):
        decision.save()
    assert Decision.objects.get(pk=decision.pk).number != "999/QĐ-UBND"


def test_an_issued_decision_cannot_be_edited_in_bulk_or_deleted(record):
    with pytest.raises(ImmutableRecordError):
        Decision.objects.filter(pk=record.decision_id).update(number="1/QĐ")
    with pytest.raises(ImmutableRecordError):
        Decision.objects.filter(pk=record.decision_id).update(status="draft")
    with pytest.raises(ImmutableRecordError):
        Decision.objects.filter(pk=record.decision_id).delete()
    with pytest.raises(ImmutableRecordError):
        record.decision.delete()


def test_a_record_under_an_issued_decision_cannot_be_edited(record):
    record.year = 2020

    with pytest.raises(ImmutableRecordError):
        record.save()
    with pytest.raises(ImmutableRecordError):
        AwardRecord.objects.filter(pk=record.pk).update(code="lao_dong_tien_tien")
    with pytest.raises(ImmutableRecordError):
        AwardRecord.objects.filter(pk=record.pk).delete()
    assert AwardRecord.objects.get(pk=record.pk).year == 2023


def test_no_record_can_be_added_to_an_issued_decision(record):
    with pytest.raises(ImmutableRecordError):
        recorded_award_add(
            decision=record.decision, code="giay_khen", year=2023, subject=PersonFactory.create()
        )
    copy = AwardRecord(
        decision=record.decision,
        code="giay_khen",
        year=2023,
        recipient_kind="individual",
        person=record.person,
        unit=record.unit,
        recipient_name="x",
    )
    with pytest.raises(ImmutableRecordError):
        AwardRecord.objects.bulk_create([copy])


def test_a_draft_decision_can_still_be_changed():
    decision = Decision.objects.create(number="1/QĐ", issuing_body="UBND", date=date(2024, 1, 1))
    decision.number = "2/QĐ"
    decision.save()

    assert Decision.objects.get(pk=decision.pk).number == "2/QĐ"


def test_an_award_is_revoked_once_and_stays_in_the_history(record):
    revoke(record, reason="Khai man thành tích")

    record.refresh_from_db()
    assert record.is_revoked
    assert (record.revoked_by_number, record.revoked_by_date) == ("99/QĐ-UBND", date(2025, 3, 1))
    with pytest.raises(DomainError, match="đã bị hủy bỏ"):
        revoke(record, reason="y")
    record.revoked_reason = "sửa lý do"
    with pytest.raises(ImmutableRecordError):
        record.save()


def test_a_decision_is_revoked_with_a_reason_and_then_stays_revoked(record):
    decision = decision_revoke(decision=record.decision, reason="Ban hành sai thẩm quyền")

    assert decision.status == "revoked"
    decision.status = "issued"
    with pytest.raises(ImmutableRecordError):
        decision.save()


def test_the_admin_shows_an_issued_decision_read_only(client, django_user_model, record):
    admin = django_user_model.objects.create_superuser("quantri", password="matkhau")
    client.force_login(admin)
    url = reverse("admin:awards_decision_change", args=[record.decision_id])

    page = client.get(url)
    post = client.post(url, {"number": "5/QĐ", "issuing_body": "Khác", "status": "draft"})

    assert page.status_code == 200
    assert "Lưu" not in page.content.decode() or 'name="_save"' not in page.content.decode()
    assert post.status_code == 403
    assert Decision.objects.get(pk=record.decision_id).number == record.decision.number


def test_a_decision_issued_here_is_never_reopened_for_imports():
    issued_here = Decision.objects.create(
        number="1/QĐ", issuing_body="UBND", date=date(2024, 1, 1), status="issued"
    )
    assert Decision.objects.filter(pk=issued_here.pk).reopen_legacy() == 0


def test_a_recorded_decision_grows_only_by_an_audited_amendment(record):
    newcomer = PersonFactory.create(unit=record.unit)

    amendment = decision_amend(
        decision=record.decision,
        awards=[RecordedAward("chien_si_thi_dua_co_so", 2023, newcomer)],
        reason="Sót tên trong danh sách nhập lần trước",
        source="Nhập trực tiếp",
    )

    decision = Decision.objects.get(pk=record.decision_id)
    assert decision.status == "issued"
    assert decision.records.count() == 2
    assert (amendment.added, amendment.reason) == (1, "Sót tên trong danh sách nhập lần trước")
    with pytest.raises(DomainError, match="ít nhất một"):
        decision_amend(decision=decision, awards=[], reason="x")
