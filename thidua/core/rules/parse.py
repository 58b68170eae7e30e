"""The JSON input of ``thidua rules evaluate`` (``shared/spec/rules-cli.md``, "Input"), read
strictly: anything the contract does not allow is refused with the path of the field, so that
``years[2].rating: "gioi" không phải là một trong các giá trị xuat_sac, tot, …`` tells the
user exactly what to mend. Nothing is guessed and nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import TypeVar

from thidua.core.catalog import BY_CODE, Recipient
from thidua.core.rules.facts import FULL_YEAR_MONTHS, Case, Members, MovementLead, YearRecord
from thidua.core.rules.registry import NoRuleSetError, rule_set_for_year
from thidua.core.rules.vocabulary import (
    SUBJECT_LABELS,
    ClusterLevel,
    Discipline,
    InitiativeScope,
    MovementLauncher,
    Rating,
    SubjectKind,
    UnitKind,
)

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")

FIRST_YEAR = 1945  # the first year of the Republic: no award history before it

_CASE_FIELDS = frozenset({"year", "subject", "years"})
_SUBJECT_FIELDS = frozenset({"kind", "unit_kind"})
_RECORD_FIELDS = frozenset(
    {
        "year",
        "rating",
        "service_months",
        "discipline",
        "initiatives",
        "titles",
        "awards",
        "members",
        "cluster_leader",
        "movement_leader",
        "exclusions",
    }
)
_COLLECTIVE_ONLY = frozenset({"members", "cluster_leader", "movement_leader"})
_HOUSEHOLD_ONLY = frozenset({"exclusions"})
_MEMBER_FIELDS = (
    "total",
    "completed",
    "lao_dong_tien_tien",
    "chien_si_thi_dua_co_so",
    "disciplined_canh_cao_or_above",
)
_MOVEMENT_FIELDS = frozenset({"launched_by", "duration_years"})


class InputError(ValueError):
    """Invalid input; ``path`` names the field (``years[2].rating``), ``message`` says why."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


def parse_cases(value: object) -> tuple[list[Case], bool]:
    """One case or a list of cases; the flag says whether a list came in (a list goes out)."""
    if isinstance(value, list):
        if not value:
            raise InputError("", "danh sách trường hợp rỗng")
        return [parse_case(item, f"[{i}]") for i, item in enumerate(value)], True
    return [parse_case(value)], False


def parse_case(value: object, path: str = "") -> Case:
    data = _object(value, path, _CASE_FIELDS)
    year = _integer(_required(data, "year", path), _at(path, "year"))
    try:
        rule_set_for_year(year)
    except NoRuleSetError as error:
        raise InputError(_at(path, "year"), str(error)) from error
    subject_path = _at(path, "subject")
    subject = _object(_required(data, "subject", path), subject_path, _SUBJECT_FIELDS)
    kind = _choice(_required(subject, "kind", subject_path), _at(subject_path, "kind"), SubjectKind)
    unit_kind_value = subject.get("unit_kind")
    unit_kind = (
        None
        if unit_kind_value is None
        else _choice(unit_kind_value, _at(subject_path, "unit_kind"), UnitKind)
    )
    years_path = _at(path, "years")
    records: dict[int, YearRecord] = {}
    where: dict[int, int] = {}
    for i, item in enumerate(_list(data.get("years", []), years_path)):
        record_path = f"{years_path}[{i}]"
        record = _record(item, record_path, kind=kind, evaluation_year=year)
        if record.year in records:
            raise InputError(
                _at(record_path, "year"),
                f"năm {record.year} đã có ở {years_path}[{where[record.year]}]",
            )
        records[record.year] = record
        where[record.year] = i
    return Case(year=year, kind=kind, unit_kind=unit_kind, years=records)


def _record(value: object, path: str, *, kind: SubjectKind, evaluation_year: int) -> YearRecord:
    data = _object(value, path, _RECORD_FIELDS)
    for name in data:
        if name in _COLLECTIVE_ONLY and kind is not SubjectKind.COLLECTIVE:
            raise InputError(_at(path, name), "chỉ dùng cho tập thể")
        if name in _HOUSEHOLD_ONLY and kind is not SubjectKind.HOUSEHOLD:
            raise InputError(_at(path, name), "chỉ dùng cho hộ gia đình")
    year = _integer(_required(data, "year", path), _at(path, "year"))
    if year < FIRST_YEAR or year > evaluation_year:
        raise InputError(
            _at(path, "year"), f"{year} nằm ngoài khoảng {FIRST_YEAR}–{evaluation_year} (năm xét)"
        )
    months_path = _at(path, "service_months")
    months = data.get("service_months")
    service_months = FULL_YEAR_MONTHS if months is None else _integer(months, months_path)
    if not 0 <= service_months <= FULL_YEAR_MONTHS:
        raise InputError(months_path, f"{service_months} nằm ngoài khoảng 0–{FULL_YEAR_MONTHS}")
    granted = {
        code
        for field in ("titles", "awards")
        for code in _items(data, field, path, lambda v, p: _code(v, p, kind))
    }
    return YearRecord(
        year=year,
        rating=_optional(data, "rating", path, lambda v, p: _choice(v, p, Rating)),
        service_months=service_months,
        discipline=_optional(data, "discipline", path, lambda v, p: _choice(v, p, Discipline)),
        initiatives=tuple(
            _items(data, "initiatives", path, lambda v, p: _choice(v, p, InitiativeScope))
        ),
        granted=frozenset(granted),
        members=_optional(data, "members", path, _members),
        cluster_leader=_optional(
            data, "cluster_leader", path, lambda v, p: _choice(v, p, ClusterLevel)
        ),
        movement_leader=_optional(data, "movement_leader", path, _movement),
        exclusions=tuple(_items(data, "exclusions", path, _token)),
    )


