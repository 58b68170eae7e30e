"""Every form of the emulation pages, walked with what people really send: valid values
(done), a text far over its limit, everything empty, malformed numbers, dates, choices and
characters. None ends in a server error; each refused form comes back with what was typed,
its refusal in an office's words (none of Django's own sentences, no "---------")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from django import forms
from django.urls import reverse
from django.utils.html import escape

from thidua.common.form_fields import OfficeForm
from thidua.emulation.choices import CovenantStatus
from thidua.emulation.models import (
    Cluster,
    Movement,
    MovementAttachment,
    Registration,
    ScoreSheet,
)
from thidua.emulation.services import (
    movement_create,
    registration_create,
    registration_submit,
    reviewers_assign,
    self_sheet_start,
)
from thidua.emulation.tests.factories import WardYear, pdf, ward_year
from thidua.orgs.services import person_create

pytestmark = pytest.mark.django_db

# Longer than any field's limit: a pasted report ("Giải trình" of 27,000 characters).
HUGE = "Đã hoàn thành chỉ tiêu giao. " * 1000
BAD = {"number": "mười lăm", "date": "31/02/2025", "choice": "khong-co-ma-nay", "text": "a\x00b"}
# Sentences Django says itself: none reaches a user of these pages.
DJANGOS = (
    "---------",
    "Đảm bảo",
    "Trường này là bắt buộc",
    "Nhập một",
    "Hãy chọn",
    "Lựa chọn không hợp lệ",
    "Chọn một lựa chọn hợp lệ",
)


@dataclass(frozen=True)
class Case:
    """A form: who sends it, where, what it takes (each field with its kind), and what an
    accepted sending leaves behind (``done``)."""

    name: str
    who: str
    url: Callable[[WardYear], str]
    fields: Callable[[WardYear], dict[str, tuple[str, Any]]]  # name → (kind, a valid value)
    done: Callable[[WardYear], bool]
    setup: Callable[[WardYear], None] = lambda year: None
    files: dict[str, Callable[..., Any]] = field(default_factory=dict)


def cluster_url(page: str) -> Callable[[WardYear], str]:
    return lambda y: reverse(f"emulation:{page}", args=[y.cluster.code, y.cluster.year])


def own_sheet(y: WardYear) -> ScoreSheet:
    return self_sheet_start(covenant=y.covenant, unit=y.ward("NS"), by=y.officers["NS"])


def sheet_fields(y: WardYear) -> dict[str, tuple[str, Any]]:
    """Nine criteria: six targets, a bonus, a penalty, and the group's total."""
    values: dict[str, tuple[str, Any]] = {"hanh_dong": ("choice", "luu")}
    for c in [*y.items, y.bonus, y.penalty]:
        assert c is not None
        values[f"diem_{c.pk}"] = ("number", f"{c.max_points - 1}".replace(".", ","))
        values[f"giai_trinh_{c.pk}"] = ("text", f"Giải trình tiêu chí {c.number}")
    return values


def to_draft(y: WardYear) -> None:
    y.covenant.status = CovenantStatus.DRAFT
    y.covenant.save()


def sent_sheet(y: WardYear) -> ScoreSheet:
    return y.self_score("NS")


def review_sheet(y: WardYear) -> ScoreSheet:
    y.sign_all()
    for short in y.wards:
        y.self_score(short)
    reviewers_assign(covenant=y.covenant, by=y.officers["KA"])
    return ScoreSheet.objects.filter(
        covenant=y.covenant, reviewer=y.ward("TTN"), status="draft"
    ).first()  # type: ignore[return-value]


def waiting_registration(y: WardYear) -> Registration:
    r = registration_create(
        by=y.officers["NS"], year=2025, unit=y.ward("NS"), target="tap_the_lao_dong_tien_tien"
    )
    return registration_submit(registration=r, by=y.officers["NS"])


def a_person(y: WardYear) -> None:
    person_create(code="NS-001", full_name="Nguyễn Thị Hoa", unit=y.ward("NS"))


def movement_id(y: WardYear) -> int:
    return movement_create(
        by=y.officers["KA"],
        name="Phong trào thi đua “Kiến An văn minh”",
        year=2026,
        launched_by=y.district,
        scope=list(y.wards.values()),
    ).pk


