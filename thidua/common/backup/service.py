"""``backup_create``: the database and the uploaded files into one archive, while the app
runs. ``restore_plan`` and ``backup_restore``: an archive checked against this installation,
then put in place of the current data."""

from __future__ import annotations

import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from thidua.common.backup import database
from thidua.common.backup.archive import Unpacked, add_file, add_manifest, media_files
from thidua.common.backup.errors import BackupError
from thidua.common.backup.manifest import Manifest

PREFIX = "thidua-"
SUFFIX = ".tar.gz"


@dataclass(frozen=True)
class Created:
    path: Path
    manifest: Manifest
    removed: list[Path]


@dataclass(frozen=True)
class Plan:
    """What a restore replaces, and with what, for the administrator to confirm."""

    backup: Unpacked
    current_database: str
    current_rows: int
    current_tables: int
    current_files: int
    media_root: Path
    migrations_missing: list[str]  # in the code, not applied in the backup: it is older
    migrations_unknown: list[str]  # applied in the backup, not in the code: it is newer


def media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def backup_folder() -> Path:
    return Path(settings.BACKUP_DIR)


def backup_create(*, destination: Path | None = None, keep: int | None = None) -> Created:
    """The archive at ``destination`` (a folder, default ``BACKUP_DIR``, where it is named by
    the time; or a file name ending in .tar.gz). With ``keep``, the oldest archives of that
    folder beyond the ``keep`` newest are deleted afterwards."""
    path = _archive_path(destination or backup_folder())
    path.parent.mkdir(parents=True, exist_ok=True)
    root = media_root()
    with tempfile.TemporaryDirectory(prefix=".thidua-backup-", dir=path.parent) as work:
        snapshot = database.dump(Path(work))
        # A backup cut short by a crash or a full disk keeps its ".partial" name.
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
            entries = [add_file(tar, Path(work) / snapshot.file_name, snapshot.file_name)]
            entries += [
                add_file(tar, file, f"media/{file.relative_to(root).as_posix()}")
                for file in _media_to_archive(root, path.parent)
            ]
            manifest = Manifest(
                created_at=datetime.now(UTC).isoformat(timespec="seconds"),
                app_version=_app_version(),
                vendor=snapshot.vendor,
                database=snapshot.file_name,
                migrations=snapshot.migrations,
                tables=snapshot.tables,
                files=entries,
            )
            add_manifest(tar, manifest)
        partial.chmod(0o600)  # the award history and the personal data of every officer
        partial.rename(path)
    removed = _prune(path, keep) if keep else []
    return Created(path, manifest, removed)


def restore_plan(backup: Unpacked) -> Plan:
    """What restoring ``backup`` would replace. ``BackupError`` when it is of another kind
    of database than this installation's."""
    current = database.vendor()
    if backup.manifest.vendor != current:
        raise BackupError(
            f"Bản sao lưu {backup.path} là của cơ sở dữ liệu "
            f"{database.vendor_name(backup.manifest.vendor)}, còn hệ thống đang dùng "
            f"{database.vendor_name(current)}; không khôi phục được. Chưa có gì thay đổi.",
            code="vendor",
        )
    rows = database.table_rows()
    code = database.code_migrations()
    applied = set(backup.manifest.migrations)
    return Plan(
        backup=backup,
        current_database=database.database_label(),
        current_rows=sum(rows.values()),
        current_tables=len(rows),
        current_files=len(media_files(media_root())),
        media_root=media_root(),
        migrations_missing=sorted(code - applied),
        migrations_unknown=sorted(applied - code),
    )


def backup_restore(plan: Plan) -> None:
    """Replace the database and the uploaded files with the backup's, then check that every
    table holds the rows the manifest counted."""
    backup = plan.backup
    database.load(backup.database)
    _replace_media(backup.media, plan.media_root)
    rows = database.table_rows()
    differ = [t for t, n in backup.manifest.tables.items() if rows.get(t) != n]
    if differ:
        raise BackupError(
            f"Đã khôi phục nhưng số dòng của {len(differ)} bảng ({', '.join(differ[:5])}) khác "
            "bản kê của bản sao lưu; hãy kiểm tra lại cơ sở dữ liệu trước khi dùng.",
            code="rows",
        )


def _replace_media(source: Path, root: Path) -> None:
    # The folder itself stays (it may be a mount point, with its owner and permissions);
    # what is in it is replaced. The unpacked files sit beside it, so each move is a rename.
    root.mkdir(parents=True, exist_ok=True)
    for child in list(root.iterdir()):
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    if source.is_dir():
        for child in source.iterdir():
            child.rename(root / child.name)


def _media_to_archive(root: Path, folder: Path) -> list[Path]:
    # A folder of backups kept among the uploads is not backed up into each new backup.
    inside = folder.is_relative_to(root)
    return [f for f in media_files(root) if not (inside and f.is_relative_to(folder))]


def _archive_path(destination: Path) -> Path:
    if destination.name.endswith(SUFFIX):
        return destination
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    path = destination / f"{PREFIX}{stamp}{SUFFIX}"
    n = 1
    while path.exists():  # two backups within a second
        n += 1
        path = destination / f"{PREFIX}{stamp}-{n}{SUFFIX}"
    return path


def _prune(created: Path, keep: int) -> list[Path]:
    """Delete the oldest archives beside ``created`` (by the time they were written) beyond
    the ``keep`` newest; only names this command gives are touched, and never ``created``."""
    others = [p for p in created.parent.glob(f"{PREFIX}*{SUFFIX}") if p != created]
    others.sort(key=lambda p: (p.stat().st_mtime_ns, p.name))
    old = others[: max(len(others) - (keep - 1), 0)]
    for path in old:
        path.unlink()
    return old


def _app_version() -> str:
    try:
        return version("thidua")
    except PackageNotFoundError:
        return "0"
