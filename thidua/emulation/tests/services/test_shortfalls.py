"""Cross review never dead-ends: a member left short of reviewers (recusal, a small block) is
named, with who may still review, and the cluster's managers assign one by hand; a block of
two finishes its year."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from thidua.api.tests.clients import bearer
from thidua.common.errors import DomainError
from thidua.emulation.choices import ClusterKind, CriterionKind, OrganiserLevel
from thidua.emulation.models import ScoreSheet
from thidua.emulation.services import (
    LineInput,
    cluster_create,
    covenant_create,
    covenant_open,
    covenant_sign,
    criterion_add,
    ranking_publish,
    review_recuse,
    review_shortfalls,
    reviewer_assign,
    reviewers_assign,
    score_lines_save,
    score_sheet_submit,
    self_sheet_start,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def block(year):
    """A block of two wards (2026), its covenant of one 100-point item, both signed and
    self-scored."""
    by = year.officers["KA"]
    cluster = cluster_create(
        by=by, code="KHOI-2", name="Khối thi đua hai phường", kind=ClusterKind.KHOI,
        year=2026, organiser=year.district, organiser_level=OrganiserLevel.HUYEN,
        members=[year.ward("NS"), year.ward("BS")], leader=year.ward("NS"),
        deputy=year.ward("BS"),
    )  # fmt: skip
    covenant = covenant_create(cluster=cluster, by=by)
    item = criterion_add(
        covenant=covenant, by=by, number="1", text="Chỉ tiêu", kind=CriterionKind.ITEM,
        max_points=Decimal(100),
    )  # fmt: skip
    covenant_open(covenant=covenant, by=by)
    for short in ("NS", "BS"):
        officer = year.officers[short]
        covenant_sign(covenant=covenant, unit=year.ward(short), by=officer, signer_name="A")
        sheet = self_sheet_start(covenant=covenant, unit=year.ward(short), by=officer)
        score_lines_save(sheet=sheet, by=officer, entries={item.pk: LineInput(Decimal(90))})
        score_sheet_submit(sheet=sheet, by=officer)
    year.block, year.item = covenant, item
    return year


def score(sheet, by, item):
    score_lines_save(sheet=sheet, by=by, entries={item.pk: LineInput(Decimal(88))})
    score_sheet_submit(sheet=sheet, by=by)


def test_a_block_of_two_finishes_its_year(block):
    covenant = block.block
    reviewers_assign(covenant=covenant, by=block.officers["KA"])

    assert review_shortfalls(covenant=covenant) == []
    for sheet in ScoreSheet.objects.filter(covenant=covenant, reviewer__isnull=False):
        short = "NS" if sheet.reviewer == block.ward("NS") else "BS"
        score(sheet, block.officers[short], block.item)
    ranking = ranking_publish(covenant=covenant, by=block.officers["KA"])

    assert ranking.rows.count() == 2


def test_after_a_recusal_in_a_block_of_two_the_organiser_reviews_by_hand(block):
    covenant = block.block
    reviewers_assign(covenant=covenant, by=block.officers["KA"])
    review = ScoreSheet.objects.get(
        covenant=covenant, unit=block.ward("NS"), reviewer__isnull=False
    )

    assert review_recuse(sheet=review, by=block.officers["BS"], reason="Anh em ruột") is None
    (short,) = review_shortfalls(covenant=covenant)
    assert short.unit == block.ward("NS")
    assert short.candidates == (block.district,)
    assert "chưa có đơn vị chấm, quy chế cần 1" in short.sentence
    with pytest.raises(PermissionDenied):
        reviewer_assign(
            covenant=covenant, unit=block.ward("NS"), reviewer=block.district,
            by=block.officers["BS"],
        )  # fmt: skip
    by_hand = reviewer_assign(
        covenant=covenant, unit=block.ward("NS"), reviewer=block.district, by=block.officers["KA"]
    )
    score(by_hand, block.officers["KA"], block.item)
    other = ScoreSheet.objects.get(covenant=covenant, unit=block.ward("BS"), reviewer__isnull=False)
    score(other, block.officers["NS"], block.item)

    assert review_shortfalls(covenant=covenant) == []
    assert ranking_publish(covenant=covenant, by=block.officers["KA"]).rows.count() == 2


def test_the_recused_reviewer_is_not_assigned_again(block):
    covenant = block.block
    reviewers_assign(covenant=covenant, by=block.officers["KA"])
    review = ScoreSheet.objects.get(
        covenant=covenant, unit=block.ward("NS"), reviewer__isnull=False
    )
    review_recuse(sheet=review, by=block.officers["BS"], reason="Anh em ruột")

    with pytest.raises(DomainError, match="đã được phân công"):
        reviewer_assign(
            covenant=covenant, unit=block.ward("NS"), reviewer=block.ward("BS"),
            by=block.officers["KA"],
        )  # fmt: skip


def test_the_page_says_what_the_assignment_changed_or_why_nothing(client, block):
    client.force_login(block.officers["KA"])
    url = reverse("emulation:assign_reviewers", args=["KHOI-2", 2026])

    first = client.post(url, follow=True).content.decode()
    again = client.post(url, follow=True).content.decode()

    assert "Đã phân công 2 lượt chấm chéo: Phường Bắc Sơn chấm Phường Ngọc Sơn" in first
    assert "Không có thay đổi: các đơn vị đã được phân công chấm chéo theo quy chế" in again


def test_by_hand_on_the_page_and_through_the_api_alike(client, block):
    covenant = block.block
    reviewers_assign(covenant=covenant, by=block.officers["KA"])
    review = ScoreSheet.objects.get(
        covenant=covenant, unit=block.ward("NS"), reviewer__isnull=False
    )
    review_recuse(sheet=review, by=block.officers["BS"], reason="Anh em ruột")
    client.force_login(block.officers["KA"])
    page = client.get(reverse("emulation:scoring", args=["KHOI-2", 2026])).content.decode()
    api = bearer(block.officers["KA"])
    base = "/api/emulation/clusters/KHOI-2/2026/reviewers"

    shortfalls = api.get(f"{base}/shortfalls").json()
    refused = client.post(
        reverse("emulation:assign_reviewer", args=["KHOI-2", 2026]),
        {"unit": "HP-KA-NS", "reviewer": "HP-KA-NS"},
    )
    done = api.post(
        f"{base}/manual", {"unit": "HP-KA-NS", "reviewer": "HP-KA"}, content_type="application/json"
    )
    twice = api.post(
        f"{base}/manual", {"unit": "HP-KA-NS", "reviewer": "HP-KA"}, content_type="application/json"
    )

    assert "Phân công chấm thay" in page
    assert [s["unit"]["code"] for s in shortfalls] == ["HP-KA-NS"]
    assert refused.status_code == 400
    assert "Không đơn vị nào chấm điểm thẩm định cho chính mình." in refused.content.decode()
    assert done.status_code == 201
    assert done.json()["reviewer"]["code"] == "HP-KA"
    assert twice.status_code == 400
