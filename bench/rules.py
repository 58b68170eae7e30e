"""The law engine on a province (issue 4): ``thidua rules scan`` of every subject for one year
against the time to read the same facts in one query (the floor), and against the per-person
ORM approach on a sample, extrapolated. Goals: scan ≤ 1.5 × floor, ≥ 50 × faster than per
person, peak memory ≤ 2 GB.

The dataset (``bench/province.py``) is built once per scale and kept: SQLite under
``var/bench/``, PostgreSQL in a database named after the scale on the server ``DATABASE_URL``
names (or ``BENCH_POSTGRES_URL``, else the local server). Every measure runs in a fresh
process, so its peak memory is its own.

    python -m bench rules                                   # full scale, both databases
    python -m bench rules --scale 0.1 --db sqlite           # 30,000 people, quicker
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

from bench._support import django_on, peak_mib, postgres_database, run_apart

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "var" / "bench"
YEAR = 2025
SAMPLE = 500
FLOOR_GOAL, ORM_GOAL, MEMORY_GOAL_MIB = 1.5, 50.0, 2048
LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def _tag(scale: float) -> str:
    return f"{scale:g}".replace(".", "_")


def _sample_codes(people: int, sample: int) -> list[str]:
    from bench.province import CODE_PREFIX

    step = max(1, people // sample)
    return [f"{CODE_PREFIX}{p:07d}" for p in range(0, people, step)][:sample]


# -- in the measuring processes ---------------------------------------------------------------


def _prepare(url: str, scale: float, out: Any) -> None:
    """Build the dataset unless the database holds it; count what it holds."""
    django_on(url)
    from django.db import connection

    from bench.province import CODE_PREFIX, Size, build, dataset_ready
    from thidua.awards.models import AwardRecord
    from thidua.orgs.models import Assessment, Initiative

    size = Size.of(scale)
    started = time.perf_counter()
    built = not dataset_ready(size)
    if built:
        build(size, progress=lambda line: print(line, flush=True))
    with connection.cursor() as cursor:  # the planners' statistics, once the rows are in
        cursor.execute("ANALYZE")
    mine = {"person__code__startswith": CODE_PREFIX}
    out.put(
        {
            "built": time.perf_counter() - started if built else None,
            "people": size.people,
            "units": size.units,
            "assessments": Assessment.objects.filter(**mine).count(),
            "awards": AwardRecord.objects.filter(**mine).count(),
            "authorships": Initiative.authors.through.objects.filter(**mine).count(),
        }
    )


def _floor_query(year: int) -> tuple[str, Any]:
    """One query, the same filters as the scan's: the people under the root unit, then their
    assessments, initiatives and standing awards over the years the engine looks back on."""
    from django.db.models import CharField, F, IntegerField, Value

    from bench.province import CODE_PREFIX
    from thidua.awards.eligibility.facts import HISTORY_YEARS, _related
    from thidua.awards.models import AwardRecord
    from thidua.orgs.models import Assessment, Initiative, Person, Unit

    root = Unit.objects.get(code=CODE_PREFIX)
    under = {"unit__path__startswith": root.path}
    of_people = _related("person", under)  # the scan's own filter: person_id IN (SELECT …)
    years = (year - HISTORY_YEARS, year)
    text, number = CharField(), IntegerField()

    def columns(kind: int, subject: str, year: Any, a: Any, b: Any, c: Any) -> list[Any]:
        return [Value(kind, number), F(subject), year, a, b, c]

    nothing_text, nothing_number = Value(None, text), Value(None, number)
    people = Person.objects.filter(**under).values_list(
        *columns(0, "id", nothing_number, F("code"), F("full_name"), F("unit_id"))
    )
    assessments = Assessment.objects.filter(**of_people, year__range=years).values_list(
        *columns(1, "person_id", F("year"), F("rating"), F("discipline"), F("service_months"))
    )
    authorships = Initiative.authors.through.objects.filter(
        **of_people, initiative__year__range=years
    ).values_list(
        *columns(
            2,
            "person_id",
            F("initiative__year"),
            F("initiative__scope"),
            nothing_text,
            nothing_number,
        )
    )
    awards = (
        AwardRecord.objects.standing()
        .filter(**of_people, year__range=years)
        .values_list(*columns(3, "person_id", F("year"), F("code"), nothing_text, nothing_number))
    )
    union = people.order_by().union(
        assessments.order_by(), authorships.order_by(), awards.order_by(), all=True
    )
    return union.query.sql_with_params()


def _floor(url: str, year: int, out: Any) -> None:
    django_on(url, migrate=False)
    from django.db import connection

    sql, params = _floor_query(year)
    with connection.cursor() as cursor:  # open the connection outside the measure
        cursor.execute("SELECT 1")
    started, cpu = time.perf_counter(), time.process_time()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    out.put({"seconds": seconds, "cpu": cpu, "rows": len(rows), "peak": peak_mib()})


def _eligible(result: Any) -> list[str]:
    return sorted(result.eligible_codes)


def _scan(url: str, year: int, sample: list[str], out: Any) -> None:
    django_on(url, migrate=False)
    from django.db import connection

    from bench.province import CODE_PREFIX
    from thidua.awards.eligibility import eligibility_scan, scan_text

    connection.ensure_connection()
    baseline = peak_mib()
    started, cpu = time.perf_counter(), time.process_time()
    scan = eligibility_scan(unit_code=CODE_PREFIX, year=year)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = peak_mib()  # the scan's own; printing 300,000 subjects then builds its text
    printing = time.perf_counter()
    text = scan_text(scan)  # what the command then prints
    printing = time.perf_counter() - printing
    wanted = set(sample)
    verdicts = {s.row.code: _eligible(s.result) for s in scan.subjects if s.row.code in wanted}
    out.put(
        {
            "seconds": seconds,
            "cpu": cpu,
            "text": printing,
            "text_mib": len(text.encode()) / 2**20,
            "subjects": len(scan.subjects),
            "eligible": sum(1 for s in scan.subjects if s.result.eligible_codes),
            "peak": peak,
            "text_peak": peak_mib(),
            "baseline": baseline,
            "verdicts": verdicts,
        }
    )


def _orm_case(person: Any, year: int) -> Any:
    """One person's case the naive way: model instances, a few queries each."""
    from thidua.awards.eligibility.facts import HISTORY_YEARS, UnitKinds, units_with_ancestors
    from thidua.awards.models import AwardRecord
    from thidua.core.rules import Case, YearRecord
    from thidua.core.rules.vocabulary import Discipline, InitiativeScope, Rating, SubjectKind

    years = (year - HISTORY_YEARS, year)
    facts: dict[int, dict[str, Any]] = {}

    def of(y: int) -> dict[str, Any]:
        return facts.setdefault(y, {"year": y, "initiatives": [], "granted": set()})

    for assessment in person.assessments.filter(year__range=years):
        record = of(assessment.year)
        record["rating"] = Rating(assessment.rating) if assessment.rating else None
        record["discipline"] = Discipline(assessment.discipline) if assessment.discipline else None
        record["service_months"] = assessment.service_months
    for initiative in person.initiatives.filter(year__range=years):
        of(initiative.year)["initiatives"].append(InitiativeScope(initiative.scope))
    for award in AwardRecord.objects.standing().filter(person=person, year__range=years):
        of(award.year)["granted"].add(award.code)
    records = {
        y: YearRecord(
            **{
                **f,
                "initiatives": tuple(f["initiatives"]),
                "granted": frozenset(f["granted"]),
            }
        )
        for y, f in facts.items()
    }
    kinds = UnitKinds(units_with_ancestors(person.unit))
    return Case(
        year=year, kind=SubjectKind.INDIVIDUAL, unit_kind=kinds.of(person.unit_id), years=records
    )


