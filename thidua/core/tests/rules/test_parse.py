"""The strict reader of the JSON input: every refusal names the field."""

from __future__ import annotations

import pytest

from thidua.core.rules.parse import InputError, parse_case, parse_cases
from thidua.core.rules.vocabulary import InitiativeScope, Rating, SubjectKind, UnitKind


def person(*years: dict[str, object], **extra: object) -> dict[str, object]:
    return {"year": 2024, "subject": {"kind": "individual"}, "years": list(years), **extra}


def test_the_spec_example_is_read():
    subject = parse_case(
        {
            "year": 2024,
            "subject": {"kind": "individual", "unit_kind": "so"},
            "years": [
                {
                    "year": 2023,
                    "rating": "xuat_sac",
                    "titles": ["lao_dong_tien_tien", "chien_si_thi_dua_co_so"],
                    "initiatives": ["co_so"],
                },
                {"year": 2024, "rating": "xuat_sac", "service_months": 12, "initiatives": ["tinh"]},
            ],
        }
    )

    assert subject.kind is SubjectKind.INDIVIDUAL
    assert subject.unit_kind is UnitKind.SO
    assert subject.years[2023].granted == {"lao_dong_tien_tien", "chien_si_thi_dua_co_so"}
    assert subject.years[2024].initiatives == (InitiativeScope.TINH,)
    assert subject.years[2023].rating is Rating.XUAT_SAC


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            person({"year": 2022}, {"year": 2023}, {"year": 2021, "rating": "gioi"}),
            'years[2].rating: "gioi" không phải là một trong các giá trị xuat_sac, tot, '
            "hoan_thanh, khong_hoan_thanh",
        ),
        (
            person({"year": 2024, "service_months": "12"}),
            "years[0].service_months: cần một số nguyên",
        ),
        (person({"year": 2024, "service_months": 13}), "years[0].service_months: 13 nằm ngoài"),
        (person({"year": 2024, "service_months": True}), "years[0].service_months: cần một số"),
        (person({"year": 2025}), "years[0].year: 2025 nằm ngoài khoảng 1945–2024"),
        (person({"year": 1900}), "years[0].year: 1900 nằm ngoài"),
        (person({"rating": "tot"}), "years[0].year: thiếu trường bắt buộc"),
        (person({"year": 2024, "titles": ["cstd"]}), 'years[0].titles[0]: "cstd" không phải là mã'),
        (
            person({"year": 2024, "awards": ["co_thi_dua_tinh"]}),
            'years[0].awards[0]: "co_thi_dua_tinh" (Cờ thi đua của Bộ, ban, ngành, tỉnh) không '
            "dùng cho cá nhân",
        ),
        (
            person({"year": 2024, "titles": "lao_dong_tien_tien"}),
            "years[0].titles: cần một danh sách",
        ),
        (person({"year": 2024, "initiatives": ["huyen"]}), 'years[0].initiatives[0]: "huyen"'),
        (person({"year": 2024, "discipline": "phat"}), 'years[0].discipline: "phat"'),
        (person({"year": 2024, "members": {"total": 3}}), "years[0].members: chỉ dùng cho tập thể"),
        (person({"year": 2024}, {"year": 2024}), "years[1].year: năm 2024 đã có ở years[0]"),
        (
            person({"year": 2024, "ratting": "tot"}),
            "years[0].ratting: trường không có trong đặc tả",
        ),
        (person(note="x"), "note: trường không có trong đặc tả"),
        (
            {"year": 2017, "subject": {"kind": "individual"}},
            "year: không có bộ quy tắc cho năm 2017",
        ),
        ({"year": "2024", "subject": {"kind": "individual"}}, "year: cần một số nguyên"),
        ({"year": 2024}, "subject: thiếu trường bắt buộc"),
        ({"year": 2024, "subject": {"kind": "person"}}, 'subject.kind: "person" không phải'),
        (
            {"year": 2024, "subject": {"kind": "individual", "unit_kind": "phuong"}},
            'subject.unit_kind: "phuong" không phải là một trong các giá trị so,',
        ),
        (person(years=None), "years: cần một danh sách"),
    ],
)
def test_invalid_input_names_the_field(data, message):
    with pytest.raises(InputError) as error:
        parse_cases(data)

    assert str(error.value).startswith(message)


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"completed": 3}, "years[0].members.total: thiếu trường bắt buộc"),
        (
            {"total": 10, "lao_dong_tien_tien": 11},
            "years[0].members.lao_dong_tien_tien: 11 lớn hơn",
        ),
        ({"total": -1}, "years[0].members.total: -1 không được âm"),
        ({"total": 10, "ldtt": 7}, "years[0].members.ldtt: trường không có trong đặc tả"),
    ],
)
def test_member_counts_are_checked(members, message):
    data = {
        "year": 2024,
        "subject": {"kind": "collective"},
        "years": [{"year": 2024, "members": members}],
    }

    with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_cases(data)


def test_a_list_of_cases_prefixes_the_index():
    with pytest.raises(InputError) as error:
        parse_cases([person(), person({"year": 2024, "rating": "gioi"})])

    assert error.value.path == "[1].years[0].rating"


def test_a_list_comes_back_as_a_list():
    cases, many = parse_cases([person(), person()])

    assert many is True
    assert len(cases) == 2
    assert parse_cases(person())[1] is False


def test_null_optional_fields_are_absent():
    subject = parse_case(person({"year": 2024, "discipline": None, "rating": None}))

    assert subject.years[2024].discipline is None
    assert subject.years[2024].service_months == 12


def test_collective_fields_are_read():
    data = {
        "year": 2024,
        "subject": {"kind": "collective"},
        "years": [
            {
                "year": 2024,
                "members": {"total": 10, "lao_dong_tien_tien": 7},
                "cluster_leader": "tinh",
                "movement_leader": {"launched_by": "thu_tuong", "duration_years": 5},
            }
        ],
    }

    record = parse_case(data).years[2024]

    assert record.members is not None
    assert record.members.disciplined_canh_cao_or_above == 0
    assert record.members.completed is None
    assert record.movement_leader is not None
    assert record.movement_leader.duration_years == 5
