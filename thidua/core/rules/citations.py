"""Legal citations as data: the text, the article, clause and point, and how sure we are.

Written the way Vietnamese legal documents cite (Nghị định 30/2020/NĐ-CP): "Điểm d khoản 1
Điều 74 Luật Thi đua, khen thưởng số 06/2022/QH15" — the first word capitalised, "Điều" always.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Confidence(StrEnum):
    """The tags of ``shared/domain/law.md``: read in the official text, read in a source quoting
    it, or uncertain (a setting with the most likely default)."""

    V1 = "V1"
    V2 = "V2"
    U = "U"


@dataclass(frozen=True, slots=True)
class LegalText:
    name: str
    valid_from: date
    valid_to: date | None = None

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation:
    document: LegalText
    article: int | None = None
    clause: int | None = None
    point: str | None = None
    confidence: Confidence = Confidence.V2
    # What the citation points at when it is not an article: "quy định của tỉnh" and the like.
    note: str = ""

    @property
    def text(self) -> str:
        parts: list[str] = []
        if self.point:
            parts.append(f"điểm {self.point}")
        if self.clause is not None:
            parts.append(f"khoản {self.clause}")
        if self.article is not None:
            parts.append(f"Điều {self.article}")
        parts.append(self.document.name)
        if self.note:
            parts.append(f"({self.note})")
        sentence = " ".join(parts)
        return sentence[0].upper() + sentence[1:]


@dataclass(frozen=True, slots=True)
class Cite:
    """Citations of one text: ``law = Cite(LAW_2022)``; ``law(74, 1, "d")``."""

    document: LegalText

    def __call__(
        self,
        article: int | None = None,
        clause: int | None = None,
        point: str | None = None,
        *,
        confidence: Confidence = Confidence.V2,
        note: str = "",
    ) -> Citation:
        return Citation(
            document=self.document,
            article=article,
            clause=clause,
            point=point,
            confidence=confidence,
            note=note,
        )


LAW_2022 = LegalText("Luật Thi đua, khen thưởng số 06/2022/QH15", date(2024, 1, 1))
LAW_2013 = LegalText(
    "Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2009, 2013)",
    date(2014, 6, 1),
    date(2023, 12, 31),
)
ND_91_2017 = LegalText("Nghị định số 91/2017/NĐ-CP", date(2017, 10, 1), date(2023, 12, 31))
ND_98_2023 = LegalText("Nghị định số 98/2023/NĐ-CP", date(2024, 1, 1), date(2025, 6, 30))
ND_152_2025 = LegalText("Nghị định số 152/2025/NĐ-CP", date(2025, 7, 1))
ND_86_2023 = LegalText("Nghị định số 86/2023/NĐ-CP", date(2024, 1, 30))
ND_122_2018 = LegalText("Nghị định số 122/2018/NĐ-CP", date(2018, 11, 1), date(2024, 1, 29))
TT_01_2024 = LegalText("Thông tư số 01/2024/TT-BNV", date(2024, 4, 15))
TT_08_2017 = LegalText("Thông tư số 08/2017/TT-BNV", date(2017, 12, 15), date(2019, 12, 31))
TT_12_2019 = LegalText("Thông tư số 12/2019/TT-BNV", date(2020, 1, 1), date(2023, 12, 31))
LOCAL_RULES = LegalText("Quy định của Bộ, ban, ngành, tỉnh", date(1945, 1, 1))
