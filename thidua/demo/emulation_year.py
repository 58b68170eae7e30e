"""The emulation cycle played through the services as the demo's officers would, once their
accounts exist:

- 2024 of the Kiến An ward cluster is finished: cross-review, the ranking published (Trần
  Thành Ngọ leads, as the 2024 flag in the award history says) and its nominations;
- 2025 is ready to play in the browser: the cluster formed from 2024's (Văn Đẩu leads by
  rotation), the movement in its registration stage, the covenant with its six targets signed
  by every ward but Ngọc Sơn, nine wards registered, self-scored and cross-reviewed — one of
  them with reviewers far apart. Playing Ngọc Sơn (canbo.ngocson) signs, registers,
  self-scores with evidence and reviews Phù Liễn and Tràng Minh; Trần Thành Ngọ and Văn Đẩu
  review Ngọc Sơn; the leader (canbo.vandau) publishes the ranking and sees the nominations.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from thidua.accounts.models import User
from thidua.demo.accounts import ACCOUNTS
from thidua.demo.decisions import TTLDTT, TTLDXS
from thidua.demo.emulation import EXTRAS, KA_CRITERIA, KA_WARDS, VN, head_of
from thidua.demo.state import Demo
from thidua.emulation.choices import CriterionKind, MovementKind, MovementStatus
from thidua.emulation.models import (
    Cluster,
    Covenant,
    Criterion,
    Ranking,
    Registration,
    ScoreSheet,
)
from thidua.emulation.services import (
    ConferenceSigner,
    LineInput,
    covenant_conference_record,
    covenant_create,
    covenant_open,
    criterion_add,
    movement_advance,
    movement_create,
    ranking_publish,
    registration_approve,
    registration_create,
    registration_submit,
    reviewers_assign,
    score_lines_save,
    score_sheet_submit,
    self_sheet_start,
)
from thidua.emulation.services.clusters import cluster_year_create
from thidua.orgs.models import Unit

PLAYER = "HP-KA-NS"
# Points each ward's reviewers take off the full 100 (one figure per reviewer, in the
# cluster's order of reviewers). 2024: Trần Thành Ngọ leads. 2025: Quán Trữ's two reviewers
# are 11 points apart — the disagreement the player sees.
LESS_2024 = {
    "TTN": (0.5, 1.0), "VD": (1.5, 2.0), "NS": (2.0, 2.5), "BS": (2.5, 3.5), "NAS": (3.0, 3.0),
    "QT": (3.5, 4.5), "LH": (4.0, 4.5), "DH": (5.0, 5.5), "PL": (5.5, 6.0), "TM": (7.0, 6.5),
}  # fmt: skip
LESS_2025 = {
    "TTN": (1.0, 1.5), "VD": (0.5, 1.0), "BS": (2.0, 3.0), "NAS": (2.5, 2.0), "QT": (2.0, 13.0),
    "LH": (3.5, 4.0), "DH": (4.5, 4.0), "PL": (5.0, 6.0), "TM": (6.5, 5.5),
}  # fmt: skip
OWN_LESS_2025 = {"TTN": 0.5, "VD": 0.0, "BS": 1.5, "NAS": 1.0, "QT": 1.0, "LH": 2.5, "DH": 3.0,
                 "PL": 4.0, "TM": 5.0}  # fmt: skip


def _officer(unit_code: str) -> User:
    username = next(a.username for a in ACCOUNTS if a.unit == unit_code)
    return User.objects.get(username=username)


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=VN)


def _entries(
    criteria: list[Criterion], less: Decimal, bonus: Decimal = Decimal(0)
) -> dict[int, LineInput]:
    """Full marks less ``less`` points, taken from the first targets in turn; ``bonus``
    points for a model praised by the district."""
    entries: dict[int, LineInput] = {}
    left = less
    for c in criteria:
        if c.kind == CriterionKind.ITEM:
            taken = min(left, c.max_points)
            left -= taken
            note = "Chưa đạt một phần chỉ tiêu, đã giải trình" if taken else ""
            entries[c.pk] = LineInput(c.max_points - taken, note)
        elif c.kind == CriterionKind.BONUS:
            entries[c.pk] = LineInput(bonus)
        elif c.per_occurrence is not None:
            entries[c.pk] = LineInput(Decimal(0), occurrences=0)
        elif c.kind == CriterionKind.PENALTY:
            entries[c.pk] = LineInput(Decimal(0))
    return entries


def _review_all(covenant: Covenant, less: Mapping[str, tuple[float, ...]], skip: str = "") -> None:
    """Every reviewer sends its review, except those of or by ``skip`` (left to the player)."""
    criteria = list(covenant.criteria.order_by("order"))
    by_ward: dict[str, list[ScoreSheet]] = {}
    for sheet in (
        ScoreSheet.objects.filter(covenant=covenant, reviewer__isnull=False)
        .select_related("unit", "reviewer")
        .order_by("unit__code", "reviewer__code")
    ):
        by_ward.setdefault(sheet.unit.code, []).append(sheet)
    for code, sheets in by_ward.items():
        short = code.removeprefix("HP-KA-")
        for sheet, points in zip(sheets, less.get(short, ()), strict=False):
            assert sheet.reviewer is not None
            if skip in (code, sheet.reviewer.code):
                continue
            officer = _officer(sheet.reviewer.code)
            score_lines_save(sheet=sheet, by=officer, entries=_entries(criteria, Decimal(points)))
            score_sheet_submit(sheet=sheet, by=officer)


def _finish_2024(district: User) -> Ranking:
    covenant = Covenant.objects.get(cluster__code="CUM-KA-PHUONG", cluster__year=2024)
    reviewers_assign(covenant=covenant, by=district)
    _review_all(covenant, LESS_2024)
    ranking = ranking_publish(covenant=covenant, by=_officer("HP-KA-TTN"))
    # The history's dates: reviews sent before Christmas, the ranking at the January meeting.
    ScoreSheet.objects.filter(covenant=covenant, reviewer__isnull=False).update(
        submitted_at=_at(date(2024, 12, 23))
    )
    Ranking.objects.filter(pk=ranking.pk).update(published_at=_at(date(2025, 1, 10), 15))
    return ranking


def _evidence(ward: Unit, year: int) -> SimpleUploadedFile:
    """A short Word report, as a ward attaches to its first target."""
    document = Document()
    document.add_heading(f"Báo cáo kết quả thực hiện chỉ tiêu kinh tế – xã hội năm {year}", 1)
    document.add_paragraph(
        f"{ward.name} hoàn thành các chỉ tiêu phát triển kinh tế – xã hội năm {year} quận "
        "giao; thu ngân sách nhà nước trên địa bàn đạt và vượt dự toán."
    )
    out = io.BytesIO()
    document.save(out)
    return SimpleUploadedFile(f"bao-cao-chi-tieu-1-{ward.code.lower()}.docx", out.getvalue())


def _covenant_2025(cluster: Cluster, movement_pk: int, district: User) -> Covenant:
    from thidua.emulation.models import Movement

    covenant = covenant_create(
        cluster=cluster, by=district, movement=Movement.objects.get(pk=movement_pk)
    )
    group = criterion_add(
        covenant=covenant,
        by=district,
        number="I",
        text="Các chỉ tiêu thi đua",
        kind=CriterionKind.GROUP,
        max_points=Decimal(100),
    )
    for number, text, points in KA_CRITERIA:
        criterion_add(
            covenant=covenant,
            by=district,
            number=number,
            text=text.replace("2024", "2025"),
            max_points=Decimal(points),
            evidence="Báo cáo kết quả thực hiện, số liệu thống kê kèm theo",
            parent=group,
        )
    for number, text, kind, points in EXTRAS:
        # From 2025 "(mỗi lần)" is counted: each ward types how many times, up to three.
        each = Decimal(points) if "(mỗi lần)" in text else None
        criterion_add(
            covenant=covenant,
            by=district,
            number=number,
            text=text,
            kind=kind,
            max_points=Decimal(points) * 3 if each else Decimal(points),
            per_occurrence=each,
        )
    covenant_open(covenant=covenant, by=district)
    return covenant


def _play_2025(demo: Demo, district: User) -> dict[str, int]:
    ka = demo.unit("HP-KA")
    movement = movement_create(
        by=district,
        launched_by=ka,
        scope=[ka],
        name="Phong trào thi đua yêu nước năm 2025 của quận Kiến An",
        kind=MovementKind.REGULAR,
        year=2025,
        authority="Chủ tịch UBND quận Kiến An",
        start=date(2025, 1, 20),
        end=date(2025, 12, 31),
        goals="Phấn đấu hoàn thành thắng lợi các chỉ tiêu phát triển kinh tế – xã hội năm 2025.",
    )
    for stage in (MovementStatus.LAUNCHED, MovementStatus.REGISTRATION):
        movement_advance(movement=movement, by=district, to=stage)
    previous = Cluster.objects.get(code="CUM-KA-PHUONG", year=2024)
    cluster = cluster_year_create(previous=previous, by=district)
    covenant = _covenant_2025(cluster, movement.pk, district)
    others = [code for code in KA_WARDS if code != PLAYER]
    # The members sign at the conference (seed 002: at Trần Thành Ngọ); the player's ward
    # was absent and signs on its page.
    covenant_conference_record(
        covenant=covenant,
        by=district,
        held_on=date(2025, 2, 20),
        place="Hội trường UBND phường Trần Thành Ngọ",
        note="Ký kết giao ước thi đua năm 2025 và thông qua quy chế hoạt động của cụm",
        signers=[ConferenceSigner(demo.unit(code), *head_of(demo, code)) for code in others],
    )
    registrations = 0
    for code in others:
        officer = _officer(code)
        target = TTLDXS if code in ("HP-KA-TTN", "HP-KA-VD", "HP-KA-BS") else TTLDTT
        reg = registration_create(
            by=officer, year=2025, unit=demo.unit(code), target=target, movement=movement
        )
        registration_submit(registration=reg, by=officer)
        if code != "HP-KA-TM":  # one still waiting for the district
            registration_approve(registration=reg, by=district)
        registrations += 1
    criteria = list(covenant.criteria.order_by("order"))
    for code in others:
        officer = _officer(code)
        short = code.removeprefix("HP-KA-")
        unit = demo.unit(code)
        sheet = self_sheet_start(covenant=covenant, unit=unit, by=officer)
        first = next(c for c in criteria if c.kind == CriterionKind.ITEM)
        bonus = Decimal(2) if short in ("VD", "TTN") else Decimal(0)
        score_lines_save(
            sheet=sheet,
            by=officer,
            entries=_entries(criteria, Decimal(str(OWN_LESS_2025[short])), bonus),
            evidence={first.pk: _evidence(unit, 2025)},
        )
        score_sheet_submit(sheet=sheet, by=officer)
    reviewers_assign(covenant=covenant, by=_officer("HP-KA-VD"))
    _review_all(covenant, LESS_2025, skip=PLAYER)
    ScoreSheet.objects.filter(covenant=covenant, submitted_at__isnull=False).update(
        submitted_at=_at(date(2025, 12, 15))
    )
    return {"registrations_2025": registrations}


def play_emulation(demo: Demo) -> dict[str, int]:
    district = _officer("HP-KA")
    ranking = _finish_2024(district)
    counts = _play_2025(demo, district)
    return {
        **counts,
        "clusters": Cluster.objects.count(),
        "registrations": Registration.objects.count(),
        "rankings": Ranking.objects.count(),
        "nominations": ranking.nominations.count(),
    }
