"""Initiatives (sáng kiến) recognised for the people whose titles need one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from thidua.demo.state import Demo, Staffer
from thidua.orgs.choices import InitiativeScope
from thidua.orgs.services import initiative_create

_LOCAL: tuple[str, ...] = (
    "Giải pháp số hóa hồ sơ hộ tịch tại {u}",
    "Ứng dụng Zalo OA tiếp nhận, trả lời phản ánh, kiến nghị của người dân tại {u}",
    "Mô hình “Tổ dân phố không rác thải nhựa” tại {u}",
    "Giải pháp nâng cao tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến tại {u}",
    "Sổ tay điện tử hướng dẫn thủ tục hành chính thường gặp tại {u}",
    "Giải pháp nâng cao hiệu quả thu ngân sách nhà nước trên địa bàn {u}",
    "Quy trình phối hợp giải quyết đơn thư, kiến nghị của công dân tại {u}",
    "Ứng dụng bản đồ số trong quản lý trật tự xây dựng tại {u}",
    "Giải pháp chi trả chính sách xã hội không dùng tiền mặt tại {u}",
    "Mô hình “Dân vận khéo” vận động hiến đất mở rộng ngõ xóm tại {u}",
    "Giải pháp quản lý, lưu trữ văn bản điện tử tại {u}",
    "Đổi mới cách bình xét thi đua theo tiêu chí định lượng tại {u}",
)
_SCHOOL: tuple[str, ...] = (
    "Đổi mới phương pháp dạy học tích cực môn Toán tại {u}",
    "Giải pháp xây dựng thư viện số phục vụ học sinh tại {u}",
    "Ứng dụng trò chơi học tập trong giờ ôn tập tại {u}",
)
_AGENCY: tuple[str, ...] = (
    "Xây dựng cơ sở dữ liệu chuyên ngành của {u}",
    "Giải pháp chuyển đổi số quy trình xử lý hồ sơ công việc tại {u}",
    "Nâng cao chất lượng tham mưu văn bản quy phạm pháp luật tại {u}",
    "Ứng dụng chữ ký số trong phát hành văn bản tại {u}",
)
_RECOGNISERS = {
    "KA": ("QĐ-UBND", "UBND quận Kiến An"),
    "DS": ("QĐ-UBND", "UBND quận Đồ Sơn"),
    "TPTN": ("QĐ-UBND", "UBND thành phố Thái Nguyên"),
    "PT": ("QĐ-UBND", "UBND quận Tây Hồ"),
}


@dataclass
class InitiativeBook:
    created: int = 0
    _numbers: dict[str, int] = field(default_factory=dict)

    def add(
        self,
        demo: Demo,
        author: Staffer,
        year: int,
        unit_code: str,
        area: str,
        colleagues: list[Staffer],
        tags: set[str],
    ) -> None:
        rng = demo.rng
        unit = demo.unit(unit_code)
        if area == "VHXH":
            templates = _AGENCY
            scope = InitiativeScope.TINH if rng.random() < 0.3 else InitiativeScope.CO_SO
        else:
            templates = _SCHOOL if unit.kind == "truong_hoc" else _LOCAL
            scope = InitiativeScope.CO_SO
        if "cstd_tinh" in tags:
            scope = InitiativeScope.TINH
        if unit_code == "HP-SKHCN" and year == 2023 and not self._numbers.get("national"):
            self._numbers["national"] = 1
            scope = InitiativeScope.TOAN_QUOC
        where = unit.name[:1].lower() + unit.name[1:]
        title = rng.choice(templates).format(u=where)
        authors = [author.person]
        others = [c for c in colleagues if c is not author]
        if others and rng.random() < 0.3:
            authors.append(rng.choice(others).person)
        initiative_create(
            year=year,
            title=title,
            scope=scope,
            authors=authors,
            unit=unit,
            recognised_by=self._recognition(demo, area, unit_code, scope, year),
        )
        self.created += 1

    def _recognition(self, demo: Demo, area: str, unit_code: str, scope: str, year: int) -> str:
        if scope == InitiativeScope.TOAN_QUOC:
            symbol, body = "QĐ-BKHCN", "Bộ Khoa học và Công nghệ"
        elif scope == InitiativeScope.TINH:
            symbol, body = "QĐ-UBND", "UBND thành phố Hải Phòng"
        elif area in _RECOGNISERS:
            symbol, body = _RECOGNISERS[area]
        else:
            agency = demo.unit("-".join(unit_code.split("-")[:2]))
            symbol, body = "QĐ-HĐSK", agency.name
        key = f"{body}/{year}"
        self._numbers[key] = self._numbers.get(key, demo.rng.randint(30, 90)) + demo.rng.randint(
            1, 4
        )
        day = date(year, demo.rng.choice((10, 11, 12)), demo.rng.randint(1, 28))
        return (
            f"Quyết định số {self._numbers[key]}/{symbol} ngày {day:%d/%m/%Y} của {body} "
            "về việc công nhận sáng kiến"
        )
