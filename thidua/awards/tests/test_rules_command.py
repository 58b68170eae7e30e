"""``thidua rules evaluate`` and ``thidua rules catalog`` (shared/spec/rules-cli.md): JSON in,
JSON out, exit 2 with the field named for invalid input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

SPEC_CASE = {
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


def rules(*args: str, stdin: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None):
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out, err = io.StringIO(), io.StringIO()
    call_command("rules", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(
    *args: str, stdin: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None
) -> str:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("rules", *args, stdout=io.StringIO(), stderr=err)
    assert exit_.value.code == 2
    return err.getvalue().strip()


def by_code(output: dict) -> dict[str, dict]:
    return {r["code"]: r for r in output["results"]}


def test_evaluate_the_spec_example_from_a_file(tmp_path: Path):
    source = tmp_path / "case.json"
    source.write_text(json.dumps(SPEC_CASE), encoding="utf-8")

    out, _ = rules("evaluate", str(source))
    output = json.loads(out)

    assert output["rule_set"] == "luat-2022"
    cstdcs = by_code(output)["chien_si_thi_dua_co_so"]
    assert cstdcs["eligible"] is True
    assert cstdcs["decider"] == "Giám đốc Sở"
    assert by_code(output)["giay_khen"]["eligible"] is None


def test_evaluate_reads_stdin_and_gives_a_list_for_a_list(monkeypatch: pytest.MonkeyPatch):
    second = {**SPEC_CASE, "year": 2023, "years": [{"year": 2023, "rating": "tot"}]}

    out, _ = rules("evaluate", "-", stdin=json.dumps([SPEC_CASE, second]), monkeypatch=monkeypatch)
    output = json.loads(out)

    assert [o["rule_set"] for o in output] == ["luat-2022", "luat-2013"]


def test_evaluate_with_next_adds_the_path_ahead(monkeypatch: pytest.MonkeyPatch):
    out, _ = rules("evaluate", "--next", stdin=json.dumps(SPEC_CASE), monkeypatch=monkeypatch)
    steps = {s["code"]: s for s in json.loads(out)["next"]}

    assert steps["chien_si_thi_dua_tinh"]["earliest_year"] == 2025
    assert steps["chien_si_thi_dua_tinh"]["missing"][0]["met"] is False


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            {
                **SPEC_CASE,
                "years": [{"year": 2022}, {"year": 2023}, {"year": 2021, "rating": "gioi"}],
            },
            'years[2].rating: "gioi" không phải là một trong các giá trị xuat_sac, tot, '
            "hoan_thanh, khong_hoan_thanh",
        ),
        ({**SPEC_CASE, "year": 2010}, "year: không có bộ quy tắc cho năm 2010"),
        (
            {**SPEC_CASE, "years": [{"year": 2024, "titles": ["bang_khen"]}]},
            'years[0].titles[0]: "bang_khen" không phải là mã danh hiệu',
        ),
        ({**SPEC_CASE, "years": [{"year": 2030}]}, "years[0].year: 2030 nằm ngoài khoảng"),
        (
            {**SPEC_CASE, "years": [{"year": 2024, "service_months": "6"}]},
            "years[0].service_months",
        ),
    ],
)
def test_invalid_input_exits_2_naming_the_field(document, message, monkeypatch):
    assert refused("evaluate", stdin=json.dumps(document), monkeypatch=monkeypatch).startswith(
        message
    )


def test_bad_json_exits_2(monkeypatch: pytest.MonkeyPatch):
    message = refused("evaluate", stdin='{"year": 2024,', monkeypatch=monkeypatch)

    assert message.startswith("Dữ liệu không phải JSON hợp lệ (dòng 1")


def test_a_missing_file_exits_2(tmp_path: Path):
    assert refused("evaluate", str(tmp_path / "none.json")).endswith("không có tệp này.")


def test_catalog_json_lists_codes_in_precedence_order_with_rule_sets():
    out, _ = rules("catalog", "--json")
    catalog = json.loads(out)

    assert catalog["codes"][0]["code"] == "co_thi_dua_chinh_phu"
    assert catalog["codes"][-1]["code"] == "gia_dinh_van_hoa"
    assert len(catalog["codes"]) == 13
    assert {r["name"]: (r["first_year"], r["last_year"]) for r in catalog["rule_sets"]} == {
        "luat-2022": (2024, None),
        "luat-2013": (2018, 2023),
    }
    assert catalog["codes"][8] == {
        "code": "chien_si_thi_dua_co_so",
        "name": "Chiến sĩ thi đua cơ sở",
        "kind": "danh_hieu",
        "recipients": ["individual"],
        "level": "co_so",
        "rule_sets": ["luat-2022", "luat-2013"],
    }


def test_catalog_text():
    out, _ = rules("catalog")

    assert "lao_dong_tien_tien" in out
    assert "luat-2013" in out
