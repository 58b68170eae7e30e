"""Every operation of the commendation cycle through each door it has, from one table.

For each operation the table says how to bring a ward to where it applies (``arrange``), how
each door performs it with the same input (the page's form and the API's JSON name the fields
differently; the table translates), what it changes (``state``, read from the database), the
state it must leave, and an input or a situation it must refuse with the same sentence on
every door, changing nothing. A door that checks something another does not fails here."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from thidua.api.tests.clients import bearer
from thidua.awards.choices import CouncilResult, DocumentKind
from thidua.awards.models import (
    AwardRecord,
    Comment,
    CouncilSession,
    Decision,
    Proposal,
)
from thidua.awards.services import (
    council,
    decision_flow,
    decisions,
    disclosure,
    proposal_flow,
)
from thidua.awards.services.proposal_moves import MOVES
from thidua.awards.tests.commendation import (
    HANOI,
    council_member,
    people_of,
    proposal_with,
    session_with,
    ward_with_officer,
)
from thidua.demo.dossier import dossier_complete
from thidua.orgs.models import Person, Unit

pytestmark = pytest.mark.django_db

Given = dict[str, Any]


@dataclass
class Target:
    """Where an operation applies, and who performs it."""

    unit: Unit
    actor: Any
    proposal: Proposal | None = None
    person: Person | None = None
    refused: Person | None = None
    session: CouncilSession | None = None
    decision: Decision | None = None
    comment: Comment | None = None
    more: dict[str, Any] = field(default_factory=dict)

    @property
    def p(self) -> Proposal:
        assert self.proposal is not None
        self.proposal.refresh_from_db()
        return self.proposal

    @property
    def c(self) -> Comment:
        assert self.comment is not None
        return self.comment

    @property
    def d(self) -> Decision:
        assert self.decision is not None
        return self.decision

    @property
    def s(self) -> CouncilSession:
        assert self.session is not None
        self.session.refresh_from_db()
        return self.session


@dataclass(frozen=True)
class Operation:
    name: str
    arrange: Callable[[Target], None]
    web: Callable[[Client, Target, Given], Any]
    api: Callable[[Client, Target, Given], Any]
    state: Callable[[Target], Any]
    good: Given
    done: Any
    refusal: str
    bad: Given = field(default_factory=dict)  # merged over ``good``
    spoil: Callable[[Target], None] | None = None  # the situation that must be refused
    move: str = ""  # the proposal_moves.MOVES entry the row plays


# --- Arranging ------------------------------------------------------------------------------


def _draft(t: Target) -> None:
    t.person, t.refused = people_of(t.unit, 2)
    t.proposal = proposal_with(t.unit, t.actor, [t.person])


def _empty_draft(t: Target) -> None:
    t.person, t.refused = people_of(t.unit, 2)
    t.more["engine"].refused = {t.refused.code}
    t.proposal = proposal_with(t.unit, t.actor, [])


def _no_documents(t: Target) -> None:
    _draft(t)
    t.p.documents.all().delete()


def _submitted(t: Target) -> None:
    _draft(t)
    proposal_flow.proposal_submit(proposal=t.p, by=t.actor)


def _under_review(t: Target) -> None:
    _submitted(t)
    proposal_flow.proposal_review_start(proposal=t.p, by=t.actor)


def _published(t: Target) -> None:
    _under_review(t)
    published = disclosure.disclosure_publish(proposal=t.p, by=t.actor)
    t.comment = disclosure.comment_submit(
        disclosure=published,
        name="Nguyễn Văn Dân",
        email="dan@example.vn",
        subject="Về thời gian công tác",
        content="Đề nghị xác minh thời gian công tác của người được đề nghị.",
        candidate=t.p.candidates.get(),
    )


def _comment_held(t: Target) -> None:
    _published(t)
    assert t.comment is not None
    disclosure.comment_answer(comment=t.comment, by=t.actor, answer="Sẽ xác minh", is_valid=True)


def _at_council(t: Target) -> None:
    _under_review(t)
    proposal_flow.proposal_to_council(proposal=t.p, by=t.actor)
    t.more["members"] = [council_member(t.unit, full_name=f"Ủy viên {i}") for i in range(3)]


def _session_planned(t: Target) -> None:
    _at_council(t)
    t.session, t.more["members"] = session_with(t.unit, 3, t.p)


def _session_open(t: Target) -> None:
    _session_planned(t)
    members = t.more["members"]
    council.session_open(session=t.s, present_user_ids=[m.pk for m in members], by=t.actor)


def _voting_member(t: Target) -> None:
    _session_open(t)
    t.actor = t.more["members"][1]


def _session_voted(t: Target) -> None:
    _session_open(t)
    for ballot in t.s.ballots.all():
        for member in t.more["members"]:
            council.ballot_vote(ballot=ballot, user=member, approve=True)


def _council_passed(t: Target) -> None:
    _session_voted(t)
    council.session_close(session=t.s, by=t.actor)


DECISION: dict[str, Any] = {
    "number": "15/QĐ-UBND",
    "date": date(2025, 1, 20),
    "issuing_body": "Ủy ban nhân dân phường Ngọc Sơn",
    "signer_title": "Chủ tịch",
    "signer_name": "Nguyễn Văn Ký",
}


def _decision_drafted(t: Target) -> None:
    _council_passed(t)
    t.decision = decision_flow.decision_from_candidates(
        proposals=[t.p],
        number=DECISION["number"],
        decision_date=DECISION["date"],
        issuing_body=DECISION["issuing_body"],
        issuing_unit=t.unit,
        signer_name=DECISION["signer_name"],
        signer_title=DECISION["signer_title"],
        by=t.actor,
    )


def _decision_issued(t: Target) -> None:
    _decision_drafted(t)
    assert t.decision is not None
    decisions.decision_issue(decision=t.decision, by=t.actor)


# --- Spoiling: situations each operation must refuse ----------------------------------------


def _send(t: Target) -> None:
    proposal_flow.proposal_submit(proposal=t.p, by=t.actor)


def _sent_with_its_dossier(t: Target) -> None:
    dossier_complete(proposal=t.p, by=t.actor)
    _send(t)


def _return(t: Target) -> None:
    proposal_flow.proposal_return(proposal=t.p, by=t.actor, reason="Bổ sung hồ sơ")


def _lose_the_report(t: Target) -> None:
    t.p.documents.filter(kind=DocumentKind.TO_TRINH).delete()


def _meet_next_week(t: Target) -> None:
    soon = timezone.now() + timedelta(days=7)
    CouncilSession.objects.filter(pk=t.s.pk).update(meeting_at=soon)


def _absent(t: Target) -> None:
    t.s.members.filter(user=t.actor).update(is_present=False)


def _close(t: Target) -> None:
    council.session_close(session=t.s, by=t.actor)


def _fail_everyone(t: Target) -> None:
    t.p.candidates.update(council_result=CouncilResult.FAILED)


# --- The doors ------------------------------------------------------------------------------


def _post(client: Client, url: str, data: Given) -> Any:
    return client.post(url, data, follow=True)


def _json(client: Client, method: str, url: str, body: Given | None = None) -> Any:
    return getattr(client, method)(url, body or {}, content_type="application/json")


def _move_web(slug: str) -> Callable[[Client, Target, Given], Any]:
    return lambda c, t, g: _post(
        c, reverse("awards:proposal_move", args=[t.p.code, slug]), {"reason": g.get("reason", "")}
    )


def _move_api(name: str) -> Callable[[Client, Target, Given], Any]:
    return lambda c, t, g: _json(
        c, "post", f"/api/proposals/{t.p.code}/{name}", {"reason": g.get("reason", "")}
    )


def _status(t: Target) -> str:
    return t.p.status


def _candidate_names(t: Target) -> list[str]:
    return sorted(t.p.candidates.values_list("recipient_name", flat=True))


def _ballot(t: Target) -> Any:
    return t.s.ballots.get()


def _meeting(g: Given) -> datetime:
    return datetime(2025, 1, 10, 8, 0, tzinfo=HANOI)


def _seats_web(t: Target, g: Given) -> Given:
    members = t.more["members"]
    return {
        "unit": t.unit.code,
        "title": g["title"],
        "meeting_at": _meeting(g).strftime("%d/%m/%Y %H:%M"),
        "place": "Hội trường UBND phường",
        "members": [m.pk for m in members],
        "chair": members[0].pk if g["chair"] else "",
        "secretary": members[1].pk,
    }


def _seats_api(t: Target, g: Given) -> Given:
    members = t.more["members"]
    roles = ["chair" if g["chair"] else "member", "secretary", "member"]
    return {
        "unit": t.unit.code,
        "title": g["title"],
        "meeting_at": _meeting(g).isoformat(),
        "place": "Hội trường UBND phường",
        "members": [{"user_id": m.pk, "role": r} for m, r in zip(members, roles, strict=True)],
    }


REVOCATION = {
    "ground": "a",
    "reason": "Kê khai không trung thực thời gian công tác",
    "revoked_by_number": "30/QĐ-UBND",
    "revoked_by_signer": "Nguyễn Văn Ký",
}


def _revoke_web(c: Client, t: Target, g: Given) -> Any:
    assert t.decision is not None
    record = t.decision.records.get()
    data = {**g, "revoked_by_date": "05/03/2025", "xac_nhan": "1"}
    return _post(c, reverse("awards:award_revoke", args=[t.d.pk, record.pk]), data)


def _revoke_api(c: Client, t: Target, g: Given) -> Any:
    assert t.decision is not None
    record = t.decision.records.get()
    url = f"/api/decisions/{t.d.pk}/awards/{record.pk}/revoke"
    return _json(c, "post", url, {**g, "revoked_by_date": "2025-03-05"})


def _revoked(t: Target) -> list[tuple[str, str]]:
    assert t.decision is not None
    return [
        (r.recipient_name, r.revoked_by_number)
        for r in AwardRecord.objects.filter(decision=t.decision, revoked_at__isnull=False)
    ]


OPERATIONS: tuple[Operation, ...] = (
    Operation(
        "lập đề nghị",
        arrange=lambda t: None,
        web=lambda c, t, g: _post(
            c, reverse("awards:proposal_create"),
            {"unit": t.unit.code, "award_code": "lao_dong_tien_tien", "year": g["year"],
             "occasion": "thuong_xuyen"},
        ),
        api=lambda c, t, g: _json(
            c, "post", "/api/proposals",
            {"unit": t.unit.code, "award_code": "lao_dong_tien_tien", "year": g["year"]},
        ),
        state=lambda t: list(Proposal.objects.values_list("award_code", "year")),
        good={"year": 2024}, done=[("lao_dong_tien_tien", 2024)],
        bad={"year": 1990}, refusal="Năm 1990 chưa có bộ quy tắc xét thi đua, khen thưởng",
    ),
    Operation(
        "thêm đối tượng",
        arrange=_empty_draft,
        web=lambda c, t, g: _post(
            c, reverse("awards:candidate_add", args=[t.p.code]),
            {"person": getattr(t, g["who"]).code, "achievement": "Hoàn thành xuất sắc"},
        ),
        api=lambda c, t, g: _json(
            c, "post", f"/api/proposals/{t.p.code}/candidates",
            {"recipient_kind": "individual", "recipient_code": getattr(t, g["who"]).code,
             "achievement": "Hoàn thành xuất sắc"},
        ),
        state=_candidate_names,
        good={"who": "person"}, done=lambda t: [t.person.full_name],
        bad={"who": "refused"}, refusal="chưa đủ điều kiện: Đạt danh hiệu Lao động tiên tiến",
    ),
    Operation(
        "bỏ đối tượng",
        arrange=_draft,
        web=lambda c, t, g: _post(
            c, reverse("awards:candidate_remove", args=[t.p.code, t.p.candidates.get().pk]), {}
        ),
        api=lambda c, t, g: _json(
            c, "delete", f"/api/proposals/{t.p.code}/candidates/{t.p.candidates.get().pk}"
        ),
        state=_candidate_names,
        good={}, done=[],
        spoil=_send, refusal="chỉ sửa được khi còn là nháp hoặc bị trả lại",
    ),
    Operation(
        "tạo hồ sơ từ dữ liệu",
        arrange=_no_documents,
        web=lambda c, t, g: _post(c, reverse("awards:dossier_generate", args=[t.p.code]), {}),
        api=lambda c, t, g: _json(c, "post", f"/api/proposals/{t.p.code}/dossier"),
        state=lambda t: sorted(t.p.documents.values_list("kind", flat=True)),
        good={}, done=sorted([DocumentKind.TO_TRINH, DocumentKind.BAO_CAO_THANH_TICH]),
        spoil=_sent_with_its_dossier,
        refusal="chỉ tạo lại hồ sơ khi còn là nháp hoặc bị trả lại",
    ),
    Operation(
        "gửi duyệt", arrange=_draft,
        web=_move_web("gui-duyet"), api=_move_api("submit"),
        state=_status, move="submit",
        good={}, done="submitted",
        spoil=_lose_the_report, refusal="Hồ sơ còn thiếu: Tờ trình",
    ),
    Operation(
        "tiếp nhận thẩm định", arrange=_submitted,
        web=_move_web("tham-dinh"), api=_move_api("review"),
        state=_status, move="review",
        good={}, done="under_review",
        spoil=_return, refusal="không thể chuyển sang “Đang thẩm định”",
    ),
    Operation(
        "trả lại", arrange=_under_review,
        web=_move_web("tra-lai"), api=_move_api("return"),
        state=_status, move="return",
        good={"reason": "Bổ sung bản sao quyết định"}, done="returned",
        bad={"reason": "  "}, refusal="Cần ghi lý do trả lại.",
    ),
    Operation(
        "không khen thưởng", arrange=_under_review,
        web=_move_web("khong-khen-thuong"), api=_move_api("reject"),
        state=_status, move="reject",
        good={"reason": "Không đủ tiêu chuẩn"}, done="rejected",
        bad={"reason": ""}, refusal="Cần ghi lý do không khen thưởng.",
    ),
    Operation(
        "công khai lấy ý kiến", arrange=_under_review,
        web=_move_web("cong-khai"), api=_move_api("publish"),
        state=_status, move="publish",
        good={}, done="public_comment",
        spoil=_return, refusal="không thể chuyển sang “Đang lấy ý kiến”",
    ),
    Operation(
        "trình Hội đồng", arrange=_under_review,
        web=_move_web("trinh-hoi-dong"), api=_move_api("to-council"),
        state=_status, move="to-council",
        good={}, done="council",
        spoil=_return, refusal="không thể chuyển sang “Trình Hội đồng”",
    ),
    Operation(
        "trả lời ý kiến", arrange=_published,
        web=lambda c, t, g: _post(
            c, reverse("awards:comment_answer", args=[t.p.code, t.c.pk]),
            {"answer": g["answer"], **({"valid": "on"} if g["valid"] else {})},
        ),
        api=lambda c, t, g: _json(
            c, "post", f"/api/proposals/{t.p.code}/comments/{t.c.pk}/answer", g
        ),
        state=lambda t: list(Comment.objects.values_list("status", "is_valid", "answer")),
        good={"answer": "Đã xác minh: đủ thời gian công tác.", "valid": False},
        done=[("answered", False, "Đã xác minh: đủ thời gian công tác.")],
        bad={"answer": " "}, refusal="Cần ghi nội dung trả lời.",
    ),
    Operation(
        "kết luận xác minh", arrange=_comment_held,
        web=lambda c, t, g: _post(
            c, reverse("awards:candidate_release", args=[t.p.code, t.p.candidates.get().pk]), g
        ),
        api=lambda c, t, g: _json(
            c, "post", f"/api/proposals/{t.p.code}/candidates/{t.p.candidates.get().pk}/release",
            g,
        ),
        state=lambda t: list(t.p.candidates.values_list("on_hold", flat=True)),
        good={"note": "Đủ thời gian công tác theo hồ sơ lưu."}, done=[False],
        bad={"note": ""}, refusal="Cần ghi kết luận xác minh.",
    ),
    Operation(
        "lập phiên họp Hội đồng", arrange=_at_council,
        web=lambda c, t, g: _post(c, reverse("awards:session_create"), _seats_web(t, g)),
        api=lambda c, t, g: _json(c, "post", "/api/council/sessions", _seats_api(t, g)),
        state=lambda t: [
            (s.title, s.members_total, s.agenda.count()) for s in CouncilSession.objects.all()
        ],
        good={"title": "Phiên họp xét khen thưởng năm 2024", "chair": True},
        done=[("Phiên họp xét khen thưởng năm 2024", 3, 1)],
        bad={"chair": False}, refusal="Hội đồng phải có đúng một Chủ tịch.",
    ),
    Operation(
        "điểm danh, mở bỏ phiếu", arrange=_session_planned,
        web=lambda c, t, g: _post(
            c, reverse("awards:session_open", args=[t.s.pk]),
            {"present": [m.pk for m in t.more["members"]]},
        ),
        api=lambda c, t, g: _json(
            c, "post", f"/api/council/sessions/{t.s.pk}/open",
            {"present": [m.pk for m in t.more["members"]]},
        ),
        state=lambda t: (t.s.status, t.s.present, t.s.ballots.count()),
        good={}, done=("open", 3, 1),
        spoil=_meet_next_week, refusal="chỉ mở phiên họp từ ngày họp",
    ),
    Operation(
        "bỏ phiếu kín", arrange=_voting_member,
        web=lambda c, t, g: _post(
            c, reverse("awards:ballot_vote", args=[t.s.pk, _ballot(t).pk]), {"phieu": "dong-y"}
        ),
        api=lambda c, t, g: _json(
            c, "post", f"/api/council/sessions/{t.s.pk}/ballots/{_ballot(t).pk}/vote",
            {"approve": True},
        ),
        state=lambda t: (_ballot(t).approvals, _ballot(t).rejections),
        good={}, done=(1, 0),
        spoil=_absent, refusal="Chỉ thành viên Hội đồng có mặt mới được bỏ phiếu.",
    ),
    Operation(
        "kiểm phiếu, kết thúc phiên họp", arrange=_session_voted,
        web=lambda c, t, g: _post(c, reverse("awards:session_close", args=[t.s.pk]), {}),
        api=lambda c, t, g: _json(c, "post", f"/api/council/sessions/{t.s.pk}/close"),
        state=lambda t: (t.s.status, list(t.p.candidates.values_list("council_result", flat=True))),
        good={}, done=("closed", ["passed"]),
        spoil=_close, refusal="Phiên họp chưa mở hoặc đã kết thúc.",
    ),
    Operation(
        "dự thảo quyết định từ kết quả Hội đồng", arrange=_council_passed,
        web=lambda c, t, g: _post(
            c, reverse("awards:decision_create") + f"?de_nghi={t.p.code}",
            {**DECISION, "decision_date": DECISION["date"].strftime("%d/%m/%Y")},
        ),
        api=lambda c, t, g: _json(
            c, "post", "/api/decisions",
            {**DECISION, "date": DECISION["date"].isoformat(), "origin": "thidua",
             "issuing_unit": t.unit.code, "proposals": [str(t.p.code)]},
        ),
        state=lambda t: [
            (d.number, d.status, d.records.count()) for d in Decision.objects.all()
        ],
        good={}, done=[("15/QĐ-UBND", "draft", 1)],
        spoil=_fail_everyone, refusal="Không có đối tượng nào đạt tỷ lệ phiếu để ra quyết định.",
    ),
    Operation(
        "ban hành quyết định", arrange=_decision_drafted,
        web=lambda c, t, g: _post(
            c, reverse("awards:decision_issue", args=[t.d.pk]), {"xac_nhan": "1"}
        ),
        api=lambda c, t, g: _json(c, "post", f"/api/decisions/{t.d.pk}/issue"),
        state=lambda t: [
            (d.status, d.records.filter(certificate__isnull=False).count())
            for d in Decision.objects.all()
        ],
        good={}, done=[("issued", 1)],
        spoil=_fail_everyone, refusal="chưa qua đề nghị, thẩm định và Hội đồng bỏ phiếu đạt.",
    ),
    Operation(
        "hủy bỏ khen thưởng", arrange=_decision_issued,
        web=_revoke_web, api=_revoke_api, state=_revoked,
        good=REVOCATION, done=lambda t: [(t.person.full_name, "30/QĐ-UBND")],
        bad={"revoked_by_number": ""}, refusal="Cần ghi số của quyết định hủy bỏ khen thưởng.",
    ),
)  # fmt: skip
BY_NAME = {op.name: op for op in OPERATIONS}


@pytest.fixture
def ward(fake_engine) -> Target:
    unit, officer = ward_with_officer()
    return Target(unit=unit, actor=officer, more={"engine": fake_engine})


def _perform(door: str, op: Operation, t: Target, given: Given) -> Any:
    if door == "web":
        client = Client()
        client.force_login(t.actor)
        return op.web(client, t, given)
    return op.api(bearer(t.actor), t, given)


def _told(door: str, response: Any) -> str:
    """What the door told its user: the page with its messages, or the API's error body."""
    if door == "web":
        return html.unescape(response.content.decode())
    body = response.json()
    if not isinstance(body, dict):
        return str(body)
    return " ".join([str(body.get("detail", ""))] + [e["message"] for e in body.get("errors", [])])


def _expected(op: Operation, t: Target) -> Any:
    return op.done(t) if callable(op.done) else op.done


DOORS = ("web", "api")


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("name", list(BY_NAME))
def test_every_door_leaves_the_same_state(name, door, ward):
    op = BY_NAME[name]
    op.arrange(ward)

    response = _perform(door, op, ward, op.good)

    assert response.status_code in (200, 201, 204), _told(door, response)[:2000]
    assert op.state(ward) == _expected(op, ward)


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("name", list(BY_NAME))
def test_every_door_refuses_alike_and_changes_nothing(name, door, ward):
    op = BY_NAME[name]
    op.arrange(ward)
    if op.spoil is not None:
        op.spoil(ward)
    before = op.state(ward)

    response = _perform(door, op, ward, {**op.good, **op.bad})

    assert op.refusal in _told(door, response)
    assert op.state(ward) == before
    if door == "api":
        assert response.status_code in (400, 409)


def test_the_table_holds_every_move_of_a_proposal():
    """A move added to proposal_moves.MOVES without a row here fails this test."""
    assert {move.name for move in MOVES} == {op.move for op in OPERATIONS if op.move}
