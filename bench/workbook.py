"""Importing 100,000 award rows (shared/spec/workbook.md, issue 3).

Generates a workbook (the units and people the awards need, then ``ROWS`` KhenThuong rows)
in a temporary directory and measures, each in a fresh process so that peak memory is its
own: ``thidua import workbook`` (validation and write) into a fresh SQLite database, and into a
fresh PostgreSQL database when ``DATABASE_URL`` names a server, each between two of openpyxl's
bare read-only iterations of the file (the floor: their mean, taken under the same load as
the import). Goal: import ≤ 3 × bare read.

    python -m bench workbook            # BENCH_ROWS=20000 for a quicker run
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from bench._support import django_on, peak_mib, postgres_database, postgres_drop, run_apart

ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
GOAL = 3.0
DISTRICTS, WARDS_PER_DISTRICT, PEOPLE = 20, 15, 20_000
AWARDS = (
    ("lao_dong_tien_tien", "Cá nhân"),
    ("chien_si_thi_dua_co_so", "Cá nhân"),
    ("Giấy khen", "Cá nhân"),
    ("bang_khen_tinh", "Tập thể"),
    ("Tập thể lao động tiên tiến", "Tập thể"),
    ("gia_dinh_van_hoa", "Hộ gia đình"),
)
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ")
MIDDLE = ("Văn", "Thị", "Minh", "Thu", "Quang", "Đức", "Ngọc", "Hữu")
GIVEN = ("An", "Bình", "Cường", "Dung", "Hà", "Hinh", "Lan", "Long", "Mai", "Vinh", "Yến")


def generate(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    rng = random.Random(2024)
    book = Workbook(write_only=True)
    units = book.create_sheet("DonVi")
    units.append(["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên"])
    units.append(["HP", "Thành phố Hải Phòng", "Thành phố", None])
    wards = []
    for d in range(1, DISTRICTS + 1):
        units.append([f"Q{d:02d}", f"Quận Số {d}", "Quận", "HP"])
        for w in range(1, WARDS_PER_DISTRICT + 1):
            code = f"Q{d:02d}P{w:02d}"
            wards.append(code)
            units.append([code, f"Phường Số {w} quận {d}", "Phường", f"Q{d:02d}"])
    people = book.create_sheet("CaNhan")
    people.append(["Mã cá nhân", "Họ và tên", "Ngày sinh", "Giới tính", "Mã đơn vị", "Chức vụ"])
    homes = []
    for p in range(1, PEOPLE + 1):
        full_name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        born = date(1960 + p % 40, 1 + p % 12, 1 + p % 28)
        people.append(
            [
                f"CN{p:06d}",
                full_name,
                born,
                "Nam" if p % 2 else "Nữ",
                wards[p % len(wards)],
                "Chuyên viên",
            ]
        )
        homes.append(wards[p % len(wards)])
    awards = book.create_sheet("KhenThuong")
    awards.append(
        [
            "Năm",
            "Mã danh hiệu",
            "Loại đối tượng",
            "Mã đối tượng",
            "Tên đối tượng",
            "Mã đơn vị",
            "Số quyết định",
            "Ngày quyết định",
            "Cơ quan quyết định",
            "Thành tích",
        ]
    )
    for i in range(rows):
        decision = i // 50  # fifty records per decision, each decision one year
        year = 2015 + decision % 10
        code, kind = AWARDS[i % 7] if i % 7 < len(AWARDS) else AWARDS[0]
        number = f"{1 + decision}/QĐ-UBND"
        subject: str
        unit: str | None
        name: str | None
        if kind == "Cá nhân":
            subject, unit, name = f"CN{1 + (i * 7919) % PEOPLE:06d}", None, None
        elif kind == "Tập thể":
            subject, unit, name = wards[i % len(wards)], None, None
        else:
            subject = f"HO{i % 5000:05d}"
            unit, name = homes[i % 5000], f"Hộ gia đình số {i % 5000}"
        awards.append(
            [
                year,
                code,
                kind,
                subject,
                name,
                unit,
                number,
                date(year + 1, 1 + decision % 12, 10),
                "UBND quận Số 1" if decision % 2 else "UBND thành phố Hải Phòng",
                "Hoàn thành xuất sắc nhiệm vụ năm",
            ]
        )
    book.save(path)


def _bare_read(path: str, out: Any) -> None:
    from openpyxl import load_workbook

    start, cpu = time.perf_counter(), time.process_time()
    book = load_workbook(path, read_only=True, data_only=True)
    count = 0
    for ws in book.worksheets:
        for _ in ws.iter_rows(values_only=True):
            count += 1
    book.close()
    out.put(
        {
            "seconds": time.perf_counter() - start,
            "cpu": time.process_time() - cpu,
            "rows": count,
            "peak": peak_mib(),
        }
    )


def _import(path: str, database_url: str, out: Any) -> None:
    django_on(database_url)
    from thidua.dataio.workbook import workbook_import

    baseline = peak_mib()
    start, cpu = time.perf_counter(), time.process_time()
    result = workbook_import(path)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    problems = [str(p) for p in result.problems[:5]]
    again = time.perf_counter()
    second = workbook_import(path)
    reimport = time.perf_counter() - again
    created = sum(c.created for c in second.counts.values())
    out.put(
        {
            "seconds": seconds,
            "cpu": cpu,
            "rows": result.rows,
            "peak": peak_mib(),
            "baseline": baseline,
            "problems": problems,
            "reimport": reimport,
            "recreated": created,
        }
    )


def _bracketed(path: Path, database_url: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The bare read just before and just after the import (their mean is the floor), so
    that on a shared machine both sides of the ratio see the same load."""
    before = run_apart(_bare_read, str(path))
    run = run_apart(_import, str(path), database_url)
    after = run_apart(_bare_read, str(path))
    floor = {key: (before[key] + after[key]) / 2 for key in ("seconds", "cpu", "rows", "peak")}
    floor["range"] = (before["seconds"], after["seconds"])
    return floor, run


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    with tempfile.TemporaryDirectory(prefix="thidua-bench-") as tmp:
        path = Path(tmp) / "khen-thuong.xlsx"
        start = time.perf_counter()
        generate(path, ROWS)
        print(
            f"Sổ thử: {ROWS:,} dòng KhenThuong, {PEOPLE:,} cá nhân, "
            f"{1 + DISTRICTS * (1 + WARDS_PER_DISTRICT)} đơn vị; "
            f"{path.stat().st_size / 2**20:.1f} MiB, tạo trong {time.perf_counter() - start:.1f} s",
            flush=True,
        )
        runs = [("SQLite", *_bracketed(path, f"sqlite:///{tmp}/bench.sqlite3"))]
        url = os.environ.get("DATABASE_URL", "")
        pg = postgres_database(url, f"thidua_bench_{os.getpid()}", fresh=True) if url else None
        if pg is not None:
            try:
                runs.append(("PostgreSQL", *_bracketed(path, pg)))
            finally:
                postgres_drop(pg)
    _table(runs)


