"""The commendation cycle's Word documents, written with the shared state-format builder."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from thidua.awards import docx_documents
from thidua.awards.models import CouncilSession
from thidua.awards.services import council
from thidua.awards.tests.commendation import (
    issued_after_unanimous_vote,
    people_of,
    proposal_at_council,
    session_with,
    ward_with_officer,
)
from thidua.common.errors import DomainError
from thidua.orgs.choices import UnitKind

pytestmark = pytest.mark.django_db


def texts(data: bytes) -> tuple[list[str], list[list[list[str]]]]:
    document = Document(io.BytesIO(data))
    # The letterhead's lines are held together by no-break spaces.
    paragraphs = [p.text.replace("\xa0", " ") for p in document.paragraphs]
    tables = [
        [[c.text.replace("\xa0", " ") for c in row.cells] for row in t.rows]
        for t in document.tables
    ]
    return paragraphs, tables


@pytest.fixture
def issued(fake_engine):
    unit, officer = ward_with_officer()
    unit.kind = UnitKind.XA
    unit.save()
    people = people_of(unit, 2)
    proposal = proposal_at_council(unit, officer, people, "chien_si_thi_dua_co_so")
    session, members = session_with(unit, 5, proposal)
    decision = issued_after_unanimous_vote(unit, officer, proposal, session, members)
    return decision, people, officer


def test_the_decision_is_a_state_document_with_its_list_and_bonuses(issued):
    decision, people, officer = issued

    paragraphs, tables = texts(docx_documents.quyet_dinh(decision, user=officer))

    header = tables[0]
    # The body on two lines, by its kind, with no line of a body above it.
    assert header[0][0].startswith("ỦY BAN NHÂN DÂN\nPHƯỜNG NGỌC SƠN\n")
    assert "Số: 1/QĐ-UBND" in header[0][0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header[0][1]
    assert "Ngọc Sơn, ngày 03 tháng 02 năm 2025" in header[0][1]
    assert "QUYẾT ĐỊNH" in paragraphs
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG NGỌC SƠN" in paragraphs
    # Each ground by number, date and full name, as in force on the signing day.
    assert (
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi "
        "tiết thi hành một số điều của Luật Thi đua, khen thưởng;" in paragraphs
    )
    assert paragraphs[paragraphs.index("QUYẾT ĐỊNH:") - 1] == (
        "Xét đề nghị của Thường trực Hội đồng Thi đua – Khen thưởng phường Ngọc Sơn."
    )
    # A title is recognised, and only the kinds of recipient present are counted; the
    # subject line says so and names the year. 1 × 2.340.000 đồng each (Điều 54 ND 98/2023).
    assert "Về việc công nhận danh hiệu Chiến sĩ thi đua cơ sở năm 2024" in paragraphs
    assert (
        "Điều 1. Công nhận danh hiệu Chiến sĩ thi đua cơ sở năm 2024 cho 02 cá nhân "
        "(có danh sách kèm theo)." in paragraphs
    )
    assert any(
        p.startswith("Điều 2. Tiền thưởng kèm theo: tổng cộng 4.680.000 đồng") for p in paragraphs
    )
    signature = tables[1][0][1]
    # The chairman's own power: "CHỦ TỊCH" alone, not on behalf of the committee.
    assert signature.startswith("CHỦ TỊCH\n")
    assert "TM." not in signature
    assert "Nguyễn Văn Ký" in signature
    assert "- Như Điều 3;" in tables[1][0][0]
    assert (
        "(Kèm theo Quyết định số 1/QĐ-UBND ngày 03/02/2025 của Chủ tịch Ủy ban nhân dân "
        "phường Ngọc Sơn)" in paragraphs
    )
    document = Document(io.BytesIO(docx_documents.quyet_dinh(decision, user=officer)))
    articles = [p for p in document.paragraphs if p.text.startswith("Điều ")]
    assert [(p.runs[0].text, p.runs[0].bold) for p in articles] == [
        ("Điều 1. ", True),
        ("Điều 2. ", True),
        ("Điều 3. ", True),
    ]
    assert not articles[0].runs[1].bold
    listing = tables[2]
    assert listing[0] == ["STT", "Họ và tên, đơn vị", "Danh hiệu, hình thức", "Tiền thưởng (đồng)"]
    assert [row[1] for row in listing[1:3]] == [f"{p.full_name}, Phường Ngọc Sơn" for p in people]
    assert listing[1][3] == "2.340.000"
    assert listing[-1] == ["", "Tổng cộng", "", "4.680.000"]


def test_the_decision_downloads_as_docx(client, issued):
    decision, _people, officer = issued
    client.force_login(officer)

    response = client.get(reverse("awards:decision_docx", args=[decision.pk]))

    assert response["Content-Type"] == docx_documents.DOCX
    assert response["Content-Disposition"] == 'attachment; filename="quyet-dinh-1qd-ubnd.docx"'
    assert response.content[:2] == b"PK"


def test_the_proposal_documents_keep_their_content_on_the_shared_builder(fake_engine):
    unit, officer = ward_with_officer()
    people = people_of(unit, 2)
    proposal = proposal_at_council(unit, officer, people, "chien_si_thi_dua_co_so")
    session, _members = session_with(unit, 3, proposal)

    paragraphs, tables = texts(docx_documents.to_trinh(proposal, day=date(2025, 1, 6)))
    assert "TỜ TRÌNH" in paragraphs
    assert "Về việc đề nghị công nhận danh hiệu Chiến sĩ thi đua cơ sở năm 2024" in paragraphs
    assert tables[1][0] == [
        "STT", "Họ và tên (tên tập thể)", "Chức vụ, đơn vị", "Tóm tắt thành tích"
    ]  # fmt: skip
    assert len(tables[1]) == 3

    candidate = proposal.candidates.first()
    paragraphs, tables = texts(docx_documents.bao_cao_thanh_tich(candidate, day=date(2025, 1, 6)))
    assert "I. SƠ LƯỢC LÝ LỊCH" in paragraphs
    assert "THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ" in tables[-1][0][0]
    assert "NGƯỜI BÁO CÁO THÀNH TÍCH" in tables[-1][0][1]
    # The head of the unit seals the confirmation; the person signs in their own name.
    assert "(Ký, ghi rõ họ tên, đóng dấu)" in tables[-1][0][0]
    assert "(Ký, ghi rõ họ tên)" in tables[-1][0][1]
    assert "đóng dấu" not in tables[-1][0][1]

    paragraphs, tables = texts(docx_documents.bien_ban_hop(session))
    assert "BIÊN BẢN" in paragraphs
    assert len(tables[1]) == 4  # the header row and three members
    assert "THƯ KÝ" in tables[-1][0][0]
    assert "CHỦ TỊCH HỘI ĐỒNG" in tables[-1][0][1]


def test_the_minutes_are_dated_on_the_meeting_in_local_time_with_chair_agenda_and_close(
    fake_engine,
):
    unit, officer = ward_with_officer()
    unit.kind = UnitKind.XA
    unit.save()
    proposal = proposal_at_council(unit, officer, people_of(unit, 1), "chien_si_thi_dua_co_so")
    session, members = session_with(unit, 3, proposal)  # 10/01/2025 08:00 in Hà Nội
    council.session_open(session=session, present_user_ids=[m.pk for m in members], by=members[0])
    council.session_close(session=session, by=officer)
    CouncilSession.objects.filter(pk=session.pk).update(
        closed_at=datetime(2025, 1, 10, 3, 30, tzinfo=UTC)  # 10 giờ 30 in Hà Nội
    )
    session.refresh_from_db()

    paragraphs, tables = texts(docx_documents.bien_ban_hop(session))

    header = " ".join(" ".join(row) for row in tables[0])
    # The council of its body: the committee shortened on the line above (ND 30).
    assert "UBND PHƯỜNG NGỌC SƠN" in header
    assert "HỘI ĐỒNG THI ĐUA –\nKHEN THƯỞNG" in header
    assert "ngày 10 tháng 01 năm 2025" in header
    assert "Thời gian: 08 giờ 00, ngày 10 tháng 01 năm 2025" in " ".join(paragraphs)
    assert "Chủ trì: Ủy viên 0, Chủ tịch Hội đồng." in paragraphs
    assert f"1. {proposal} ({unit.name})." in paragraphs
    assert any(p.startswith("Cuộc họp kết thúc lúc 10 giờ 30 cùng ngày.") for p in paragraphs)


def test_a_session_is_not_opened_before_its_day(fake_engine):
    unit, officer = ward_with_officer()
    proposal = proposal_at_council(unit, officer, people_of(unit, 1), "chien_si_thi_dua_co_so")
    session, members = session_with(unit, 3, proposal)
    CouncilSession.objects.filter(pk=session.pk).update(
        meeting_at=timezone.now() + timedelta(days=7)
    )
    session.refresh_from_db()

    with pytest.raises(DomainError, match="chỉ mở phiên họp từ ngày họp"):
        council.session_open(
            session=session, present_user_ids=[m.pk for m in members], by=members[0]
        )
