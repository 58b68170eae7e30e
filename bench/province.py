"""A province-scale dataset for the law-engine benchmark (issue 4): 1,000 units, 300,000
people, ten years of assessments, initiatives and awards, written in bulk (``Size.of(scale)``
for a smaller one: ``scale=0.1`` is 100 units and 30,000 people).

Built once per database and kept (building takes minutes); ``dataset_ready`` tells whether
a database already holds it. Deterministic: the same seed gives the same rows.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from datetime import date
from typing import Any, NamedTuple

PEOPLE = 300_000
UNITS = 1_000
DISTRICTS = 20
YEARS = tuple(range(2016, 2026))
BATCH = 5000
CODE_PREFIX = "BT"  # every unit and person of the dataset, so it never mixes with other data

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi")
MIDDLE = ("Văn", "Thị", "Minh", "Thu", "Quang", "Đức", "Ngọc", "Hữu", "Thanh", "Xuân")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hinh", "Lan", "Long", "Mai", "Vinh", "Yến", "Ánh")
# A person's usual rating; each year drifts one step from it now and then.
RATINGS = ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")
USUAL = (0.18, 0.62, 0.17, 0.03)


class Size(NamedTuple):
    people: int
    units: int

    @classmethod
    def of(cls, scale: float) -> Size:
        """The full province times ``scale``; at least one commune under the districts."""
        return cls(max(1, round(PEOPLE * scale)), max(DISTRICTS + 2, round(UNITS * scale)))


def dataset_ready(size: Size) -> bool:
    from thidua.orgs.models import Person

    return Person.objects.filter(code__startswith=CODE_PREFIX).count() >= size.people


def _chunks(rows: Iterator[Any]) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == BATCH:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _units(count: int) -> list[Any]:
    from thidua.orgs.models import Unit
    from thidua.orgs.services import unit_create

    province = unit_create(code=f"{CODE_PREFIX}", name="Tỉnh Thử Nghiệm", kind="tinh")
    districts = [
        unit_create(
            code=f"{CODE_PREFIX}-H{d:02d}", name=f"Huyện Thử {d}", kind="huyen", parent=province
        )
        for d in range(1, DISTRICTS + 1)
    ]
    leaves: list[Unit] = []
    for n in range(count - 1 - len(districts)):
        parent = districts[n % len(districts)]
        leaves.append(
            unit_create(
                code=f"{parent.code}-X{n:04d}", name=f"Xã Thử {n}", kind="xa", parent=parent
            )
        )
    return [province, *districts, *leaves]


def build(size: Size, progress: Any = print) -> None:
    """Write the dataset into the database Django is set up on."""
    from django.db import transaction

    from thidua.awards.models import AwardRecord, Decision
    from thidua.core.text import fold, name_sort_key
    from thidua.orgs.models import Assessment, Initiative, Person

    rng = random.Random(2025)
    started = time.perf_counter()
    with transaction.atomic():
        units = _units(size.units)
    leaves = units[1 + DISTRICTS :]
    progress(f"  {len(units):,} đơn vị ({time.perf_counter() - started:.0f} s)")

    usual: list[int] = []
    homes: list[Any] = []
    names: list[str] = []

    def people() -> Iterator[Person]:
        for p in range(size.people):
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            code = f"{CODE_PREFIX}{p:07d}"
            home = leaves[p % len(leaves)]
            usual.append(rng.choices(range(4), USUAL)[0])
            homes.append(home)
            names.append(name)
            yield Person(
                code=code,
                full_name=name,
                unit=home,
                position="Chuyên viên",
                search_key=fold(f"{name} {code}"),
                sort_key=name_sort_key(name),
            )

    for chunk in _chunks(people()):
        with transaction.atomic():
            Person.objects.bulk_create(chunk)
    ids = list(
        Person.objects.filter(code__startswith=CODE_PREFIX).order_by("code").values_list("pk")
    )
    person_ids = [pk for (pk,) in ids]
    progress(f"  {len(person_ids):,} cá nhân ({time.perf_counter() - started:.0f} s)")

    # One byte per person and year (an index into RATINGS): 3 million entries stay small.
    grades = bytearray(len(person_ids) * len(YEARS))

    def assessments() -> Iterator[Assessment]:
        for i, pk in enumerate(person_ids):
            for y, year in enumerate(YEARS):
                grade = min(3, max(0, usual[i] + rng.choice((0, 0, 0, 0, 1, -1))))
                grades[i * len(YEARS) + y] = grade
                rating = RATINGS[grade]
                discipline = "khien_trach" if rng.random() < 0.004 else ""
                yield Assessment(
                    year=year,
                    person_id=pk,
                    rating=rating,
                    discipline=discipline,
                    service_months=12 if rng.random() > 0.02 else rng.randint(3, 11),
                )

    for chunk in _chunks(assessments()):
        with transaction.atomic():
            Assessment.objects.bulk_create(chunk)
    progress(f"  {len(grades):,} đánh giá ({time.perf_counter() - started:.0f} s)")

    authored = 0
    with transaction.atomic():
        for year in YEARS:
            authors = [i for i in range(len(person_ids)) if rng.random() < 0.06]
            initiatives = Initiative.objects.bulk_create(
                Initiative(
                    year=year,
                    title=f"Sáng kiến {year}-{n}",
                    scope="tinh" if n % 10 == 0 else "co_so",
                    unit=homes[i],
                )
                for n, i in enumerate(authors)
            )
            through = Initiative.authors.through
            for chunk in _chunks(
                through(initiative_id=ini.pk, person_id=person_ids[i])
                for ini, i in zip(initiatives, authors, strict=True)
            ):
                through.objects.bulk_create(chunk)
            authored += len(authors)
    progress(f"  {authored:,} sáng kiến ({time.perf_counter() - started:.0f} s)")

    records = 0
    for y, year in enumerate(YEARS):
        decisions = {
            unit.pk: Decision.objects.create(
                number=f"{year}-{unit.pk}/QĐ-BT",
                date=date(year + 1, 1, 20),
                issuing_body=f"UBND {unit.name}",
                issuing_unit=unit,
            )
            for unit in units[1 : 1 + DISTRICTS]
        }

        def awards(y: int = y, decisions: dict[int, Any] = decisions) -> Iterator[Any]:
            for i, pk in enumerate(person_ids):
                grade = grades[i * len(YEARS) + y]
                if grade > 1:  # LĐTT needs at least "hoàn thành tốt"
                    continue
                home = homes[i]
                decision = decisions[home.parent_id]
                common = {
                    "decision": decision,
                    "year": YEARS[y],
                    "recipient_kind": "individual",
                    "person_id": pk,
                    "unit": home,
                    "recipient_name": names[i],
                }
                yield AwardRecord(code="lao_dong_tien_tien", **common)
                if grade == 0 and rng.random() < 0.35:
                    yield AwardRecord(code="chien_si_thi_dua_co_so", **common)

        for chunk in _chunks(awards()):
            with transaction.atomic():
                AwardRecord.objects.bulk_create(chunk)
                records += len(chunk)
        Decision.objects.filter(pk__in=[d.pk for d in decisions.values()]).update(status="issued")
        progress(f"  năm {year}: {records:,} khen thưởng ({time.perf_counter() - started:.0f} s)")
