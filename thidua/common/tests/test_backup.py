"""``thidua backup`` then ``thidua restore``: every record and every uploaded file as it was
when the backup was made, on the database the suite runs on (SQLite, or PostgreSQL in CI);
a damaged or mismatching archive refused with exit code 2 and nothing changed."""

from __future__ import annotations

import io
import json
import tarfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

from thidua.orgs.models import Person, Unit
from thidua.orgs.tests.factories import PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def var_dir(tmp_path: Path, settings: Any) -> Path:
    # Uploads on disk, as on a server (the suite keeps them in memory otherwise).
    settings.MEDIA_ROOT = tmp_path / "var" / "media"
    settings.BACKUP_DIR = tmp_path / "var" / "backups"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path / "var"


def every_row() -> dict[str, list[str]]:
    """Every table's rows, read with SQL, in an order that does not depend on the plan."""
    rows = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows[table] = sorted(repr(row) for row in cursor.fetchall())
    return rows


def every_file(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def run(command: str, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(command, *args, stdout=out, stderr=err)
    except SystemExit as exit:
        return int(exit.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def backup(tmp_path: Path) -> Path:
    path = tmp_path / "sao-luu.tar.gz"
    code, _, err = run("backup", str(path))
    assert (code, err) == (0, "")
    return path


def given_data_and_files() -> None:
    district = UnitFactory.create(code="KA", name="Quận Kiến An")
    ward = UnitFactory.create(code="LH", name="Phường Lãm Hà", parent=district)
    PersonFactory.create(code="CN1", full_name="Nguyễn Văn Hinh", unit=ward)
    PersonFactory.create(code="CN2", full_name="Trần Thị Lan", unit=district)
    default_storage.save("evidence/2025/bien-ban.pdf", ContentFile(b"%PDF-1.7 bien ban"))
    default_storage.save("imports/2025/12/so-lieu.xlsx", ContentFile(b"PK\x03\x04 so lieu"))


def repack(source: Path, dest: Path, edit: Callable[[str, bytes], bytes]) -> Path:
    """The archive at ``source`` with each member's bytes passed through ``edit``."""
    with tarfile.open(source, "r:gz") as old, tarfile.open(dest, "w:gz") as new:
        for member in old.getmembers():
            data = edit(member.name, old.extractfile(member).read())  # type: ignore[union-attr]
            member.size = len(data)
            new.addfile(member, io.BytesIO(data))
    return dest


def with_manifest(source: Path, dest: Path, change: Callable[[dict[str, Any]], object]) -> Path:
    """The archive at ``source`` with its manifest changed by ``change``, its files intact."""

    def edit(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        change(manifest)
        return json.dumps(manifest).encode()

    return repack(source, dest, edit)


def test_a_restore_brings_back_every_record_and_file_as_backed_up(tmp_path, var_dir):
    # given: records and uploaded files, backed up
    given_data_and_files()
    rows, files = every_row(), every_file(var_dir / "media")
    archive = backup(tmp_path)
    # when: records are changed, deleted and added, and files too; then the backup restored
    Person.objects.filter(code="CN1").update(full_name="Nguyễn Văn Hinh (đã sửa)")
    Person.objects.filter(code="CN2").delete()
    PersonFactory.create(code="CN3", unit=Unit.objects.get(code="KA"))
    (var_dir / "media/evidence/2025/bien-ban.pdf").write_bytes(b"%PDF-1.7 da sua")
    (var_dir / "media/imports/2025/12/so-lieu.xlsx").unlink()
    default_storage.save("movements/2026/ke-hoach.docx", ContentFile(b"PK moi"))
    assert every_row() != rows
    code, out, err = run("restore", str(archive), "--yes")
    # then
    assert (code, err) == (0, "")
    assert "Đã khôi phục cơ sở dữ liệu và 2 tệp đính kèm" in out
    assert every_row() == rows
    assert every_file(var_dir / "media") == files
    assert Person.objects.get(code="CN1").full_name == "Nguyễn Văn Hinh"
    assert not list((var_dir).glob(".thidua-restore-*"))


def test_a_backup_lists_every_file_with_its_checksum_and_the_migrations(tmp_path):
    given_data_and_files()

    code, out, _ = run("backup", str(tmp_path / "b.tar.gz"))

    assert code == 0
    assert out.startswith("Đã sao lưu cơ sở dữ liệu (")
    assert "và 2 tệp đính kèm vào " in out
    with tarfile.open(tmp_path / "b.tar.gz", "r:gz") as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
        names = set(tar.getnames())
    assert manifest["vendor"] == connection.vendor
    assert {e["path"] for e in manifest["files"]} | {"manifest.json"} == names
    assert {"media/evidence/2025/bien-ban.pdf", "media/imports/2025/12/so-lieu.xlsx"} <= names
    assert all(len(e["sha256"]) == 64 for e in manifest["files"])
    assert "orgs.0001_initial" in manifest["migrations"]
    assert manifest["tables"]["orgs_person"] == 2


def test_a_backup_into_a_folder_keeps_the_newest(tmp_path, settings):
    for _ in range(3):
        assert run("backup", "--keep", "2")[0] == 0

    code, out, _ = run("backup", "--keep", "2")

    assert code == 0
    assert "Đã xóa 1 bản sao lưu cũ, giữ 2 bản mới nhất." in out
    assert len(list(Path(settings.BACKUP_DIR).glob("thidua-*.tar.gz"))) == 2


def test_a_damaged_archive_is_refused_and_nothing_changes(tmp_path):
    given_data_and_files()
    archive = backup(tmp_path)
    damaged = tmp_path / "hong.tar.gz"
    damaged.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    Person.objects.filter(code="CN1").update(full_name="Sau khi sao lưu")
    rows = every_row()

    code, _, err = run("restore", str(damaged), "--yes")

    assert code == 2
    assert "bị hỏng hoặc không đầy đủ" in err
    assert "chưa có gì thay đổi" in err
    assert every_row() == rows


def test_a_file_changed_inside_the_archive_is_refused(tmp_path):
    given_data_and_files()
    archive = backup(tmp_path)
    tampered = repack(
        archive,
        tmp_path / "sua.tar.gz",
        lambda name, data: data.replace(b"bien ban", b"bien BAN"),
    )

    code, _, err = run("restore", str(tampered), "--yes")

    assert code == 2
    assert "media/evidence/2025/bien-ban.pdf không khớp mã kiểm tra SHA-256" in err


def test_an_archive_of_another_database_is_refused(tmp_path):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    archive = with_manifest(
        backup(tmp_path), tmp_path / "khac.tar.gz", lambda manifest: manifest.update(vendor=other)
    )

    code, _, err = run("restore", str(archive), "--yes")

    assert code == 2
    assert "còn hệ thống đang dùng" in err


def test_an_archive_of_an_older_schema_is_refused_unless_told(tmp_path):
    given_data_and_files()
    archive = with_manifest(
        backup(tmp_path),
        tmp_path / "cu.tar.gz",
        lambda manifest: manifest["migrations"].remove("orgs.0001_initial"),
    )
    Person.objects.filter(code="CN1").update(full_name="Sau khi sao lưu")

    refused = run("restore", str(archive), "--yes")
    forced = run("restore", str(archive), "--yes", "--ignore-migrations")

    assert refused[0] == 2
    assert "phiên bản Thi đua cũ hơn" in refused[2]
    assert "orgs.0001_initial" in refused[2]
    assert forced[0] == 0
    assert 'hãy chạy "thidua migrate"' in forced[1]
    assert Person.objects.get(code="CN1").full_name == "Nguyễn Văn Hinh"


def test_a_restore_asks_first_and_stops_unless_confirmed(tmp_path, monkeypatch):
    given_data_and_files()
    archive = backup(tmp_path)
    Person.objects.filter(code="CN1").update(full_name="Sau khi sao lưu")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "")

    code, out, _ = run("restore", str(archive))

    assert code == 1
    assert "Khôi phục sẽ THAY THẾ toàn bộ dữ liệu hiện có" in out
    assert "2 tệp đính kèm trong" in out
    assert "Đã thôi; dữ liệu hiện có giữ nguyên." in out
    assert Person.objects.get(code="CN1").full_name == "Sau khi sao lưu"
    monkeypatch.setattr("builtins.input", lambda prompt: "co")
    assert run("restore", str(archive))[0] == 0
    assert Person.objects.get(code="CN1").full_name == "Nguyễn Văn Hinh"


def test_check_reads_the_archive_without_restoring(tmp_path):
    given_data_and_files()
    archive = backup(tmp_path)
    Person.objects.filter(code="CN1").update(full_name="Sau khi sao lưu")

    code, out, _ = run("restore", str(archive), "--check")

    assert code == 0
    assert "mọi tệp khớp mã kiểm tra SHA-256" in out
    assert "Bản sao lưu nguyên vẹn và khôi phục được vào hệ thống này." in out
    assert Person.objects.get(code="CN1").full_name == "Sau khi sao lưu"
