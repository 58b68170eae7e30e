"""Cross-review: never one's own unit; a conflict of interest is recused and replaced."""

from __future__ import annotations

import pytest

from thidua.common.errors import DomainError
from thidua.emulation.choices import ScoreMethod, ScoreSheetStatus
from thidua.emulation.services import review_recuse, reviewer_assign, reviewers_assign

pytestmark = pytest.mark.django_db


def pairs(covenant) -> set[tuple[str, str]]:
    return {
        (s.unit.code[6:], s.reviewer.code[6:])
        for s in covenant.score_sheets.filter(reviewer__isnull=False).exclude(
            status=ScoreSheetStatus.RECUSED
        )
    }


def test_each_ward_is_reviewed_by_the_next_two_and_never_by_itself(year):
    reviewers_assign(covenant=year.covenant, by=year.officers["KA"])

    assert pairs(year.covenant) == {
        ("NS", "TTN"), ("NS", "VD"),
        ("TTN", "VD"), ("TTN", "BS"),
        ("VD", "BS"), ("VD", "NS"),
        ("BS", "NS"), ("BS", "TTN"),
    }  # fmt: skip


def test_assigning_twice_adds_nothing(year):
    reviewers_assign(covenant=year.covenant, by=year.officers["KA"])

    assert reviewers_assign(covenant=year.covenant, by=year.officers["TTN"]) == []


def test_under_leader_only_the_leader_reviews_everyone(year):
    year.cluster.score_method = ScoreMethod.LEADER
    year.cluster.save()

    reviewers_assign(covenant=year.covenant, by=year.officers["KA"])

    assert pairs(year.covenant) == {("NS", "TTN"), ("VD", "TTN"), ("BS", "TTN"), ("TTN", "VD")}


def test_no_unit_is_assigned_to_review_itself(year):
    with pytest.raises(DomainError, match="cho chính mình"):
        reviewer_assign(
            covenant=year.covenant,
            unit=year.ward("NS"),
            reviewer=year.ward("NS"),
            by=year.officers["KA"],
        )


def test_a_declared_conflict_is_recused_and_the_next_ward_takes_over(year):
    reviewers_assign(covenant=year.covenant, by=year.officers["KA"])
    sheet = year.covenant.score_sheets.get(unit=year.ward("NS"), reviewer=year.ward("TTN"))

    replacement = review_recuse(
        sheet=sheet, by=year.officers["TTN"], reason="Chủ tịch hai phường là vợ chồng"
    )

    assert sheet.status == ScoreSheetStatus.RECUSED
    assert replacement is not None
    assert replacement.reviewer == year.ward("BS")
    assert ("NS", "TTN") not in pairs(year.covenant)