def _table(runs: list[tuple[str, dict[str, Any], dict[str, Any]]]) -> None:
    print()
    print(
        f"{'đo':<36}{'giây':>8}{'giây CPU':>10}{'dòng/giây':>11}{'bộ nhớ đỉnh':>14}"
        f"{'so với đọc':>12}"
    )
    print("-" * 91)
    for name, bare, run in runs:
        ratio = run["seconds"] / bare["seconds"]
        low, high = bare["range"]
        print(
            f"{'openpyxl đọc trơn (sàn), ' + name:<36}{bare['seconds']:>8.2f}{bare['cpu']:>10.2f}"
            f"{bare['rows'] / bare['seconds']:>11,.0f}{bare['peak']:>10.0f} MiB{'1.00×':>12}"
            f"   trước {low:.2f} s, sau {high:.2f} s"
        )
        print(
            f"{'nhập (kiểm tra + ghi) ' + name:<36}{run['seconds']:>8.2f}{run['cpu']:>10.2f}"
            f"{run['rows'] / run['seconds']:>11,.0f}{run['peak']:>10.0f} MiB{ratio:>11.2f}×"
            f"   CPU {run['cpu'] / bare['cpu']:.2f}×"
        )
        print(
            f"{'  nhập lại ' + name:<36}{run['reimport']:>8.2f}{'':>10}{'':>11}{'':>14}"
            f"{run['reimport'] / bare['seconds']:>11.2f}×   tạo mới: {run['recreated']}"
        )
        if run["problems"]:
            print("  LỖI: " + "; ".join(run["problems"]))
    print("-" * 91)
    print(
        "sàn: trung bình hai lần đọc trơn ngay trước và ngay sau lần nhập (cùng mức tải máy); "
        "giây CPU: của riêng tiến trình đo (PostgreSQL làm phần việc của nó ở tiến trình khác)."
    )
    print(
        "bộ nhớ đỉnh: ru_maxrss của tiến trình đo (nền Django + migrate trước khi nhập: "
        + ", ".join(f"{name} {run['baseline']:.0f} MiB" for name, _, run in runs)
        + f"); mục tiêu: nhập ≤ {GOAL:.0f}× đọc trơn."
    )
