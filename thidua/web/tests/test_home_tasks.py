"""Tổng quan, "Việc cần làm": each officer sees the work that waits on them — and only that —
with a count, a link, the deadline dd/mm/yyyy and overdue marked; in a fixed number of
queries."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.tests.factories import UserFactory, leader_of
from thidua.awards.choices import ProposalStatus
from thidua.awards.models import Comment, CouncilMember, CouncilSession, Disclosure, Proposal
from thidua.emulation.models import Covenant, Movement, ScoreSheet
from thidua.emulation.services import (
    ranking_publish,
    registration_create,
    registration_submit,
    reviewers_assign,
)
from thidua.emulation.tests.factories import WardYear, admin_user, ward_year
from thidua.web.tasks import Task, tasks_for

pytestmark = pytest.mark.django_db
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def year() -> WardYear:
    return ward_year()


def tasks(client, user) -> dict[str, Task]:
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return {t.label: t for t in response.context["tasks"]}


def cluster_page(year: WardYear, name: str) -> str:
    return reverse(f"emulation:{name}", args=[year.cluster.code, year.cluster.year])


def assigned(year: WardYear) -> list[ScoreSheet]:
    """Every ward signed and sent its own sheet; the reviews are assigned (in order)."""
    year.sign_all()
    for short in year.wards:
        year.self_score(short)
    reviewers_assign(covenant=year.covenant, by=year.officers["KA"])
    return list(year.covenant.score_sheets.filter(reviewer__isnull=False).order_by("pk"))


def scored(year: WardYear) -> WardYear:
    for review in assigned(year):
        year.review(review)
    return year


def test_a_ward_is_asked_to_sign_then_to_score_itself(client, year):
    ward = year.officers["NS"]

    before = tasks(client, ward)
    year.sign_all()
    signed = tasks(client, ward)
    year.self_score("NS")
    sent = tasks(client, ward)

    assert list(before) == ["Giao ước thi đua chờ ký"]
    assert before["Giao ước thi đua chờ ký"].count == 1
    assert before["Giao ước thi đua chờ ký"].url == cluster_page(year, "covenant")
    assert list(signed) == ["Bảng tự chấm điểm chưa gửi"]
    assert signed["Bảng tự chấm điểm chưa gửi"].url == cluster_page(year, "scoring")
    assert sent == {}


def test_the_organiser_is_not_asked_to_do_its_members_work(client, year):
    assert tasks(client, year.officers["KA"]) == {}


def test_a_reviewer_sees_the_reviews_assigned_to_it(client, year):
    assigned(year)

    found = tasks(client, year.officers["VD"])["Bảng điểm được phân công chấm chéo"]

    mine = ScoreSheet.objects.filter(reviewer=year.ward("VD"))
    assert found.count == mine.count() == 2
    assert found.url == cluster_page(year, "scoring")
    # Once one is sent, the link goes straight to the other sheet.
    first, last = mine.order_by("pk")
    year.review(first)
    one = tasks(client, year.officers["VD"])["Bảng điểm được phân công chấm chéo"]
    assert one.count == 1
    assert one.url == reverse("emulation:sheet", args=[last.pk])


def test_the_managers_are_asked_to_publish_once_every_review_is_in(client, year):
    scored(year)
    label = "Kết quả xếp hạng chờ công bố"

    for who in ("KA", "TTN"):  # the organiser and the leading ward
        assert tasks(client, year.officers[who])[label].url == cluster_page(year, "ranking")
    assert label not in tasks(client, year.officers["NS"])
    ranking_publish(covenant=year.covenant, by=year.officers["KA"])
    assert tasks(client, year.officers["KA"]) == {}


def test_publishing_is_not_asked_while_a_review_is_still_being_entered(client, year):
    for review in assigned(year)[:-1]:
        year.review(review)

    assert "Kết quả xếp hạng chờ công bố" not in tasks(client, year.officers["KA"])


def test_a_units_registration_waits_on_the_level_above(client, year):
    registration = registration_create(
        by=year.officers["NS"], year=2025, unit=year.ward("NS"), target="tap_the_lao_dong_tien_tien"
    )
    registration_submit(registration=registration, by=year.officers["NS"])

    found = tasks(client, year.officers["KA"])["Đăng ký thi đua chờ phê duyệt"]

    assert found.count == 1
    assert found.url == f"{reverse('emulation:registrations')}?nam=2025&trang_thai=submitted"
    assert "Đăng ký thi đua chờ phê duyệt" not in tasks(client, year.officers["NS"])


def _movement(year: WardYear, end: date) -> None:
    movement = Movement.objects.create(
        name="Phong trào thi đua năm 2025", year=2025, launched_by=year.district, end=end
    )
    Covenant.objects.filter(pk=year.covenant.pk).update(movement=movement)


def test_a_deadline_shows_dd_mm_yyyy_and_overdue_is_marked(client, year):
    _movement(year, timezone.localdate().replace(day=1, month=1))
    client.force_login(year.officers["NS"])

    html = client.get(reverse("home")).content.decode()

    assert f"Phong trào kết thúc 01/01/{timezone.localdate().year}" in html
    assert "Quá hạn" in html


def test_a_deadline_still_ahead_is_not_overdue(client, year):
    ahead = timezone.localdate().replace(year=timezone.localdate().year + 1)
    _movement(year, ahead)
    client.force_login(year.officers["NS"])

    html = client.get(reverse("home")).content.decode()

    assert f"Phong trào kết thúc {ahead:%d/%m/%Y}" in html
    assert "Quá hạn" not in html


def _proposal(unit, reviewing, status, due=None) -> Proposal:
    return Proposal.objects.create(
        unit=unit,
        reviewing_unit=reviewing,
        year=2025,
        award_code="giay_khen",
        status=status,
        review_due=due,
    )


def test_commendation_work_returned_proposals_reviews_and_comments(client, year):
    ward, district = year.ward("NS"), year.district
    _proposal(ward, district, ProposalStatus.RETURNED)
    _proposal(year.ward("BS"), district, ProposalStatus.SUBMITTED, due=date(2025, 3, 10))
    listed = _proposal(year.ward("VD"), district, ProposalStatus.PUBLIC_COMMENT)
    disclosure = Disclosure.objects.create(
        proposal=listed, starts_on=date(2025, 3, 1), ends_on=date(2025, 3, 14), days=10
    )
    Comment.objects.create(
        disclosure=disclosure, name="Nguyễn Văn Dân", email="dan@example.vn", subject="Góp ý"
    )

    mine = tasks(client, year.officers["NS"])
    theirs = tasks(client, year.officers["KA"])

    assert mine["Đề nghị khen thưởng bị trả lại, cần bổ sung"].count == 1
    assert mine["Đề nghị khen thưởng bị trả lại, cần bổ sung"].url.endswith("?trang_thai=returned")
    assert "Hồ sơ đề nghị khen thưởng chờ thẩm định" not in mine
    review = theirs["Hồ sơ đề nghị khen thưởng chờ thẩm định"]
    assert (review.count, review.deadline, review.overdue) == (1, date(2025, 3, 10), True)
    comments = theirs["Ý kiến góp ý về danh sách công khai chưa trả lời"]
    assert (comments.count, comments.deadline) == (1, date(2025, 3, 14))
    assert "Ý kiến góp ý về danh sách công khai chưa trả lời" not in mine


def test_a_council_member_sees_the_sessions_they_sit_on(client, year):
    reader = leader_of(year.district)
    someone = UserFactory.create()
    meeting = datetime(2026, 12, 20, 8, 0, tzinfo=HANOI)
    session = CouncilSession.objects.create(
        unit=year.district, title="Phiên họp xét khen thưởng", meeting_at=meeting
    )
    CouncilMember.objects.create(session=session, user=reader)

    found = tasks(client, reader)
    assert list(found) == ["Phiên họp Hội đồng anh/chị tham dự"]
    assert found["Phiên họp Hội đồng anh/chị tham dự"].url == reverse(
        "awards:session", args=[session.pk]
    )
    assert found["Phiên họp Hội đồng anh/chị tham dự"].deadline == date(2026, 12, 20)
    assert tasks(client, someone) == {}


def test_nothing_waiting_says_so(client, year):
    client.force_login(year.officers["KA"])

    assert "Không có việc nào đang chờ anh/chị." in client.get(reverse("home")).content.decode()


def _queries(user) -> int:
    user = type(user).objects.get(pk=user.pk)  # a fresh user: no scope cached
    with CaptureQueriesContext(connection) as captured:
        found = tasks_for(user=user)
    assert found
    return len(captured.captured_queries)


def _register(year: WardYear, *wards: str) -> None:
    for short in wards:
        registration = registration_create(
            by=year.officers[short],
            year=2025,
            unit=year.ward(short),
            target="tap_the_lao_dong_tien_tien",
        )
        registration_submit(registration=registration, by=year.officers[short])


def test_the_tasks_cost_a_fixed_number_of_queries(year):
    admin = admin_user()
    scored(year)
    _register(year, "NS", "BS")
    small = _queries(admin)
    officer = _queries(year.officers["KA"])

    # A second cluster waiting to publish, more registrations, reviews and deadlines.
    more = ward_year(city="HN")
    scored(more)
    _register(more, "VD", "TTN", "BS")
    _movement(more, date(2025, 12, 31))

    assert _queries(admin) == small
    assert _queries(year.officers["KA"]) == officer
    # scope (roles, paths and subtrees, successions), five of emulation, two of
    # commendation, one for the council seats.
    assert officer <= 14
