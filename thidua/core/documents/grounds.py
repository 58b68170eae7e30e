"""The căn cứ of a decision or a tờ trình: each text by its number, date and full name, as
Nghị định 30/2020/NĐ-CP (Phụ lục I, mục II.5) has them cited, chosen by the date the paper is
signed — the texts in force that day, and the rule set's own texts for that day.

The names, numbers and dates were checked against the texts' own headings (law.md §1, the
MOHA portal); the Local Government Laws are cited as their successive versions stand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from thidua.core.rules.citations import (
    LAW_2013,
    LAW_2022,
    ND_86_2023,
    ND_91_2017,
    ND_98_2023,
    ND_152_2025,
    LegalText,
)

_DETAILS = "của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"

# LegalText.name → how a căn cứ cites it in full.
FULL_NAMES: dict[str, str] = {
    LAW_2022.name: "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
    LAW_2013.name: "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung "
    "một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 "
    "năm 2013",
    ND_91_2017.name: f"Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 {_DETAILS}",
    ND_98_2023.name: f"Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 {_DETAILS}",
    ND_152_2025.name: "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy "
    "định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và "
    "hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng",
    ND_86_2023.name: "Nghị định số 86/2023/NĐ-CP ngày 07 tháng 12 năm 2023 của Chính phủ quy "
    "định về khung tiêu chuẩn và trình tự, thủ tục, hồ sơ xét tặng danh hiệu “Gia đình văn "
    "hóa”; “Thôn, tổ dân phố văn hóa”, “Xã, phường, thị trấn tiêu biểu”",
}  # fmt: skip

# The texts a decision on awards rests on, the law before its decrees.
_AWARD_TEXTS = (LAW_2022, LAW_2013, ND_152_2025, ND_98_2023, ND_91_2017)
# Community titles (Gia đình văn hóa) rest on their own decree as well.
_COMMUNITY_CODES = frozenset({"gia_dinh_van_hoa"})


@dataclass(frozen=True, slots=True)
class LocalGovernmentLaw:
    text: str
    valid_from: date
    valid_to: date | None = None


# The Local Government Laws a People's Committee acts under, version by version.
LOCAL_GOVERNMENT_LAWS = (
    LocalGovernmentLaw(
        "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
        "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày "
        "22 tháng 11 năm 2019",
        date(2016, 1, 1),
        date(2025, 2, 28),
    ),
    LocalGovernmentLaw(
        "Luật Tổ chức chính quyền địa phương số 65/2025/QH15 ngày 19 tháng 02 năm 2025",
        date(2025, 3, 1),
        date(2025, 6, 30),
    ),
    LocalGovernmentLaw(
        "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025",
        date(2025, 7, 1),
    ),
)


def _in_force(texts: Iterable[LegalText], on: date) -> list[LegalText]:
    return [t for t in texts if t.in_force(on)]


def grounds(
    *,
    on: date,
    codes: Iterable[str] = (),
    local_government: bool,
    local_rules: Iterable[str] = (),
    proposed_by: str = "",
) -> list[str]:
    """The căn cứ lines, each ending as decisions end them (";" then "." on the last):
    the Local Government Law for a People's Committee, the law and its decrees in force
    ``on`` the signing day, the decree on community titles where one is granted, the local
    rules (their own citation, as written by the unit), and "Xét đề nghị của …"."""
    lines: list[str] = []
    if local_government:
        lines += [
            f"Căn cứ {law.text};"
            for law in LOCAL_GOVERNMENT_LAWS
            if law.valid_from <= on and (law.valid_to is None or on <= law.valid_to)
        ]
    texts = _in_force(_AWARD_TEXTS, on)
    if _COMMUNITY_CODES & set(codes):
        texts += _in_force((ND_86_2023,), on)
    lines += [f"Căn cứ {FULL_NAMES[t.name]};" for t in texts]
    lines += [f"Căn cứ {rule.rstrip(';.')};" for rule in local_rules if rule.strip()]
    if proposed_by:
        lines.append(f"Xét đề nghị của {proposed_by}.")
    elif lines:
        lines[-1] = lines[-1][:-1] + "."
    return lines
