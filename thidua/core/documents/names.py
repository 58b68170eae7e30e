"""A form's name as its decider writes it. The catalog names the forms of the Bộ, ban, ngành,
tỉnh level once for all of them ("Bằng khen của Bộ, ban, ngành, tỉnh", Điều 26 and 72 Luật
Thi đua, khen thưởng 2022); a decision, a certificate and every list name the one body whose
head decides ("Bằng khen của Chủ tịch Ủy ban nhân dân thành phố Hải Phòng"), as does a Giấy
khen ("Giấy khen của Giám đốc Sở Giáo dục và Đào tạo", Điều 74 and 76)."""

from __future__ import annotations

from collections.abc import Callable

from thidua.core.catalog import BY_CODE
from thidua.core.documents.bodies import Body, head_of, issuer_name, lower_first

_PROVINCIAL = frozenset({"tinh", "bo"})
# Giấy khen is given by the head of any body with its own seal (Điều 74 Luật TĐKT 2022).
_ANY = frozenset(
    {
        "tinh",
        "bo",
        "so",
        "huyen",
        "xa",
        "don_vi_truc_thuoc_bo",
        "truong_hoc",
        "doanh_nghiep",
        "phong_ban",
        "khac",
    }
)


def _place_or_name(body: Body) -> str:
    return lower_first(body.name) if body.is_local_government else body.name


# code → (the kinds of body whose head decides it, how it is named after that body)
_NAMED: dict[str, tuple[frozenset[str], Callable[[Body], str]]] = {
    "bang_khen_tinh": (_PROVINCIAL, lambda b: f"Bằng khen của {head_of(b)}"),
    "co_thi_dua_tinh": (_PROVINCIAL, lambda b: f"Cờ thi đua của {issuer_name(b)}"),
    "chien_si_thi_dua_tinh": (_PROVINCIAL, lambda b: f"Chiến sĩ thi đua {_place_or_name(b)}"),
    "giay_khen": (_ANY, lambda b: f"Giấy khen của {head_of(b)}"),
}


def form_name(code: str, decider: Body | None) -> str:
    """The name of ``code`` given by ``decider``; the catalog's name where the form names no
    body (a national title or form) or the decider is not of the level that gives it."""
    named = _NAMED.get(code)
    if named is None or decider is None or decider.kind not in named[0]:
        return BY_CODE[code].name
    return named[1](decider)


def decider_kinds(code: str) -> frozenset[str]:
    """The kinds of body a form named after its decider can be given by (empty: any)."""
    named = _NAMED.get(code)
    return named[0] if named else frozenset()
