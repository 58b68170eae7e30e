"""The documents a dossier needs, per form (law.md §8.2), and what is still missing.

Per proposal: tờ trình (Mẫu 01) and the council's minutes with the ballot result; per
candidate: the achievement report (Mẫu 02) where the form calls for one, and for the emulation
fighter titles the confirmation of the initiative's effect and scope. Where the public was
consulted, the summary of the comments.
"""

from __future__ import annotations

from dataclasses import dataclass

from thidua.awards.choices import DocumentKind as K

PER_PROPOSAL = (K.TO_TRINH, K.BIEN_BAN_HOP)
REPORT_FORMS = frozenset(
    {
        "chien_si_thi_dua_co_so",
        "chien_si_thi_dua_tinh",
        "chien_si_thi_dua_toan_quoc",
        "bang_khen_tinh",
        "bang_khen_thu_tuong",
        "huan_chuong_lao_dong_hang_ba",
        "co_thi_dua_tinh",
        "co_thi_dua_chinh_phu",
        "tap_the_lao_dong_xuat_sac",
    }
)
INITIATIVE_FORMS = frozenset(
    {"chien_si_thi_dua_co_so", "chien_si_thi_dua_tinh", "chien_si_thi_dua_toan_quoc"}
)
BASIS = {
    K.TO_TRINH: "Mẫu số 01 Phụ lục kèm theo Nghị định quy định chi tiết Luật TĐKT",
    K.BAO_CAO_THANH_TICH: "Mẫu số 02 Phụ lục kèm theo Nghị định quy định chi tiết Luật TĐKT",
    K.BIEN_BAN_HOP: "Biên bản họp và kết quả bỏ phiếu của Hội đồng Thi đua – Khen thưởng",
    K.XAC_NHAN_SANG_KIEN: "Xác nhận hiệu quả áp dụng, phạm vi ảnh hưởng của sáng kiến",
    K.KET_QUA_LAY_Y_KIEN: "Kết quả công khai, lấy ý kiến",
}


@dataclass(frozen=True)
class Requirement:
    kind: K
    candidate_id: int | None
    label: str
    basis: str
    present: bool


def checklist(
    *,
    award_code: str,
    candidates: list[tuple[int, str]],
    disclosed: bool,
    present: set[tuple[str, int | None]],
) -> list[Requirement]:
    """``candidates``: (id, name) of those in play; ``present``: (kind, candidate id) of the
    documents the dossier holds."""
    needed: list[tuple[K, int | None, str]] = [(k, None, k.label) for k in PER_PROPOSAL]
    if disclosed:
        needed.append((K.KET_QUA_LAY_Y_KIEN, None, K.KET_QUA_LAY_Y_KIEN.label))
    for cid, name in candidates:
        if award_code in REPORT_FORMS:
            needed.append((K.BAO_CAO_THANH_TICH, cid, f"{K.BAO_CAO_THANH_TICH.label}: {name}"))
        if award_code in INITIATIVE_FORMS:
            needed.append((K.XAC_NHAN_SANG_KIEN, cid, f"{K.XAC_NHAN_SANG_KIEN.label}: {name}"))
    return [
        Requirement(kind, cid, label, BASIS.get(kind, ""), (kind.value, cid) in present)
        for kind, cid, label in needed
    ]
