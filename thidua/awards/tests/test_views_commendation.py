"""The commendation pages: scoping first (an officer never sees another unit's dossiers; a
council member sees only the sessions they sit on), then each page and download."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.awards import certificates
from thidua.awards.models import Certificate, Decision
from thidua.awards.tests.commendation import (
    council_member,
    issued_after_unanimous_vote,
    people_of,
    proposal_at_council,
    proposal_with,
    session_with,
    ward_with_officer,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_wards(fake_engine):
    a_unit, a_officer = ward_with_officer("Phường Ngọc Sơn")
    b_unit, b_officer = ward_with_officer("Phường Lãm Hà")
    a_proposal = proposal_with(a_unit, a_officer, people_of(a_unit, 1))
    return a_unit, a_officer, a_proposal, b_unit, b_officer


def test_an_officer_never_sees_another_units_dossiers(client, two_wards):
    _a_unit, _a_officer, a_proposal, _b_unit, b_officer = two_wards
    client.force_login(b_officer)

    assert client.get(reverse("awards:proposal", args=[a_proposal.code])).status_code == 404
    assert str(a_proposal) not in client.get(reverse("awards:proposals")).content.decode()
    response = client.post(reverse("awards:proposal_move", args=[a_proposal.code, "gui-duyet"]))
    assert response.status_code == 404
    document = reverse("awards:document", args=[a_proposal.code, 1])
    assert client.get(document).status_code == 404


def test_the_officer_adds_a_candidate_and_a_refusal_shows_its_ground(
    client, two_wards, fake_engine
):
    a_unit, a_officer, a_proposal, _b_unit, _b_officer = two_wards
    (bob,) = people_of(a_unit, 1)
    fake_engine.refused = {bob.code}
    client.force_login(a_officer)

    response = client.post(
        reverse("awards:candidate_add", args=[a_proposal.code]),
        {"person": bob.code, "achievement": "Hoàn thành tốt"},
        follow=True,
    )

    html = response.content.decode()
    assert "chưa đủ điều kiện: Đạt danh hiệu Lao động tiên tiến" in html
    assert "Khoản 1 Điều 23" in html
    assert not a_proposal.candidates.filter(person=bob).exists()


def test_the_proposal_page_shows_the_checklist_and_the_timeline(client, two_wards):
    _a_unit, a_officer, a_proposal, _b_unit, _b_officer = two_wards
    client.force_login(a_officer)
    client.post(reverse("awards:dossier_generate", args=[a_proposal.code]))
    a_proposal.documents.filter(kind="bien_ban_hop").delete()

    html = client.get(reverse("awards:proposal", args=[a_proposal.code])).content.decode()
    assert "Tờ trình đề nghị khen thưởng" in html
    assert "Còn thiếu" in html  # the council's minutes
    assert "Nháp" in html
    document = a_proposal.documents.get(kind="to_trinh")
    response = client.get(reverse("awards:document", args=[a_proposal.code, document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"PK")


def test_uploads_are_checked_for_type_and_content(client, two_wards):
    _a_unit, a_officer, a_proposal, _b_unit, _b_officer = two_wards
    client.force_login(a_officer)
    fake_pdf = SimpleUploadedFile("bao-cao.pdf", b"not a pdf", content_type="application/pdf")
    html = client.post(
        reverse("awards:document_upload", args=[a_proposal.code]),
        {"kind": "khac", "file": fake_pdf},
        follow=True,
    ).content.decode()
    assert "không đúng định dạng .pdf" in html
    exe = SimpleUploadedFile("x.exe", b"MZ", content_type="application/octet-stream")
    html = client.post(
        reverse("awards:document_upload", args=[a_proposal.code]),
        {"kind": "khac", "file": exe},
        follow=True,
    ).content.decode()
    assert "chỉ nhận PDF, Word (.docx), ảnh JPG hoặc PNG" in html
    real = SimpleUploadedFile("bb.pdf", b"%PDF-1.4 ...", content_type="application/pdf")
    client.post(
        reverse("awards:document_upload", args=[a_proposal.code]), {"kind": "khac", "file": real}
    )
    assert a_proposal.documents.filter(original_name="bb.pdf").exists()


@pytest.fixture
def session_setup(fake_engine):
    unit, officer = ward_with_officer()
    proposal = proposal_at_council(unit, officer, people_of(unit, 1), "chien_si_thi_dua_co_so")
    session, members = session_with(unit, 3, proposal)
    return unit, officer, proposal, session, members


def test_a_council_member_sees_only_the_sessions_they_sit_on(client, session_setup):
    unit, _officer, _proposal, session, _members = session_setup
    outsider = council_member(unit, full_name="Ủy viên khác")
    client.force_login(outsider)

    assert client.get(reverse("awards:session", args=[session.pk])).status_code == 404
    assert session.title not in client.get(reverse("awards:council")).content.decode()


def test_members_vote_in_the_app_and_the_minutes_download(client, session_setup):
    _unit, officer, proposal, session, members = session_setup
    client.force_login(officer)
    client.post(
        reverse("awards:session_open", args=[session.pk]), {"present": [m.pk for m in members]}
    )
    ballot = session.ballots.get()
    for member in members:
        client.force_login(member)
        page = client.get(reverse("awards:session", args=[session.pk])).content.decode()
        assert "Đồng ý" in page
        client.post(
            reverse("awards:ballot_vote", args=[session.pk, ballot.pk]), {"phieu": "dong-y"}
        )
    client.force_login(officer)
    client.post(reverse("awards:session_close", args=[session.pk]))

    ballot.refresh_from_db()
    assert (ballot.approvals, ballot.passed) == (3, True)
    page = client.get(reverse("awards:session", args=[session.pk])).content.decode()
    # The verdict once, as a badge, then the count.
    assert re.search(r'badge--passed">Đạt</span>\s*<span class="small">3/3 phiếu đồng ý', page)
    assert "Đạt: 3/3" not in page
    minutes = client.get(reverse("awards:session_minutes", args=[session.pk]))
    assert minutes.content.startswith(b"PK")
    decision = client.post(
        reverse("awards:decision_create") + f"?de_nghi={proposal.code}",
        {
            "number": "21/QĐ-UBND",
            "decision_date": "20/01/2025",
            "issuing_body": "Ủy ban nhân dân phường Ngọc Sơn",
            "signer_title": "Chủ tịch",
            "signer_name": "Nguyễn Văn Ký",
        },
    )
    assert decision.status_code == 302
    created = Decision.objects.get(number="21/QĐ-UBND")
    client.post(reverse("awards:decision_issue", args=[created.pk]), {"xac_nhan": "1"})
    page = client.get(reverse("awards:decision", args=[created.pk])).content.decode()
    assert "2.340.000" in page
    certificate = Certificate.objects.get(award_record__decision=created)
    pdf = client.get(reverse("awards:certificate_pdf", args=[certificate.code]))
    assert pdf.content.startswith(b"%PDF")


def test_certificates_of_another_unit_are_not_downloadable(client, session_setup, fake_engine):
    unit, officer, proposal, session, members = session_setup
    issued_after_unanimous_vote(unit, officer, proposal, session, members)
    _other, stranger = ward_with_officer("Phường khác")
    client.force_login(stranger)
    code = Certificate.objects.get().code

    assert client.get(reverse("awards:certificate_pdf", args=[code])).status_code == 404


def test_the_certificates_qr_code_leads_to_its_verification_page(
    client, session_setup, monkeypatch
):
    unit, officer, proposal, session, members = session_setup
    issued_after_unanimous_vote(unit, officer, proposal, session, members)
    seen: dict[str, certificates.CertificateText] = {}
    real = certificates.certificate_pdf
    monkeypatch.setattr(
        certificates, "certificate_pdf", lambda text: seen.setdefault("t", text) and real(text)
    )
    client.force_login(officer)
    code = Certificate.objects.get().code

    client.get(reverse("awards:certificate_pdf", args=[code]))

    assert seen["t"].verify_url == f"http://testserver/cong-khai/xac-thuc/{code}/"


def test_a_refused_candidate_comes_back_with_what_was_typed(client, two_wards, fake_engine):
    a_unit, a_officer, a_proposal, _b_unit, _b_officer = two_wards
    (bob,) = people_of(a_unit, 1)
    fake_engine.refused = {bob.code}
    client.force_login(a_officer)

    response = client.post(
        reverse("awards:candidate_add", args=[a_proposal.code]),
        {"person": bob.code, "achievement": "Cứu hai em nhỏ trong lũ ngày 10/9/2024"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert f"Không thêm {bob.full_name} vì chưa đủ điều kiện" in html
    assert f'value="{bob.code}" selected' in html
    assert "Cứu hai em nhỏ trong lũ ngày 10/9/2024</textarea>" in html