CASES = [
    Case(
        "tự chấm điểm",
        "NS",
        lambda y: reverse("emulation:sheet", args=[own_sheet(y).pk]),
        sheet_fields,
        lambda y: ScoreSheet.objects.get(unit=y.ward("NS"), reviewer=None).lines.count() == 8,
        setup=lambda y: y.sign_all(),
        files={"minh_chung": pdf},
    ),
    Case(
        "ký giao ước",
        "NS",
        cluster_url("covenant_sign"),
        lambda y: {
            "unit": ("hidden", "HP-KA-NS"),
            "signer_name": ("text", "Nguyễn Văn Hinh"),
            "signer_title": ("text", "Chủ tịch UBND phường"),
        },
        lambda y: y.covenant.signatures.filter(unit=y.ward("NS")).exists(),
    ),
    Case(
        "thêm tiêu chí",
        "KA",
        cluster_url("criterion_add"),
        lambda y: {
            "number": ("text", "IV"),
            "text": ("text", "Công tác cải cách hành chính"),
            "kind": ("choice", "item"),
            "max_points": ("number", "2,5"),
            "evidence": ("text", "Báo cáo cải cách hành chính"),
            "parent": ("choice", ""),
        },
        lambda y: y.covenant.criteria.filter(number="IV").exists(),
        setup=to_draft,
    ),
    Case(
        "sửa tiêu chí",
        "KA",
        lambda y: reverse(
            "emulation:criterion_edit", args=[y.cluster.code, y.cluster.year, y.items[0].pk]
        ),
        lambda y: {
            "number": ("text", "1"),
            "text": ("text", "Thu ngân sách đạt dự toán năm 2025"),
            "kind": ("choice", "item"),
            "max_points": ("number", "18,5"),
            "evidence": ("text", "Báo cáo quyết toán"),
            "parent": ("choice", str(y.group.pk)),
        },
        lambda y: y.covenant.criteria.filter(text__startswith="Thu ngân sách").exists(),
        setup=to_draft,
    ),
    Case(
        "đưa giao ước về dự thảo",
        "KA",
        cluster_url("covenant_reopen"),
        lambda y: {"reason": ("text", "Sửa chỉ tiêu 3 theo kế hoạch mới")},
        lambda y: type(y.covenant).objects.get(pk=y.covenant.pk).status == "draft",
    ),
    Case(
        "hội nghị ký kết",
        "KA",
        cluster_url("covenant_conference"),
        lambda y: {
            "held_on": ("date", "28/02/2025"),
            "place": ("text", "UBND phường Trần Thành Ngọ"),
            "note": ("text", "Ký kết giao ước, thông qua quy chế"),
            "ten_HP-KA-NS": ("text", "Nguyễn Văn Hinh"),
            "chuc_vu_HP-KA-NS": ("text", "Chủ tịch UBND phường"),
        },
        lambda y: y.covenant.signatures.filter(signer_name="Nguyễn Văn Hinh").exists(),
    ),
    Case(
        "đính chính chữ ký",
        "KA",
        lambda y: reverse(
            "emulation:signature_correct",
            args=[y.cluster.code, y.cluster.year, y.covenant.signatures.get(unit=y.ward("NS")).pk],
        ),
        lambda y: {
            "signer_name": ("text", "Nguyễn Văn Hinh"),
            "signer_title": ("text", "Chủ tịch UBND phường"),
            "reason": ("text", "Ghi nhầm người ký"),
        },
        lambda y: y.covenant.signatures.filter(signer_name="Nguyễn Văn Hinh").exists(),
        setup=lambda y: y.sign_all(),
    ),
    Case(
        "thay đổi điểm đã gửi",
        "NS",
        lambda y: reverse(
            "emulation:line_change", args=[sent_sheet(y).lines.get(criterion=y.items[0]).pk]
        ),
        lambda y: {"points": ("number", "15"), "reason": ("text", "Đối chiếu lại biên bản")},
        lambda y: (
            ScoreSheet.objects.get(unit=y.ward("NS"), reviewer=None)
            .lines.get(criterion=y.items[0])
            .points
            == Decimal(15)
        ),
        setup=lambda y: y.sign_all(),
    ),
    Case(
        "từ chối chấm",
        "TTN",
        lambda y: reverse("emulation:sheet_recuse", args=[review_sheet(y).pk]),
        lambda y: {"reason": ("text", "Chủ tịch hai phường là anh em ruột")},
        lambda y: ScoreSheet.objects.filter(status="recused").exists(),
    ),
    Case(
        "đăng ký thi đua",
        "NS",
        lambda y: reverse("emulation:registration_new"),
        lambda y: {
            "nam": ("hidden", "2025"),
            "unit": ("choice", "HP-KA-NS"),
            "person": ("text", "NS-001"),
            "target": ("choice", "lao_dong_tien_tien"),
            "movement": ("choice", ""),
        },
        lambda y: Registration.objects.filter(person__code="NS-001").exists(),
        setup=a_person,
    ),
    Case(
        "trả lại đăng ký",
        "KA",
        lambda y: reverse("emulation:registration_return", args=[waiting_registration(y).pk]),
        lambda y: {"reason": ("text", "Bổ sung báo cáo thành tích")},
        lambda y: Registration.objects.filter(status="returned").exists(),
    ),
    Case(
        "quy chế chấm điểm",
        "KA",
        cluster_url("cluster_rules"),
        lambda y: {
            "score_method": ("choice", "median"),
            "disagreement_spread": ("number", "7,5"),
            "reviewers_per_member": ("number", "2"),
            "flag_quota": ("number", "1"),
            "merit_quota": ("number", "2"),
        },
        lambda y: Cluster.objects.get(pk=y.cluster.pk).score_method == "median",
    ),
    Case(
        "bầu cụm trưởng, cụm phó",
        "KA",
        cluster_url("cluster_leaders"),
        lambda y: {
            "leader": ("choice", "HP-KA-BS"),
            "deputy": ("choice", "HP-KA-NS"),
            "reason": ("text", "Biên bản bầu tại hội nghị tổng kết ngày 15/01/2026"),
        },
        lambda y: y.cluster.members.get(unit=y.ward("BS")).role == "leader",
    ),
    Case(
        "phát động phong trào",
        "KA",
        lambda y: reverse("emulation:movement_new"),
        lambda y: {
            "name": ("text", "Phong trào thi đua “Chung sức xây dựng đô thị văn minh”"),
            "kind": ("choice", "thematic"),
            "year": ("number", "2026"),
            "theme": ("text", "Chung sức xây dựng đô thị văn minh"),
            "authority": ("text", "Chủ tịch UBND quận"),
            "start": ("date", "01/03/2026"),
            "end": ("date", "30/11/2026"),
            "goals": ("text", "Mỗi phường một mô hình"),
            "criteria": ("text", "Theo kế hoạch của quận"),
            "launched_by": ("choice", "HP-KA"),
            "scope": ("choice", "HP-KA-NS"),
        },
        lambda y: Movement.objects.filter(kind="thematic").exists(),
    ),
    Case(
        "đính kèm tài liệu phong trào",
        "KA",
        lambda y: reverse("emulation:movement_attach", args=[movement_id(y)]),
        lambda y: {"title": ("text", "Kế hoạch phát động")},
        lambda y: MovementAttachment.objects.exists(),
        files={"file": pdf},
    ),
    Case(
        "thành lập cụm, khối",
        "KA",
        lambda y: reverse("emulation:cluster_new"),
        lambda y: {
            "name": ("text", "Khối thi đua các phòng, ban quận"),
            "kind": ("choice", "khoi"),
            "code": ("text", "KHOI-KA-PB"),
            "year": ("number", "2026"),
            "organiser": ("choice", "HP-KA"),
            "organiser_level": ("choice", "huyen"),
            "members": ("choice", ["HP-KA-NS", "HP-KA-BS"]),
            "leader": ("choice", "HP-KA-NS"),
            "deputy": ("choice", "HP-KA-BS"),
            "rotation_policy": ("choice", "election"),
        },
        lambda y: Cluster.objects.filter(code="KHOI-KA-PB").exists(),
    ),
]


