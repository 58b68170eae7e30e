"""Việc cần làm: what waits on the user, each kind a line with its count, a link to where the
work is done and the nearest deadline — across the emulation cycle (``emulation_waiting``)
and the commendation cycle (the proposals, sessions and comments the user's units answer
for). A fixed number of queries, whatever the number of records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Max, Min, Q
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.scoping import scope_for
from thidua.awards.choices import CommentStatus, ProposalStatus, SessionStatus
from thidua.awards.commendation_selectors import proposals_for_user
from thidua.awards.models import Comment, CouncilSession
from thidua.emulation.selectors import Waiting, Work, emulation_waiting

TO_REVIEW = (ProposalStatus.SUBMITTED, ProposalStatus.UNDER_REVIEW)


@dataclass(frozen=True, slots=True)
class Task:
    label: str
    count: int
    url: str
    deadline: date | None = None
    deadline_label: str = ""  # "hạn thẩm định", "họp ngày" …
    note: str = ""

    @property
    def overdue(self) -> bool:
        return self.deadline is not None and self.deadline < timezone.localdate()


EMULATION_LABELS = {
    Work.APPROVE: "Đăng ký thi đua chờ phê duyệt",
    Work.SIGN: "Giao ước thi đua chờ ký",
    Work.SELF_SCORE: "Bảng tự chấm điểm chưa gửi",
    Work.REVIEW: "Bảng điểm được phân công chấm chéo",
    Work.PUBLISH: "Kết quả xếp hạng chờ công bố",
}
# The page of one cluster year where each kind of work is done.
CLUSTER_PAGES = {
    Work.SIGN: "emulation:covenant",
    Work.SELF_SCORE: "emulation:scoring",
    Work.REVIEW: "emulation:scoring",
    Work.PUBLISH: "emulation:ranking",
}


def _emulation_url(waiting: Waiting) -> str:
    if waiting.work is Work.APPROVE:
        return f"{reverse('emulation:registrations')}?nam={waiting.item}&trang_thai=submitted"
    if waiting.work is Work.REVIEW and waiting.item is not None:
        return reverse("emulation:sheet", args=[waiting.item])
    if len(waiting.clusters) == 1:
        code, year = waiting.clusters[0]
        return reverse(CLUSTER_PAGES[waiting.work], args=[code, year])
    return f"{reverse('emulation:clusters')}?nam={waiting.clusters[0][1]}"


def _emulation(user: Any) -> list[Task]:
    return [
        Task(
            label=EMULATION_LABELS[w.work],
            count=w.count,
            url=_emulation_url(w),
            deadline=w.deadline,
            deadline_label="phong trào kết thúc" if w.deadline else "",
            note=f"ở {len(w.clusters)} cụm, khối" if len(w.clusters) > 1 else "",
        )
        for w in emulation_waiting(user=user)
    ]


def _sessions(user: Any) -> list[Task]:
    """The council sessions the user sits on, not yet closed: one query."""
    sessions = CouncilSession.objects.filter(
        members__user=user, status__in=(SessionStatus.PLANNED, SessionStatus.OPEN)
    ).aggregate(n=Count("pk", distinct=True), next=Min("meeting_at"), one=Max("pk"))
    if not sessions["n"]:
        return []
    return [
        Task(
            "Phiên họp Hội đồng anh/chị tham dự",
            sessions["n"],
            reverse("awards:session", args=[sessions["one"]])
            if sessions["n"] == 1
            else reverse("awards:council"),
            timezone.localdate(sessions["next"]),
            "họp ngày",
        )
    ]


def _commendation(user: Any) -> list[Task]:
    """Two queries: the proposals (returned to the user's units; waiting for the user's units
    to review) and the comments on their public lists still to answer."""
    scope = scope_for(user)

    def units(field: str) -> Q:
        return Q() if scope.everything else Q(**{f"{field}__in": scope.write_ids})

    returned = Q(status=ProposalStatus.RETURNED) & units("unit_id")
    to_review = Q(status__in=TO_REVIEW) & units("reviewing_unit_id")
    proposals = proposals_for_user(user=user).aggregate(
        returned=Count("pk", filter=returned),
        to_review=Count("pk", filter=to_review),
        due=Min("review_due", filter=to_review),
    )
    comments = Comment.objects.filter(
        Q(status=CommentStatus.NEW) & units("disclosure__proposal__reviewing_unit_id")
    ).aggregate(n=Count("pk"), due=Min("disclosure__ends_on"))
    proposals_url = reverse("awards:proposals")
    tasks = [
        Task(
            "Đề nghị khen thưởng bị trả lại, cần bổ sung",
            proposals["returned"],
            f"{proposals_url}?trang_thai={ProposalStatus.RETURNED}",
        ),
        Task(
            "Hồ sơ đề nghị khen thưởng chờ thẩm định",
            proposals["to_review"],
            proposals_url,
            proposals["due"],
            "hạn thẩm định",
        ),
        Task(
            "Ý kiến góp ý về danh sách công khai chưa trả lời",
            comments["n"],
            f"{proposals_url}?trang_thai={ProposalStatus.PUBLIC_COMMENT}",
            comments["due"],
            "hết hạn nhận ý kiến",
        ),
    ]
    return [t for t in tasks if t.count]


def tasks_for(*, user: Any) -> list[Task]:
    """The emulation cycle's work first (in the order of the year), then commendation's; a
    reader (lãnh đạo) acts on nothing, but a council seat still waits on them."""
    if scope_for(user).read_only:
        return _sessions(user)
    return _emulation(user) + _commendation(user) + _sessions(user)
