"""The words a workbook may use for a coded value, and the word export writes back.

A cell matches a word or the code itself ignoring case, diacritics' Unicode form and
spacing; the first word listed for a code is the one written on export and offered in the
template's drop-down lists.
"""

from __future__ import annotations

from collections.abc import Iterable

from thidua.core.catalog import CATALOG
from thidua.core.text import fold

SEEN = 1000  # spellings remembered per vocabulary: bounded, whatever a file holds


class Vocabulary:
    def __init__(
        self, words: Iterable[tuple[str, str]], *, describe: str, list_in_errors: bool = True
    ) -> None:
        self.describe = describe
        self.list_in_errors = list_in_errors
        self._by_key: dict[str, str] = {}
        self._seen: dict[str, str | None] = {}  # cell text → code: a column repeats its words
        self._word: dict[str, str] = {}
        self.words: list[str] = []  # one per code, the one export writes
        self.all_words: list[str] = []  # every accepted word, for the template's lists
        for code, word in words:
            if word != code and word not in self.all_words:
                self.all_words.append(word)
            self._by_key.setdefault(fold(word), code)
            self._by_key.setdefault(fold(code), code)
            if code not in self._word:
                self._word[code] = word
                self.words.append(word)

    def code(self, text: str) -> str | None:
        try:
            return self._seen[text]
        except KeyError:
            code = self._by_key.get(fold(text))
            if len(self._seen) < SEEN:
                self._seen[text] = code
            return code

    def word(self, code: str) -> str:
        return self._word.get(code, code)

    def unknown(self, text: str) -> str:
        if not self.list_in_errors:
            return f"“{text}” không phải {self.describe} (xem trang HuongDan)."
        shown = ", ".join(self.all_words)
        return f"“{text}” không phải {self.describe}; ghi một trong: {shown}."


RECIPIENT_KIND = Vocabulary(
    [
        ("individual", "Cá nhân"),
        ("collective", "Tập thể"),
        ("household", "Hộ gia đình"),
        ("enterprise", "Doanh nghiệp"),
    ],
    describe="loại đối tượng",
)
# Assessments are of people and units only.
ASSESSED_KIND = Vocabulary(
    [("individual", "Cá nhân"), ("collective", "Tập thể")], describe="loại đối tượng đánh giá"
)
RATING = Vocabulary(
    [
        ("xuat_sac", "Hoàn thành xuất sắc nhiệm vụ"),
        ("tot", "Hoàn thành tốt nhiệm vụ"),
        ("hoan_thanh", "Hoàn thành nhiệm vụ"),
        ("khong_hoan_thanh", "Không hoàn thành nhiệm vụ"),
    ],
    describe="mức độ hoàn thành nhiệm vụ",
)
DISCIPLINE = Vocabulary(
    [
        ("khien_trach", "Khiển trách"),
        ("canh_cao", "Cảnh cáo"),
        ("ha_bac_luong", "Hạ bậc lương"),
        ("giang_chuc", "Giáng chức"),
        ("cach_chuc", "Cách chức"),
        ("buoc_thoi_viec", "Buộc thôi việc"),
    ],
    describe="hình thức kỷ luật",
)
GENDER = Vocabulary([("nam", "Nam"), ("nu", "Nữ")], describe="giới tính")
CLUSTER_KIND = Vocabulary(
    [("cum", "Cụm"), ("khoi", "Khối"), ("cum", "Cụm thi đua"), ("khoi", "Khối thi đua")],
    describe="loại cụm, khối",
)
MEMBER_ROLE = Vocabulary(
    [
        ("leader", "Cụm trưởng"),
        ("leader", "Khối trưởng"),
        ("deputy", "Cụm phó"),
        ("deputy", "Khối phó"),
        ("member", "Thành viên"),
    ],
    describe="vai trò trong cụm, khối",
)
SCOPE = Vocabulary(
    [
        ("co_so", "Cơ sở"),
        ("tinh", "Tỉnh"),
        ("tinh", "Bộ"),
        ("tinh", "Ngành"),
        ("tinh", "Bộ, ngành, tỉnh"),
        ("toan_quoc", "Toàn quốc"),
    ],
    describe="phạm vi ảnh hưởng",
)
# A title or form by its code or by its name in the catalog (rules-cli.md).
AWARD = Vocabulary(
    [(a.code, a.name) for a in CATALOG] + [(a.code, a.code) for a in CATALOG],
    describe="mã danh hiệu, hình thức khen thưởng",
    list_in_errors=False,
)


def role_word(role: str, cluster_kind: str) -> str:
    """ "Khối trưởng" in a khối, "Cụm trưởng" in a cụm."""
    prefix = "Khối" if cluster_kind == "khoi" else "Cụm"
    return {"leader": f"{prefix} trưởng", "deputy": f"{prefix} phó"}.get(role, "Thành viên")