def _members(value: object, path: str) -> Members:
    data = _object(value, path, frozenset(_MEMBER_FIELDS))
    total = _count(_required(data, "total", path), _at(path, "total"))
    counts: dict[str, int | None] = {}
    for name in _MEMBER_FIELDS[1:]:
        raw = data.get(name)
        counts[name] = None if raw is None else _count(raw, _at(path, name))
        count = counts[name]
        if count is not None and count > total:
            raise InputError(_at(path, name), f"{count} lớn hơn tổng số thành viên ({total})")
    return Members(
        total=total,
        completed=counts["completed"],
        lao_dong_tien_tien=counts["lao_dong_tien_tien"],
        chien_si_thi_dua_co_so=counts["chien_si_thi_dua_co_so"],
        disciplined_canh_cao_or_above=counts["disciplined_canh_cao_or_above"] or 0,
    )


def _movement(value: object, path: str) -> MovementLead:
    data = _object(value, path, _MOVEMENT_FIELDS)
    launched_by = _choice(
        _required(data, "launched_by", path), _at(path, "launched_by"), MovementLauncher
    )
    duration_path = _at(path, "duration_years")
    duration = _integer(_required(data, "duration_years", path), duration_path)
    if duration < 1:
        raise InputError(duration_path, f"{duration} phải từ 1 trở lên")
    return MovementLead(launched_by=launched_by, duration_years=duration)


def _code(value: object, path: str, kind: SubjectKind) -> str:
    code = _string(value, path)
    award = BY_CODE.get(code)
    if award is None:
        raise InputError(
            path,
            f'"{code}" không phải là mã danh hiệu, hình thức khen thưởng '
            "(xem thidua rules catalog)",
        )
    if not award.accepts(Recipient(kind.value)):
        raise InputError(path, f'"{code}" ({award.name}) không dùng cho {SUBJECT_LABELS[kind]}')
    return code


def _token(value: object, path: str) -> str:
    text = _string(value, path).strip()
    if not text:
        raise InputError(path, "không được để trống")
    return text


# -- JSON shapes ------------------------------------------------------------------------------


def _at(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"số nguyên {value}"
    if isinstance(value, float):
        return f"số {value}"
    if isinstance(value, str):
        return f'chuỗi "{value}"'
    if isinstance(value, list):
        return "danh sách"
    return "đối tượng"


def _wrong(path: str, expected: str, value: object) -> InputError:
    return InputError(path, f"cần {expected}, nhận được {_describe(value)}")


def _object(value: object, path: str, fields: frozenset[str]) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise _wrong(path or "(gốc)", "một đối tượng JSON", value)
    for name in value:
        if name not in fields:
            raise InputError(
                _at(path, name),
                "trường không có trong đặc tả (các trường: " + ", ".join(sorted(fields)) + ")",
            )
    return value


def _required(data: Mapping[str, object], name: str, path: str) -> object:
    if data.get(name) is None:
        raise InputError(_at(path, name), "thiếu trường bắt buộc")
    return data[name]


def _list(value: object, path: str) -> list[object]:
    if not isinstance(value, list):
        raise _wrong(path, "một danh sách", value)
    return value


def _integer(value: object, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _wrong(path, "một số nguyên", value)
    return value


def _count(value: object, path: str) -> int:
    number = _integer(value, path)
    if number < 0:
        raise InputError(path, f"{number} không được âm")
    return number


def _string(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise _wrong(path, "một chuỗi", value)
    return value


def _choice(value: object, path: str, choices: type[E]) -> E:
    allowed = ", ".join(c.value for c in choices)
    if not isinstance(value, str):
        raise _wrong(path, f"một trong các giá trị {allowed}", value)
    try:
        return choices(value)
    except ValueError:
        raise InputError(path, f'"{value}" không phải là một trong các giá trị {allowed}') from None


def _optional(
    data: Mapping[str, object], name: str, path: str, read: Callable[[object, str], T]
) -> T | None:
    value = data.get(name)
    return None if value is None else read(value, _at(path, name))


def _items(
    data: Mapping[str, object], name: str, path: str, read: Callable[[object, str], T]
) -> list[T]:
    value = data.get(name)
    if value is None:
        return []
    list_path = _at(path, name)
    return [read(item, f"{list_path}[{i}]") for i, item in enumerate(_list(value, list_path))]
