"""The annual summary paragraph, from counts (no database)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.core.catalog import CATALOG, RECIPIENT_LABELS, Recipient
from thidua.core.reports import (
    AwardCount,
    Summary,
    award_phrase,
    common_issuer,
    issuer_short_name,
    scope_phrase,
    sort_counts,
    summary_paragraph,
)

P, C, H, E = Recipient.INDIVIDUAL, Recipient.COLLECTIVE, Recipient.HOUSEHOLD, Recipient.ENTERPRISE


def count(code: str, recipient: Recipient, n: int) -> AwardCount:
    return AwardCount(code=code, recipient=recipient, count=n)


# The figures of seed 000 (cụm thi đua khối phường, quận Kiến An, 2023), in no useful order.
SEED_COUNTS = [
    count("lao_dong_tien_tien", P, 210),
    count("giay_khen", P, 39),
    count("chien_si_thi_dua_co_so", P, 23),
    count("bang_khen_tinh", P, 2),
    count("giay_khen", C, 2),
    count("tap_the_lao_dong_tien_tien", C, 8),
    count("bang_khen_tinh", C, 2),
    count("tap_the_lao_dong_xuat_sac", C, 3),
    count("co_thi_dua_tinh", C, 1),
]
SEED_ISSUERS = {
    "co_thi_dua_tinh": "UBND thành phố",
    "bang_khen_tinh": "UBND thành phố",
    "giay_khen": "UBND quận",
}
# Seed 000 writes the forms in lower case ("được tặng cờ thi đua"); the contract
# (spec/report.md) and the law write their names with a capital, as here.
SEED_PARAGRAPH = (
    "Năm 2023, cụm thi đua khối phường có 1 tập thể được tặng Cờ thi đua của UBND thành phố, "
    "3 tập thể đạt danh hiệu “Tập thể lao động xuất sắc”, 8 tập thể đạt danh hiệu “Tập thể lao "
    "động tiên tiến”, 2 tập thể và 2 cá nhân được tặng Bằng khen của UBND thành phố, 2 tập thể "
    "và 39 cá nhân được tặng Giấy khen của UBND quận, 23 cá nhân đạt danh hiệu “Chiến sĩ thi "
    "đua cơ sở”, 210 cá nhân đạt danh hiệu “Lao động tiên tiến”."
)


def test_the_seed_paragraph_comes_out_of_the_seed_counts():
    text = summary_paragraph(
        year=2023,
        scope_name="Cụm thi đua khối phường",
        counts=SEED_COUNTS,
        issuers=SEED_ISSUERS,
    )

    assert text == SEED_PARAGRAPH


def test_the_seed_paragraph_matches_the_seed_up_to_the_capitals_of_the_forms():
    seed = (
        "Năm 2023, cụm thi đua khối phường có 1 tập thể được tặng cờ thi đua của UBND thành "
        "phố, 3 tập thể đạt danh hiệu “Tập thể lao động xuất sắc”, 8 tập thể đạt danh hiệu “Tập "
        "thể lao động tiên tiến”, 2 tập thể và 2 cá nhân được tặng bằng khen của UBND thành "
        "phố, 2 tập thể và 39 cá nhân được tặng giấy khen của UBND quận, 23 cá nhân đạt danh "
        "hiệu “Chiến sĩ thi đua cơ sở”, 210 cá nhân đạt danh hiệu “Lao động tiên tiến”."
    )
    for form in ("Cờ thi đua", "Bằng khen", "Giấy khen"):
        seed = seed.replace(f"được tặng {form.lower()}", f"được tặng {form}")

    assert seed == SEED_PARAGRAPH


def test_counts_of_zero_are_left_out():
    text = summary_paragraph(
        year=2024,
        scope_name="Quận Đồ Sơn",
        counts=[
            count("giay_khen", C, 0),
            count("giay_khen", P, 5),
            count("lao_dong_tien_tien", P, 0),
        ],
    )

    assert text == "Năm 2024, quận Đồ Sơn có 5 cá nhân được tặng Giấy khen."


def test_nothing_recorded_says_so():
    text = summary_paragraph(year=2019, scope_name="Quận Đồ Sơn", counts=[count("giay_khen", P, 0)])

    assert (
        text == "Năm 2019, quận Đồ Sơn không có danh hiệu thi đua, hình thức khen thưởng nào được "
        "ghi nhận."
    )


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([count("giay_khen", P, 1)], "1 cá nhân được tặng Giấy khen"),
        ([count("giay_khen", P, 4), count("giay_khen", C, 3)], "3 tập thể và 4 cá nhân"),
        (
            [count("giay_khen", P, 4), count("giay_khen", H, 2), count("giay_khen", C, 3)],
            "3 tập thể, 2 hộ gia đình và 4 cá nhân được tặng Giấy khen",
        ),
        (
            [count("bang_khen_tinh", E, 1), count("bang_khen_tinh", C, 2)],
            "2 tập thể và 1 doanh nghiệp được tặng Bằng khen",
        ),
        (
            [count("gia_dinh_van_hoa", H, 1520)],
            "1.520 hộ gia đình đạt danh hiệu “Gia đình văn hóa”",
        ),
    ],
)
def test_recipients_of_one_honour_are_joined(counts, expected):
    text = summary_paragraph(year=2023, scope_name="Phường Ngọc Sơn", counts=counts)

    assert expected in text
    assert text.startswith("Năm 2023, phường Ngọc Sơn có ")


def test_repeated_counts_of_one_honour_and_recipient_add_up():
    counts = [count("lao_dong_tien_tien", P, 2), count("lao_dong_tien_tien", P, 3)]

    assert (count("lao_dong_tien_tien", P, 5),) == sort_counts(counts)


def test_counts_sort_by_precedence_then_recipient():
    shuffled = [
        count("lao_dong_tien_tien", P, 1),
        count("giay_khen", P, 1),
        count("giay_khen", C, 1),
        count("chien_si_thi_dua_toan_quoc", P, 1),
        count("bang_khen_tinh", H, 1),
        count("bang_khen_tinh", E, 1),
        count("co_thi_dua_chinh_phu", C, 1),
    ]

    ordered = [(c.code, c.recipient.value) for c in sort_counts(shuffled)]

    assert ordered == [
        ("co_thi_dua_chinh_phu", "collective"),
        ("chien_si_thi_dua_toan_quoc", "individual"),
        ("bang_khen_tinh", "enterprise"),
        ("bang_khen_tinh", "household"),
        ("giay_khen", "collective"),
        ("giay_khen", "individual"),
        ("lao_dong_tien_tien", "individual"),
    ]


def test_the_paragraph_puts_collective_titles_then_forms_then_individual_titles():
    counts = [
        count("lao_dong_tien_tien", P, 1),
        count("gia_dinh_van_hoa", H, 1),
        count("chien_si_thi_dua_toan_quoc", P, 1),
        count("giay_khen", P, 1),
        count("huan_chuong_lao_dong_hang_ba", C, 1),
        count("tap_the_lao_dong_tien_tien", C, 1),
        count("co_thi_dua_chinh_phu", C, 1),
    ]

    text = summary_paragraph(year=2023, scope_name="Tỉnh Thái Nguyên", counts=counts)

    phrases = [
        "được tặng Cờ thi đua của Chính phủ",
        "“Tập thể lao động tiên tiến”",
        "được tặng Huân chương Lao động hạng Ba",
        "được tặng Giấy khen",
        "“Chiến sĩ thi đua toàn quốc”",
        "“Lao động tiên tiến”",
        "“Gia đình văn hóa”",
    ]
    positions = [text.index(p) for p in phrases]
    assert sorted(positions) == positions


@pytest.mark.parametrize(
    ("code", "issuer", "expected"),
    [
        ("co_thi_dua_tinh", "UBND thành phố", "được tặng Cờ thi đua của UBND thành phố"),
        ("co_thi_dua_tinh", None, "được tặng Cờ thi đua của Bộ, ban, ngành, tỉnh"),
        ("bang_khen_tinh", "Bộ Công an", "được tặng Bằng khen của Bộ Công an"),
        ("giay_khen", "UBND quận", "được tặng Giấy khen của UBND quận"),
        ("giay_khen", None, "được tặng Giấy khen"),
        ("bang_khen_thu_tuong", "UBND quận", "được tặng Bằng khen của Thủ tướng Chính phủ"),
        ("co_thi_dua_chinh_phu", None, "được tặng Cờ thi đua của Chính phủ"),
        ("chien_si_thi_dua_co_so", "UBND quận", "đạt danh hiệu “Chiến sĩ thi đua cơ sở”"),
        ("tap_the_lao_dong_xuat_sac", None, "đạt danh hiệu “Tập thể lao động xuất sắc”"),
    ],
)
def test_titles_are_reached_and_forms_and_flags_are_given(code, issuer, expected):
    assert expected == award_phrase(code, issuer)


@pytest.mark.parametrize(
    ("body", "unit_label", "expected"),
    [
        ("UBND thành phố Hải Phòng", "", "UBND thành phố"),
        ("UBND quận Kiến An", "", "UBND quận"),
        ("Ủy ban nhân dân tỉnh Thái Nguyên", "", "UBND tỉnh"),
        ("Uỷ ban nhân dân  huyện  Phú Bình", "", "UBND huyện"),
        ("UBND thị xã Phổ Yên", "", "UBND thị xã"),
        ("UBND xã Đồng Liên", "", "UBND xã"),
        ("UBND Phường Ngọc Sơn", "", "UBND phường"),
        ("Chủ tịch UBND quận Đồ Sơn", "", "Chủ tịch UBND quận"),
        ("Bộ Giáo dục và Đào tạo", "", "Bộ Giáo dục và Đào tạo"),
        ("Thủ tướng Chính phủ", "", "Thủ tướng Chính phủ"),
        ("", "Quận", "UBND quận"),
        ("", "Văn phòng", None),
        ("  ", "", None),
    ],
)
def test_issuing_bodies_are_named_by_their_level(body, unit_label, expected):
    assert expected == issuer_short_name(body, unit_label=unit_label)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["UBND quận", "UBND quận"], "UBND quận"),
        (["UBND quận", "UBND thành phố"], None),
        (["UBND quận", None], None),
        ([], None),
    ],
)
def test_an_issuer_is_named_only_when_every_decision_agrees(names, expected):
    assert expected == common_issuer(names)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Cụm thi đua khối phường", "cụm thi đua khối phường"),
        ("Khối thi đua các sở, ngành", "khối thi đua các sở, ngành"),
        ("Quận Đồ Sơn", "quận Đồ Sơn"),
        ("Thành phố Hải Phòng", "thành phố Hải Phòng"),
        ("Thị trấn Hương Sơn", "thị trấn Hương Sơn"),
        ("quận Kiến An", "quận Kiến An"),
        ("Văn phòng HĐND và UBND quận Kiến An", "Văn phòng HĐND và UBND quận Kiến An"),
        ("Thành đoàn Hải Phòng", "Thành đoàn Hải Phòng"),
        ("QUẬN ĐỒ SƠN", "QUẬN ĐỒ SƠN"),
    ],
)
def test_scope_names_read_naturally_inside_the_sentence(name, expected):
    assert expected == scope_phrase(name)


def test_the_summary_gives_the_json_of_the_contract():
    summary = Summary(
        year=2023,
        scope_kind="cluster",
        scope_code="HP-KA-CUM-PHUONG",
        scope_name="Cụm thi đua khối phường",
        counts=tuple(SEED_COUNTS),
        issuers=SEED_ISSUERS,
    )

    data = summary.as_json()

    assert {k: data[k] for k in ("year", "scope")} == {
        "year": 2023,
        "scope": {"kind": "cluster", "code": "HP-KA-CUM-PHUONG"},
    }
    assert data["counts"] == [
        {"code": "co_thi_dua_tinh", "recipient": "collective", "count": 1},
        {"code": "bang_khen_tinh", "recipient": "collective", "count": 2},
        {"code": "bang_khen_tinh", "recipient": "individual", "count": 2},
        {"code": "tap_the_lao_dong_xuat_sac", "recipient": "collective", "count": 3},
        {"code": "chien_si_thi_dua_co_so", "recipient": "individual", "count": 23},
        {"code": "tap_the_lao_dong_tien_tien", "recipient": "collective", "count": 8},
        {"code": "giay_khen", "recipient": "collective", "count": 2},
        {"code": "giay_khen", "recipient": "individual", "count": 39},
        {"code": "lao_dong_tien_tien", "recipient": "individual", "count": 210},
    ]
    assert data["text"] == SEED_PARAGRAPH


@pytest.mark.parametrize(("code", "n"), [("khong_co", 1), ("giay_khen", -1)])
def test_a_count_must_name_a_catalog_honour_and_not_be_negative(code, n):
    with pytest.raises(ValueError, match=code if n > 0 else "negative"):
        AwardCount(code=code, recipient=P, count=n)


# -- property: every non-zero count is said exactly once, next to its own honour ----------

PAIRS = [
    (a.code, r) for a in CATALOG for r in (P, C, H, E) if a.accepts(r)
]  # what the catalog allows
counts_strategy = st.lists(
    st.tuples(st.sampled_from(PAIRS), st.integers(min_value=0, max_value=100_000)),
    max_size=25,
).map(lambda xs: [count(code, r, n) for (code, r), n in xs])
issuers_strategy = st.dictionaries(
    st.sampled_from(["co_thi_dua_tinh", "bang_khen_tinh", "giay_khen"]),
    st.sampled_from(["UBND thành phố", "UBND quận", "UBND tỉnh", "Bộ Công an"]),
)
MENTION = re.compile(r"(\d{1,3}(?:\.\d{3})*) (tập thể|cá nhân|hộ gia đình|doanh nghiệp)")
LABEL_TO_RECIPIENT = {label: r for r, label in RECIPIENT_LABELS.items()}


@given(counts=counts_strategy, issuers=issuers_strategy)
def test_the_paragraph_mentions_every_non_zero_count_exactly_once(counts, issuers):
    expected: Counter[tuple[str, Recipient]] = Counter()
    for c in counts:
        expected[c.code, c.recipient] += c.count
    expected = +expected  # drops zeros

    text = summary_paragraph(year=2023, scope_name="Quận Kiến An", counts=counts, issuers=issuers)

    # Each honour appears once; the mentions between it and the one before are its counts.
    phrases = {code: award_phrase(code, issuers.get(code)) for code, _ in expected}
    for phrase in phrases.values():
        assert text.count(phrase) == 1
    starts = sorted((text.index(p), code) for code, p in phrases.items())
    said: Counter[tuple[str, Recipient]] = Counter()
    previous_end = 0
    for start, code in starts:
        for number, label in MENTION.findall(text[previous_end:start]):
            key = (code, LABEL_TO_RECIPIENT[label])
            assert key not in said
            said[key] = int(number.replace(".", ""))
        previous_end = start + len(phrases[code])
    assert expected == said
    assert MENTION.findall(text[previous_end:]) == []
    assert text.endswith(".")
