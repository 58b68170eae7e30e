"""Vietnamese text helpers: normal form, folding, collation, dates."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.core.text import (
    fold,
    format_date,
    format_date_long,
    name_sort_key,
    normalize,
    parse_date,
    sort_key,
)

VIETNAMESE_LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
)
words = st.text(alphabet=VIETNAMESE_LETTERS, min_size=1, max_size=8)
names = st.lists(words, min_size=1, max_size=4).map(lambda ws: " ".join(w.title() for w in ws))


def test_fold_finds_the_name_typed_without_diacritics():
    assert fold("Nguyễn Văn Hinh") == "nguyen van hinh"
    assert fold("ĐỒNG LIÊN") == "dong lien"
    assert fold("  Trần   Thành  Ngọ ") == "tran thanh ngo"


def test_normalize_turns_decomposed_text_into_nfc_and_trims():
    decomposed = unicodedata.normalize("NFD", " Phường  Ngọc Sơn ")
    assert normalize(decomposed) == "Phường Ngọc Sơn"
    assert unicodedata.is_normalized("NFC", normalize(decomposed))


@given(names)
def test_fold_ignores_the_unicode_form(name):
    assert fold(unicodedata.normalize("NFD", name)) == fold(name)


@given(names)
def test_fold_is_ascii_lower_case_and_idempotent(name):
    folded = fold(name)
    assert folded.isascii()
    assert folded == folded.lower()
    assert fold(folded) == folded


@given(names)
def test_sort_key_ignores_the_unicode_form(name):
    assert sort_key(unicodedata.normalize("NFD", name)) == sort_key(name)


@given(names, names)
def test_the_given_name_decides_before_the_family_name(first, second):
    given_first, given_second = first.split(" ")[-1], second.split(" ")[-1]
    if sort_key(given_first) < sort_key(given_second):
        assert name_sort_key(first) < name_sort_key(second)


def test_letters_follow_the_vietnamese_alphabet():
    ordered = ["An", "Ăn", "Ân", "Bình", "Cường", "Dũng", "Đức", "Em", "Ê", "Giang", "Yến"]
    assert sorted(ordered, key=sort_key) == ordered


def test_tones_break_ties_in_dictionary_order():
    ordered = ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(ordered, key=sort_key) == ordered


def test_a_shorter_word_comes_before_a_longer_one_it_begins():
    assert sort_key("An") < sort_key("Anh")


def test_people_sort_by_given_name_then_family_and_middle_names():
    people = ["Nguyễn Văn Hinh", "Cao Nguyễn Bình", "Trần Thị An", "Lê Văn An", "Đỗ Thị Đào"]
    assert sorted(people, key=name_sort_key) == [
        "Lê Văn An",
        "Trần Thị An",
        "Cao Nguyễn Bình",
        "Đỗ Thị Đào",
        "Nguyễn Văn Hinh",
    ]


def test_dates_are_written_day_month_year():
    assert format_date(date(2016, 9, 5)) == "05/09/2016"
    assert format_date(None) == ""


def test_the_long_date_line_follows_the_state_format():
    assert format_date_long(date(2024, 2, 5), "Hải Phòng") == "Hải Phòng, ngày 05 tháng 02 năm 2024"
    assert format_date_long(date(2024, 11, 23)) == "ngày 23 tháng 11 năm 2024"


def test_parse_date_reads_day_month_year():
    assert parse_date("05/09/2016") == date(2016, 9, 5)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/02/2024", "ngày 31/02/2024 không tồn tại."),
        ("2024-02-01", "không phải ngày theo dạng dd/mm/yyyy"),
        ("hôm qua", "không phải ngày theo dạng dd/mm/yyyy"),
    ],
)
def test_parse_date_refuses_impossible_or_malformed_dates(text, message):
    with pytest.raises(ValueError, match=message):
        parse_date(text)


def test_the_given_name_decides_whole_tones_included():
    # Found by the property above: tones of the given name come before the family name.
    assert name_sort_key("Nguyễn Văn Ha") < name_sort_key("Lê Thị Hà")
    assert name_sort_key("A Ă") < name_sort_key("Ắ")
    assert name_sort_key("Hà") < name_sort_key("Lê Thị Hà") < name_sort_key("Nguyễn Hà")


def test_counts_take_a_point_between_thousands():
    from thidua.core.text import format_count

    assert format_count(27000) == "27.000"
    assert format_count(1000000) == "1.000.000"
    assert format_count(999) == "999"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, "không"),
        (7, "bảy"),
        (10, "mười"),
        (11, "mười một"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (25, "hai mươi lăm"),
        (34, "ba mươi bốn"),
        (99, "chín mươi chín"),
    ],
)
def test_numbers_read_in_words_as_they_are_said(value, words):
    from thidua.core.text import number_in_words

    assert number_in_words(value) == words
