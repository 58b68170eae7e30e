"""Plausible Vietnamese names, drawn with the frequency of family names in the population.

Family-name weights follow the usual survey figures (Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9.5 %,
Phạm ≈ 7 %, …); the places of the demo are in the North, so Hoàng and Vũ outweigh Huỳnh and Võ.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

FAMILY_NAMES: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 38.4),
    ("Trần", 11.0),
    ("Lê", 9.5),
    ("Phạm", 7.1),
    ("Hoàng", 4.5),
    ("Huỳnh", 0.6),
    ("Phan", 4.5),
    ("Vũ", 3.4),
    ("Võ", 0.5),
    ("Đặng", 2.1),
    ("Bùi", 2.0),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1.0),
    ("Lý", 0.5),
    ("Đào", 0.9),
    ("Đoàn", 0.7),
    ("Trịnh", 0.6),
    ("Mai", 0.5),
    ("Lương", 0.4),
    ("Cao", 0.4),
    ("Tạ", 0.3),
    ("Lưu", 0.3),
    ("Phí", 0.2),
)

MALE_MIDDLE = (
    "Văn",
    "Văn",
    "Văn",
    "Đức",
    "Minh",
    "Quang",
    "Hữu",
    "Xuân",
    "Thanh",
    "Tiến",
    "Mạnh",
    "Công",
    "Ngọc",
    "Trung",
    "Duy",
    "Quốc",
    "Anh",
    "Hoàng",
)
FEMALE_MIDDLE = (
    "Thị",
    "Thị",
    "Thị",
    "Thị",
    "Thu",
    "Thanh",
    "Ngọc",
    "Minh",
    "Phương",
    "Hồng",
    "Thúy",
    "Kim",
    "Bích",
    "Hải",
)
FEMALE_SECOND_MIDDLE = ("Thu", "Thanh", "Ngọc", "Minh", "Hồng", "Phương", "Lan", "Thúy")
MALE_GIVEN = (
    "Hùng",
    "Dũng",
    "Tuấn",
    "Minh",
    "Hải",
    "Sơn",
    "Long",
    "Thắng",
    "Cường",
    "Nam",
    "Quân",
    "Tùng",
    "Hiếu",
    "Đức",
    "Trung",
    "Việt",
    "Thành",
    "Huy",
    "Khánh",
    "Phong",
    "Tú",
    "Hưng",
    "Toàn",
    "Bình",
    "Kiên",
    "Lâm",
    "Thịnh",
    "Quang",
    "Vinh",
    "Tiến",
    "Đạt",
    "Hậu",
    "Thái",
    "Nghĩa",
    "Phúc",
    "Chiến",
    "Tâm",
    "Lợi",
    "Hoàn",
    "Trường",
)
FEMALE_GIVEN = (
    "Lan",
    "Hương",
    "Hoa",
    "Mai",
    "Linh",
    "Hà",
    "Thảo",
    "Trang",
    "Huyền",
    "Ngọc",
    "Yến",
    "Nga",
    "Phương",
    "Thủy",
    "Hằng",
    "Nhung",
    "Loan",
    "Dung",
    "Oanh",
    "Vân",
    "Giang",
    "Hạnh",
    "Hiền",
    "Liên",
    "Thu",
    "Tuyết",
    "Quỳnh",
    "Anh",
    "Chi",
    "Nhàn",
    "Thơm",
    "Duyên",
    "Lụa",
    "Huệ",
)


@dataclass(frozen=True)
class Name:
    full_name: str
    gender: str  # "nam" | "nu"


class NameMaker:
    """Draws names from a seeded generator; never the same full name twice."""

    def __init__(self, rng: random.Random, taken: set[str] | None = None) -> None:
        self.rng = rng
        self.taken: set[str] = set(taken or ())
        self._families = [f for f, _ in FAMILY_NAMES]
        self._weights = [w for _, w in FAMILY_NAMES]

    def family(self) -> str:
        return self.rng.choices(self._families, self._weights)[0]

    def make(self, gender: str | None = None) -> Name:
        gender = gender or self.rng.choice(("nam", "nu"))
        for _ in range(50):
            family = self.family()
            if gender == "nam":
                middle = self.rng.choice(MALE_MIDDLE)
                given = self.rng.choice(MALE_GIVEN)
                full = f"{family} {middle} {given}"
            else:
                middle = self.rng.choice(FEMALE_MIDDLE)
                given = self.rng.choice(FEMALE_GIVEN)
                if middle == "Thị" and self.rng.random() < 0.25:
                    middle = f"Thị {self.rng.choice(FEMALE_SECOND_MIDDLE)}"
                full = f"{family} {middle} {given}"
            if full not in self.taken and given not in middle.split():
                self.taken.add(full)
                return Name(full, gender)
        raise RuntimeError("Không sinh được tên mới.")  # pragma: no cover - 50 draws suffice