def _per_person(url: str, year: int, sample: list[str], out: Any) -> None:
    django_on(url, migrate=False)
    from django.db import connection

    from thidua.awards.eligibility import evaluate_subject
    from thidua.core.rules import evaluate
    from thidua.orgs.models import Person

    connection.ensure_connection()
    # The sample's people in one query, as a loop over a unit's people would read them; then
    # their facts person by person.
    started = time.perf_counter()
    verdicts = {}
    for person in Person.objects.filter(code__in=sample).order_by("code"):
        verdicts[person.code] = _eligible(evaluate(_orm_case(person, year)))
    orm = time.perf_counter() - started
    started = time.perf_counter()
    for person in Person.objects.filter(code__in=sample).order_by("code"):
        evaluate_subject(subject=person, year=year)
    single = time.perf_counter() - started
    out.put({"orm": orm, "evaluate_subject": single, "verdicts": verdicts})


# -- the run ----------------------------------------------------------------------------------


def _postgres_server() -> str | None:
    for url in (os.environ.get("DATABASE_URL"), os.environ.get("BENCH_POSTGRES_URL")):
        if url and url.startswith(("postgres://", "postgresql://")):
            return url
    return LOCAL_POSTGRES


def _databases(which: str, scale: float) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if which in ("sqlite", "both"):
        CACHE.mkdir(parents=True, exist_ok=True)
        found.append(("SQLite", f"sqlite:///{CACHE / f'province-{_tag(scale)}.sqlite3'}"))
    if which in ("postgres", "both"):
        server = _postgres_server()
        try:
            url = postgres_database(server, f"thidua_bench_province_{_tag(scale)}", fresh=False)
        except Exception as error:  # no server: say so and go on with SQLite
            print(f"Bỏ qua PostgreSQL: không kết nối được {server} ({error})")
            url = None
        if url is not None:
            found.append(("PostgreSQL", url))
    return found


