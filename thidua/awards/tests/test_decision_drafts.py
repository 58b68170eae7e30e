"""Drafts as offices make them: made on the web without a số or a date, edited on the web,
numbered at issue by the văn thư or from the body's yearly sequence."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from thidua.awards.models import Decision
from thidua.awards.services import council, decisions
from thidua.awards.tests.commendation import (
    issued_after_unanimous_vote,
    people_of,
    proposal_at_council,
    session_with,
    ward_with_officer,
)
from thidua.common.errors import DomainError
from thidua.orgs.services import unit_signers_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def passed(fake_engine):
    """A ward's proposal whose two candidates the council passed, and its officer."""
    unit, officer = ward_with_officer()
    unit.kind = "xa"
    unit.save()
    unit_signers_set(unit=unit, head_name="Nguyễn Văn Hinh", deputy_name="Lê Văn Phó")
    proposal = proposal_at_council(unit, officer, people_of(unit, 2), "chien_si_thi_dua_co_so")
    session, members = session_with(unit, 3, proposal)
    council.session_open(session=session, present_user_ids=[m.pk for m in members], by=members[0])
    for ballot in session.ballots.all():
        for member in members:
            council.ballot_vote(ballot=ballot, user=member, approve=True)
    council.session_close(session=session, by=officer)
    return unit, officer, proposal


def _draft(client, proposal, **fields):
    data = {"issuing_body": "Ủy ban nhân dân phường Ngọc Sơn", "signer_title": "Phó Chủ tịch"}
    return client.post(
        reverse("awards:decision_create") + f"?de_nghi={proposal.code}", data | fields
    )


def test_a_draft_waits_for_its_number_and_date_and_takes_the_unit_signer(client, passed):
    _unit, officer, proposal = passed
    client.force_login(officer)

    response = _draft(client, proposal)

    decision = Decision.objects.get()
    assert response.status_code == 302
    assert (decision.number, decision.date) == ("", None)
    assert decision.signer_name == "Lê Văn Phó"  # a deputy signs for the head: KT.
    assert "Dự thảo quyết định (chưa cấp số)" in client.get(response["Location"]).content.decode()


def test_a_draft_is_edited_on_the_web_through_the_service(client, passed):
    _unit, officer, proposal = passed
    client.force_login(officer)
    _draft(client, proposal)
    decision = Decision.objects.get()

    response = client.post(
        reverse("awards:decision_edit", args=[decision.pk]),
        {
            "number": "",
            "decision_date": "03/02/2025",
            "issuing_body": "Ủy ban nhân dân phường Ngọc Sơn",
            "signer_title": "Chủ tịch",
            "signer_name": "Nguyễn Văn Hinh",
            "title": "Về việc công nhận danh hiệu Chiến sĩ thi đua cơ sở năm 2024",
        },
    )

    decision.refresh_from_db()
    assert response.status_code == 302
    assert (decision.date, decision.signer_name) == (date(2025, 2, 3), "Nguyễn Văn Hinh")


def test_a_refused_edit_keeps_what_was_typed(client, passed):
    _unit, officer, proposal = passed
    client.force_login(officer)
    _draft(client, proposal)
    decision = Decision.objects.get()

    response = client.post(
        reverse("awards:decision_edit", args=[decision.pk]),
        {"decision_date": "31/02/2025", "issuing_body": "", "signer_title": "Chủ tịch",
         "signer_name": "Nguyễn Văn Hinh", "title": "Trích yếu đang gõ"},
    )  # fmt: skip

    html = response.content.decode()
    assert response.status_code == 400
    assert "Ngày 31/02/2025 không tồn tại." in html
    assert 'value="Trích yếu đang gõ"' in html


def test_the_number_is_the_next_of_the_body_year_when_left_blank(client, passed, fake_engine):
    unit, officer, proposal = passed
    client.force_login(officer)
    other = proposal_at_council(unit, officer, people_of(unit, 1), "chien_si_thi_dua_co_so")
    session, members = session_with(unit, 3, other)
    issued_after_unanimous_vote(unit, officer, other, session, members, number="41/QĐ-UBND")
    _draft(client, proposal)
    draft = Decision.objects.get(number="")

    response = client.post(
        reverse("awards:decision_issue", args=[draft.pk]),
        {"number": "", "issue_date": "05/02/2025", "xac_nhan": "1"},
    )

    draft.refresh_from_db()
    assert response.status_code == 302
    assert (draft.number, draft.date, draft.status) == ("42/QĐ-UBND", date(2025, 2, 5), "issued")


def test_a_number_given_twice_is_refused_with_the_form_kept(client, passed, fake_engine):
    unit, officer, proposal = passed
    client.force_login(officer)
    other = proposal_at_council(unit, officer, people_of(unit, 1), "chien_si_thi_dua_co_so")
    session, members = session_with(unit, 3, other)
    issued_after_unanimous_vote(unit, officer, other, session, members, number="41/QĐ-UBND")
    _draft(client, proposal)
    draft = Decision.objects.get(number="")

    response = client.post(
        reverse("awards:decision_issue", args=[draft.pk]),
        {"number": "41/QĐ-UBND", "issue_date": "05/02/2025", "xac_nhan": "1"},
    )

    draft.refresh_from_db()
    assert response.status_code == 400
    assert "đã cấp cho quyết định khác" in response.content.decode()
    assert draft.status == "draft"


def test_a_recorded_decision_needs_the_number_it_was_signed_with(passed):
    recorded = decisions.decision_create(
        number="", decision_date=date(2024, 1, 5), issuing_body="UBND quận Kiến An",
        is_legacy=True,
    )  # fmt: skip

    with pytest.raises(DomainError, match="Cần ghi số của quyết định đã ký"):
        decisions.decision_issue(decision=recorded)