@pytest.fixture
def walk(client):
    """Send ``case`` with ``values`` (its valid values when None) as its officer."""

    def send(case: Case, variant: str) -> tuple[Any, dict[str, Any], WardYear]:
        year = ward_year()
        case.setup(year)
        client.force_login(year.officers[case.who])
        url = case.url(year)
        fields = case.fields(year)
        values = {name: value for name, (_, value) in fields.items()}
        if variant == "oversize":  # every text over its limit, each its own to tell apart
            values |= {n: f"{HUGE}{n}" for n, (kind, _) in fields.items() if kind == "text"}
        elif variant == "empty":
            # What a person types is emptied; what the page itself carries stays.
            values = {n: v if kind == "hidden" else "" for n, (kind, v) in fields.items()}
        elif variant == "malformed":
            values = {name: BAD.get(kind, value) for name, (kind, value) in fields.items()}
        files: dict[str, Any] = {}
        for name, make in case.files.items():
            if name == "minh_chung":  # the score sheet: one file per criterion
                files |= {
                    f"minh_chung_{c.pk}": make(f"minh-chung-{c.number}.pdf") for c in year.items
                }
            else:
                files[name] = make()
        response = client.post(url, values | files)
        return response, values, year

    return send


def assert_speaks_as_an_office(html: str) -> None:
    for djangos in DJANGOS:
        assert djangos not in html


