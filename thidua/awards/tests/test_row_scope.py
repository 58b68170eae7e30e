"""Row-level scope of a decision (issue 14): a ward that opens the district's decision for
its own lines reads only those — on the page, in the .docx, through the API, in the
certificates and in the search — while the district that issued it reads every row."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from django.urls import reverse
from docx import Document

from thidua.accounts.tests.factories import officer_of
from thidua.api.tests.clients import bearer
from thidua.awards.models import Certificate, Decision
from thidua.awards.services import council, decision_flow, decisions, proposal_flow
from thidua.awards.tests.commendation import people_of, proposal_with, session_with
from thidua.orgs.choices import UnitKind
from thidua.orgs.models import Person, Unit
from thidua.orgs.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

CSTDCS = "chien_si_thi_dua_co_so"  # 2024's are decided by the district, 2.340.000 đồng each


class District:
    """Quận Kiến An's decision for Chiến sĩ thi đua cơ sở năm 2024 of two of its wards: one
    person of Ngọc Sơn, two of Lãm Hà."""

    def __init__(self) -> None:
        self.district = UnitFactory.create(code="KA", name="Quận Kiến An", kind=UnitKind.HUYEN)
        self.ward_a = self._ward("NS", "Phường Ngọc Sơn")
        self.ward_b = self._ward("LH", "Phường Lãm Hà")
        self.officer = officer_of(self.district, username="canbo.kienan")
        self.a_officer = officer_of(self.ward_a, username="canbo.ngocson")
        self.b_officer = officer_of(self.ward_b, username="canbo.lamha")
        self.a_people = people_of(self.ward_a, 1)
        self.b_people = people_of(self.ward_b, 2)
        self.decision = self._issued()

    def _ward(self, code: str, name: str) -> Unit:
        return UnitFactory.create(code=code, name=name, kind=UnitKind.XA, parent=self.district)

    def _sent_up(self, ward: Unit, officer: Any, people: list[Person]) -> Any:
        proposal = proposal_with(ward, officer, people, CSTDCS)
        proposal_flow.proposal_submit(proposal=proposal, by=officer, reviewing_unit=self.district)
        proposal_flow.proposal_review_start(proposal=proposal, by=self.officer)
        return proposal_flow.proposal_to_council(proposal=proposal, by=self.officer)

    def _issued(self) -> Decision:
        proposals = [
            self._sent_up(self.ward_a, self.a_officer, self.a_people),
            self._sent_up(self.ward_b, self.b_officer, self.b_people),
        ]
        session, members = session_with(self.district, 3, proposals[0])
        council.session_agenda_add(session=session, proposal=proposals[1], by=self.officer)
        present = [m.pk for m in members]
        council.session_open(session=session, present_user_ids=present, by=members[0])
        for ballot in session.ballots.all():
            for member in members:
                council.ballot_vote(ballot=ballot, user=member, approve=True)
        council.session_close(session=session, by=self.officer)
        draft = decision_flow.decision_from_candidates(
            proposals=proposals, number="12/QĐ-UBND", decision_date=date(2025, 2, 3),
            issuing_body="Ủy ban nhân dân quận Kiến An", issuing_unit=self.district,
            signer_name="Nguyễn Xuân Hậu", signer_title="Chủ tịch", by=self.officer,
        )  # fmt: skip
        return decisions.decision_issue(decision=draft, by=self.officer)

    def certificate_of(self, person: Person) -> Certificate:
        return Certificate.objects.get(
            award_record__decision=self.decision, award_record__person=person
        )


@pytest.fixture
def kien_an(fake_engine: Any) -> District:
    return District()


def _page(client: Any, user: Any, decision: Decision) -> str:
    client.force_login(user)
    response = client.get(reverse("awards:decision", args=[decision.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _docx(client: Any, user: Any, decision: Decision) -> tuple[list[str], list[list[str]]]:
    client.force_login(user)
    response = client.get(reverse("awards:decision_docx", args=[decision.pk]))
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    paragraphs = [p.text.replace("\xa0", " ") for p in document.paragraphs]
    listing = [[c.text for c in row.cells] for row in document.tables[-1].rows]
    return paragraphs, listing


def test_the_ward_reads_only_its_own_rows_on_the_page(client, kien_an):
    (mine,) = kien_an.a_people
    page = _page(client, kien_an.a_officer, kien_an.decision)

    assert mine.full_name in page
    for other in kien_an.b_people:
        assert other.full_name not in page
    assert "Phường Lãm Hà" not in page
    assert kien_an.certificate_of(kien_an.b_people[0]).code not in page
    assert kien_an.certificate_of(mine).code in page
    assert (
        "Quyết định còn 2 khen thưởng của cá nhân, tập thể thuộc đơn vị khác, không hiển thị."
        in page
    )
    # Its own bonus, summed as what it is, never the decision's 7.020.000 đồng.
    assert "7.020.000" not in page
    assert "Cộng các trường hợp trên</th><td>2.340.000" in page


def test_the_district_that_issued_it_reads_every_row(client, kien_an):
    page = _page(client, kien_an.officer, kien_an.decision)

    for person in [*kien_an.a_people, *kien_an.b_people]:
        assert kien_an.certificate_of(person).code in page
    assert "không hiển thị" not in page
    assert "Tổng cộng</th><td>7.020.000" in page


def test_the_wards_docx_is_the_decision_with_only_its_own_rows(client, kien_an):
    (mine,) = kien_an.a_people
    paragraphs, listing = _docx(client, kien_an.a_officer, kien_an.decision)
    text = "\n".join(paragraphs) + "\n".join(" ".join(r) for r in listing)

    # The decision's own words stand: it granted three people, whatever the ward reads.
    assert (
        "Điều 1. Công nhận danh hiệu Chiến sĩ thi đua cơ sở năm 2024 cho 03 cá nhân "
        "(có danh sách kèm theo)." in paragraphs
    )
    assert any(
        p.startswith("Điều 2. Tiền thưởng kèm theo: mức thưởng của từng trường hợp ghi tại")
        for p in paragraphs
    )
    assert "7.020.000" not in text
    assert "TRÍCH DANH SÁCH" in paragraphs
    assert (
        "Quyết định còn 2 khen thưởng của cá nhân, tập thể thuộc đơn vị khác, không hiển thị."
        in paragraphs
    )
    assert [row[1] for row in listing[1:]] == [
        f"{mine.full_name}, Phường Ngọc Sơn",
        "Cộng các trường hợp trên",
    ]
    assert listing[-1][3] == "2.340.000"
    assert "Lãm Hà" not in text


def test_the_districts_docx_lists_and_sums_every_row(client, kien_an):
    paragraphs, listing = _docx(client, kien_an.officer, kien_an.decision)

    assert any(
        p.startswith("Điều 2. Tiền thưởng kèm theo: tổng cộng 7.020.000 đồng") for p in paragraphs
    )
    assert "DANH SÁCH" in paragraphs
    assert not any("không hiển thị" in p for p in paragraphs)
    assert len(listing) == 1 + 3 + 1  # heading, the three people, the total
    assert listing[-1] == ["", "Tổng cộng", "", "7.020.000"]


def test_another_wards_certificate_is_not_found_and_its_own_downloads(client, kien_an):
    client.force_login(kien_an.a_officer)
    theirs = kien_an.certificate_of(kien_an.b_people[0]).code
    mine = kien_an.certificate_of(kien_an.a_people[0]).code

    assert client.get(reverse("awards:certificate_pdf", args=[theirs])).status_code == 404
    response = client.get(reverse("awards:certificate_pdf", args=[mine]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    client.force_login(kien_an.officer)
    assert client.get(reverse("awards:certificate_pdf", args=[theirs])).status_code == 200


def test_the_api_lists_the_same_rows_as_the_page(kien_an):
    url = f"/api/decisions/{kien_an.decision.pk}/awards"

    ward = bearer(kien_an.a_officer).get(url).json()
    district = bearer(kien_an.officer).get(url).json()

    assert [a["recipient_code"] for a in ward["items"]] == [kien_an.a_people[0].code]
    assert sorted(a["recipient_code"] for a in district["items"]) == sorted(
        p.code for p in [*kien_an.a_people, *kien_an.b_people]
    )


def test_a_neighbours_name_does_not_find_the_decision_in_the_search(client, kien_an):
    client.force_login(kien_an.a_officer)
    search = reverse("search")

    theirs = client.get(search, {"q": kien_an.b_people[0].full_name}).content.decode()
    mine = client.get(search, {"q": kien_an.a_people[0].full_name}).content.decode()

    assert "12/QĐ-UBND" not in theirs
    assert "12/QĐ-UBND" in mine
