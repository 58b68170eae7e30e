"""The covenant and the ranking as Word documents in the state format (NĐ 30/2020), written
with the shared builder of ``thidua.common.documents``."""

from __future__ import annotations

import io
from datetime import date

from django.utils import timezone

from thidua.common.documents import Header, Signature, StateDocument
from thidua.core.scoring import format_points
from thidua.core.text import format_date
from thidua.emulation.models import Cluster, Covenant, CovenantSignature
from thidua.emulation.selectors import CriterionRow, RankingView
from thidua.orgs.models import Unit

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Words of a unit's name that say what it is, not where it is ("Quận Kiến An" → "Kiến An").
KIND_WORDS = ("Thành phố", "Tỉnh", "Quận", "Huyện", "Thị xã", "Phường", "Xã", "Thị trấn")


def place_of(unit: Unit | None) -> str:
    """The place a document is dated at: the locality of the organising body."""
    while unit is not None and unit.kind not in ("tinh", "huyen", "xa"):
        unit = unit.parent
    if unit is None:
        return ""
    for word in KIND_WORDS:
        if unit.name.startswith(word + " "):
            return unit.name[len(word) + 1 :]
    return unit.name


def _header(cluster: Cluster, day: date | None) -> Header:
    organiser = cluster.organiser
    return Header(
        parent=organiser.name if organiser else "",
        issuer=cluster.name,
        place=place_of(organiser),
        day=day,
    )


def _bytes(doc: StateDocument) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def covenant_docx(
    covenant: Covenant, rows: list[CriterionRow], signatures: list[CovenantSignature]
) -> bytes:
    cluster = covenant.cluster
    doc = StateDocument(
        _header(cluster, covenant.signed_on),
        kind="Giao ước thi đua",
        subject=f"Năm {cluster.year}",
    )
    doc.paragraph(
        f"Các đơn vị thành viên {cluster.name[0].lower()}{cluster.name[1:]} cùng ký giao ước "
        f"thi đua năm {cluster.year} với các tiêu chí, chỉ tiêu và thang điểm dưới đây; mỗi "
        "đơn vị tự chấm điểm kèm minh chứng, các đơn vị chấm chéo và cụm tổng hợp, xếp hạng "
        "vào cuối năm."
    )
    doc.heading("Tiêu chí, chỉ tiêu thi đua")
    doc.table(
        ["Số TT", "Nội dung tiêu chí, chỉ tiêu", "Điểm tối đa", "Minh chứng"],
        [
            [
                r.criterion.number,
                ("    " * r.level) + r.criterion.text,
                _points(r),
                r.criterion.evidence,
            ]
            for r in rows
        ],
        widths_cm=[1.5, 8.5, 2.2, 4.3],
        align=["center", "left", "center", "left"],
    )
    doc.heading("Các đơn vị ký giao ước")
    doc.table(
        ["TT", "Đơn vị", "Người ký", "Ngày ký"],
        [
            [
                i,
                s.unit.name,
                f"{s.signer_name}" + (f" – {s.signer_title}" if s.signer_title else ""),
                format_date(timezone.localdate(s.signed_at)),
            ]
            for i, s in enumerate(signatures, start=1)
        ],
        widths_cm=[1.2, 5.5, 7.3, 2.5],
        align=["center", "left", "left", "center"],
    )
    leader = _leader_signature(covenant, signatures)
    doc.signature(
        Signature(
            authority=f"TM. {cluster.name}",
            title=cluster.leader_word,
            name=leader.signer_name if leader else "",
            recipients=("Các đơn vị thành viên;", "Cơ quan tổ chức cụm;", "Lưu: VT."),
        )
    )
    return _bytes(doc)


def _points(row: CriterionRow) -> str:
    c = row.criterion
    sign = {"bonus": "+", "penalty": "−"}.get(c.kind, "")
    return f"{sign}{format_points(c.max_points)}"


def _leader_signature(
    covenant: Covenant, signatures: list[CovenantSignature]
) -> CovenantSignature | None:
    leader = covenant.cluster.members.filter(role="leader").values_list("unit_id", flat=True)
    ids = set(leader)
    return next((s for s in signatures if s.unit_id in ids), None)


def ranking_docx(view: RankingView) -> bytes:
    cluster = view.covenant.cluster
    published = view.published
    day = timezone.localdate(published.published_at) if published else None
    doc = StateDocument(
        _header(cluster, day),
        kind="Báo cáo",
        subject=f"Kết quả chấm điểm, xếp hạng thi đua năm {cluster.year}",
    )
    if published is None:
        doc.paragraph("Bản tạm tính: kết quả chưa được công bố, còn có thể thay đổi.", italic=True)
    doc.paragraph(
        f"Căn cứ giao ước thi đua năm {cluster.year} (tổng điểm tối đa "
        f"{format_points(view.maximum)} điểm), kết quả tự chấm, chấm chéo của các đơn vị "
        f"thành viên, {cluster.name[0].lower()}{cluster.name[1:]} tổng hợp kết quả như sau:"
    )
    doc.heading("Bảng điểm và xếp hạng")
    doc.table(
        ["Hạng", "Đơn vị", "Tự chấm", "Điểm thẩm định", "Ghi chú"],
        [
            [
                r.rank or "",
                r.unit.name,
                format_points(r.self_total),
                format_points(r.final_total),
                "; ".join(
                    x
                    for x in (
                        "Chênh lệch giữa các đơn vị chấm vượt mức" if r.disagreement else "",
                        r.tie_break,
                    )
                    if x
                ),
            ]
            for r in view.rows
        ],
        widths_cm=[1.4, 5.6, 2.2, 2.6, 4.7],
        align=["center", "left", "center", "center", "left"],
    )
    if view.nominated:
        doc.heading("Đề nghị khen thưởng")
        doc.table(
            ["TT", "Đơn vị", "Đề nghị", "Căn cứ"],
            [[i, r.unit.name, r.award, r.basis] for i, r in enumerate(view.nominated, 1)],
            widths_cm=[1.2, 5.3, 5.0, 5.0],
            align=["center", "left", "left", "left"],
        )
    doc.signature(
        Signature(
            authority=f"TM. {cluster.name}",
            title=cluster.leader_word,
            recipients=("Cơ quan tổ chức cụm;", "Các đơn vị thành viên;", "Lưu: VT."),
        )
    )
    return _bytes(doc)