def assert_kept(html: str, values: dict[str, Any]) -> None:
    """Every value typed is in the page that came back: in its input, its text area, or
    chosen in its list."""
    for name, value in values.items():
        for one in value if isinstance(value, list) else [value]:
            if not one or name in ("hanh_dong", "nam") or "\x00" in str(one):
                continue
            typed = re.escape(escape(one))
            kept = re.search(rf'value="{typed}"', html) or re.search(
                rf">\s*{typed}</textarea>", html
            )
            assert kept, f"{name}: “{str(one)[:40]}” was lost"


def typed(values: dict[str, Any], fields: dict[str, tuple[str, Any]]) -> dict[str, Any]:
    """What a person typed: a choice the list does not have was never offered to choose."""
    return {
        n: v for n, v in values.items() if not (fields[n][0] == "choice" and v == BAD["choice"])
    }


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_valid_values_are_accepted(walk, case):
    response, _, year = walk(case, "valid")

    assert response.status_code == 302, response.content.decode()[:3000]
    assert case.done(year)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
@pytest.mark.parametrize("variant", ["empty", "malformed"])
def test_empty_and_malformed_values_are_refused_in_words_and_kept(walk, case, variant):
    response, values, year = walk(case, variant)

    assert response.status_code < 500
    if response.status_code == 302:  # nothing was required, nothing was malformed
        return
    assert response.status_code == 400
    html = response.content.decode()
    assert_speaks_as_an_office(html)
    assert_kept(html, typed(values, case.fields(year)))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_texts_over_their_limit_are_refused_next_to_each_and_kept(walk, case):
    response, values, year = walk(case, "oversize")

    texts = [n for n, (kind, _) in case.fields(year).items() if kind == "text"]
    if not texts:  # a form of numbers and choices only
        assert response.status_code == 302
        return
    assert response.status_code == 400
    html = response.content.decode()
    assert_speaks_as_an_office(html)
    assert_kept(html, values)
    assert html.count("đề nghị rút gọn") >= len(texts)


def test_a_long_explanation_keeps_the_nine_scores(walk):
    """The report of the issue: a 27,000-character "Giải trình" lost all nine scores."""
    response, values, year = walk(CASES[0], "oversize")

    html = response.content.decode()
    for c in [*year.items, year.bonus, year.penalty]:
        assert f'name="diem_{c.pk}" id="diem_{c.pk}" value="{values[f"diem_{c.pk}"]}"' in html
    assert "Giải trình dài 29.0" in html
    assert "tối đa 1.000 ký tự" in html
    assert "chưa được lưu" in html  # the evidence files, to be chosen again
    assert not ScoreSheet.objects.get(unit=year.ward("NS"), reviewer=None).lines.exists()


def test_every_form_speaks_as_an_office_and_limits_its_texts():
    from thidua.emulation import forms as emulation_forms

    classes = [
        k
        for k in vars(emulation_forms).values()
        if isinstance(k, type)
        and issubclass(k, forms.Form)
        and k.__module__ == emulation_forms.__name__
    ]
    assert len(classes) >= 10
    for form_class in classes:
        assert issubclass(form_class, OfficeForm), form_class
        for name, f in form_class.base_fields.items():
            if isinstance(f, forms.CharField) and not f.widget.is_hidden:
                assert f.max_length, f"{form_class.__name__}.{name}"


def test_a_text_field_shows_its_limit_beside_it(client, year):
    client.force_login(year.officers["NS"])

    html = client.get(
        reverse("emulation:covenant", args=[year.cluster.code, year.cluster.year])
    ).content.decode()

    assert 'maxlength="255"' in html
    assert "Tối đa 255 ký tự." in html