def _measure(name: str, url: str, args: argparse.Namespace) -> dict[str, Any]:
    print(f"-- {name}: dữ liệu", flush=True)
    data = run_apart(_prepare, url, args.scale)
    if data["built"] is not None:
        print(f"   tạo trong {data['built']:.0f} s", flush=True)
    sample = _sample_codes(data["people"], args.sample)
    floors, scans = [], []
    for _ in range(args.repeat):
        print(f"-- {name}: đọc sàn, quét", flush=True)
        floors.append(run_apart(_floor, url, args.year))
        scans.append(run_apart(_scan, url, args.year, sample))
    print(f"-- {name}: từng người ({len(sample)} người)", flush=True)
    per_person = run_apart(_per_person, url, args.year, sample)
    scan = min(scans, key=lambda s: s["seconds"])
    mismatched = [c for c in sample if per_person["verdicts"].get(c) != scan["verdicts"].get(c)]
    return {
        "name": name,
        "data": data,
        "floor": min(floors, key=lambda f: f["seconds"]),
        "scan": scan,
        "per_person": per_person,
        "sample": len(sample),
        "mismatched": mismatched,
    }


def _table(runs: list[dict[str, Any]], year: int) -> None:
    width = 104
    for run in runs:
        data, floor, scan, per = run["data"], run["floor"], run["scan"], run["per_person"]
        people = data["people"]
        orm_all = per["orm"] / run["sample"] * people
        single_all = per["evaluate_subject"] / run["sample"] * people
        print()
        print(
            f"{run['name']}: {people:,} cá nhân, {data['units']:,} đơn vị; "
            f"{data['assessments']:,} đánh giá, {data['awards']:,} khen thưởng, "
            f"{data['authorships']:,} tác giả sáng kiến; năm xét {year}"
        )
        print(
            f"{'đo':<44}{'giây':>8}{'CPU giây':>10}{'bộ nhớ đỉnh':>14}"
            f"{'tỷ lệ':>9}{'tỷ lệ CPU':>11}{'mục tiêu':>10}"
        )
        print("-" * width)
        print(
            f"{'(b) đọc sự kiện, một truy vấn (sàn)':<44}{floor['seconds']:>8.2f}"
            f"{floor['cpu']:>10.2f}{floor['peak']:>10.0f} MiB{'1.00×':>9}{'1.00×':>11}"
            f"{'':>10}  {floor['rows']:,} dòng"
        )
        ratio = scan["seconds"] / floor["seconds"]
        cpu_ratio = scan["cpu"] / floor["cpu"]
        print(
            f"{'(a) rules scan, mọi đối tượng':<44}{scan['seconds']:>8.2f}{scan['cpu']:>10.2f}"
            f"{scan['peak']:>10.0f} MiB{ratio:>8.2f}×{cpu_ratio:>10.2f}×{'≤ 1.5×':>10}"
            f"  {scan['subjects']:,} đối tượng"
        )
        print(
            f"{'    rồi in kết quả ra văn bản (scan_text)':<44}{scan['text']:>8.2f}{'':>24}"
            f"{'':>9}{'':>11}{'':>10}  {scan['text_mib']:.0f} MiB văn bản, ngoài tỷ lệ; đỉnh "
            f"{scan['text_peak']:.0f} MiB"
        )
        speedup = orm_all / scan["seconds"]
        print(
            f"{'(c) ORM từng người, ngoại suy':<44}{orm_all:>8.1f}{'':>24}"
            f"{speedup:>8.1f}×{'':>11}{'≥ 50×':>10}  (ORM ÷ quét)"
        )
        print(
            f"{'    evaluate_subject từng người, ngoại suy':<44}{single_all:>8.1f}{'':>24}"
            f"{single_all / scan['seconds']:>8.1f}×{'':>11}{'':>10}  (÷ quét)"
        )
        print("-" * width)
        goals = (
            ("quét ≤ 1.5× sàn", ratio <= FLOOR_GOAL),
            ("quét nhanh hơn ORM ≥ 50×", speedup >= ORM_GOAL),
            ("bộ nhớ ≤ 2 GB", scan["peak"] <= MEMORY_GOAL_MIB),
        )
        print(
            f"(c) mẫu {run['sample']} người: {per['orm']:.2f} s; (d) bộ nhớ đỉnh của tiến trình "
            f"quét (nền Django {scan['baseline']:.0f} MiB); CPU: của tiến trình đo (SQLite "
            "chạy trong tiến trình nên tính cả; máy chủ PostgreSQL thì không)."
        )
        print("; ".join(f"{text}: {'đạt' if ok else 'CHƯA ĐẠT'}" for text, ok in goals))
        if run["mismatched"]:
            print(f"LỖI: kết quả khác nhau giữa quét và từng người: {run['mismatched'][:5]}")
        else:
            print(f"Quét và từng người cho cùng kết quả trên {run['sample']} người mẫu.")


def main(argv: list[str] | None = None) -> None:
    sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser(
        prog="python -m bench rules",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--scale", type=float, default=1.0, help="1 = 300.000 cá nhân")
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--year", type=int, default=YEAR)
    parser.add_argument("--sample", type=int, default=SAMPLE)
    parser.add_argument("--repeat", type=int, default=2, help="lấy lần nhanh nhất")
    args = parser.parse_args(argv or [])
    runs = [_measure(name, url, args) for name, url in _databases(args.db, args.scale)]
    _table(runs, args.year)
