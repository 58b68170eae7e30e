"""The moves of a proposal, once for every door: which side may make each (the proposing unit
or the reviewing unit), the service it calls and what the office is told when it is done.
The web's buttons and the API's endpoints are both made from this table, so neither can
offer a move the other refuses, nor check it differently."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from thidua.awards.commendation_selectors import PROPOSER, REVIEWER
from thidua.awards.models import Proposal
from thidua.awards.services import disclosure, proposal_flow

# What a move reads of the form or body that asks for it: a reason, the reviewing unit.
Given = Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Move:
    slug: str  # the web's address: /khen-thuong/de-nghi/<code>/<slug>/
    name: str  # the API's: POST /api/proposals/{code}/<name>
    side: str  # PROPOSER or REVIEWER
    summary: str
    done: str
    run: Callable[[Proposal, Any, Given], object]


MOVES: tuple[Move, ...] = (
    Move("gui-duyet", "submit", PROPOSER, "Gửi duyệt", "Đã gửi đề nghị.",
         lambda p, by, given: proposal_flow.proposal_submit(
             proposal=p, by=by, reviewing_unit_code=given.get("reviewing_unit", ""))),
    Move("tham-dinh", "review", REVIEWER, "Tiếp nhận thẩm định",
         "Đã tiếp nhận hồ sơ để thẩm định.",
         lambda p, by, given: proposal_flow.proposal_review_start(proposal=p, by=by)),
    Move("tra-lai", "return", REVIEWER, "Trả lại đề nghị", "Đã trả lại đề nghị.",
         lambda p, by, given: proposal_flow.proposal_return(
             proposal=p, by=by, reason=given.get("reason", ""))),
    Move("khong-khen-thuong", "reject", REVIEWER, "Không khen thưởng",
         "Đã ghi nhận không khen thưởng.",
         lambda p, by, given: proposal_flow.proposal_reject(
             proposal=p, by=by, reason=given.get("reason", ""))),
    Move("cong-khai", "publish", REVIEWER, "Công khai lấy ý kiến",
         "Đã công khai danh sách trên Cổng thông tin.",
         lambda p, by, given: disclosure.disclosure_publish(proposal=p, by=by)),
    Move("trinh-hoi-dong", "to-council", REVIEWER, "Trình Hội đồng", "Đã trình Hội đồng.",
         lambda p, by, given: proposal_flow.proposal_to_council(proposal=p, by=by)),
)  # fmt: skip
BY_SLUG: dict[str, Move] = {m.slug: m for m in MOVES}
