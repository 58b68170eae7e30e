"""Values no row can have are refused as a 422 in the API's error format, in Vietnamese,
before the database sees them."""

from __future__ import annotations

import pytest

from thidua.accounts.tests.factories import officer_of
from thidua.api.tests.clients import bearer

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(tree):
    return bearer(officer_of(tree[1]))


@pytest.mark.parametrize(
    ("url", "field", "message"),
    [
        (f"/api/people?q={'a' * 50_001}", "q", "Dài quá 200 ký tự."),
        (f"/api/units?q={'nguyen ' * 100}", "q", "Dài quá 200 ký tự."),
        (f"/api/units?page={'9' * 30}", "page", "Không được lớn hơn 1000000."),
        ("/api/units?page=0", "page", "Phải từ 1 trở lên."),
        ("/api/proposals?year=99999999999", "year", "Không được lớn hơn 2100."),
        (f"/api/decisions/{'9' * 30}", "pk", "Không được lớn hơn 9223372036854775807."),
        ("/api/emulation/clusters/K1/99999999999", "year", "Không được lớn hơn 2100."),
    ],
)
def test_an_impossible_value_is_a_422_naming_its_field(client, url, field, message):
    response = client.get(url)

    assert response.status_code == 422
    assert response.json() == {
        "detail": "Dữ liệu gửi lên không hợp lệ.",
        "errors": [{"field": field, "message": message}],
    }


def test_a_search_of_many_words_finds_with_the_first_few(client, tree):
    response = client.get(f"/api/units?q={'kien an ' * 20}")

    assert response.status_code == 200
    assert [u["code"] for u in response.json()["items"]] == ["KA"]


@pytest.mark.parametrize("body", ["[null,null]", "[]", "null", "7", '"gửi"'])
def test_a_body_that_is_not_a_json_object_is_refused(client, body):
    created = client.post(
        "/api/decisions",
        {
            "origin": "recorded",
            "number": "1/QĐ-UBND",
            "issuing_body": "UBND quận",
            "issuing_unit": "KA",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()

    response = client.patch(
        f"/api/decisions/{created.json()['id']}", body, content_type="application/json"
    )

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "payload", "message": "Nội dung gửi lên phải là một đối tượng JSON."}
    ]
