"""Add candidates from the law engine's eligible list or from the clusters' nominations: the
list on GET, the ticked rows added on POST."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from thidua.awards.candidate_sources import (
    eligible_options,
    nomination_basis,
    nomination_options,
    subject_for_key,
)
from thidua.awards.services.candidate_picks import (
    Picked,
    candidates_add_nominations,
    candidates_add_subjects,
)
from thidua.awards.views.proposals import _url, _writable

LOCKED = "Đề nghị đã gửi đi: chỉ thêm được đối tượng khi còn là nháp hoặc bị trả lại."


def _report(request: HttpRequest, picked: Picked) -> None:
    if picked.added:
        messages.success(request, picked.summary)
    for refusal in picked.refused:
        messages.error(request, refusal)


@login_required
def from_eligible(request: HttpRequest, code: UUID) -> HttpResponse:
    proposal = _writable(request, code)
    if request.method == "POST" and not proposal.is_editable:
        messages.error(request, LOCKED)
        return redirect(_url(proposal))
    if request.method == "POST":
        keys = request.POST.getlist("chon")
        subjects = [s for k in keys if (s := subject_for_key(proposal=proposal, key=k))]
        if not subjects:
            messages.error(request, "Chưa chọn đối tượng nào: đánh dấu ít nhất một dòng.")
        else:
            _report(
                request,
                candidates_add_subjects(proposal=proposal, subjects=subjects, by=request.user),
            )
            return redirect(_url(proposal))
    rows = [
        {"key": o.key, "name": o.name, "code": o.code, "unit": o.unit_name, "kind": o.kind_label}
        for o in eligible_options(proposal=proposal)
    ]
    return render(
        request,
        "awards/candidate_picker.html",
        {
            "proposal": proposal,
            "heading": "Thêm từ danh sách đủ điều kiện",
            "intro": (
                f"Các đối tượng thuộc {proposal.unit.name} đủ điều kiện {proposal.award_name} "
                f"năm {proposal.year} theo kết quả đối chiếu tiêu chuẩn của Luật, chưa có trong "
                "đề nghị."
            ),
            "empty": "Không có đối tượng nào đủ điều kiện mà chưa có trong đề nghị.",
            "rows": rows,
        },
    )


@login_required
def from_nominations(request: HttpRequest, code: UUID) -> HttpResponse:
    proposal = _writable(request, code)
    options = nomination_options(proposal=proposal)
    if request.method == "POST" and not proposal.is_editable:
        messages.error(request, LOCKED)
        return redirect(_url(proposal))
    if request.method == "POST":
        chosen = set(request.POST.getlist("chon"))
        picked = [n for n in options if str(n.pk) in chosen]
        if not picked:
            messages.error(request, "Chưa chọn đơn vị nào: đánh dấu ít nhất một dòng.")
        else:
            _report(
                request,
                candidates_add_nominations(proposal=proposal, nominations=picked, by=request.user),
            )
            return redirect(_url(proposal))
    rows = [
        {
            "key": n.pk,
            "name": n.unit.name,
            "code": n.unit.code,
            "unit": n.ranking.covenant.cluster.name,
            "kind": "Tập thể",
            "basis": nomination_basis(n),
            "tie": n.tie_at_boundary,
        }
        for n in options
    ]
    return render(
        request,
        "awards/candidate_picker.html",
        {
            "proposal": proposal,
            "heading": "Thêm từ đề nghị của cụm thi đua",
            "intro": (
                f"Đơn vị được cụm, khối thi đua đề nghị {proposal.award_name} năm "
                f"{proposal.year} theo kết quả xếp hạng đã công bố; căn cứ đề nghị được ghi "
                "kèm đối tượng."
            ),
            "empty": "Không có đề nghị nào của cụm, khối thi đua cho hình thức này.",
            "rows": rows,
            "with_basis": True,
        },
    )
